"""Readings added in stop 22 from a new user's review and from development set 7, as general English.

Every sentence here is composed for its test, never copied from a development
or held-out text. Each test pins the exact output, and each failed on the code
before its rule.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sedov_cli import cli
from sedov_cli.dataset import check_unwritten
from sedov_cli.extraction import draft_dataset
from sedov_cli.extraction.draft import Draft, NothingToDraft, Source, to_json

BLOG = (
    "Born: May 4, 1890 (Bergen, Norway)\nDied: June 9, 1950 (Oslo, Norway)\n\n"
    "A Little About Per Berg:\nIn 1910 the National Council of Farmers elected Berg as its secretary.\n\n"
    "He left the National Council of Farmers in 1920.\n\nLeave a Reply\n\n"
    "You are commenting using your account. Log Out /  Change )\n\n"
    "You are commenting using your Facebook account. Log Out /  Change )\n"
)


def _draft(text: str) -> Draft:
    return draft_dataset(text, Source("a.txt"))


def test_a_blog_with_no_title_is_the_life_of_the_name_it_gives_not_its_comment_form_or_an_institution() -> None:
    """'You are commenting using your account' opens on a pronoun, and is the blog's furniture; 'National Council
    of Farmers', named twice, is an institution; 'A Little About Per Berg' is a heading over his name."""
    draft = _draft(BLOG)
    assert draft.dataset["people"][0]["name"] == "Per Berg"
    assert [(e["date"], e["title"]) for e in draft.dataset["events"]] == [
        ("1890-05-04", "Per Berg is born"),
        ("1950-06-09", "Per Berg dies"),
        ("1910", "The National Council of Farmers elected Berg as its secretary"),
        ("1920", "He left the National Council of Farmers"),
    ]
    assert (
        "the text does not say whose life it is; read as 'Per Berg', the name it gives most: give the right one "
        "with --subject"
    ) in draft.warnings


def test_a_first_sentence_that_tells_a_birthplace_with_a_comma_names_its_opening_name_not_the_place() -> None:
    """'Tom Ek was born in Leeds, England, in 1920.' opens with Tom Ek: the name ends at the first verb, so the
    mother named next ('His mother Ann Berg was a nurse') does not become the subject."""
    draft = _draft("= Tom Ek =\n\nTom Ek was born in Leeds, England, in 1920. His mother Ann Berg was a nurse. In 1950 "
                   "he moved to London.\n")  # fmt: skip
    subject = draft.dataset["people"][0]
    assert (subject["name"], subject["birth"]["date"]) == ("Tom Ek", "1920")
    assert [(e["date"], e["title"], e["places"]) for e in draft.dataset["events"]] == [
        ("1920", "Tom Ek is born", ["leeds"]),
        ("1950", "He moved to London", ["london"]),
    ]


def test_an_entry_header_in_capitals_gives_the_birth_and_death_and_the_place_after_each_date() -> None:
    text = (
        "Holm, Kari\n\nBORN 27 Dec 1571, Lund, Skåne (near Malmö) - DIED 15 Nov 1630, Uppsala\nGRAVE LOCATION "
        "Uppsala\n\nKari Holm was a Swedish astronomer. In 1589 she entered the university.\n"
    )
    draft = _draft(text)
    subject = draft.dataset["people"][0]
    assert (subject["name"], subject["birth"]["date"], subject["death"]["date"]) == (
        "Kari Holm",
        "1571-12-27",
        "1630-11-15",
    )
    assert [(e["date"], e["title"], e["places"]) for e in draft.dataset["events"]] == [
        ("1571-12-27", "Kari Holm is born", ["lund"]),
        ("1630-11-15", "Kari Holm dies", ["uppsala"]),
        ("1589", "She entered the university", []),
    ]


