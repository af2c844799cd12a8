"""Every row of the block table is where QTextDocument puts it: the property highlights rest on.

Random documents (paragraphs with emphasis, entities, hard breaks and images,
headings, flat and loose lists, quotes, tables, fenced and indented
code) are rendered, set into a QTextDocument as the reading view sets them,
and each block of the document is compared with its slice of the canonical text.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument

from reader.block_table import block_table, numbered_pieces
from reader.paths import resource
from reader.reading_style import ReadingStyle, reader_css
from reader.render import render_markdown
from reader.themes import LIGHT_THEME

_WORDS = st.sampled_from([
    "word", "中文", "标点，", "😀", "e\u0301", "&amp;", "&lt;b&gt;", "<i>", "&copy;", "*em*", "**strong**",
    "`co  de`", "[link](https://example.org)", "![pic](img-1.png)", "![far](https://x.org/a.png)", "\\*",
    "\xa0", "ﬁ", "2020年", "  ",
])
# Left out, as the two expected failures at the end record: white space beyond ASCII and the no-break
# space (U+3000, U+2003, a literal U+2028), which Qt collapses like a space and the canonical text keeps;
# nested lists, where the canonical text keeps a space at the end of the outer item that Qt drops.
_TEXT = st.lists(_WORDS, min_size=1, max_size=6).map(" ".join)
_LINES = st.lists(_TEXT, min_size=1, max_size=3)


@st.composite
def _block(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["p", "p", "break", "h", "ul", "ol", "loose", "quote", "table",
                                 "fence", "indented"]))
    lines = draw(_LINES)
    if kind == "p":
        return "\n".join(lines)
    if kind == "break":
        return "  \n".join(lines)
    if kind == "h":
        return "#" * draw(st.integers(1, 6)) + " " + lines[0]
    if kind in ("ul", "ol"):
        return "\n".join(("- " if kind == "ul" else f"{n}. ") + line for n, line in enumerate(lines, 1))
    if kind == "loose":
        return "\n\n".join("- " + line for line in lines)
    if kind == "quote":
        return "> " + "\n>\n> ".join(lines)
    if kind == "table":
        return "| a | 表 |\n|---|---|\n" + "\n".join(f"| {line} | {line[::-1]} |" for line in lines)
    if kind == "fence":
        blank = "\n" * draw(st.integers(0, 2))
        return "```\n" + blank + ("\n" + blank).join(lines) + "\n```"
    return "    " + "\n    ".join(lines)


_DOCUMENTS = st.lists(_block(), min_size=1, max_size=6).map("\n\n".join)
_STYLESHEET = reader_css(resource("reader.css").read_text(encoding="utf-8"), LIGHT_THEME, ReadingStyle())


def _document_blocks(body_html: str) -> list[str]:
    document = QTextDocument()
    document.setDefaultStyleSheet(_STYLESHEET)
    document.setHtml(body_html)
    texts, block = [], document.begin()
    while block.isValid():
        texts.append(block.text())
        block = block.next()
    return texts


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(markdown=_DOCUMENTS)
def test_each_block_is_the_document_block_its_offsets_say(qapp, markdown):
    rendered = render_markdown(markdown)
    table = block_table(rendered.html)
    assert (table.text, table.blocks) == (rendered.text, rendered.blocks)
    shown = iter(_document_blocks(rendered.html))
    for row in rendered.blocks:
        text = rendered.text[row.start:row.end]
        line = next(shown)
        while not line and text:  # empty blocks Qt keeps (list and table frames) hold no canonical text
            line = next(shown)
        assert line == text, (row, markdown)
    assert not any(rest for rest in shown), markdown


@settings(max_examples=100, deadline=None)
@given(markdown=_DOCUMENTS)
def test_blocks_tile_the_text_and_number_their_own_characters(markdown):
    rendered = render_markdown(markdown)
    previous_end = -1
    for row in rendered.blocks:
        assert row.start == previous_end + 1 and "\n" not in rendered.text[row.start:row.end]
        assert rendered.html[row.html_start:row.html_start + len(row.html)] == row.html
        if row.kind in ("h1", "h2", "h3", "h4", "h5", "h6"):
            assert row.section_path[-1] == rendered.text[row.start:row.end]
        previous_end = row.end
    assert max(previous_end, 0) == len(rendered.text)
    numbered = [0] * len(rendered.text)
    for piece in numbered_pieces(rendered.html, block_table(rendered.html)):
        for char, offset in zip(piece.text, piece.offsets):
            if offset is not None:
                assert rendered.text[offset] in (char, " " if char in " \t\r\n" else char)
                numbered[offset] += 1
        if piece.marker is not None:
            numbered[piece.marker] += 1
    # Every character comes from exactly one character of the HTML; a newline between blocks from
    # none, unless it is a line break inside a <pre>.
    assert all(n == 1 if char != "\n" else n <= 1 for n, char in zip(numbered, rendered.text)), markdown


@pytest.mark.xfail(strict=True, reason="Qt collapses U+3000 like a space; the canonical text keeps it. "
                   "Fixing it changes stored texts: a RENDER_VERSION bump, re-anchoring on open.")
def test_qt_collapses_an_ideographic_space_the_canonical_text_keeps(qapp):
    rendered = render_markdown("甲 \u3000乙")
    assert _document_blocks(rendered.html) == [rendered.text]


@pytest.mark.xfail(strict=True, reason="Qt drops the space before a nested list; the canonical text keeps it. "
                   "Fixing it changes stored texts: a RENDER_VERSION bump, re-anchoring on open.")
def test_qt_drops_the_space_before_a_nested_list(qapp):
    rendered = render_markdown("- 外\n    - 内")
    assert [line for line in _document_blocks(rendered.html) if line] == rendered.text.split("\n")
