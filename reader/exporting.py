"""Library rows to the export's plain data: the one export path the GUI and the CLI share.

Articles are read one at a time as the export asks for them (``gather`` is a
generator), so exporting the whole library holds one article in memory, not
10,000. An article whose rows the damaged library file cannot give back is
left out and reported, so one bad page does not keep the others in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from reader.export import ArticleNotes
from reader.store import DamagedArticle, Library


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


def gather(
    library: Library,
    article_ids: Sequence[int],
    with_images: bool = False,
    step: Callable[[int, int], None] = lambda done, total: None,
    missing: Callable[[int], None] = lambda article_id: None,
    damaged: Callable[[int, str], None] = lambda article_id, reason: None,
) -> Iterator[ArticleNotes]:
    """The export data of these articles in order, skipping ids that name no article and unreadable ones.

    ``step(done, total)`` is called before each article is read and once at
    the end; since the export asks for the next article only when it has
    written the last, ``done`` counts articles written. An exception raised
    from ``step`` (``ExportCancelled``) ends the export there, writing
    nothing. ``missing`` hears of every id that names no article, ``damaged``
    of every article that cannot be read (its id and the store's sentence).
    """
    total = len(article_ids)
    for done, article_id in enumerate(article_ids):
        step(done, total)
        try:
            notes = article_notes(library, article_id, with_images)
        except DamagedArticle as error:
            damaged(article_id, str(error))
            continue
        if notes is None:
            missing(article_id)
        else:
            yield notes
    step(total, total)
