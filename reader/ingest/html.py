"""HTML pages: trafilatura finds the article, we turn its XML into Markdown blocks
and add what it misses on Chinese news pages.

trafilatura is good at the body; it is weaker at titles (site suffixes such
as " - 新浪网"), at metadata printed as text under the title (来源/作者/
时间), and now and then it keeps far too little. So the page is also laid
out as lines of text (block elements break lines, scripts and styles are
skipped) and read by the plain-text classifier: that gives the metadata line
and a second opinion on the body when trafilatura's is empty or much shorter.
Nothing is ever fetched: images come only from a resolver the caller passes
(the sibling ``page_files/`` folder, or the parts of an MHTML archive).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import islice

import lxml.etree as etree
import lxml.html

from reader.ingest.blocks import Block, escape_block_start, escape_inline, escape_line, unescape
from reader.ingest.dates import local_zone
from reader.ingest.errors import ExtractError, NestedTooDeeply
from reader.ingest.html_lines import page_lines
from reader.ingest.metadata import (
    LineMeta,
    MarkupMeta,
    find_byline,
    find_date,
    guess_language,
    markup_metadata,
)
from reader.ingest.plaintext import TextArticle, extract_plain_text, line_kind, prose_weight
from reader.scripts import HAN, HAN_BASIC, HAN_COMPAT, HAN_RUN, chars_matched
from reader.urls import url_host

ImageResolver = Callable[[str], "str | None"]
"""Maps an image ``src`` as written in the page to a stored image name, or None."""

_SEPARATOR = r"(?:-{1,2}|[_|｜–—·:：]|::)"
"""What sets a headline off from the site or section names around it in a <title>."""
_SITE_SUFFIX = re.compile(rf"\s*{_SEPARATOR}\s*[^-_|｜–—·]{{1,30}}$")
_SEPARATOR_CHARS = " -_|｜–—·:："
_WS = re.compile(r"[ \t\r\n\u00a0\u3000\u200b]{2,}|[\t\r\n\u00a0\u3000\u200b]")
"""Whitespace to fold into one space; a lone space is left alone, as substituting it costs and changes nothing."""
MAX_ELEMENTS = 1_500_000
"""A page with more elements is refused before it is parsed: one this size takes about
four seconds to read, and parsing alone grows by a second per million elements more."""
FULL_READING_ELEMENTS = 15_000
"""trafilatura's time grows faster than the page: about 2 s at 15,000 elements, 6 s at 30,000.
A page with more, or with more text than LINES_LIMIT, is read by the line classifier alone."""
LINES_LIMIT = 2_000_000
"""How much of a page's text, laid out as lines, the line classifier reads (it takes about
0.1 s per million characters of ordinary text); only a page this large loses anything."""


@dataclass
class HtmlArticle:
    """What the HTML extractor found."""

    title: str = ""
    byline: str = ""
    source: str = ""
    published: str = ""
    url: str = ""
    language: str = ""
    blocks: list[Block] = field(default_factory=list)


def _parser(huge: bool) -> lxml.html.HTMLParser:
    """lxml.html's parser with a lookup that gives every element the plain HtmlElement class.

    lxml.html normally picks each element's class (forms, inputs, labels…) by a Python
    callback, run every time an element is touched from Python: that alone cost
    trafilatura and our own passes about a tenth of their time. Nothing here or in
    trafilatura uses those form classes, only HtmlElement's methods.
    """
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, recover=True, default_doctype=False,
                                  collect_ids=False, huge_tree=huge)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity))
    return parser


def _size_limit(error: etree._LogEntry) -> bool:
    return error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT and "depth" not in error.message


def _depth_limit(error: etree._LogEntry) -> bool:
    return error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT and "depth" in error.message


def parse(text: str) -> lxml.html.HtmlElement:
    """Parse leniently; libxml2 caps nesting depth itself, so hostile pages cannot recurse us to death.

    Elements are counted first, as the tags that open with "<" and no "/" (comments and
    a stray "<" in text count too: a little over, never under). libxml2 also stops reading,
    silently for a lenient parser, at a text, script or attribute over 10 MB (an image
    inlined as a data: URI, a bundled script): such a page is read again without its
    limits, which also lets its nesting go eight times deeper. Past 256 levels libxml2
    drops everything deeper without a word, so such a page raises :class:`NestedTooDeeply`
    for the caller to read it flat (lifting the limit would only make a hostile page slower).
    """
    elements = text.count("<") - text.count("</")
    if elements > MAX_ELEMENTS:
        raise ExtractError(f"the page is too large to read (about {elements:,} elements; "
                           f"the limit is {MAX_ELEMENTS:,})")
    try:
        parser = _parser(huge=False)
        root = lxml.html.document_fromstring(text, parser=parser)
        if any(_size_limit(error) for error in parser.error_log):
            parser = _parser(huge=True)
            root = lxml.html.document_fromstring(text, parser=parser)
        if any(_depth_limit(error) for error in parser.error_log):
            raise NestedTooDeeply()
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        if not text.strip():
            raise ExtractError("the file is empty") from error
        raise ExtractError("it is not readable HTML") from error
    return root


def _meta_index(root: lxml.html.HtmlElement) -> dict[str, str]:
    """Every <meta> content under its property, name and itemprop (the first non-empty one
    for each), read in one pass instead of one search of the whole page per name."""
    index: dict[str, str] = {}
    for element in root.iter("meta"):
        content = (element.get("content") or "").strip()
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = element.get(attribute)
            if key is not None and key not in index:
                index[key] = _WS.sub(" ", content)
    return index


def _first(index: dict[str, str], *names: str) -> str:
    return next((index[name] for name in names if name in index), "")


def clean_title(title: str, site_names: tuple[str, ...] = ()) -> str:
    """A <title> without the site's name: "标题 - 新浪网" → "标题", "Story | Site" → "Story"."""
    title = _WS.sub(" ", title).strip()
    for site in site_names:
        if site and title.endswith(site) and len(title) > len(site) + 4:
            title = title[: -len(site)].rstrip(_SEPARATOR_CHARS)
        if site and title.startswith(site) and len(title) > len(site) + 4 and title[len(site)] in _SEPARATOR_CHARS:
            title = title[len(site):].lstrip(_SEPARATOR_CHARS)
    previous = None
    while previous != title:
        previous = title
        match = _SITE_SUFFIX.search(title)
        if match and len(title) - len(match.group(0)) >= max(6, len(title) // 3):
            head = title[: match.start()].strip()
            if head:
                title = head
    return title


_IMAGE_SOURCES = ("src", "data-src", "data-original", "data-lazy-src")


def _image_sources(img: lxml.html.HtmlElement) -> list[str]:
    """Where an <img> says its image is, best first (lazy-loading attributes included)."""
    candidates = [img.get(a) or "" for a in _IMAGE_SOURCES]
    srcset = img.get("srcset") or img.get("data-srcset") or ""
    candidates += [part.strip().split(" ")[0] for part in srcset.split(",") if part.strip()]
    return [src.strip() for src in candidates if src.strip()]


def _localize_images(root: lxml.html.HtmlElement, images: ImageResolver | None) -> set[str]:
    """Point every <img> at the stored copy of its image, or remove it.

    Done before trafilatura sees the page, so the extracted XML can only name
    images we hold (nothing is fetched). Each distinct ``src`` is resolved once:
    a page may repeat one image (a spacer, an icon) many thousands of times.
    """
    names: set[str] = set()
    resolved: dict[str, str | None] = {}
    for img in list(root.iter("img")):
        name = None
        if images is not None:
            for src in _image_sources(img):
                if src not in resolved:
                    resolved[src] = images(src)
                name = resolved[src]
                if name:
                    break
        for attribute in (*_IMAGE_SOURCES, "srcset", "data-srcset"):
            img.attrib.pop(attribute, None)
        if name:
            img.set("src", name)
            names.add(name)
        else:
            img.drop_tree()
    return names


class _Converter:
    """trafilatura's XML (p, head, list/item, quote, table/row/cell, graphic, hi, lb) to blocks."""

    def __init__(self, images: set[str]) -> None:
        self.images = images
        self.blocks: list[Block] = []

    def inline(self, element: etree._Element, depth: int = 0) -> str:
        parts: list[str] = [_inline_text(element.text)]
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "lb":
                parts.append("\n")
            elif tag == "graphic":
                pass
            elif tag == "code" and (code := " ".join("".join(child.itertext()).split())):
                parts.append(_code_span(code))
            elif depth < 50:
                inner = self.inline(child, depth + 1)
                rend = child.get("rend", "")
                if inner.strip() and tag == "hi" and rend in ("#b", "#strong"):
                    inner = _emphasis(inner, "**")
                elif inner.strip() and tag == "hi" and rend in ("#i", "#em"):
                    inner = _emphasis(inner, "*")
                parts.append(inner)
            parts.append(_inline_text(child.tail))
        return "".join(parts)

    def paragraph_text(self, element: etree._Element) -> str:
        text = self.inline(element)
        lines = [line.strip() for line in text.split("\n")]
        lines = [escape_block_start(line) for line in lines if line]
        return "  \n".join(lines)

    def image(self, element: etree._Element) -> None:
        name = (element.get("src") or "").rsplit("/", 1)[-1]
        if name in self.images:
            alt = element.get("alt") or element.get("title") or ""
            self.blocks.append(Block("image", text=_WS.sub(" ", alt).strip(), name=name))

    def walk(self, element: etree._Element, depth: int = 0) -> None:
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "p":
                for graphic in child.iter("graphic"):
                    self.image(graphic)
                text = self.paragraph_text(child)
                if text.strip():
                    self.blocks.append(Block("paragraph", text=text))
            elif tag == "head":
                level = _level(child.get("rend", "h2"))
                text = _WS.sub(" ", "".join(child.itertext())).strip()
                if text:
                    self.blocks.append(Block("heading", text=escape_inline(text), level=level))
            elif tag == "list":
                items = []
                for item in child.iter("item"):
                    text = _WS.sub(" ", self.inline(item)).strip()
                    if text:
                        items.append(text)
                if items:
                    ordered = child.get("rend", "") in ("ol", "1", "decimal")
                    self.blocks.append(Block("list", items=items, ordered=ordered))
            elif tag == "quote":
                text = self.paragraph_text(child) if not len(child) or all(
                    c.tag in ("hi", "lb", "ref") for c in child) else ""
                if text:
                    self.blocks.append(Block("quote", text=text.replace("  \n", "\n")))
                elif depth < 20:
                    start = len(self.blocks)
                    self.walk(child, depth + 1)
                    inner = [b for b in self.blocks[start:] if b.kind == "paragraph"]
                    if len(inner) == len(self.blocks) - start and inner:
                        del self.blocks[start:]
                        self.blocks.append(Block("quote", text="\n>\n".join(b.text for b in inner)))
            elif tag == "table":
                rows = []
                for row in child.iter("row"):
                    cells = [_WS.sub(" ", self.inline(cell)).strip() for cell in row if cell.tag == "cell"]
                    if any(cells):
                        rows.append(cells)
                if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
                    self.blocks.append(Block("table", items=rows))
                else:
                    for row in rows:
                        self.blocks.append(Block("paragraph", text=escape_block_start(" ".join(c for c in row if c))))
            elif tag == "graphic":
                self.image(child)
            elif tag == "code":
                self.blocks.append(Block("code", text="".join(child.itertext())))
            elif depth < 20 and len(child):
                self.walk(child, depth + 1)
            elif tag and (child.text or "").strip():
                self.blocks.append(Block("paragraph", text=escape_line(_WS.sub(" ", child.text).strip())))


def _code_span(code: str) -> str:
    """Code as Markdown shows it, character for character: backslash escapes would show
    inside a code span, so the code is fenced by more backticks than it holds in a row."""
    fence = "`" * (max(map(len, re.findall("`+", code)), default=0) + 1)
    pad = " " if code[0] == "`" or code[-1] == "`" else ""
    return f"{fence}{pad}{code}{pad}{fence}"


def _emphasis(inner: str, marker: str) -> str:
    """Emphasis cannot start or end with a space in Markdown: the spaces an emphasised run
    has at its ends go outside the markers ("journal<em> Nature</em>" keeps its space)."""
    core = inner.strip()
    start = inner.index(core[0])
    return f"{inner[:start]}{marker}{core}{marker}{inner[start + len(core):]}"


def _inline_text(text: str | None) -> str:
    return escape_inline(_WS.sub(" ", text)) if text else ""


def _level(rend: str) -> int:
    match = re.match(r"h(\d)", rend or "")
    return int(match.group(1)) if match else 2


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).lower()


