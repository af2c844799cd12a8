"""An HTML page laid out as lines of text, as a browser's "save as text" would.

The line classifier of plain-text pages reads this layout for the metadata
line under a headline and for a second opinion on the body. Block elements
break lines, headings and paragraphs stand between blank lines, list items get
a bullet, and what a reader never sees (scripts, styles, forms) is left out.

The layout is an XSLT stylesheet, so libxslt walks the tree in C: a walk in
Python took as long on an ordinary page and many seconds on a page with
hundreds of thousands of elements. A page nested too deeply for a tree is laid
out the same way by a tokenizer that never nests (:func:`flat_page_lines`).
"""

from __future__ import annotations

import html
import re
import threading
from typing import NamedTuple

import lxml.etree as etree
import lxml.html

from reader.ingest.blocks import head_lines
from reader.ingest.errors import ExtractError

SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "select",
                  "option", "button", "input", "textarea", "head", "title", "meta", "link"})
BLOCK = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol", "li", "dl", "dt",
    "dd", "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "form", "fieldset", "figure", "figcaption", "address", "hr", "center", "body", "html"})
_BLANK_AROUND = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
_BLANK_BEFORE = frozenset({"table", "blockquote"})
_BREAK = "\ufdd1"
_BLANK = "\ufdd0"
"""Mark a line break and an empty line in the stylesheet's output: noncharacters, never
part of real text. The text keeps its own line breaks, which HTML shows as spaces."""


def _template(tags: frozenset[str], before: str, after: str) -> str:
    return (f'<xsl:template match="{"|".join(sorted(tags))}">{before}'
            f"<xsl:apply-templates/>{after}</xsl:template>")


def _stylesheet() -> etree.XSLT:
    """Block elements put in their breaks, and empty lines, as marks that :func:`_tidy`
    makes lines of. (Turning the text's own line breaks into spaces here, with translate(),
    took four times as long as all the rest.)"""
    newline, blank = f"<xsl:text>{_BREAK}</xsl:text>", f"<xsl:text>{_BREAK}{_BLANK}{_BREAK}</xsl:text>"
    return etree.XSLT(etree.XML(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:output method="text" encoding="UTF-8"/>'
        f'<xsl:template match="{"|".join(sorted(SKIP))}"/>'
        f'<xsl:template match="br">{newline}</xsl:template>'
        + _template(_BLANK_AROUND, blank, blank)
        + _template(_BLANK_BEFORE, blank, newline)
        + _template(frozenset({"li"}), f"<xsl:text>{_BREAK}• </xsl:text>", newline)
        + _template(BLOCK - _BLANK_AROUND - _BLANK_BEFORE - {"li"}, newline, newline)
        + "</xsl:stylesheet>"))


_THREAD = threading.local()
# Each pattern matches only what it changes (a lone space is left alone): most text has
# a space between every two words, and a substitution per match is what costs.
_SPACES = re.compile(r"[ \t\r\n\u00a0\u3000\u200b]{2,}|[\t\r\n\u00a0\u3000\u200b]")
_NO_TEXT = re.compile(r"\n\n+")
_LINE_EDGES = re.compile(r" \n ?|\n ")


def _layout() -> etree.XSLT:
    """The stylesheet, compiled once per thread so that import threads never share one."""
    if not hasattr(_THREAD, "layout"):
        _THREAD.layout = _stylesheet()
    return _THREAD.layout


def _tidy(text: str) -> str:
    """Lines from the stylesheet's output: a break with no text since the last one makes
    no line, whitespace alone makes an empty one, and every line is trimmed."""
    text = _SPACES.sub(" ", text).replace(_BREAK, "\n")
    text = _LINE_EDGES.sub("\n", _NO_TEXT.sub("\n", text))
    return text.replace(_BLANK, "").strip("\n")


class PageLines(NamedTuple):
    """A page's lines; ``whole`` is False when it had more text than asked for."""

    text: str
    whole: bool


def page_lines(root: lxml.html.HtmlElement, limit: int) -> PageLines:
    """The visible text of a page, one line per block element, up to ``limit`` characters
    (cut at a line's end)."""
    body = root.find("body")
    try:
        text = str(_layout()(body if body is not None else root))
    except etree.XSLTApplyError as error:
        raise ExtractError("it is nested too deeply to read") from error
    # Tidying takes time in proportion to the text: tidy a generous head only.
    whole = len(text) <= 4 * limit
    text = _tidy(text if whole else text[: 4 * limit])
    if len(text) <= limit:
        return PageLines(text, whole)
    return PageLines(head_lines(text, limit), False)


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*>|<!--")
# SKIP elements whose content is not shown; the rest of SKIP (meta, link, input…) are empty.
_SKIP_CONTENT = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "select",
                           "button", "textarea", "title"})
_TITLE = re.compile(r"<title[^>]*>([^<]*)", re.I)


def _flat_break(name: str, closing: bool) -> str:
    """What the stylesheet puts before (or after, when ``closing``) an element."""
    blank, newline = f"{_BREAK}{_BLANK}{_BREAK}", _BREAK
    if name in _BLANK_AROUND or name in _BLANK_BEFORE and not closing:
        return blank
    if name == "li" and not closing:
        return f"{_BREAK}• "
    return newline if name in BLOCK or name == "br" else ""


def flat_page_lines(text: str, limit: int) -> str:
    """The lines :func:`page_lines` would give, read from the markup itself, tag by tag.

    For a page nested deeper than an HTML parser builds a tree (libxml2 stops at 256
    levels and drops the rest): what is inside a skipped element (script, style, title…)
    is passed over up to its closing tag, so a page is read once, in one pass.
    """
    lower = text.lower()
    out: list[str] = []
    unclosed: set[str] = set()  # a name never closed further on is not searched for again
    size = position = 0
    while size < 4 * limit and (match := _TAG.search(text, position)):
        out.append(text[position:match.start()])
        size += match.start() - position
        position = match.end()
        name = (match.group(2) or "").lower()
        if not name:  # a comment
            end = text.find("-->", position)
            position = len(text) if end < 0 else end + 3
        elif name in _SKIP_CONTENT and not match.group(1) and name not in unclosed:
            end = lower.find(f"</{name}", position)
            if end < 0:
                unclosed.add(name)
            else:
                position = end
        elif name in SKIP:
            continue
        else:
            out.append(_flat_break(name, bool(match.group(1))))
    if size < 4 * limit:
        out.append(text[position:])
    return head_lines(_tidy(html.unescape("".join(out))), limit)


def page_title(text: str) -> str:
    """The text of the page's <title>, found without parsing the page."""
    match = _TITLE.search(text, 0, 100_000)
    return re.sub(r"\s+", " ", html.unescape(match.group(1))).strip() if match else ""
