"""export --output and chart --svg: what happens to the thing at the path a user names."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from sedov_cli import atomic, cli


def sedov(*args: str) -> Result:
    result = CliRunner().invoke(cli.app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def export_to(path: Path | str, *extra: str) -> Result:
    return sedov("export", "--format", "csv", "--output", str(path), *extra)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if atomic.TEMP_MARK in p.name)


def test_a_new_file_is_written(tmp_path: Path) -> None:
    assert export_to(tmp_path / "new.csv").exit_code == 0
    assert (tmp_path / "new.csv").read_text(encoding="utf-8").startswith("id,kind,earliest,")


def test_a_symlink_is_written_through_and_kept(tmp_path: Path) -> None:
    (tmp_path / "real.csv").write_text("old", encoding="utf-8")
    (tmp_path / "link.csv").symlink_to("real.csv")
    assert export_to(tmp_path / "link.csv").exit_code == 0
    assert (tmp_path / "link.csv").is_symlink() and os.readlink(tmp_path / "link.csv") == "real.csv"
    assert (tmp_path / "real.csv").read_text(encoding="utf-8").startswith("id,kind,")


def test_an_existing_file_keeps_its_permission_bits(tmp_path: Path) -> None:
    out = tmp_path / "shared.csv"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    assert export_to(out).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 and out.read_text(encoding="utf-8") != "old"


def test_a_read_only_file_is_refused_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "kept.csv"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o444)
    refused = export_to(out)
    assert (refused.exit_code, refused.stderr) == (
        1, f"sedov: error: cannot write {out}: the file is read-only (use --force to replace it)\n")  # fmt: skip
    assert out.read_text(encoding="utf-8") == "old"
    assert export_to(out, "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("id,") and stat.S_IMODE(out.stat().st_mode) == 0o444


def test_a_fifo_is_streamed_to_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert export_to(fifo).exit_code == 0
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert received and received[0].startswith(b"id,kind,")


def test_dev_stdout_is_streamed(tmp_path: Path) -> None:
    sedov_script = Path(sys.executable).with_name("sedov")
    out = subprocess.run([str(sedov_script), "export", "--format", "csv", "-o", "/dev/stdout"], capture_output=True,
                         text=True, check=False)  # fmt: skip
    assert out.returncode == 0 and out.stdout.startswith("id,kind,") and out.stderr == ""


def test_dash_is_stdout() -> None:
    assert sedov("export", "--format", "csv", "-o", "-").stdout.startswith("id,kind,")
    assert sedov("chart", "--svg", "-").stdout.startswith("<svg ")


@pytest.mark.parametrize(
    ("name", "code", "message"),
    [
        ("folder", 1, "cannot write {path}: it is a directory"),
        ("", 2, "the output path is empty; give a file name, or - for standard output"),
        ("loop", 1, "cannot write {path}: Too many levels of symbolic links"),
    ],
)
def test_impossible_targets_are_clear_errors(tmp_path: Path, name: str, code: int, message: str) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "loop").symlink_to("loop2")
    (tmp_path / "loop2").symlink_to("loop")
    path = str(tmp_path / name) if name else ""
    result = export_to(path)
    assert (result.exit_code, result.stderr) == (code, f"sedov: error: {message.format(path=path)}\n")
    assert leftovers(tmp_path) == []


def test_the_temporary_file_is_removed_on_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", fail)
    result = export_to(tmp_path / "out.csv")
    assert (result.exit_code, result.stderr) == (
        1, f"sedov: error: cannot write {tmp_path / 'out.csv'}: No space left on device\n")  # fmt: skip
    assert list(tmp_path.iterdir()) == []


def test_sigterm_while_writing_removes_the_temporary_file(tmp_path: Path) -> None:
    code = f"""
import os, signal, sys
import sedov_cli.atomic as atomic
real_fsync = os.fsync
def terminated(fd):
    names = [n for n in os.listdir({str(tmp_path)!r}) if atomic.TEMP_MARK in n]
    assert names and names[0].startswith(".out.csv.sedov-") and names[0].endswith(".tmp"), names
    os.kill(os.getpid(), signal.SIGTERM)
    real_fsync(fd)
atomic.os.fsync = terminated
sys.argv = ["sedov", "export", "--format", "csv", "-o", {str(tmp_path / "out.csv")!r}]
from sedov_cli.launch import main
main()
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert out.returncode == 128 + 15, out.stderr
    assert list(tmp_path.iterdir()) == []


