"""One article as a self-contained HTML file: highlights marked, notes below their passage.

The body is the article Markdown rendered by ``reader.render`` (the same
safe HTML the reading view shows). Highlights point into the canonical text,
so the rendered HTML is walked piece by piece, each character numbered by
the block table (``reader.block_table``, the one place that knows where text
sits). Characters inside a highlight are wrapped in ``<mark>``; a mark never
crosses a tag, so the HTML stays well formed. If
the rendered text is not the stored text (a renderer change since import),
each highlight is looked for by its quote nearest its old position.
"""

from __future__ import annotations

import base64
import html
import mimetypes
from html.parser import HTMLParser

from reader.block_table import Piece, block_table, numbered_pieces
from reader.export.notes import ArticleNotes, block_id
from reader.model import COLORS, Highlight, reading_order
from reader.render import body_html, header_blocks, render_markdown

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

STYLESHEET = """\
:root { color-scheme: light; }
body { margin: 0 auto; max-width: 46em; padding: 2em 1.5em 4em; color: #1f2328; background: #fff;
  font: 17px/1.6 -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
h1.title { font-size: 1.8em; line-height: 1.2; margin: 0.2em 0 0.4em; }
p.meta { color: #57606a; margin: 0; }
p.origin { margin: 0 0 2em; font-size: 0.9em; word-break: break-all; }
a { color: #0b5cad; }
img { max-width: 100%; height: auto; }
pre { background: #f6f8fa; padding: 0.6em 0.8em; overflow-x: auto; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; }
table { border-collapse: collapse; margin: 1em 0; }
td, th { border: 1px solid #d0d7de; padding: 0.25em 0.6em; }
blockquote { margin-left: 0; padding-left: 1em; border-left: 3px solid #d0d7de; color: #444c56; }
mark { color: inherit; padding: 0 0.05em; border-radius: 2px; }
mark.underline { background: none !important; text-decoration: underline 2px; text-decoration-color: var(--hl); }
aside.note { margin: 0.4em 0 1.2em; padding: 0.4em 0.9em; border-left: 4px solid var(--hl); background: #f8f8f6;
  font-size: 0.92em; }
aside.note .meaning { margin: 0 0 0.2em; font-size: 0.85em; color: #57606a; }
aside.note .tags, .orphans .tags { color: #57606a; font-size: 0.85em; }
aside.note > :last-child { margin-bottom: 0.2em; }
section.article-note { margin: 0 0 2em; padding: 0.6em 1em; background: #f6f8fa; border-radius: 4px; }
section.orphans { margin-top: 3em; border-top: 1px solid #d0d7de; }
section.orphans blockquote { border-left-color: var(--hl); }
@media print {
  body { max-width: none; padding: 0; font: 11pt/1.5 Georgia, "Noto Serif", "Noto Serif CJK SC", "Songti SC", serif; }
  mark, aside.note { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  aside.note, blockquote, pre, table, img { break-inside: avoid; }
  h1, h2, h3, h4 { break-after: avoid; }
  .body a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.8em; color: #57606a; word-break: break-all; }
}
"""


# -- tags -------------------------------------------------------------------


class _StartTag(HTMLParser):
    """Reads the attributes of one start tag. The export writes every start tag again from its attributes,
    as it always has (its files stay the same to the byte), and an image's source becomes a data: URI."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs = attrs

    handle_startendtag = handle_starttag


def _attrs(raw: str) -> list[tuple[str, str | None]]:
    if " " not in raw:  # Python-Markdown writes a space before each attribute: "<p>" has none
        return []
    parser = _StartTag()
    parser.feed(raw)
    parser.close()
    return parser.attrs


def numbered_tokens(body_html: str) -> tuple[list[Piece], str]:
    """The HTML's tags and texts, each character numbered by the block table, and the canonical text."""
    table = block_table(body_html)
    return numbered_pieces(body_html, table), table.text


# -- placing highlights ---------------------------------------------------------


def _locate(highlight: Highlight, stored_text: str, text: str) -> tuple[int, int] | None:
    """Where the highlight lies in ``text`` (the freshly rendered canonical text)."""
    start, end = highlight.start, highlight.end
    if text == stored_text and 0 <= start < end <= len(text):
        return start, end
    exact = highlight.exact
    if not exact:
        return None
    if text[start:end] == exact:
        return start, end
    found, best = text.find(exact), None
    while found >= 0:
        if best is None or abs(found - start) < abs(best - start):
            best = found
        found = text.find(exact, found + 1)
    return (best, best + len(exact)) if best is not None else None


