"""Huge and hostile HTML: how long extraction takes, and what comes out.

Every page is generated here (nothing large is stored): long articles, pages of
hundreds of thousands of elements, deep nesting, navigation only, a page of
one image repeated, binary data named .html, and pages at the size limit. Each
must end, in a few seconds, with an article or a clear reason.

    .venv/bin/python bench/large_pages.py [NAME...]
"""

from __future__ import annotations

import quopri
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.ingest import ExtractError, extract_bytes  # noqa: E402
from reader.ingest.pipeline import MAX_BYTES  # noqa: E402

WORDS = ("the harbour committee met on tuesday to discuss budget plans for district schools roads "
         "and a new bridge which residents said they had waited years to see built").split()


def sentence(rng: random.Random, words: int = 18) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def page(body: str, title: str = "A very long page") -> bytes:
    head = f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
    return f"{head}<body>{body}</body></html>".encode()


def long_article(paragraphs: int) -> Callable[[], bytes]:
    def build() -> bytes:
        rng = random.Random(1)
        body = "".join(f"<p>{sentence(rng)} <b>{sentence(rng, 3)}</b> {sentence(rng)} "
                       f"<a href='/x'>{sentence(rng, 2)}</a> {sentence(rng)}</p>" for _ in range(paragraphs))
        return page(f"<article><h1>A very long page</h1>{body}</article>")
    return build


def element_soup(rows: int) -> Callable[[], bytes]:
    """About 8 MB and 200,000 elements for 20,000 rows: spans and links, a few words each."""
    def build() -> bytes:
        rng = random.Random(2)
        row = ("<div class='row'><span>{}</span> <a href='/topic/{}'>{}</a> <span><i>{}</i></span> <em>{}</em> "
               "<b>{}</b> <span>{}</span> <small>{}</small></div>")
        body = "".join(row.format(sentence(rng, 8), i, sentence(rng, 4), sentence(rng, 8), sentence(rng, 6),
                                  sentence(rng, 4), sentence(rng, 10), sentence(rng, 4)) for i in range(rows))
        return page(f"<main><h1>A very long page</h1>{body}</main>")
    return build


def inlined_images(megabytes_each: int) -> Callable[[], bytes]:
    """A single-file save: an ordinary article with two large images inlined as data: URIs."""
    def build() -> bytes:
        rng = random.Random(6)
        text = "".join(f"<p>{sentence(rng)} {sentence(rng)}</p>" for _ in range(100))
        image = f"<img src='data:image/png;base64,{'A' * megabytes_each * 1024 * 1024}' alt='photo'>"
        return page(f"<article><h1>Photos</h1>{text}{image}{text}{image}<p>The last paragraph.</p></article>")
    return build


def mhtml(paragraphs: int) -> Callable[[], bytes]:
    """The long article saved by a browser as a single-file MHTML archive (quoted-printable)."""
    def build() -> bytes:
        html = quopri.encodestring(long_article(paragraphs)()).replace(b"\n", b"\r\n")
        return (b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.com/long\r\n"
                b"MIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"B\"\r\n\r\n"
                b"--B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"
                b"Content-Location: https://example.com/long\r\n\r\n" + html + b"\r\n--B--\r\n")
    return build


def empty_elements(count: int) -> Callable[[], bytes]:
    def build() -> bytes:
        return page("<b></b>" * count)
    return build


def navigation_only(links: int) -> Callable[[], bytes]:
    def build() -> bytes:
        items = "".join(f"<li><a href='/{i}'>Section {i}</a></li>" for i in range(links))
        return page(f"<nav><ul>{items}</ul></nav>")
    return build


def nested(depth: int) -> Callable[[], bytes]:
    def build() -> bytes:
        text = "<p>" + "Deep inside the page there is one sentence of text. " * 5 + "</p>"
        return page("<div>" * depth + text + "</div>" * depth)
    return build


def one_image_repeated(count: int) -> Callable[[], bytes]:
    def build() -> bytes:
        rng = random.Random(3)
        text = "".join(f"<p>{sentence(rng)} {sentence(rng)}</p>" for _ in range(20))
        return page(f"<article><h1>Spacers</h1>{text}" + "<img src='spacer.gif' alt=''>" * count + "</article>")
    return build


def one_huge_paragraph(megabytes: int) -> Callable[[], bytes]:
    def build() -> bytes:
        rng = random.Random(4)
        text = " ".join(sentence(rng) for _ in range(megabytes * 1024 * 1024 // 100))
        return page(f"<article><h1>One paragraph</h1><p>{text}</p></article>")
    return build


def binary(megabytes: int) -> Callable[[], bytes]:
    def build() -> bytes:
        return random.Random(5).randbytes(megabytes * 1024 * 1024)
    return build


def over_the_limit() -> bytes:
    return page("<p>" + "x" * MAX_BYTES + "</p>")


PAGES: dict[str, Callable[[], bytes]] = {
    "article-12MB": long_article(30_000),
    "article-49MB": long_article(120_000),
    "elements-8MB-200k": element_soup(20_000),
    "elements-40MB-1M": element_soup(100_000),
    "navigation-only": navigation_only(100_000),
    "nested-10000": nested(10_000),
    "one-image-x100k": one_image_repeated(100_000),
    "one-paragraph-40MB": one_huge_paragraph(40),
    "inlined-images-24MB": inlined_images(12),
    "mhtml-40MB": mhtml(100_000),
    "empty-elements-1.4M": empty_elements(1_400_000),
    "empty-elements-6M": empty_elements(6_000_000),
    "binary-20MB": binary(20),
    "over-the-limit": over_the_limit,
}


def main() -> None:
    names = sys.argv[1:] or list(PAGES)
    print(f"{'page':22}{'size':>9}{'seconds':>9}  result")
    for name in names:
        data = PAGES[name]()
        started = time.perf_counter()
        try:
            article = extract_bytes(data, f"{name}.mhtml" if name.startswith("mhtml") else f"{name}.html")
            result = f"article: {len(article.text):,} characters, title {article.title!r}"
        except ExtractError as error:
            result = f"error: {error}"
        seconds = time.perf_counter() - started
        print(f"{name:22}{len(data) / 1e6:7.1f}MB{seconds:9.2f}  {result}")


if __name__ == "__main__":
    main()
