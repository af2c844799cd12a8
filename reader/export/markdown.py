"""One article's notes as a Markdown file (Obsidian-friendly), laid out by an editable template.

The default template is ``resources/templates/markdown.md``; its comment
header documents every field. Each highlight ends with the block id
``^hl-<id>``, the same in every export, so links to it keep working.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from string import Template

from reader.export.notes import ArticleNotes, block_id
from reader.model import Highlight, reading_order
from reader.render import display_date

TEMPLATE_PATH = Path(__file__).resolve().parents[2] / "resources" / "templates" / "markdown.md"
PARTS = ("article", "section", "highlight", "orphans")
_PART = re.compile(r"^%% @(\w+) %%[ \t]*$", re.MULTILINE)


class TemplateError(ValueError):
    """The template lacks a part (or names one Reader does not know)."""


def default_template() -> str:
    return TEMPLATE_PATH.read_text(encoding="utf-8")


def parse_template(source: str) -> dict[str, Template]:
    """The template's parts by name; comment lines before the first part are dropped."""
    source = source.replace("\r\n", "\n")
    matches = list(_PART.finditer(source))
    parts: dict[str, Template] = {}
    for index, match in enumerate(matches):
        name = match.group(1)
        if name not in PARTS:
            raise TemplateError(f"unknown template part @{name}; the parts are {', '.join('@' + p for p in PARTS)}")
        end = matches[index + 1].start() if index + 1 < len(matches) else len(source)
        parts[name] = Template(source[match.end() :end].strip("\n"))
    missing = [p for p in PARTS if p not in parts]
    if missing:
        raise TemplateError(f"the template has no {', '.join('@' + p for p in missing)} part")
    return parts


def _yaml(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def hashtags(tags: list[str]) -> str:
    """Tags as Obsidian hashtags: ``#tag``, inner spaces as hyphens."""
    return " ".join("#" + re.sub(r"\s+", "-", tag.strip()) for tag in tags if tag.strip())


def _quote(text: str) -> str:
    return "\n".join(f"> {line}".rstrip() for line in text.replace("\u2028", "\n").split("\n"))


def _tidy(text: str) -> str:
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"^ +(\^hl-)", r"\1", text, flags=re.MULTILINE)  # "$tags ^$id" without tags
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


def _highlight(parts: dict[str, Template], h: Highlight, meanings: dict[str, str]) -> str:
    return parts["highlight"].safe_substitute(
        quote=_quote(h.exact),
        text=h.exact,
        color=h.color,
        meaning=meanings.get(h.color, h.color),
        note=h.note.strip(),
        tags=hashtags(h.tags),
        id=block_id(h),
        created=h.created,
        modified=h.modified,
        section=" › ".join(h.section_path),
    ).strip("\n")


def render_markdown_notes(
    notes: ArticleNotes, meanings: dict[str, str] | None = None, template: str | None = None
) -> str:
    """The Markdown file for one article."""
    meanings = meanings or {}
    parts = parse_template(template if template is not None else default_template())
    article = notes.stored.article
    placed, orphans = reading_order(notes.highlights)
    blocks: list[str] = []
    previous: list[str] = []
    for h in placed:
        path = list(h.section_path)
        common = 0
        while common < min(len(path), len(previous)) and path[common] == previous[common]:
            common += 1
        for depth in range(common, len(path)):
            blocks.append(
                parts["section"].safe_substitute(heading=path[depth], hashes="#" * min(6, depth + 2)).strip("\n")
            )
        previous = path
        blocks.append(_highlight(parts, h, meanings))
    orphan_text = ""
    if orphans:
        orphan_text = parts["orphans"].safe_substitute(
            highlights="\n\n".join(_highlight(parts, h, meanings) for h in orphans)
        )
    text = parts["article"].safe_substitute(
        title=article.title or "Untitled",
        id=str(notes.stored.id),
        note=notes.note.strip(),
        highlights="\n\n".join(blocks),
        orphans=orphan_text,
        source=article.source,
        author=article.byline,
        url=article.url,
        published=article.published,
        date=display_date(article.published),
        tags=hashtags(notes.tags),
        content_hash=notes.stored.content_hash,
        yaml_title=_yaml(article.title or "Untitled"),
        yaml_source=_yaml(article.source),
        yaml_author=_yaml(article.byline),
        yaml_url=_yaml(article.url),
        yaml_published=_yaml(article.published),
        yaml_tags=json.dumps(list(notes.tags), ensure_ascii=False),
    )
    return _tidy(text)


def copy_markdown(highlight: Highlight, title: str = "", url: str = "", meanings: dict[str, str] | None = None) -> str:
    """One highlight for the clipboard: the quote, where it is from, its note and tags."""
    lines = [_quote(highlight.exact)]
    if title and url:
        label = re.sub(r"([\\\[\]])", r"\\\1", title)
        target = f"<{url}>" if re.search(r"[\s()<>]", url) else url
        source = f"[{label}]({target})"
    else:
        source = title or url
    meaning = (meanings or {}).get(highlight.color, "")
    cite = " · ".join(x for x in (source, " › ".join(highlight.section_path), meaning) if x)
    if cite:
        lines.append(f"> — {cite}")
    text = "\n".join(lines)
    if highlight.note.strip():
        text += "\n\n" + highlight.note.strip()
    if highlight.tags:
        text += "\n\n" + hashtags(highlight.tags)
    return text + "\n"