def _trafilatura_body(root: lxml.html.HtmlElement, url: str | None, include_images: bool) -> etree._Element | None:
    """trafilatura's article body as XML, or None when it finds none.

    Given a parsed tree, trafilatura works on its own copy, so ``root`` is neither
    parsed again nor changed. Metadata comes from :func:`markup_metadata` instead
    of ``with_metadata`` (which also searches categories, tags, a licence and an
    author we may not need), and the "xml" format skips the plain-text rendering
    of the body that only the default "python" format makes.
    """
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            root,
            url=url,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            include_images=include_images,
            include_formatting=True,
            include_links=False,
            deduplicate=False,
            output_format="xml",
        )
    except (RecursionError, ValueError, TypeError, etree.LxmlError):
        return None
    return document.body if document is not None else None


def _drop_scripts(root: lxml.html.HtmlElement) -> None:
    """Remove scripts and style sheets (keeping the text after them) before trafilatura copies
    the page, as it does several times. Its own cleaning, readability's and the one before
    justext all remove them first in the same way, so the result is the same, sooner.
    JSON-LD stays: trafilatura reads it to tell a forum thread from an article."""
    for element in list(root.iter("script", "style")):
        if element.get("type") != "application/ld+json":
            element.drop_tree()


def _markup(root: lxml.html.HtmlElement, url: str, *, want_author: bool, want_date: bool) -> MarkupMeta:
    try:
        return markup_metadata(root, url or None, want_author=want_author, want_date=want_date)
    except (RecursionError, ValueError, TypeError, etree.LxmlError):
        return MarkupMeta()


