"""Readings a new user's review found wrong in drafts (review 4): each sentence is composed for the test."""

from __future__ import annotations

from typing import Any

from sedov_cli.extraction import draft_dataset
from sedov_cli.extraction.draft import Source

LIFE = "Ann Lee (3 May 1900 – 9 June 1980) was a poet. "


def _events(body: str, life: str = LIFE) -> list[dict[str, Any]]:
    return list(draft_dataset(life + body, Source("a.txt")).dataset["events"])


def _dated(body: str, life: str = LIFE) -> list[tuple[str, str]]:
    return [
        (e["date"], e["title"]) for e in _events(body, life) if "birth" not in e["tags"] and "death" not in e["tags"]
    ]


def test_before_she_was_an_age_is_before_that_birthday() -> None:
    """ "Before she was ten": before the tenth birthday; "until she was 16": a stretch that ended while she
    was 16, so by the day before she turned 17."""
    assert _dated("Before she was ten years old, she read Ibsen. Until she was 16 she lived in Oslo.") == [
        ("[..1910-05-02]", "She read Ibsen"),
        ("../1917-05-02", "She lived in Oslo"),
    ]


def test_a_decade_with_an_apostrophe_is_the_decade() -> None:
    assert _dated("In the 1930's she lived in Bergen. In the 1940’s she lived in Paris.") == [
        ("[1930..1939]", "She lived in Bergen"),
        ("[1940..1949]", "She lived in Paris"),
    ]


def test_a_where_clause_until_a_year_begins_no_earlier_than_the_date_before_it() -> None:
    taught = next(
        e for e in _events("She moved to Oslo in 1947, where she taught till 1950.") if e["date"] == "../1950"
    )
    assert taught["certainty"] == "inferred"
    assert [(b["side"], b["date"], b["basis"]) for b in taught["bounds"]] == [
        ("earliest", "1947-01-01", "article"),
        ("latest", "1950-12-31", "article"),
    ]
    assert "follows '1947' (1947) earlier in its sentence" in taught["note"]


def test_what_the_subject_did_with_an_open_start_follows_the_birth() -> None:
    """ "Until 1935 she lived in Bergen": after her birth, whatever the date's words leave open; her
    father's stay has no such bound, since his life is not hers."""
    events = _events("Until 1935 she lived in Bergen. Until 1920 her father lived in Oslo.")
    bergen = next(e for e in events if e["title"] == "She lived in Bergen")
    assert bergen["bounds"] == [
        {"side": "earliest", "date": "1900-05-03", "certainty": "inferred", "basis": "article",
         "note": "What the subject did came after the birth the text gives.", "follows": "birth"},
    ]  # fmt: skip
    father = next(e for e in events if "father" in e["title"])
    assert "bounds" not in father


def test_what_the_subject_did_with_an_open_end_precedes_the_death() -> None:
    """ "After 1938 she fled to Sweden": her own act, so no later than her death, and no "if alive"; her
    husband's act, her house's fate after her death, and a date over before the death get no such bound."""
    life = "= Ann Lee =\n\nAnn Lee (3 May 1900 – 27 October 1968) was a poet. She wrote. She sang. She read. "
    events = _events(
        "After 1938 she fled to Sweden. After 1950 he moved to Oslo. Her house became a museum in 1990. "
        "In 1968 she died in Cambridge. In 1940 she wrote.", life=life,
    )  # fmt: skip
    by_title = {e["title"]: e for e in events}
    bound = {"side": "latest", "date": "1968-10-27", "certainty": "inferred", "basis": "article",
             "note": "What the subject did came before the death the text gives.", "precedes": "death"}  # fmt: skip
    assert by_title["She fled to Sweden"]["bounds"][-1] == bound
    assert by_title["She died in Cambridge"]["bounds"] == [bound]  # the death restated, in its year
    for other in ("He moved to Oslo", "Her house became a museum", "She wrote"):
        assert all("precedes" not in b for b in by_title[other].get("bounds", [])), other


def test_a_birth_known_only_as_a_year_is_the_birth_itself() -> None:
    born = _events("In 1925 she married.", life="Ann Lee was born in Oslo in 1900. ")[0]
    assert (born["date"], born["tags"]) == ("1900", ["birth"])
    assert born["bounds"] == [
        {"side": "earliest", "date": "1900-01-01", "certainty": "inferred", "basis": "article",
         "note": "The birth itself, known only as its date words give it.", "follows": "birth"},
    ]  # fmt: skip


def test_a_claim_with_no_start_follows_the_claim_told_before_it() -> None:
    """ "Until 1976 she taught": filed after what the text tells before it, not at the birth; a claim that
    ends before the one told before it can begin follows nothing."""
    events = _events("She joined the institute in 1936. After the war she taught in Stockholm until 1976. "
                     "Before she was ten years old, she read Ibsen.")  # fmt: skip
    by_title = {e["title"]: e for e in events}
    joined = by_title["She joined the institute"]
    assert by_title["She taught in Stockholm"]["follows"] == joined["id"]
    assert "follows" not in by_title["She read Ibsen"]  # by 1910: before the 1936 claim could begin


def test_a_count_after_a_time_only_the_named_events_table_dates_counts_from_nothing() -> None:
    """ "After the Second World War she moved … Two years later she married": the war's end is outside
    knowledge, so the marriage is not counted from 1938, the text's last date, nor from 1945."""
    draft = draft_dataset(
        LIFE + "In 1938 she worked in Lund. After the Second World War she moved to Malmo. Two years later she "
        "married.",
        Source("a.txt"),
    )
    assert [e["title"] for e in draft.dataset["events"] if e["date"] == "1940"] == []
    assert [(u.text, u.reason) for u in draft.unresolved] == [
        ("Two years later", "the time before it ('After the Second World War') is dated only by outside knowledge "
         "(the named-events table), not by the text, so it has nothing to count from"),
    ]  # fmt: skip


def test_an_after_phrase_dated_by_its_own_words_is_not_reported_unresolved() -> None:
    draft = draft_dataset(LIFE + "After Austria was annexed by Germany in 1938, she fled to Sweden.", Source("a.txt"))
    assert [(e["date"], e["title"]) for e in draft.dataset["events"]][2:] == [
        ("1938", "Austria was annexed by Germany"), ("[1938..]", "She fled to Sweden")
    ]  # fmt: skip
    assert draft.unresolved == []
    undated = draft_dataset(LIFE + "After Austria was annexed, she fled to Sweden in 1938.", Source("a.txt"))
    assert [u.text for u in undated.unresolved] == ["After Austria"]  # the phrase itself has no date
