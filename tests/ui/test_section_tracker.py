"""The section tracker: the current section follows scrolling, and a jump to a heading holds it."""

from __future__ import annotations

from reader.model import Article, Section
from reader.render import render_markdown
from reader.ui.reader_view import ReaderView
from reader.ui.section_tracker import READ_LINE

PARAGRAPH = "A paragraph of the report, long enough to wrap a line or two in a narrow reading view."


def sectioned(count: int = 6, paragraphs: int = 6) -> Article:
    body = "\n\n".join(f"Intro paragraph {n}. {PARAGRAPH}" for n in range(4))
    for number in range(count):
        body += f"\n\n## Part {number}\n\n" + "\n\n".join(f"{PARAGRAPH} ({number}.{n})" for n in range(paragraphs))
    rendered = render_markdown(body)
    return Article(title="Sections", markdown=body, text=rendered.text, sections=rendered.sections)


def shown(qtbot, article: Article) -> tuple[ReaderView, list[int]]:
    """A view showing the article, and the sections its ``section_changed`` has reported since."""
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    view.show_article(article)
    reported: list[int] = []
    view.section_changed.connect(reported.append)
    return view, reported


def heading_top(view: ReaderView, number: int) -> int:
    """Where section ``number``'s heading is in the document (its scroll value at the top)."""
    block = view.document().findBlockByNumber(view.section_tracker.heading_blocks[number])
    return int(view.document().documentLayout().blockBoundingRect(block).top())


def test_the_current_section_is_the_last_heading_above_the_reading_line(qtbot):
    view, reported = shown(qtbot, sectioned())
    tracker, bar = view.section_tracker, view.verticalScrollBar()
    own: list[int] = []
    tracker.section_changed.connect(own.append)
    assert tracker.current == -1  # the title and the intro come before the first heading
    assert [view.document().findBlockByNumber(b).text() for b in tracker.heading_blocks] == [
        f"Part {n}" for n in range(6)]

    bar.setValue(heading_top(view, 2) - READ_LINE - 1)
    assert tracker.current == 1
    bar.setValue(heading_top(view, 2) - READ_LINE)
    assert tracker.current == 2
    bar.setValue(0)
    assert tracker.current == -1
    assert own == reported == [1, 2, -1]  # the view re-emits the tracker's signal, once per change


def test_next_and_previous_move_between_headings(qtbot):
    view, reported = shown(qtbot, sectioned())
    tracker, bar = view.section_tracker, view.verticalScrollBar()
    tracker.next()
    assert tracker.current == 0 and bar.value() == heading_top(view, 0) - 12
    tracker.next()
    assert tracker.current == 1
    bar.setValue(bar.value() + 30)  # inside section 1: previous goes back to its start
    tracker.previous()
    assert tracker.current == 1 and bar.value() == heading_top(view, 1) - 12
    tracker.previous()
    assert tracker.current == 0
    assert reported == [0, 1, 0]


def test_a_jump_to_a_heading_that_cannot_reach_the_top_keeps_its_section(qtbot):
    view, _ = shown(qtbot, sectioned(paragraphs=1))
    tracker, bar = view.section_tracker, view.verticalScrollBar()
    tracker.scroll_to(5)
    assert bar.value() == bar.maximum() < heading_top(view, 5) - READ_LINE  # the last heading stays low
    assert tracker.current == 5
    tracker.next()
    assert tracker.current == 5
    bar.setValue(bar.value() - 1)  # moving on by hand lets the reading line decide again
    assert tracker.current < 5


def test_a_section_whose_heading_is_not_in_the_document_is_skipped(qtbot):
    article = sectioned(count=2)
    article.sections = [article.sections[0], Section("Lost", 2, "no-such-anchor"), article.sections[1]]
    view, _ = shown(qtbot, article)
    tracker, bar = view.section_tracker, view.verticalScrollBar()
    assert tracker.heading_blocks[1] == -1
    tracker.scroll_to(1)
    assert bar.value() == 0 and tracker.current == -1
    tracker.scroll_to(2)
    assert tracker.current == 2
    bar.setValue(bar.value() + 1)
    assert tracker.section_at(bar.value()) == 2


def test_clearing_the_article_leaves_no_section(qtbot):
    view, reported = shown(qtbot, sectioned())
    view.section_tracker.scroll_to(3)
    view.clear_article()
    assert view.section_tracker.current == -1 and view.section_tracker.sections == []
    assert reported == [3, -1]
