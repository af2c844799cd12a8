"""Files dragged over the window show where they will go: "Drop to import" over the reading area."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import drop, wait_for_import


def drag_enter(window, mime: QMimeData) -> QDragEnterEvent:
    event = QDragEnterEvent(QPoint(400, 300), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)
    return event


def files(*paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def test_dragging_files_over_the_window_shows_the_cue_until_they_leave(qtbot, window, pages):
    cue = window.drop_cue
    assert not cue.isVisible()
    drag_enter(window, files(pages / "quiet-hours.md"))
    assert cue.isVisible()
    assert cue.geometry() == window.reader_stack.rect()
    assert cue.mapTo(window, QPoint(0, 0)) == window.reader_stack.mapTo(window, QPoint(0, 0))
    QApplication.sendEvent(window, QDragLeaveEvent())
    assert not cue.isVisible()


def test_the_cue_goes_when_the_files_are_dropped(qtbot, window, pages):
    window.last_report = None
    drop(window, [pages / "quiet-hours.md"])
    assert not window.drop_cue.isVisible()
    assert wait_for_import(qtbot, window).imported == 1


def test_dragging_text_shows_no_cue(qtbot, window):
    mime = QMimeData()
    mime.setText("just some words")
    drag_enter(window, mime)
    assert not window.drop_cue.isVisible()
