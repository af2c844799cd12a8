"""A library damaged in places still opens; what cannot be read says so where it would be."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.store.damage import library_with_one_damaged


def _click(qtbot, window, article_id: int) -> None:
    view = window.library_view
    index = window.library_model.index(window.library_model.row_of(article_id))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def test_a_damaged_article_shows_a_message_in_its_place(qtbot, app):
    ids = library_with_one_damaged(app.library_path, count=4, damaged=1)
    window = app.launch()
    _click(qtbot, window, ids[3])
    assert window.reader_stack.currentWidget() is window.reader
    assert "MARKER-3-END" in window.reader.toPlainText()
    _click(qtbot, window, ids[1])
    assert window.reader_stack.currentWidget() is window.unreadable
    assert "“Article 1” cannot be shown" in window.unreadable.text()
    assert f"Article number {ids[1]} cannot be read" in window.unreadable.text()
    assert "MARKER-3-END" not in window.reader.toPlainText()  # the last article is not left on screen
    _click(qtbot, window, ids[0])
    assert window.reader_stack.currentWidget() is window.reader
    assert "MARKER-0-END" in window.reader.toPlainText()


def test_articles_whose_rows_are_damaged_are_left_out_of_the_list_and_counted(qtbot, app):
    ids = library_with_one_damaged(app.library_path, count=4, damaged=2, overflow_only=False)
    window = app.launch()
    assert window.library_model.row_of(ids[2]) < 0
    assert window.library_model.row_of(ids[0]) >= 0 and window.library_model.row_of(ids[3]) >= 0
    assert "cannot be read" in window.statusBar().currentMessage()
