"""Round 7 of issue 18: what an unseen annotator's texts need (dev 6), read as general English.

Every sentence here is composed for its test, never copied from a development
or held-out text. Each test pins the exact dates drafted, and each failed on
the code before its rule.
"""

from __future__ import annotations

from sedov_cli.extraction import draft_dataset
from sedov_cli.extraction.draft import Draft, Source


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
