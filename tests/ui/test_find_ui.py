"""Find in the article as a reader does it: Ctrl+F, type, Enter, F3, Esc."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from reader.annotate import new_highlight
from reader.model import Article
from reader.render import render_markdown
from reader.ui.find_controller import tint

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
FILLER = "Nothing to find in this paragraph, only words to fill the screen with. " * 6
PARAGRAPHS = [
    "The river bank was quiet. A River runs through it.",
    "青溪市的河流治理，river 工程完成后水质明显改善。",
    "Ｒｉｖｅｒ work in full-width letters; and plain ASCII abc, def.",
    *[FILLER] * 12,
    "Long after, the last river of the day.",
]


def add_article(window, title: str, paragraphs: list[str]) -> int:
    markdown = "\n\n".join(paragraphs)
    rendered = render_markdown(markdown)
    article_id, _ = window.library.add(
        Article(title=title, markdown=markdown, text=rendered.text, html=rendered.html, language="zh")
    )
    return article_id


def open_new(qtbot, window, paragraphs: list[str] = PARAGRAPHS, title: str = "Rivers") -> int:
    window.resize(1200, 700)
    article_id = add_article(window, title, paragraphs)
    window.reload_library(article_id)
    assert window.current_id == article_id
    window.reader.setFocus()
    return article_id


def type_text(qtbot, widget, text: str) -> None:
    """Key presses carrying each character (QTest.keyClicks crashes on characters beyond Latin-1)."""
    for character in text:
        if character.isascii():
            qtbot.keyClicks(widget, character)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, character))


def find(qtbot, window, query: str) -> None:
    """Ctrl+F from the article, then type the query."""
    qtbot.keyClick(window.reader, Qt.Key.Key_F, CTRL)
    assert window.finder.bar.isVisible() and window.finder.bar.edit.hasFocus()
    type_text(qtbot, window.finder.bar.edit, query)


def count(window) -> str:
    return window.finder.bar.count.text()


def find_tints(window) -> list:
    """The view's extra selections in find's orange (highlights are the rest)."""
    tints = (tint(window.reader.theme, False), tint(window.reader.theme, True))
    return [s for s in window.reader.extraSelections() if s.format.background().color() in tints]


def current_match(window) -> str:
    """The text under the strong tint."""
    [current] = [s for s in find_tints(window) if s.format.background().color() == tint(window.reader.theme, True)]
    return current.cursor.selectedText()


def on_screen(window, start: int) -> bool:
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.document_map.to_document(start))
    return window.reader.viewport().rect().contains(window.reader.cursorRect(cursor).center())


def test_typing_counts_matches_and_enter_steps_through_them(qtbot, window):
    open_new(qtbot, window)
    find(qtbot, window, "river")
    assert count(window) == "1 of 5"
    assert current_match(window) == "river"
    assert window.finder.matches[0] == (4, 9)
    edit = window.finder.bar.edit
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert count(window) == "2 of 5" and current_match(window) == "River"
    qtbot.keyClick(edit, Qt.Key.Key_Return, SHIFT)
    qtbot.keyClick(edit, Qt.Key.Key_Return, SHIFT)
    assert count(window) == "5 of 5"  # wrapped around to the last, far below
    assert on_screen(window, window.finder.matches[4][0])
    qtbot.keyClick(edit, Qt.Key.Key_F3)
    assert count(window) == "1 of 5"
    assert on_screen(window, 4)
    qtbot.keyClick(window.reader, Qt.Key.Key_F3, SHIFT)
    assert count(window) == "5 of 5"
    qtbot.keyClicks(edit, "s of nowhere")
    assert count(window) == "No matches" and find_tints(window) == []


def test_every_match_on_screen_is_tinted_the_current_one_stronger(qtbot, window):
    open_new(qtbot, window)
    find(qtbot, window, "river")
    texts = [selection.cursor.selectedText() for selection in find_tints(window)]
    assert texts == ["river", "River", "river", "Ｒｉｖｅｒ"]  # the fifth is screens below
    colours = [selection.format.background().color() for selection in find_tints(window)]
    current, other = tint(window.reader.theme, True), tint(window.reader.theme, False)
    assert colours == [current, other, other, other]
    assert current.alpha() > other.alpha()


def test_esc_clears_the_tints_and_keeps_the_highlights(qtbot, window):
    article_id = open_new(qtbot, window)
    stored = window.library.get(article_id)
    window.library.annotations.add(new_highlight(stored, 0, 14))
    window.current_id = None
    window.reload_library(article_id)
    window.reader.setFocus()
    qtbot.waitUntil(lambda: window.reader.highlight_layer.all_placed)
    assert len(window.reader.extraSelections()) == 1
    find(qtbot, window, "river")
    assert len(window.reader.extraSelections()) == 1 + 4
    assert window.reader.extraSelections()[0].cursor.selectedText() == "The river bank"
    qtbot.keyClick(window.finder.bar.edit, Qt.Key.Key_Escape)
    assert not window.finder.bar.isVisible()
    [highlight] = window.reader.extraSelections()
    assert highlight.cursor.selectedText() == "The river bank"
    assert window.reader.textCursor().selectedText() == "river"  # the match stays selected, ready for H


def test_esc_in_the_article_closes_the_bar_too(qtbot, window):
    open_new(qtbot, window)
    find(qtbot, window, "river")
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Escape)
    assert not window.finder.bar.isVisible() and window.reader.extraSelections() == []


def test_full_width_and_ascii_find_each_other(qtbot, window):
    open_new(qtbot, window)
    find(qtbot, window, "ａｂｃ，")
    assert count(window) == "1 of 1" and current_match(window) == "abc,"
    window.finder.bar.edit.clear()
    qtbot.keyClicks(window.finder.bar.edit, "work")
    assert count(window) == "1 of 1"
    window.finder.bar.edit.clear()
    qtbot.keyClicks(window.finder.bar.edit, "river work")
    assert current_match(window) == "Ｒｉｖｅｒ work"
    window.finder.bar.edit.clear()
    type_text(qtbot, window.finder.bar.edit, "治理,RIVER")
    assert current_match(window) == "治理，river"


def test_a_query_with_a_space_matches_across_a_line_break(qtbot, window):
    words = " ".join(f"word{number}" for number in range(150))
    open_new(qtbot, window, ["First.", words])
    block = window.reader.document().findBlock(window.reader.document_map.to_document(10))
    line = block.layout().lineAt(0)
    cut = line.textStart() + line.textLength()  # where Qt wrapped the paragraph's first line
    before, after = block.text()[:cut].split()[-1], block.text()[cut:].split()[0]
    find(qtbot, window, f"{before} {after}")
    assert count(window) == "1 of 1"
    [tint] = find_tints(window)
    start, end = QTextCursor(window.reader.document()), QTextCursor(window.reader.document())
    start.setPosition(tint.cursor.selectionStart())
    end.setPosition(tint.cursor.selectionEnd())
    assert window.reader.cursorRect(start).top() < window.reader.cursorRect(end).top()


def test_a_query_matches_across_paragraphs(qtbot, window):
    open_new(qtbot, window)
    find(qtbot, window, "through it. 青溪市")
    assert count(window) == "1 of 1"
    assert current_match(window) == "through it.\u2029青溪市"


def test_ctrl_k_and_ctrl_shift_f_go_to_the_library_search(qtbot, window):
    open_new(qtbot, window)
    qtbot.keyClick(window.reader, Qt.Key.Key_K, CTRL)
    assert window.filter_edit.hasFocus() and not window.finder.bar.isVisible()
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_F, CTRL | SHIFT)
    assert window.filter_edit.hasFocus()


def test_ctrl_f_without_an_article_goes_to_the_library_search(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert window.filter_edit.hasFocus() and not window.finder.bar.isVisible()


def test_opening_a_search_result_shows_its_first_hit(qtbot, window):
    other = open_new(qtbot, window, ["Nothing here."], title="Other")
    wanted = add_article(window, "Hidden", [FILLER] * 20 + ["The heron nests here.", FILLER, "A heron again."])
    window.reload_library(other)
    qtbot.keyClick(window.reader, Qt.Key.Key_K, CTRL)
    qtbot.keyClicks(window.filter_edit, "heron")
    qtbot.waitUntil(lambda: window.library_model.rowCount() == 1)
    rect = window.library_view.visualRect(window.library_model.index(0))
    qtbot.mouseClick(window.library_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_id == wanted
    assert window.finder.bar.isVisible() and window.finder.bar.query == "heron"
    assert count(window) == "1 of 2" and current_match(window) == "heron"
    assert on_screen(window, window.finder.matches[0][0])
    assert window.library_view.hasFocus()  # Down goes on to the next result
    second = add_article(window, "Also hidden", [FILLER] * 10 + ["Herons, again."])
    window.filter_library("heron")
    rect = window.library_view.visualRect(window.library_model.index(window.library_model.row_of(second)))
    qtbot.mouseClick(window.library_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_id == second
    assert count(window) == "1 of 1" and current_match(window) == "Heron"
    assert on_screen(window, window.finder.matches[0][0])


def test_a_long_article_tints_only_near_the_screen_and_counts_everything(qtbot, window):
    open_new(qtbot, window, ["river " * 200] * 100)
    find(qtbot, window, "river")
    assert count(window) == "1 of 20,000"
    near = len(find_tints(window))
    assert 0 < near < 5_000
    window.reader.verticalScrollBar().setValue(window.reader.verticalScrollBar().maximum())
    starts = [tint.cursor.selectionStart() for tint in find_tints(window)]
    last = window.reader.document_map.to_document(window.finder.matches[-1][0])
    assert last in starts and len(starts) < 5_000


def test_a_highlight_made_while_finding_keeps_the_tints(qtbot, window):
    open_new(qtbot, window)
    find(qtbot, window, "river")
    window.reader.select_range(0, 14)
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: window.reader.highlight_layer.all_placed)
    assert [h.exact for h in window.library.annotations.for_article(window.current_id)] == ["The river bank"]
    assert [selection.cursor.selectedText() for selection in find_tints(window)] == ["river", "River", "river", "Ｒｉｖｅｒ"]
    assert window.reader.extraSelections()[0].cursor.selectedText() == "The river bank"


def test_deleting_the_last_article_closes_the_bar(qtbot, window):
    open_new(qtbot, window)
    find(qtbot, window, "river")
    window.library_view.setFocus()
    qtbot.keyClick(window.library_view, Qt.Key.Key_Delete)
    assert window.reader_stack.currentWidget() is window.welcome
    assert not window.finder.bar.isVisible()


def test_matches_after_emoji_are_tinted_where_they_are(qtbot, window):
    """Emoji are two UTF-16 units in Qt and one code point in the article's text."""
    open_new(qtbot, window, ["😀😀 ｆｉｎｄ 👍🏽 find", "ﬁnd 😀 FIND"])
    find(qtbot, window, "find")
    assert [selection.cursor.selectedText() for selection in find_tints(window)] == ["ｆｉｎｄ", "find", "ﬁnd", "FIND"]


def test_a_new_theme_keeps_the_matches_tinted_in_its_own_find_colour(qtbot, window):
    from tests.ui.test_theme_ui import click_menu  # a user's clicks down the menu bar

    open_new(qtbot, window)
    find(qtbot, window, "river")
    light = tint(window.reader.theme, True)
    try:
        click_menu(qtbot, window, "View", "Theme", "Dark")
        assert window.reader.theme.dark and tint(window.reader.theme, True) != light
        assert [s.cursor.selectedText() for s in find_tints(window)] == ["river", "River", "river", "Ｒｉｖｅｒ"]
        assert count(window) == "1 of 5"
    finally:
        click_menu(qtbot, window, "View", "Theme", "Light")
