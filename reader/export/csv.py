"""One row per highlight, for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese right).

A text cell that a spreadsheet would take for a formula (it begins with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return: a highlighted
``=HYPERLINK(...)`` or a note "+1") gets a leading ``'``, as OWASP advises
against CSV injection: Excel and LibreOffice then show the text, not run it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from reader.export.files import Writable
from reader.export.notes import ArticleNotes
from reader.model import reading_order

HEADER = ["article", "section", "colour", "text", "note", "tags", "created", "url"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """``text`` as a spreadsheet shows it, never as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


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
                cell(article.stored.article.title),
                cell(" › ".join(h.section_path)),
                cell(meanings.get(h.color, h.color)),
                cell(h.exact),
                cell(h.note),
                cell("; ".join(h.tags)),
                h.created,  # a timestamp we wrote: never a formula
                cell(article.stored.article.url),
            ]
            for h in placed + orphans
        )


def render_csv(notes: Iterable[ArticleNotes], meanings: dict[str, str] | None = None) -> str:
    buffer = io.StringIO()
    write_csv(notes, buffer, meanings)
    return buffer.getvalue()
