"""Organising the library in the window: its order, reading states and corrected facts."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QStyleOptionViewItem

from reader.model import Article, ArticleInfo
from reader.ui.edit_info import EditInfoDialog
from reader.ui.library_model import DATE_ROLE, STATE_ROLE
from reader.ui.library_sort import collation_key
from tests.ui.test_place_ui import click_article, long_article, page_down


def add(window, *articles: Article) -> list[int]:
    ids = [window.library.add(article)[0] for article in articles]
    window.reload_library()
    return ids


def listed(window) -> list[str]:
    model = window.library_model
    return [model.summary(row).title for row in range(model.rowCount())]


def three(window) -> list[int]:
    return add(
        window,
        Article(title="北京 notes", markdown="一", text="一", published="2021-01-01"),
        Article(title="安徽 report", markdown="二", text="二"),
        Article(title="Zoo diary", markdown="三", text="三", published="2020-01-01"),
    )


NEWEST = ["北京 notes", "Zoo diary", "安徽 report"]


def test_titles_collate_by_the_locale_chinese_by_pinyin():
    key = collation_key(QLocale(QLocale.Language.Chinese))
    assert sorted(["中国", "北京", "安徽"], key=key) == ["安徽", "北京", "中国"]
    english = collation_key(QLocale(QLocale.Language.English))
    assert sorted(["b2", "B10", "a"], key=english) == ["a", "b2", "B10"]


def test_a_sort_chosen_above_the_list_reorders_it_and_survives_a_relaunch(qtbot, app):
    window = app.launch()
    window.library_sort.key = collation_key(QLocale(QLocale.Language.English))
    three(window)
    assert listed(window) == NEWEST  # no date: last, not as its import time
    combo = window.findChild(QComboBox, "librarySort")
    combo.setCurrentIndex(combo.findData("title"))
    combo.activated.emit(combo.currentIndex())
    assert listed(window) == ["Zoo diary", "北京 notes", "安徽 report"]
    assert window.library_sort.actions["title"].isChecked()
    qtbot.mouseClick(window.library_sort.direction, Qt.MouseButton.LeftButton)
    assert listed(window) == ["安徽 report", "北京 notes", "Zoo diary"]
    window.close()

    again = app.launch()
    again.library_sort.key = collation_key(QLocale(QLocale.Language.English))
    again.reload_library()
    assert again.library_sort.sort == "title" and again.library_sort.descending
    assert again.findChild(QComboBox, "librarySort").currentData() == "title"
    assert listed(again) == ["安徽 report", "北京 notes", "Zoo diary"]
    again.library_sort.actions["added"].trigger()
    assert listed(again) == ["Zoo diary", "安徽 report", "北京 notes"]
    again.library_sort.descending_action.trigger()
    assert listed(again) == ["北京 notes", "安徽 report", "Zoo diary"]


def test_a_page_without_a_date_shows_none_in_the_list(qtbot, window):
    three(window)
    model = window.library_model
    dates = {model.summary(row).title: model.index(row).data(DATE_ROLE) for row in range(model.rowCount())}
    assert dates["安徽 report"] == "" and dates["Zoo diary"]


def test_m_marks_the_article_read_and_unbolds_its_row(qtbot, window):
    first, *_ = three(window)
    window.select_article(first)
    row = window.library_model.row_of(first)
    index = window.library_model.index(row)
    delegate = window.library_view.itemDelegate()
    option = QStyleOptionViewItem()
    option.font = window.library_view.font()
    assert delegate.title_font(option, index).weight() == QFont.Weight.Bold
    window.library_view.setFocus()
    qtbot.keyClick(window.library_view, Qt.Key.Key_M)
    assert index.data(STATE_ROLE) == "read" and window.library.state(first) == "read"
    assert delegate.title_font(option, index).weight() != QFont.Weight.Bold
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_M)
    assert window.library.state(first) == "unread"
    window.filter_edit.setFocus()
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_M)  # typing a search: a letter, not a command
    assert window.library.state(first) == "unread" and window.filter_edit.text() == "m"
    qtbot.waitUntil(lambda: not window._filter_timer.isActive())


def test_edit_info_changes_the_title_in_the_list_and_the_reader_and_undo_restores_it(qtbot, window):
    first, *_ = three(window)
    window.select_article(first)
    window.dialogs.info_answer = {"title": "北京 corrected", "published": ""}
    window.article_menu.edit_action.trigger()
    assert window.dialogs.infos_offered[-1].title == "北京 notes"
    assert "北京 corrected" in listed(window)
    assert window.current_article.article.title == "北京 corrected"
    assert "北京 corrected" in window.reader.toPlainText()
    assert window.library.info(first).user_fields == ("title", "published")
    window.undo_action.trigger()
    assert "北京 notes" in listed(window) and "北京 corrected" not in listed(window)
    assert window.current_article.article.title == "北京 notes"
    assert window.library.info(first).user_fields == ()


def test_scrolling_past_the_first_screen_makes_it_reading_and_the_end_read(qtbot, window):
    window.resize(1100, 640)
    article = add(window, long_article("甲"))[0]
    click_article(qtbot, window, article)
    bar = window.reader.verticalScrollBar()
    bar.setValue(window.reader.viewport().height() // 3)  # a few lines: still the first screen
    window.place.save()
    assert window.library.state(article) == "unread"
    page_down(qtbot, window, 2)
    window.place.save()
    assert window.library.state(article) == "reading"
    assert window.library_model.index(window.library_model.row_of(article)).data(STATE_ROLE) == "reading"
    bar.setValue(bar.maximum())
    window.place.save()
    assert window.library.state(article) == "read"


def test_the_edit_info_dialog_returns_only_what_changed_and_wants_a_readable_date(qtbot):
    info = ArticleInfo(7, "标题", "甲", "报", "2021-04-23", "https://example.com/a.html")
    dialog = EditInfoDialog(info)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.edits["title"].setText("  新标题 ")
    dialog.edits["published"].setText("yesterday")
    assert not ok.isEnabled()
    dialog.edits["published"].setText("")
    assert ok.isEnabled()
    assert dialog.changes() == {"title": "新标题", "published": ""}
