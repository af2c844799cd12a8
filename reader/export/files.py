"""Safe file names and atomic writes for exports.

``file_name`` gives the same name for the same article in every export (so
links from other notes keep working): the title kept readable (CJK and emoji
included), made valid on Windows, macOS and Linux, plus the article id in
hex, so two articles with the same title never share a name.

``atomic_file`` (and ``atomic_write`` on top of it) writes to a temporary
file beside the target, fsyncs it and renames it over the target: the target
is either the old file or the whole new one, and a failure half-way leaves no
temporary file behind. ``staged_folder`` does the same for a folder of files:
they are written into a hidden folder inside it and moved into place only
when every one is written, so an export cancelled or failing half-way leaves
the folder as it was.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Protocol

MAX_CHARS = 120
MAX_BYTES = 240
STAGE_PREFIX = ".reader-export-"
STALE_STAGE_S = 3600  # far longer than any export runs: older stages were left by a killed process
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


def _temporary(folder: Path, name: str) -> BinaryIO:
    return tempfile.NamedTemporaryFile(dir=folder, prefix=f".{name[:40]}.", suffix=".tmp", delete=False)


def _finish(handle: BinaryIO) -> None:
    handle.flush()
    os.fsync(handle.fileno())


@contextmanager
def _replacing(path: Path) -> Iterator[BinaryIO]:
    """A temporary file beside ``path`` that replaces it, synced, when the block ends; else is removed."""
    handle = _temporary(path.parent, path.name)
    try:
        with handle:
            yield handle
            _finish(handle)
        os.replace(handle.name, path)
    except BaseException:
        _unlink(handle.name)
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

    def __init__(self, folder: Path, stage: Path) -> None:
        self.folder = folder
        self._stage = stage
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
        """Move every staged file into the folder (renames: quick, and each file whole)."""
        for name in self._names:
            os.replace(self._stage / name, self.folder / name)
            self.written.append(self.folder / name)
        self._stage.rmdir()
        _sync_folder(self.folder)

    def discard(self) -> None:
        shutil.rmtree(self._stage, ignore_errors=True)


@contextmanager
def staged_folder(folder: str | os.PathLike) -> Iterator[Stage]:
    """Write files into ``folder`` all together when the block ends; on any error or interrupt, none.

    The folder (and any missing parents) is made; if the block fails, what
    was made is removed again, so a cancelled export leaves no trace. The
    files of a successful block are listed in ``stage.written``.
    """
    folder = Path(folder)
    made = [p for p in (folder, *folder.parents) if not p.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    _remove_stale_stages(folder)
    stage = Stage(folder, Path(tempfile.mkdtemp(dir=folder, prefix=STAGE_PREFIX)))
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


def _remove_stale_stages(folder: Path) -> None:
    """A process killed mid-export cannot clean up; the next export into the folder does."""
    now = time.time()
    for stage in folder.glob(STAGE_PREFIX + "*"):
        try:
            if stage.is_dir() and now - stage.stat().st_mtime > STALE_STAGE_S:
                shutil.rmtree(stage, ignore_errors=True)
        except OSError:
            continue


def _unlink(name: str) -> None:
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