def test_an_infobox_under_its_own_heading_gives_the_life_and_a_prose_birth_on_the_same_day_is_its_one_claim() -> None:
    """'- Pseudonym: …' above '- Birth Date: …' under an 'Infobox' heading is a field, not the life's list: the
    death is read, no event is titled 'Death Date', and the prose sentence that tells the birth again on the
    same day is the birth's one event (the infobox line is its copy)."""
    text = (
        "= Ann Lee =\n\nInfobox\n- Pseudonym: Ann Lee\n- Birth Date: 1872-05-02\n- Birth Place: Bergen, Norway\n"
        "- Death Date: 1896-11-23\n- Death Place: Oslo, Norway\n\n, known by her pen name , was a Norwegian "
        "writer.\n\n==Early life==\nLee was born in Bergen on 2 May 1872 as the fourth child of a farmer. In 1886, "
        "she began studying poetry.\n"
    )
    draft = _draft(text)
    subject = draft.dataset["people"][0]
    assert (subject["birth"]["date"], subject["death"]["date"]) == ("1872-05-02", "1896-11-23")
    assert subject["birth"]["source"]["quote"].startswith("Lee was born in Bergen on 2 May 1872")
    assert [(e["date"], e["title"], e["places"]) for e in draft.dataset["events"]] == [
        ("1896-11-23", "Ann Lee dies", ["oslo"]),
        ("1872-05-02", "Ann Lee is born", ["bergen"]),
        ("1886", "She began studying poetry", []),
    ]
    assert not any("infobox line" in w for w in draft.warnings)


def test_either_of_two_years_in_the_life_dates_or_a_died_line_is_a_range_and_the_death_is_never_if_alive(
    tmp_path: Path,
) -> None:
    """'(February 25, 1304 – 1368 or 1369)' and 'Died: 1368 or 1369' give the death as [1368..1369], not 1368
    (review 7 #3, #12); the death event, known only to its years, is the death itself: aged 63-65, never
    'if alive', and its ends are still the date's."""
    lead = "= Per Berg =\n\nPer Berg (February 25, 1304 – 1368 or 1369) was a traveller. In 1325 he left home.\n"
    boxed = "= Per Berg =\n\nBorn: February 25, 1304\nDied: 1368 or 1369\n\nPer Berg was a traveller.\n"
    for text in (lead, boxed):
        subject = _draft(text).dataset["people"][0]
        assert (subject["birth"]["date"], subject["death"]["date"]) == ("1304-02-25", "[1368..1369]")
    born_either = _draft("= Per Berg =\n\nPer Berg (1929 or 1930 – 1980) was a poet.\n").dataset["people"][0]
    assert (born_either["birth"]["date"], born_either["death"]["date"]) == ("[1929..1930]", "1980")
    article = tmp_path / "a.txt"
    article.write_text(lead, encoding="utf-8")
    out = tmp_path / "d.json"
    assert CliRunner().invoke(cli.app, ["extract", str(article), "-o", str(out), "--quiet"]).exit_code == 0
    listed = json.loads(CliRunner().invoke(cli.app, ["--data", str(out), "events", "--json"]).stdout)
    death = next(e for e in listed if e["title"] == "Per Berg dies")
    assert (death["when"], death["age"], death["status"]) == ("between 1368 and 1369", {"min": 63, "max": 65}, "lived")
    assert (death["start_basis"], death["end_basis"]) == ("date", "date")


def test_a_place_the_event_was_only_near_is_not_its_place_but_the_state_after_the_comma_is() -> None:
    """'at Benátky near Prague' did not happen in Prague (review 7 #9); 'near Delta, Louisiana' happened in
    Louisiana; 'outside Oslo' is not Oslo."""
    text = (
        "= Per Berg =\n\nPer Berg was a farmer. He was born on a farm near Delta, Louisiana, on 4 May 1890. On "
        "4 February 1920 he met Ann Lee at Benátky nad Jizerou near Prague. In 1930 he lived outside Oslo.\n"
    )
    assert [(e["date"], e["title"], e["places"]) for e in _draft(text).dataset["events"]] == [
        ("1890-05-04", "Per Berg is born", ["louisiana"]),
        ("1920-02-04", "He met Ann Lee at Benátky nad Jizerou near Prague", []),
        ("1930", "He lived outside Oslo", []),
    ]


