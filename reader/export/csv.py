"""One row per highlight, for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese right)."""

from __future__ import annotations

import csv
import io

from reader.export.notes import ArticleNotes, reading_order

HEADER = ["article", "section", "colour", "text", "note", "tags", "created", "url"]


def render_csv(notes: list[ArticleNotes], meanings: dict[str, str] | None = None) -> str:
    """The CSV text, BOM first; ``colour`` is the colour's meaning when one is given, else its name."""
    meanings = meanings or {}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for article in notes:
        placed, orphans = reading_order(article.highlights)
        for h in placed + orphans:
            writer.writerow([
                article.stored.article.title,
                " › ".join(h.section_path),
                meanings.get(h.color, h.color),
                h.exact,
                h.note,
                "; ".join(h.tags),
                h.created,
                article.stored.article.url,
            ])
    return "\ufeff" + buffer.getvalue()