def _block_text(blocks: list[Block]) -> str:
    return "\n".join([b.text for b in blocks if b.text] + [str(i) for b in blocks for i in b.items])


_TOKEN = re.compile(rf"[{HAN}{HAN_COMPAT}]|[^\W{HAN}{HAN_COMPAT}]+")


def _shingles(text: str) -> set[tuple[str, ...]]:
    tokens = _TOKEN.findall(text.lower())
    return {tuple(tokens[i:i + 4]) for i in range(max(0, len(tokens) - 3))}


def _prefer_plain(blocks: list[Block], plain: TextArticle) -> bool:
    """Which body to trust: trafilatura's, or the line classifier's reading of the page text.

    trafilatura's heuristics were built on Western markup; Chinese portals of the 2010s
    lay stories out in tables where it often grabs a headline list or the footer. The
    line classifier anchors on the article head (headline, then a dated source line),
    so on CJK pages where it found that head and the two disagree, it wins. Anywhere,
    an empty trafilatura result, or one with hardly any running text (a few words where
    the page has far more), loses.
    """
    ours, theirs = _block_text(plain.blocks), _block_text(blocks)
    if not theirs.strip():
        return bool(ours.strip())
    kept = prose_weight(theirs)
    if kept < 30 and kept < 0.3 * prose_weight(ours):
        return True
    cjk = chars_matched(HAN_RUN, ours + theirs) > 0.3 * max(1, len(ours) + len(theirs))
    if not (cjk and plain.title and plain.head_dated):
        return False
    a, b = _shingles(ours), _shingles(theirs)
    shared = len(a & b)
    agree = shared >= 0.9 * max(1, len(a)) and shared >= 0.9 * max(1, len(b))
    return not agree


