"""Highlights and article notes as a W3C Web Annotation ``AnnotationCollection`` (JSON-LD).

Written in the vocabulary ``reader.annotate.w3c`` reads, so an export loads
back with ``python -m reader annotations import``: the target ``source`` is
the article's URL (or ``urn:sha256:<content hash>`` without one), selectors
are a ``TextQuoteSelector`` and a ``TextPositionSelector`` (code points;
orphans carry the quote only), the note is a ``TextualBody``
(``text/markdown``, purpose ``commenting``), each tag a ``TextualBody`` with
purpose ``tagging``, the colour and style the Reader extensions
``reader:color`` and ``reader:style``.

The article note and the article's tags make one more annotation, before the
article's highlights: its target is the article itself (the source IRI, no
selector), as the model annotates a whole resource, with motivation
``commenting`` (``tagging`` when there are tags but no note).

The collection is written as it is read, one article at a time, so a whole
library never sits in memory; ``total`` therefore comes after the items.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable

from reader.annotate.w3c import COLOR_KEY, STYLE_KEY
from reader.export.files import Writable
from reader.export.notes import ArticleNotes, block_id
from reader.model import Highlight, reading_order

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
LABEL = "Reader highlights"
ITEM_INDENT = " " * 6  # items sit three levels deep: collection › first › items


def _id(notes: ArticleNotes, local: str) -> str:
    return f"urn:reader:{notes.stored.content_hash[:16]}:{local}"


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
        "id": _id(notes, block_id(h)),
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


def article_annotation(notes: ArticleNotes) -> dict | None:
    """The article note and tags as one annotation of the whole article; None when it has neither."""
    has_note = bool(notes.note.strip())
    if not has_note and not notes.tags:
        return None
    bodies: list[dict] = []
    if has_note:
        bodies.append({"type": "TextualBody", "value": notes.note, "format": "text/markdown", "purpose": "commenting"})
    bodies.extend({"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in notes.tags)
    return {
        "id": _id(notes, "article"),
        "type": "Annotation",
        "motivation": "commenting" if has_note else "tagging",
        "body": bodies,
        "target": notes.source,
    }


def article_items(notes: ArticleNotes) -> list[dict]:
    """An article's annotations: the whole-article one first, then highlights in reading order, orphans last."""
    placed, orphans = reading_order(notes.highlights)
    whole = article_annotation(notes)
    return ([whole] if whole else []) + [annotation(notes, h) for h in placed + orphans]


def write_json(notes: Iterable[ArticleNotes], out: Writable, label: str = LABEL) -> int:
    """Write the collection to ``out`` article by article, laid out as ``json.dumps(..., indent=2)``; returns the total."""
    head = json.dumps({"@context": CONTEXT, "type": "AnnotationCollection", "label": label}, ensure_ascii=False,
                      indent=2)
    out.write(head[:-2] + ',\n  "first": {\n    "type": "AnnotationPage",\n    "startIndex": 0,\n    "items": [')
    total = 0
    for article in notes:
        for item in article_items(article):
            text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n" + ITEM_INDENT)
            out.write(("," if total else "") + "\n" + ITEM_INDENT + text)
            total += 1
    out.write(("\n    ]" if total else "]") + f'\n  }},\n  "total": {total}\n}}\n')
    return total


def render_json(notes: Iterable[ArticleNotes]) -> str:
    buffer = io.StringIO()
    write_json(notes, buffer)
    return buffer.getvalue()
