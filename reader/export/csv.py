"""One row per highlight, for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese right)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from reader.export.files import Writable
from reader.export.notes import ArticleNotes, reading_order

HEADER = ["article", "section", "colour", "text", "note", "tags", "created", "url"]


def write_csv(notes: Iterable[ArticleNotes], out: Writable, meanings: dict[str, str] | None = None) -> None:
    """Write the CSV, BOM first, article by article; ``colour`` is the colour's meaning when one is given."""
    meanings = meanings or {}
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for article in notes:
        placed, orphans = reading_order(article.highlights)
        writer.writerows(
            [
                article.stored.article.title,
                " › ".join(h.section_path),
                meanings.get(h.color, h.color),
                h.exact,
                h.note,
                "; ".join(h.tags),
                h.created,
                article.stored.article.url,
            ]
            for h in placed + orphans
        )


def render_csv(notes: Iterable[ArticleNotes], meanings: dict[str, str] | None = None) -> str:
    buffer = io.StringIO()
    write_csv(notes, buffer, meanings)
    return buffer.getvalue()
