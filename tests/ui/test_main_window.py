"""The reading loop as a user meets it: drop pages, pick one, read, navigate, delete, relaunch."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QGuiApplication

from tests.ui.conftest import drop, import_and_wait, wait_for_import

CHINESE_TITLE = "青溪市图书馆举办第三届阅读周活动"


def titles(window) -> list[str]:
    model = window.library_model
    return [model.index(row).data() for row in range(model.rowCount())]


def toc_rows(window) -> list[tuple[str, int]]:
    """(title, depth) of every contents entry, in order."""
    model, rows = window.toc_model, []

    def walk(parent, depth):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            rows.append((index.data(), depth))
            walk(index, depth + 1)

    walk(window.toc_view.rootIndex(), 0)
    return rows


def open_title(qtbot, window, title: str) -> None:
    row = titles(window).index(title)
    index = window.library_model.index(row)
    rect = window.library_view.visualRect(index)
    qtbot.mouseClick(window.library_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reader.toPlainText().startswith(title)


def test_dropping_a_folder_imports_every_page(qtbot, window, pages):
    report = import_and_wait(qtbot, window, [pages])
    assert report.sentence() == "3 imported, 0 already in the library, 0 failed"
    assert window.statusBar().currentMessage() == report.sentence()
    assert sorted(titles(window)) == sorted(
        [CHINESE_TITLE, "Field notes on river restoration", "Quiet hours in the reading room"]
    )
    assert titles(window)[0] == "Field notes on river restoration"  # newest first: 2023, 2022, 2021


def test_selecting_a_row_renders_the_article_with_its_header(qtbot, window, pages):
    import_and_wait(qtbot, window, [pages / "library-week.txt"])
    open_title(qtbot, window, CHINESE_TITLE)
    text = window.reader.toPlainText()
    assert "青溪日报" in text and "2021-04-23 09:15" in text
    assert "https://news.example.cn/qingxi/2021/0423/reading-week.html" in text
    assert "4月22日,青溪市图书馆第三届阅读周在市文化中心开幕" in text
    assert "让乡村的孩子和城里的孩子读到一样多的好书" in text
    for noise in ("新闻推荐", "猜你喜欢", "热点排行", "青溪开通首条城际公交线路", "首页 新闻"):
        assert noise not in text
    assert window.windowTitle().startswith(CHINESE_TITLE)


def test_the_contents_pane_nests_headings_by_level(qtbot, window, pages):
    import_and_wait(qtbot, window, [pages / "library-week.txt"])
    assert toc_rows(window) == [
        ("活动安排:二十余项活动覆盖全市", 0),
        ("调查报告:全市人均阅读量稳步提升", 0),
        ("古籍修复:年轻人走近传统技艺", 0),
        ("分馆风采:各具特色服务读者", 0),
        ("东城分馆:亲子共读让孩子爱上图书", 1),
        ("西城分馆:科普讲座走进工业园区", 1),
        ("南城分馆:老年读者专场受欢迎", 1),
        ("北城分馆:乡村阅读点串联成网", 1),
    ]
    assert window.contents_stack.currentWidget() is window.toc_view


def test_an_article_without_headings_says_no_sections(qtbot, window, tmp_path):
    page = tmp_path / "plain.txt"
    page.write_text("A short note\n\nJust one paragraph of text, with no headings at all in it.\n", encoding="utf-8")
    import_and_wait(qtbot, window, [page])
    assert window.contents_stack.currentWidget() is window.no_sections
    assert window.no_sections.text() == "No sections"


def _click_toc(qtbot, window, number: int) -> None:
    index = window.toc_model.index_of(number)
    window.toc_view.scrollTo(index)
    rect = window.toc_view.visualRect(index)
    qtbot.mouseClick(window.toc_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_clicking_a_contents_entry_scrolls_to_its_heading(qtbot, window, pages):
    window.resize(1100, 600)
    import_and_wait(qtbot, window, [pages / "library-week.txt"])
    reader = window.reader
    assert reader.verticalScrollBar().maximum() > 0
    for number in (3, 1, 6):
        _click_toc(qtbot, window, number)
        heading = reader.section_tracker.heading_rect_in_viewport(number)
        assert reader.viewport().rect().contains(heading.topLeft())
        cursor = reader.cursorForPosition(heading.center())
        assert cursor.block().text() == reader.section_tracker.sections[number].title
        assert window.toc_view.currentIndex() == window.toc_model.index_of(number)


def test_scrolling_moves_the_current_contents_entry(qtbot, window, pages):
    window.resize(1100, 600)
    import_and_wait(qtbot, window, [pages / "library-week.txt"])
    reader, bar = window.reader, window.reader.verticalScrollBar()
    bar.setValue(0)
    assert reader.section_tracker.current == -1 and not window.toc_view.currentIndex().isValid()
    top_of_second = reader.section_tracker.heading_rect_in_viewport(1).top() + bar.value()
    bar.setValue(top_of_second + 5)
    assert reader.section_tracker.current == 1
    assert window.toc_view.currentIndex().data() == "调查报告:全市人均阅读量稳步提升"
    qtbot.keyClick(reader.viewport(), Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    bar.setValue(bar.maximum())
    assert reader.section_tracker.current >= 5


def test_next_and_previous_section_from_the_keyboard(qtbot, window, pages):
    window.resize(1100, 600)
    import_and_wait(qtbot, window, [pages / "library-week.txt"])
    reader = window.reader
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert reader.section_tracker.current == 0
    qtbot.keyClick(reader, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(reader, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert reader.section_tracker.current == 2
    assert window.toc_view.currentIndex().data() == "古籍修复:年轻人走近传统技艺"
    qtbot.keyClick(reader, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert reader.section_tracker.current == 1
    assert "Alt+Down" in window.next_action.shortcut().toString()


def test_relaunching_shows_the_same_library_and_article(qtbot, app, pages):
    first = app.launch()
    import_and_wait(qtbot, first, [pages])
    open_title(qtbot, first, "Quiet hours in the reading room")
    first.resize(760, 560)
    first.splitter.setSizes([200, 600, 200])
    sizes = first.splitter.sizes()
    first.close()

    second = app.launch()
    assert sorted(titles(second)) == sorted(titles(first))
    assert second.reader.toPlainText().startswith("Quiet hours in the reading room")
    assert (second.size().width(), second.size().height()) == (760, 560)
    assert second.splitter.sizes() == sizes


def test_the_same_page_twice_is_recognised(qtbot, window, pages, tmp_path):
    import_and_wait(qtbot, window, [pages / "field-notes.html"])
    copy = tmp_path / "copy-of-field-notes.html"
    shutil.copy(pages / "field-notes.html", copy)
    report = import_and_wait(qtbot, window, [copy])
    assert report.sentence() == "0 imported, 1 already in the library, 0 failed"
    assert titles(window) == ["Field notes on river restoration"]


def test_bad_files_are_reported_by_name_and_add_no_rows(qtbot, window, tmp_path, app):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.html"
    binary.write_bytes(bytes(range(256)) * 64)
    missing = tmp_path / "vanished.html"
    report = import_and_wait(qtbot, window, [empty, binary, missing])
    assert report.sentence() == "0 imported, 0 already in the library, 3 failed"
    assert window.library_model.rowCount() == 0
    assert {f.path for f in report.failures} == {str(empty), str(binary), str(missing)}
    assert all(f.error for f in report.failures)
    assert "empty" in next(f.error for f in report.failures if f.path == str(empty))
    assert window.imports.details_button.isVisible()
    qtbot.mouseClick(window.imports.details_button, Qt.MouseButton.LeftButton)
    assert [f.path for f in app.dialogs.failures_shown[0]] == [f.path for f in report.failures]


def test_a_single_failure_is_named_in_the_status_bar(qtbot, window, tmp_path):
    empty = tmp_path / "blank page.html"
    empty.write_bytes(b"")
    import_and_wait(qtbot, window, [empty])
    message = window.statusBar().currentMessage()
    assert message.startswith("0 imported, 0 already in the library, 1 failed: blank page.html — ")
    assert "empty" in message


def test_a_folder_of_unrelated_files_imports_only_pages(qtbot, window, pages, tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    for n in range(300):
        (folder / f"data-{n}.bin").write_bytes(b"\x00\x01" * 50)
    shutil.copy(pages / "quiet-hours.md", folder)
    report = import_and_wait(qtbot, window, [folder])
    assert (report.imported, len(report.failures), report.skipped) == (1, 0, 300)
    assert "300 other files skipped" in report.sentence()


def test_delete_asks_first_and_undo_brings_the_article_back(qtbot, window, app, pages):
    import_and_wait(qtbot, window, [pages])
    open_title(qtbot, window, "Field notes on river restoration")
    window.library_view.setFocus()

    app.dialogs.confirm = False
    qtbot.keyClick(window.library_view, Qt.Key.Key_Delete)
    assert app.dialogs.confirmations == ["Field notes on river restoration"]
    assert len(titles(window)) == 3

    app.dialogs.confirm = True
    qtbot.keyClick(window.library_view, Qt.Key.Key_Delete)
    assert "Field notes on river restoration" not in titles(window)
    assert len(titles(window)) == 2
    assert not window.reader.toPlainText().startswith("Field notes")

    qtbot.keyClick(window.library_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Field notes on river restoration" in titles(window)
    assert window.reader.toPlainText().startswith("Field notes on river restoration")


def test_file_import_dialog(qtbot, window, app, pages):
    app.dialogs.files_to_choose = [str(pages / "quiet-hours.md"), str(pages / "field-notes.html")]
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    report = wait_for_import(qtbot, window)
    assert report.imported == 2


def test_file_import_folder_imports_every_page_in_it(qtbot, window, app, pages):
    app.dialogs.folder_to_choose = str(pages)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    report = wait_for_import(qtbot, window)
    assert report.imported == 3 and sorted(titles(window)) == sorted(
        ["Field notes on river restoration", "Quiet hours in the reading room", "青溪市图书馆举办第三届阅读周活动"])


def test_pasting_file_urls_imports_them(qtbot, window, pages):
    # A file manager's copy, as text: one file URL per line. (Handing QClipboard a
    # QMimeData made in Python leaves two owners of it, and a crash at exit.)
    QGuiApplication.clipboard().setText(QUrl.fromLocalFile(str(pages / "quiet-hours.md")).toString() + "\n")
    window.library_view.setFocus()
    qtbot.keyClick(window.library_view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    report = wait_for_import(qtbot, window)
    assert titles(window) == ["Quiet hours in the reading room"]
    assert report.imported == 1


def test_links_open_in_the_system_browser_only_when_clicked(qtbot, window, app, pages):
    import_and_wait(qtbot, window, [pages / "field-notes.html"])
    assert app.dialogs.opened_urls == []
    reader = window.reader
    block = reader.document().findBlockByNumber(2)
    assert "https://gazette.example.org" in block.text()
    rect = reader.document().documentLayout().blockBoundingRect(block).toRect()
    point = QPoint(rect.left() + 20, rect.center().y())
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert app.dialogs.opened_urls == ["https://gazette.example.org/science/river-restoration"]


def test_the_window_stays_responsive_and_cancellable_during_a_big_import(qtbot, window, pages, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    source = (pages / "library-week.txt").read_text(encoding="utf-8")
    for n in range(500):
        (folder / f"page-{n:03}.txt").write_text(source.replace("第三届", f"第{n}届"), encoding="utf-8")
    ticks = []
    timer_id = window.startTimer(5)
    window.timerEvent = lambda event: ticks.append(event.timerId())
    drop(window, [folder])
    task = window.tasks.running["Importing"]
    qtbot.waitUntil(lambda: task.progress_bar.value() >= 20, timeout=60_000)
    assert task.progress_bar.maximum() == 500 and task.isVisible()
    assert len(ticks) >= 5, "the event loop did not run while importing"
    qtbot.mouseClick(task.cancel_button, Qt.MouseButton.LeftButton)
    report = wait_for_import(qtbot, window)
    window.killTimer(timer_id)
    assert report.cancelled
    assert 20 <= report.imported < 500
    assert window.library_model.rowCount() == report.imported
    assert window.tasks.running == {}


def test_library_rows_fit_the_sidebar_of_a_library_opened_at_launch(qtbot, app, pages):
    from reader.importing import import_files
    from reader.store import Library

    library = Library(app.library_path)
    list(import_files(library, [pages / "library-week.txt", pages / "quiet-hours.md"], processes=1))
    library.close()
    window = app.launch()
    view = window.library_view
    qtbot.waitUntil(lambda: view.model().rowCount() == 2)
    for sizes in ([290, 740, 320], [200, 830, 320], [360, 670, 320]):
        window.splitter.setSizes(sizes)
        qtbot.waitUntil(lambda: view.visualRect(view.model().index(0)).width() == view.viewport().width())
        assert view.visualRect(view.model().index(1)).width() == view.viewport().width()
        assert not view.horizontalScrollBar().isVisible()


def test_closing_keeps_a_deletion_undoable_and_undo_says_when_it_cannot(qtbot, app, window, pages):
    """Closing no longer purges at once; an article another program removed for good is said to be gone."""
    import_and_wait(qtbot, window, [pages])
    open_title(qtbot, window, "Field notes on river restoration")
    window.library_view.setFocus()
    qtbot.keyClick(window.library_view, Qt.Key.Key_Delete)
    window.close()
    again = app.launch()
    assert len(titles(again)) == 2
    deleted = again.library.db.execute("SELECT id FROM articles WHERE deleted_at IS NOT NULL").fetchone()[0]
    assert again.library.restore(deleted) == deleted  # still there to bring back after the close
    again.reload_library(deleted)
    open_title(qtbot, again, "Field notes on river restoration")
    again.delete_action.trigger()  # Edit ▸ Delete Article
    assert len(titles(again)) == 2
    again.library.db.execute("DELETE FROM articles WHERE id = ?", [deleted])  # another program purges it
    again.undo_action.trigger()  # Edit ▸ Undo
    assert "Field notes on river restoration” cannot be brought back" in again.statusBar().currentMessage()
