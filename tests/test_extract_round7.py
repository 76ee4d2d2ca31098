"""Round 7 of issue 18: what an unseen annotator's texts need (dev 6), read as general English.

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


def test_a_text_naming_no_subject_is_the_life_of_the_one_whose_birth_it_tells() -> None:
    text = (
        "Lives of the North logo\n\n1890–1950\n\nFarmer\n\nThe farm at Lower Brook lay by the lake. Per Berg was "
        "born at Lower Brook on 4 May 1890, the son of the miller of Lower Brook. When he was six he went to "
        "school. In 1910 Berg moved to Oslo.\n"
    )
    draft = _draft(text)
    subject = draft.dataset["people"][0]
    assert (subject["name"], subject["birth"]["date"], subject["death"]["date"]) == ("Per Berg", "1890-05-04", "1950")
    assert [(e["date"], e["title"]) for e in draft.dataset["events"]] == [
        ("1950", "Per Berg dies"),
        ("1890-05-04", "Per Berg is born"),
        ("[1896-05-04..1897-05-03]", "He went to school"),
        ("1910", "Berg moved to Oslo"),
    ]
    assert (
        "the text names no subject in a title or a first sentence; read as 'Per Berg', whose birth it tells "
        "first: give the right one with --subject"
    ) in draft.warnings


def test_a_dictionarys_note_on_when_the_entry_was_published_is_not_the_life() -> None:
    text = (
        "Dictionary of Lives\n\nBerg, Per\n\nThis entry, written by Kari Holm, was first published in the "
        "Dictionary of Lives in 1990. It was updated in May, 2004.\n\nPer Berg (1890–1950) was a farmer. In 1910 "
        "he moved to Oslo.\n"
    )
    assert _events(text) == [("1890", "Per Berg is born"), ("1950", "Per Berg dies"), ("1910", "He moved to Oslo")]


def test_a_birth_set_beside_the_name_the_first_sentence_opens_on_is_the_subjects() -> None:
    text = (
        "Per Berg, born on 4 May 1990, is a Norwegian farmer who lives in Oslo. At the age of 11, he moved to "
        "Oslo. By the age of 20 he had won two prizes.\n"
    )
    draft = _draft(text)
    assert draft.dataset["people"][0]["birth"]["date"] == "1990-05-04"
    assert [(e["date"], e["title"]) for e in draft.dataset["events"]] == [
        ("1990-05-04", "Per Berg is born"),
        ("[2001-05-04..2002-05-03]", "He moved to Oslo"),
        ("[..2011-05-03]", "He had won two prizes"),
    ]


def test_an_infobox_birth_the_prose_contradicts_is_kept_and_the_summary_says_they_differ() -> None:
    text = (
        "= Per Berg =\n\nBorn: 4 May 1890\n\nPer Berg was a Norwegian farmer. He was born on 14 May 1890 in Oslo. "
        "At 20 he married.\n"
    )
    draft = _draft(text)
    assert draft.dataset["people"][0]["birth"]["date"] == "1890-05-04"
    assert (
        "the birth comes from the infobox line, 1890-05-04, and the prose gives another, 1890-05-14: ages count "
        "from the infobox's; check which is right"
    ) in draft.warnings


def test_an_age_with_a_word_that_weighs_it_is_an_age() -> None:
    text = LIFE + "She became a judge at the late age of 40. Her brother was a judge at the early age of 30."
    assert _events(text)[2:] == [("[1940-05-03..1941-05-02]", "She became a judge")]


def test_after_that_meeting_and_a_sentence_opening_then_before_a_name_count_from_the_date_before() -> None:
    text = LIFE + "In 1950 she met the board. After that meeting, the board grew. Then King Olav visited her."
    assert _events(text)[2:] == [
        ("1950", "She met the board"),
        ("[1950..]", "The board grew"),
        ("[1950..]", "King Olav visited her"),
    ]


def test_a_name_given_after_someone_is_no_event_to_count_from() -> None:
    text = LIFE + "In 1951 she took the name Sister Anna after Saint Anne. She taught for 12 years."
    assert _events(text)[2:] == [
        ("1951", "She took the name Sister Anna after Saint Anne"),
        ("1951/1963", "She taught"),
    ]


def test_upon_which_leads_its_clause_and_went_on_to_is_afterwards() -> None:
    text = (
        LIFE + "In 1970 she won a prize, upon which she went home. She went on to found a school. "
        "In 1975 she founded a firm, which went on to grow. She won the cup on 4 May 1976, upon which she retired."
    )
    assert _events(text)[2:] == [
        ("1970", "She won a prize"),
        ("[1970..]", "She went home"),
        ("[1970..]", "She went on to found a school"),
        ("1975", "She founded a firm"),
        ("1976-05-04", "She won the cup"),
        ("[1976-05-04..]", "She retired"),
    ]


def test_for_years_opening_a_clause_is_a_stretch_from_the_date_before() -> None:
    text = (
        LIFE
        + "In 1972 Ann left Oslo. For years she wrote letters. In 1975 she kept a diary, a habit she kept for years."
    )
    assert _events(text)[2:] == [
        ("1972", "Ann left Oslo"),
        ("1972/..", "She wrote letters"),
        ("1975", "She kept a diary, a habit she kept for years"),
    ]


def test_a_relative_date_in_brackets_beside_its_year_gives_way_to_it() -> None:
    text = LIFE + "In 1972 Ann left Oslo. In 1974, (just two years later) she returned. Then she wrote a novel."
    assert _events(text)[2:] == [("1972", "Ann left Oslo"), ("1974", "She returned"), ("[1974..]", "She wrote a novel")]


def test_a_timelines_rows_are_sentences_and_a_row_telling_the_birth_gives_its_year() -> None:
    text = (
        "Ann Lee at work in 1950\n1900 - Ann Lee was born in Oslo to a family of farmers\n1920 - Ann moves to "
        "Bergen\n1925 - Ann marries Tom Ek. She went on to teach in Bergen.\n"
    )
    draft = _draft(text)
    assert draft.dataset["people"][0]["birth"]["date"] == "1900"
    assert [(e["date"], e["source"]["quote"]) for e in draft.dataset["events"]] == [
        ("1900", "1900 - Ann Lee was born in Oslo to a family of farmers"),
        ("1920", "1920 - Ann moves to Bergen"),
        ("1925", "1925 - Ann marries Tom Ek."),
        ("[1925..]", "She went on to teach in Bergen."),
    ]


def test_a_duration_in_the_clause_of_its_start_is_one_stretch_from_that_date() -> None:
    text = (
        LIFE + "Since 1948, she was kept under house arrest for almost 14 years. In 1969 she and her sister spent 10 "
        "months in Rome. In 1921 she went to London for a year."
    )
    assert _events(text)[2:] == [
        ("1948/1962", "She was kept under house arrest"),
        ("1969/1970-10", "She and her sister spent 10 months in Rome"),
        ("1921", "She went to London"),
    ]


def test_a_stretch_begun_is_a_claim_beside_the_date_it_begins() -> None:
    text = (
        LIFE + "In 1930 she met Tom Ek, with whom she began a 40-year friendship. In 1931 she began a five-year course."
    )
    assert _events(text)[2:] == [
        ("1930", "She met Tom Ek"),
        ("1930/1970", "She began a 40-year friendship"),
        ("1931", "She began a five-year course"),
        ("1931/1936", "She began a five-year course"),
    ]


def test_a_duration_after_an_age_counts_to_the_day_during_years_of_counts_and_over_a_count_has_no_end() -> None:
    text = (
        LIFE + "When she was 18 she moved to Bergen. She taught there for 17 years. On 13 April 1950 the war broke "
        "out. She served during five years of war in the north. In 1940 she moved to Oslo. She lived there for over "
        "30 years. In the last year of her life she was ill for two months. By then she had spent 5 years abroad."
    )
    assert _events(text)[2:] == [
        ("[1918-05-03..1919-05-02]", "She moved to Bergen"),
        ("1918-05-03/1936-05-02", "She taught there"),
        ("1950-04-13", "The war broke out"),
        ("1950-04-13/1955-04", "She served in the north"),
        ("1940", "She moved to Oslo"),
        ("1940/..", "She lived there"),
        ("[1979-06-10..1980-06-09]", "She was ill"),
        ("[..1980-06-09]", "She had spent 5 years abroad"),
    ]


def test_a_count_of_people_with_a_participle_before_them_is_no_year() -> None:
    text = (
        LIFE
        + "On 4 May 1944, around 1000 armed soldiers came to her town. In 1950 some 1200 trained nurses joined her."
    )
    assert _events(text)[2:] == [
        ("1944-05-04", "Around 1000 armed soldiers came to her town"),
        ("1950", "Some 1200 trained nurses joined her"),
    ]


def test_an_age_in_a_when_clause_after_a_day_says_that_day_again() -> None:
    text = (
        LIFE
        + "With the fire on 19 July 1902, when Ann Lee was barely 2 years old, her father did not see the farm rebuilt."
    )
    assert _events(text)[2:] == [("1902-07-19", "With the fire")]


def test_a_date_and_the_end_its_clause_gives_later_are_one_stretch() -> None:
    text = (
        LIFE + "In 1920 she taught in Oslo until 1930. Tom, in 1941 succeeded her as editor of the paper until his "
        "death on 4 May 1950. In 1951 she became head of the school until its closure in 1960. In 1916 she "
        "married Tom and lived in Oslo until 1925. In 1961 she went to Rome, and stayed until 1962."
    )
    assert _events(text)[2:] == [
        ("1920/1930", "She taught in Oslo"),
        ("1941/1950-05-04", "Tom, succeeded her as editor of the paper"),
        ("1950-05-04", "Tom, succeeded her as editor of the paper"),
        ("1951/1960", "She became head of the school"),
        ("1960", "She became head of the school"),
        ("1916", "She married Tom and lived in Oslo"),
        ("../1925", "She married Tom and lived in Oslo"),
        ("1961", "She went to Rome"),
        ("../1962", "She went to Rome, and stayed"),
    ]


def test_by_the_time_of_her_death_in_its_year_is_by_the_day_of_the_subjects_death() -> None:
    text = (
        LIFE + "She wrote for her paper. By the time of her death in 1980, the school had 400 pupils. By his death "
        "in 1980, her brother Tom was rich."
    )
    assert _events(text)[2:] == [
        ("[..1980-06-09]", "The school had 400 pupils"),
        ("[..1980]", "Her brother Tom was rich"),
    ]


def test_what_came_before_doing_something_in_a_year_is_by_that_year_and_the_doing_a_claim() -> None:
    text = LIFE + "She sold books before leaving the city in 1932. After leaving school in 1918, she moved to Oslo."
    assert _events(text)[2:] == [
        ("[..1932]", "She sold books"),
        ("1932", "Leaving the city"),
        ("1918", "Leaving school"),
        ("[1918..]", "She moved to Oslo"),
    ]


def test_what_came_between_an_opening_date_and_a_dated_event_before_it_is_between_them() -> None:
    text = LIFE + "Freed in 1920, she first worked on a farm before joining a choir in 1925."
    assert _events(text)[2:] == [
        ("1920", "Freed, she first worked on a farm"),
        ("[1920..1925]", "She first worked on a farm"),
        ("1925", "Joining a choir"),
    ]


def test_an_open_life_date_parenthesis_is_a_living_subjects_birth_not_a_claim() -> None:
    text = (
        "Ann Lee\n\nAnn Lee (1945– ) is a Norwegian poet. She won a prize in 1989.\nEarly life\nAnn Lee was born on "
        "3 May 1945 in Oslo. At 20 she left home.\n"
    )
    draft = _draft(text)
    subject = draft.dataset["people"][0]
    assert (subject["birth"]["date"], "death" in subject) == ("1945-05-03", False)
    assert [(e["date"], e["title"]) for e in draft.dataset["events"]] == [
        ("1989", "She won a prize"),
        ("1945-05-03", "Ann Lee is born"),
        ("[1965-05-03..1966-05-02]", "She left home"),
    ]
    assert _events("Ann Lee\n\nAnn Lee (1945–present) is a poet. She won a prize in 1989.\n") == [
        ("1945", "Ann Lee is born"),
        ("1989", "She won a prize"),
    ]


ROUND7_ATTACKS = [
    "Since 1948, she was kept at home "
    + "for almost 14 years, and in 1969 they spent 10 months in Rome, and began a 40-year friendship, " * 40
    + "and left.\n",
    "In 1920 she taught in Oslo until 1930, and in 1931 he led it until his death on 4 May 1950, " * 40,
    "Freed in 1920, she worked " + "before joining a choir in 1925 and " * 100 + "left.\n",
    "After that meeting, the board grew. Then King Olav came. For years she wrote, upon which she went on to sing. "
    "In 1974, (just two years later) she left. By the time of her death in 1980, it grew. " * 20,
    "1920 - Ann moves to Bergen with around 1000 armed soldiers\n" * 100,
    "Tom Ek (1945– ) met her in 1960. " * 100,
]


@pytest.mark.parametrize("attack", ROUND7_ATTACKS, ids=range(len(ROUND7_ATTACKS)))
def test_this_rounds_readings_repeated_give_a_valid_draft_of_bounded_size(attack: str, tmp_path: Path) -> None:
    text = "= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. In 1925 she moved.\n\n" + attack
    draft = _draft(text)
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    check_unwritten(to_json(draft.dataset).encode("utf-8"), tmp_path / "draft.json")
    assert len(to_json(draft.dataset)) < 30 * len(text) + 20_000


def test_a_name_the_subject_was_called_is_theirs_and_dates_their_age() -> None:
    text = (
        LIFE + "She was the youngest child; at home she was called Nan. In 1915, when Nan was 14, she left school. "
        "Her brother was known as Bo."
    )
    draft = _draft(text)
    assert draft.dataset["people"][0]["aliases"] == ["Nan"]
    assert [(e["date"], [(b["side"], b["date"]) for b in e.get("bounds", [])]) for e in draft.dataset["events"]][
        2:
    ] == [("1915", [("latest", "1915-05-02")])]


def test_an_event_a_sentence_says_would_come_later_is_not_dated_by_that_sentence() -> None:
    text = (
        LIFE + "In 1920 she met Tom Ek, a man who would serve as a general during the Long War. During the war, "
        "she nursed soldiers. In 1930 she went to war. During the war, she was hurt."
    )
    draft = _draft(text)
    assert [(e["date"], e["title"]) for e in draft.dataset["events"]][2:] == [
        ("1920", "She met Tom Ek, a man who would serve as a general"),
        ("1930", "She went to war"),
        ("1930", "She was hurt"),
    ]
    assert [(u.text, u.reason) for u in draft.unresolved] == [("During the war", "the text dates no war before it")]
