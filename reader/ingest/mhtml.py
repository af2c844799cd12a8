"""MHTML (single-file web page) archives: a MIME multipart/related message.

The stdlib email package undoes quoted-printable and base64; we pick the
page (the part the archive's Snapshot-Content-Location or start parameter
names, else the first text/html part), decode it with its declared charset
(checked against the bytes like any page), and hand its images to the HTML
extractor by Content-Location and Content-ID. A truncated archive still
yields what arrived.
"""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage
from urllib.parse import urljoin

from reader.ingest.decode import Decoded, decode
from reader.ingest.errors import ExtractError
from reader.ingest.images import ImageStore


class ArchiveImages:
    """Resolves ``src`` (relative, absolute or ``cid:``) to an image part of the archive."""

    def __init__(self, parts: dict[str, EmailMessage], base: str, store: ImageStore) -> None:
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
                try:
                    payload = part.get_payload(decode=True)
                except (ValueError, LookupError, TypeError):
                    return None
                if isinstance(payload, bytes):
                    return self.store.add(key, payload)
        return None


def open_archive(data: bytes, store: ImageStore) -> tuple[Decoded, ArchiveImages]:
    """The page's decoded HTML and an image resolver over the archive's parts."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except (ValueError, TypeError, LookupError, IndexError) as error:
        raise ExtractError("it is a damaged MHTML archive") from error
    wanted = message.get("Snapshot-Content-Location", "") or ""
    start = message.get_param("start", header="content-type") if message.is_multipart() else None
    html_parts: list[EmailMessage] = []
    by_location: dict[str, EmailMessage] = {}
    for part in message.walk():
        if part.is_multipart():
            continue
        location = (part.get("Content-Location", "") or "").strip()
        content_id = (part.get("Content-ID", "") or "").strip()
        if location:
            by_location.setdefault(location, part)
        if content_id:
            by_location.setdefault(content_id if content_id.startswith("<") else f"<{content_id}>", part)
        if part.get_content_type() in ("text/html", "application/xhtml+xml"):
            html_parts.append(part)
    if not html_parts:
        raise ExtractError("it is an MHTML archive without a web page in it")
    page = html_parts[0]
    for part in html_parts:
        if (wanted and (part.get("Content-Location", "") or "").strip() == wanted) or (
                start and (part.get("Content-ID", "") or "").strip() == str(start)):
            page = part
            break
    try:
        payload = page.get_payload(decode=True)
    except (ValueError, LookupError, TypeError) as error:
        raise ExtractError("its web page part cannot be decoded") from error
    if not isinstance(payload, bytes) or not payload.strip():
        raise ExtractError("its web page part is empty")
    charset = page.get_content_charset()
    decoded = decode(payload, declared=charset, html=True)
    base = (page.get("Content-Location", "") or wanted or "").strip()
    return decoded, ArchiveImages(by_location, base, store)
