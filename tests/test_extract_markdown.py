"""A Markdown article is read as it reads rendered, and the draft cites that text, saved beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sedov_cli import cli
from sedov_cli.extraction.markdown_text import looks_like_markdown, markdown_to_text

ARTICLE = """# Ida Berg

**Ida Berg** (12 March 1911 – 4 October 1979) was a Swedish [chemist](https://en.wikipedia.org/wiki/Chemist).[^1]

## Early life

In 1929 she entered *Uppsala University*, and two years later she moved to [Stockholm][sthlm].

> In 1936 she joined the `Karolinska Institute`.

![Berg in 1950](berg.jpg)

[sthlm]: https://en.wikipedia.org/wiki/Stockholm
"""


def test_markdown_reads_as_rendered() -> None:
    assert markdown_to_text(ARTICLE) == (
        "# Ida Berg\n\n"
        "Ida Berg (12 March 1911 – 4 October 1979) was a Swedish chemist.[1]\n\n"
        "## Early life\n\n"
        "In 1929 she entered Uppsala University, and two years later she moved to Stockholm.\n\n"
        "In 1936 she joined the Karolinska Institute.\n\n\n\n\n"
    )
    # snake_case and 2*3 are not emphasis
    assert markdown_to_text("She wrote file_name_here and 2*3*4 in 1930.\n") == (
        "She wrote file_name_here and 2*3*4 in 1930.\n"
    )


@pytest.mark.parametrize(
    ("text", "suffix", "expected"),
    [
        (ARTICLE, ".txt", True),
        ("Anything at all.", ".md", True),
        ("- Born: 12 March 1911\n- Died: 1979\nIda Berg was a chemist.", ".txt", False),  # an infobox, not Markdown
        ("= Ida Berg =\n\nIda Berg (1911–1979) was a chemist.", ".txt", False),
    ],
)
def test_what_counts_as_markdown(text: str, suffix: str, expected: bool) -> None:
    assert looks_like_markdown(text, suffix) is expected


def test_extract_drafts_a_markdown_article_and_saves_the_text_it_cites(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("bio.md").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["extract", "bio.md", "--output", "d.json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == (
        "wrote d.json and d.article.txt (the text it cites); next: sedov --data d.json timeline"
    )
    dataset = json.loads(Path("d.json").read_text(encoding="utf-8"))
    assert dataset["source"]["file"] == "d.article.txt"
    assert [(e["date"], e["title"]) for e in dataset["events"]] == [
        ("1911-03-12", "Ida Berg is born"),
        ("1979-10-04", "Ida Berg dies"),
        ("1929", "She entered Uppsala University"),
        ("1931", "She moved to Stockholm"),
        ("1936", "She joined the Karolinska Institute"),
    ]
    cited = Path("d.article.txt").read_text(encoding="utf-8")
    assert all(e["source"]["quote"] in cited for e in dataset["events"])
    assert CliRunner().invoke(cli.app, ["--data", "d.json", "validate"]).exit_code == 0
    to_stdout = CliRunner().invoke(cli.app, ["extract", "bio.md"])
    assert (to_stdout.exit_code, to_stdout.stdout) == (2, "")
    assert "a Markdown article is not that text; give --output FILE" in to_stdout.stderr


@pytest.mark.parametrize(
    "attack", ["[" * 5000, "<!--" * 2000, "**a _b " * 1000, "![" * 3000, "<http:" * 2000, "```\n" + "a\n" * 3000]
)
def test_crafted_markdown_reads_in_bounded_size(attack: str) -> None:
    """The runs that make bracket and emphasis patterns backtrack (benchmarks/extract_attack.py times them)."""
    text = markdown_to_text("# Ann Lee\n\n" + attack)
    assert text.startswith("# Ann Lee\n") and len(text) <= len(attack) + 20


def test_a_bold_label_with_its_space_inside_and_a_descriptive_subtitle() -> None:
    """'**Born: **June 23, 1912', as some converters write it, and a subtitle that describes the
    subject ('English Mathematician Who is…') is not taken for their name."""
    from sedov_cli.extraction import draft_dataset
    from sedov_cli.extraction.draft import Source

    assert markdown_to_text("**Born: **June 23, 1912\n") == "Born: June 23, 1912\n"
    text = markdown_to_text(
        "# Alan Turing\n\n*English Mathematician Who is Considered the Father of Computer Science*\n\n"
        "Alan Turing was born on 23 June 1912 in London. In 1936 he wrote a paper.\n"
    )
    person = draft_dataset(text, Source("a.txt")).dataset["people"][0]
    assert (person["name"], person["birth"]["date"]) == ("Alan Turing", "1912-06-23")
