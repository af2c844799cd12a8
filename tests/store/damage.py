"""Damaging a library file the way a failing disk or a bad copy does, for the tests.

A page of the SQLite file that holds an article's body is overwritten with
0xFF bytes. Long bodies spill into overflow pages, so the damage reaches
only that article's text: the list (titles only) still reads, and every
other article still opens.
"""

from __future__ import annotations

from pathlib import Path

from reader.model import Article
from reader.render import render_markdown
from reader.store import Library

PAGE = 4096


def long_body(marker: str, paragraphs: int = 12) -> str:
    """A body long enough to fill several overflow pages, with ``marker`` in the middle."""
    filler = "This paragraph only fills space so the article spills over several pages. " * 6
    middle = paragraphs // 2
    return "\n\n".join(filler + (marker if i == middle else "") for i in range(paragraphs))


def damage_pages_holding(library: Path, marker: str, overflow_only: bool = True) -> int:
    """Overwrite every page (but the first) that holds ``marker``; returns how many.

    With ``overflow_only`` only overflow pages (the tail of a long body) are
    hit, so the article's row and the list stay readable; without it the
    b-tree page holding the row itself may go too. The library must be
    closed (its WAL checkpointed into the main file).
    """
    data = bytearray(library.read_bytes())
    needle = marker.encode("utf-8")
    pages = sorted({offset // PAGE for offset in _find_all(data, needle)} - {0})
    if overflow_only:
        # A b-tree page starts with its kind (2, 5, 10 or 13); an overflow page with the
        # number of the next one, whose first byte is 0 in any file under 64 GB.
        pages = [page for page in pages if data[page * PAGE] == 0]
    for page in pages:
        data[page * PAGE:(page + 1) * PAGE] = b"\xff" * PAGE
    library.write_bytes(bytes(data))
    return len(pages)


def _find_all(data: bytearray, needle: bytes) -> list[int]:
    found, start = [], 0
    while (at := data.find(needle, start)) >= 0:
        found.append(at)
        start = at + 1
    return found


def article(title: str, body: str) -> Article:
    """An article as the import stores it (rendered), from a title and a Markdown body."""
    rendered = render_markdown(body)
    return Article(title=title, markdown=body, text=rendered.text, html=rendered.html,
                   sections=list(rendered.sections))


def long_articles(path: Path, count: int = 5) -> list[int]:
    """A closed library of ``count`` long articles, "Article 0" on, each body holding ``MARKER-<n>-END``."""
    library = Library(path)
    ids = [library.add(article(f"Article {n}", long_body(f"MARKER-{n}-END")))[0] for n in range(count)]
    library.close()
    return ids


def library_with_one_damaged(path: Path, count: int = 5, damaged: int = 2, overflow_only: bool = True) -> list[int]:
    """``long_articles`` with the body of number ``damaged`` damaged on disk (with its row, unless ``overflow_only``).

    Returns the article ids, in order.
    """
    ids = long_articles(path, count)
    assert damage_pages_holding(path, f"MARKER-{damaged}-END", overflow_only) > 0
    return ids
