"""Your place in each article, zoom, and Back/Forward, as a reader meets them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication

from reader.model import Article, Highlight
from reader.render import render_markdown
from reader.ui.library_delegate import progress_label
from reader.ui.library_model import PROGRESS_ROLE
from reader.ui.reading_place import SAVE_DELAY_MS

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def long_article(name: str, sections: int = 8) -> Article:
    """Several screens of Chinese and English text under headings."""
    body = "\n\n".join(
        f"## {name}第{s}节:开发区 section {s}\n\n" + "\n\n".join(
            f"{name}段落{s}.{p}:安徽省开发区协会是政府部门与专家学者沟通交流的纽带和桥梁, "
            f"a platform where regions learn from each other ({s}.{p}). " * 3
            for p in range(5)
        )
        for s in range(sections)
    )
    rendered = render_markdown(body)
    return Article(title=f"{name} 报告", markdown=body, text=rendered.text, sections=rendered.sections,
                   language="zh", published=f"2024-0{len(name)}-01")


def add(window, *articles: Article) -> list[int]:
    ids = [window.library.add(article)[0] for article in articles]
    window.reload_library()
    return ids


def click_article(qtbot, window, article_id: int) -> None:
    index = window.library_model.index(window.library_model.row_of(article_id))
    window.library_view.scrollTo(index)
    qtbot.mouseClick(window.library_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.library_view.visualRect(index).center())
    assert window.current_id == article_id


def page_down(qtbot, window, times: int) -> None:
    window.reader.setFocus()
    for _ in range(times):
        qtbot.keyClick(window.reader, Qt.Key.Key_PageDown)


def top_line(reader) -> str:
    """The text of the first line at least half in view: what the reader reads first."""
    y = 0
    while True:
        cursor = reader.cursorForPosition(QPoint(reader.viewport().width() // 2, y))
        block = cursor.block()
        line = block.layout().lineForTextPosition(cursor.positionInBlock())
        top = reader.document().documentLayout().blockBoundingRect(block).top() + line.y()
        top -= reader.verticalScrollBar().value()
        if top + line.height() / 2 > 0:
            return block.text()[line.textStart():line.textStart() + line.textLength()]
        y = int(top + line.height()) + 1


def body_line_height(reader) -> float:
    """The height of a body line on screen at the top of the view."""
    cursor = reader.cursorForPosition(QPoint(reader.viewport().width() // 2, 4))
    return cursor.block().layout().lineAt(0).height()


def heading_size(reader, number: int) -> float:
    block = reader.document().findBlockByNumber(reader.section_tracker.heading_blocks[number])
    return block.begin().fragment().charFormat().font().pointSizeF()


@pytest.fixture
def reading(window):
    window.resize(1100, 640)
    return window


def test_switching_away_and_back_keeps_your_place(qtbot, reading):
    window = reading
    first, second = add(window, long_article("甲"), long_article("乙"))
    click_article(qtbot, window, first)
    page_down(qtbot, window, 6)
    place, line = window.reader.first_visible_offset(), top_line(window.reader)
    assert place > 0 and line in window.library.get(first).article.text

    click_article(qtbot, window, second)
    assert window.reader.first_visible_offset() == 0 and top_line(window.reader).startswith("乙")
    click_article(qtbot, window, first)
    assert window.reader.first_visible_offset() == place
    assert top_line(window.reader) == line
    assert window.library.get(first).position == place


def test_scrolling_is_saved_when_it_stops_and_the_list_shows_progress(qtbot, reading):
    window = reading
    [article] = add(window, long_article("甲"))
    click_article(qtbot, window, article)
    page_down(qtbot, window, 8)
    place = window.reader.first_visible_offset()
    assert window.library.get(article).position != place  # not written on every scroll step
    qtbot.waitUntil(lambda: window.library.get(article).position == place, timeout=SAVE_DELAY_MS * 4)
    progress = window.library.get(article).progress
    assert 0.2 < progress < 0.9
    row = window.library_model.index(window.library_model.row_of(article))
    assert row.data(PROGRESS_ROLE) == progress
    assert progress_label(progress) == f"{round(progress * 100)}%"

    window.reader.verticalScrollBar().setValue(window.reader.verticalScrollBar().maximum())  # dragged to the end
    window.close()
    assert window.library.get(article).progress == 1.0
    assert progress_label(1.0) == "Read" and progress_label(0.0) == ""


def test_after_a_restart_the_last_article_opens_at_its_place(qtbot, app):
    window = app.launch()
    window.resize(780, 560)  # within the headless screen, which a restored geometry is kept inside
    window.splitter.setSizes([180, 420, 180])
    first, _ = add(window, long_article("甲"), long_article("乙"))
    click_article(qtbot, window, first)
    page_down(qtbot, window, 5)
    place, line = window.reader.first_visible_offset(), top_line(window.reader)
    window.close()

    again = app.launch()
    assert again.current_id == first
    assert again.reader.first_visible_offset() == place
    assert top_line(again.reader) == line


def test_ctrl_plus_makes_the_text_bigger_and_keeps_the_first_line(qtbot, reading):
    window = reading
    [article] = add(window, long_article("甲"))
    click_article(qtbot, window, article)
    page_down(qtbot, window, 5)
    reader = window.reader
    place, line, height, heading = reader.first_visible_offset(), top_line(reader), body_line_height(reader), heading_size(reader, 2)
    offset_in_text = reader._article.text.index(line)

    qtbot.keyClick(reader, Qt.Key.Key_Plus, CTRL)
    assert reader.zoom > 1
    assert body_line_height(reader) > height and heading_size(reader, 2) > heading
    assert reader.first_visible_offset() <= offset_in_text < reader.first_visible_offset() + len(top_line(reader))
    qtbot.keyClick(reader, Qt.Key.Key_Equal, CTRL)
    bigger = body_line_height(reader)
    assert reader.first_visible_offset() <= place + len(line)

    qtbot.keyClick(reader, Qt.Key.Key_Minus, CTRL)
    assert body_line_height(reader) < bigger
    qtbot.keyClick(reader, Qt.Key.Key_0, CTRL)
    assert reader.zoom == 1 and body_line_height(reader) == height
    assert reader.first_visible_offset() == place and top_line(reader) == line
    assert window.zoom.zoom_in_action.text() == "Zoom &In"


def wheel(widget, notches: int) -> None:
    event = QWheelEvent(QPointF(50, 50), QPointF(widget.mapToGlobal(QPoint(50, 50))), QPoint(0, 0),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton, CTRL, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_ctrl_wheel_up_makes_the_text_bigger_from_the_first_notch(qtbot, reading):
    window = reading
    [article] = add(window, long_article("甲"))
    click_article(qtbot, window, article)
    reader = window.reader
    page_down(qtbot, window, 3)
    height, place = body_line_height(reader), reader.first_visible_offset()
    wheel(reader.viewport(), 1)
    assert reader.zoom == 1.1 and body_line_height(reader) > height
    wheel(reader.viewport(), -2)
    assert reader.zoom == 0.9 and body_line_height(reader) < height
    assert abs(reader.first_visible_offset() - place) < len(top_line(reader)) + 1


def test_contents_stay_on_the_section_you_are_reading_after_zoom(qtbot, reading):
    window = reading
    [article] = add(window, long_article("甲"))
    click_article(qtbot, window, article)
    reader, bar = window.reader, window.reader.verticalScrollBar()
    bar.setValue(reader.section_tracker.heading_rect_in_viewport(4).top() + bar.value() + 200)
    assert reader.section_tracker.current == 4
    text = reader._article.text
    section = text[text.index("甲第4节"):text.index("甲第5节")]
    for key in (Qt.Key.Key_Plus, Qt.Key.Key_Plus, Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_0):
        qtbot.keyClick(reader, key, CTRL)
        assert reader.section_tracker.current == 4
        assert window.toc_view.currentIndex() == window.toc_model.index_of(4)
        assert top_line(reader) in section


def test_zoom_is_remembered_for_every_article_after_a_restart(qtbot, app):
    window = app.launch()
    first, second = add(window, long_article("甲"), long_article("乙"))
    click_article(qtbot, window, first)
    height = body_line_height(window.reader)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Plus, CTRL)
    qtbot.keyClick(window.reader, Qt.Key.Key_Plus, CTRL)
    click_article(qtbot, window, second)
    assert window.reader.zoom == 1.25 and body_line_height(window.reader) > height
    window.close()
    again = app.launch()
    assert again.reader.zoom == 1.25 and body_line_height(again.reader) > height


def test_back_and_forward_after_following_a_contents_entry(qtbot, reading):
    window = reading
    [article] = add(window, long_article("甲"))
    click_article(qtbot, window, article)
    page_down(qtbot, window, 2)
    place = window.reader.first_visible_offset()
    index = window.toc_model.index_of(6)
    qtbot.mouseClick(window.toc_view.viewport(), Qt.MouseButton.LeftButton, pos=window.toc_view.visualRect(index).center())
    assert window.reader.section_tracker.current == 6
    there = window.reader.first_visible_offset()

    qtbot.keyClick(window.reader, Qt.Key.Key_Left, ALT)
    assert window.reader.first_visible_offset() == place
    assert not window.navigation.back_action.isEnabled()
    qtbot.keyClick(window.reader, Qt.Key.Key_Right, ALT)
    assert window.reader.first_visible_offset() == there and window.reader.section_tracker.current == 6
    qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.BackButton, pos=QPoint(100, 100))
    assert window.reader.first_visible_offset() == place
    window.navigation.forward_action.trigger()
    assert window.reader.first_visible_offset() == there


def test_back_after_opening_a_passage_from_all_annotations(qtbot, reading):
    window = reading
    first, second = add(window, long_article("甲"), long_article("乙"))
    text = window.library.get(first).article.text
    start = text.index("甲段落6.2")
    window.library.annotations.add(Highlight(article_id=first, start=start, end=start + 7, exact=text[start:start + 7]))
    click_article(qtbot, window, second)
    page_down(qtbot, window, 3)
    place = window.reader.first_visible_offset()

    window.library_pane.setCurrentWidget(window.all_annotations)
    view = window.all_annotations
    index = view.model.index(0)
    qtbot.mouseClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=view.view.visualRect(index).center())
    assert window.current_id == first and "甲段落6." in window.reader.toPlainText()
    assert window.reader.first_visible_offset() <= start <= text.index("\n", window.reader.first_visible_offset() + 1) + 2000

    window.navigation.back_action.trigger()
    assert window.current_id == second and window.reader.first_visible_offset() == place


def test_opening_a_search_result_goes_to_the_match_and_back_returns(qtbot, reading):
    window = reading
    first, second = add(window, long_article("甲"), long_article("乙"))
    click_article(qtbot, window, first)
    page_down(qtbot, window, 2)
    place = window.reader.first_visible_offset()
    window.filter_edit.setText("乙段落5.3")
    qtbot.waitUntil(lambda: window.library_model.rowCount() == 1)
    click_article(qtbot, window, second)
    start, end = window.finder.matches[window.finder.current]
    assert window.finder.bar.isVisible() and window.reader.document_map.text[start:end] == "乙段落5.3"
    assert window.reader.section_tracker.current == 5

    qtbot.keyClick(window.reader, Qt.Key.Key_Left, ALT)
    assert window.current_id == first and window.reader.first_visible_offset() == place


def test_list_json_reports_progress(qtbot, reading, app):
    window = reading
    [article] = add(window, long_article("甲"))
    click_article(qtbot, window, article)
    page_down(qtbot, window, 6)
    window.close()
    result = subprocess.run([sys.executable, "-m", "reader", "--library", str(app.library_path), "list", "--json"],
                            capture_output=True, text=True, check=True, timeout=60)

    [listed] = [json.loads(line) for line in result.stdout.splitlines()]
    assert 0.2 < listed["progress"] < 1 and listed["opened"].startswith("20")


def test_a_base_size_and_the_zoom_compose(qtbot):
    from reader.reading_style import ReadingStyle
    from reader.ui.reader_view import ReaderView

    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show_article(long_article("甲"))
    view.go_to_offset(900)
    place, height, heading = view.first_visible_offset(), body_line_height(view), heading_size(view, 1)
    view.set_zoom(1.1)
    view.set_reading_style(ReadingStyle(size=15))  # a reading-settings dialog's choice, under the same zoom
    assert view.point_size == pytest.approx(16.5)
    assert view.document().defaultFont().pointSizeF() == pytest.approx(16.5)
    assert heading_size(view, 1) == pytest.approx(heading * 15 / 12.5 * 1.1, abs=0.01)
    assert body_line_height(view) > height * 1.2
    assert view.first_visible_offset() == place


def test_the_library_list_draws_how_far_each_article_is_read(qtbot, reading):
    window = reading
    first, second, shown = add(window, long_article("甲"), long_article("乙"), long_article("丙"))
    assert window.current_id == shown
    window.library.set_position(first, 10, 0.45)
    window.reload_library()
    view = window.library_view
    accent = view.palette().color(QPalette.ColorRole.Highlight)

    def accent_run(article_id: int) -> int:
        """The longest run of accent pixels across the article's row: its progress bar."""
        rect = view.visualRect(window.library_model.index(window.library_model.row_of(article_id)))
        image = view.viewport().grab(rect).toImage()
        return max(sum(image.pixelColor(x, y) == accent for x in range(image.width())) for y in range(image.height()))

    width = view.visualRect(window.library_model.index(0)).width()
    assert 0.35 * width < accent_run(first) < 0.5 * width
    assert accent_run(second) == 0  # never opened before: no bar
