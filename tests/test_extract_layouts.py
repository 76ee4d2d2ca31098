"""`sedov extract` on articles as people really paste or save them, and on articles made to break it.

Each layout, each life-date shape, each cross-sentence rule, the skipped
sections and the summary's warnings are pinned with exact expected output.
The attack shapes (benchmarks/extract_attack.py times them) are checked here
for a valid draft or a clear refusal and a bounded size, never for time.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sedov_cli import cli
from sedov_cli.dataset import check_unwritten
from sedov_cli.extraction import draft_dataset
from sedov_cli.extraction.draft import Draft, NothingToDraft, Source, to_json
from sedov_cli.extraction.expressions import find_dates
from sedov_cli.extraction.files import decode_article
from sedov_cli.extraction.html_text import html_to_text
from sedov_cli.extraction.layout import read_layout

BROWSER_COPY = """Emma Lind - Wikipedia
From Wikipedia, the free encyclopedia
Jump to navigation Jump to search
Open main menu
Emma Lind
Born\t23 March 1882
Erlangen, Bavaria
Died\t14 April 1935 (aged 53)
Bryn Mawr, Pennsylvania
Emma Lind (23 March 1882 – 14 April 1935) was a mathematician.[1] She worked on rings.[3] She was admired.
Early lifeEdit
At the age of 16 she was sent to London. Two years later she returned to Erlangen.
Lind in 1900
Work[edit]
She lectured in Paris on New Year's Eve 1910. She published Idealtheorie in Ringbereichen in 1921.
References[edit]
^ Weyl, H. (1935). "Emma Lind: 1882–1935". Retrieved 5 May 2010.
Archived from the original on 3 June 2009.
"""


def _draft(text: str, **kw: Any) -> Draft:
    return draft_dataset(text, Source("a.txt"), **kw)


def _events(draft: Draft) -> list[tuple[str, str, str]]:
    return [(e["date"], e["title"], e["source"]["section"]) for e in draft.dataset["events"]]


def _valid(draft: Draft, text: str, tmp_path: Path) -> None:
    """The draft loads with the same rules as --data, its article beside it."""
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    check_unwritten(to_json(draft.dataset).encode("utf-8"), tmp_path / "draft.json")


# --- layouts ------------------------------------------------------------------------------------------------


def test_a_browser_copy_reads_its_title_chrome_headings_infobox_captions_and_references(tmp_path: Path) -> None:
    draft = _draft(BROWSER_COPY)
    subject = draft.dataset["people"][0]
    assert (subject["name"], subject["birth"]["date"], subject["death"]["date"]) == (
        "Emma Lind", "1882-03-23", "1935-04-14")  # fmt: skip
    assert _events(draft) == [
        ("1882-03-23", "Emma Lind is born", "Lead"),
        ("1935-04-14", "Emma Lind dies", "Lead"),
        ("[1898-03-23..1899-03-22]", "She was sent to London", "Early life"),
        ("[1900-03-23..1901-03-22]", "She returned to Erlangen", "Early life"),  # the age moved whole
        ("1910", "She lectured in Paris on New Year's Eve", "Work"),
        ("1921", "She published Idealtheorie in Ringbereichen", "Work"),
    ]
    places = {p["name"] for p in draft.dataset["places"]}
    assert {"Erlangen", "London", "Paris"} <= places  # from the infobox's Born line, and the gazetteer
    assert not places & {"Ringbereichen", "Paris on New Year's Eve"}
    assert draft.skipped == {"caption": 1, "reference section": 2}
    assert draft.warnings == [
        "the title line was the page's ('Emma Lind - Wikipedia'); the subject is read as 'Emma Lind'"
    ]
    _valid(draft, BROWSER_COPY, tmp_path)


def test_a_sites_own_lines_breadcrumb_byline_edit_dates_copyright_are_not_the_life() -> None:
    text = (
        "Home > Biographies > Painters\n"
        "By John Smith | Published May 12, 2015 | Updated: March 3, 2020\n"
        "Posted by admin on 12 May 2015\n"
        "Last edited on 4 June 2021, at 10:32\n"
        "Ada Brook (3 March 1901 – 12 July 1977) was an English painter. She married John Hale in 1928.\n"
        "© 2023 Example Media Inc. All rights reserved.\n"
        "Copyright 2010 Foo\n"
        "Published 3 May 2016\n"
    )
    draft = _draft(text)
    assert [(e["date"], e["title"]) for e in draft.dataset["events"]] == [
        ("1901-03-03", "Ada Brook is born"),
        ("1977-07-12", "Ada Brook dies"),
        ("1928", "She married John Hale"),
    ]
    assert draft.skipped == {"site furniture": 6}
    assert draft.dataset["people"][0]["name"] == "Ada Brook"


def test_an_encyclopedia_entry_header_gives_the_name_and_life_dates() -> None:
    text = (
        "- Berg, Ida\n-\nborn March 12, 1911, Uppsala, Swed.died Oct. 4, 1979, StockholmSwedish chemist.In 1936 "
        "she joined the Karolinska Institute. In the last year of her life she wrote a memoir.\n"
    )
    draft = _draft(text)
    subject = draft.dataset["people"][0]
    assert (subject["name"], subject["birth"]["date"], subject["death"]["date"]) == (
        "Ida Berg", "1911-03-12", "1979-10-04")  # fmt: skip
    assert draft.dataset["events"][-1]["date"] == "[1978-10-05..1979-10-04]"


def test_an_entry_told_twice_and_its_source_line_add_no_claims() -> None:
    entry = (
        "born March 12, 1911, Uppsala, Swed.died Oct. 4, 1979, StockholmSwedish chemist.In 1936 she joined the "
        "Karolinska Institute.\n"
    )
    text = f"- Berg, Ida\n-\n{entry}Chemica. 2010.\n* * *\n▪ Swedish chemist{entry}"
    draft = _draft(text)
    assert [e["date"] for e in draft.dataset["events"]] == ["1911-03-12", "1979-10-04", "1936", "1936"]
    assert draft.skipped["citation"] == 1


def test_nothing_after_a_plain_references_heading_is_the_life() -> None:
    text = (
        "Ida Berg\nIda Berg (12 March 1911 – 4 October 1979) was a Swedish chemist. In 1936 she moved.\n"
        "References\n^ Retrieved 5 May 2010.\nExternal links\nNobel laureates in Chemistry\n"
        "1901: van 't Hoff 1902: Fischer 1903: Arrhenius\n"
    )
    draft = _draft(text)
    assert [e["date"] for e in draft.dataset["events"]] == ["1911-03-12", "1979-10-04", "1936"]
    assert draft.skipped == {"reference section": 2}


def test_a_year_before_a_colon_is_read_and_a_time_is_not() -> None:
    assert [(m.text, m.edtf) for m in find_dates("1925: She married Tom Ek.")[0]] == [("1925", "1925")]
    assert [(m.text, m.edtf) for m in find_dates("On June 5, 2016: a note")[0]] == [("June 5, 2016", "2016-06-05")]
    assert find_dates("at 1925:30 they met")[0] == []


def test_the_packaged_form_markdown_and_plain_headings_name_the_same_sections() -> None:
    packaged = "= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet.\n\n== Later life ==\nIn 1950 she left.\n"
    markdown = "# Ann Lee\n\nAnn Lee (3 May 1900 – 1980) was a poet.\n\n## Later life\n\nIn 1950 she left.\n"
    plain = "Ann Lee\nAnn Lee (3 May 1900 – 1980) was a poet.\nLater life\nIn 1950 she left.\n"
    expected = [("1900-05-03", "Ann Lee is born", "Lead"), ("1980", "Ann Lee dies", "Lead"),
                ("1950", "She left", "Later life")]  # fmt: skip
    for text in (packaged, markdown, plain):
        draft = _draft(text)
        assert draft.dataset["people"][0]["name"] == "Ann Lee"
        assert _events(draft) == expected, text


def test_a_hard_wrapped_line_is_not_taken_for_a_heading() -> None:
    text = (
        "= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. In 1925 she moved to Berlin, where she met\nTom Ek.\n"
    )
    layout = read_layout(text)
    assert [p.section for p in layout.paragraphs] == ["Lead"]


@pytest.mark.parametrize(
    ("line", "key", "value"),
    [
        ("Born: 17 January 1940", "born", "17 January 1940"),
        ("- Born: 17 January 1940", "born", "17 January 1940"),
        ("Born | 17 January 1940", "born", "17 January 1940"),
        ("Born\t17 January 1940", "born", "17 January 1940"),
        ("BornJune 29, 1907(1907-06-29)", "born", "June 29, 1907(1907-06-29)"),
        ("Resting place: Thiais", "resting place", "Thiais"),
    ],
)
def test_infobox_lines_in_every_shape(line: str, key: str, value: str) -> None:
    text = f"Ann Lee\n{line}\nAnn Lee was a poet.\n"
    (field,) = read_layout(text).infobox
    assert (field.key, text[field.value_start : field.value_end]) == (key, value)


def test_a_key_alone_takes_the_next_line_as_its_value() -> None:
    text = "Ann Lee\nBorn\n17 January 1940\nAnn Lee is a runner.\n"
    (field,) = read_layout(text).infobox
    assert (field.key, text[field.value_start : field.value_end]) == ("born", "17 January 1940")


def test_html_as_a_browser_saves_it() -> None:
    html = (
        "<!DOCTYPE html><html><head><title>Ann Lee - Wikipedia</title><style>p{}</style>"
        "<script>var y = 'in 1999';</script></head><body><nav>Main menu 1998</nav><h1>Ann Lee</h1>"
        "<table><tr><th>Born</th><td>3 May 1900<br>Oslo</td></tr></table>"
        "<p><b>Ann Lee</b> (3 May 1900 &ndash; 1980) was a poet.<sup class='reference'>[1]</sup></p>"
        "<h2>Work<span class='mw-editsection'>[edit]</span></h2><p>In 1925 she moved.</p></body></html>"
    )
    assert html_to_text(html) == (
        "= Ann Lee =\n\nBorn | 3 May 1900 Oslo\n\nAnn Lee (3 May 1900 – 1980) was a poet.[1]\n\n== Work ==\n\n"
        "In 1925 she moved.\n"
    )
    text, is_html = decode_article(html.encode(), "page.html")
    assert is_html and _events(_draft(text))[-1] == ("1925", "She moved", "Work")


def test_text_forms_bom_crlf_nbsp_dashes_and_citation_markers(tmp_path: Path) -> None:
    raw = (
        "\ufeff= Ann Lee =\r\n\r\nAnn Lee (3\u00a0May 1900 \u2013 1980) was a poet.[a] "
        "In\u00a01925 she left.[3] She came.\r\n"
    )
    text, _ = decode_article(raw.encode("utf-8"), "a.txt")
    draft = _draft(text)
    quotes = [e["source"]["quote"] for e in draft.dataset["events"]]
    assert "In\u00a01925 she left.[3]" in quotes  # the marker stays with the sentence it cites
    assert _events(draft)[-1][:2] == ("1925", "She left")
    _valid(draft, text, tmp_path)


def test_a_short_line_that_ends_a_sentence_before_its_citation_marker_is_prose_not_a_heading() -> None:
    text = "Ann Lee\n\nAnn Lee (3 May 1900 – 1980) was a poet.\n\nLife\n\nIn 1912 she moved.\nShe married in 1919.[1]\n"
    draft = _draft(text)
    assert _events(draft)[-2:] == [("1912", "She moved", "Life"), ("1919", "She married", "Life")]
    assert draft.skipped == {}  # not a caption


# --- the subject ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lead", "birth", "death"),
    [
        ("Ann Lee (b. 22 November 1861 at Amparibe, d. 23 May 1917) was a judge.", "1861-11-22", "1917-05-23"),
        ("Ann Lee (December 22, 1853 - June 12, 1917) was a judge.", "1853-12-22", "1917-06-12"),
        ("Ann Lee (12 November [O.S. 31 October] 1850 – 3 May 1917) was a judge.", "1850-11-12", "1917-05-03"),
        ("Ann Lee (c. 1729 – 14 December 1780) was a judge.", "1729~", "1780-12-14"),
        ("Ann Lee (born 17 January 1940) is a runner.", "1940-01-17", None),
        ("Ann Lee (Hindi: [x] (listen); née Nehru; 19 November 1917 – 31 October 1984) was.", "1917-11-19",
         "1984-10-31"),
        ("Ann Lee is a runner. Lee was born on 17 January 1940 in Kapsisiywa.", "1940-01-17", None),
        ("Ann Lee[a] (born Anna Lind; c. 1729 – 14 December 1780) was a judge.", "1729~", "1780-12-14"),
        ("Ann Lee (Swedish: [an lee]) (born on 3 or 5 May 1940) is a runner.", "[1940-05-03..1940-05-05]", None),
        ("Landscape painter Ann Lee was born on May 3, 1900, and died on June 9, 1980.", "1900-05-03",
         "1980-06-09"),
        ("Singer and composer Ann Lee was born in 1900 in Oslo.", "1900", None),
        ("Ann Lee (7 November 1867 – 4 July 1934; aged 66) was a poet.", "1867-11-07", "1934-07-04"),
    ],
)  # fmt: skip
def test_life_dates_in_every_shape(lead: str, birth: str, death: str | None) -> None:
    person = _draft(f"= Ann Lee =\n\n{lead} In 1960 she won.\n").dataset["people"][0]
    assert person.get("birth", {}).get("date") == birth
    assert person.get("death", {}).get("date") == death


def test_facts_lines_under_a_heading_before_the_prose_are_the_infobox_and_the_widest_birth_wins() -> None:
    text = (
        "Ann Lee\n\nQuick Facts\n\nBorn: Bergen, Norway 1901\n\nDied: June 9,1980\n\n"
        "Ann Lee was born in 1900 or 1901 in Bergen. When she was ten she sang.\n"
    )
    draft = _draft(text)
    person = draft.dataset["people"][0]
    assert (person["birth"]["date"], person["death"]["date"]) == ("[1900..1901]", "1980-06-09")
    assert person["birth"]["source"]["quote"] == "Ann Lee was born in 1900 or 1901 in Bergen."
    assert [e["date"] for e in draft.dataset["events"]][-1] == "[1910-01-01..1912-12-30]"


def test_a_reading_time_is_chrome_and_a_timeline_gives_the_birth() -> None:
    text = (
        "4 min read\n\nAnn Lee\n\nHer Years As A Singer\n\nLee joined a choir in Oslo in 1920. She sang there.\n\n"
        "1900 Born May 3 in Bergen, Norway\n1920 Joins a choir\n"
    )
    draft = _draft(text)
    person = draft.dataset["people"][0]
    assert (person["name"], person["birth"]["date"]) == ("Ann Lee", "1900-05-03")
    assert person["birth"]["source"]["quote"] == "1900 Born May 3 in Bergen, Norway"


def test_rows_of_a_table_copied_as_text_are_not_sentences() -> None:
    text = (
        "Ann Lee | |||\n---|---|---|\nReign | 1920 – May 1940 | ||\nBorn | 3 May 1900 Oslo | ||\n"
        "Ann Lee[a] (3 May 1900 – June 1980) was a queen. She was crowned in 1920.\n"
    )
    draft = _draft(text)
    assert [e["date"] for e in draft.dataset["events"]] == ["1900-05-03", "1980-06", "1920"]
    assert draft.skipped["table row"] == 0  # "Reign" and "Born" are both infobox keys: the rows are the infobox's
    timeline = _draft("= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet.\n\n| Year | Event |\n|---|---|\n"
                      "| 1930 | Ann Lee joins a choir in Oslo |\n| 1935 | She wins a prize |\n")  # fmt: skip
    assert _events(timeline)[2:] == [
        ("1930", "Ann Lee joins a choir in Oslo", "Lead"),
        ("1935", "She wins a prize", "Lead"),
    ]


def test_a_date_in_a_parenthesis_dates_only_the_parenthesis_and_a_dash_inside_one_breaks_no_clause() -> None:
    text = (
        "= Ann Lee =\n\nAnn Lee (born Anna Lind; 3 May 1900 – 1980), also known as Ann, was a painter. "
        "In 1938 she sold a painting. She exhibited in the next two decades (one painting went to Oslo in 1954).\n"
    )
    events = _events(_draft(text))
    assert events[2:] == [
        ("1938", "She sold a painting", "Lead"),
        ("1938/1958", "She exhibited", "Lead"),
        ("1954", "She exhibited (one painting went to Oslo)", "Lead"),
    ]
    first = _events(_draft(text.replace("was a painter.", "was a painter in 1925.")))[2]
    assert first == ("1925", "Ann Lee, also known as Ann, was a painter", "Lead")


def test_her_last_years_stay_in_the_title_they_are_the_object_of() -> None:
    draft = _draft("= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. She spent her last years in Oslo.\n")
    assert _events(draft)[-1] == ("../1980", "She spent her last years in Oslo", "Lead")


def test_the_age_in_a_life_date_parenthesis_is_not_a_claim_of_its_own() -> None:
    draft = _draft("= Ann Lee =\n\nAnn Lee (7 November 1867 – 4 July 1934; aged 66) was a poet. In 1900 she moved.\n")
    assert [e["date"] for e in draft.dataset["events"]] == ["1867-11-07", "1934-07-04", "1900"]


def test_a_name_or_a_death_after_her_or_his_is_someone_elses() -> None:
    person = _draft("= Ann Lee =\n\nAnn Lee is a poet. Her son Ivan Lee was born in 1930. In 1960 she won.\n")
    assert "birth" not in person.dataset["people"][0]
    widowed = _draft("= Ann Lee =\n\nAnn Lee is a poet. She moved in 1930, and her husband died in May 1931.\n")
    assert "death" not in widowed.dataset["people"][0]


def test_a_line_of_life_dates_under_the_name_is_the_birth_and_death_not_a_period() -> None:
    text = "Ann Lee\n\n3 May 1900 – 9 June 1980\n\nAnn Lee was a poet. At the age of 16 she left Oslo.\n"
    draft = _draft(text)
    person = draft.dataset["people"][0]
    assert (person["birth"]["date"], person["death"]["date"]) == ("1900-05-03", "1980-06-09")
    assert [e["date"] for e in draft.dataset["events"]] == ["1900-05-03", "1980-06-09", "[1916-05-03..1917-05-02]"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Joan of Lorraine was a painter. In 1930 Joan went to Oslo.\n", "Joan of Lorraine"),
        ("Ann Lee, Norwegian poet, died at 80\n\nShe was a poet. In 1930 Lee went to Oslo.\n", "Ann Lee"),
        ("Ann Lee Biography\n\nAnn Lee was a poet. In 1930 Lee went to Oslo.\n", "Ann Lee"),
        ("Ann Lee (Anna)\n\nShe was a poet. In 1930 Lee went to Oslo.\n", "Ann Lee"),
        ("Ann Lee -- Norway\n\nShe was a poet. In 1930 Lee went to Oslo.\n", "Ann Lee"),
        ("Fashion designer Ann Lee was born in Oslo in 1900. In 1930 Lee went to Bergen.\n", "Ann Lee"),
        ("Gone, Ann Lee in 1980, she was a poet. In 1930 Ann Lee went to Oslo. Ann Lee sang.\n", "Ann Lee"),
        (
            "Per Holm\n\nSummary of her life\n\nAnn Lee was born in Oslo in 1900. In 1930 she went to Bergen.\n",
            "Ann Lee",
        ),  # the title line is the page's author; the prose opens after a heading
    ],
)
def test_the_subjects_name_from_headline_titles_and_openings(text: str, name: str) -> None:
    assert _draft(text).dataset["people"][0]["name"] == name


def test_a_subject_without_a_birth_still_gets_a_draft_with_no_ages(tmp_path: Path) -> None:
    text = "= Ann Lee =\n\nAnn Lee is a runner. In 1993 she won in Stuttgart. Two years later she set a record.\n"
    draft = _draft(text)
    assert _events(draft) == [("1993", "She won in Stuttgart", "Lead"), ("1995", "She set a record", "Lead")]
    assert draft.warnings == [
        "no birth date found for Ann Lee, so no claim has an age: add a line 'Born: DATE' under the title "
        "(or a birth to the subject in the draft's people) and run extract again"
    ]
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "d.json").write_text(to_json(draft.dataset), encoding="utf-8")
    record = json.loads(
        CliRunner().invoke(cli.app, ["--data", str(tmp_path / "d.json"), "show", "1993", "--json"]).stdout
    )
    assert (record["age"], record["status"]) == (None, "unknown")


def test_a_name_from_the_site_is_taken_off_and_a_guessed_name_is_said() -> None:
    guessed = _draft("She came. Tom Ek met Tom Ek. In 1930 Tom Ek wrote.\n")
    assert guessed.dataset["people"][0]["name"] == "Tom Ek"
    assert guessed.warnings[0].startswith("the text does not say whose life it is; read as 'Tom Ek'")


# --- across sentences -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        ("In 1931 she moved. During this period she wrote.", "1931/.."),
        ("She lived there from 1931 to 1933. During this period she wrote.", "1931/1933"),
        ("In 1931 she moved. At the same time she wrote.", "1931"),
        ("In 1931 she moved. At that time she wrote.", "1931"),
        ("In 1931 she moved. Later she wrote.", "[1931..]"),
        ("In March 1931 she had an operation. After the operation she rested.", "[1931-03..]"),
        ("Her father died in 1915. A few months after her father's death she left.", "[1915..]"),
        ("In 1931 she divorced. Soon after her divorce she left.", "[1931..]"),
        ("In 1930 she departed. After her departure the school closed.", "[1930..]"),
        ("In 1920 she became an editor in Oslo. Before becoming an editor she taught.", "[..1920]"),
        ("At the age of 16 she left. Two years later she returned.", "[1918-05-03..1919-05-02]"),
        ("In 1931 she moved. Within a year she wrote.", "[1931..1932]"),
        ("In 1931 she moved. She stayed for three years.", "1931/1934"),
        ("In June 1931 she moved. That same summer she wrote.", "1931-26"),
        ("She was appointed on 30 September 1966. From this date until 1994 she served.", "1966-09-30/1994"),
        ("In March 1928 she led an expedition, and later that year she published its maps.", "[1928-03..1928-12]"),
        ("She moved to Oslo in 1925. She then married.", "[1925..]"),
        ("She arrived in Oslo on 4 May 1925. Ten days after arriving, she married.", "1925-05-14"),
        ("Her father died in 1915. After the death of her father she left.", "[1915..]"),
        ("In 1851 she went to Cruces, but shortly after her arrival the town was struck by cholera.", "[1851..]"),
        ("She won the prize in 1931. In December of that year she travelled.", "1931-12"),
        ("As a 17-year-old, she enlisted.", "[1917-05-03..1918-05-02]"),  # an age in a sentence opening on 'As'
        ("She won in 1931. Later she moved to Oslo. Two years later she married.", "[1933..]"),  # no end: none
        ("She won in 1931. By then she was famous. The following year she married.", "1932"),  # 'by then' stays
        ("She won in 1931. During this period she wrote. The following year she married.", "1932"),
        ("In her teenaged years she sang in a choir.", "[1913-05-03..1920-05-02]"),
        ("She moved in 1931. For the rest of her life she lived in Oslo.", "1931/1980"),
        ("She moved in 1931. She spent her last years in Oslo.", "../1980"),
        ("She moved in 1931. In her later years she wrote memoirs.", "../1980"),
        ("She moved in 1931. She spent her final months in Oslo.", "[1979-01-02..1980-12-31]"),
        ("When she was ten days old, her mother moved to Oslo.", "1900-05-13"),
        ("At two weeks old she was baptised.", "[1900-05-17..1900-05-23]"),
        ("Her father, who died when she was six, was a sailor.", "[1906-05-03..1907-05-02]"),  # 'she' is not him
        ("Life was hard, and Lee was hired out by the age of five.", "[..1906-05-02]"),  # the clause names her
        ("She was freed in 1931. In 1933 she met a free man. After freeing herself she left.", "[1931..]"),
        ("She climbed Mount Kenya in 1931. In 1933 she wrote. She climbed two more after Mount Kenya.", "[1931..]"),
        ("Her husband died in 1931. In 1933 she wrote. After his death she lived in Oslo.", "[1931..]"),  # not hers
        ("She moved in 1931. Two years before her death she left Oslo.", "1978"),  # back from the death, in years
        ("She moved in 1931. Two decades before her death she wrote a novel.", "1960"),
    ],
)
def test_relative_dates_are_read_against_the_text_and_inferred(sentences: str, expected: str) -> None:
    draft = _draft(f"= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. {sentences}\n")
    last = draft.dataset["events"][-1]
    assert (last["date"], last["certainty"]) == (expected, "inferred")
    assert last["note"].startswith("Resolved ")


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        ("In 1930 she won. His mother, who died when she was six, was a sailor.", "1930"),  # 'she' may be her
        ("In 1930 she won. Her son Tom Ek was hired out at the age of five.", "1930"),  # someone else's age
        ("In 1930 she won. Two years before his death, her father sold the farm.", "1930"),  # his death, not hers
    ],
)
def test_an_age_that_may_be_someone_elses_is_not_drafted(sentences: str, expected: str) -> None:
    draft = _draft(f"= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. {sentences}\n")
    assert draft.dataset["events"][-1]["date"] == expected


def test_months_before_the_death_count_back_from_its_month() -> None:
    text = (
        "= Ann Lee =\n\nAnn Lee (3 May 1900 – 9 June 1980) was a poet. In 1925 she married. Three months before "
        "her death she moved.\n"
    )
    moved = _draft(text).dataset["events"][-1]
    assert (moved["date"], moved["certainty"]) == ("1980-03", "inferred")
    assert moved["note"] == (
        "Resolved 'Three months before her death' as counted back from the subject's death (9 June 1980), in whole "
        "months."
    )
    unknown = _draft(text.replace("9 June 1980", "1980")).dataset["events"]  # the death's month is not given
    assert sorted(e["date"] for e in unknown) == ["1900-05-03", "1925", "1980"]


def test_a_birth_name_in_the_life_dates_is_an_alias_and_dates_an_age_by_that_name() -> None:
    text = (
        "= Ann Lee =\n\nAnn Lee (born Anna Berg; 3 May 1900 – 1980) was a poet. Her father died when Anna was eight.\n"
    )
    draft = _draft(text)
    assert draft.dataset["people"][0]["aliases"] == ["Anna Berg"]
    assert draft.dataset["events"][-1]["date"] == "[1908-05-03..1909-05-02]"
    other = _draft(text.replace("when Anna was", "when Tom was").replace(" poet.", " poet. In 1930 she won."))
    assert other.dataset["events"][-1]["date"] == "1930"  # Tom's age is not hers


def test_a_year_whose_clause_gives_the_day_is_that_days_year_not_a_claim_of_its_own() -> None:
    draft = _draft("= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. She won the 1931 race on 4 May in Oslo.\n")
    assert [e["date"] for e in draft.dataset["events"]][2:] == ["1931-05-04"]
    apart = _draft("= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. She won in 1931, and on 4 May she left.\n")
    assert [e["date"] for e in apart.dataset["events"]][2:] == ["1931", "1931-05-04"]


def test_as_early_as_is_then_unless_the_text_says_by_then() -> None:
    dates = [m.edtf for m in find_dates("As early as 1956, she released a single.")[0]]
    assert dates + [m.edtf for m in find_dates("As early as 1930 she had written poems.")[0]] == ["1956", "[..1930]"]


def test_a_named_event_is_not_linked_to_another_of_its_kind() -> None:
    draft = _draft("= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. Her father joined the revolution of "
                   "1905. After the October Revolution she left.\n")  # fmt: skip
    # The 1905 revolution is not the October Revolution: the left is bounded by the table's
    # conventional day (outside knowledge), not by 1905.
    left = draft.dataset["events"][-1]
    assert (left["date"], left["title"], [(b["side"], b["date"], b["basis"]) for b in left["bounds"]]) == (
        "[1900-05-03..]", "She left", [("earliest", "1917-11-07", "outside")])  # fmt: skip
    assert draft.unresolved == []


def test_an_event_the_text_does_not_date_is_not_guessed_from_the_last_date() -> None:
    draft = _draft("= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. She married in 1925. Soon after her "
                   "divorce she left.\n")  # fmt: skip
    assert [(u.text, u.reason) for u in draft.unresolved] == [
        ("Soon after her divorce", "the text dates no divorce before it")]  # fmt: skip


@pytest.mark.parametrize(
    "sentences",
    [
        "Her father died in 1915. In early 1966, upon the death of her father, she left.",  # the clause's date
        "She went to Oslo in 1925. Napoleon, wishing to rule, then sent an army in 1926.",  # 'then' with a date
        "She went to Oslo in 1925 and then to Bergen.",  # 'then' in a list of places
        "She went to Oslo in 1925. She studied at Bergen and then Oslo University.",
        "She went to Oslo in 1925. He was later called the Bear.",  # a naming, not an event
        "She died in Oslo in 1980, aged 79.",  # the death told again
    ],
)
def test_relative_words_that_add_no_claim_of_their_own(sentences: str) -> None:
    draft = _draft(f"= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. {sentences}\n")
    claims = [e for e in draft.dataset["events"] if not {"birth", "death"} & set(e["tags"])]
    assert {e["certainty"] for e in claims} == {"stated"}
    assert draft.unresolved == []


def test_an_after_clause_dates_the_antecedent_and_opens_what_follows() -> None:
    draft = _draft("= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. After receiving her degree in 1924, "
                   "she studied in Oslo.\n")  # fmt: skip
    assert [(e["date"], e["certainty"], e["title"]) for e in draft.dataset["events"][-2:]] == [
        ("1924", "stated", "Receiving her degree"), ("[1924..]", "inferred", "She studied in Oslo")]  # fmt: skip


def test_an_event_on_the_way_to_a_date_is_drafted_beside_the_period() -> None:
    draft = _draft("= Ann Lee =\n\nAnn Lee (3 May 1900 – 1990) was a poet. She ruled from January 1980 until her "
                   "assassination in October 1984.\n")  # fmt: skip
    assert [(e["date"], e["title"]) for e in draft.dataset["events"][-2:]] == [
        ("1980-01/1984-10", "She ruled"), ("1984-10", "Her assassination")]  # fmt: skip


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        ("She moved to Oslo in 1924. Two years later, in 1927, she moved to Bergen.",
         [("1924", "She moved to Oslo", "stated"), ("1927", "She moved to Bergen", "stated")]),
        ("She moved to Oslo in 1924. In 1927, two years later, she moved to Bergen.",
         [("1924", "She moved to Oslo", "stated"), ("1927", "She moved to Bergen", "stated")]),
        ("She moved to Oslo in 1924, where she lived until her death.",
         [("1924", "She moved to Oslo", "stated"), ("1924/1980", "She lived", "inferred")]),
        ("She moved to Oslo in 1924. Her poems were printed after her death.",
         [("1924", "She moved to Oslo", "stated"), ("[1980..]", "Her poems were printed", "inferred")]),
        ("She moved to Oslo in 1924. At the time of her death she was writing a novel.",
         [("1924", "She moved to Oslo", "stated"), ("1980", "She was writing a novel", "inferred")]),
    ],
)  # fmt: skip
def test_a_date_beside_a_relative_one_wins_and_her_death_is_the_subjects(
    sentences: str, expected: list[tuple[str, str, str]]
) -> None:
    draft = _draft(f"= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. {sentences}\n")
    assert [(e["date"], e["title"], e["certainty"]) for e in draft.dataset["events"][2:]] == expected


def test_an_after_clause_opening_on_a_name_dates_what_follows() -> None:
    draft = _draft("= Ann Lee =\n\nAnn Lee (3 May 1900 – 1990) was a poet. After her father lost his job in 1929, "
                   "Riley's role grew.\n")  # fmt: skip
    assert [(e["date"], e["certainty"]) for e in draft.dataset["events"][-2:]] == [
        ("1929", "stated"), ("[1929..]", "inferred")]  # fmt: skip


def test_a_when_clause_in_a_dated_sentence_is_a_claim_at_that_date() -> None:
    draft = _draft("= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. She moved in 1925, when her father "
                   "was in prison.\n")  # fmt: skip
    last = draft.dataset["events"][-1]
    assert (last["date"], last["title"], last["certainty"]) == ("1925", "Her father was in prison", "inferred")


def test_an_age_in_a_sentence_with_a_year_narrows_it_with_an_article_bound() -> None:
    draft = _draft("= Ann Lee =\n\nAnn Lee (30 January 1913 – 1941) was a poet. She died in 1941 at the age of 28.\n")
    last = draft.dataset["events"][-1]
    assert last["date"] == "1941"
    assert [(b["side"], b["date"], b["basis"]) for b in last["bounds"]] == [("earliest", "1941-01-30", "article")]
    assert draft.warnings == ["convention: 1 date narrowed by an age in the same sentence (an article bound)"]


def test_claims_after_the_death_are_warned_about() -> None:
    draft = _draft("= Ann Lee =\n\nAnn Lee (3 May 1900 – 1950) was a poet. A statue of her was put up in 2005.\n")
    assert draft.warnings == [
        "1 claim falls after Ann Lee's death (1950): check that each is about the legacy, not a misread date"
    ]


def test_seasons_are_edtf_seasons_with_the_hemisphere_in_the_note() -> None:
    draft = _draft("= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. In the spring of 1925 she left.\n")
    last = draft.dataset["events"][-1]
    assert last["date"] == "1925-25"
    assert "northern hemisphere" in last["note"]
    assert draft.warnings == [
        "convention: 1 season read as meteorological seasons of the northern hemisphere (March–May for spring)"
    ]


def test_the_summary_counts_conventions_and_late_claims_in_english_plurals() -> None:
    draft = _draft(
        "= Ann Lee =\n\nAnn Lee (3 May 1800 – 1880) was a poet. In the early 19th century she sang. In the late "
        "19th century she wrote. A statue of her was put up in 1905. A film was made in 1955.\n"
    )
    assert draft.warnings == [
        "2 claims fall after Ann Lee's death (1880): check that each is about the legacy, not a misread date",
        "convention: 2 centuries read as a century's hundred years from its '00 year (the 19th century is 1800–1899)",
    ]


# --- what is not the life ---------------------------------------------------------------------------------------


def test_references_citations_and_titles_of_works_are_not_events() -> None:
    text = (
        '= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. She wrote "Songs of 1914" in 1920. Her works '
        "include Winter (1931) and Spring (1935).\n\n== See also ==\nOslo in 1920\n\n== Notes ==\n"
        "Retrieved 5 May 2010.\n"
    )
    draft = _draft(text)
    assert _events(draft)[-1] == ("1920", 'She wrote "Songs of 1914"', "Lead")
    assert len(draft.dataset["events"]) == 3
    assert draft.skipped == {"reference section": 2}


# --- hostile input ---------------------------------------------------------------------------------------------


def invoke(*args: str) -> Any:
    return CliRunner().invoke(cli.app, list(args))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: os.mkfifo(p), "is not a regular file (a FIFO, device or socket is not read)"),
        (lambda p: p.mkdir(), "is a directory"),
    ],
)
def test_a_fifo_or_a_directory_is_refused_at_once(tmp_path: Path, make: Any, message: str) -> None:
    target = tmp_path / "a.txt"
    make(target)
    result = invoke("extract", str(target), "--output", str(tmp_path / "d.json"))
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"sedov: error: {target}: {message}\n")
    assert not (tmp_path / "d.json").exists()


def test_dev_zero_is_refused_at_once() -> None:
    result = invoke("extract", "/dev/zero")
    assert (result.exit_code, result.stderr) == (
        1, "sedov: error: /dev/zero: is not a regular file (a FIFO, device or socket is not read)\n")  # fmt: skip


def test_standard_input_and_html_need_an_output_to_save_the_text_beside(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("sedov")
    text = "= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. In 1925 she moved.\n"
    refused = subprocess.run([str(script), "extract", "-"], input=text, capture_output=True, text=True,
                             cwd=tmp_path, timeout=120, check=False)  # fmt: skip
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr == (
        "sedov: error: extract -: the draft must cite the text it quotes, and standard input is not that text; "
        "give --output FILE, and the text is saved beside it as FILE.article.txt\n"
    )
    done = subprocess.run([str(script), "extract", "-", "-o", "d.json"], input=text, capture_output=True,
                          text=True, cwd=tmp_path, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "d.article.txt").read_text(encoding="utf-8") == text
    assert json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))["source"]["file"] == "d.article.txt"
    assert invoke("validate", str(tmp_path / "d.json")).exit_code == 0


def test_a_short_last_sentence_still_gives_a_valid_draft(tmp_path: Path) -> None:
    text = "= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet.\nIn 1925 she moved."
    _valid(_draft(text), text, tmp_path)


def test_invisible_and_bidi_characters_are_escaped_in_the_draft() -> None:
    text = "= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. In 1925 she\u202e moved\u200b to Oslo\u2028.\n"
    body = to_json(_draft(text).dataset)
    assert not re.search("[\u202e\u200b\u2028\u0085]", body)
    assert "\\u202e" in body and "\\u200b" in body and "\\u2028" in body


def test_one_sentence_listing_dates_is_capped_and_does_not_multiply_itself() -> None:
    text = "= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. She went " + "in 1931, " * 4000 + "home.\n"
    draft = _draft(text)
    body = to_json(draft.dataset)
    assert len(draft.dataset["events"]) == 3  # birth, death, and 1931 once: the same date in one clause
    assert len(body) < 3 * len(text)
    listing = "= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. She went " + ", ".join(
        f"in {1920 + i}" for i in range(40)) + ".\n"  # fmt: skip
    capped = _draft(listing)
    assert len(capped.dataset["events"]) == 2 + 12
    assert capped.unresolved[-1].reason == "the sentence has more than 12 dates; the rest are not drafted"


ATTACKS = [
    "=" * 3000 + " x\n",
    "- Born" + " " * 3000 + ": 1900\n",
    "She lived " + "in Oslo " * 400 + "in 1930.\n",
    "She met Tom Ek (1898–1950) in 1930. " * 100,
    "In " + "1" * 3000 + " she left.\n",
    "From 1920 " + "–" * 3000 + " 1930 she wrote.\n",
    "Tom Ek " + "(" * 1000 + "1898–1950" + ")" * 1000 + " came.\n",
    "In " + "c. " * 1000 + "1933 she left.\n",
    "In 1930 she left." + "[1]" * 1000 + " Then she came.\n",
    "Early life\n" * 300 + "In 1930 she left.\n",
    "Born\n" * 300,
    "Two years later she wrote. " * 200,
    "She wrote " + "after the Second World War " * 300 + "in 1950.\n",
    "In 1930 her partner, Jo Ek, and his friend Al Bo met. " * 100,
    "In 1930 she left " + "according to Al Bo " * 300 + ".\n",
    "1868.He\n\n\t" + "\n" * 3000 + "\t",  # a short last sentence among blanks: its quote still has 20 characters
    " \n" * 1000 + "In 1930." + "\n \n" * 1000,
    "Reign | 1920 – May 1940 | ||\n" * 300,
    "Reign " + "|" * 3000 + " 1920\n",
    "She (" + "a – b; " * 400 + ") left in 1930.\n",
    "She sang (in 1930).Then " * 200,
    "For the rest of her life, and at the age of 15, her last years, ten days old, as early as 1930. " * 50,
]


@pytest.mark.parametrize("attack", ATTACKS, ids=range(len(ATTACKS)))
def test_crafted_articles_give_a_valid_draft_of_bounded_size(attack: str, tmp_path: Path) -> None:
    text = "= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. In 1925 she moved.\n\n" + attack
    draft = _draft(text)
    _valid(draft, text, tmp_path)
    # linear, not worse: a 27-character relative claim drafts to about 750 characters (its quote, note, and the
    # bounds that say its days are a reading)
    assert len(to_json(draft.dataset)) < 30 * len(text) + 20_000


@pytest.mark.slow
def test_a_fuzz_loop_of_crafted_articles_gives_a_valid_draft_or_a_clear_refusal(tmp_path: Path) -> None:
    rng = random.Random(20261201)
    pieces = ["In 1925", " she moved", " to Oslo", ". ", "(", ")", "–", "c. ", "[3]", "\n", "\n\n", "== A ==\n",
              "Born: ", "12 March 1911", " two years later", " at the age of 16", " during this period", ",",
              "From Wikipedia", "Retrieved 5 May 2010", "\u202e", "Tom Ek (1898–1950)", " the spring of 1930",
              " the 19th century", " after her divorce", "1868.He", "\t", "|", "References\n", "^ ",
              " after the Second World War", "his partner, Jo Ek,", " according to Al Bo", ", a poet"]  # fmt: skip
    for case in range(150):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
        try:
            draft = _draft(text)
        except NothingToDraft:
            continue
        _valid(draft, text, tmp_path)
        assert len(to_json(draft.dataset)) < 50 * len(text) + 20_000, case


# --- no regular expression of extraction starts a whitespace run in the middle of one ---------------------


def test_no_whitespace_led_alternative_can_restart_inside_a_run_of_spaces() -> None:
    """The class of pattern that made clause breaks, parentheses and infobox keys quadratic.

    A pattern that may begin with ``\\s+``/``\\s*`` is tried at every space of a long run; each try
    scans the rest of the run, so 50,000 spaces cost 50,000² steps. Such a start must be anchored
    (``(?<!\\s)``, ``^``) or follow a literal.
    """
    import sedov_cli.extraction as package

    folder = Path(package.__file__).parent
    offenders = []
    for path in sorted(folder.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        for m in re.finditer(r're\.compile\(\s*((?:r?f?r?"(?:[^"\\]|\\.)*"\s*)+)', source):
            pattern = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))
            for branch in _top_level_branches(pattern):
                if re.match(r"\(\?:\\s[*+]|\\s[*+]", branch):
                    offenders.append(f"{path.name}: {branch[:40]}")
    assert offenders == []


def _top_level_branches(pattern: str) -> list[str]:
    branches, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = pattern.index("]", i + 2) + 1 if "]" in pattern[i + 2 :] else len(pattern)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    return branches


def test_the_summary_wraps_at_word_boundaries_when_stderr_is_a_terminal(tmp_path: Path) -> None:
    import io

    from sedov_cli.commands.extract import _extract_summary
    from sedov_cli.environment import Environment

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    draft = _draft(BROWSER_COPY)
    screen, piped = Terminal(), io.StringIO()
    _extract_summary(Environment(io.StringIO(), screen, True, False, 40, True), draft, "d.json")
    _extract_summary(Environment(io.StringIO(), piped, False, False, None, True), draft, "d.json")
    assert all(len(line) <= 40 for line in screen.getvalue().splitlines())
    assert screen.getvalue().split() == piped.getvalue().split()  # the same words, only wrapped
    assert "\n    " in screen.getvalue()  # continued lines hang under their first
    assert all(len(line) > 40 for line in piped.getvalue().splitlines()[:1])  # a file or pipe is not wrapped


def test_a_relative_date_is_labelled_a_reading_on_each_end(tmp_path: Path) -> None:
    """'Two years later' gives 1927, a reading of the text: JSON and show say its days are inferred from
    the article, as the packaged dataset's readings do, never that they are the claim's own date. 'Later she
    sang' ends no later than her death, which the article gives: a reading too."""
    article = tmp_path / "a.txt"
    article.write_text("= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. In 1925 she moved. Two years later she "
                       "wrote. Later she sang.\n", encoding="utf-8")  # fmt: skip
    out = tmp_path / "d.json"
    assert CliRunner().invoke(cli.app, ["extract", str(article), "-o", str(out), "--quiet"]).exit_code == 0
    listed = CliRunner().invoke(cli.app, ["--data", str(out), "events", "--json"]).stdout
    bases = {e["title"]: (e["start_basis"], e["end_basis"]) for e in json.loads(listed)}
    assert bases == {"Ann Lee is born": ("date", "date"), "She moved": ("date", "date"),
                     "She wrote": ("article", "article"), "She sang": ("article", "article"),
                     "Ann Lee dies": ("date", "date")}  # fmt: skip


