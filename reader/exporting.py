"""Library rows to the export's plain data: the one export path the GUI and the CLI share."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from reader.export import ArticleNotes
from reader.store import Library


def article_notes(library: Library, article_id: int, with_images: bool = False) -> ArticleNotes | None:
    """An article and its annotations as the export takes them; None if there is no such article."""
    stored = library.get(article_id)
    if stored is None:
        return None
    if with_images:
        stored.article.images = library.images(article_id)
    return ArticleNotes(
        stored=stored,
        highlights=library.annotations.for_article(article_id),
        note=library.annotations.article_note(article_id),
        tags=library.annotations.article_tags(article_id),
    )


def annotated(notes: ArticleNotes) -> bool:
    return bool(notes.highlights or notes.note.strip())


def gather(
    library: Library,
    article_ids: Iterable[int],
    with_images: bool = False,
    only_annotated: bool = False,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[ArticleNotes]:
    """The export data of these articles in order, skipping missing ones (and, if asked, bare ones)."""
    for article_id in article_ids:
        if cancelled():
            return
        notes = article_notes(library, article_id, with_images)
        if notes is not None and (annotated(notes) or not only_annotated):
            yield notes
