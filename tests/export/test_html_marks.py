"""The HTML export puts each mark on exactly the highlighted text, Chinese included."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser

import pytest

from reader.export.html import marked_body, numbered_tokens, render_html
from reader.render import canonical_text, render_markdown

from .conftest import MARKDOWN, MEANINGS, PNG, make_notes


class _Marks(HTMLParser):
    """Text under each highlight id (data-hl), and the text of each note aside."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[list[str]] = []
        self.text: dict[str, str] = {}
        self.images: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.stack.append(attrs.get("data-hl", "").split() if tag == "mark" else [])
        if tag == "img":
            self.stack.pop()
            self.images.append(attrs["src"])

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        for ids in self.stack:
            for ident in ids:
                self.text[ident] = self.text.get(ident, "") + data


def marks(document: str) -> _Marks:
    parser = _Marks()
    parser.feed(document)
    return parser


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_highlight_marks_exactly_its_text(notes):
    document = render_html(notes, MEANINGS)
    found = marks(document)
    for h in notes.highlights:
        if h.state == "orphaned":
            assert f'data-hl="hl-{h.id}"' not in document
            continue
        assert squash(found.text[f"hl-{h.id}"]) == squash(h.exact)
    assert found.images == ["data:image/png;base64," + __import__("base64").b64encode(PNG).decode()]
    assert "logo.png" not in document and "<script" not in document


def test_notes_come_below_their_passage_and_orphans_last(notes):
    document = render_html(notes, MEANINGS)
    body = document[document.index('<div class="body">'):]
    assert body.index('id="hl-102"') < body.index('data-for="hl-102"') < body.index("English readers")
    assert "<strong>重点</strong>" in body  # the note's Markdown is rendered
    assert body.index('<section class="orphans">') < body.index("一段已删除的文字")
    assert "@media print" in document


def test_overlapping_and_adjacent_highlights(notes):
    text = notes.stored.article.text
    base = notes.highlights[2]  # "the council met in Hefei"
    inner_start = text.index("met in")
    inner = dataclasses.replace(base, id=300, color="red", start=inner_start, end=inner_start + 6, exact="met in")
    after = text.index(" on 23 April")
    adjacent = dataclasses.replace(base, id=301, color="green", start=after, end=after + 12, exact=" on 23 April")
    body, missing = marked_body(render_markdown(MARKDOWN).html, text, [base, inner, adjacent], MEANINGS)
    assert missing == []
    found = marks(body)
    assert found.text["hl-103"] == "the council met in Hefei"
    assert found.text["hl-300"] == "met in"
    assert found.text["hl-301"] == " on 23 April"
    assert 'data-hl="hl-103 hl-300"' in body


def test_highlight_is_found_by_its_quote_when_the_rendered_text_moved(notes):
    stored = notes.stored
    moved = dataclasses.replace(stored.article, markdown="新增的第一段。\n\n" + stored.article.markdown)
    notes = dataclasses.replace(notes, stored=dataclasses.replace(stored, article=moved))
    found = marks(render_html(notes, MEANINGS))
    for h in notes.highlights[:-1]:
        assert squash(found.text[f"hl-{h.id}"]) == squash(h.exact)


SAMPLES = [
    MARKDOWN,
    "Text  with   spaces\nand a soft break.  \nHard break, then  \n  leading spaces.",
    "> 引用第一段\n>\n> 引用第二段 with *emphasis*\n\n1. 一\n2. 二\n    - nested 三",
    "```\n\n  code with blank lines\n\n\n```\n\n    indented code\n\nafter",
    "Emoji 👩‍👩‍👧 and combining é, &amp; entities &lt;tag&gt; <script>alert(1)</script>",
    "![only an image](a.png)\n\n![missing](../etc/passwd)\n\n---\n\nTerm",
    "# 标题\n\n## 二级\n\n| a | b |\n|---|---|\n| 中 **粗** | x\ny |\n\ntrailing",
]


@pytest.mark.parametrize("source", SAMPLES)
def test_offsets_count_the_canonical_text(source):
    body = render_markdown(source).html
    tokens, text = numbered_tokens(body)
    assert text == canonical_text(body)
    for token in tokens:
        for char, offset in zip(token.text, token.offsets):
            if offset is not None:
                assert text[offset] == (char if char not in " \t\r\n" else " ") or text[offset] == char


@pytest.mark.parametrize("source", SAMPLES)
def test_any_span_marks_its_own_text(source):
    body = render_markdown(source).html
    text = canonical_text(body)
    base = make_notes().highlights[0]
    for start in range(0, len(text), 3):
        for end in (start + 1, start + 5, start + 17):
            if end > len(text) or not text[start:end].strip("\n\u2028\ufffc"):
                continue
            h = dataclasses.replace(base, start=start, end=end, exact=text[start:end])
            marked, missing = marked_body(body, text, [h])
            assert not missing
            got = marks(marked).text.get("hl-101", "")
            want = "".join(c for c in text[start:end] if c not in "\n\u2028\ufffc")
            assert squash(got).replace(" ", "") == squash(want).replace(" ", ""), (start, end)
