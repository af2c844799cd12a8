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

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import lxml.etree as etree
import lxml.html

from reader.ingest.blocks import Block, escape_inline, escape_line
from reader.ingest.errors import ExtractError
from reader.ingest.metadata import find_date
from reader.ingest.plaintext import TextArticle, extract_plain_text, prose_weight

ImageResolver = Callable[[str], "str | None"]
"""Maps an image ``src`` as written in the page to a stored image name, or None."""

_SKIP = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "select",
         "option", "button", "input", "textarea", "head", "title", "meta", "link"}
_BLOCK = {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol", "li",
          "dl", "dt", "dd", "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "h1", "h2", "h3",
          "h4", "h5", "h6", "blockquote", "pre", "form", "fieldset", "figure", "figcaption", "address", "hr",
          "center", "body", "html"}
_SITE_SUFFIX = re.compile(r"\s*(?:[-_|–—·:：]|\s-\s|_{1,2}|\|)\s*[^-_|–—·]{1,30}$")
_WS = re.compile(r"[ \t\r\n\u00a0\u3000\u200b]+")
MAX_TREE_NODES = 250_000
"""Beyond this many elements a page is refused: no saved article is that large."""
TRAFILATURA_MAX_NODES = 30_000
"""trafilatura takes about a second per 2,000 paragraphs; larger pages go to the line classifier alone."""


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


def parse(text: str) -> lxml.html.HtmlElement:
    """Parse leniently; libxml2 caps nesting depth itself, so hostile pages cannot recurse us to death."""
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, recover=True, default_doctype=False)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        if not text.strip():
            raise ExtractError("the file is empty") from error
        raise ExtractError("it is not readable HTML") from error
    return root


def _meta(root: lxml.html.HtmlElement, *names: str) -> str:
    for name in names:
        for element in root.xpath(f'//meta[@property="{name}" or @name="{name}" or @itemprop="{name}"]'):
            content = (element.get("content") or "").strip()
            if content:
                return _WS.sub(" ", content)
    return ""


