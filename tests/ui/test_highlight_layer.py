"""The highlight layer: overlaps drawn in paint order, pieces handed to Qt as its layout reaches them."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QTextEdit

from reader.model import Article, Highlight
from reader.render import render_markdown
from reader.ui.reader_view import ReaderView

BODY = "First paragraph: a small team of ecologists has walked the coast.\n\nSecond paragraph, quieter."


def shown(qtbot, body: str = BODY) -> tuple[ReaderView, str]:
    rendered = render_markdown(body)
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    view.show_article(Article(title="Layers", markdown=body, text=rendered.text, sections=rendered.sections))
    return view, rendered.text


def span(text: str, passage: str, color: str = "yellow", **fields) -> Highlight:
    start = text.index(passage)
    return Highlight(article_id=1, start=start, end=start + len(passage), exact=passage, color=color, **fields)


def drawn(view: ReaderView) -> list[str]:
    return [selection.cursor.selectedText() for selection in view.extraSelections()]


def test_overlapping_highlights_are_painted_longest_first_whatever_their_order(qtbot):
    view, text = shown(qtbot)
    outer = span(text, "a small team of ecologists has walked", "yellow", id=1)
    inner = span(text, "team of", "blue", id=2)
    middle = span(text, "small team of ecologists", "green", id=3)
    for order in ([outer, inner, middle], [inner, middle, outer], [middle, outer, inner]):
        view.highlight_layer.set_highlights(order)
        assert view.highlight_layer.all_placed
        assert drawn(view) == [outer.exact, middle.exact, inner.exact]
    selections = view.extraSelections()
    outer_format, inner_format = selections[0].format, selections[2].format
    assert outer_format.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline
    assert inner_format.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    position = view.document_map.to_document(inner.start)
    assert view.highlight_layer.highlight_at(position) == inner  # the innermost, for a click there


def test_find_tints_go_over_the_highlights_and_leave_them_as_they_are(qtbot):
    view, text = shown(qtbot)
    highlight = span(text, "ecologists")
    view.highlight_layer.set_highlights([highlight])
    tint = QTextEdit.ExtraSelection()
    tint.cursor = view.highlight_layer.document_cursor(view.document_map.to_document(text.index("coast")),
                                                       view.document_map.to_document(text.index("coast") + 5))
    view.highlight_layer.set_find_selections([tint])
    assert drawn(view) == ["ecologists", "coast"]
    view.highlight_layer.set_find_selections([])
    assert drawn(view) == ["ecologists"] and view.highlight_layer.highlights == [highlight]


def test_a_highlight_is_one_piece_per_paragraph_and_orphans_are_not_drawn(qtbot):
    view, text = shown(qtbot)
    start = text.index("the coast")
    across = Highlight(article_id=1, start=start, end=text.index("quieter"), exact="", id=1)
    orphan = span(text, "small", id=2, state=Highlight.ORPHANED)
    empty = Highlight(article_id=1, start=start, end=start, exact="", id=3)
    view.highlight_layer.set_highlights([across, orphan, empty])
    assert view.highlight_layer.highlights == [across]
    assert drawn(view) == ["the coast.", "Second paragraph, "]


def test_the_active_highlight_is_drawn_stronger(qtbot):
    view, text = shown(qtbot)
    first, second = span(text, "ecologists", "green", id=1), span(text, "quieter", "green", id=2)
    view.highlight_layer.set_highlights([first, second])
    selections = view.extraSelections()
    plain = selections[0].format.background().color()
    view.highlight_layer.set_active(1)
    assert view.highlight_layer.active_id == 1 and view.highlight_layer.highlights == [first, second]
    selections = view.extraSelections()
    active, other = (selection.format.background().color() for selection in selections)
    assert active == QColor(*view.theme.fill("green", True)) != plain and other == plain


def test_far_highlights_are_placed_as_the_layout_reaches_them(qtbot):
    body = "\n\n".join(f"Paragraph {n} of a long report, with enough words to wrap a line or two." for n in range(3000))
    view, text = shown(qtbot, body)
    near, far = span(text, "Paragraph 2 ", id=1), span(text, "Paragraph 2999", id=2)
    view.highlight_layer.set_highlights([far, near])
    layout_reached = view.document().findBlock(view.document_map.to_document(far.end)).layout().lineCount()
    assert not layout_reached and not view.highlight_layer.all_placed
    assert drawn(view) == ["Paragraph 2 "]  # the one in view is drawn at once

    qtbot.waitUntil(lambda: view.highlight_layer.all_placed, timeout=20000)
    assert drawn(view) == ["Paragraph 2999", "Paragraph 2 "]  # in paint order: the longer first


def test_clearing_the_article_takes_its_highlights_away_first(qtbot):
    view, text = shown(qtbot)
    view.highlight_layer.set_highlights([span(text, "quieter", id=1)], 1)
    assert drawn(view) == ["quieter"]
    view.clear_article()  # clearing the text lays it out again: no highlight looks for its paragraph then
    assert view.extraSelections() == [] and view.highlight_layer.highlights == []
    assert view.highlight_layer.active_id is None and view.highlight_layer.all_placed
