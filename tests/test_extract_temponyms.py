"""Named events ("temponyms"): a claim dated against history the text names but does not date.

Outside knowledge may pin such a date only as a bound with basis "outside" and
a note, never inside ``date``; a year the text gives the event, or a date in
the same clause, wins over the table; and what the table cannot honestly pin
is reported, not guessed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sedov_cli.dataset import check_unwritten
from sedov_cli.dates import parse_edtf
from sedov_cli.extraction import draft_dataset
from sedov_cli.extraction.draft import Source, to_json
from sedov_cli.extraction.temponyms import Pinned, find_named_times, pin, table

BIO = """= Anna Holm =

Anna Holm (3 May 1901 – 9 June 1970) was a Danish nurse.

== Life ==
After the October Revolution, she lived in Helsinki. During the Second World War she nursed soldiers in Oslo.
Shortly before the Nazis came to power in 1933, she moved to Berlin. In the Second World War (1939–1945) her
brother Karl Holm (1899–1944) served at sea. After the Revolution she wrote a memoir.
"""


def _bounds(event: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(b["side"], b["date"], b["basis"]) for b in event.get("bounds", [])]


def test_the_table_is_well_formed() -> None:
    rows = table()
    assert len(rows) >= 20 and all(row.first <= row.last for row in rows)
    assert len({row.name for row in rows}) == len(rows)


def test_named_events_are_found_with_their_relation_and_the_year_the_text_gives() -> None:
    found = find_named_times("Just before Adolf Hitler came to power in 1933, Sedov moved to Paris.")
    assert [(f.text, f.relation, f.year, f.event.name) for f in found] == [
        ("Just before Adolf Hitler came to power in 1933", "before", 1933, "Hitler's coming to power")
    ]
    found = find_named_times("She wrote after the Great War, and during World War II, and in the Korean War.")
    assert [(f.text, f.relation, f.year) for f in found] == [
        ("after the Great War", "after", None),
        ("during World War II", "during", None),
        ("in the Korean War", "during", None),
    ]
    # Names are case-sensitive, and a name that means several events is not in the table.
    assert find_named_times("after the second world war, after the Civil War, after the Revolution") == []


def test_pin_puts_only_the_texts_dates_in_date_and_the_table_in_outside_bounds() -> None:
    birth = parse_edtf("1906-02-24")
    (found,) = find_named_times("Just before Adolf Hitler came to power in 1933, Sedov moved to Paris.")
    pinned = pin(found, birth, True)
    assert isinstance(pinned, Pinned)
    assert pinned.edtf == "[..1933]"
    assert [(b["side"], b["date"], b["basis"]) for b in pinned.bounds] == [
        ("earliest", "1906-02-24", "article"),
        ("latest", "1933-01-30", "outside"),
    ]
    assert pinned.bounds[1]["note"] == (
        "Outside knowledge pins 'Just before Adolf Hitler came to power in 1933': Hitler's coming to power is "
        "conventionally dated by his appointment as Chancellor on 30 January 1933."
    )
    (after,) = find_named_times("After the October Revolution, he lived apart from his parents.")
    pinned = pin(after, birth, True)
    assert isinstance(pinned, Pinned)
    assert (pinned.edtf, [(b["side"], b["date"]) for b in pinned.bounds]) == (
        "[1906-02-24..]", [("earliest", "1917-11-07")])  # fmt: skip
    # What it cannot pin honestly, it says why.
    assert pin(after, None, True) == (
        "needs outside knowledge (the October Revolution is conventionally dated 7 November 1917 (25 October, "
        "Old Style)), and the text gives no birth to date the claim from"
    )
    assert pin(after, birth, False) == (
        "needs outside knowledge (the October Revolution is conventionally dated 7 November 1917 (25 October, "
        "Old Style)), and the sentence may not be about the subject"
    )
    (crimea,) = find_named_times("She was known for her work in the Crimean War.")
    assert pin(crimea, birth, True) == (
        "the Crimean War is conventionally dated October 1853 to the Treaty of Paris of 30 March 1856, before "
        "the subject's birth (24 February 1906), so it dates nothing"
    )
    (wrong,) = find_named_times("He left Russia after the October Revolution of 1905.")
    assert pin(wrong, birth, True) == (
        "the text puts the October Revolution in 1905, but the October Revolution is conventionally dated "
        "7 November 1917 (25 October, Old Style); the text's year is kept"
    )


def test_a_draft_bounds_named_events_and_keeps_the_texts_own_dates(tmp_path: Path) -> None:
    draft = draft_dataset(BIO, Source("a.txt"))
    events = {e["title"]: e for e in draft.dataset["events"]}
    assert [(e["date"], e["title"], e.get("wording")) for e in draft.dataset["events"]] == [
        ("1901-05-03", "Anna Holm is born", None),
        ("1970-06-09", "Anna Holm dies", None),
        ("[1901-05-03..]", "She lived in Helsinki", "after the October Revolution"),
        ("[1901-05-03..]", "She nursed soldiers in Oslo", "during the Second World War"),
        ("[..1933]", "She moved to Berlin", "shortly before the Nazis came to power in 1933"),
        ("1899", "Karl Holm is born", None),
        ("1944", "Karl Holm dies", None),
        ("1939/1945", "In the Second World War her brother Karl Holm served at sea", None),
    ]
    assert _bounds(events["She lived in Helsinki"]) == [("earliest", "1917-11-07", "outside")]
    assert _bounds(events["She nursed soldiers in Oslo"]) == [
        ("earliest", "1939-09-01", "outside"), ("latest", "1945-09-02", "outside")]  # fmt: skip
    assert _bounds(events["She moved to Berlin"]) == [
        ("earliest", "1901-05-03", "article"), ("latest", "1933-01-30", "outside")]  # fmt: skip
    assert all(e["certainty"] == "inferred" for e in events.values() if e.get("wording"))
    assert events["She lived in Helsinki"]["note"] == (
        "Resolved 'After the October Revolution' against the October Revolution, which the text does not date: "
        "outside knowledge (the October Revolution is conventionally dated 7 November 1917 (25 October, Old "
        "Style)) bounds it. The date itself says only that it follows the subject's birth (3 May 1901), which "
        "the text gives."
    )
    # "the Revolution" is no one event: reported, not guessed.
    assert [(u.text, u.reason) for u in draft.unresolved] == [
        ("After the Revolution", "the text dates no Revolution before it")
    ]
    (tmp_path / "a.txt").write_text(BIO, encoding="utf-8")
    check_unwritten(to_json(draft.dataset).encode("utf-8"), tmp_path / "draft.json")  # it loads as --data does


def test_a_named_event_is_filed_and_exported_at_its_year_not_at_the_birth(tmp_path: Path) -> None:
    """The date is the article's ('[1901-05-03..]', after the birth); the id and a TimelineJS slide
    take the year its bound moves it to (1917), as an open end takes its bound's year."""
    import json

    from typer.testing import CliRunner

    from sedov_cli import cli

    (tmp_path / "a.txt").write_text(BIO, encoding="utf-8")
    draft = draft_dataset(BIO, Source("a.txt"))
    helsinki = next(e for e in draft.dataset["events"] if e["title"] == "She lived in Helsinki")
    assert helsinki["id"].startswith("1917-")
    (tmp_path / "d.json").write_text(to_json(draft.dataset), encoding="utf-8")
    out = CliRunner().invoke(cli.app, ["--data", str(tmp_path / "d.json"), "export", "--format", "timelinejs"])
    slide = next(s for s in json.loads(out.stdout)["events"] if s["unique_id"] == helsinki["id"])
    assert (slide["start_date"], slide["display_date"]) == ({"year": 1917}, "after the October Revolution")
