"""Dataset text is data: never markup, formula or invisible trick for the program that reads it next."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from conftest import WriteDataset, event, terminal
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from sedov_cli import cli
from sedov_cli.formats.json_format import dumps
from sedov_cli.text import UNSAFE, visible


def sedov(*args: str, tty: bool = False) -> Result:
    result = CliRunner().invoke(cli.app, list(args), obj=terminal(200, False) if tty else None)
    assert result.exit_code == 0, result.stderr
    return result


def test_the_unsafe_class_is_every_format_and_control_character() -> None:
    """Checked against this Python's Unicode database: nothing invisible is missed."""
    missing = [
        hex(c) for c in range(0x110000) if unicodedata.category(chr(c)) in ("Cf", "Cc") and not UNSAFE.match(chr(c))
    ]
    assert missing == []
    extra = [
        hex(c) for c in range(0x110000)
        if UNSAFE.match(chr(c)) and unicodedata.category(chr(c)) not in ("Cf", "Cc", "Cs", "Zl", "Zp", "Cn")
    ]  # fmt: skip
    assert extra == []


def test_every_unsafe_character_is_one_isprintable_refuses() -> None:
    """visible() returns printable text as it is, without the pattern: sound only if this holds."""
    slipped = [hex(c) for c in range(0x110000) if UNSAFE.match(chr(c)) and chr(c).isprintable()]
    assert slipped == []
    assert visible("Лев Львович Седов, 1906") == "Лев Львович Седов, 1906"
    assert visible("a\u00a0b\u202fc\ue000") == "a\u00a0b\u202fc\ue000"  # not printable, yet safe: kept
    assert visible("tab\there\x1b[2J\u202e") == "tab\\there\\x1b[2J\\u202e"


def test_the_patterns_are_compiled_only_for_text_that_needs_them() -> None:
    code = (
        "import sedov_cli.text as t\n"
        "t.visible('plain, printable text'); t.escape_json_invisibles('{\"a\": \"ascii\"}')\n"
        "print(t._unsafe.cache_info().currsize)\n"
        "t.visible('a\\tb')\n"
        "print(t._unsafe.cache_info().currsize, t.UNSAFE is t._unsafe(False))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.stdout == "0\n1 True\n", out.stderr


INVISIBLE = "zero\u200bwidth \ufeffbom \U000e0041tag \u2066isolate\u2069 soft\u00adhyphen"


def test_invisible_characters_are_visible_escapes() -> None:
    assert visible(INVISIBLE) == "zero\\u200bwidth \\ufeffbom \\U000e0041tag \\u2066isolate\\u2069 soft\\xadhyphen"
    text = dumps({"t": INVISIBLE})
    assert not re.search("[\u200b\ufeff\u2066\u00ad\U000e0041]", text)
    assert json.loads(text)["t"] == INVISIBLE


@pytest.fixture
def sly(write_dataset: WriteDataset) -> Path:
    def change(raw: dict[str, Any]) -> None:
        birth = event(raw, "birth")
        birth["title"] = '=HYPERLINK("http://x","click")'
        birth["summary"] = "<img src=x onerror=alert(1)> [click](javascript:alert(1)) `code` *loud*"
        birth["wording"] = "+1906"
        death = event(raw, "death")
        death["title"] = "@SUM(1+1)"
        death["summary"] = "-2+3 " + INVISIBLE
        raw["source"]["url"] = "javascript:alert(document.domain)"
        raw["periods"][0]["name"] = "<b>Early</b> life"

    return write_dataset(change)


def test_spreadsheet_csv_export_neutralises_formulas(sly: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(sedov("--data", str(sly), "export", "--format", "csv").stdout)))
    by_id = {r["id"]: r for r in rows}
    assert by_id["birth"]["title"] == '\'=HYPERLINK("http://x","click")'
    assert by_id["birth"]["when"] == "'+1906"
    assert by_id["death"]["title"] == "'@SUM(1+1)"
    assert by_id["birth"]["earliest"] == "1906-02-24"  # dates are left alone


def test_listing_csv_is_verbatim_data_for_programs(sly: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(sedov("--data", str(sly), "events", "--format", "csv").stdout)))
    assert {r["id"]: r["title"] for r in rows}["birth"] == '=HYPERLINK("http://x","click")'


def test_markdown_export_cannot_open_html_or_links(sly: Path) -> None:
    text = sedov("--data", str(sly), "export", "--format", "markdown").stdout
    assert "<img" not in text and "<b>" not in text
    assert not re.search(r"(?<!\\)\]\(javascript:", text)  # no link can form: its brackets are escaped
    assert "&lt;img src=x onerror=alert(1)&gt; \\[click\\](javascript:alert(1)) \\`code\\` \\*loud\\*" in text
    assert "## &lt;b&gt;Early&lt;/b&gt; life" in text
    assert "<javascript:" not in text and "javascript:alert(document.domain)" in text  # shown, not linked
    assert "\\u200b" in text and "\u200b" not in text


