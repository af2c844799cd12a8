"""bytes → Article: sniff the format, decode, extract, then render once.

The canonical text and the sections are computed by the renderer from the
final Markdown, so what is stored is exactly what the reading view shows.
Every failure leaves here as an :class:`ExtractError` whose message a person
can read; nothing else escapes, whatever a hostile or broken file does.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from reader.ingest import sniff as sniffing
from reader.ingest.blocks import head_lines, markdown_within_length, to_markdown, within_length
from reader.ingest.decode import bom_encoding, check_not_binary, decode
from reader.ingest.errors import ExtractError, NestedTooDeeply
from reader.ingest.files import NotRegular, TooLarge, read_regular
from reader.ingest.html import LINES_LIMIT, extract_html
from reader.ingest.html_lines import flat_page_lines, page_title
from reader.ingest.images import FolderImages, ImageStore
from reader.ingest.markdown_file import extract_markdown
from reader.ingest.metadata import guess_language
from reader.ingest.mhtml import open_archive
from reader.ingest.plaintext import extract_plain_text
from reader.model import Article, Original
from reader.render import RENDER_VERSION, render_markdown

log = logging.getLogger(__name__)

MAX_BYTES = 50 * 1024 * 1024

EXTRACTOR_VERSION = 1
"""Raised whenever a change to extraction could change what an article reads like: the library
records it with each article, so re-extraction can tell which ones an older extractor made."""


def _format(data: bytes, name: str) -> str:
    bom = bom_encoding(data)
    if bom and bom != "utf-8":
        head = data[:16384].decode(bom, "replace")
    else:
        head = data[:16384].decode("latin-1")
    return sniffing.sniff(head, name)


def _finish(article: Article) -> Article:
    """Render the body once: canonical text and sections come from what will be displayed."""
    if not article.markdown.strip():
        raise ExtractError("no article text was found in it")
    rendered = render_markdown(article.markdown)
    if not rendered.text.strip().replace("\ufffc", ""):
        raise ExtractError("no article text was found in it")
    article.text = rendered.text
    article.html = rendered.html
    article.render_version = RENDER_VERSION
    article.sections = list(rendered.sections)
    article.title = re.sub(r"\s+", " ", article.title).strip()
    if not article.language:
        article.language = guess_language(article.title + "\n" + article.text)
    article.extractor_version = EXTRACTOR_VERSION
    return article


def _title_from_name(name: str) -> str:
    stem = Path(name).stem if name else ""
    return re.sub(r"[_\-]+", " ", stem).strip()


def _from_lines(lines: str, fmt: str, encoding: str, title: str) -> Article:
    """An article read by the line classifier; ``title`` stands in where it finds none."""
    found = extract_plain_text(lines)
    return Article(
        title=found.title or title,
        markdown=to_markdown(within_length(found.blocks)),
        byline=found.meta.byline,
        source=found.meta.source,
        published=found.meta.published,
        url=found.meta.url,
        language=found.language,
        format=fmt,
        encoding=encoding,
    )


def _from_html(text: str, encoding: str, fmt: str, images, store: ImageStore, name: str) -> Article:
    try:
        found = extract_html(text, images=images)
    except NestedTooDeeply:
        # libxml2 would drop whatever lies deeper than it builds a tree for: read it all as lines.
        return _from_lines(flat_page_lines(text, LINES_LIMIT), fmt, encoding,
                           page_title(text) or _title_from_name(name))
    return Article(
        title=found.title or _title_from_name(name),
        markdown=to_markdown(within_length(found.blocks)),
        byline=found.byline,
        source=found.source,
        published=found.published,
        url=found.url,
        format=fmt,
        encoding=encoding,
        images=store.images,
    )


def _too_large(size: int | None) -> ExtractError:
    told = f"{size // (1024 * 1024)} MB" if size is not None else "more than its size said"
    return ExtractError(f"it is too large ({told}; the limit is {MAX_BYTES // (1024 * 1024)} MB)")


def _extract(data: bytes, name: str, page: Path | None) -> Article:
    if not data or not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xfe\xff"):
        raise ExtractError("the file is empty")
    if len(data) > MAX_BYTES:
        raise _too_large(len(data))
    fmt = _format(data, name)
    store = ImageStore()
    if fmt == sniffing.MHTML:
        decoded, resolver = open_archive(data, store)
        return _kept(_from_html(decoded.text, decoded.encoding, "mhtml", resolver, store, name), name, data)
    check_not_binary(data)
    if fmt == sniffing.HTML:
        decoded = decode(data, html=True)
        folder = FolderImages(page, store)
        article = _from_html(decoded.text, decoded.encoding, "html", folder, store, name)
        return _kept(article, name, data, folder.taken)
    decoded = decode(data)
    if fmt == sniffing.MARKDOWN:
        found = extract_markdown(decoded.text)
        return _kept(Article(
            title=found.title or _title_from_name(name),
            markdown=markdown_within_length(found.markdown),
            byline=found.byline,
            source=found.source,
            published=found.published,
            url=found.url,
            format="markdown",
            encoding=decoded.encoding,
        ), name, data)
    # Like a page's lines, a text file is read by the classifier up to LINES_LIMIT characters.
    article = _from_lines(head_lines(decoded.text, LINES_LIMIT), "text", decoded.encoding, _title_from_name(name))
    return _kept(article, name, data)


def _kept(article: Article, name: str, data: bytes, resources: dict[str, bytes] | None = None) -> Article:
    """Hand the bytes read back with the article: the library keeps them for a later, better extractor."""
    article.original = Original(Path(name).name if name else "page", data, dict(resources or {}))
    return article


def _guarded(data: bytes, name: str, page: Path | None) -> Article:
    try:
        return _finish(_extract(data, name, page))
    except ExtractError:
        raise
    except RecursionError as error:
        raise ExtractError("it is nested too deeply to read") from error
    except MemoryError as error:
        raise ExtractError("it is too large to read") from error
    except Exception as error:  # noqa: BLE001 - the contract: callers only ever see ExtractError
        # Not the page's fault but ours: the traceback goes to the log, the user gets the sentence.
        log.exception("extracting %s failed", name or "a page")
        raise ExtractError(f"it could not be read ({type(error).__name__}: {error}); this is a fault in Reader, "
                           "written to its log") from error


def extract_bytes(data: bytes, name: str = "") -> Article:
    """Extract an article from the bytes of a saved page; ``name`` (a file name) is only a hint."""
    return _guarded(data, name, None)


def _read(file: Path) -> bytes:
    """The file's bytes, refusing what is not a regular file or is larger than ``MAX_BYTES``."""
    try:
        return read_regular(file, MAX_BYTES)
    except FileNotFoundError as error:
        raise ExtractError("it does not exist") from error
    except NotRegular as error:
        raise ExtractError("it is a folder, not a file" if error.kind == "a folder" else str(error)) from error
    except TooLarge as error:
        raise _too_large(error.size) from error
    except OSError as error:
        raise ExtractError(f"it cannot be read: {error.strerror or error}") from error


def extract_file(path: str | os.PathLike) -> Article:
    """Extract an article from a saved page on disk, with images saved beside it ("Web page, complete")."""
    file = Path(path)
    article = _guarded(_read(file), file.name, file)
    article.path = os.fspath(file)
    return article