def test_a_table_copys_contents_cell_is_chrome_not_the_opening_of_the_next_sentence() -> None:
    """'Contents |' from a page copied with its tables glued itself to the next sentence, whose first name then
    was 'Contents', so 'at the age of 31' was not the subject's (review 7 #11)."""
    text = (
        "Per Berg | |\n---|---|\nBorn | 4 May 1890 Bergen |\nPer Berg (4 May 1890 – 9 June 1950) was a farmer.[1]\n"
        "He was born in Bergen.[3]\nContents |\nBerg worked on farms in Bergen at the age of 31. The time he spent "
        "there mattered.\n"
    )
    assert [(e["date"], e["title"]) for e in _draft(text).dataset["events"]] == [
        ("1890-05-04", "Per Berg is born"),
        ("1950-06-09", "Per Berg dies"),
        ("[1921-05-04..1922-05-03]", "Berg worked on farms in Bergen"),
    ]


def test_an_undated_becoming_is_reported_in_words_a_reader_can_parse() -> None:
    """Was "the text dates no becoming gardener before it" (review 7 #16)."""
    draft = _draft("= Per Berg =\n\nPer Berg (4 May 1890 – 9 June 1950) was a farmer. He sold fish before becoming "
                   "a gardener.\n")  # fmt: skip
    assert [(u.text, u.reason) for u in draft.unresolved] == [
        ("before becoming a gardener", "the text does not say, before this, when the subject became a gardener")
    ]


def test_dates_before_the_year_1000_are_said_to_be_unread_not_silently_dropped() -> None:
    """An ancient life drafts nothing, and says why; a life that crosses the year 1000 says what it left out."""
    ancient = "= Ann of Tyre =\n\nAnn of Tyre (c. 350 – March 415) was a philosopher. She taught from AD 400.\n"
    with pytest.raises(NothingToDraft) as refused:
        _draft(ancient)
    assert str(refused.value) == (
        "found no dated claims in 2 sentences; nothing drafted: dates before the year 1000 or BC ('c. 350', "
        "'March 415', 'AD 400') are not read yet"
    )
    crossing = "= Ann of Tyre =\n\nAnn of Tyre was a nun. In March 999 she left. In 1010 she taught in Tyre.\n"
    assert (
        "dates before the year 1000 or BC ('March 999') are not read yet: add them to the draft by hand"
        in _draft(crossing).warnings
    )
    bare = "= Ann of Tyre =\n\nAnn of Tyre (born c. 950, died 1010) was a nun. In 999 she left. In 1005 she taught.\n"
    assert (  # review 8 #7: a bare year after 'in', 'born' or 'died', and a life-date parenthesis's first year
        "dates before the year 1000 or BC ('born c. 950', 'In 999') are not read yet: add them to the draft by hand"
        in _draft(bare).warnings
    )


def test_a_title_too_long_to_keep_whole_drops_an_appositive_whole_not_its_last_words() -> None:
    """Was 'She began studying waka poetry at the Haginoya, a private school run' (review 7 #15); a fronted
    phrase's comma is not such a cut ('As prisoners of war at Fort Randall, the group settled')."""
    text = (
        "= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. In 1916, she began studying waka poetry at the "
        "Haginoya, a private school run by Utako Nakajima. In February 1921, as prisoners of war at Fort Berg, the "
        "whole group settled on the river's south bank.\n"
    )
    assert [e["title"] for e in _draft(text).dataset["events"]][2:] == [
        "She began studying waka poetry at the Haginoya",
        "As prisoners of war at Fort Berg, the whole group settled",
    ]


def test_a_witness_telling_in_the_first_person_is_not_the_subjects_own_act() -> None:
    """'Kari and I realised …, and then had the task of telling him': the act is the witnesses', so it gets no
    bound that says the subject did it before the death (review 7 #7)."""
    text = (
        "= Per Berg =\n\nPer Berg (4 May 1936 – 21 January 1992) was a farmer. In 1974 he had lunch with Kari Holm "
        "and Ola Rud. Kari and I realised that he thought he owned that land, and then had the task of telling him "
        "that he did not.\n"
    )
    then = _draft(text).dataset["events"][-1]
    assert then["date"] == "[1974..]"
    assert [b["side"] for b in then["bounds"]] == ["earliest"]  # the reading's own start; no "precedes": "death"
    quoted = _draft("= Per Berg =\n\nPer Berg (4 May 1936 – 21 January 1992) was a farmer. After 1980 he told "
                    "friends that we all need land.\n").dataset["events"][-1]  # fmt: skip
    assert (quoted["date"], [b.get("precedes") for b in quoted["bounds"]]) == ("[1981..]", ["death"])