def test_chart_svg_follows_the_same_rules(tmp_path: Path) -> None:
    (tmp_path / "real.svg").write_text("old", encoding="utf-8")
    (tmp_path / "link.svg").symlink_to("real.svg")
    assert sedov("chart", "--svg", str(tmp_path / "link.svg")).exit_code == 0
    assert (tmp_path / "link.svg").is_symlink()
    assert (tmp_path / "real.svg").read_text(encoding="utf-8").startswith("<svg ")
    (tmp_path / "real.svg").chmod(0o444)
    assert sedov("chart", "--svg", str(tmp_path / "link.svg")).exit_code == 1
    assert sedov("chart", "--svg", str(tmp_path / "link.svg"), "--force").exit_code == 0


# --- issue 20: a stranger's link, an output that is an input, every ending signal ------------

STRANGER = 12345
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="playing another user needs root (os.lchown)")


def _shared(tmp_path: Path, owner: int | None = None) -> Path:
    """A sticky, world-writable folder, as /tmp is."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    if owner is not None:
        os.chown(shared, owner, owner)
    return shared


@as_root
@pytest.mark.parametrize("command", ["export", "chart"])
def test_a_strangers_link_in_a_sticky_folder_is_refused(tmp_path: Path, command: str) -> None:
    """Another user plants /tmp/out.csv -> ~/notes.txt: the kernel's protected_symlinks would refuse it."""
    shared = _shared(tmp_path)
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n", encoding="utf-8")
    notes.chmod(0o600)
    link = shared / "out"
    link.symlink_to(notes)
    os.lchown(link, STRANGER, STRANGER)
    args = ["export", "--format", "csv", "-o", str(link)] if command == "export" else ["chart", "--svg", str(link)]
    result = sedov(*args, "--force")
    refusal = (f"sedov: error: cannot write {link}: it leads through a symlink in the shared folder {shared} that "
               f"another user (uid {STRANGER}) owns; sedov does not follow it, as the kernel's protected_symlinks "
               "would not\n")  # fmt: skip
    assert (result.exit_code, result.stderr) == (1, refusal)
    assert notes.read_text(encoding="utf-8") == "my notes\n" and leftovers(shared) == []


@as_root
def test_a_strangers_link_to_a_folder_in_a_sticky_folder_is_refused(tmp_path: Path) -> None:
    shared = _shared(tmp_path)
    mine = tmp_path / "mine"
    mine.mkdir()
    (shared / "dir").symlink_to(mine)
    os.lchown(shared / "dir", STRANGER, STRANGER)
    result = export_to(shared / "dir" / "out.csv")
    assert result.exit_code == 1 and "that another user (uid 12345) owns" in result.stderr
    assert list(mine.iterdir()) == []


@as_root
def test_links_the_kernel_would_follow_are_followed(tmp_path: Path) -> None:
    """The user's own link in a sticky folder, and a link owned by the sticky folder's owner."""
    shared = _shared(tmp_path)
    (tmp_path / "a.csv").write_text("old", encoding="utf-8")
    (shared / "mine").symlink_to(tmp_path / "a.csv")
    assert export_to(shared / "mine").exit_code == 0
    assert (tmp_path / "a.csv").read_text(encoding="utf-8").startswith("id,kind,")
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    theirs.chmod(0o1777)
    os.chown(theirs, STRANGER, STRANGER)
    (tmp_path / "b.csv").write_text("old", encoding="utf-8")
    (theirs / "owners").symlink_to(tmp_path / "b.csv")
    os.lchown(theirs / "owners", STRANGER, STRANGER)
    assert export_to(theirs / "owners").exit_code == 0
    assert (tmp_path / "b.csv").read_text(encoding="utf-8").startswith("id,kind,")


def test_a_link_loop_is_still_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "x").symlink_to("y")
    (tmp_path / "y").symlink_to("x")
    result = export_to(tmp_path / "x" / "out.csv")
    assert (result.exit_code, result.stderr) == (
        1, f"sedov: error: cannot write {tmp_path / 'x' / 'out.csv'}: Too many levels of symbolic links\n")  # fmt: skip


def _refusal(path: Path | str, what: str, given: Path | str) -> str:
    return (f"sedov: error: cannot write {path}: it is {what} being read ({given}); choose another output file "
            "(--force does not override this)\n")  # fmt: skip