_HAN = re.compile(f"[{HAN_BASIC}]")
CHINESE_PAGE = 40
"""Han characters in the first 2,000 of a page's text that make it a Chinese page: an English page's
language menu ("中文") or a quoted name has a few, a Chinese page's navigation alone has over a hundred."""


@dataclass
class _Head:
    """What the page's <head> and headings say about it."""

    raw_title: str = ""
    site: str = ""
    og_title: str = ""
    h1s: list[str] = field(default_factory=list)
    url: str = ""
    byline: str = ""
    published: str = ""


def _read_head(root: lxml.html.HtmlElement) -> _Head:
    head = _Head()
    meta = _meta_index(root)
    head.site = _first(meta, "og:site_name", "application-name")
    title = next(root.iter("title"), None)
    head.raw_title = title.text_content() if title is not None else ""
    head.og_title = _first(meta, "og:title", "twitter:title", "headline")
    head.h1s = [_WS.sub(" ", h.text_content()).strip() for h in islice(root.iter("h1"), 3)]
    head.url = _first(meta, "og:url")
    canonical = next((link.get("href") for link in root.iter("link")
                      if link.get("rel") == "canonical" and link.get("href") is not None), "")
    if not head.url and canonical.startswith("http"):
        head.url = canonical.strip()
    byline = _first(meta, "author", "article:author", "byline", "dc.creator")
    head.byline = "" if byline.startswith("http") else byline
    head.published = _first(meta, "article:published_time", "datePublished", "pubdate", "publishdate", "date",
                            "dc.date", "DC.date.issued", "parsely-pub-date", "sailthru.date", "article.published")
    return head


