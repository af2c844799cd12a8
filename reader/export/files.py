"""Safe file names and atomic writes for exports.

``file_name`` gives the same name for the same article in every export (so
links from other notes keep working): the title kept readable (CJK and emoji
included), made valid on Windows, macOS and Linux, plus the article id in
hex, so two articles with the same title never share a name.

``atomic_file`` (and ``atomic_write`` on top of it) writes to a temporary
file beside the target, fsyncs it and renames it over the target: the target
is either the old file or the whole new one, and a failure half-way leaves no
temporary file behind. Files are made with the permissions the user's umask
gives any new file (``0666 & ~umask``), not ``tempfile``'s private 0600.

``staged_folder`` does the same for a folder of files, even if the process
is killed (SIGKILL, power cut) at any instant:

1. every file is written and fsynced into a hidden ``.reader-export-*``
   stage folder inside the destination; a kill here leaves the destination
   as it was (the next export removes the stage);
2. an empty ``.complete`` mark is made in the stage and the stage is
   fsynced: from this instant the export has happened;
3. the files are renamed into place one by one, then the stage is removed.
   A kill during the renames leaves some files new and some old until the
   next export into that folder, which first finishes the renames of any
   complete stage it finds (rolls it forward), so the old set of files is
   never mixed with the new one for longer than that.

A running export holds an advisory lock (``flock``) on its stage folder and
on its temporary file; the kernel drops it when the process dies, so the next
export knows at once that a stage or ``.tmp`` nobody holds was left by a
killed one and clears it. Without ``flock`` (Windows) a stage or temporary
file counts as abandoned after ``STALE_STAGE_S``.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import tempfile
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Protocol

try:
    import fcntl
except ImportError:  # Windows: stages and temporaries are judged by their age instead
    fcntl = None

MAX_CHARS = 120
MAX_BYTES = 240
STAGE_PREFIX = ".reader-export-"
COMPLETE = ".complete"  # in a stage: every file is written, the renames may begin (no export file starts with ".")
STALE_STAGE_S = 3600  # without flock: far longer than any export runs, so older stages were left by a killed process
RESERVED_NAMES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f\u0080-\u009f\u2028\u2029]')
_SPACES = re.compile(r"[\s\u3000_-]+")
CHUNK = 1 << 16


def _clean(title: str) -> str:
    text = unicodedata.normalize("NFC", title)
    text = "".join("-" if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text)
    text = _UNSAFE.sub("-", text)
    text = _SPACES.sub("-", text)
    return text.strip("-. ")


def _cut(text: str, chars: int, max_bytes: int) -> str:
    """At most ``chars`` code points and ``max_bytes`` UTF-8 bytes, not ending inside a combined character."""
    text = text[:chars]
    while len(text.encode("utf-8")) > max_bytes:
        text = text[:-1]
    # Do not leave a base character's combining mark, a joiner or a variation selector dangling.
    while text and (unicodedata.combining(text[-1]) or unicodedata.category(text[-1]) in ("Mn", "Me", "Cf")):
        text = text[:-1]
    return text.rstrip("-. ")


def safe_stem(text: str, chars: int = MAX_CHARS, max_bytes: int = MAX_BYTES) -> str:
    """``text`` as a file name stem valid everywhere ("untitled" when nothing is left)."""
    stem = _cut(_clean(text), chars, max_bytes) or "untitled"
    if stem.split(".")[0].upper() in RESERVED_NAMES:
        stem = "_" + stem
    return stem


def short_id(article_id: int) -> str:
    """The article id in hex, at least four digits: short, stable and unique per article."""
    return f"{article_id:04x}"


def file_name(title: str, article_id: int, extension: str) -> str:
    """``<title slug>-<short id>.<extension>``, within ~120 characters and 240 UTF-8 bytes."""
    tail = f"-{short_id(article_id)}.{extension.lstrip('.')}"
    stem = _cut(_clean(title), MAX_CHARS - len(tail) - 1, MAX_BYTES - len(tail.encode("utf-8")) - 1) or "untitled"
    name = stem + tail
    if name.split(".")[0].upper() in RESERVED_NAMES:  # "con.txt-0001.md" is CON on Windows
        name = "_" + name
    return name


def _write_all(handle: BinaryIO, data: bytes) -> None:
    """Write ``data`` in chunks (tests interrupt it here)."""
    view = memoryview(data)
    for begin in range(0, len(view), CHUNK):
        handle.write(view[begin : begin + CHUNK])


class Writable(Protocol):
    """Where the single-file formats write their text: a ``TextSink``, or a ``StringIO`` for previews."""

    def write(self, text: str, /) -> int: ...


class TextSink:
    """A text stream that encodes to UTF-8 and reaches the file in chunks of about ``CHUNK`` bytes.

    One ``_write_all`` per chunk rather than per small string keeps a
    100 MB export cheap, and keeps every byte going through the one place
    the tests interrupt.
    """

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self._parts: list[str] = []
        self._size = 0

    def write(self, text: str) -> int:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= CHUNK:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self._parts:
            _write_all(self._handle, "".join(self._parts).encode("utf-8"))
            self._parts, self._size = [], 0


def _temporary(folder: Path, name: str) -> tuple[Path, BinaryIO]:
    """A new, locked temporary file in ``folder`` made as ``open(path, "w")`` would (umask permissions)."""
    while True:
        path = folder / f".{name[:40]}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            continue
        if fcntl is None or _lock(fd, wait=True):
            return path, os.fdopen(fd, "wb")
        os.close(fd)  # the next export's cleaner removed it in the instant before we locked it


def _finish(handle: BinaryIO) -> None:
    handle.flush()
    os.fsync(handle.fileno())


@contextmanager
def _replacing(path: Path) -> Iterator[BinaryIO]:
    """A temporary file beside ``path`` that replaces it, synced, when the block ends; else is removed.

    Temporaries of ``path`` left by a killed process go first. (Two processes
    writing the same target at once: one may fail with "no such file" if the
    other's cleaner takes its finished, closed temporary before the rename.)
    """
    _remove_abandoned_temporaries(path)
    temporary, handle = _temporary(path.parent, path.name)
    try:
        with handle:
            yield handle
            _finish(handle)
        os.replace(temporary, path)
    except BaseException:
        _unlink(temporary)
        raise
    _sync_folder(path.parent)


@contextmanager
def atomic_file(path: str | os.PathLike) -> Iterator[TextSink]:
    """A text file that becomes ``path`` when the block ends, whole; on any error or interrupt, nothing.

    >>> with atomic_file("notes.json") as out:
    ...     out.write("{}")
    """
    with _replacing(Path(path)) as handle:
        sink = TextSink(handle)
        yield sink
        sink.flush()


def atomic_write(path: str | os.PathLike, data: bytes | str) -> Path:
    """Replace ``path`` with ``data`` (text is written as UTF-8) all at once, or not at all."""
    path = Path(path)
    with _replacing(path) as handle:
        _write_all(handle, data.encode("utf-8") if isinstance(data, str) else data)
    return path


class Stage:
    """Files waiting in a hidden folder to be moved into their folder together."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._stage, self._lock_fd = _new_stage(folder)
        self._names: dict[str, None] = {}
        self.written: list[Path] = []

    def write(self, name: str, data: bytes | str) -> None:
        """Write one file (durably) into the stage; the same name again replaces it."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(self._stage / name, "wb") as handle:
            _write_all(handle, data)
            _finish(handle)
        self._names[name] = None

    def commit(self) -> None:
        """Mark the stage complete, durably, then move every file into the folder (renames: each file whole).

        From the mark on the export has happened: if the process dies during
        the renames, the next export into the folder finishes them.
        """
        with open(self._stage / COMPLETE, "xb"):
            pass
        _sync_folder(self._stage)
        _move_into_place(self._stage, self.folder, list(self._names))
        self.written = [self.folder / name for name in self._names]
        self._release()

    def discard(self) -> None:
        shutil.rmtree(self._stage, ignore_errors=True)
        self._release()

    def _release(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None


def _new_stage(folder: Path) -> tuple[Path, int | None]:
    """A new stage folder, and (where flock exists) the open descriptor that holds its lock while we export."""
    while True:
        stage = Path(tempfile.mkdtemp(dir=folder, prefix=STAGE_PREFIX))
        if fcntl is None:
            return stage, None
        fd = os.open(stage, os.O_RDONLY)
        if _lock(fd, wait=True):
            return stage, fd
        os.close(fd)  # another export's cleaner removed it in the instant before we locked it


def _move_into_place(stage: Path, folder: Path, names: list[str]) -> None:
    """Rename the staged files into ``folder``, make that durable, and remove the stage.

    Safe to repeat after a kill: a name already moved is no longer in the stage.
    """
    for name in names:
        try:
            os.replace(stage / name, folder / name)
        except FileNotFoundError:
            continue
    _sync_folder(folder)
    _unlink(stage / COMPLETE)
    stage.rmdir()


@contextmanager
def staged_folder(folder: str | os.PathLike) -> Iterator[Stage]:
    """Write files into ``folder`` all together when the block ends; on any error or interrupt, none.

    The folder (and any missing parents) is made; if the block fails, what
    was made is removed again, so a cancelled export leaves no trace. The
    files of a successful block are listed in ``stage.written``. Stages left
    in the folder by a killed export are finished or removed first.
    """
    folder = Path(folder)
    made = [p for p in (folder, *folder.parents) if not p.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    finish_interrupted(folder)
    stage = Stage(folder)
    try:
        yield stage
        stage.commit()
    except BaseException:
        stage.discard()
        for path in made:
            try:
                path.rmdir()
            except OSError:
                break
        raise


def finish_interrupted(folder: str | os.PathLike) -> None:
    """Complete the renames of every stage in ``folder`` a killed export had marked complete; remove the others.

    Stages a running export holds are left alone.
    """
    for stage in Path(folder).glob(STAGE_PREFIX + "*"):
        with _abandoned(stage) as abandoned:
            if not abandoned or not stage.is_dir():
                continue
            if (stage / COMPLETE).exists():
                _move_into_place(stage, Path(folder), [p.name for p in stage.iterdir() if p.name != COMPLETE])
            else:
                shutil.rmtree(stage, ignore_errors=True)


def _remove_abandoned_temporaries(path: Path) -> None:
    """The ``.tmp`` files a killed process left beside ``path`` (only ours: ``_temporary``'s names)."""
    ours = re.compile(re.escape(f".{path.name[:40]}.") + r"[0-9a-f]{8}\.tmp")
    for name in os.listdir(path.parent):
        if ours.fullmatch(name):
            with _abandoned(path.parent / name) as abandoned:
                if abandoned:
                    _unlink(path.parent / name)


@contextmanager
def _abandoned(path: Path) -> Iterator[bool]:
    """Whether no running export holds ``path`` (a stage or a temporary file).

    Inside the block the lock is ours, so an export starting meanwhile
    cannot take the path we are about to remove.
    """
    if fcntl is None:
        try:
            old = time.time() - path.stat().st_mtime > STALE_STAGE_S
        except OSError:
            old = False
        yield old
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # gone already (another export cleared it), or not ours to open
        yield False
        return
    try:
        yield _lock(fd, wait=False)
    finally:
        os.close(fd)


def _lock(fd: int, wait: bool) -> bool:
    """Lock an open stage or temporary file until it is closed; False if another process holds it
    (``wait`` False) or if it was deleted before we got the lock."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return os.fstat(fd).st_nlink > 0


def _unlink(name: str | os.PathLike) -> None:
    try:
        os.unlink(name)
    except FileNotFoundError:
        pass


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows (POSIX)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
