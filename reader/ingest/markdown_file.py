"""Markdown files: the body is kept as written, with metadata from front matter.

A leading ``# Title`` becomes the article title rather than a repeated
heading, and when the document uses ``#`` for its sections they are moved
one level down so that sections start at level 2 like every other format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.ingest.metadata import find_date

_FRONT = re.compile(r"\A(---|\+\+\+)[ \t]*\n(.*?)\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FIELD = re.compile(r"^([\w\-]+)[ \t]*[:=][ \t]*(.*)$")
_ATX = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)")


@dataclass
class MarkdownArticle:
    title: str = ""
    byline: str = ""
    published: str = ""
    url: str = ""
    source: str = ""
    markdown: str = ""
    fields: dict[str, str] = field(default_factory=dict)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip()


def extract_markdown(text: str) -> MarkdownArticle:
    """Split front matter from the body; take title/date/url/author from it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    article = MarkdownArticle()
    front = _FRONT.match(text)
    if front:
        for line in front.group(2).split("\n"):
            match = _FIELD.match(line.strip())
            if match:
                article.fields[match.group(1).lower()] = _unquote(match.group(2))
        text = text[front.end():]
    f = article.fields
    article.title = f.get("title", "")
    article.byline = f.get("author", "") or f.get("authors", "") or f.get("byline", "")
    article.source = f.get("source", "") or f.get("site", "") or f.get("publisher", "")
    article.url = f.get("url", "") or f.get("link", "") or f.get("source_url", "") or f.get("canonical_url", "")
    raw_date = f.get("date", "") or f.get("published", "") or f.get("created", "")
    article.published = find_date(raw_date) if raw_date else ""
    if article.source.startswith(("http://", "https://")) and not article.url:
        article.url, article.source = article.source, ""

    lines = text.split("\n")
    in_fence = False
    headings: list[int] = []
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and _ATX.match(line):
            headings.append(index)
    # The first line as "# Title": the title, not a heading of the body.
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and headings and headings[0] == first:
        match = _ATX.match(lines[first])
        if match and len(match.group(1)) == 1:
            if not article.title or article.title.strip() == match.group(2).strip():
                article.title = article.title or match.group(2).strip()
                lines[first] = ""
                headings = headings[1:]
    if any(len(_ATX.match(lines[i]).group(1)) == 1 for i in headings):
        for i in headings:
            if len(_ATX.match(lines[i]).group(1)) < 6:
                lines[i] = "#" + lines[i]
    article.markdown = "\n".join(lines).strip("\n") + "\n"
    return article
