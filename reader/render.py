"""Article Markdown to safe HTML, its section anchors, its canonical text and block table.

Everything the reading view shows goes through here, so this is where the
safety rules live: raw HTML is escaped, links are limited to http(s) and
mailto, and images may only name the article's own stored images.
"""

from __future__ import annotations

import html
import re
import threading
from dataclasses import dataclass
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.extensions.toc import slugify_unicode, unique
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

# OBJECT_REPLACEMENT is re-exported: the reading view imports it from here.
from reader.block_table import OBJECT_REPLACEMENT as OBJECT_REPLACEMENT
from reader.block_table import Block, block_table
from reader.model import Article, Section

SAFE_LINK = re.compile(r"^(https?:|mailto:)", re.IGNORECASE)
IMAGE_NAME = re.compile(r"^[\w.\-]+$", re.UNICODE)


RENDER_VERSION = 1
"""Which renderer made an article's stored HTML and text. Bump it with any change to what
``render_markdown`` writes: stored articles are then rendered again when opened, and their
highlights re-anchored (``reader.rerender``)."""


@dataclass(frozen=True)
class Rendered:
    """One rendering of an article: the HTML, the canonical text, the sections and the block
    table that says where each block of the HTML sits in the text (from the same pass)."""

    html: str
    text: str
    sections: list[Section]
    blocks: tuple[Block, ...]


class _SafeUrls(Treeprocessor):
    """Drop link targets that could run code or reach the file system, and
    images that are not the article's own (a bare stored name)."""

    def run(self, root: Element) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            if not SAFE_LINK.match(href.strip()):
                link.attrib.pop("href", None)
        for image in root.iter("img"):
            if not IMAGE_NAME.match(image.get("src", "")):
                alt = image.get("alt", "")
                image.tag, image.text = "span", f"[{alt}]" if alt else ""
                image.attrib.clear()


# Every inline pattern the converter has (code, escapes, links, images, autolinks, line
# breaks, entities, emphasis) starts with one of these; STX marks an earlier placeholder.
_INLINE_TRIGGERS = re.compile(r"[`\\\[<&*_\x02]|  \n")


class _PlainRuns(Treeprocessor):
    """Mark text that no inline pattern can match as atomic, so the inline processor skips
    it instead of trying its dozen patterns one by one: most paragraphs of an article
    (all but a few of a Chinese one) have no Markdown inside, and rendering then takes
    about a third less time, with the same output."""

    def run(self, root: Element) -> None:
        for element in root.iter():
            if element.text and not isinstance(element.text, AtomicString) and not _INLINE_TRIGGERS.search(element.text):
                element.text = AtomicString(element.text)
            if element.tail and not isinstance(element.tail, AtomicString) and not _INLINE_TRIGGERS.search(element.tail):
                element.tail = AtomicString(element.tail)


