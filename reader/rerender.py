"""Open an article as the current renderer renders it.

An article's HTML and canonical text are made once, at import, by the
renderer of that day (``Article.render_version``). When the renderer changes
(``reader.render.RENDER_VERSION`` bumped), a stored article is rendered again
from its Markdown the first time it is opened, and its highlights re-anchor
in the same transaction as the new text is stored, so the reading view, find
and the exports never pair a new block table with offsets into an old text.
"""

from __future__ import annotations

import dataclasses
import logging

from reader.model import StoredArticle
from reader.render import RENDER_VERSION, render_markdown
from reader.store import Library, LibraryError

log = logging.getLogger(__name__)


def current_article(library: Library, article_id: int) -> StoredArticle | None:
    """The live article with this id, rendered again first if an older renderer made it.

    If the new rendering cannot be stored (the library is busy or damaged
    there), the article is shown as it was stored: its old HTML and old text
    still agree with each other and with its highlights.
    """
    stored = library.get(article_id)
    if stored is None or stored.article.render_version == RENDER_VERSION:
        return stored
    article = stored.article
    rendered = render_markdown(article.markdown)
    fresh = dataclasses.replace(article, html=rendered.html, text=rendered.text, sections=list(rendered.sections),
                                render_version=RENDER_VERSION)
    try:
        if library.store_rendering(article_id, article, fresh) is None:
            return library.get(article_id)
    except LibraryError as error:
        log.warning("article %s was not rendered again: %s", article_id, error)
        return stored
    return dataclasses.replace(stored, article=fresh, content_hash=fresh.content_hash)
