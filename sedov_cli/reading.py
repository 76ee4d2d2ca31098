"""Reading a file a user names, without trusting what is at that path.

A dataset or an article may be anything: ``/dev/zero`` (endless), a FIFO
(blocks until someone writes), a symlink loop, a file of many gigabytes. Only
a regular file of sane size is read, and the check is made on the opened
descriptor, so a file swapped for a FIFO after a check cannot hang us.

The limit is a bound, never an allocation: the file is read at the size it
says it has, then in chunks if it grew, so a 5 KB dataset costs 5 KB even
under an address-space limit (``ulimit -v``, as batch and HPC systems set).
"""

from __future__ import annotations

import os
import stat

MAX_FILE_BYTES = 1024 * 1024 * 1024
"""The largest dataset or article read (1 GiB). A million events take about
350 MB; parsing a file costs about ten times its size in memory, so the limit
keeps a mistaken path from filling it."""


class Unreadable(Exception):
    """Why a file cannot be read, in words for the user."""


def read_bounded(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file no larger than ``limit``; :class:`Unreadable` otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except IsADirectoryError:
        raise Unreadable("is a directory") from None
    except OSError as exc:
        raise Unreadable(f"cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise Unreadable("is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable("is not a regular file (a FIFO, device or socket is not read)")
        if info.st_size > limit:
            raise Unreadable(f"is {_mib(info.st_size)}, over the {_mib(limit)} limit")
        return read_descriptor(fd, info.st_size, limit)
    except OSError as exc:
        raise Unreadable(f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


CHUNK = 1024 * 1024
"""What is read at a time beyond the size a file gave when it was opened."""


def read_descriptor(fd: int, expected: int, limit: int) -> bytes:
    """Every byte left in ``fd``, which said it holds ``expected``; :class:`Unreadable` past ``limit``.

    The first read asks for the expected size and one byte more (so one
    buffer, of the file's size, holds a file that did not change); a file
    that grew, or said nothing of its size, is read on in chunks.
    """
    chunks: list[bytes] = []
    total = 0
    want = min(max(expected, 0), limit) + 1
    while total <= limit:
        piece = os.read(fd, min(want, limit + 1 - total))
        if not piece:
            break
        chunks.append(piece)
        total += len(piece)
        want = CHUNK
    if total > limit:  # it grew while we read
        raise Unreadable(f"is over the {_mib(limit)} limit")
    return b"".join(chunks)  # one chunk is returned as it is, not copied


def _mib(size: int) -> str:
    return f"{size / 2**20:.0f} MiB" if size >= 2**20 else f"{size} bytes"
