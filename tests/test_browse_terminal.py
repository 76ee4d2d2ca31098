"""sedov browse as a process: refused without a terminal, the same dataset errors, Textual
imported by no other command, and one real session under tmux that leaves the terminal as it was."""

from __future__ import annotations

import os
import pty
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import WriteDataset, read_until_closed

from sedov_cli.index import cache_wanted

SEDOV = [sys.executable, "-m", "sedov_cli"]
REFUSAL = "sedov: error: browse needs a terminal (its input and output); in a pipe, try: sedov timeline\n"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "SEDOV_DATA")}
    return env | extra


def test_in_a_pipe_browse_refuses_and_suggests_timeline() -> None:
    out = subprocess.run([*SEDOV, "browse"], capture_output=True, text=True, env=_env(), timeout=60, check=False)
    assert (out.returncode, out.stdout, out.stderr) == (2, "", REFUSAL)


def _in_terminal(args: list[str], *, stdin_tty: bool = True) -> tuple[int, str]:
    """Run with stdout and stderr (and stdin, unless told otherwise) on a pseudo-terminal."""
    leader, follower = pty.openpty()
    stdin = follower if stdin_tty else subprocess.DEVNULL
    proc = subprocess.Popen([*SEDOV, *args], stdin=stdin, stdout=follower, stderr=follower,
                            env=_env(TERM="xterm-256color"), cwd="/")  # fmt: skip
    os.close(follower)
    out = read_until_closed(leader)
    code = proc.wait(timeout=60)
    os.close(leader)
    return code, out.decode("utf-8", errors="replace").replace("\r\n", "\n")


def test_without_a_terminal_on_stdin_browse_refuses() -> None:
    assert _in_terminal(["browse"], stdin_tty=False) == (2, REFUSAL)


def test_a_bad_dataset_fails_as_for_every_other_command(write_dataset: WriteDataset) -> None:
    broken = write_dataset(text='{"title": "x", "events": [}')
    expected = subprocess.run([*SEDOV, "--data", str(broken), "timeline"], capture_output=True, text=True,
                              env=_env(), timeout=60, check=False)  # fmt: skip
    assert expected.returncode == 1 and expected.stderr.startswith("sedov: error: the dataset cannot be used:")
    code, output = _in_terminal(["--data", str(broken), "browse"])
    assert (code, output) == (1, expected.stderr)
    assert "\x1b[?1049h" not in output  # the screen was never taken over


# --- one real session -------------------------------------------------------------------------


class Tmux:
    """A tmux server of the test's own (its own socket), so it starts with this process's environment."""

    def __init__(self, name: str) -> None:
        self.socket = name

    def __call__(self, *args: str) -> str:
        out = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=30,
                             check=True)  # fmt: skip
        return out.stdout

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "s")

    def wait_for(self, text: str) -> str:
        """Poll the pane until ``text`` shows: a wait for the program, never a bound on its speed."""
        for _ in range(600):
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the pane shows:\n{self.screen()}")


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
@pytest.mark.parametrize(("key", "code"), [("q", "0"), ("C-c", "130")])
def test_a_real_terminal_session_under_tmux(tmp_path: Path, key: str, code: str) -> None:
    notes, home, here, cache = (tmp_path / name for name in ("notes", "home", "here", "cache"))
    for folder in (notes, home, here):
        folder.mkdir()
    before, after, done = notes / "before", notes / "after", notes / "done"
    sedov = " ".join(map(shlex.quote, SEDOV))
    script = (f"stty -a > {before}; {sedov} browse; echo $? > {done}; stty -a > {after}; "
              "echo back at the shell; sleep 600")  # fmt: skip
    tmux = Tmux(f"sedov-test-{os.getpid()}-{code}")
    env = _env(TERM="xterm-256color", HOME=str(home), SEDOV_CACHE_DIR=str(cache))
    subprocess.run(["tmux", "-L", tmux.socket, "new-session", "-d", "-s", "s", "-x", "80", "-y", "24", "-c",
                    str(here), "sh", "-c", script], env=env, check=True, timeout=30)  # fmt: skip
    try:
        first = tmux.wait_for("Lev Sedov: every event")
        assert " When               Age     Event" in first
        assert " 1905                       His father takes part in the Revolution of 1905" in first
        tmux("send-keys", "-t", "s", "j", "j")
        tmux("send-keys", "-t", "s", "Enter")
        opened = tmux.wait_for("a moment (it happened once)")
        assert " Born" in opened.splitlines() and " 24 February 1906  a moment (it happened once)" in opened
        tmux("send-keys", "-t", "s", "Escape")
        tmux.wait_for("35 events")
        tmux("send-keys", "-t", "s", key)
        shown = tmux.wait_for("back at the shell")
        assert done.read_text() == f"{code}\n"
        assert after.read_text() == before.read_text()  # the terminal's modes are as they were
        assert "Lev Sedov: every event" not in shown  # and the alternate screen is gone
        assert list(home.iterdir()) == list(here.iterdir()) == []  # nothing written but the cache
        assert cache.is_dir() is cache_wanted()  # where the index went (none under SEDOV_NO_CACHE=1)
    finally:
        subprocess.run(["tmux", "-L", tmux.socket, "kill-server"], check=False, timeout=30)
