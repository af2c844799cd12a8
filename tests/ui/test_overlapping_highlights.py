"""A highlight made over another one leaves it visible, and a click picks the inner one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor

from reader.annotate.overlaps import inner_highlights
from reader.model import Highlight
from tests.ui.test_selection_polish import drag_inside, open_english, point_at

OUTER = "a small team of ecologists has walked"
INNER = "team of"


def background_at(reader, image, position: int) -> str:
    """The colour just inside the top of the line at a document position, where no glyph is drawn."""
    cursor = QTextCursor(reader.document())
    cursor.setPosition(position)
    rect = reader.cursorRect(cursor)
    return image.pixelColor(rect.x() + 3, rect.top() + 2).name()


def test_an_outer_highlight_made_later_does_not_hide_the_inner_one(qtbot, window, pages):
    open_english(qtbot, window, pages)
    reader = window.reader
    drag_inside(qtbot, reader, INNER, 0, 0)
    qtbot.mouseClick(reader.toolbar.color_buttons["blue"], Qt.MouseButton.LeftButton)
    drag_inside(qtbot, reader, OUTER, 0, 0)
    qtbot.mouseClick(reader.toolbar.color_buttons["yellow"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reader.highlight_layer.all_placed and len(reader.extraSelections()) == 2)

    outer, inner = reader.extraSelections()
    assert (outer.cursor.selectedText(), inner.cursor.selectedText()) == (OUTER, INNER)
    assert inner.format.underlineStyle() == inner.format.UnderlineStyle.SingleUnderline
    assert inner.format.underlineColor() == QColor(window.theme.theme.underlines["blue"])

    image = reader.viewport().grab().toImage()
    start = reader.document().find(OUTER).selectionStart()
    overlap = reader.document().find(INNER).selectionStart() + 2
    assert background_at(reader, image, overlap) != background_at(reader, image, start + 3)

    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point_at(reader, overlap))
    assert window.annotation_pane.current.exact == INNER
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point_at(reader, start + 3))
    assert window.annotation_pane.current.exact == OUTER


def spans(*ranges: tuple[int, int]) -> list[Highlight]:
    return [Highlight(article_id=1, start=start, end=end, exact="") for start, end in ranges]


def test_inner_highlights_are_the_shorter_of_each_overlapping_pair():
    assert inner_highlights(spans((0, 10), (2, 5), (20, 30), (25, 40), (50, 60))) == {1, 2}
    assert inner_highlights(spans((0, 4), (4, 8))) == set()
    assert inner_highlights(spans((0, 4), (2, 6))) == {0, 1}
