"""The open article's highlights, notes and tags: every change an undoable command.

The window wires the reading view's and the annotation pane's signals here and
asks for the status-bar messages and pane switches it should show, so that the
annotation logic lives apart from the window's layout, import and export.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QUndoStack

from reader.annotate.selectors import attach, new_highlight
from reader.export import copy_markdown
from reader.export.markdown import render_markdown_notes
from reader.exporting import article_notes
from reader.model import Highlight, StoredArticle, reading_key
from reader.render import display_date
from reader.store import Library
from reader.ui.annotation_pane import AnnotationPane
from reader.ui.commands import AddHighlight, DeleteHighlight, EditHighlight
from reader.ui.reader_view import ReaderView
from reader.ui.status import PROBLEM, RESULT, TIMEOUTS_MS


class HighlightController(QObject):
    """Creates, edits and deletes the open article's highlights and keeps the view and pane in step.

    Emits ``message(text, milliseconds)`` for the status bar, ``pane_wanted()`` when the
    annotation pane should come to the front, and ``changed()`` after any highlight changed
    (the library-wide annotation list refreshes on it).
    """

    message = Signal(str, int)
    pane_wanted = Signal()
    changed = Signal()

    def __init__(self, library: Library, undo_stack: QUndoStack, reader: ReaderView, pane: AnnotationPane,
                 meanings: Callable[[], dict[str, str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.undo_stack = undo_stack
        self.reader = reader
        self.pane = pane
        self.meanings = meanings
        self.article: StoredArticle | None = None
        self._open: dict[int, Highlight] = {}
        reader.highlight_requested.connect(self.create)
        reader.note_requested.connect(self._on_note_requested)
        reader.quote_requested.connect(self.copy_quote)
        reader.highlight_activated.connect(self._on_highlight_activated)
        reader.delete_requested.connect(self.delete)
        pane.highlight_selected.connect(self.reveal)
        pane.color_changed.connect(lambda i, color: self.edit(i, "Recolour highlight", color=color))
        pane.note_edited.connect(lambda i, note: self.edit(i, "Edit note", note=note))
        pane.tags_edited.connect(lambda i, tags: self.edit(i, "Edit tags", tags=tags))
        pane.delete_requested.connect(self.delete)
        pane.attach_requested.connect(self.attach_to_selection)
        pane.article_note_edited.connect(self._on_article_note)
        pane.article_tags_edited.connect(self._on_article_tags)

    @property
    def highlights(self) -> list[Highlight]:
        """The open article's highlights in reading order, orphans last."""
        return sorted(self._open.values(), key=reading_key)

    def open(self, stored: StoredArticle | None) -> None:
        """Show an article's highlights, note and tags (none when ``stored`` is None)."""
        self.article = stored
        annotations = self.library.annotations
        if stored is None:
            self._open = {}
            self.pane.set_article("", [], [], annotations.all_tags())
            return
        self._open = {h.id: h for h in annotations.for_article(stored.id)}
        self.pane.set_article(annotations.article_note(stored.id), annotations.article_tags(stored.id),
                              self.highlights, annotations.all_tags())
        self.reader.highlight_layer.set_highlights(self.highlights)

    def _changed(self, highlight: Highlight) -> None:
        """Redraw after one highlight changed, reading back only that one."""
        if self.article is not None and highlight.article_id == self.article.id and highlight.id is not None:
            stored = self.library.annotations.get(highlight.id)
            if stored is None:
                self._open.pop(highlight.id, None)
            else:
                self._open[highlight.id] = stored
            highlights = self.highlights
            self.reader.highlight_layer.set_highlights(highlights, highlight.id)
            self.pane.set_highlights(highlights)
            self.pane.set_all_tags(self.library.annotations.all_tags())
            self.pane.select(highlight.id)
        self.changed.emit()

    def create(self, start: int, end: int, color: str, style: str) -> Highlight | None:
        if self.article is None:
            return None
        try:
            highlight = new_highlight(self.article, start, end, color=color, style=style)
        except ValueError:
            return None
        command = AddHighlight(self.library, highlight, self._changed)
        self.undo_stack.push(command)
        return command.highlight

    def edit(self, highlight_id: int, text: str, **changes) -> None:
        """Change a highlight's colour, note or tags as one undoable step named ``text``."""
        before = self.library.annotations.get(highlight_id)
        if before is None:
            return
        after = dataclasses.replace(before, **changes)
        if "color" in changes:
            self.reader.last_color = changes["color"]
        self.undo_stack.push(EditHighlight(self.library, before, after, text, self._changed))

    def delete(self, highlight_id: int) -> None:
        highlight = self.library.annotations.get(highlight_id)
        if highlight is not None:
            self.undo_stack.push(DeleteHighlight(self.library, highlight, self._changed))

    def delete_under_cursor(self) -> None:
        highlight = self.reader.highlight_under_cursor()
        if highlight is not None and highlight.id is not None:
            self.delete(highlight.id)

    def attach_to_selection(self, highlight_id: int) -> None:
        """Put a highlight (an orphan, usually) on the text now selected; its note and tags stay."""
        before = self.library.annotations.get(highlight_id)
        selected = self.reader.selection_range()
        if before is None or selected is None or self.article is None:
            self.message.emit("Select the text this highlight belongs to, then attach it.", TIMEOUTS_MS[PROBLEM])
            return
        after = attach(before, self.article, *selected)
        self.undo_stack.push(EditHighlight(self.library, before, after, "Attach highlight", self._changed))

    def reveal(self, highlight_id: int) -> None:
        """Mark a highlight as the current one and scroll the reading view to it."""
        highlight = self.library.annotations.get(highlight_id)
        if highlight is None:
            return
        self.reader.highlight_layer.set_active(highlight_id)
        if highlight.state != Highlight.ORPHANED:
            self.reader.scroll_to_offset(highlight.start)

    def _on_note_requested(self, start: int, end: int) -> None:
        highlight = self.create(start, end, self.reader.last_color, "fill")
        if highlight is not None:
            self.pane_wanted.emit()
            self.pane.edit_note(highlight.id)

    def _on_highlight_activated(self, highlight_id: int) -> None:
        self.pane_wanted.emit()
        self.pane.select(highlight_id)
        self.reader.highlight_layer.set_active(highlight_id)

    def _on_article_note(self, text: str) -> None:
        if self.article is not None:
            self.library.annotations.set_article_note(self.article.id, text)

    def _on_article_tags(self, tags: list[str]) -> None:
        if self.article is not None:
            self.library.annotations.set_article_tags(self.article.id, tags)
            self.pane.set_all_tags(self.library.annotations.all_tags())

    def quote_text(self, start: int, end: int) -> str:
        """A Markdown block quote of the passage, with where it comes from."""
        article = self.article.article
        quote = article.text[start:end].strip().replace("\n", "\n>\n> ")
        source = ", ".join(x for x in (article.title, article.source, display_date(article.published)) if x)
        link = f" <{article.url}>" if article.url else ""
        return f"> {quote}\n>\n> — {source}{link}\n"

    def copy_quote(self, start: int, end: int) -> None:
        if self.article is not None:
            QGuiApplication.clipboard().setText(self.quote_text(start, end))
            self.message.emit("Quote copied.", TIMEOUTS_MS[RESULT])

    def copy_selection_quote(self) -> None:
        selected = self.reader.selection_range()
        if selected is not None:
            self.copy_quote(*selected)

    def copy_article_notes(self) -> None:
        """The open article's note and highlights, laid out as the Markdown export lays them out."""
        notes = article_notes(self.library, self.article.id) if self.article is not None else None
        if notes is not None:
            QGuiApplication.clipboard().setText(render_markdown_notes(notes, self.meanings()))
            self.message.emit("The article's notes were copied as Markdown.", TIMEOUTS_MS[RESULT])

    def copy_highlight_markdown(self) -> None:
        highlight = self.pane.current or self.reader.highlight_under_cursor()
        if highlight is not None and self.article is not None:
            QGuiApplication.clipboard().setText(copy_markdown(highlight, self.article, self.meanings()))
            self.message.emit("Highlight copied as Markdown.", TIMEOUTS_MS[RESULT])