MAX_HEADLINE = 300
"""An <h1> longer than this holds more than a headline (a whole page wrapped in it, a script)."""
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|cn|tw|hk|info|tv|co|uk|in)$", re.I)
_FRAME = re.compile(rf"\s*{_SEPARATOR}|\s")
_NAMES_SPLIT = re.compile(rf"\s*{_SEPARATOR}\s*")


def _site_names(head: _Head) -> set[str]:
    """The site's names, folded: og:site_name or application-name, and the URL's host
    with and without its top-level domain ("indiapost.com", "indiapost")."""
    names = {_fold(head.site)} if head.site else set()
    host = url_host(head.url)
    if host:
        names |= {_fold(host), _fold(host.rsplit(".", 1)[0])}
    return names - {""}


def _names_site(text: str, sites: set[str]) -> bool:
    """Whether a heading is the site's name (a masthead <h1>) rather than a headline."""
    folded = _fold(text)
    return folded in sites or bool(_DOMAIN.match(text.strip())) or any(
        site and folded.startswith(site) and len(folded) <= 2 * len(site) for site in sites)


def _frames(title: str, headline: str) -> bool:
    """Whether a <title> is ``headline`` with site or section names before or after it.

    The rest must be set off by a separator, and be either no longer than the headline
    or several names in a row ("标题-关键词,…-北方网-新闻中心"): so an <h1> holding only
    a section's name ("Opinion") does not pass for the headline of "Opinion | Story".
    """
    title, headline = _WS.sub(" ", title).strip(), _WS.sub(" ", headline).strip()
    if len(_fold(headline)) < 4:
        return False
    if title == headline:
        return True
    if title.startswith(headline):
        rest = title[len(headline):]
        framed = _FRAME.match(rest)
    elif title.endswith(headline):
        rest = title[: -len(headline)]
        framed = _FRAME.match(rest[::-1])
    else:
        return False
    if not framed:
        return False
    names = [part for part in _NAMES_SPLIT.split(rest.strip()) if part]
    return len(_fold(rest)) <= len(_fold(headline)) or len(names) >= 2


def _confirmed(text: str, others: list[str], raw_title: str) -> bool:
    """A headline the page shows is confirmed when another source says the same words
    (folded: case, spaces and punctuation aside), or the <title> is it plus site noise."""
    folded = _fold(text)
    return bool(folded) and (any(other and _fold(other) == folded for other in others) or _frames(raw_title, text))


def _shares_wording(a: str, b: str) -> bool:
    """Whether two headlines tell the same story in slightly different words: most of the
    shorter one's characters occur in the longer (CJK headlines, where characters are words)."""
    a, b = _fold(a), _fold(b)
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 6 and sum(char in longer for char in shorter) >= 0.7 * len(shorter)


def _choose_title(head: _Head, found: str, plain: TextArticle, chinese: bool = False) -> str:
    """The headline: the page's own wording where the markup bears it out, else the <title>'s.

    The line the classifier found above the dated line and the page's <h1>s are what a
    reader sees; <title>, og:title and trafilatura's title (``found``) often carry the
    site and section names, or an SEO wording. So a shown headline wins, as the page
    writes it, when another source says the same or the <title> is it plus site noise;
    an <h1> naming the site is no headline. Otherwise the <title> without site names,
    except on Chinese pages, where the line above the date wins when the <title> is only
    a short name or words the line shares (the page's fuller wording).
    """
    sites = _site_names(head)
    shown = [text for text in (_WS.sub(" ", plain.title).strip(), *head.h1s)
             if text and len(text) <= MAX_HEADLINE and not _names_site(text, sites)]
    listed = [found, clean_title(head.raw_title, (head.site,)), head.og_title]
    for text in shown:
        if _confirmed(text, [*listed, *(other for other in shown if other is not text)], head.raw_title):
            return text
    cleaned = clean_title(found or head.raw_title or head.og_title, (head.site,))
    if chinese and plain.title and plain.head_dated and not _names_site(plain.title, sites) and (
            _shares_wording(plain.title, cleaned) or (len(cleaned) <= 12 and not _FRAME.search(cleaned))):
        return _WS.sub(" ", plain.title).strip()
    title = cleaned or (shown[0] if shown else "") or plain.title
    return _WS.sub(" ", title).strip()


