"""Issue 21: a first query on a large dataset shows a progress bar on stderr at a terminal while it
is checked and indexed, and nothing in a pipe."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
from pathlib import Path
from typing import Any

from test_processes import SEDOV, run_in_terminal

ROOT = Path(__file__).resolve().parents[1]


def _large(folder: Path) -> Path:
    """A generated dataset of 20,000 events (6.8 MB), past the 5 MB from which the bar shows."""
    spec = importlib.util.spec_from_file_location("scale", ROOT / "benchmarks" / "scale.py")
    assert spec is not None and spec.loader is not None
    scale: Any = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scale)
    data, article = scale.generate(20_000, seed=3)
    (folder / data["source"]["file"]).write_text(article, encoding="utf-8")
    path = folder / "large.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_first_index_shows_progress_at_a_terminal_and_nothing_in_a_pipe(tmp_path: Path) -> None:
    data = _large(tmp_path)
    cache = {"SEDOV_CACHE_DIR": str(tmp_path / "a"), "SEDOV_NO_CACHE": ""}  # the bar is the index's: use one
    screen = run_in_terminal("--data", str(data), "age-at", "1920", env=cache)
    assert "checking the dataset (first use)" in screen and "20000/20000" in screen
    assert screen.rstrip().endswith("In 1920 Ann Example was 19 until 14 March and 20 from 15 March.")
    again = run_in_terminal("--data", str(data), "age-at", "1920", env=cache)
    assert "checking" not in again and "indexing" not in again  # seen before: nothing to show
    piped = subprocess.run([*SEDOV, "--data", str(data), "age-at", "1920"], capture_output=True, text=True,
                           env=os.environ | cache | {"SEDOV_CACHE_DIR": str(tmp_path / "b")}, check=True)  # fmt: skip
    assert (piped.stdout, piped.stderr) == ("In 1920 Ann Example was 19 until 14 March and 20 from 15 March.\n", "")