def test_markdown_listing_is_escaped_the_same_way(sly: Path) -> None:
    text = sedov("--data", str(sly), "events", "--format", "markdown", "--search", "onerror").stdout
    assert "<img" not in text and "&lt;img" in text


def test_timelinejs_escapes_every_string_it_renders_as_html(sly: Path) -> None:
    data = json.loads(sedov("--data", str(sly), "export", "--format", "timelinejs").stdout)
    birth = next(s for s in data["events"] if s["unique_id"] == "birth")
    assert birth["display_date"] == "+1906" and birth["group"] == "&lt;b&gt;Early&lt;/b&gt; life"
    assert "<img" not in birth["text"]["text"] and "&lt;img" in birth["text"]["text"]
    assert "javascript:alert(document.domain)" in data["title"]["text"]["text"]  # escaped text, not a link


def test_invisible_characters_in_a_terminal_are_shown(sly: Path) -> None:
    out = sedov("--data", str(sly), "show", "death", tty=True).stdout
    assert "\\u200b" in out and "\\ufeff" in out and "\u200b" not in out and "\ufeff" not in out


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("plain ASCII", '"plain ASCII"'),
        ("DEL\x7fhere", '"DEL\\u007fhere"'),  # ASCII, yet a control: the fast path must not skip it
        ("bell\x07", '"bell\\u0007"'),
        ("Лев\u202eСедов", '"Лев\\u202eСедов"'),
    ],
)
def test_json_escapes_every_control_whether_or_not_the_text_is_ascii(text: str, written: str) -> None:
    assert dumps(text, indent=None) == written


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@given(_JSON_VALUES)
def test_compact_json_is_one_line_that_reads_back_as_the_value(value: Any) -> None:
    """The NDJSON encoder (the C encoder, made once) writes what the pretty one means, on one line."""
    line = dumps(value, indent=None)
    assert "\n" not in line and not UNSAFE.search(line)
    assert json.loads(line) == json.loads(dumps(value)) == value
    if all(isinstance(t, str) and t.isascii() and t.isprintable() for t in _strings(value)):
        assert line == json.dumps(value, separators=(",", ":"))


def _strings(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [*value, *(s for v in value.values() for s in _strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ('{"a":"ascii"}', '{"a":"ascii"}'),
        ('{"a":"del\x7f"}', '{"a":"del\\u007f"}'),
        ('{"a":"Седов, 1930–1931"}', '{"a":"Седов, 1930–1931"}'),
        ('{"a":"Седов\u202e, nel\x85, sep\u2028, zero\u200bwidth"}',
         '{"a":"Седов\\u202e, nel\\u0085, sep\\u2028, zero\\u200bwidth"}'),
        ('{"a":"tag \U000e0041"}', '{"a":"tag \\udb40\\udc41"}'),
        ('{\n  "a": "Седов",\n  "b": "1930–1931"\n}\n', '{\n  "a": "Седов",\n  "b": "1930–1931"\n}\n'),
        ('{\n  "a": "Седов",\n  "b": "bidi\u202e"\n}\n', '{\n  "a": "Седов",\n  "b": "bidi\\u202e"\n}\n'),
    ],
)  # fmt: skip
def test_json_text_is_escaped_only_where_it_must_be(text: str, escaped: str) -> None:
    """Printable text (Cyrillic and en dashes included) is returned as it is; every invisible is escaped."""
    from sedov_cli.text import escape_json_invisibles

    assert escape_json_invisibles(text) == escaped


def test_tsv_and_csv_escape_each_value_whether_or_not_the_row_needs_it() -> None:
    """A row of printable values is written at C speed; a row with a tab, a newline or an invisible anywhere
    is escaped value by value, and a backslash is doubled in TSV either way."""
    from sedov_cli.formats.delimited import to_csv, to_tsv
    from sedov_cli.records import Listing

    rows = [("Седов", "back\\slash", "1930–1931"), ("tab\there", "line\nbreak", "bidi\u202e, back\\slash")]
    listing = Listing("things", (), ("a", "b", "c"), rows)
    assert "".join(to_tsv(listing)) == (
        "a\tb\tc\nСедов\tback\\\\slash\t1930–1931\ntab\\there\tline\\nbreak\tbidi\\u202e, back\\\\slash\n"
    )
    assert "".join(to_csv(listing)) == (
        'a,b,c\nСедов,back\\slash,1930–1931\ntab\\there,line\\nbreak,"bidi\\u202e, back\\slash"\n'
    )