_FURNITURE = frozenset({"nav", "crumb", "junk", "rule"})


def _without_furniture(blocks: list[Block]) -> list[Block]:
    """On Chinese portals trafilatura now and then keeps a toolbar, a breadcrumb or a tag list
    at an edge of its body ("Loading", "公視新聞網 / 政治", "蔡英文 、 民進黨 、 …"): one-line
    paragraphs at either end that the line classifier reads as navigation or furniture go,
    and so does an end marker that closes the body ("相关新闻", "责任编辑：…"). (On English
    pages what it keeps there is mostly the story's own: a list of dates, a "Filed under".)"""
    def furniture(block: Block, tail: bool) -> bool:
        if block.kind != "paragraph" or "\n" in block.text:
            return False
        kind = line_kind(unescape(block.text))
        return kind in _FURNITURE or (tail and kind == "end")

    start, end = 0, len(blocks)
    while start < end and furniture(blocks[start], tail=False):
        start += 1
    while end > start and furniture(blocks[end - 1], tail=True):
        end -= 1
    return blocks[start:end]


def _without_title(blocks: list[Block], title: str) -> list[Block]:
    """The title is shown above the body: drop a copy of it from the top of the body,
    and move headings down so that sections start at level 2."""
    folded = _fold(title)
    kept = [
        block for index, block in enumerate(blocks)
        if not (index < 4 and folded and block.kind in ("heading", "paragraph")
                and _fold(unescape(block.text)) == folded)
    ]
    levels = [b.level for b in kept if b.kind == "heading"]
    if levels and min(levels) < 2:
        shift = 2 - min(levels)
        for block in kept:
            if block.kind == "heading":
                block.level = min(6, block.level + shift)
    return kept


def _apply_markup(article: HtmlArticle, markup: MarkupMeta) -> None:
    """What trafilatura read from the markup fills what the page's own <meta> left empty."""
    article.published = markup.published
    article.byline = article.byline or markup.author
    article.source = article.source or markup.sitename
    if not article.url and markup.url.startswith("http"):
        article.url = markup.url


def _apply_meta_line(article: HtmlArticle, meta: LineMeta, head: _Head, chinese: bool, under_title: str,
                     zone: str) -> None:
    """A metadata line under the headline beats <meta> guesses on Chinese pages, and gives the time;
    elsewhere it wins where the markup's day is the UTC day of what the page shows as its local day.

    On Chinese pages the byline is the one the page prints under the headline ("作者：…",
    "本报记者 …", "記者…／台北報導"; ``under_title`` is the text that follows the headline),
    as trafilatura is not asked there; a <meta name="author"> only when it is a person's
    name: sites fill it with their own name, keywords, a description or a number. A <head>
    timestamp without an offset is in the page's ``zone`` (China's, Japan's, Korea's).
    """
    stamp = find_date(head.published, zone=zone)
    if meta.published and (chinese or not article.published or _utc_day_of(article.published, meta.published, stamp)
                           or meta.published.startswith(article.published)):
        article.published = meta.published
    if chinese and meta.source:
        article.source = meta.source
    if chinese:
        named = meta.byline or _byline_under_title(under_title)
        article.byline = named or (article.byline if _names_person(article.byline, head.raw_title) else "")
    article.byline = article.byline or meta.byline
    if not article.published:
        article.published = stamp
    article.published = _with_local_time(article.published, stamp)


BYLINE_LINES = 8
"""How many lines under the headline may hold its byline (source and date lines come first)."""
_PERSON = re.compile(rf"[{HAN_BASIC}·]{{2,4}}(?:[ 、，,][{HAN_BASIC}·]{{2,4}})*|[A-Z][a-z]+(?: [A-Z][a-z.]+)+")


def _byline_under_title(text: str) -> str:
    """The first byline in the short lines under the headline, or at the head of the first
    paragraph ("人民网北京1月12日电（记者 刘军涛）…")."""
    lines = [line for line in text.split("\n") if line.strip()]
    for line in lines[1:BYLINE_LINES + 1]:
        name = find_byline(line[:80])
        if name:
            return name
    return ""


