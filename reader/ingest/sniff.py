"""Which kind of saved page a file is: the content decides, the file name only breaks ties.

People rename files and browsers save MHTML as ``.html`` or HTML as ``.txt``;
the first bytes are the better witness.
"""

from __future__ import annotations

import re
from pathlib import PurePath

HTML, MHTML, TEXT, MARKDOWN = "html", "mhtml", "text", "markdown"

_BY_SUFFIX = {
    ".html": HTML, ".htm": HTML, ".xhtml": HTML, ".shtml": HTML,
    ".mht": MHTML, ".mhtml": MHTML,
    ".txt": TEXT, ".text": TEXT,
    ".md": MARKDOWN, ".markdown": MARKDOWN,
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_BY_SUFFIX)
"""The file names an import reads as saved pages, grouped by kind (the open dialog lists them in this order)."""

_MIME_HEADER = re.compile(r"^(?:mime-version|content-type|from|subject|date|snapshot-content-location|message-id)\s*:", re.I)
_MULTIPART = re.compile(r"content-type:\s*multipart/related", re.I)
_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|\?xml[^>]*>\s*<(?:!doctype\s+html|html))", re.I | re.S)
_HTML_TAGS = re.compile(r"</?(?:html|head|body|div|p|span|table|script|a|br|meta|link|title)\b[^>]*>", re.I)
_FRONT_MATTER = re.compile(r"^(?:---|\+\+\+)[ \t]*\r?\n(?:[\w\-]+[ \t]*[:=].*\r?\n)+?(?:---|\+\+\+)[ \t]*(?:\r?\n|$)")
_MD_SIGNS = re.compile(r"^(?:#{1,6} \S|```|\* \S|- \S|> \S|\d+\. \S)|\[[^\]]+\]\([^)]+\)|\*\*[^*]+\*\*", re.M)


def suffix_format(name: str) -> str | None:
    """The format a file name suggests, or None for unknown extensions."""
    return _BY_SUFFIX.get(PurePath(name).suffix.lower()) if name else None


def sniff(head: str, name: str = "") -> str:
    """Guess the format from the first few kilobytes of text (already decoded or read as Latin-1)."""
    stripped = head.lstrip("\ufeff \t\r\n")
    lines = stripped.splitlines()[:12]
    if lines and _MIME_HEADER.match(lines[0]) and (_MULTIPART.search(head) or any(
            l.lower().startswith("mime-version") for l in lines)):
        return MHTML
    if _HTML_START.match(stripped):
        return HTML
    hinted = suffix_format(name)
    if _FRONT_MATTER.match(stripped) and hinted != HTML:
        return MARKDOWN
    tags = len(_HTML_TAGS.findall(head))
    if hinted in (HTML, MHTML):
        # A file named .html that does not start like HTML is still HTML if it has tags.
        return HTML if tags or hinted == HTML else TEXT
    if hinted == MARKDOWN:
        return MARKDOWN
    if hinted is None and tags >= 5 and stripped.startswith("<"):
        return HTML
    if hinted is None and len(_MD_SIGNS.findall(head)) >= 3:
        return MARKDOWN
    return TEXT
