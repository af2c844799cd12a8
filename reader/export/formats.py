"""The export formats, listed once: the command line's choices, the export dialog's list and
preview, and ``export`` itself read them from here, so a format is added in one place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reader.export.csv import render_csv
from reader.export.html import render_html
from reader.export.markdown import render_markdown_notes
from reader.export.notes import ArticleNotes
from reader.export.w3c import render_json

Render = Callable[[ArticleNotes, "dict[str, str] | None"], str]


@dataclass(frozen=True)
class ExportFormat:
    """One format: how it is named and shown, what it writes, and one article of it as text."""

    name: str
    """What ``--format`` and ``export()`` take."""
    label: str
    """What the export dialog lists."""
    per_article: bool
    """One file per article into a folder (True), or one file for the whole export."""
    images: bool
    """Whether it embeds the articles' images, which must then be read from the library."""
    render_one: Render
    """One article's file (for a one-file format: that article's part of it), for previews."""

    @property
    def extension(self) -> str:
        """The files' extension, without the dot: the format's name."""
        return self.name


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("md", "Markdown, one file per article", True, False, render_markdown_notes),
        ExportFormat("html", "HTML, one self-contained file per article", True, True,
                     lambda notes, meanings: render_html(notes, meanings)),
        ExportFormat("json", "JSON (W3C Web Annotation), one file", False, False,
                     lambda notes, meanings: render_json([notes])),
        ExportFormat("csv", "CSV spreadsheet, one file", False, False,
                     lambda notes, meanings: render_csv([notes], meanings)),
    )
}
"""Every export format by name, in the order the dialog lists them."""
