"""Whether a change to extraction kept its output byte for byte: the drafts of this tree against a git ref's.

A speed change must not change a draft. This drafts every development text
(benchmarks/extract_dev*/), data/article.txt and, unless ``--no-big``, the
generated 1 MB article extract_eval.py times, with the code of this tree and
with the code of REF (``git archive``, into a temporary folder), each in its
own process, and compares:

* in process: the draft's JSON (``to_json``) and everything the summary is made
  of (sentences, every unresolved expression, skipped lines, warnings), or the
  refusal's message;
* end to end: ``sedov extract FILE --output draft.json`` run as a command, every
  file it writes (the draft, the text it cites) and its stderr.

The held-out sets are not read (their texts are not to be looked at while tuning).

    .venv/bin/python benchmarks/extract_same.py               # against main
    .venv/bin/python benchmarks/extract_same.py --against HEAD~1 --no-big
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOT_TEXTS = {"README.md", "SOURCES.md"}


def _texts(big: Path | None) -> list[Path]:
    found = [
        p
        for folder in sorted((ROOT / "benchmarks").glob("extract_dev*"))
        if folder.is_dir()
        for p in sorted(folder.iterdir())
        if p.is_file() and p.name not in NOT_TEXTS and not p.name.endswith(".answers.json")
    ]
    found.append(ROOT / "data" / "article.txt")
    if big is not None:
        found.append(big)
    return found


def _dump(texts: list[Path], out: Path) -> None:
    """Draft each text with the sedov_cli on sys.path, and write what it gives under ``out`` (the worker)."""
    import sedov_cli
    from sedov_cli.errors import SedovError
    from sedov_cli.extraction import draft_dataset
    from sedov_cli.extraction.draft import NothingToDraft, Source, to_json
    from sedov_cli.extraction.files import read_article

    print(f"  drafting with {Path(sedov_cli.__file__).parent}", flush=True)
    for number, path in enumerate(texts):
        name = f"{number:03d}-{path.name}"
        try:
            article = read_article(str(path))
            draft = draft_dataset(article.text, Source(path.name))
            body = to_json(draft.dataset)
            body += repr((draft.sentences, draft.unresolved, sorted(draft.skipped.items()), draft.warnings))
        except (NothingToDraft, SedovError) as exc:
            body = f"refused: {type(exc).__name__}: {exc}"
        (out / f"{name}.inprocess").write_text(body, encoding="utf-8")
        folder = out / name
        folder.mkdir()
        env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
        done = subprocess.run(
            [sys.executable, "-m", "sedov_cli", "extract", str(path), "--output", "draft.json"],
            cwd=folder, capture_output=True, env=env,
        )  # fmt: skip
        (out / f"{name}.stderr").write_bytes(done.stderr + f"\nexit {done.returncode}\n".encode())


def _run(code_root: Path, texts: list[Path], out: Path) -> None:
    out.mkdir()
    env = {**os.environ, "PYTHONPATH": str(code_root), "SEDOV_NO_CACHE": "1"}
    paths = [str(p) for p in texts]
    subprocess.run([sys.executable, __file__, "--dump", str(out), *paths], env=env, check=True)


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", default="main", help="the git ref whose code is the reference (default main)")
    parser.add_argument("--no-big", action="store_true", help="leave out the generated 1 MB article")
    parser.add_argument("--dump", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump:
        _dump([Path(p) for p in args.paths], Path(args.dump))
        return
    with tempfile.TemporaryDirectory(prefix="extract-same-") as tmp:
        work = Path(tmp)
        big = None
        if not args.no_big:
            sys.path.insert(0, str(ROOT / "benchmarks"))
            from extract_eval import _big_article

            big = work / "big.txt"
            big.write_text(_big_article(1_000_000), encoding="utf-8")
        texts = _texts(big)
        old_code = work / "old-code"
        old_code.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.against, "sedov_cli"],
                                 check=True, capture_output=True).stdout  # fmt: skip
        subprocess.run(["tar", "-x", "-C", str(old_code)], input=archive, check=True)
        print(f"{len(texts)} texts; the reference is {args.against}")
        _run(old_code, texts, work / "old")
        _run(ROOT, texts, work / "new")
        old, new = _files(work / "old"), _files(work / "new")
        differ = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
        for key in differ:
            print(f"  DIFFERS: {key}")
        print(f"{len(old)} outputs compared: {'all byte-identical' if not differ else f'{len(differ)} differ'}")
        if differ:
            sys.exit(1)


if __name__ == "__main__":
    main()