def test_life_dates_a_reader_should_check_are_flagged() -> None:
    misprint = _draft("= Ann Lee =\n\nAnn Lee (born 3 May 1872) was a poet. In 1913 she left. She died in hospital "
                      "on 8 June 2013.\n")  # fmt: skip
    assert misprint.warnings[0] == (
        "the life dates give Ann Lee a life of about 141 years (longer than any on record): check the birth and "
        "the death for a misprint"
    )
    no_death = _draft("= Ann Lee =\n\nAnn Lee (born 3 May 1850) was a poet. In 1913 she left.\n")
    years = date.today().year - 1850 - (1 if (date.today().month, date.today().day) < (5, 3) else 0)
    assert no_death.warnings == [
        f"no death found for Ann Lee, born {years} years ago: if the text gives one, add a line 'Died: DATE' under "
        "the title and run extract again, or every age after it reads as if alive"
    ]
    living = _draft("= Ann Lee =\n\nAnn Lee (born 3 May 1960) is a poet. In 1993 she left.\n")
    assert living.warnings == []


def test_a_profiles_fields_that_no_key_names_keep_the_infobox_open_to_its_died_line() -> None:
    text = (
        "Ann Lee\n\nAnn Lee was a chemist.\n\nShe took a photograph in 1952 while at a college.\n\n"
        "Born: July 25, 1920\nBirthplace: London, England\n\nGeneration: Greatest Generation\n"
        "Chinese Zodiac: Monkey\nStar Sign: Leo\n\nDied: April 16, 1958 (aged 37)\n"
    )
    draft = _draft(text)
    assert [(e["date"], e["title"]) for e in draft.dataset["events"]][:2] == [
        ("1920-07-25", "Ann Lee is born"), ("1958-04-16", "Ann Lee dies")
    ]  # fmt: skip
    assert {e["source"]["section"] for e in draft.dataset["events"]} == {"Lead"}  # no "Star Sign: Leo" section


def test_titles_lose_a_list_bullet_and_the_comma_a_date_left_doubled() -> None:
    text = (
        "= Ann Lee =\n\nAnn Lee (3 May 1872 – 1940) was a poet.\n\n== Events ==\n\n"
        "  • 1951-10-23 Ann Lee first reads her poems on the radio\n\n"
        "Finally, on 4th June 1913, she ran on to the racetrack.\n"
    )
    titles = [e["title"] for e in _draft(text).dataset["events"]][2:]
    assert titles == ["Ann Lee first reads her poems on the radio", "Finally, she ran on to the racetrack"]


def test_an_obituarys_opening_without_a_subject_is_the_subjects_death() -> None:
    text = (
        "Peter Wood\n\nObituary of Peter Wood\n\nPassed away peacefully at the Care Home on Tuesday, January 7, "
        "2020 in his 95th year!\n\nHe was born in Mirfield on 2 December 1924. In 1950 he moved to Hamilton.\n"
    )
    events = _draft(text).dataset["events"]
    assert sorted((e["date"], e["title"]) for e in events if e["tags"]) == [
        ("1924-12-02", "Peter Wood is born"), ("2020-01-07", "Peter Wood dies")
    ]  # fmt: skip