@pytest.fixture
def own_dataset(tmp_path: Path) -> Path:
    from sedov_cli.dataset import data_dir

    for name in ("sedov.json", "article.txt"):
        (tmp_path / name).write_bytes((data_dir() / name).read_bytes())
    return tmp_path / "sedov.json"


@pytest.mark.parametrize("alias", ["same", "hard", "soft"])
def test_an_export_over_its_own_dataset_is_refused_even_with_force(own_dataset: Path, alias: str) -> None:
    before = own_dataset.read_bytes()
    out = own_dataset
    if alias == "hard":
        out = own_dataset.with_name("hard.json")
        os.link(own_dataset, out)
    elif alias == "soft":
        out = own_dataset.with_name("soft.json")
        out.symlink_to(own_dataset.name)
    result = sedov("--data", str(own_dataset), "export", "--format", "json", "--tag", "nkvd", "-o", str(out), "--force")
    assert (result.exit_code, result.stderr) == (1, _refusal(out, "the dataset", own_dataset))
    assert own_dataset.read_bytes() == before


def test_an_export_or_chart_over_the_article_is_refused(own_dataset: Path) -> None:
    article = own_dataset.with_name("article.txt")
    before = article.read_bytes()
    exported = sedov("--data", str(own_dataset), "export", "--format", "markdown", "-o", str(article))
    assert (exported.exit_code, exported.stderr) == (1, _refusal(article, "the dataset's article", article))
    charted = sedov("--data", str(own_dataset), "chart", "--svg", str(article), "--force")
    assert (charted.exit_code, charted.stderr) == (1, _refusal(article, "the dataset's article", article))
    assert article.read_bytes() == before


def test_an_export_over_the_packaged_dataset_is_refused() -> None:
    from sedov_cli.dataset import data_dir

    packaged = Path(str(data_dir())) / "sedov.json"
    before = packaged.read_bytes()
    result = sedov("export", "--format", "json", "-o", str(packaged), "--force")
    assert (result.exit_code, result.stderr) == (1, _refusal(packaged, "the packaged dataset", packaged))
    assert packaged.read_bytes() == before


def test_extract_over_its_own_article_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "ann.txt"
    article.write_text("= Ann Lee =\n\nAnn Lee (3 May 1900 – 9 June 1980) was a poet. She moved to Oslo in 1925.\n",
                       encoding="utf-8")  # fmt: skip
    before = article.read_bytes()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "link.txt").symlink_to("ann.txt")
    for out in ("ann.txt", "./ann.txt", "link.txt"):
        result = sedov("extract", "ann.txt", "-o", out, "--force")
        assert (result.exit_code, result.stderr) == (1, _refusal(out, "the article", "ann.txt"))
    assert article.read_bytes() == before
    assert sedov("extract", "ann.txt", "-o", "draft.json", "--quiet").exit_code == 0  # any other name is fine


@pytest.mark.parametrize("signum", [15, 1], ids=["SIGTERM", "SIGHUP"])
def test_an_ending_signal_while_writing_removes_the_temporary_file(tmp_path: Path, signum: int) -> None:
    code = f"""
import os, signal, sys
signal.signal(signal.SIGHUP, signal.SIG_DFL)  # as at a terminal, even if this suite runs under nohup
import sedov_cli.atomic as atomic
real_fsync = os.fsync
def ended(fd):
    assert [n for n in os.listdir({str(tmp_path)!r}) if atomic.TEMP_MARK in n]
    os.kill(os.getpid(), {signum})
    real_fsync(fd)
atomic.os.fsync = ended
sys.argv = ["sedov", "export", "--format", "csv", "-o", {str(tmp_path / "out.csv")!r}]
from sedov_cli.launch import main
main()
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert (out.returncode, out.stderr) == (128 + signum, "")
    assert list(tmp_path.iterdir()) == []


def test_the_wrote_notes_show_a_hostile_path_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import terminal

    monkeypatch.chdir(tmp_path)
    name = "a\u202eb\x1b[31m.csv"
    exported = CliRunner().invoke(cli.app, ["export", "--format", "csv", "-o", name], obj=terminal())
    assert (exported.exit_code, exported.stderr) == (0, "wrote 35 events to a\\u202eb\\x1b[31m.csv\n")
    charted = CliRunner().invoke(cli.app, ["chart", "--svg", name + ".svg"], obj=terminal())
    assert charted.exit_code == 0 and charted.stderr.endswith("wrote a\\u202eb\\x1b[31m.csv.svg\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [name, name + ".svg"]