REVIEW7_ATTACKS = [
    "BORN 27 Dec 1571, Weil - DIED 15 Nov 1630, Regensburg\n" * 60,
    "Tom Ek (1929 or 1930 – 1368 or 1369) was born near Delta, Louisiana, in March 415 AD. " * 60,
    "Kari and I realised in 1974 that we had met at Benátky near Prague, outside Oslo. " * 60,
    "Contents |\nYou are commenting using your account. A Little About Per Berg: " * 60,
]


@pytest.mark.parametrize("attack", REVIEW7_ATTACKS, ids=range(len(REVIEW7_ATTACKS)))
def test_these_readings_repeated_give_a_valid_draft_of_bounded_size(attack: str, tmp_path: Path) -> None:
    """The shapes benchmarks/extract_attack.py times for these readings: a draft that validates, never a crash,
    and no blow-up in size (time is the benchmark's, not a test's)."""
    text = "= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. In 1925 she moved.\n\n" + attack
    draft = _draft(text)
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    check_unwritten(to_json(draft.dataset).encode("utf-8"), tmp_path / "draft.json")
    assert len(to_json(draft.dataset)) < 30 * len(text) + 20_000


@pytest.mark.parametrize(
    ("words", "edtf"),
    [
        ("on 3 or 4 March 1368", "[1368-03-03..1368-03-04]"),
        ("on March 3 or 4, 1368", "[1368-03-03..1368-03-04]"),
        ("in 1368 or 69", "[1368..1369]"),
        ("in 1368, or 1369", "[1368..1369]"),
    ],
)
def test_either_of_two_days_or_of_a_year_and_its_last_digits_is_a_range_not_the_second(words: str, edtf: str) -> None:
    """Each gave one exact day or year the text does not give (review 8 #2)."""
    assert [e["date"] for e in _draft(f"= Per Berg =\n\nPer Berg was a farmer. He left Oslo {words}.\n").dataset[
        "events"
    ]] == [edtf]  # fmt: skip
    if not words.startswith("on March"):  # the month-first form in life dates is not read
        life = _draft(f"= Per Berg =\n\nPer Berg (1304 – {words.split(' ', 1)[1]}) was a farmer.\n").dataset["people"]
        assert life[0]["death"]["date"] == edtf


@pytest.mark.parametrize(
    "header",
    [
        "BORN 27 Dec 1571, Lund - DIED 15 Nov 1630, Uppsala\nKari Holm was born in Malmö.",
        "Born 27 Dec 1571, Lund - Died 15 Nov 1630, Uppsala\n\nKari Holm was a nun.",
        "born 27 Dec 1571, Lund - died 15 Nov 1630, Uppsala\n\nKari Holm was a nun.",
    ],
)
def test_an_entry_header_in_any_case_gives_each_date_the_place_on_its_own_line(header: str) -> None:
    """The death was put in the town the next line's prose names, and 'Lund - Died' was a birthplace; mixed case
    gave no death at all (review 8 #1, #5)."""
    draft = _draft(f"= Kari Holm =\n\n{header} In 1600 she moved.\n")
    assert [(e["date"], e["title"], e["places"]) for e in draft.dataset["events"]][:2] == [
        ("1571-12-27", "Kari Holm is born", ["lund"]),
        ("1630-11-15", "Kari Holm dies", ["uppsala"]),
    ]


def test_an_infobox_under_a_facts_heading_gives_the_life() -> None:
    text = (
        "= Ann Lee =\n\nAnn Lee was a Norwegian writer.\n\nFacts\n- Pseudonym: Ann Lee\n- Birth Date: 1872-05-02\n"
        "- Death Date: 1896-11-23\n\nIn 1886, she began studying poetry.\n"
    )
    draft = _draft(text)
    assert [(e["date"], e["title"]) for e in draft.dataset["events"]] == [
        ("1872-05-02", "Ann Lee is born"),
        ("1896-11-23", "Ann Lee dies"),
        ("1886", "She began studying poetry"),
    ]