def _attr(name: str, value: str | None) -> str:
    return name if value is None else f'{name}="{html.escape(value, quote=True)}"'


def _mime(name: str, data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"\xff\xd8"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    head = data[:256].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in data[:1024].lower()):
        return "image/svg+xml"
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def data_uri(name: str, data: bytes) -> str:
    return f"data:{_mime(name, data)};base64,{base64.b64encode(data).decode('ascii')}"


def _tags_html(tags: list[str]) -> str:
    return f'<p class="tags">{" ".join("#" + html.escape(t) for t in tags)}</p>' if tags else ""


def _meaning(highlight: Highlight, meanings: dict[str, str]) -> str:
    return meanings.get(highlight.color, highlight.color)


def _note_html(highlight: Highlight, meanings: dict[str, str]) -> str:
    fill = COLORS.get(highlight.color, COLORS["yellow"])
    body = render_markdown(highlight.note).html if highlight.note.strip() else ""
    return (
        f'<aside class="note" style="--hl:{fill}" data-for="{block_id(highlight)}">'
        f'<p class="meaning"><a href="#{block_id(highlight)}">{html.escape(_meaning(highlight, meanings))}</a></p>'
        f"{body}{_tags_html(highlight.tags)}</aside>"
    )


def marked_body(
    body_html: str,
    stored_text: str,
    highlights: list[Highlight],
    meanings: dict[str, str] | None = None,
    images: dict[str, bytes] | None = None,
) -> tuple[str, list[Highlight]]:
    """The body HTML with highlights marked and noted; returns it and the highlights it could not place."""
    meanings = meanings or {}
    images = images or {}
    # Counting every character is the costly part: an article without highlights needs only its images inlined.
    tokens, text = numbered_tokens(body_html) if highlights else (numbered_pieces(body_html), stored_text)
    spans: list[tuple[int, int, Highlight]] = []
    missing: list[Highlight] = []
    for highlight in highlights:
        where = _locate(highlight, stored_text, text) if highlight.state != Highlight.ORPHANED else None
        if where is None:
            missing.append(highlight)
        else:
            spans.append((where[0], where[1], highlight))
    spans.sort(key=lambda s: (s[0], -s[1], s[2].id or 0))
    cover: dict[int, list[Highlight]] = {}
    for start, end, highlight in spans:
        for offset in range(start, end):
            cover.setdefault(offset, []).append(highlight)
    first_seen: set[str] = set()
    pending = [(end, h) for _, end, h in spans if h.note.strip() or h.tags]
    pending.sort(key=lambda p: p[0])
    reached = 0
    out: list[str] = []
    depth = 0

    def mark_open(over: list[Highlight]) -> str:
        top = over[-1]  # the innermost: started last
        ident = block_id(top)
        id_attr = ""
        if ident not in first_seen:
            first_seen.add(ident)
            id_attr = f' id="{ident}"'
        fill = COLORS.get(top.color, COLORS["yellow"])
        classes = "hl" + (" underline" if top.style == "underline" else "") + f" hl-{html.escape(top.color)}"
        title = " · ".join(dict.fromkeys(_meaning(h, meanings) for h in over))
        return (
            f'<mark{id_attr} class="{classes}" data-hl="{" ".join(block_id(h) for h in over)}"'
            f' style="background-color:{fill};--hl:{fill}" title="{html.escape(title)}">'
        )

    def flush() -> None:
        nonlocal pending
        due = [h for end, h in pending if end <= reached]
        pending = [(end, h) for end, h in pending if end > reached]
        out.extend(_note_html(h, meanings) for h in due)

    for token in tokens:
        if token.kind == "start":
            attrs = _attrs(token.raw)
            if token.tag == "img":
                src = dict(attrs).get("src") or ""
                if src in images:
                    attrs = [(k, data_uri(src, images[src]) if k == "src" else v) for k, v in attrs]
                else:
                    alt = dict(attrs).get("alt") or ""
                    out.append(f'<span class="missing-image">[{html.escape(alt)}]</span>' if alt else "")
                    continue
            out.append(f"<{token.tag}{''.join(' ' + _attr(k, v) for k, v in attrs)}>")
            if token.marker is not None:
                reached = max(reached, token.marker + 1)
            if token.tag not in VOID:
                depth += 1
        elif token.kind == "end":
            out.append(f"</{token.tag}>")
            depth = max(0, depth - 1)
            if depth == 0:
                flush()
        else:
            span = _span(token.offsets)
            if span is None or not any(start <= span[1] and end > span[0] for start, end, _ in spans):
                out.append(html.escape(token.text, quote=False))  # no highlight here: no need to look at each character
            else:
                run_over: list[Highlight] | None = None
                run: list[str] = []
                for char, over in zip(token.text, _cover_chars(token.offsets, cover)):
                    if over is not run_over and over != run_over:
                        if run:
                            chunk = html.escape("".join(run), quote=False)
                            out.append(mark_open(run_over) + chunk + "</mark>" if run_over else chunk)
                        run, run_over = [], over
                    run.append(char)
                if run:
                    chunk = html.escape("".join(run), quote=False)
                    out.append(mark_open(run_over) + chunk + "</mark>" if run_over else chunk)
            if span is not None:
                reached = max(reached, span[1] + 1)
            if depth == 0:
                flush()
    reached = len(text) + 1
    flush()
    return "".join(out), missing