class _SafeHtmlExtension(Extension):
    """Raw HTML in article Markdown is shown as text, never interpreted."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeUrls(md), "safe_urls", 1)
        md.treeprocessors.register(_PlainRuns(md), "plain_runs", 25)


_local = threading.local()


def _converter() -> markdown.Markdown:
    """One converter per thread, reset between uses: building one costs more than converting a page."""
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = _local.converter = markdown.Markdown(
            extensions=["toc", "tables", "sane_lists", "fenced_code", _SafeHtmlExtension()],
            extension_configs={"toc": {"slugify": slugify_unicode}},
            output_format="html",
        )
    return converter.reset()


def _flatten(tokens: list[dict]) -> list[Section]:
    sections: list[Section] = []
    for token in tokens:
        title = html.unescape(re.sub(r"<[^>]+>", "", token["name"]))
        sections.append(Section(title=title, level=token["level"], anchor=token["id"]))
        sections.extend(_flatten(token["children"]))
    return sections


def render_markdown(text: str) -> Rendered:
    """Render article Markdown; one call gives the HTML, canonical text and sections."""
    plain = _render_plain(text)
    return plain if plain is not None else _render_parsed(text)


def _render_parsed(text: str) -> Rendered:
    converter = _converter()
    body = converter.convert(text)
    return _rendered(body, _flatten(converter.toc_tokens))


def _rendered(body: str, sections: list[Section]) -> Rendered:
    table = block_table(body)
    return Rendered(html=body, text=table.text, sections=sections, blocks=table.blocks)


# A character no inline pattern starts with, or the Markdown escape of one that would ("\\*",
# "\\["). "&" starts only an entity, kept as written.
_CHAR = r"(?:[^\\`*_\[\]<\x00-\x1f\x7f]|\\[\\`*_\[\]])"
_PLAIN_TEXT = re.compile(f"{_CHAR}+")
# Plain text with emphasis ("**strong**", "*emphasised*") around runs of it that neither start
# nor end with white space: the asterisk patterns that apply are then only those two.
_RUN = rf"(?!\s){_CHAR}+(?<!\s)"
# A closing asterisk right before another would be read with it ("*a**b*" is one emphasis).
_EMPHASIZED = re.compile(rf"(?:{_CHAR}|\*\*{_RUN}\*\*(?!\*)|\*{_RUN}\*(?!\*))+")
_EMPHASIS_TOKEN = re.compile(rf"\*\*({_RUN})\*\*|\*({_RUN})\*|{_CHAR}+")
_ESCAPE = re.compile(r"\\(.)")
# "&" that does not begin an entity, which the serializer escapes.
_BARE_AMPERSAND = re.compile(r"&(?!(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);)", re.IGNORECASE)
# How a paragraph may not begin: a heading, quote, list, rule, table, fence or code block.
# (An asterisk can open one only before white space or another asterisk, which no run begins with.)
_BLOCK_START = re.compile(r"[#>+\-=~`|\s]|\d+[.)](?:\s|$)")
_LIST_ITEM = re.compile(r"(?:-|(\d+)\.) (.*)")


def _plain(text: str) -> str | None:
    """``text`` as Python-Markdown writes it, if it is plain text, emphasis and all, that can begin a block."""
    if not text or _BLOCK_START.match(text) or text[-1].isspace():
        return None
    if _PLAIN_TEXT.fullmatch(text):
        return _characters(text)
    if "*" not in text or not _EMPHASIZED.fullmatch(text):
        return None
    out = []
    for token in _EMPHASIS_TOKEN.finditer(text):
        strong, emphasised = token.groups()
        if strong:
            out.append(f"<strong>{_characters(strong)}</strong>")
        elif emphasised:
            out.append(f"<em>{_characters(emphasised)}</em>")
        else:
            out.append(_characters(token.group(0)))
    return "".join(out)


def _characters(text: str) -> str:
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "&" in text:
        text = _BARE_AMPERSAND.sub("&amp;", text)
    return text.replace(">", "&gt;")


def _render_plain(text: str) -> Rendered | None:
    """The Markdown extractors write most (one-line paragraphs, headings and flat lists of
    plain text and emphasis) rendered without the parser, the same to the byte as Python-Markdown
    writes it, or None for anything else. A plain-text page's body then renders in 0.3 instead of
    1.2 ms (median), where the parser took a fifth of the page's whole extraction."""
    chunks = text.rstrip("\n").split("\n\n")
    out: list[str] = []
    sections: list[Section] = []
    used: set[str] = set()
    after_list = False
    for chunk in chunks:
        if not chunk:
            return None
        if chunk[0] == "#":
            level = len(chunk) - len(chunk.lstrip("#"))
            # Python-Markdown drops closing hashes ("## C#" is a heading "C").
            title = _plain(chunk[level + 1:]) if level <= 6 and chunk[level:level + 1] == " " else None
            if title is None or chunk.endswith("#"):
                return None
            name = " ".join(_MARKUP.sub("", title).split())
            anchor = unique(slugify_unicode(html.unescape(name), "-"), used)
            out.append(f'<h{level} id="{anchor}">{title}</h{level}>')
            sections.append(Section(title=html.unescape(name), level=level, anchor=anchor))
            after_list = False
        elif _LIST_ITEM.match(chunk):
            # Two lists in a row would be one loose list; an ordered one must count from one.
            if after_list:
                return None
            items: list[str] = []
            ordered = chunk[0] != "-"
            for number, line in enumerate(chunk.split("\n"), 1):
                match = _LIST_ITEM.fullmatch(line)
                item = _plain(match.group(2)) if match and (match.group(1) is not None) == ordered else None
                if item is None or (ordered and int(match.group(1)) != number):
                    return None
                items.append(f"<li>{item}</li>")
            tag = "ol" if ordered else "ul"
            out.append(f"<{tag}>\n" + "\n".join(items) + f"\n</{tag}>")
            after_list = True
        else:
            paragraph = _plain(chunk)
            if paragraph is None:
                return None
            out.append(f"<p>{paragraph}</p>")
            after_list = False
    return _rendered("\n".join(out), sections)


# Python-Markdown's HTML is well formed and escapes "<" in text and attributes, so a tag is
# exactly "<", a name, anything but ">", then ">".
_MARKUP = re.compile(r"<[^>]*>")


def canonical_text(body_html: str) -> str:
    """The blocks of rendered article HTML joined by newlines: what highlights point into."""
    return block_table(body_html).text


def display_date(published: str) -> str:
    """``2020-06-01T00:35:00+08:00`` reads better as ``2020-06-01 00:35``."""
    match = re.match(r"(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?", published or "")
    if not match:
        return published or ""
    day, time = match.groups()
    return f"{day} {time}" if time and time != "00:00" else day


def header_blocks(article: Article) -> list[str]:
    """The title block's paragraphs (title, source line, original link), one HTML block each."""
    parts = [f'<h1 class="title">{html.escape(article.title or "Untitled")}</h1>']
    meta = [html.escape(x) for x in (article.source, article.byline, display_date(article.published)) if x]
    if meta:
        parts.append(f'<p class="meta">{" · ".join(meta)}</p>')
    if article.url and SAFE_LINK.match(article.url):
        url = html.escape(article.url, quote=True)
        parts.append(f'<p class="origin"><a href="{url}">{url}</a></p>')
    return parts


def body_html(article: Article) -> str:
    """The article's rendered body: the one stored at import, else rendered now."""
    return article.html or render_markdown(article.markdown).html


def article_html(article: Article) -> str:
    """The whole document the reading view shows: header, then the rendered body."""
    body = body_html(article)
    return f'<div class="header">{"".join(header_blocks(article))}</div>\n<div class="body">{body}</div>'
