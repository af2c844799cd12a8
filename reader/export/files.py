"""Safe file names and atomic writes for exports.

``file_name`` gives the same name for the same article in every export (so
links from other notes keep working): the title kept readable (CJK and emoji
included), made valid on Windows, macOS and Linux, plus the article id in
hex, so two articles with the same title never share a name.

``atomic_write`` writes to a temporary file beside the target, fsyncs it and
renames it over the target: the target is either the old file or the whole
new one, and a failure half-way leaves no temporary file behind.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

MAX_CHARS = 120
MAX_BYTES = 240
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


def _write_all(handle, data: bytes) -> None:
    """Write ``data`` in chunks (tests interrupt it here)."""
    view = memoryview(data)
    for begin in range(0, len(view), CHUNK):
        handle.write(view[begin : begin + CHUNK])


def atomic_write(path: str | os.PathLike, data: bytes | str) -> Path:
    """Replace ``path`` with ``data`` (text is written as UTF-8) all at once, or not at all."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name[:40]}.", suffix=".tmp", delete=False)
    try:
        with handle:
            _write_all(handle, data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        try:
            os.unlink(handle.name)
        except FileNotFoundError:
            pass
        raise
    _sync_folder(path.parent)
    return path


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
