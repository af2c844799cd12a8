"""MHTML (single-file web page) archives: a MIME multipart/related message.

We pick the page (the part the archive's Snapshot-Content-Location or start
parameter names, else the first text/html part), decode it with its declared
charset (checked against the bytes like any page), and hand its images to the
HTML extractor by Content-Location and Content-ID. A truncated archive still
yields what arrived.

The archive is split on its boundary here and only the headers of each part
are read; the stdlib email package parses just the parts that are used (the
page, and each image the page shows), to undo quoted-printable and base64.
Parsing every part with it cost milliseconds a part: an archive of 100,000
tiny parts took minutes.
"""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from email.message import Message
from urllib.parse import urljoin

from reader.ingest.decode import Decoded, decode
from reader.ingest.errors import ExtractError
from reader.ingest.images import ImageStore

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# multipart/related inside multipart/alternative is as deep as real archives go.
_MAX_NESTING = 8
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")
_FOLDED = re.compile(rb"\r?\n[ \t]")


@dataclass
class Part:
    """One leaf of the archive: its headers (names in lower case, first one wins) and raw body."""

    head: bytes
    headers: dict[str, str]
    body: bytes

    def header(self, name: str) -> str:
        return self.headers.get(name, "").strip()

    @cached_property
    def content_type(self) -> str:
        return self.header("content-type").split(";", 1)[0].strip().lower() or "text/plain"

    def message(self, *, body: bool = False) -> Message:
        """The part as the stdlib reads it: its headers' parameters, and with ``body`` its payload."""
        raw = self.head + b"\r\n\r\n" + (self.body if body else b"")
        return email.message_from_bytes(raw, policy=email.policy.compat32)

    def payload(self) -> bytes | None:
        """The body with its transfer encoding undone, or None if it cannot be."""
        try:
            payload = self.message(body=True).get_payload(decode=True)
        except (ValueError, LookupError, TypeError):
            return None
        return payload if isinstance(payload, bytes) else None


def _headers(head: bytes) -> dict[str, str]:
    """Header lines by lower-case name, folded lines joined; the first of a name wins."""
    headers: dict[str, str] = {}
    for line in _FOLDED.sub(b" ", head).splitlines():
        name, colon, value = line.partition(b":")
        if colon:
            headers.setdefault(name.strip().lower().decode("ascii", "replace"),
                               value.decode("utf-8", "replace"))
    return headers


def _split_head(data: bytes) -> tuple[bytes, bytes]:
    """A part's header block and its body, split at the first blank line."""
    if data.startswith((b"\r\n", b"\n")):
        return b"", data.split(b"\n", 1)[1]
    blank = _BLANK_LINE.search(data)
    return (data[: blank.start()], data[blank.end():]) if blank else (data, b"")


def _bodies(body: bytes, boundary: str) -> Iterator[bytes]:
    """The parts between boundary lines, the line break before each boundary removed; the
    last part runs to the end of the data when the closing boundary never came."""
    delimiter = re.compile(rb"^--" + re.escape(boundary.encode("utf-8", "replace")) + rb"(--)?[ \t]*\r?$", re.M)
    start: int | None = None
    for line in delimiter.finditer(body):
        if start is not None:
            yield body[start: line.start()].removesuffix(b"\n").removesuffix(b"\r")
        if line.group(1):
            return
        start = line.end() + 1
    if start is not None:
        yield body[start:]


def _leaves(head: bytes, body: bytes, depth: int = 0) -> Iterator[Part]:
    """Every non-multipart part, in order, nested multiparts included."""
    part = Part(head, _headers(head), body)
    if not part.content_type.startswith("multipart/"):
        yield part
        return
    boundary = part.message().get_param("boundary")
    if not boundary or depth >= _MAX_NESTING:
        return
    for inner in _bodies(body, str(boundary)):
        yield from _leaves(*_split_head(inner), depth + 1)


class ArchiveImages:
    """Resolves ``src`` (relative, absolute or ``cid:``) to an image part of the archive."""

    def __init__(self, parts: dict[str, Part], base: str, store: ImageStore) -> None:
        self.parts = parts
        self.base = base
        self.store = store

    def __call__(self, src: str) -> str | None:
        src = src.strip()
        if src.startswith("data:"):
            return self.store.add_data_uri(src)
        keys = [src]
        if src.lower().startswith("cid:"):
            keys.append("<" + src[4:] + ">")
        elif self.base:
            keys.append(urljoin(self.base, src))
        for key in keys:
            part = self.parts.get(key)
            if part is not None:
                payload = part.payload()
                return self.store.add(key, payload) if payload is not None else None
        return None


def _index(parts: list[Part]) -> dict[str, Part]:
    """Parts by Content-Location and by Content-ID (as ``<id>``); the first of a key wins."""
    by_location: dict[str, Part] = {}
    for part in parts:
        location, content_id = part.header("content-location"), part.header("content-id")
        if location:
            by_location.setdefault(location, part)
        if content_id:
            by_location.setdefault(content_id if content_id.startswith("<") else f"<{content_id}>", part)
    return by_location


def _page(parts: list[Part], wanted: str, start: str | None) -> Part:
    """The archive's web page: the one the archive names, else its first HTML part."""
    pages = [part for part in parts if part.content_type in _HTML_TYPES]
    if not pages:
        raise ExtractError("it is an MHTML archive without a web page in it")
    named = (part for part in pages
             if (wanted and part.header("content-location") == wanted)
             or (start and part.header("content-id") == start))
    return next(named, pages[0])


def open_archive(data: bytes, store: ImageStore) -> tuple[Decoded, ArchiveImages]:
    """The page's decoded HTML and an image resolver over the archive's parts."""
    head, body = _split_head(data)
    top = Part(head, _headers(head), body)
    parts = list(_leaves(head, body))
    wanted = top.header("snapshot-content-location")
    start = top.message().get_param("start") if top.content_type.startswith("multipart/") else None
    page = _page(parts, wanted, str(start) if start else None)
    payload = page.payload()
    if payload is None:
        raise ExtractError("its web page part cannot be decoded")
    if not payload.strip():
        raise ExtractError("its web page part is empty")
    decoded = decode(payload, declared=page.message().get_content_charset(), html=True)
    base = page.header("content-location") or wanted
    return decoded, ArchiveImages(_index(parts), base, store)
