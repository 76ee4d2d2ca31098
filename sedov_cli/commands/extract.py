"""``sedov extract``: a cited draft dataset from a biography, and its closing account on stderr.

The extraction package is imported inside the command only: no other command pays for it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Annotated, Any

import typer

from ..dataset import DatasetError
from ..environment import Environment, _isatty
from ..errors import SedovError, UsageProblem
from ..options import ForceOpt, state
from ..text import plural, visible


def extract(
    ctx: typer.Context,
    article: Annotated[
        str,
        typer.Argument(
            metavar="ARTICLE",
            help="A biography: plain UTF-8 text, Markdown, a saved HTML page, or - for standard input.",
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write the draft here (atomically); - or none: stdout."),
    ] = None,
    subject: Annotated[
        str | None, typer.Option("--subject", metavar="NAME", help="Whose life it is (default: the title line).")
    ] = None,
    url: Annotated[
        str, typer.Option("--url", metavar="URL", help="The article's address, for the draft's source.")
    ] = "not given",
    publisher: Annotated[
        str, typer.Option("--publisher", metavar="NAME", help="Who published the article.")
    ] = "not given",
    license_: Annotated[
        str, typer.Option("--license", metavar="LICENCE", help="The article's licence, e.g. 'CC BY-SA'.")
    ] = "not given",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
    force: ForceOpt = False,
) -> None:
    """Draft a cited dataset from any biography: one event per dated claim, quoting its sentence.

    It reads a page as a browser copies or saves it (title line, site chrome,
    infobox, headings, references), the packaged = Title = form and Markdown.
    Explicit dates keep the precision the text gives; relative ones ("the
    following year", "at the age of 19", "during this period") are resolved
    only against a date the text gives, and marked inferred with a note. What
    cannot be resolved, and what was skipped as not the life, is listed on
    stderr. The draft passes `sedov validate` and loads with --data; review it
    before trusting it. An HTML page, a Markdown file, standard input, or a
    text outside the draft's folder is saved beside the draft as
    DRAFT.article.txt, the text its quotes cite.

    Then: sedov --data draft.json timeline

    \b
    Examples:
      sedov extract article.txt --output draft.json
      sedov extract page.html --output draft.json
      pbpaste | sedov extract - --output draft.json
      sedov extract article.txt --subject "Leon Sedov" --quiet | jq '.events | length'
    """
    from ..atomic import refuse_input, write_file
    from ..dataset import validate_unwritten
    from ..extraction import NothingToDraft, draft_dataset
    from ..extraction.draft import Source, to_json
    from ..extraction.files import cited_path, companion_path, lies_inside, read_article

    st = state(ctx)
    to_stdout = output is None or output == "-"
    source = read_article(article, _stdin_reader())  # a missing or binary file is reported before where it lies
    read = [] if source.kind == "stdin" else [("the article", article)]
    companion: str | None = None
    elsewhere = source.kind == "text" and not to_stdout and not lies_inside(article, output)
    if source.needs_copy or elsewhere:
        if to_stdout:
            raise UsageProblem(
                f"extract {'-' if source.kind == 'stdin' else article}: the draft must cite the text it quotes, and "
                f"{ {'stdin': 'standard input', 'html': 'an HTML page'}.get(source.kind, 'a Markdown article') } "
                "is not that text; give "
                "--output FILE, and the text is saved beside it as FILE.article.txt"
            )
        assert output is not None
        companion = companion_path(output)
        refuse_input(companion, read)
        cited = cited_path(companion, output)
    else:
        cited = cited_path(article, None if to_stdout else output)
    if not to_stdout:
        refuse_input(str(output), read)  # before the drafting, which takes seconds on a long article
    if _isatty(st.env.stderr):  # only a terminal shows the bar: rich and render are not imported for a pipe
        from ..render import progress_callback

        bar: AbstractContextManager[Callable[[int, int], None] | None] = progress_callback(st.env, len(source.text))
    else:
        bar = nullcontext(None)
    with bar as progress:
        try:
            draft = draft_dataset(
                source.text, Source(cited, None, publisher, url, license_), subject=subject, progress=progress
            )
        except NothingToDraft as exc:  # the refusal names the text it refused, as every other error does
            raise NothingToDraft(f"{source.shown}: {exc}") from None
    body = to_json(draft.dataset)
    target = "draft.json" if to_stdout else str(output)
    try:
        validate_unwritten(body.encode("utf-8"), target, {cited: source.text} if companion else None)
    except DatasetError as exc:  # a bug in extract, not in the user's article: say so plainly
        shown = [str(p) for p in exc.problems[:10]]
        if len(exc.problems) > 10:
            shown.append(f"… and {len(exc.problems) - 10} more")
        raise SedovError(
            "the draft fails validation, which is a bug in sedov extract; nothing was written:\n" + "\n".join(shown)
        ) from None
    if to_stdout:
        st.env.write(body)
    else:
        assert output is not None
        if companion is not None:
            write_file(companion, source.text, force=force, inputs=read)
        write_file(output, body, force=force, inputs=read)
    if not quiet:
        _extract_summary(st.env, draft, None if to_stdout else output, companion, article if elsewhere else None)


def _stdin_reader() -> Any:
    """Reads at most N bytes of standard input (``extract -``)."""

    def read(limit: int) -> bytes:
        chunks: list[bytes] = []
        size = 0
        stream = sys.stdin.buffer
        while size <= limit:
            chunk = stream.read(min(1 << 16, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)

    return read


SKIPPED_KINDS = {
    "reference section": ("line of a references section", "lines of references sections"),
    "citation": ("citation line", "citation lines"),
    "caption": ("caption", "captions"),
    "table row": ("table row", "table rows"),
    "site furniture": (
        "line of the site's own (a byline, an edit date, a copyright)",
        "lines of the site's own (bylines, edit dates, copyrights)",
    ),
}
UNRESOLVED_SHOWN = 20
"""How many unresolved expressions the summary lists; a long article says how many more."""


def _extract_summary(
    env: Environment, draft: Any, output: str | None, companion: str | None = None, copied: str | None = None
) -> None:
    """The closing account on stderr: what was drafted, what was skipped, every expression left out, and warnings."""
    events = draft.dataset["events"]
    inferred = sum(1 for e in events if e["certainty"] == "inferred")
    attributed = sum(1 for e in events if e["certainty"] == "attributed")
    people = len(draft.dataset["people"])
    places = len(draft.dataset["places"])
    left = draft.unresolved
    head = (
        f"{plural(len(events), 'claim')} drafted from {plural(draft.sentences, 'sentence')} "
        f"({len(events) - inferred - attributed} stated, {inferred} inferred"
        f"{f', {attributed} attributed' if attributed else ''}; {people} {'person' if people == 1 else 'people'}, "
        f"{plural(places, 'place')})"
    )
    if left:
        head += f", {plural(len(left), 'expression')} left unresolved:"
    lines = [head] + [f"  - '{u.text}' ({u.section}): {u.reason}" for u in left[:UNRESOLVED_SHOWN]]
    if len(left) > UNRESOLVED_SHOWN:
        lines.append(f"  … and {len(left) - UNRESOLVED_SHOWN} more")
    if draft.skipped:
        kinds = ", ".join(
            f"{n} {SKIPPED_KINDS.get(kind, (kind, kind))[n != 1]}" for kind, n in sorted(draft.skipped.items())
        )
        lines.append(f"skipped as not the life, with dates in them: {kinds}")
    lines += [f"warning: {w}" for w in draft.warnings]
    if output is not None:
        cites = f"a copy of {copied}, which lies outside the draft's folder" if copied else "the text it cites"
        wrote = f"{output} and {companion} ({cites})" if companion else output
        lines.append(f"wrote {wrote}; next: sedov --data {output} timeline")
    env.stderr.write("".join(env.error_prose(visible(line), hang=4) + "\n" for line in lines))
    env.stderr.flush()