def _names_person(name: str, raw_title: str) -> bool:
    """Whether a Chinese page's <meta name="author"> is a person's name, not the site's."""
    return bool(_PERSON.fullmatch(name)) and not name.endswith(("网", "網")) and name not in raw_title


def _utc_day_of(markup: str, shown: str, stamp: str) -> bool:
    """Whether the markup's day is the day shown on the page, moved across midnight by a zone.

    <meta> timestamps are often UTC ("2019-11-20T02:15Z") where the page shows the
    site's local day ("Nov 19, 2019, 8:15 pm CST"): a day behind UTC in the Americas'
    evenings, a day ahead in Asia's mornings. So the shown day wins when it is one day
    from the markup's and a timestamp in the <head> says either that UTC day at an hour
    some zone (UTC-12 to UTC+14) would show as the shown day, or the shown day itself
    in a local zone. A shown day no zone could give is another date on the page (a teaser's).
    """
    markup_day, shown_day = _day(markup), _day(shown)
    if not (markup_day and shown_day) or abs((markup_day - shown_day).days) != 1:
        return False
    try:
        instant = datetime.fromisoformat(stamp)
    except ValueError:
        return False
    if instant.utcoffset() is None:
        return False
    if instant.utcoffset():
        return instant.date() == shown_day
    return instant.date() == markup_day and \
        (instant - timedelta(hours=12)).date() <= shown_day <= (instant + timedelta(hours=14)).date()


def _with_local_time(published: str, stamp: str) -> str:
    """A day alone gains the time of a <head> timestamp for that day written in a local zone
    (``2019-11-19T19:53:52-05:00``): that is the time the page shows, and it names an instant.
    A UTC timestamp is left out: its clock time is not the one the page shows."""
    if len(published) == 10 and stamp[:10] == published and _OFFSET.search(stamp) and not stamp.endswith("+00:00"):
        return stamp
    return published


_OFFSET = re.compile(r"T\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


def _day(published: str) -> date | None:
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _text_under(lines: str, title: str) -> str:
    """The page's text from its headline line on, enough for the lines a byline may stand in."""
    at = lines.find(title) if title else -1
    return lines[at: at + 1500] if at >= 0 else ""


def extract_html(text: str, images: ImageResolver | None = None) -> HtmlArticle:
    """Find the article in an HTML page: body, title and metadata.

    A page too large for trafilatura in a few seconds (see FULL_READING_ELEMENTS) is
    read as lines only, as a plain-text page would be: a best effort, but an article.
    A page's size in bytes does not decide this: a single-file save whose images are
    inlined as data: URIs is large but an ordinary article.
    """
    root = parse(text)
    head = _read_head(root)
    stored = _localize_images(root, images)
    # Our own reading of the page as text: metadata line, title, and a second opinion on the body.
    lines, whole = page_lines(root, LINES_LIMIT)
    full_reading = whole and root.xpath("count(//*)") <= FULL_READING_ELEMENTS
    plain = extract_plain_text(lines)
    chinese_page = len(_HAN.findall(lines[:2000])) >= CHINESE_PAGE

    article = HtmlArticle(url=head.url, byline=head.byline, source=head.site)
    converter = _Converter(stored)
    found_title = ""
    if full_reading:
        # On Chinese pages the metadata line's date wins and trafilatura's author search
        # finds labels and site names ("字号", "作者：…"), so neither is asked for there.
        markup = _markup(root, head.url, want_author=not (head.byline or plain.meta.byline or chinese_page),
                         want_date=not (chinese_page and plain.head_dated))
        _drop_scripts(root)  # only after htmldate, which searches scripts for dates too
        body = _trafilatura_body(root, head.url or markup.url or None, bool(stored))
        if body is not None:
            converter.walk(body)
            _apply_markup(article, markup)
            found_title = markup.title
    blocks = converter.blocks

    if _prefer_plain(blocks, plain):
        blocks = plain.blocks + [b for b in blocks if b.kind == "image"]
    elif chinese_page:
        blocks = _without_furniture(blocks)
    article.title = _choose_title(head, found_title, plain, chinese_page)
    chinese = chinese_page or bool(_HAN.search(article.title))
    # Only a <head> timestamp without an offset needs the page's zone: guess the language for it alone.
    zone = local_zone(guess_language(lines[:6000])) if head.published else ""
    _apply_meta_line(article, plain.meta, head, chinese, _text_under(lines, plain.title) if chinese else "", zone)
    article.blocks = _without_title(blocks, article.title)
    return article
