"""The re-anchoring corpus: every kind of edit before, after, around and inside highlights.

Two promises are checked on every case:
- a highlight whose text the edit left alone is found again (anchored or moved), on that text;
- a highlight is never placed on the wrong text: what it covers afterwards equals its
  quote, or (when the quote itself was edited) is similar to it and is the edited passage.
"""

from __future__ import annotations

import sys
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))
import corpus  # noqa: E402

from reader.annotate import quote_selector, reanchor  # noqa: E402
from reader.annotate.anchor import BRACKET, THRESHOLD, _agreement  # noqa: E402
from reader.model import Highlight  # noqa: E402

CASES_PER_KIND = 400
UNTOUCHED = [k for k in corpus.KINDS if k not in ("inside", "overlap", "deleted")]
TOUCHED = ["inside", "overlap", "deleted"]


def context_score(text: str, start: int, end: int, h: Highlight) -> int:
    return sum(_agreement(text, start, end, h.prefix, h.suffix))


def occurrences(text: str, quote: str) -> int:
    """Places ``quote`` stands in ``text``, overlapping ones too (" Read " twice in "\n Read Read more")."""
    return sum(text.startswith(quote, at) for at in range(len(text) - len(quote) + 1))


def check(case: corpus.Case) -> str:
    h, new = case.highlight, case.new
    result = reanchor(h, new)
    assert result.id == h.id and result.note == h.note and result.color == h.color
    if result.state == Highlight.ORPHANED:
        assert case.touched, f"{case.kind}: an untouched highlight was orphaned: {h.exact!r}"
        assert (result.exact, result.prefix, result.suffix) == (h.exact, h.prefix, h.suffix)
        return result.state
    placed = new[result.start : result.end]
    assert 0 <= result.start < result.end <= len(new)
    assert (result.exact, result.prefix, result.suffix) == quote_selector(new, result.start, result.end)
    if not case.touched:
        assert placed == h.exact, f"{case.kind}: placed on {placed!r}, not {h.exact!r}"
        if (result.start, result.end) != case.span:
            # Only another copy of the same text, whose surroundings agree at least as well.
            assert occurrences(new, h.exact) > 1
            assert context_score(new, result.start, result.end, h) >= context_score(new, *case.span, h)
        expected_state = Highlight.ANCHORED if (result.start, result.end) == (h.start, h.end) else Highlight.MOVED
        assert result.state == expected_state
        return result.state
    # The passage itself changed: the new place must be what became of it, and look like it.
    similarity = SequenceMatcher(None, h.exact, placed, autojunk=False).ratio()
    overlaps = result.start < case.span[1] and case.span[0] < result.end
    if placed == h.exact:
        # An equal copy elsewhere is acceptable only when the old place lost its context
        # (BRACKET code points of it on either side).
        if not overlaps:
            left, right = _agreement(case.new, *case.span, h.prefix, h.suffix)
            assert not (left >= BRACKET and right >= BRACKET and case.span[1] > case.span[0]), (
                f"{case.kind}: moved to a copy elsewhere although the edited passage kept its context"
            )
    else:
        assert similarity >= THRESHOLD, f"{case.kind}: {h.exact!r} placed on {placed!r} ({similarity:.2f})"
        assert overlaps, f"{case.kind}: {h.exact!r} placed on another passage {placed!r}"
    unchanged = placed == h.exact and (result.start, result.end) == (h.start, h.end)
    assert result.state == (Highlight.ANCHORED if unchanged else Highlight.MOVED)
    return result.state


@pytest.mark.parametrize("kind", corpus.KINDS)
def test_corpus(kind):
    states = Counter(check(corpus.case(kind, seed)) for seed in range(CASES_PER_KIND))
    if kind in UNTOUCHED:
        assert states[Highlight.ORPHANED] == 0
    print(kind, dict(states))


def test_small_edits_inside_long_highlights_are_followed():
    """The fuzzy step is not idle: most one-word edits inside a long passage keep the highlight on it."""
    placed = total = 0
    for seed in range(300):
        case = corpus.case("inside", seed)
        if len(case.highlight.exact) < 40 or case.span[1] - case.span[0] - len(case.highlight.exact) > 12:
            continue
        total += 1
        placed += reanchor(case.highlight, case.new).state != Highlight.ORPHANED
    assert total > 30 and placed / total > 0.9, (placed, total)


def test_a_repeated_passage_is_told_apart_by_its_context():
    text = "Intro line.\nRead more at the site. First story ends.\nMiddle.\nRead more at the site. Second story ends."
    second = text.rindex("Read more at the site.")
    h = corpus.make_highlight(text, second, second + len("Read more at the site."))
    for new in ("New opening paragraph.\n" + text, text.replace("Middle.", "Middle part, longer now."),
                text.replace("Intro line.\n", "")):
        result = reanchor(h, new)
        assert result.start == new.rindex("Read more at the site.") and result.state == Highlight.MOVED


def test_an_edited_passage_does_not_jump_to_an_equal_quote_elsewhere():
    text = "Alpha paragraph with the harbour festival in it.\n" + "Beta text. " * 20 + "\nWe saw the harbour festival lanterns at night, said the mayor."
    start = text.rindex("the harbour festival")
    h = corpus.make_highlight(text, start, start + len("the harbour festival"))
    new = text[:start] + "a completely different event" + text[start + len("the harbour festival") :]
    assert reanchor(h, new).state == Highlight.ORPHANED


def test_orphan_keeps_everything_and_comes_back_when_the_text_does():
    text = "One sentence here. The passage that will vanish for a while. Another sentence after."
    start = text.index("The passage")
    h = corpus.make_highlight(text, start, start + len("The passage that will vanish for a while."))
    h.note, h.tags, h.color = "my note", ["t"], "green"
    gone = reanchor(h, "One sentence here. Another sentence after.")
    assert gone.state == Highlight.ORPHANED and gone.note == "my note" and gone.tags == ["t"]
    assert (gone.exact, gone.start, gone.end) == (h.exact, h.start, h.end)
    back = reanchor(gone, "Preface. " + text)
    assert back.state == Highlight.MOVED and back.start == start + len("Preface. ")


def test_a_highlight_without_a_position_is_found_by_its_quote():
    text = "Some text before. 目标文字在这里。 And after."
    h = Highlight(article_id=1, start=-1, end=-1, exact="目标文字在这里。", prefix="before. ", suffix=" And")
    result = reanchor(h, text)
    # The quote with its context selects exactly one place: that is where it is, not where it moved to.
    assert text[result.start : result.end] == "目标文字在这里。" and result.state == Highlight.ANCHORED


def test_a_quote_without_a_position_found_at_several_places_has_moved_to_the_one_chosen():
    text = "目标文字。 Some text between. 目标文字。"
    result = reanchor(Highlight(article_id=1, start=-1, end=-1, exact="目标文字。"), text)
    assert text[result.start : result.end] == "目标文字。" and result.state == Highlight.MOVED


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(corpus.KINDS), seed=st.integers(10_000, 10**9))
def test_corpus_explored_by_hypothesis(kind, seed):
    check(corpus.case(kind, seed))
