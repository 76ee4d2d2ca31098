"""Round 8 of issue 18: classes of misreading found across the development sets (dev 7 first), read as
general English, so that what is fixed is a reading that fails wherever it occurs.

Every sentence here is composed for its test, never copied from a development
or held-out text. Each test pins the exact dates drafted, and each failed on
the code before its rule.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sedov_cli.dataset import check_unwritten
from sedov_cli.extraction import draft_dataset
from sedov_cli.extraction.draft import Draft, Source, to_json


def _draft(text: str) -> Draft:
    return draft_dataset(text, Source("a.txt"))


def _events(text: str) -> list[tuple[str, str]]:
    return [(e["date"], e["title"]) for e in _draft(text).dataset["events"]]


LIFE = "= Ann Lee =\n\nAnn Lee (3 May 1900 – 9 June 1980) was a Norwegian poet. "


def test_the_subjects_birth_told_again_in_the_body_is_no_claim_but_another_birth_is() -> None:
    text = (
        LIFE + "\n\n== Early life ==\n\nAnn Lee was born in Bergen, Hordaland on 3 May 1900. She was probably born "
        "at home in 1900. Her son was born in Oslo in 1925. Lee was born in 1901, her mother said. In 1920 she left."
    )
    assert _events(text)[2:] == [
        ("1925", "Her son was born in Oslo"),
        ("1901", "Lee was born, her mother said"),
        ("1920", "She left"),
    ]


def test_a_year_in_brackets_after_an_age_is_the_ages_year_and_what_follows_counts_from_both() -> None:
    text = LIFE + "At the age of twelve (1912) in Port Elk, Vestland Ann saw a ship. She later wrote of it."
    draft = _draft(text)
    assert [(e["date"], [(b["side"], b["date"]) for b in e.get("bounds", [])]) for e in draft.dataset["events"]][
        2:
    ] == [
        ("1912", [("earliest", "1912-05-03")]),
        ("[1912-05-03..]", [("earliest", "1912-05-03"), ("latest", "1980-06-09")]),
    ]


def test_citation_markers_opening_a_paragraph_do_not_hide_the_year_it_opens_on() -> None:
    text = LIFE + "\n\n[4][5] In 1921, she joined a choir and, at age twenty, won its prize."
    text += "\n\n[citation needed] By 1930 she had left."
    draft = _draft(text)
    assert [(e["date"], e["title"], e["source"]["quote"][:8]) for e in draft.dataset["events"]][2:] == [
        ("1921", "She joined a choir, won its prize", "In 1921,"),
        ("[1921-01-01..1921-05-02]", "Won its prize", "In 1921,"),
        ("[..1930]", "She had left", "By 1930 "),
    ]


def test_an_age_in_a_clause_joined_to_a_fronted_year_narrows_only_its_own_clause() -> None:
    text = LIFE + "In 1911, she began to sing in a choir and, at the age of eleven, won a prize. In 1912, when she "
    text += "was twelve, she left. In 1913 she won again at the age of thirteen."
    draft = _draft(text)
    assert [(e["date"], [(b["side"], b["date"]) for b in e.get("bounds", []) if b["basis"] == "article"])
            for e in draft.dataset["events"]][2:] == [
        ("1911", []),
        ("[1911-05-03..1911-12-31]", [("earliest", "1911-05-03"), ("latest", "1911-12-31")]),
        ("1912", [("earliest", "1912-05-03")]),
        ("1913", [("earliest", "1913-05-03")]),
    ]  # fmt: skip


def test_a_wikipedia_copys_contents_native_name_and_editors_notes_are_read_as_such() -> None:
    text = (
        "Ann Lee\nContents\n1 Life\n1.1 The war of 1940–45\n1.2 May – June 1945\n2 References\n"
        "Ann Lee (3 May 1900 – 9 June 1980;[1][2] Norwegian: Anne Li) was a poet. She moved to Oslo.[4][dead link] "
        "Her mother died when she was four. In 1930 she left.\n"
    )
    draft = _draft(text)
    assert [(e["date"], e["title"]) for e in draft.dataset["events"]] == [
        ("1900-05-03", "Ann Lee is born"),
        ("1980-06-09", "Ann Lee dies"),
        ("[1904-05-03..1905-05-02]", "Her mother died"),
        ("1930", "She left"),
    ]
    assert draft.skipped["contents"] == 2


def test_then_after_a_trailing_year_is_afterwards_and_within_an_opening_year_is_that_year() -> None:
    text = LIFE + (
        "She left school in 1915, then went to Bergen. Finally in 1920 a court heard her case and she was "
        "forced to pay and then exiled. In 1922 she wrote a play, and then she staged it."
    )
    assert _events(text)[2:] == [
        ("1915", "She left school"),
        ("[1915..]", "She left school, went to Bergen"),
        ("1920", "Finally a court heard her case"),
        ("1922", "She wrote a play"),
    ]


def test_a_year_glued_to_of_or_in_is_a_year_and_a_number_before_a_web_domain_is_a_name() -> None:
    text = (
        LIFE + "In May of1925 she sang in Bergen. She left in1926. In 1927 she founded Lee.com, 1930.com and Song.org."
    )
    assert _events(text)[2:] == [
        ("1925-05", "She sang in Bergen"),
        ("1926", "She left"),
        ("1927", "She founded Lee.com, 1930.com and Song.org"),
    ]


def test_a_fuller_name_tells_a_mononyms_birth_before_a_day_is_the_day_before_and_an_opening_phrase_names_no_one() -> (
    None
):
    text = (
        "Tano - King of Ulm\n\nTano was a king of the north.\n\nMato al-sen Tano was born on 4 May 1500 in Ulm. "
        "Before his birth, his father Ivo Ek had fled the town. After the death of Ivo Ek, Tano was made king at "
        "the age of 20."
    )
    draft = _draft(text)
    assert draft.dataset["people"][0]["birth"]["date"] == "1500-05-04"
    assert [(e["date"], e["title"]) for e in draft.dataset["events"]] == [
        ("1500-05-04", "Tano is born"),
        ("[..1500-05-03]", "His father Ivo Ek had fled the town"),
        ("[1520-05-04..1521-05-03]", "Tano was made king"),
    ]


def test_the_subject_named_with_an_age_is_an_age_and_a_by_then_in_its_clause_adds_nothing() -> None:
    text = LIFE + "Ann was twelve when her father Tom, by then a judge, moved to Oslo. Soon she sang. Tom was forty."
    assert _events(text)[2:] == [
        ("[1912-05-03..1913-05-02]", "Her father Tom, a judge, moved to Oslo"),
        ("[1912-05-03..]", "She sang"),
    ]


ROUND8_ATTACKS = [
    "In 1911, she sang "
    + "and, at age eleven, Ann Lee was born in Oslo, Norway on 3 May 1900 at the age of ten (1910) " * 40
    + "and left.\n",
    "Contents\n" + "1.1 May – June 1945\n" * 100,
    "[4][dead link] She left school in 1915, then went in May of1916 to 1688.com and then sang. " * 60,
    "After the death of Tom Ek, Ann was twelve when her father, by then a judge, moved. Before her birth, Her "
    "mother died when she was four. Mary Ann Lee was born in 1900. " * 30,
]


@pytest.mark.parametrize("attack", ROUND8_ATTACKS, ids=range(len(ROUND8_ATTACKS)))
def test_this_rounds_readings_repeated_give_a_valid_draft_of_bounded_size(attack: str, tmp_path: Path) -> None:
    text = "= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. In 1925 she moved.\n\n" + attack
    draft = _draft(text)
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    check_unwritten(to_json(draft.dataset).encode("utf-8"), tmp_path / "draft.json")
    assert len(to_json(draft.dataset)) < 30 * len(text) + 20_000
