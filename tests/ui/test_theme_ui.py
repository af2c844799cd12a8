"""View ▸ Theme and View ▸ Reading Settings… as a reader meets them: clicked in the menus, seen on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu

from reader.reading_style import ReadingStyle
from reader.themes import DARK, LIGHT, LIGHT_THEME, SEPIA_THEME, SYSTEM, luminance
from reader.ui.reading_dialog import ReadingSettingsDialog
from reader.ui.theme import apply_theme
from tests.ui.conftest import import_and_wait

CHINESE_TITLE = "青溪市图书馆举办第三届阅读周活动"
DARK_LUMINANCE = 0.15  # dark page and light text together; the light theme averages over 0.7


@pytest.fixture(autouse=True)
def light_afterwards():
    """A theme colours the whole application: later tests get the light look a new window has here.

    (Not an empty style sheet: Qt 6.11 crashes re-styling after one while closed windows await deletion.)
    """
    yield
    apply_theme(LIGHT_THEME)


def click_menu(qtbot, window, *path: str) -> None:
    """Open a menu in the menu bar and click down ``path`` (e.g. "View", "Theme", "Dark") as a user would."""
    def entry(actions, text):
        return next(a for a in actions if a.text().replace("&", "") == text)

    bar = window.menuBar()
    action = entry(bar.actions(), path[0])
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(action).center())
    menu: QMenu = action.menu()
    qtbot.waitUntil(menu.isVisible)
    for text in path[1:]:
        action = entry(menu.actions(), text)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
        if action.menu() is not None:
            menu = action.menu()
            qtbot.waitUntil(menu.isVisible)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    qtbot.wait(10)  # what the click queued


def mean_luminance(image: QImage) -> float:
    """Average WCAG luminance of a grab, sampled on a grid."""
    step = 7
    samples = [QColor(image.pixel(x, y)).name() for x in range(0, image.width(), step)
               for y in range(0, image.height(), step)]
    return sum(luminance(s) for s in samples) / len(samples)


def open_chinese_article(qtbot, window, pages) -> None:
    import_and_wait(qtbot, window, [pages / "library-week.txt"])
    assert window.reader.toPlainText().startswith(CHINESE_TITLE)


def document_height(window) -> float:
    return window.reader.document().documentLayout().documentSize().height()


def test_dark_theme_darkens_the_article_and_the_library(qtbot, window, pages):
    open_chinese_article(qtbot, window, pages)
    light_reader = mean_luminance(window.reader.viewport().grab().toImage())
    assert light_reader > 0.7
    click_menu(qtbot, window, "View", "Theme", "Dark")
    assert window.theme.actions[DARK].isChecked() and not window.theme.actions[SYSTEM].isChecked()
    qtbot.waitUntil(lambda: mean_luminance(window.reader.viewport().grab().toImage()) < DARK_LUMINANCE)
    assert mean_luminance(window.library_view.viewport().grab().toImage()) < DARK_LUMINANCE
    assert mean_luminance(window.grab().toImage()) < DARK_LUMINANCE  # no light patches left: panes, tabs, status bar
    # the text is still there and readable: light ink on the dark page
    assert window.reader.toPlainText().startswith(CHINESE_TITLE)
    assert window.reader.document().begin().charFormat().foreground().color().lightness() > 180


def test_sepia_is_neither_light_nor_dark(qtbot, window, pages):
    open_chinese_article(qtbot, window, pages)
    click_menu(qtbot, window, "View", "Theme", "Light")
    light = window.reader.viewport().grab().toImage()
    click_menu(qtbot, window, "View", "Theme", "Sepia")
    sepia = window.reader.viewport().grab().toImage()
    assert light != sepia
    corner = QColor(sepia.pixel(5, sepia.height() - 5))
    assert corner.name() == SEPIA_THEME.page != LIGHT_THEME.page
    assert corner.red() > corner.blue() + 15  # warm paper


def test_follow_system_tracks_the_desktops_colour_scheme(qtbot, window, pages):
    open_chinese_article(qtbot, window, pages)
    assert window.theme.actions[SYSTEM].isChecked()  # the default
    hints = QGuiApplication.styleHints()
    with qtbot.waitSignal(window.theme.changed):
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.theme.theme.name == DARK
    assert mean_luminance(window.reader.viewport().grab().toImage()) < DARK_LUMINANCE
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert window.theme.theme.name == LIGHT
    click_menu(qtbot, window, "View", "Theme", "Sepia")
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # a chosen theme stays
    assert window.theme.theme == SEPIA_THEME
    hints.colorSchemeChanged.emit(QGuiApplication.styleHints().colorScheme())


def test_the_theme_is_remembered_across_a_relaunch(qtbot, app, window, pages):
    open_chinese_article(qtbot, window, pages)
    click_menu(qtbot, window, "View", "Theme", "Dark")
    window.close()
    QApplication.instance().setPalette(QGuiApplication.palette())  # as a fresh process would start
    again = app.launch()
    assert again.theme.actions[DARK].isChecked()
    assert again.reader.toPlainText().startswith(CHINESE_TITLE)
    assert mean_luminance(again.reader.viewport().grab().toImage()) < DARK_LUMINANCE


def test_highlights_take_the_themes_fills(qtbot, window, pages):
    open_chinese_article(qtbot, window, pages)
    window.highlights.create(0, 8, "yellow", "fill")
    selection = window.reader.extraSelections()[0]
    light = selection.format.background().color()
    click_menu(qtbot, window, "View", "Theme", "Dark")
    qtbot.waitUntil(lambda: len(window.reader.extraSelections()) == 1)
    selection = window.reader.extraSelections()[0]
    dark = selection.format.background().color()
    assert dark.alpha() < 255 and dark.lightness() < light.lightness()


def test_reading_settings_set_every_article_and_are_remembered(qtbot, app, window, pages):
    open_chinese_article(qtbot, window, pages)
    before, margin = document_height(window), window.reader.document().rootFrame().frameFormat().leftMargin()
    chosen = ReadingStyle(latin_family="DejaVu Serif", cjk_family="Noto Serif CJK SC", line_height=200, measure=28)
    app.dialogs.reading_style_answer = chosen
    click_menu(qtbot, window, "View", "Reading Settings…")
    assert app.dialogs.reading_styles_offered == [ReadingStyle()]
    assert window.reader.toPlainText().startswith(CHINESE_TITLE)
    assert document_height(window) > before * 1.3  # taller lines, narrower column
    assert window.reader.document().rootFrame().frameFormat().leftMargin() > margin
    assert window.reader.document().defaultFont().families()[:2] == ["DejaVu Serif", "Noto Serif CJK SC"]
    window.close()
    again = app.launch()
    assert again.reader.document().defaultFont().families()[:2] == ["DejaVu Serif", "Noto Serif CJK SC"]
    assert again.reading.style == chosen
    click_menu(qtbot, again, "View", "Reading Settings…")
    assert app.dialogs.reading_styles_offered[-1] == chosen


def test_the_dialog_previews_the_settings_as_they_change(qtbot):
    dialog = ReadingSettingsDialog(ReadingStyle(), LIGHT_THEME)
    qtbot.addWidget(dialog)
    dialog.show()
    preview = dialog.preview.document()
    assert "阅读周" in preview.toPlainText() and "reading room" in preview.toPlainText()
    height = preview.size().height()
    dialog.line_height_box.setValue(220)
    assert dialog.preview.document().size().height() > height * 1.3
    serif = dialog.cjk_box.findData("Noto Serif CJK SC")
    assert serif > 0
    dialog.cjk_box.setCurrentIndex(serif)
    families = dialog.preview.document().defaultFont().families()
    assert families.index("Noto Serif CJK SC") < families.index("Noto Sans CJK SC")  # before the automatic choice
    assert dialog.reading_style() == ReadingStyle(cjk_family="Noto Serif CJK SC", line_height=220)
    restore = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.RestoreDefaults)
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    assert dialog.reading_style() == ReadingStyle()
    assert dialog.preview.document().size().height() == pytest.approx(height)


def test_a_new_theme_or_style_keeps_the_passage_being_read(qtbot, app, window, pages):
    open_chinese_article(qtbot, window, pages)
    window.resize(900, 400)
    window.reader.section_tracker.scroll_to(1)
    section, top = window.reader.section_tracker.current, window.reader.cursorForPosition(QPoint(0, 0)).position()
    assert section == 1 and top > 0
    click_menu(qtbot, window, "View", "Theme", "Sepia")
    assert window.reader.section_tracker.current == section
    assert abs(window.reader.cursorForPosition(QPoint(0, 0)).position() - top) < 40
    app.dialogs.reading_style_answer = ReadingStyle(size=16)
    click_menu(qtbot, window, "View", "Reading Settings…")
    assert window.reader.section_tracker.current == section
