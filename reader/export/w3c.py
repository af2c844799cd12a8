"""Highlights as a W3C Web Annotation ``AnnotationCollection`` (JSON-LD).

Written in the vocabulary ``reader.annotate.w3c`` reads, so an export loads
back with ``python -m reader annotations import``: the target ``source`` is
the article's URL (or ``urn:sha256:<content hash>`` without one), selectors
are a ``TextQuoteSelector`` and a ``TextPositionSelector`` (code points;
orphans carry the quote only), the note is a ``TextualBody``
(``text/markdown``, purpose ``commenting``), each tag a ``TextualBody`` with
purpose ``tagging``, the colour and style the Reader extensions
``reader:color`` and ``reader:style``.

Article notes are not exported here: an annotation without a selector would
not load back as a highlight.
"""

from __future__ import annotations

import json

from reader.annotate.w3c import COLOR_KEY, STYLE_KEY
from reader.export.notes import ArticleNotes, block_id, reading_order
from reader.model import Highlight

CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def annotation(notes: ArticleNotes, h: Highlight) -> dict:
    """One highlight as a Web Annotation."""
    selectors: list[dict] = [{"type": "TextQuoteSelector", "exact": h.exact, "prefix": h.prefix, "suffix": h.suffix}]
    if h.state != Highlight.ORPHANED and 0 <= h.start < h.end:
        selectors.append({"type": "TextPositionSelector", "start": h.start, "end": h.end})
    bodies: list[dict] = []
    if h.note.strip():
        bodies.append({"type": "TextualBody", "value": h.note, "format": "text/markdown", "purpose": "commenting"})
    bodies.extend({"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in h.tags)
    item: dict = {
        "id": f"urn:reader:{notes.stored.content_hash[:16]}:{block_id(h)}",
        "type": "Annotation",
        "motivation": "commenting" if h.note.strip() else "highlighting",
    }
    if h.created:
        item["created"] = h.created
    if h.modified:
        item["modified"] = h.modified
    if bodies:
        item["body"] = bodies
    item["target"] = {"source": notes.source, "selector": selectors}
    item[COLOR_KEY] = h.color
    item[STYLE_KEY] = h.style
    return item


def collection(notes: list[ArticleNotes], label: str = "Reader highlights") -> dict:
    """Every article's highlights (reading order, orphans last) as one AnnotationCollection."""
    items = []
    for article in notes:
        placed, orphans = reading_order(article.highlights)
        items.extend(annotation(article, h) for h in placed + orphans)
    return {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def render_json(notes: list[ArticleNotes]) -> str:
    return json.dumps(collection(notes), ensure_ascii=False, indent=2) + "\n"