def clean_title(title: str, site_names: tuple[str, ...] = ()) -> str:
    """A <title> without the site's name: "标题 - 新浪网" → "标题", "Story | Site" → "Story"."""
    title = _WS.sub(" ", title).strip()
    for site in site_names:
        if site and title.endswith(site) and len(title) > len(site) + 4:
            title = title[: -len(site)].rstrip(" -_|–—·:：")
    previous = None
    while previous != title:
        previous = title
        match = _SITE_SUFFIX.search(title)
        if match and len(title) - len(match.group(0)) >= max(6, len(title) // 3):
            head = title[: match.start()].strip()
            if head:
                title = head
    return title


def page_lines(root: lxml.html.HtmlElement) -> str:
    """The visible text of a page, one line per block element, as a browser's "save as text" would."""
    body = root.find("body")
    if body is None:
        body = root
    out: list[str] = []
    current: list[str] = []

    def newline() -> None:
        if current:
            out.append(_WS.sub(" ", "".join(current)).strip())
            current.clear()

    skipping = 0
    for event, element in etree.iterwalk(body, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            if skipping or tag in _SKIP:
                skipping += 1
                continue
            if tag in _BLOCK or tag == "br":
                newline()
                if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote"):
                    out.append("")
            if tag == "li":
                current.append("• ")
            if element.text:
                current.append(element.text)
        else:
            if skipping:
                skipping -= 1
                if skipping == 0 and element.tail:
                    current.append(element.tail)
                continue
            if tag in _BLOCK:
                newline()
                if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6"):
                    out.append("")
            if element.tail:
                current.append(element.tail)
    newline()
    return "\n".join(out)


def _localize_images(root: lxml.html.HtmlElement, images: ImageResolver | None) -> set[str]:
    """Point every <img> at the stored copy of its image, or remove it.

    Done before trafilatura sees the page, so the extracted XML can only name
    images we hold (lazy-loading attributes are honoured; nothing is fetched).
    """
    names: set[str] = set()
    for img in list(root.iter("img")):
        candidates = [img.get(a) for a in ("src", "data-src", "data-original", "data-lazy-src")]
        srcset = img.get("srcset") or img.get("data-srcset") or ""
        candidates += [part.strip().split(" ")[0] for part in srcset.split(",") if part.strip()]
        name = None
        if images is not None:
            for src in candidates:
                if src and src.strip():
                    name = images(src.strip())
                    if name:
                        break
        for attribute in ("src", "data-src", "data-original", "data-lazy-src", "srcset", "data-srcset"):
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
        parts: list[str] = [escape_inline(_WS.sub(" ", element.text or ""))]
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "lb":
                parts.append("\n")
            elif tag == "graphic":
                pass
            elif depth < 50:
                inner = self.inline(child, depth + 1)
                rend = child.get("rend", "")
                if inner.strip() and tag == "hi" and rend in ("#b", "#strong"):
                    inner = f"**{inner.strip()}**"
                elif inner.strip() and tag == "hi" and rend in ("#i", "#em"):
                    inner = f"*{inner.strip()}*"
                elif inner.strip() and tag == "code":
                    inner = "`" + inner.replace("`", "") + "`"
                parts.append(inner)
            parts.append(escape_inline(_WS.sub(" ", child.tail or "")))
        return "".join(parts)

    def paragraph_text(self, element: etree._Element) -> str:
        text = self.inline(element)
        lines = [line.strip() for line in text.split("\n")]
        lines = [escape_line(_unescape_once(line)) for line in lines if line]
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
                        self.blocks.append(Block("paragraph", text=escape_line(" ".join(c for c in row if c))))
            elif tag == "graphic":
                self.image(child)
            elif tag == "code":
                self.blocks.append(Block("code", text="".join(child.itertext())))
            elif depth < 20 and len(child):
                self.walk(child, depth + 1)
            elif tag and (child.text or "").strip():
                self.blocks.append(Block("paragraph", text=escape_line(_WS.sub(" ", child.text).strip())))


def _unescape_once(line: str) -> str:
    # paragraph_text escapes inline first; escape_line would double the backslashes.
    return re.sub(r"\\([\\`*_\[\]])", r"\1", line)


def _level(rend: str) -> int:
    match = re.match(r"h(\d)", rend or "")
    return int(match.group(1)) if match else 2


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).lower()


def _trafilatura(text, url: str | None, include_images: bool = False):
    import trafilatura

    document = trafilatura.bare_extraction(
        text,
        url=url,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        include_images=include_images,
        include_formatting=True,
        include_links=False,
        with_metadata=True,
        deduplicate=False,
        # Dates from markup only: htmldate's free-text search runs dateparser over
        # every locale and costs more than the extraction itself; our own metadata
        # layer reads the dates printed in the article head.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    return document


def _block_text(blocks: list[Block]) -> str:
    return "\n".join([b.text for b in blocks if b.text] + [str(i) for b in blocks for i in b.items])


_TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W\u3400-\u9fff\uf900-\ufaff]+")


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
    cjk = len(_CJK.findall(ours + theirs)) > 0.3 * max(1, len(ours) + len(theirs))
    if not (cjk and plain.title and plain.meta.published):
        return False
    a, b = _shingles(ours), _shingles(theirs)
    shared = len(a & b)
    agree = shared >= 0.9 * max(1, len(a)) and shared >= 0.9 * max(1, len(b))
    return not agree


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass
class _Head:
    """What the page's <head> and headings say about it."""

    raw_title: str = ""
    site: str = ""
    og_title: str = ""
    h1s: list[str] = field(default_factory=list)
    url: str = ""
    byline: str = ""


def _read_head(root: lxml.html.HtmlElement) -> _Head:
    head = _Head()
    head.site = _meta(root, "og:site_name", "application-name")
    titles = root.xpath("//title")[:1]
    head.raw_title = titles[0].text_content() if titles else ""
    head.og_title = _meta(root, "og:title", "twitter:title", "headline")
    head.h1s = [_WS.sub(" ", h.text_content()).strip() for h in root.xpath("//h1")[:3]]
    head.url = _meta(root, "og:url")
    canonical = root.xpath('//link[@rel="canonical"]/@href')
    if not head.url and canonical and str(canonical[0]).startswith("http"):
        head.url = str(canonical[0]).strip()
    byline = _meta(root, "author", "article:author", "byline", "dc.creator")
    head.byline = "" if byline.startswith("http") else byline
    return head


def _choose_title(head: _Head, document, plain: TextArticle) -> str:
    """The headline: preferably one the page also shows above its text (the line the
    classifier found above the date, or an <h1> matching <title>), else trafilatura's,
    else <title> without the site's name."""
    cleaned = clean_title(head.raw_title, (head.site,))
    found = document.title if document is not None and document.title else ""
    folded_plain = _fold(plain.title)
    if folded_plain:
        for candidate in [found, cleaned, head.og_title, *head.h1s]:
            if candidate and _fold(candidate) == folded_plain:
                return _WS.sub(" ", candidate).strip()
    for h1 in head.h1s:
        if h1 and cleaned and (_fold(h1) in _fold(head.raw_title) or _fold(cleaned) in _fold(h1)):
            return h1
    title = found or cleaned or head.og_title or (head.h1s[0] if head.h1s else "") or plain.title
    return _WS.sub(" ", title).strip()


def _without_title(blocks: list[Block], title: str) -> list[Block]:
    """The title is shown above the body: drop a copy of it from the top of the body,
    and move headings down so that sections start at level 2."""
    folded = _fold(title)
    kept = [
        block for index, block in enumerate(blocks)
        if not (index < 4 and folded and block.kind in ("heading", "paragraph")
                and _fold(re.sub(r"\\(.)", r"\1", block.text)) == folded)
    ]
    levels = [b.level for b in kept if b.kind == "heading"]
    if levels and min(levels) < 2:
        shift = 2 - min(levels)
        for block in kept:
            if block.kind == "heading":
                block.level = min(6, block.level + shift)
    return kept


def extract_html(text: str, images: ImageResolver | None = None) -> HtmlArticle:
    """Find the article in an HTML page: body, title and metadata."""
    root = parse(text)
    nodes = sum(1 for _ in root.iter())
    if nodes > MAX_TREE_NODES:
        raise ExtractError(f"the page is too large to read ({nodes:,} elements; the limit is {MAX_TREE_NODES:,})")
    head = _read_head(root)
    stored = _localize_images(root, images)
    try:
        document = None if nodes > TRAFILATURA_MAX_NODES else \
            _trafilatura(copy.deepcopy(root), head.url or None, include_images=bool(stored))
    except (RecursionError, ValueError, TypeError, etree.LxmlError):
        document = None

    article = HtmlArticle(url=head.url, byline=head.byline, source=head.site)
    converter = _Converter(stored)
    if document is not None and document.body is not None:
        converter.walk(document.body)
        article.published = document.date or ""
        article.byline = article.byline or document.author or ""
        article.source = article.source or document.sitename or ""
        if not article.url and str(document.url or "").startswith("http"):
            article.url = document.url
    blocks = converter.blocks

    # Our own reading of the page as text: metadata line, title, and a second opinion on the body.
    lines = page_lines(root)
    plain = extract_plain_text(lines)
    if _prefer_plain(blocks, plain):
        blocks = plain.blocks + [b for b in blocks if b.kind == "image"]
    article.title = _choose_title(head, document, plain)

    # A metadata line under the headline beats <meta> guesses on Chinese pages, and gives the time.
    meta = plain.meta
    chinese = bool(re.search(r"[\u4e00-\u9fff]", article.title + lines[:2000]))
    if meta.published and (chinese or not article.published):
        article.published = meta.published
    if chinese and meta.source:
        article.source = meta.source
    article.byline = article.byline or meta.byline
    if not article.published:
        article.published = find_date(_meta(root, "article:published_time", "pubdate", "publishdate", "date"),
                                      chinese=chinese)
    article.blocks = _without_title(blocks, article.title)
    return article
