"""The annotation pane: the article's note and tags, its highlights grouped
by section with filters, and an editor for the selected highlight.

It only shows and emits; the window turns its signals into undoable edits.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.model import COLORS, Highlight
from reader.tags import clean_tags
from reader.ui.annotation_model import HIGHLIGHT_ROLE, AnnotationModel, Filter
from reader.ui.filters import colour_filter, fill_tags, tag_filter
from reader.ui.selection_toolbar import swatch
from reader.ui.wrapping_delegate import WrappingDelegate


def parse_tags(text: str) -> list[str]:
    """The tags typed in a tag field: separated by commas (Chinese ones too), a leading # dropped."""
    return clean_tags(raw.strip().lstrip("#") for raw in text.replace("，", ",").split(","))


class NoteEdit(QPlainTextEdit):
    """Multi-line note that is saved when the user leaves it or presses Ctrl+Enter."""

    committed = Signal(str)

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self._saved = ""

    def set_saved_text(self, text: str) -> None:
        self._saved = text
        self.setPlainText(text)

    def commit(self) -> None:
        text = self.toPlainText().strip()
        if text != self._saved.strip():
            self._saved = text
            self.committed.emit(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.commit()
            return
        super().keyPressEvent(event)


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma, from the tags already in use."""

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex) -> str:
        typed = self.widget().text() if self.widget() else ""
        head = typed.rsplit(",", 1)[0] + ", " if "," in typed else ""
        return head + index.data()


class TagEdit(QLineEdit):
    committed = Signal(list)

    def __init__(self, tag_model: QStringListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("Tags, separated by commas")
        completer = TagCompleter(tag_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self._saved: list[str] = []
        self.editingFinished.connect(self.commit)

    def set_saved_tags(self, tags: list[str]) -> None:
        self._saved = list(tags)
        self.setText(", ".join(tags))

    def commit(self) -> None:
        tags = parse_tags(self.text())
        if tags != self._saved:
            self._saved = tags
            self.committed.emit(tags)


class AnnotationPane(QWidget):
    highlight_selected = Signal(int)
    color_changed = Signal(int, str)
    note_edited = Signal(int, str)
    tags_edited = Signal(int, list)
    delete_requested = Signal(int)
    attach_requested = Signal(int)
    article_note_edited = Signal(str)
    article_tags_edited = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tag_model = QStringListModel(self)
        self.model = AnnotationModel(self)
        self._current: Highlight | None = None

        self.article_note = NoteEdit("A note on the whole article")
        self.article_note.setMaximumHeight(72)
        self.article_note.committed.connect(self.article_note_edited)
        self.article_tags = TagEdit(self.tag_model)
        self.article_tags.committed.connect(self.article_tags_edited)

        self.color_filter = colour_filter()
        self.tag_filter = tag_filter()
        self.note_filter = QCheckBox("With notes")
        for signal in (self.color_filter.currentIndexChanged, self.tag_filter.currentIndexChanged):
            signal.connect(self._apply_filter)
        self.note_filter.toggled.connect(self._apply_filter)

        self.view = QTreeView()
        self.view.setObjectName("annotations")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.setItemDelegate(WrappingDelegate(self.view))
        self.view.setUniformRowHeights(False)
        self.view.setExpandsOnDoubleClick(False)
        self.view.clicked.connect(self._on_clicked)
        self.view.activated.connect(self._on_clicked)
        self.view.selectionModel().currentChanged.connect(lambda current, _: self._show_editor(current))
        self.empty = QLabel("Select text in the article to highlight it.")
        self.empty.setObjectName("placeholder")
        self.empty.setWordWrap(True)

        self.color_buttons: dict[str, QToolButton] = {}
        colours = QHBoxLayout()
        colours.setSpacing(2)
        for color in COLORS:
            button = QToolButton()
            button.setIcon(swatch(color))
            button.setAutoRaise(True)
            button.clicked.connect(lambda _=False, c=color: self._recolor(c))
            colours.addWidget(button)
            self.color_buttons[color] = button
        colours.addStretch(1)
        self.attach_button = QPushButton("Attach to Selection")
        self.attach_button.setToolTip("Not found in the current text: select where it belongs, then attach it")
        self.attach_button.clicked.connect(lambda: self._current and self.attach_requested.emit(self._current.id))
        colours.addWidget(self.attach_button)
        self.attach_button.hide()
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self._delete)
        colours.addWidget(self.delete_button)
        self.note_edit = NoteEdit("Note (Markdown); Ctrl+Enter saves")
        self.note_edit.setMaximumHeight(110)
        self.note_edit.committed.connect(lambda text: self._current and self.note_edited.emit(self._current.id, text))
        self.tags_edit = TagEdit(self.tag_model)
        self.tags_edit.committed.connect(lambda tags: self._current and self.tags_edited.emit(self._current.id, tags))
        self.editor = QWidget()
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 4, 0, 0)
        editor_layout.addLayout(colours)
        editor_layout.addWidget(self.note_edit)
        editor_layout.addWidget(self.tags_edit)
        self.editor.setEnabled(False)

        filters = QHBoxLayout()
        filters.addWidget(self.color_filter)
        filters.addWidget(self.tag_filter, 1)
        filters.addWidget(self.note_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.article_note)
        layout.addWidget(self.article_tags)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.editor)

    def set_article(self, note: str, tags: list[str], highlights: list[Highlight], all_tags: list[str]) -> None:
        self.article_note.set_saved_text(note)
        self.article_tags.set_saved_tags(tags)
        self.set_all_tags(all_tags)
        self.set_highlights(highlights)

    def set_all_tags(self, all_tags: list[str]) -> None:
        self.tag_model.setStringList(all_tags)
        fill_tags(self.tag_filter, all_tags)

    def set_highlights(self, highlights: list[Highlight]) -> None:
        keep = self._current.id if self._current else None
        self.model.set_highlights(highlights)
        self._expand_groups()
        self.empty.setVisible(not highlights)
        if keep is not None and self.model.index_of(keep).isValid():
            self.select(keep)
        else:
            self._show_editor(QModelIndex())

    def _expand_groups(self) -> None:
        for row in range(self.model.rowCount()):
            self.view.expand(self.model.index(row, 0))

    def select(self, highlight_id: int) -> None:
        index = self.model.index_of(highlight_id)
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if self.view.isVisible():  # laying out hundreds of wrapped rows only pays when shown
                self.view.scrollTo(index)

    def edit_note(self, highlight_id: int) -> None:
        self.select(highlight_id)
        self.note_edit.setFocus()

    @property
    def current(self) -> Highlight | None:
        return self._current

    def _apply_filter(self) -> None:
        self.model.set_filter(
            Filter(self.color_filter.currentData(), self.tag_filter.currentData(), self.note_filter.isChecked())
        )
        self._expand_groups()

    def _on_clicked(self, index: QModelIndex) -> None:
        highlight = index.data(HIGHLIGHT_ROLE)
        if highlight is not None:
            self.highlight_selected.emit(highlight.id)

    def _show_editor(self, index: QModelIndex) -> None:
        highlight = index.data(HIGHLIGHT_ROLE) if index.isValid() else None
        if self._current is not None and (highlight is None or highlight.id != self._current.id):
            self.note_edit.commit()
            self.tags_edit.commit()
        self._current = highlight
        self.editor.setEnabled(highlight is not None)
        self.attach_button.setVisible(highlight is not None and highlight.state == Highlight.ORPHANED)
        self.note_edit.set_saved_text(highlight.note if highlight else "")
        self.tags_edit.set_saved_tags(highlight.tags if highlight else [])

    def _recolor(self, color: str) -> None:
        if self._current is not None and self._current.color != color:
            self.color_changed.emit(self._current.id, color)

    def _delete(self) -> None:
        if self._current is not None:
            self.delete_requested.emit(self._current.id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.view.currentIndex().isValid():
            self.view.scrollTo(self.view.currentIndex())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.view.doItemsLayout()
