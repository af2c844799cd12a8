"""Notes and articles out: Markdown, HTML, W3C Web Annotation JSON and CSV.

Plain Python over ``reader.model`` data (no store, no Qt): the caller fills
an ``ArticleNotes`` per article from the library and calls ``export``.

>>> export([ArticleNotes(stored, highlights, note, tags)], "md", Path("notes/"))
[PosixPath('notes/安徽省开发区协会第二届第二次理事会在合肥召开-0007.md')]

``notes`` may be any iterable: a generator reading one article at a time
from the library keeps a 10,000-article export in flat memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reader.export.csv import write_csv
from reader.export.files import atomic_file, file_name, staged_folder
from reader.export.formats import FORMATS, ExportFormat
from reader.export.html import render_html
from reader.export.markdown import copy_markdown as _copy_markdown
from reader.export.markdown import render_markdown_notes
from reader.export.notes import ArticleNotes
from reader.export.w3c import write_json
from reader.model import Article, Highlight, StoredArticle

__all__ = ["ArticleNotes", "ExportCancelled", "ExportFormat", "FORMATS", "copy_markdown", "export"]


class ExportCancelled(Exception):
    """Raised from the ``notes`` iterable to stop an export; it then writes nothing."""


def export(
    notes: Iterable[ArticleNotes],
    fmt: str,
    out: Path,
    meanings: dict[str, str] | None = None,
    template: str | None = None,
) -> list[Path]:
    """Write the export; returns the files written.

    ``md`` and ``html``: one file per article in the folder ``out`` (made if
    missing), named ``<title>-<id in hex>.<ext>``; ``json`` and ``csv``: the
    single file ``out``, written as the articles come. All or nothing: until
    the last article is written everything goes to temporary files, so an
    error, an interrupt or ``ExportCancelled`` raised by ``notes`` leaves
    ``out`` as it was. A process killed while renaming a folder's files into
    place leaves them to the next export into that folder, which finishes the
    renames first (see ``reader.export.files``).
    """
    kind = FORMATS.get(fmt.lower())
    if kind is None:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    out = Path(out)
    if not kind.per_article:
        out.parent.mkdir(parents=True, exist_ok=True)
        with atomic_file(out) as sink:
            if kind.name == "json":
                write_json(notes, sink)
            else:
                write_csv(notes, sink, meanings)
        return [out]
    with staged_folder(out) as stage:
        for article in notes:
            if kind.name == "md":
                text = render_markdown_notes(article, meanings, template)
            else:
                text = render_html(article, meanings)
            stage.write(file_name(article.stored.article.title, article.stored.id, kind.extension), text)
    return stage.written


def copy_markdown(
    highlight: Highlight, article: Article | StoredArticle, meanings: dict[str, str] | None = None
) -> str:
    """"Copy as Markdown" of one highlight: the quote, its source, note and tags."""
    if isinstance(article, StoredArticle):
        article = article.article
    return _copy_markdown(highlight, article.title, article.url, meanings)
