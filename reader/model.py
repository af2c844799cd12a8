"""The plain data that crosses every layer boundary.

Nothing here knows about SQL, Qt or files: ingest produces these, the store
keeps them, the renderer and the UI show them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Section:
    """A heading of the article body; ``anchor`` is the id the renderer gives it."""

    title: str
    level: int
    anchor: str = ""


@dataclass
class Original:
    """The bytes a page was extracted from, kept so that a better extractor can read it again.

    ``name`` is the saved file's name (its stem names its resources folder,
    ``page.html`` + ``page_files/``); ``resources`` are the files of that
    folder the extractor took, by their path relative to the page's folder.
    """

    name: str
    data: bytes
    resources: dict[str, bytes] = field(default_factory=dict)


@dataclass
class Article:
    """One extracted article.

    ``markdown`` is what the reader sees; ``text`` is the canonical text
    (the rendered blocks joined by newlines) that annotations point into.
    """

    title: str
    markdown: str
    text: str = ""
    byline: str = ""
    source: str = ""
    published: str = ""
    url: str = ""
    language: str = ""
    sections: list[Section] = field(default_factory=list)
    format: str = ""
    encoding: str = ""
    path: str = ""
    images: dict[str, bytes] = field(default_factory=dict)
    html: str = ""
    """The body rendered from ``markdown`` at import, so a long article opens without rendering again."""
    render_version: int = 0
    """Which renderer made ``html`` and ``text`` (``reader.render.RENDER_VERSION``); 0 when not known."""
    original: Original | None = None
    """What it was extracted from; None for an article a library kept from before originals."""
    extractor_version: int = 0
    """The extractor that made it (``reader.ingest.EXTRACTOR_VERSION``); 0 when not known."""

    @property
    def content_hash(self) -> str:
        """Identity of the article's content: the same page saved twice hashes the same."""
        basis = "\n".join([self.title.strip(), self.text.strip()])
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ArticleSummary:
    """What the library list needs of an article, without its body."""

    id: int
    title: str
    source: str
    published: str
    url: str
    added: str
    section_count: int
    progress: float = 0.0
    """How far through the text the reader has been (the last character seen), 0..1."""
    opened: str | None = None
    """When the article was last read (ISO 8601, UTC), or None if never."""
    state: str = "unread"
    """``UNREAD``, ``READING`` or ``READ`` (see ``STATES``)."""
    byline: str = ""


UNREAD, READING, READ = "unread", "reading", "read"
STATES = (UNREAD, READING, READ)
"""Where the reader is with an article: not begun, scrolled past its first screen, finished (or so marked)."""

SORTS: dict[str, bool] = {"added": True, "published": True, "title": False, "source": False, "opened": True}
"""The orders the library can be listed in, each with whether it runs descending unless reversed:
dates newest first, names A to Z."""

EDITABLE = ("title", "byline", "source", "published", "url")
"""The facts about an article the user may correct; a corrected one outlives every re-import."""


@dataclass(frozen=True)
class ArticleInfo:
    """The editable facts of one article and which of them the user set (Edit Info…)."""

    id: int
    title: str
    byline: str
    source: str
    published: str
    url: str
    user_fields: tuple[str, ...] = ()

    def values(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in EDITABLE}


@dataclass
class StoredArticle:
    """An article as the library holds it."""

    id: int
    article: Article
    content_hash: str
    added: str
    position: int = 0
    """Where the reader left it: the first character in view, a code-point offset into ``article.text``."""
    progress: float = 0.0
    opened: str | None = None


@dataclass(frozen=True)
class ImportOutcome:
    """What happened to one input of an import: imported, duplicate or failed."""

    path: str
    status: str
    article_id: int | None = None
    title: str = ""
    error: str = ""

    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    FAILED = "failed"


COLORS: dict[str, str] = {
    "yellow": "#f9e27d",
    "green": "#a8e6a1",
    "blue": "#a6d2f7",
    "pink": "#f6b3d0",
    "purple": "#cdb6f4",
    "red": "#f5a3a3",
}
"""The six highlight colours, by name, with the fill the reading view draws."""

DEFAULT_MEANINGS: dict[str, str] = {
    "yellow": "Key point",
    "green": "Agree",
    "blue": "Definition",
    "pink": "Question",
    "purple": "Idea",
    "red": "Disagree",
}
"""What each colour means until the user renames it (Annotate ▸ Highlight Colours…): the window
and the command line's exports label highlights with these, so both say "Key point", not "yellow"."""


@dataclass(frozen=True)
class ArticleNote:
    """The note on an article as a whole, with the article's tags, as searches find it."""

    article_id: int
    text: str
    tags: tuple[str, ...] = ()
    modified: str = ""


@dataclass
class Highlight:
    """A highlighted passage of an article, anchored in its canonical text.

    ``start``/``end`` are code-point offsets (a TextPositionSelector);
    ``exact``/``prefix``/``suffix`` are the TextQuoteSelector that finds the
    passage again when the text changes. ``state`` says how the last
    anchoring went: anchored, moved or orphaned (kept, never deleted).
    """

    article_id: int
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    color: str = "yellow"
    style: str = "fill"
    note: str = ""
    tags: list[str] = field(default_factory=list)
    section_path: list[str] = field(default_factory=list)
    content_hash: str = ""
    state: str = "anchored"
    created: str = ""
    modified: str = ""
    id: int | None = None

    ANCHORED = "anchored"
    MOVED = "moved"
    ORPHANED = "orphaned"


def reading_key(highlight: Highlight) -> tuple[bool, int, int]:
    """Where a highlight comes in reading order: the one rule every list, export and query follows.

    Highlights found in the text come by where they start, two starting at the
    same place in the order they were made (by id); orphans come after all of
    them, ordered the same way by the last place they were found, so a list
    does not reshuffle when one of them is orphaned. The store's SQL
    (``READING_ORDER`` in ``reader.store.annotations``) states the same rule.
    """
    return highlight.state == Highlight.ORPHANED, highlight.start, highlight.id or 0


def reading_order(highlights: Iterable[Highlight]) -> tuple[list[Highlight], list[Highlight]]:
    """(highlights found in the text, orphans), each in reading order: what lists and exports show apart."""
    ordered = sorted(highlights, key=reading_key)
    placed = [h for h in ordered if h.state != Highlight.ORPHANED]
    return placed, ordered[len(placed):]
