"""Reading W3C Web Annotation JSON (and Hypothesis's export) into highlights to anchor.

Accepted shapes: an ``AnnotationCollection`` (its ``first`` page's
``items``, following embedded ``next`` pages), an object with ``items``, a
list of Annotations, a single Annotation, and Hypothesis's export (a list
of rows, or ``{"rows": [...]}``, each with ``uri``, ``target[].selector``,
``text`` and ``tags``).

Of each annotation Reader reads the target's ``source`` (the article's URL
or ``urn:sha256:<content hash>``), its ``TextQuoteSelector`` and
``TextPositionSelector`` (alone, in a list, or in ``refinedBy``), the
``TextualBody`` bodies (purpose ``tagging``: a tag; any other: the note)
and ``bodyValue``, ``created``/``modified``, and two Reader extensions:
``"reader:color"`` (one of the six colour names, default yellow) and
``"reader:style"``.

An annotation whose target has no selector at all annotates the whole
article (Reader's own export of an article note and tags, a Hypothesis page
note): it comes back ``on_article``, its note and tags for the article's.
Hypothesis replies (``references``) are not annotations of the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone

from reader.model import COLORS, Highlight

COLOR_KEY = "reader:color"
STYLE_KEY = "reader:style"
HASH_URN = "urn:sha256:"


class AnnotationFormatError(ValueError):
    """The file is not Web Annotation (or Hypothesis) JSON at all."""


@dataclass
class Imported:
    """One annotation read from the file, before it is matched to an article and anchored."""

    index: int
    source: str = ""
    exact: str = ""
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None
    note: str = ""
    tags: list[str] = field(default_factory=list)
    color: str = "yellow"
    style: str = "fill"
    created: str = ""
    modified: str = ""
    on_article: bool = False
    error: str = ""

    @property
    def content_hash(self) -> str | None:
        """The article's content hash when the source names one (``urn:sha256:…``)."""
        return self.source[len(HASH_URN) :].lower() if self.source.lower().startswith(HASH_URN) else None

    def highlight(self, article_id: int, text: str) -> Highlight | None:
        """A highlight to anchor in ``text``; None when there is neither a quote nor a position inside it."""
        exact, prefix, suffix = self.exact, self.prefix, self.suffix
        start = self.start if self.start is not None else -1
        end = self.end if self.end is not None else -1
        if not exact:
            if not 0 <= start < end <= len(text):
                return None
            exact, prefix, suffix = text[start:end], text[max(0, start - 32) : start], text[end : end + 32]
        return Highlight(
            article_id=article_id, start=start, end=end, exact=exact, prefix=prefix, suffix=suffix,
            color=self.color, style=self.style, note=self.note, tags=list(self.tags),
            created=self.created, modified=self.modified, state=Highlight.ANCHORED,
        )


def read_annotations(data: object) -> list[Imported]:
    """Every annotation in parsed JSON, in file order; one that cannot be used carries an ``error``."""
    return [_read_one(index, item) for index, item in enumerate(_items(data))]


def _items(data: object) -> Iterator[object]:
    if isinstance(data, list):
        yield from data
        return
    if not isinstance(data, dict):
        raise AnnotationFormatError("expected a JSON object or list of annotations")
    if "rows" in data and isinstance(data["rows"], list):  # Hypothesis API search results
        yield from data["rows"]
        return
    if "items" in data:
        yield from data.get("items") or []
    page = data.get("first")
    seen = 0
    while isinstance(page, dict) and seen < 100_000:
        yield from page.get("items") or []
        page = page.get("next")
        seen += 1
    if isinstance(page, str):
        raise AnnotationFormatError(f"the collection's pages are elsewhere ({page}); only embedded pages can be read")
    if "items" not in data and "first" not in data:
        if "target" in data:
            yield data
        else:
            raise AnnotationFormatError("no annotations found (expected items, first.items, rows or a list)")


def _utc(value: object) -> str:
    """A timestamp as the library writes them (UTC, to the second), or "" if it is not one."""
    if not isinstance(value, str) or not value.strip():
        return ""
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def _as_list(value: object) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _selectors(selector: object) -> Iterator[dict]:
    for item in _as_list(selector):
        if isinstance(item, dict):
            yield item
            yield from _selectors(item.get("refinedBy"))


def _read_one(index: int, item: object) -> Imported:
    found = Imported(index=index)
    if not isinstance(item, dict):
        found.error = "not an annotation object"
        return found
    targets = [t for t in _as_list(item.get("target")) if isinstance(t, (dict, str))]
    target = next((t for t in targets if isinstance(t, dict) and t.get("selector")), targets[0] if targets else None)
    found.on_article = not (isinstance(target, dict) and target.get("selector"))
    if isinstance(target, str):
        found.source = target
    elif isinstance(target, dict):
        found.source = str(target.get("source") or target.get("id") or "")
        for selector in _selectors(target.get("selector")):
            kind = selector.get("type")
            if kind == "TextQuoteSelector" and not found.exact:
                found.exact = str(selector.get("exact") or "")
                found.prefix = str(selector.get("prefix") or "")
                found.suffix = str(selector.get("suffix") or "")
            elif kind == "TextPositionSelector" and found.start is None:
                try:
                    found.start, found.end = int(selector["start"]), int(selector["end"])
                except (KeyError, TypeError, ValueError):
                    pass
    if not found.source:
        found.source = str(item.get("uri") or "")  # Hypothesis
    notes: list[str] = []
    if isinstance(item.get("bodyValue"), str):
        notes.append(item["bodyValue"])
    for body in _as_list(item.get("body")):
        if not isinstance(body, dict) or "value" not in body:
            continue
        purposes = _as_list(body.get("purpose"))
        if "tagging" in purposes:
            found.tags.append(str(body["value"]))
        else:
            notes.append(str(body["value"]))
    if isinstance(item.get("text"), str) and item["text"].strip():  # Hypothesis
        notes.append(item["text"])
    found.tags.extend(str(tag) for tag in _as_list(item.get("tags")) if isinstance(tag, str))
    found.note = "\n\n".join(note for note in notes if note.strip())
    color = item.get(COLOR_KEY)
    found.color = color if isinstance(color, str) and color in COLORS else "yellow"
    style = item.get(STYLE_KEY)
    found.style = style if isinstance(style, str) and style else "fill"
    found.created = _utc(item.get("created"))
    found.modified = _utc(item.get("modified") or item.get("updated")) or found.created
    if not found.source:
        found.error = "the annotation names no target source"
    elif _as_list(item.get("references")):
        found.error = "a reply to another annotation, not an annotation of the page"
    elif found.on_article and not (found.note or found.tags):
        found.error = (
            "the annotation has no TextQuoteSelector or TextPositionSelector, and no note or tag for the whole article"
        )
    elif not found.on_article and not found.exact and found.start is None:
        found.error = "the annotation has no TextQuoteSelector or TextPositionSelector"
    return found
