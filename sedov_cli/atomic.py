"""Writing the file a user names, the way a careful user expects.

A plain file is replaced atomically: readers see the old file or the new
one, never half of one, and the file keeps its permission bits. Everything
else is respected rather than replaced:

* the user's own symlink is written through, so the link stays and its target changes;
* a symlink another user planted in a shared sticky folder such as /tmp is
  refused, as the kernel's ``fs.protected_symlinks`` refuses it to a shell.
  sedov resolves links itself (to rename onto the target), so the kernel's
  check never runs and this module makes it instead;
* an output that is one of the command's inputs (the dataset, the article,
  any name for the same file) is refused, even with ``force``: writing it
  would destroy what is being read;
* a FIFO, a character device or anything under /dev or /proc
  (``/dev/stdout``) is streamed to, never renamed over;
* a read-only file is refused unless ``force`` is given;
* a directory, an empty path or a link that loops is a clear error.

The temporary file is named ``.NAME.sedov-XXXXXXXX.tmp`` beside the target,
created with ``O_EXCL`` (so never through a planted link), and removed on any
error, Ctrl-C, SIGTERM or SIGHUP. Only SIGKILL can leave one behind, and its
name says where it came from.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from .errors import SedovError, UsageProblem

TEMP_MARK = ".sedov-"
_STREAMED_TREES = ("/dev/", "/proc/")
_MAX_LINKS = 40  # as the kernel's MAXSYMLINKS: more is a loop

Inputs = Sequence[tuple[str, "str | os.PathLike[str]"]]
"""What a command reads, as (what it is, path): ``("the dataset", "ds.json")``."""


def write_file(path: str, text: str, *, force: bool = False, inputs: Inputs = ()) -> None:
    """Write ``text`` (UTF-8, newlines as given) to ``path``; see the module for the rules."""
    if not path:
        raise UsageProblem("the output path is empty; give a file name, or - for standard output")
    shown = path
    refuse_input(path, inputs)
    if os.path.abspath(path).startswith(_STREAMED_TREES):  # /dev/stdout resolves to 'pipe:[…]': open it as named
        _stream(shown, Path(path), text)
        return
    try:
        target = resolve(path)
        info = os.stat(target) if os.path.lexists(path) else None
    except OSError as exc:  # a symlink loop, a component that is not a directory
        raise SedovError(f"cannot write {shown}: {exc.strerror or exc}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise SedovError(f"cannot write {shown}: it is a directory")
    if info is not None and (not stat.S_ISREG(info.st_mode) or str(target).startswith(_STREAMED_TREES)):
        _stream(shown, target, text)
        return
    if info is not None and _read_only(target, info) and not force:
        raise SedovError(f"cannot write {shown}: the file is read-only (use --force to replace it)")
    _replace(shown, target, text, None if info is None else stat.S_IMODE(info.st_mode))


def refuse_input(path: str, inputs: Inputs) -> None:
    """Refuse an output that is one of ``inputs``: the same file under any name (a link, a hard link).

    ``sedov extract ann.txt -o ann.txt`` would replace the article with its own draft, and
    ``export --format json -o ds.json`` on ``--data ds.json`` a dataset with part of itself.
    ``--force`` does not override this: it is for read-only files, not for destroying the input.
    """
    try:
        out = os.stat(path)
    except (OSError, ValueError):
        return  # nothing there (or nothing that can be named): it cannot be an input
    for what, given in inputs:
        try:
            source = os.stat(given)
        except (OSError, ValueError):
            continue
        if (out.st_dev, out.st_ino) == (source.st_dev, source.st_ino):
            raise SedovError(
                f"cannot write {path}: it is {what} being read ({os.fspath(given)}); "
                "choose another output file (--force does not override this)"
            )


def resolve(path: str) -> Path:
    """``path`` with every symlink followed, as ``realpath`` does, refusing a stranger's link in a shared folder.

    A link in a sticky, world-writable folder (/tmp) is followed only when
    its owner is the user or the folder's owner: the rule of the kernel's
    ``fs.protected_symlinks``, which another user's planted link would
    otherwise bypass. A missing part and what follows it are taken as written.
    """
    resolved = "/" if path.startswith("/") else os.getcwd()
    pending = [part for part in reversed(path.split("/")) if part]  # a stack: the next part last
    links = 0
    while pending:
        part = pending.pop()
        if part == ".":
            continue
        if part == "..":
            resolved = os.path.dirname(resolved)
            continue
        candidate = os.path.join(resolved, part)
        try:
            info = os.lstat(candidate)
        except FileNotFoundError:
            resolved = candidate
            continue
        if not stat.S_ISLNK(info.st_mode):
            resolved = candidate
            continue
        links += 1
        if links > _MAX_LINKS:
            raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), path)
        _protected(path, resolved, info)
        target = os.readlink(candidate)
        if target.startswith("/"):
            resolved = "/"
        pending.extend(part for part in reversed(target.split("/")) if part)
    return Path(resolved)


def _protected(path: str, folder: str, link: os.stat_result) -> None:
    shared = os.stat(folder)
    sticky_and_open = shared.st_mode & stat.S_ISVTX and shared.st_mode & stat.S_IWOTH
    if sticky_and_open and link.st_uid not in (os.geteuid(), shared.st_uid):
        raise SedovError(
            f"cannot write {path}: it leads through a symlink in the shared folder {folder} that another user "
            f"(uid {link.st_uid}) owns; sedov does not follow it, as the kernel's protected_symlinks would not"
        )


def _read_only(target: Path, info: os.stat_result) -> bool:
    """No write bit for anyone, or none for us. (root may write anything; a user who
    marked a file read-only still meant it.)"""
    return not info.st_mode & 0o222 or not os.access(target, os.W_OK)


def _stream(shown: str, target: Path, text: str) -> None:
    """A FIFO or a device: write into it as it is."""
    try:
        with open(target, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except BrokenPipeError:
        return  # the reader at the other end has what it wanted
    except OSError as exc:
        raise SedovError(f"cannot write {shown}: {exc.strerror or exc}") from None


def _replace(shown: str, target: Path, text: str, mode: int | None) -> None:
    """A plain file, new or old: write beside it, then rename over it."""
    with signals_as_exit():
        try:
            import tempfile  # only to write a file: index reads and pipes never import it

            fd, temp = tempfile.mkstemp(prefix=f".{target.name}{TEMP_MARK}", suffix=".tmp", dir=target.parent)
        except OSError as exc:
            raise SedovError(f"cannot write {shown}: {exc.strerror or exc}") from None
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
                if mode is None:
                    umask = os.umask(0)
                    os.umask(umask)
                    mode = 0o666 & ~umask
                os.chmod(temp, mode)
                os.replace(temp, target)
        except BaseException as exc:
            Path(temp).unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise SedovError(f"cannot write {shown}: {exc.strerror or exc}") from None
            raise


_ENDINGS = (signal.SIGTERM, signal.SIGHUP)
"""Signals that end a process by default: while a temporary file exists, they end it through Python instead."""


@contextmanager
def signals_as_exit() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into ``SystemExit(128 + signal)`` for the duration, so cleanup code runs.

    A signal the process was told to ignore (``nohup``) stays ignored. Ctrl-C
    is already an exception (KeyboardInterrupt). Outside the main thread,
    signals are left alone.
    """

    def stop(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    previous: dict[signal.Signals, object] = {}
    try:
        for ending in _ENDINGS:
            if signal.getsignal(ending) is not signal.SIG_IGN:
                previous[ending] = signal.signal(ending, stop)
    except ValueError:  # not the main thread
        pass
    try:
        yield
    finally:
        for ending, handler in previous.items():
            signal.signal(ending, handler if handler is not None else signal.SIG_DFL)  # type: ignore[arg-type]
