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
