"""The plain data an export works from: one article with its annotations."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.model import Highlight, StoredArticle


@dataclass
class ArticleNotes:
    """An article and what the user wrote about it, filled by the caller from the library.

    ``highlights`` in any order: exports put them in reading order
    (``reader.model.reading_order``), orphans last. Images for the HTML export come from ``stored.article.images``.
    """

    stored: StoredArticle
    highlights: list[Highlight] = field(default_factory=list)
    note: str = ""
    tags: list[str] = field(default_factory=list)

    @property
    def source(self) -> str:
        """What annotations target: the article's URL, else ``urn:sha256:<content hash>``."""
        return self.stored.article.url or f"urn:sha256:{self.stored.content_hash}"


def block_id(highlight: Highlight) -> str:
    """The stable Obsidian block id of a highlight (``hl-<id>``), the same in every export."""
    if highlight.id is not None:
        return f"hl-{highlight.id}"
    import hashlib

    basis = f"{highlight.article_id}:{highlight.start}:{highlight.end}:{highlight.exact}"
    return "hl-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:8]
