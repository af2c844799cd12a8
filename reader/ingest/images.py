"""Images an article may keep: only files saved beside the page, never the network.

"Web page, complete" saves ``page.html`` plus ``page_files/``; an MHTML
archive carries its images as parts. Either way the page's ``src`` is mapped
to bytes we already hold, stored under a safe slug (``img-1.png``) that the
renderer accepts as the article's own image.
"""

from __future__ import annotations

import base64
import binascii
import os
import posixpath
import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from reader.ingest.files import read_regular

MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_IMAGES = 200

_TYPES = (
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
    (b"RIFF", ".webp"),
    (b"BM", ".bmp"),
)


def image_suffix(data: bytes, hint: str = "") -> str | None:
    """The file suffix for image bytes by their signature (SVG by its text); None if not an image."""
    for magic, suffix in _TYPES:
        if data.startswith(magic):
            if suffix == ".webp" and data[8:12] != b"WEBP":
                return None
            return suffix
    head = data[:512].lstrip().lower()
    if head.startswith((b"<svg", b"<?xml")) and b"<svg" in data[:4096].lower():
        return ".svg"
    return None


class ImageStore:
    """Collects images for one article; ``add`` returns the stored name to reference from Markdown."""

    def __init__(self) -> None:
        self.images: dict[str, bytes] = {}
        self._by_source: dict[str, str] = {}

    def add(self, key: str, data: bytes) -> str | None:
        if key in self._by_source:
            return self._by_source[key]
        if len(self.images) >= MAX_IMAGES or not data or len(data) > MAX_IMAGE_BYTES:
            return None
        suffix = image_suffix(data)
        if suffix is None:
            return None
        name = f"img-{len(self.images) + 1}{suffix}"
        self.images[name] = data
        self._by_source[key] = name
        return name

    def add_data_uri(self, src: str) -> str | None:
        """Store an image embedded in the page as a ``data:`` URI (keyed by its head and length)."""
        data = data_uri(src)
        return self.add(src[:200] + str(len(src)), data) if data else None


def data_uri(src: str) -> bytes | None:
    """Bytes of a ``data:image/...;base64,`` URI (already inside the page, so not a fetch)."""
    match = re.match(r"data:image/[\w.+\-]+;base64,(.*)$", src.strip(), re.S | re.I)
    if not match:
        return None
    try:
        return base64.b64decode(match.group(1), validate=False)
    except (binascii.Error, ValueError):
        return None


# What browsers put between a page's name and their word for its folder of resources:
# "Name_files", "Name-Dateien", "Name_fichiers", "Name.files".
_FOLDER_JOINERS = "_-. "


def resources_folder(page: Path, first: str) -> bool:
    """May ``first`` (the first folder of a relative ``src``) be ``page``'s own folder of resources?"""
    stem = page.stem
    return len(first) > len(stem) and first.startswith(stem) and first[len(stem)] in _FOLDER_JOINERS


class FolderImages:
    """Resolves a relative ``src`` to an image in the page's own folder of resources
    ("Web page, complete" writes ``page.html`` and ``page_files/``), and nowhere else: not the
    page's folder at large, not its parents, not through a symlink that leaves the resources
    folder, since whatever is found is kept in the library and inlined into exports.
    Without a page (bytes given directly) only images embedded as ``data:`` URIs are kept.

    ``taken`` holds the raw bytes of every file it took, by its path relative to the page's
    folder (``page_files/a.png``), so the library can keep them with the page's original."""

    def __init__(self, page: Path | None, store: ImageStore) -> None:
        self.page = page
        self.store = store
        self.taken: dict[str, bytes] = {}

    def __call__(self, src: str) -> str | None:
        src = src.strip()
        if src.startswith("data:"):
            return self.store.add_data_uri(src)
        resolved = self._resolve(src)
        if resolved is None:
            return None
        path, relative = resolved
        try:
            data = read_regular(path, MAX_IMAGE_BYTES)
        except OSError:
            return None
        name = self.store.add(os.fspath(path), data)
        if name is not None:
            self.taken.setdefault(relative, data)
        return name

    def _resolve(self, src: str) -> tuple[Path, str] | None:
        """The real path ``src`` names inside the page's resources folder, with the path as the
        page wrote it (``page_files/a.png``, relative to the page's folder), or None."""
        if self.page is None:
            return None
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or not parts.path:
            return None
        steps = [step for step in PurePosixPath(unquote(parts.path)).parts if step != "."]
        if len(steps) < 2 or steps[0] == "/" or not resources_folder(self.page, steps[0]):
            return None
        try:
            folder = (self.page.parent / steps[0]).resolve()
            path = folder.joinpath(*steps[1:]).resolve()
            folder.relative_to(self.page.parent.resolve())
            path.relative_to(folder)
        except (ValueError, OSError):
            return None
        return path, posixpath.normpath("/".join(steps))
