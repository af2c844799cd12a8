"""Huge pages end with an article or a clear reason, whatever their shape.

Pages are generated here; bench/large_pages.py prints how long each shape takes.
"""

from __future__ import annotations

import random

import pytest

from reader.ingest import ExtractError, extract_bytes
from reader.ingest.blocks import MAX_ARTICLE_CHARS, Block, markdown_within_length, to_markdown, within_length
from reader.ingest.html import FULL_READING_ELEMENTS, MAX_ELEMENTS, _localize_images, parse

WORDS = "the harbour committee met on tuesday to discuss budget plans for schools roads and a new bridge".split()


def sentence(rng: random.Random, words: int = 16) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def page(body: str) -> bytes:
    return f"<html><head><title>A long report - Harbour Times</title></head><body>{body}</body></html>".encode()


def long_report(paragraphs: int) -> bytes:
    rng = random.Random(7)
    body = "".join(f"<p>{sentence(rng)} <b>{sentence(rng, 3)}</b> {sentence(rng)} <a href='/more'>more</a></p>"
                   for _ in range(paragraphs))
    return page(f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>A long report</h1>"
                f"<p>The first paragraph says what the report is about, at some length.</p>{body}</article>")


def test_a_page_too_large_for_trafilatura_is_read_as_lines():
    data = long_report(FULL_READING_ELEMENTS // 3 + 1000)
    article = extract_bytes(data, "report.html")
    assert article.title == "A long report"
    assert "The first paragraph says what the report is about" in article.text
    assert len(article.text) > 0.5 * len(data)


def test_an_article_longer_than_the_limit_is_cut_and_says_so():
    article = extract_bytes(long_report(MAX_ARTICLE_CHARS // 150), "report.html")
    assert len(article.text) <= MAX_ARTICLE_CHARS + 200
    assert article.text.endswith("the rest was left out.]")
    assert "The first paragraph says what the report is about" in article.text


def test_a_page_of_too_many_elements_is_refused_before_it_is_parsed():
    with pytest.raises(ExtractError, match="too large to read .* elements"):
        extract_bytes(page("<i></i>" * (MAX_ELEMENTS + 1)), "empty.html")


def test_only_navigation_on_a_large_page_is_no_article():
    links = "".join(f"<li><a href='/{i}'>Section {i}</a></li>" for i in range(FULL_READING_ELEMENTS))
    with pytest.raises(ExtractError, match="no article text"):
        extract_bytes(page(f"<nav><ul>{links}</ul></nav>"), "menu.html")


def test_an_image_repeated_thousands_of_times_is_looked_up_once():
    asked: list[str] = []

    def resolver(src: str) -> str | None:
        asked.append(src)
        return "img-1.gif"

    root = parse(page("<p>Text</p>" + "<img src='spacer.gif'>" * 5000).decode())
    assert _localize_images(root, resolver) == {"img-1.gif"}
    assert asked == ["spacer.gif"]


def test_blocks_are_cut_inside_the_block_that_crosses_the_limit():
    blocks = [Block("paragraph", text="one two three"), Block("list", items=["alpha", "beta", "gamma"]),
              Block("paragraph", text="never reached")]
    kept = within_length(blocks, limit=26)
    assert [b.kind for b in kept] == ["paragraph", "list", "paragraph"]
    assert kept[1].items == ["alpha", "beta"]
    assert "the rest was left out" in kept[2].text
    assert within_length(blocks, limit=1000) == blocks


def test_a_single_huge_paragraph_is_cut_at_a_word():
    kept = within_length([Block("paragraph", text="word " * 100)], limit=52)
    assert kept[0].text == "word " * 9 + "word"
    assert to_markdown(kept).endswith("the rest was left out.\\]*\n")


def test_markdown_is_cut_at_a_paragraph_break_and_an_open_code_block_is_closed():
    text = "# Notes\n\nFirst paragraph.\n\n```\ncode line\n" + "more code\n" * 50
    kept = markdown_within_length(text, limit=120)
    assert kept.startswith("# Notes\n\nFirst paragraph.\n\n```\ncode line\n")
    assert kept.count("```") == 2
    assert kept.endswith("the rest was left out.\\]*\n")
    assert markdown_within_length("short", limit=120) == "short"


def test_text_after_an_attribute_over_ten_megabytes_is_still_read():
    inlined = "data:image/png;base64," + "A" * 12_000_000
    root = parse(page(f"<h1>Title</h1><p>Before.</p><img src='{inlined}'><p>After the image.</p>").decode())
    assert root.text_content().endswith("Before.After the image.")


def test_text_after_a_script_over_ten_megabytes_is_still_read():
    script = "if (a<b) { a = b; }\n" * 600_000
    root = parse(page(f"<script>{script}</script><h1>Title</h1><p>The story.</p>").decode())
    assert root.text_content().endswith("TitleThe story.")


def test_a_huge_text_file_is_read_from_its_start_and_cut():
    rng = random.Random(8)
    text = "A long text file\n\n" + "\n\n".join(" ".join(sentence(rng) for _ in range(4)) for _ in range(8000))
    article = extract_bytes(text.encode(), "long.txt")
    assert article.text.endswith("the rest was left out.]")
    assert len(article.text) <= MAX_ARTICLE_CHARS + 200


@pytest.mark.timeout(60)
def test_a_story_after_a_site_map_of_thirty_thousand_links_is_found():
    """Past MANY_LINES lines, short list items are scored roughly; the story is still read whole."""
    links = "".join(f"<li><a href='/{i}'>Section {i}</a></li>" for i in range(30_000))
    rng = random.Random(11)
    story = [sentence(rng, 24) for _ in range(6)]
    body = (f"<nav><ul>{links}</ul></nav><article><h1>Harbour bridge approved</h1><p>Published June 4, 2022</p>"
            + "".join(f"<p>{s}</p>" for s in story) + "</article>")
    article = extract_bytes(page(body), "map.html")
    assert article.title == "Harbour bridge approved"
    assert all(s in article.text for s in story)
    assert "Section 1" not in article.text
