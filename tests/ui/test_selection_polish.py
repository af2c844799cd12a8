"""Selecting to highlight: whole words, a toolbar that stays out of the way, one-off underline."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import import_and_wait


def open_english(qtbot, window, pages):
    import_and_wait(qtbot, window, [pages / "field-notes.html"])
    window.resize(1300, 800)


def point_at(reader, position: int) -> QPoint:
    cursor = QTextCursor(reader.document())
    cursor.setPosition(position)
    return reader.cursorRect(cursor).center()


def drag(qtbot, reader, first: int, last: int) -> None:
    """Press at document position ``first``, move to ``last`` and release there."""
    viewport = reader.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=point_at(reader, first))
    qtbot.mouseMove(viewport, pos=point_at(reader, last))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=point_at(reader, last))


def drag_inside(qtbot, reader, passage: str, skip_start: int, skip_end: int) -> None:
    found = reader.document().find(passage)
    assert not found.isNull(), passage
    drag(qtbot, reader, found.selectionStart() + skip_start, found.selectionEnd() - skip_end)


def selection_lines(reader) -> QRect:
    """The lines the selection covers, the whole width of the view."""
    cursor = reader.textCursor()
    first, last = QTextCursor(cursor), QTextCursor(cursor)
    first.setPosition(cursor.selectionStart())
    last.setPosition(cursor.selectionEnd())
    top, bottom = reader.cursorRect(first).top(), reader.cursorRect(last).bottom()
    return QRect(0, top, reader.viewport().width(), bottom - top + 1)


def test_a_latin_selection_snaps_to_whole_words_and_the_highlight_stores_them(qtbot, window, pages):
    open_english(qtbot, window, pages)
    drag_inside(qtbot, window.reader, "a small team of ecologists", 4, 3)
    assert window.reader.textCursor().selectedText() == "small team of ecologists"
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    [highlight] = window.library.annotations.for_article(window.current_id)
    assert highlight.exact == "small team of ecologists"


def test_a_selection_ending_in_a_comma_and_space_loses_them(qtbot, window, pages):
    open_english(qtbot, window, pages)
    drag_inside(qtbot, window.reader, "counting fish, m", 0, 1)
    assert window.reader.textCursor().selectedText() == "counting fish"


def test_underline_is_for_one_highlight_and_h_still_fills(qtbot, window, pages):
    open_english(qtbot, window, pages)
    reader = window.reader
    drag_inside(qtbot, reader, "a small team of ecologists", 0, 0)
    qtbot.mouseClick(reader.toolbar.underline_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(reader.toolbar.color_buttons["blue"], Qt.MouseButton.LeftButton)
    drag_inside(qtbot, reader, "photographing the banks", 0, 0)
    qtbot.keyClick(reader, Qt.Key.Key_H)
    drag_inside(qtbot, reader, "counting fish", 0, 0)
    qtbot.mouseClick(reader.toolbar.underline_button, Qt.MouseButton.LeftButton)  # then changes their mind
    drag_inside(qtbot, reader, "measuring the gravel", 0, 0)
    qtbot.keyClick(reader, Qt.Key.Key_H)
    styles = {h.exact: h.style for h in window.library.annotations.for_article(window.current_id)}
    assert styles == {"a small team of ecologists": "underline", "photographing the banks": "fill",
                      "measuring the gravel": "fill"}


def test_the_toolbar_never_covers_the_selected_lines(qtbot, window, pages):
    open_english(qtbot, window, pages)
    reader = window.reader
    found = reader.document().find("For three summers")
    drag(qtbot, reader, found.selectionEnd(), found.selectionStart())  # the first line, right to left
    assert reader.toolbar.isVisible()
    assert not reader.toolbar.geometry().intersects(selection_lines(reader))

    middle = reader.cursorForPosition(QPoint(reader.viewport().width() // 2, reader.viewport().height() // 2))
    block = middle.block()
    assert block.layout().lineCount() >= 2, "needs a paragraph of two lines in the middle of the view"
    start = block.position() + 5
    end = block.position() + block.layout().lineAt(1).textStart() + 5
    drag(qtbot, reader, end, start)  # two lines, dragged upwards
    assert reader.toolbar.isVisible()
    lines = selection_lines(reader)
    assert lines.height() > reader.cursorRect().height()
    assert not reader.toolbar.geometry().intersects(lines)
    assert reader.toolbar.geometry().bottom() < lines.top()


def test_the_context_menu_hides_the_toolbar(qtbot, window, pages):
    open_english(qtbot, window, pages)
    reader = window.reader
    drag_inside(qtbot, reader, "a small team of ecologists", 0, 0)
    assert reader.toolbar.isVisible()
    seen = []

    def close_menu() -> None:
        seen.append(reader.toolbar.isVisible())
        QApplication.activePopupWidget().close()

    QTimer.singleShot(0, close_menu)
    point = point_at(reader, reader.textCursor().selectionStart() + 3)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, reader.viewport().mapToGlobal(point))
    QApplication.sendEvent(reader.viewport(), event)
    assert seen == [False]
