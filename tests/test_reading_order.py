"""Reading order of highlights: one rule for the store, the panes, the CLI and every export."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model import Article, Highlight, reading_key, reading_order
from reader.store import Library


def hl(id_: int, start: int, state: str = Highlight.ANCHORED, created: str = "") -> Highlight:
    return Highlight(article_id=1, start=start, end=start + 3, exact="abc", state=state, created=created, id=id_)


def test_placed_by_start_then_id_and_orphans_last_in_the_same_order():
    highlights = [
        hl(1, 40), hl(2, 10), hl(3, 10),
        hl(4, 30, Highlight.ORPHANED, created="2026-01-01"), hl(5, 5, Highlight.ORPHANED, created="2026-02-01"),
        hl(6, 20, Highlight.MOVED),
    ]
    assert [h.id for h in sorted(highlights, key=reading_key)] == [2, 3, 6, 1, 5, 4]
    placed, orphans = reading_order(highlights)
    assert [h.id for h in placed] == [2, 3, 6, 1]
    assert [h.id for h in orphans] == [5, 4]  # by where they were last, not by when they were made


STATES = st.sampled_from([Highlight.ANCHORED, Highlight.MOVED, Highlight.ORPHANED])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(-1, 12), STATES), min_size=1, max_size=12))
def test_the_store_orders_highlights_as_the_rule_does(spec):
    library = Library(":memory:")
    try:
        article_id, _ = library.add(Article(title="t", markdown="x" * 20, text="x" * 20))
        added = library.annotations.add_many(
            Highlight(article_id=article_id, start=start, end=max(start, 0) + 2, exact="xx", state=state)
            for start, state in spec
        )
        stored = library.annotations.for_article(article_id)
        assert [h.id for h in stored] == [h.id for h in sorted(added, key=reading_key)]
    finally:
        library.close()
