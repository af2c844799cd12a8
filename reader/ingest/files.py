"""Reading a file from disk without trusting it: only regular files, never more than a limit.

A folder of saved pages can hold anything a name can: a FIFO called
``page.html`` (opening it for reading blocks until a writer comes, which is
never), a symlink to ``/dev/zero`` (read until memory runs out), a file that
grows while it is read, or a procfs file whose size says 0. So the kind is
checked before opening, the file is opened without blocking and checked
again on the descriptor (the name may have been swapped in between), and at
most ``limit + 1`` bytes are read whatever the size claims.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)
_CHUNK = 1024 * 1024


class NotRegular(OSError):
    """The path names something other than a regular file; ``kind`` says what ("a FIFO")."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"it is not a regular file ({kind})")
        self.kind = kind


class TooLarge(OSError):
    """The file holds more than the limit; ``size`` is what it claimed, None when it lied."""

    def __init__(self, size: int | None) -> None:
        super().__init__(f"it holds more than the limit ({size} bytes)")
        self.size = size


def kind_of(mode: int) -> str | None:
    """What a non-regular file is, in words ("a FIFO"); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((what for test, what in _KINDS if test(mode)), "a special file")


def is_regular(path: Path) -> bool:
    """Does ``path`` (through symlinks) name a regular file? False when it cannot be looked at."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file, at most ``limit`` of them.

    Raises :class:`NotRegular` for anything else (without blocking on a
    FIFO), :class:`TooLarge` past ``limit``, or the ``OSError`` of the read.
    """
    info = path.stat()
    kind = kind_of(info.st_mode)
    if kind:
        raise NotRegular(kind)
    if info.st_size > limit:
        raise TooLarge(info.st_size)
    # O_NONBLOCK: if a FIFO replaced the file since the stat, opening it must not wait for a writer.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        kind = kind_of(os.fstat(fd).st_mode)
        if kind:
            raise NotRegular(kind)
        return _read_at_most(fd, limit)
    finally:
        os.close(fd)


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
    raise TooLarge(None)
