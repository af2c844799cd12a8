"""What the user just imported is what they see: selected, opened and scrolled to in the list."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication

from tests.ui.conftest import import_and_wait, wait_for_import


def open_title(window) -> str:
    return window.current_article.article.title if window.current_article else ""


def test_an_import_opens_the_first_page_it_brought_even_with_an_article_open(qtbot, window, pages):
    import_and_wait(qtbot, window, [pages / "library-week.txt"])
    assert open_title(window) != "Field notes on river restoration"
    import_and_wait(qtbot, window, [pages / "field-notes.html"])
    assert open_title(window) == "Field notes on river restoration"
    current = window.library_view.currentIndex()
    assert current.row() == window.library_model.row_of(window.current_id)
    assert window.library_view.selectionModel().isSelected(current)


def test_a_page_already_in_the_library_is_opened_and_scrolled_to(qtbot, window, pages, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(60):
        (folder / f"note-{n:02}.md").write_text(f"# Note number {n}\n\nA different paragraph, number {n}.\n")
    shutil.copy(pages / "quiet-hours.md", folder)
    import_and_wait(qtbot, window, [folder])
    window.library_view.scrollToTop()
    first = window.current_id
    report = import_and_wait(qtbot, window, [pages / "quiet-hours.md"])
    assert report.duplicates == 1
    assert open_title(window) == "Quiet hours in the reading room" and window.current_id != first
    view = window.library_view
    row = view.visualRect(view.currentIndex())
    assert view.viewport().rect().contains(row)


def test_a_pasted_page_is_opened_even_when_a_search_hides_it(qtbot, window, pages):
    import_and_wait(qtbot, window, [pages / "library-week.txt", pages / "quiet-hours.md"])
    window.filter_edit.setText("图书")
    qtbot.waitUntil(lambda: window.library_model.rowCount() == 1)
    QGuiApplication.clipboard().setText(QUrl.fromLocalFile(str(pages / "field-notes.html")).toString() + "\n")
    window.library_view.setFocus()
    window.last_report = None
    qtbot.keyClick(window.library_view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    wait_for_import(qtbot, window)
    assert open_title(window) == "Field notes on river restoration"
    assert window.library_view.currentIndex().row() == window.library_model.row_of(window.current_id)
    assert window.filter_edit.text() == ""
