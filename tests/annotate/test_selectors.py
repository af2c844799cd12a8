"""Quote selectors, section paths and making a highlight from a selection."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.annotate import CONTEXT, attach, new_highlight, quote_selector, reanchor, section_path
from reader.model import Article, Highlight, Section, StoredArticle
from reader.render import render_markdown

MARKDOWN = """# 标题

导语段落。

## 第一部分

第一部分的正文，有表情😀和组合字符e\u0301。

### 细节

细节段落。

## Second part

Plain English paragraph here.
"""


@pytest.fixture
def stored() -> StoredArticle:
    rendered = render_markdown(MARKDOWN)
    article = Article(title="T", markdown=MARKDOWN, text=rendered.text, sections=rendered.sections)
    return StoredArticle(id=7, article=article, content_hash=article.content_hash, added="")


@given(st.text(), st.data())
def test_quote_selector_takes_32_code_points_either_side(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    exact, prefix, suffix = quote_selector(text, start, end)
    assert prefix + exact + suffix in text
    assert exact == text[start:end]
    assert len(prefix) == min(CONTEXT, start) and len(suffix) == min(CONTEXT, len(text) - end)
    assert text[:start].endswith(prefix) and text[end:].startswith(suffix)


def test_quote_selector_counts_code_points_not_utf16_units():
    text = "😀" * 40 + "X" + "𠀀" * 40
    exact, prefix, suffix = quote_selector(text, 40, 41)
    assert (exact, prefix, suffix) == ("X", "😀" * 32, "𠀀" * 32)
    with pytest.raises(ValueError):
        quote_selector(text, 5, 200)


def test_section_paths_follow_heading_levels(stored):
    text, sections = stored.article.text, stored.article.sections
    assert section_path(text, sections, 0) == ["标题"]
    assert section_path(text, sections, text.index("第一部分的正文")) == ["标题", "第一部分"]
    assert section_path(text, sections, text.index("细节段落")) == ["标题", "第一部分", "细节"]
    assert section_path(text, sections, text.index("Plain English")) == ["标题", "Second part"]
    assert section_path("no headings here", [], 3) == []
    # A heading that is not a line of the text is left out, not guessed.
    assert section_path("a\nb", [Section("missing", 2), Section("b", 2)], 2) == ["b"]


def test_new_highlight_from_a_selection(stored):
    text = stored.article.text
    start = text.index("有表情")
    made = new_highlight(stored, start, start + 6, color="pink", tags=["t"])
    assert made.exact == "有表情😀和组" and text[made.start : made.end] == made.exact
    assert (made.article_id, made.color, made.tags, made.state) == (7, "pink", ["t"], Highlight.ANCHORED)
    assert made.section_path == ["标题", "第一部分"] and made.content_hash == stored.content_hash
    assert made.prefix == text[max(0, start - 32) : start]
    spaced = text.index("Plain English")
    assert new_highlight(stored, spaced - 1, spaced + 5).exact == "Plain"  # the newline is trimmed off
    with pytest.raises(ValueError):
        new_highlight(stored, spaced - 1, spaced)  # only white space
    with pytest.raises(ValueError):
        new_highlight(stored, 5, 5)


def test_attach_moves_an_orphan_onto_new_text_keeping_what_the_user_wrote(stored):
    orphan = Highlight(article_id=7, start=3, end=9, exact="gone text", note="my note", tags=["x"], color="blue",
                       state=Highlight.ORPHANED, id=42, created="2020-01-01T00:00:00+00:00")
    start = stored.article.text.index("细节段落")
    moved = attach(orphan, stored, start, start + 4)
    assert (moved.exact, moved.state, moved.id, moved.note, moved.tags, moved.color, moved.created) == (
        "细节段落", Highlight.ANCHORED, 42, "my note", ["x"], "blue", "2020-01-01T00:00:00+00:00"
    )
    assert moved.section_path == ["标题", "第一部分", "细节"]


def test_reanchor_refreshes_section_path_and_hash(stored):
    made = new_highlight(stored, *(lambda s: (s, s + 5))(stored.article.text.index("Plain English")))
    new_markdown = MARKDOWN.replace("## Second part", "## Renamed part")
    rendered = render_markdown(new_markdown)
    moved = reanchor(made, rendered.text, sections=rendered.sections, content_hash="new-hash")
    assert moved.section_path == ["标题", "Renamed part"] and moved.content_hash == "new-hash"
    assert moved.state == Highlight.MOVED  # the heading above it got longer
