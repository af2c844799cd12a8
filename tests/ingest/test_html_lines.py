"""An HTML page laid out as lines, the input of the line classifier.

Both layouts are held to the same lines: the stylesheet over the parsed tree, and the
tag-by-tag reading of the markup used for pages nested too deeply for a tree.
"""

from __future__ import annotations

import pytest

from reader.ingest.html import parse
from reader.ingest.html_lines import flat_page_lines, page_lines


def _tree_lines(html: str) -> list[str]:
    text, whole = page_lines(parse(html), 10_000)
    assert whole
    return text.split("\n")


def _flat_lines(html: str) -> list[str]:
    return flat_page_lines(html, 10_000).split("\n")


@pytest.fixture(params=[_tree_lines, _flat_lines], ids=["tree", "flat"])
def lines(request):
    return request.param


def test_paragraphs_and_headings_stand_between_blank_lines(lines):
    assert lines("<html><body><h1>Title</h1><p>One.</p><p>Two.</p></body></html>") == [
        "Title", "", "", "One.", "", "", "Two."]


def test_block_elements_break_lines_and_list_items_get_bullets(lines):
    page = ("<html><body><div>Menu</div><ul><li>First</li><li>Second</li></ul>"
            "<div>After<br>the break</div></body></html>")
    assert lines(page) == ["Menu", "• First", "• Second", "After", "the break"]


def test_text_line_breaks_are_spaces_and_whitespace_is_collapsed(lines):
    assert lines("<html><body><p>  one\n  two\t\u3000three \u00a0</p></body></html>") == ["one two three"]


def test_what_a_reader_never_sees_is_left_out_but_text_after_it_is_kept(lines):
    page = ("<html><head><title>Head</title><style>p {}</style></head><body><p>Visible<script>var x = 1;"
            "</script> and after</p><form><select><option>Choice</option></select></form></body></html>")
    assert lines(page) == ["Visible and after"]


def test_whitespace_between_blocks_makes_an_empty_line_as_a_browser_would(lines):
    assert lines("<html><body><div>A</div>\n   <div>B</div></body></html>") == ["A", "", "B"]


def test_a_limit_cuts_at_the_end_of_a_line():
    page = "<html><body>" + "".join(f"<div>line {i:03d}</div>" for i in range(100)) + "</body></html>"
    kept, whole = page_lines(parse(page), 50)
    assert not whole
    assert kept.split("\n")[:-1] == [f"line {i:03d}" for i in range(len(kept.split("\n")) - 1)]
    assert len(kept) <= 50 and kept.endswith("\n")


def test_a_single_line_longer_than_the_limit_is_cut_at_a_word():
    kept, whole = page_lines(parse("<html><body><p>" + "word " * 100 + "</p></body></html>"), 52)
    assert not whole and kept == "word " * 10


def test_a_page_without_body_is_read_from_its_root(lines):
    assert lines("<p>Just a fragment</p>") == ["Just a fragment"]


def test_the_flat_reading_skips_comments_and_keeps_void_elements_harmless():
    page = ('<html><head><meta charset="utf-8"><link rel="x" href="y"><title>T</title></head><body>'
            '<!-- <p>hidden</p> --><p>Shown &amp; kept<input type="text"> here</p></body></html>')
    assert _flat_lines(page) == ["Shown & kept here"]


def test_the_flat_reading_cuts_at_the_limit():
    page = "<html><body>" + "".join(f"<div>line {i:03d}</div>" for i in range(100)) + "</body></html>"
    kept = flat_page_lines(page, 50)
    assert len(kept) <= 50 and kept.split("\n")[0] == "line 000"