def _span(offsets: list[int | None]) -> tuple[int, int] | None:
    """The first and last canonical offsets of a text token (they only grow), or None if it has none."""
    first = next((o for o in offsets if o is not None), None)
    if first is None:
        return None
    return first, next(o for o in reversed(offsets) if o is not None)


def _cover_chars(offsets: list[int | None], cover: dict[int, list[Highlight]]) -> list[list[Highlight]]:
    """The highlights over each character; white space the canonical text drops (``None``) is
    marked only when the characters either side of it are under the same highlights."""
    result = [cover.get(o, []) if o is not None else None for o in offsets]
    after: list[list[Highlight]] = [[] for _ in result]
    following: list[Highlight] = []
    for index in range(len(result) - 1, -1, -1):
        after[index] = following
        if result[index] is not None:
            following = result[index]
    before: list[Highlight] = []
    for index, over in enumerate(result):
        if over is None:
            result[index] = before if before == after[index] else []
        else:
            before = over
    return result  # type: ignore[return-value]


def _orphans_html(orphans: list[Highlight], meanings: dict[str, str]) -> str:
    if not orphans:
        return ""
    parts = ['<section class="orphans"><h2>Highlights not found in the current text</h2>']
    for h in orphans:
        fill = COLORS.get(h.color, COLORS["yellow"])
        quote = "<br>".join(html.escape(line) for line in h.exact.split("\n"))
        parts.append(
            f'<div class="orphan" id="{block_id(h)}" style="--hl:{fill}"><blockquote><p>{quote}</p></blockquote>'
            f'<p class="meaning">{html.escape(_meaning(h, meanings))}</p>'
            f'{render_markdown(h.note).html if h.note.strip() else ""}{_tags_html(h.tags)}</div>'
        )
    parts.append("</section>")
    return "".join(parts)


def render_html(
    notes: ArticleNotes, meanings: dict[str, str] | None = None, images: dict[str, bytes] | None = None
) -> str:
    """The whole HTML document for one article (images from ``images``, else the article's own)."""
    meanings = meanings or {}
    article = notes.stored.article
    images = images if images is not None else article.images
    placed, orphans = reading_order(notes.highlights)
    body, missing = marked_body(body_html(article), article.text, placed, meanings, images)
    article_note = ""
    if notes.note.strip() or notes.tags:
        article_note = (
            f'<section class="article-note">{render_markdown(notes.note).html if notes.note.strip() else ""}'
            f"{_tags_html(notes.tags)}</section>"
        )
    lang = f' lang="{html.escape(article.language, quote=True)}"' if article.language else ""
    title = html.escape(article.title or "Untitled")
    return (
        f"<!DOCTYPE html>\n<html{lang}>\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="Reader">\n<title>{title}</title>\n<style>\n{STYLESHEET}</style>\n</head>\n'
        f'<body>\n<article data-reader-id="{notes.stored.id}">\n<header class="header">{"".join(header_blocks(article))}'
        f"</header>\n{article_note}\n<div class=\"body\">\n{body}</div>\n"
        f"{_orphans_html(missing + orphans, meanings)}\n</article>\n</body>\n</html>\n"
    )
