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
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

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


class FolderImages:
    """Resolves relative ``src`` paths against the page's folder, refusing anything outside it.
    Without a folder (bytes given directly) only images embedded as ``data:`` URIs are kept."""

    def __init__(self, page_dir: Path | None, store: ImageStore) -> None:
        self.root = page_dir.resolve() if page_dir is not None else None
        self.store = store

    def __call__(self, src: str) -> str | None:
        src = src.strip()
        if src.startswith("data:"):
            return self.store.add_data_uri(src)
        if self.root is None:
            return None
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or not parts.path:
            return None
        relative = unquote(parts.path)
        if relative.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", relative):
            return None
        try:
            path = (self.root / relative).resolve()
            path.relative_to(self.root)
        except (ValueError, OSError):
            return None
        try:
            if not path.is_file() or path.stat().st_size > MAX_IMAGE_BYTES:
                return None
            data = path.read_bytes()
        except OSError:
            return None
        return self.store.add(os.fspath(path), data)
