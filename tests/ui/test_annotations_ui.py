"""Highlighting as a reader does it: select, pick a colour, write a note, undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QTextCharFormat, QTextCursor

from reader.model import COLORS
from tests.ui.conftest import drop, import_and_wait, wait_for_import

PASSAGE = "古籍修复中心首次对公众开放"
ENGLISH = "a small team of ecologists"


def select_passage(qtbot, window, passage: str) -> None:
    """Drag the mouse across ``passage`` in the reading view."""
    reader = window.reader
    document = reader.document()
    found = document.find(passage)
    assert not found.isNull(), passage
    start = QTextCursor(document)
    start.setPosition(found.selectionStart())
    end = QTextCursor(document)
    end.setPosition(found.selectionEnd())
    reader.ensureCursorVisible()
    reader.setTextCursor(start)
    reader.ensureCursorVisible()
    begin_point = reader.cursorRect(start).center()
    end_point = reader.cursorRect(end).center()
    viewport = reader.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=begin_point)
    qtbot.mouseMove(viewport, pos=end_point)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end_point)
    assert reader.textCursor().selectedText() == passage


def open_chinese(qtbot, window, pages):
    import_and_wait(qtbot, window, [pages / "library-week.txt"])
    window.resize(1300, 800)


def pane_texts(window) -> list[str]:
    model, texts = window.annotation_pane.model, []
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        texts.extend(model.index(row, 0, parent).data() for row in range(model.rowCount(parent)))
    return texts


def test_toolbar_highlights_the_selection_in_the_chosen_colour(qtbot, window, pages):
    open_chinese(qtbot, window, pages)
    select_passage(qtbot, window, PASSAGE)
    toolbar = window.reader.toolbar
    assert toolbar.isVisible()
    qtbot.mouseClick(toolbar.color_buttons["green"], Qt.MouseButton.LeftButton)
    [highlight] = window.library.annotations.for_article(window.current_id)
    assert (highlight.exact, highlight.color) == (PASSAGE, "green")
    assert highlight.section_path == ["古籍修复:年轻人走近传统技艺"]
    assert window.reader.extraSelections()[0].cursor.selectedText() == PASSAGE
    green = QColor(COLORS["green"])
    assert window.reader.extraSelections()[0].format.background().color().name() in {green.name(), green.darker(112).name()}
    assert pane_texts(window) == [f"“{PASSAGE}”"]
    assert window.annotation_pane.model.index(0, 0).data() == "古籍修复:年轻人走近传统技艺"


def test_keyboard_h_uses_the_last_colour_and_undo_redo_work(qtbot, window, pages):
    open_chinese(qtbot, window, pages)
    select_passage(qtbot, window, PASSAGE)
    qtbot.mouseClick(window.reader.toolbar.color_buttons["red"], Qt.MouseButton.LeftButton)
    select_passage(qtbot, window, "修复师将现场演示补书")
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    colours = [h.color for h in window.library.annotations.for_article(window.current_id)]
    assert colours == ["red", "red"]
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.library.annotations.for_article(window.current_id)) == 1
    assert len(window.reader.extraSelections()) == 1
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(window.library.annotations.for_article(window.current_id)) == 2


def test_a_note_is_added_edited_and_marks_the_highlight(qtbot, window, pages):
    open_chinese(qtbot, window, pages)
    select_passage(qtbot, window, PASSAGE)
    qtbot.keyClick(window.reader, Qt.Key.Key_N)
    pane = window.annotation_pane
    assert window.contents_pane.currentWidget() is pane
    assert pane.note_edit.hasFocus()
    pane.note_edit.insertPlainText("值得**关注**")  # QTest types ASCII only
    qtbot.keyClick(pane.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [highlight] = window.library.annotations.for_article(window.current_id)
    assert highlight.note == "值得**关注**"
    assert pane_texts(window) == [f"“{PASSAGE}”\n✎ 值得**关注**"]
    selections = window.reader.extraSelections()
    assert selections[0].format.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline

    pane.note_edit.selectAll()
    pane.note_edit.insertPlainText("改过的笔记")
    qtbot.keyClick(pane.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.library.annotations.get(highlight.id).note == "改过的笔记"
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.library.annotations.get(highlight.id).note == "值得**关注**"


def test_recolour_tag_and_filter_in_the_pane(qtbot, window, pages):
    open_chinese(qtbot, window, pages)
    for passage in (PASSAGE, "修复师将现场演示补书", "亲子共读"):
        select_passage(qtbot, window, passage)
        qtbot.keyClick(window.reader, Qt.Key.Key_H)
    pane = window.annotation_pane
    by_text = {h.exact: h for h in window.library.annotations.for_article(window.current_id)}
    pane.select(by_text["修复师将现场演示补书"].id)
    qtbot.mouseClick(pane.color_buttons["blue"], Qt.MouseButton.LeftButton)
    pane.tags_edit.setFocus()
    pane.tags_edit.insert("技艺, 古籍")
    qtbot.keyClick(pane.tags_edit, Qt.Key.Key_Return)
    highlights = window.library.annotations.for_article(window.current_id)
    assert [(h.exact, h.color, h.tags) for h in highlights] == [  # reading order
        ("亲子共读", "yellow", []), (PASSAGE, "yellow", []), ("修复师将现场演示补书", "blue", ["技艺", "古籍"])]

    pane.color_filter.setCurrentIndex(pane.color_filter.findData("blue"))
    assert pane_texts(window) == ["“修复师将现场演示补书”\n#技艺 #古籍"]
    pane.color_filter.setCurrentIndex(0)
    pane.tag_filter.setCurrentIndex(pane.tag_filter.findData("古籍"))
    assert len(pane_texts(window)) == 1
    pane.tag_filter.setCurrentIndex(0)
    assert len(pane_texts(window)) == 3


def test_clicking_in_the_pane_scrolls_to_the_passage_and_clicking_a_highlight_selects_it(qtbot, window, pages):
    open_chinese(qtbot, window, pages)
    window.resize(1100, 500)
    select_passage(qtbot, window, "让乡村的孩子和城里的孩子读到一样多的好书")
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    window.reader.verticalScrollBar().setValue(0)
    pane = window.annotation_pane
    index = pane.model.index(0, 0, pane.model.index(0, 0))
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=pane.view.visualRect(index).center())
    reader = window.reader
    assert reader.verticalScrollBar().value() > 0
    cursor = reader.document().find("让乡村的孩子")
    assert reader.viewport().rect().contains(reader.cursorRect(cursor).center())

    pane.view.clearSelection()
    pane.view.setCurrentIndex(pane.model.index(0, 0))
    point = reader.cursorRect(cursor).center()
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert pane.current is not None and pane.current.exact.startswith("让乡村的孩子")


def test_delete_key_removes_the_highlight_under_the_cursor_and_undo_restores_it(qtbot, window, pages):
    open_chinese(qtbot, window, pages)
    select_passage(qtbot, window, PASSAGE)
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    [highlight] = window.library.annotations.for_article(window.current_id)
    window.highlights.edit(highlight.id, "Edit note", note="保留这条笔记", tags=["古籍"])
    cursor = window.reader.document().find(PASSAGE)
    cursor.setPosition(cursor.selectionStart() + 2)
    window.reader.setTextCursor(cursor)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Delete)
    assert window.library.annotations.for_article(window.current_id) == []
    assert window.library.count() == 1
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    [back] = window.library.annotations.for_article(window.current_id)
    assert (back.exact, back.note, back.tags) == (PASSAGE, "保留这条笔记", ["古籍"])


def test_highlights_and_the_article_note_survive_a_relaunch(qtbot, app, pages):
    window = app.launch()
    open_chinese(qtbot, window, pages)
    select_passage(qtbot, window, PASSAGE)
    qtbot.mouseClick(window.reader.toolbar.color_buttons["purple"], Qt.MouseButton.LeftButton)
    window.annotation_pane.article_note.setFocus()
    window.annotation_pane.article_note.insertPlainText("整篇文章的笔记")
    window.annotation_pane.article_tags.setFocus()
    window.close()

    second = app.launch()
    [highlight] = second.library.annotations.for_article(second.current_id)
    assert (highlight.exact, highlight.color) == (PASSAGE, "purple")
    assert second.reader.extraSelections()[0].cursor.selectedText() == PASSAGE
    assert second.annotation_pane.article_note.toPlainText() == "整篇文章的笔记"


def test_copy_as_quote_with_source(qtbot, window, pages):
    open_chinese(qtbot, window, pages)
    select_passage(qtbot, window, PASSAGE)
    qtbot.mouseClick(window.reader.toolbar.quote_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == (
        f"> {PASSAGE}\n>\n> — 青溪市图书馆举办第三届阅读周活动, 青溪日报, 2021-04-23 09:15 "
        "<https://news.example.cn/qingxi/2021/0423/reading-week.html>\n"
    )


def test_colour_meanings_can_be_renamed(qtbot, window, app):
    app.dialogs.meanings_answer = {"red": "Wrong", "yellow": ""}
    window.edit_meanings()
    assert window.meanings["red"] == "Wrong" and window.meanings["yellow"] == "Key point"
    assert window.reader.toolbar.color_buttons["red"].toolTip() == "Wrong (red)"


def test_all_annotations_searches_the_library_and_opens_the_passage(qtbot, window, pages):
    import_and_wait(qtbot, window, [pages])
    for title, passage, note in (
        ("Field notes on river restoration", ENGLISH, "restoration by hand"),
        ("青溪市图书馆举办第三届阅读周活动", PASSAGE, "大学生最积极"),
    ):
        row = [window.library_model.index(r).data() for r in range(window.library_model.rowCount())].index(title)
        window.select_article(window.library_model.summary(row).id)
        select_passage(qtbot, window, passage)
        qtbot.keyClick(window.reader, Qt.Key.Key_H)
        [highlight] = window.library.annotations.for_article(window.current_id)
        window.highlights.edit(highlight.id, "Edit note", note=note)
    window.select_article(window.library_model.summary(0).id)

    window.library_pane.setCurrentWidget(window.all_annotations)
    view = window.all_annotations
    assert view.model.rowCount() == 2
    view.query.insert("大学生")
    assert view.model.rowCount() == 1
    index = view.model.index(0)
    assert PASSAGE in index.data() and "青溪市图书馆" in index.data()
    qtbot.mouseClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=view.view.visualRect(index).center())
    assert window.reader.toPlainText().startswith("青溪市图书馆举办第三届阅读周活动")
    assert window.annotation_pane.current.exact == PASSAGE
    view.query.clear()
    view.color.setCurrentIndex(view.color.findData("red"))
    assert view.model.rowCount() == 0


def test_all_annotations_finds_a_note_on_a_whole_article_and_opens_it(qtbot, window, pages):
    import_and_wait(qtbot, window, [pages])
    titles = [window.library_model.index(r).data() for r in range(window.library_model.rowCount())]
    chinese = window.library_model.summary(titles.index("青溪市图书馆举办第三届阅读周活动")).id
    window.select_article(chinese)
    pane = window.annotation_pane
    pane.article_note.insertPlainText("整篇文章的笔记:阅读周")
    qtbot.keyClick(pane.article_note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    window.select_article(window.library_model.summary(titles.index("Field notes on river restoration")).id)

    window.library_pane.setCurrentWidget(window.all_annotations)
    view = window.all_annotations
    view.query.insert("阅读周")
    assert view.model.rowCount() == 1
    index = view.model.index(0)
    assert "整篇文章的笔记" in index.data() and "青溪市图书馆" in index.data()
    qtbot.mouseClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=view.view.visualRect(index).center())
    assert window.current_id == chinese
    assert window.contents_pane.currentWidget() is pane
    view.color.setCurrentIndex(view.color.findData("yellow"))
    assert view.model.rowCount() == 0


def test_hovering_a_highlight_with_a_note_shows_the_note(qtbot, window, pages):
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    open_chinese(qtbot, window, pages)
    select_passage(qtbot, window, PASSAGE)
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    [highlight] = window.library.annotations.for_article(window.current_id)
    window.highlights.edit(highlight.id, "Edit note", note="悬停可见")
    reader = window.reader
    point = reader.cursorRect(reader.document().find("首次对公众")).center()
    QApplication.sendEvent(reader.viewport(), QHelpEvent(QHelpEvent.Type.ToolTip, point, reader.viewport().mapToGlobal(point)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text() == "悬停可见"


def test_reimport_moves_highlights_with_the_text_and_orphans_can_be_reattached(qtbot, window, app, pages, tmp_path):
    open_chinese(qtbot, window, pages)
    for passage in (PASSAGE, "修复师将现场演示补书"):
        select_passage(qtbot, window, passage)
        qtbot.keyClick(window.reader, Qt.Key.Key_H)
    article_id = window.current_id
    changed = tmp_path / "library-week-updated.txt"
    source = (pages / "library-week.txt").read_text(encoding="utf-8")
    changed.write_text(
        source.replace("据介绍,", "据主办方介绍,新增内容在这里。").replace("修复师将现场演示补书", "老师们将演示修补"),
        encoding="utf-8",
    )
    app.dialogs.files_to_choose = [str(changed)]
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.current_id == article_id
    assert "1 moved, 1 not found" in window.statusBar().currentMessage()
    assert "新增内容在这里" in window.reader.toPlainText()
    moved, orphan = window.library.annotations.for_article(article_id)
    assert (moved.exact, moved.state) == (PASSAGE, "moved")
    assert window.reader.extraSelections()[0].cursor.selectedText() == PASSAGE
    assert orphan.state == "orphaned"
    pane = window.annotation_pane
    assert "Not found in the current text" in [pane.model.index(r, 0).data() for r in range(pane.model.rowCount())]

    window.contents_pane.setCurrentWidget(pane)
    pane.select(orphan.id)
    assert pane.attach_button.isVisible()
    select_passage(qtbot, window, "老师们将演示修补")
    qtbot.mouseClick(pane.attach_button, Qt.MouseButton.LeftButton)
    attached = window.library.annotations.get(orphan.id)
    assert (attached.exact, attached.state) == ("老师们将演示修补", "anchored")


def test_importing_a_new_version_of_the_open_article_shows_it_with_its_highlights(qtbot, window, pages, tmp_path):
    open_chinese(qtbot, window, pages)
    select_passage(qtbot, window, PASSAGE)
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    newer = tmp_path / "library-week-v2.txt"
    newer.write_text(
        (pages / "library-week.txt").read_text(encoding="utf-8").replace("据介绍,", "据介绍(更新),"), encoding="utf-8"
    )
    import_and_wait(qtbot, window, [newer])
    assert "据介绍(更新)" in window.reader.toPlainText()
    assert window.library.count() == 1
    assert window.reader.extraSelections()[0].cursor.selectedText() == PASSAGE


def test_export_notes_from_the_window_with_a_preview(qtbot, window, app, pages, tmp_path):
    open_chinese(qtbot, window, pages)
    select_passage(qtbot, window, PASSAGE)
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    app.dialogs.export_answer = ("md", "all", str(tmp_path / "notes"))
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.exporting, timeout=30_000)
    [offer] = app.dialogs.export_offers
    assert (offer.current_title, offer.annotated) == ("青溪市图书馆举办第三届阅读周活动", 1)
    [written] = list((tmp_path / "notes").iterdir())
    assert written.name.startswith("青溪市图书馆举办第三届阅读周活动") and written.suffix == ".md"
    assert PASSAGE in written.read_text(encoding="utf-8")
    assert window.statusBar().currentMessage() == f"Exported 1 file to {tmp_path / 'notes'}"
    previews = [offer.preview(fmt, offer.default_scope) for fmt in ("md", "html", "json", "csv")]
    assert all(PASSAGE in text for text in previews)


def test_copy_one_highlight_as_markdown(qtbot, window, pages):
    open_chinese(qtbot, window, pages)
    select_passage(qtbot, window, PASSAGE)
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    copied = QGuiApplication.clipboard().text()
    assert PASSAGE in copied and "青溪市图书馆举办第三届阅读周活动" in copied


def test_copy_the_articles_notes_as_markdown(qtbot, window, pages):
    open_chinese(qtbot, window, pages)
    select_passage(qtbot, window, PASSAGE)
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    window.highlights.copy_article_notes()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("---\n") and f"> {PASSAGE}" in copied and "^hl-" in copied


def test_a_big_export_can_be_cancelled_and_writes_nothing(qtbot, window, pages, tmp_path):
    from reader.ui.export_worker import ExportChoice

    open_chinese(qtbot, window, pages)
    select_passage(qtbot, window, PASSAGE)
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    window.export_notes(ExportChoice("md", [window.current_id] * 3000, tmp_path / "out"))
    task = window.tasks.running["Exporting"]
    assert task.isVisible() and task.cancel_button.isVisible()
    qtbot.mouseClick(task.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.exporting, timeout=30_000)
    assert window.last_export.cancelled
    assert window.statusBar().currentMessage() == "Export cancelled; nothing was written."
    assert not (tmp_path / "out").exists()
    assert window.tasks.running == {}


def test_an_import_ending_during_an_export_leaves_the_exports_progress_and_cancel(qtbot, window, pages, tmp_path):
    from reader.ui.export_worker import ExportChoice

    open_chinese(qtbot, window, pages)
    select_passage(qtbot, window, PASSAGE)
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    window.export_notes(ExportChoice("md", [window.current_id] * 3000, tmp_path / "out"))
    exporting = window.tasks.running["Exporting"]
    window.last_report = None
    drop(window, [pages / "quiet-hours.md"])
    assert set(window.tasks.running) == {"Importing", "Exporting"}
    wait_for_import(qtbot, window)
    assert window.exporting, "the export is still running"
    assert window.tasks.running == {"Exporting": exporting} and exporting.cancel_button.isVisible()
    qtbot.mouseClick(exporting.cancel_button, Qt.MouseButton.LeftButton)  # stops the export, only
    qtbot.waitUntil(lambda: not window.exporting, timeout=30_000)
    assert window.last_export.cancelled and window.last_report.imported == 1
