"""Shared fixtures: the packaged dataset, and user datasets written to disk."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from sedov_cli.dataset import DEFAULT_FILE, article_text, data_dir, load_default
from sedov_cli.environment import Environment
from sedov_cli.model import Dataset

# No test leans on the wall clock: Hypothesis's per-example deadline (200 ms) fails on a busy machine,
# and a fixed derandomised search makes every run try the same examples.
settings.register_profile("sedov", deadline=None, derandomize=True, print_blob=True)
settings.load_profile("sedov")


def terminal(width: int = 100, color: bool = False, pager: str | None = None) -> Callable[[], Environment]:
    """An Environment "at a terminal", made as the command starts (so it writes to CliRunner's stdout).
    Pass it as ``obj=`` to CliRunner.invoke, as httpie's tests pass ``env`` to ``main``."""
    import sys

    return lambda: Environment(sys.stdout, sys.stderr, True, color, width, True, pager, 40)


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every test (and every process a test starts) indexes into a folder of this run's own,
    never the user's cache. Run with SEDOV_NO_CACHE=1 to run the whole suite without the index."""
    import os

    folder = tmp_path_factory.mktemp("sedov-cache")
    os.environ["SEDOV_CACHE_DIR"] = str(folder)
    for inherited in ("COLUMNS", "LINES"):  # a test that needs a width sets it: the runner's own never leaks in
        os.environ.pop(inherited, None)
    return folder


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of the test's own, with the index in use (even under SEDOV_NO_CACHE=1)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("SEDOV_CACHE_DIR", str(folder))
    monkeypatch.delenv("SEDOV_NO_CACHE", raising=False)
    return folder


def read_until_closed(leader: int, quiet_for: float = 60) -> bytes:
    """Everything a process writes to a pseudo-terminal, read until it closes its side.

    ``quiet_for`` is a hang guard, not a timing: a process silent that long has hung."""
    import os
    import select

    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], quiet_for)
        if not ready:
            break
        try:
            data = os.read(leader, 65536)
        except OSError:  # EIO: the process closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks)


@pytest.fixture(scope="session")
def ds() -> Dataset:
    return load_default()


@pytest.fixture(scope="session")
def raw_dataset() -> dict[str, Any]:
    return json.loads((data_dir() / DEFAULT_FILE).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def article() -> str:
    return article_text()


WriteDataset = Callable[..., Path]


@pytest.fixture
def write_dataset(tmp_path: Path, raw_dataset: dict[str, Any], article: str) -> WriteDataset:
    """Write a dataset (optionally changed, or as raw text) beside a copy of the article."""

    def write(change: Callable[[dict[str, Any]], Any] | None = None, *, text: str | bytes | None = None,
              name: str = "mine.json") -> Path:  # fmt: skip
        (tmp_path / "article.txt").write_text(article, encoding="utf-8")
        path = tmp_path / name
        if text is not None:
            path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
            return path
        raw = copy.deepcopy(raw_dataset)
        if change is not None:
            change(raw)
        path.write_text(json.dumps(raw, ensure_ascii=False, indent=1), encoding="utf-8")
        return path

    return write


def event(raw: dict[str, Any], ident: str) -> dict[str, Any]:
    for e in raw["events"]:
        if e["id"] == ident:
            return e  # type: ignore[no-any-return]
    raise KeyError(ident)


SNAPSHOTS = Path(__file__).with_name("snapshots")


def check_snapshot(name: str, text: str) -> None:
    """Compare with tests/snapshots/NAME; SEDOV_UPDATE_SNAPSHOTS=1 rewrites it (review the diff)."""
    import os

    path = SNAPSHOTS / name
    if os.environ.get("SEDOV_UPDATE_SNAPSHOTS") == "1":
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"no snapshot {name}; run with SEDOV_UPDATE_SNAPSHOTS=1 and review it"
    assert text == path.read_bytes().decode("utf-8")


def swap_id_index(path: Path, keeps: str) -> None:
    """The index file's id b-tree swapped for another one that keeps only the rows ``keeps`` selects
    (``"0"``: none), as lost pages would leave it, and the file sealed again as the cache seals it."""
    import sqlite3

    from sedov_cli import index

    con = sqlite3.connect(path)
    con.execute(f"CREATE INDEX spare ON events (id) WHERE {keeps}")
    con.commit()
    roots = dict(con.execute("SELECT name, rootpage FROM sqlite_master WHERE name IN ('spare', 'events_id')"))
    con.execute("PRAGMA writable_schema = ON")
    con.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = 'events_id'", (roots["spare"],))
    con.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = 'spare'", (roots["events_id"],))
    con.commit()
    con.close()
    index._seal(path)
