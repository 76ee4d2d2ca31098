"""How fast sedov browse draws its first screen and answers keys; what Textual costs to import.

* **Import:** ``python -X importtime -c "import textual.app"`` (its cumulative
  time), which only ``sedov browse`` pays: no other command imports Textual
  (tests/test_processes.py checks it; benchmarks/startup.py times ``timeline``).
* **First screen:** ``sedov browse`` is started on a pseudo-terminal, as a
  person starts it, and timed from the spawn until the screen it draws holds
  the footer (every widget is then laid out and drawn), on the packaged dataset
  and on a generated file of N events once indexed (benchmarks/scale.py's
  generator). Then ``q`` quits it.
* **Keys:** on the same pseudo-terminal, the median time from sending a key
  until the app's answer starts (the list's new frame) and until it is whole
  (at 120x40 the detail beside the list follows in a second frame), for ``j``,
  ``k``, ``PgDn``, ``PgUp``, ``enter`` (open the event; and apart, the first
  ``enter`` of the session, which builds the event's screen), ``b`` (close it),
  ``G`` (the end) and ``g`` (the top), at 80x24 and 120x40.
* **Jumps:** ``t`` (go to) a year, a day and an event far down the list, timed
  from the ``enter`` that ends the prompt until the list is drawn there (the
  prompt itself, opened and typed into first, is not counted); each is
  followed by ``g``, back to the top, so that every jump starts from there.
  The same jumps' reading from the index is timed apart, in process, without
  Textual's frames (where it goes, the list opened there, the rows the view needs).

The load average is printed at the start and at the end: the machine's
cores may be shared, and every figure grows with the load.

    .venv/bin/python benchmarks/browse.py --events 100000 --runs 5

This is a measurement for a person to read, never a test.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
SEDOV = [sys.executable, "-m", "sedov_cli"]
DRAWN = b"quit"  # the key hints, the last line of the first screen


def import_cost(runs: int) -> float:
    """Median cumulative import time of textual.app, in seconds."""
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import textual.app"], capture_output=True,
                             text=True, check=True)  # fmt: skip
        line = next(x for x in out.stderr.splitlines() if x.rstrip().endswith("| textual.app"))
        times.append(int(line.split("|")[1]) / 1e6)
    return statistics.median(times)


class Session:
    """``sedov browse`` on a pseudo-terminal, as a person runs it."""

    def __init__(self, args: list[str], env: dict[str, str], size: tuple[int, int] = (120, 40)) -> None:
        self.leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        os.set_blocking(self.leader, False)
        self.start = time.perf_counter()
        self.proc = subprocess.Popen([*SEDOV, *args, "browse"], stdin=follower, stdout=follower, stderr=follower,
                                     env=env)  # fmt: skip
        os.close(follower)

    def read(self, timeout: float) -> bytes:
        """What the app writes next, or b"" if it writes nothing for ``timeout`` seconds."""
        deadline = time.perf_counter() + timeout
        while (left := deadline - time.perf_counter()) > 0:
            ready, _, _ = select.select([self.leader], [], [], left)
            if not ready:
                break
            try:
                return os.read(self.leader, 1 << 20)
            except BlockingIOError:  # woken with nothing to read yet
                continue
            except OSError:  # the app has gone
                break
        return b""

    def first_screen(self) -> float:
        """Seconds from the spawn until the first screen is out: the filter bar and the footer drawn."""
        seen = b""
        while not (DRAWN in seen and b"every event" in seen):
            chunk = self.read(60)
            if not chunk:
                raise SystemExit(f"no first screen after 60 s: {seen[-500:]!r}")
            seen += chunk
        return time.perf_counter() - self.start

    def settle(self) -> None:
        """Read until the app has said nothing for a while (its frame is out)."""
        while self.read(0.3):
            pass

    def key(self, keys: bytes) -> tuple[float, float]:
        """Seconds from sending a key until the app's first byte of answer, and until its last (the
        answer is whole when nothing more comes for QUIET seconds; that wait is not counted)."""
        self.settle()
        sent = time.perf_counter()
        os.write(self.leader, keys)
        first = last = None
        while self.read(QUIET if last is not None else 10):
            last = time.perf_counter()
            first = first or last
        if first is None or last is None:
            raise SystemExit(f"no answer to {keys!r}")
        return first - sent, last - sent

    def close(self) -> None:
        self.settle()
        os.write(self.leader, b"q")
        try:
            self.proc.wait(timeout=60)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
            os.close(self.leader)


def first_screen(args: list[str], env: dict[str, str]) -> float:
    session = Session(args, env)
    try:
        return session.first_screen()
    finally:
        session.close()


# b closes the event (q would quit, were the event not open yet on a slow machine)
# each pair undoes itself, so the cursor never reaches an end where a key changes nothing
KEYS = (("j", b"j"), ("k", b"k"), ("PgDn", b"\x1b[6~"), ("PgUp", b"\x1b[5~"), ("enter (open)", b"\r"),
        ("b (close)", b"b"), ("G (the end)", b"G"), ("g (the top)", b"g"))  # fmt: skip
QUIET = 0.15


def key_times(
    args: list[str], env: dict[str, str], presses: int, size: tuple[int, int], jumps: tuple[tuple[str, str], ...] = ()
) -> dict[str, list[float]]:
    """Median seconds from each key until its answer starts, and until it is whole, on a real pty;
    then each ``t`` jump in ``jumps`` (a name, what is typed at the prompt), from the enter that ends
    its prompt."""
    session = Session(args, env, size)
    results: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in KEYS}
    results |= {name: [] for name, _ in jumps}
    try:
        session.first_screen()
        for _ in range(presses):
            for name, keys in KEYS:
                results[name].append(session.key(keys))
        for _ in range(presses):
            for name, typed in jumps:
                session.key(b"t")  # the prompt opens
                session.key(typed.encode())  # typed in (one write, as a paste)
                results[name].append(session.key(b"\r"))
                session.key(b"g")  # back to the top, where the next jump starts
    finally:
        session.close()
    medians = {name: [statistics.median(t[0] for t in v), statistics.median(t[1] for t in v)]
               for name, v in results.items()}  # fmt: skip
    # the first event opened in a session builds its screen; the others reuse it
    medians["enter, 1st"] = list(results["enter (open)"][0])
    return medians


def jump_queries(path: Path, env: dict[str, str], runs: int, jumps: tuple[tuple[str, str], ...]) -> None:
    """In this process, from the index: the reading a ``t`` jump does (where it goes, the list opened
    there, and the rows below and above it the view needs at 120x40), without Textual's frames."""
    os.environ["SEDOV_CACHE_DIR"] = env["SEDOV_CACHE_DIR"]
    from sedov_cli.browse.chronology import Chronology
    from sedov_cli.dataset import load
    from sedov_cli.queries import Filters, resolve_when

    ds = load(str(path))
    screen = 2 * 30 + 2  # what the list of a 120x40 terminal reads on each side (Chronicle.screenful)
    for name, typed in jumps:
        times = []
        for _ in range(runs + 1):  # the first warms SQLite's page cache, and is not counted
            start = time.perf_counter()
            when = resolve_when(ds, typed)
            event = when.event if when.event is not None else Chronology(ds, Filters()).target(when.span)
            assert event is not None, typed
            window = Chronology(ds, Filters())
            window.at(event)
            window.load(screen, screen)
            window.load_above(screen)
            times.append(time.perf_counter() - start)
        print(f"queries of {name:<13} in process (median of {runs}): {statistics.median(times[1:]) * 1000:.0f} ms",
              flush=True)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000, help="size of the generated dataset")
    parser.add_argument("--runs", type=int, default=5, help="runs of each first-screen measurement")
    parser.add_argument("--presses", type=int, default=30, help="presses of each key")
    args = parser.parse_args()
    from scale import generate  # type: ignore[import-not-found]

    print("load average at the start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()), flush=True)
    print(f"import textual.app (cumulative, median of {args.runs}): {import_cost(args.runs) * 1000:.0f} ms", flush=True)
    version = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run([*SEDOV, "--version"], capture_output=True, check=True)
        version.append(time.perf_counter() - start)
    # the same machine's speed at this moment: compare with the README's figures for --version
    print(f"for scale, sedov --version (median of {args.runs}): {statistics.median(version):.2f} s", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "SEDOV_NO_CACHE", "SEDOV_DATA")}
        env |= {"SEDOV_CACHE_DIR": str(Path(folder) / "cache"), "TERM": "xterm-256color"}
        first_screen([], env)  # index the packaged dataset, warm the .pyc files
        packaged = [first_screen([], env) for _ in range(args.runs)]
        print(f"first screen, packaged dataset (median of {args.runs}): {statistics.median(packaged):.2f} s "
              f"(range {min(packaged):.2f}–{max(packaged):.2f})", flush=True)  # fmt: skip
        dataset, article = generate(args.events)
        # an event filed near the end of the list (a day in December 1937), for a jump far down
        far = next(e["id"] for e in reversed(dataset["events"]) if e["date"].startswith("1937-12-"))
        path = Path(folder) / "big.json"
        path.write_text(json.dumps(dataset), encoding="utf-8")
        (Path(folder) / "article.txt").write_text(article, encoding="utf-8")
        del dataset
        indexing = first_screen(["--data", str(path)], env)
        big = [first_screen(["--data", str(path)], env) for _ in range(args.runs)]
        print(f"first screen, {args.events:,} events, first run (validates and indexes): {indexing:.2f} s")
        print(f"first screen, {args.events:,} events once indexed (median of {args.runs}): "
              f"{statistics.median(big):.2f} s (range {min(big):.2f}–{max(big):.2f})", flush=True)  # fmt: skip
        jumps = {
            "packaged": (("t 1936", "1936"), ("t 16 Feb 1938", "16 February 1938"), ("t death", "death")),
            "big": (("t 1920", "1920"), ("t 15 Jun 1931", "15 June 1931"), ("t event", far)),
        }
        jump_queries(path, env, args.runs, jumps["big"])
        for size in ((80, 24), (120, 40)):
            for label, where, which in (("packaged", [], "packaged"),
                                        (f"{args.events:,} indexed", ["--data", str(path)], "big")):  # fmt: skip
                for name, (first, whole) in key_times(where, env, args.presses, size, jumps[which]).items():
                    print(
                        f"key {name:<13} {size[0]}x{size[1]} {label:<16} "
                        f"({'one' if name == 'enter, 1st' else f'median of {args.presses}'}): "
                        f"answer starts {first * 1000:.0f} ms, whole {whole * 1000:.0f} ms",
                        flush=True,
                    )
    print("load average at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()), flush=True)


if __name__ == "__main__":
    main()
