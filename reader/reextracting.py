"""Read articles again from their stored originals with today's extractor.

An article is only as good as the extractor that read it; its original file,
kept in the library, lets a better one read it again. The original is written
out as it was saved (``page.html`` + ``page_files/…``) and extracted through
the import's own worker pool and time budget (``reader.importing.extract_all``);
a changed text replaces the old one with ``Library.replace_text``, which
re-anchors the article's highlights in the same transaction.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from reader.importing import extract_all
from reader.model import Article, Highlight, Original
from reader.store import Library, LibraryError
from reader.workers import WorkerPool


@dataclass(frozen=True)
class Reextracted:
    """What re-extraction did to one article, and where its highlights are now."""

    article_id: int
    status: str
    anchored: int = 0
    moved: int = 0
    orphaned: int = 0
    error: str = ""

    UNCHANGED = "unchanged"
    UPDATED = "updated"
    NO_ORIGINAL = "no-original"
    FAILED = "failed"


@dataclass
class ReextractReport:
    """The tally of a re-extraction, as the window and the command line say it."""

    counts: dict[str, int] = field(default_factory=dict)
    anchored: int = 0
    moved: int = 0
    orphaned: int = 0
    cancelled: bool = False
    updated_ids: set[int] = field(default_factory=set)
    failures: list[Reextracted] = field(default_factory=list)

    def add(self, outcome: Reextracted) -> None:
        self.counts[outcome.status] = self.counts.get(outcome.status, 0) + 1
        self.anchored += outcome.anchored
        self.moved += outcome.moved
        self.orphaned += outcome.orphaned
        if outcome.status == Reextracted.UPDATED:
            self.updated_ids.add(outcome.article_id)
        elif outcome.status == Reextracted.FAILED:
            self.failures.append(outcome)

    def sentence(self) -> str:
        """ "3 updated, 5 unchanged, 2 without an original; highlights: 40 in place, 2 moved, 0 not found"."""
        said = [f"{self.counts.get(Reextracted.UPDATED, 0)} updated",
                f"{self.counts.get(Reextracted.UNCHANGED, 0)} unchanged"]
        if self.counts.get(Reextracted.NO_ORIGINAL):
            said.append(f"{self.counts[Reextracted.NO_ORIGINAL]} without an original")
        if self.counts.get(Reextracted.FAILED):
            said.append(f"{self.counts[Reextracted.FAILED]} failed")
        text = (", ".join(said) + f"; highlights: {self.anchored} in place, {self.moved} moved, "
                f"{self.orphaned} not found")
        return text + (" — cancelled" if self.cancelled else "")


# What a reader sees of an article: when none of it changed, the article is left as it is.
_COMPARED = ("title", "markdown", "byline", "source", "published", "url", "language")


def _outcome(article_id: int, status: str, highlights: Iterable[Highlight], error: str = "") -> Reextracted:
    states = [h.state for h in highlights]
    return Reextracted(article_id, status, states.count(Highlight.ANCHORED), states.count(Highlight.MOVED),
                       states.count(Highlight.ORPHANED), error)


def lay_out(original: Original, folder: Path) -> Path:
    """Write an original as it was saved (the page, and its resources beside it); returns the page's path.

    Names come from the library, which may have been handed a crafted file: a name or
    resource path that would leave ``folder`` is not written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / (PurePosixPath(original.name).name or "page")
    page.write_bytes(original.data)
    for relative, data in original.resources.items():
        steps = PurePosixPath(relative).parts
        if not steps or steps[0] == "/" or ".." in steps:
            continue
        target = folder.joinpath(*steps)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return page


def reextract(
    library: Library,
    article_ids: list[int],
    processes: int | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    pool: WorkerPool | None = None,
) -> Iterator[Reextracted]:
    """Re-extract each article from its stored original, yielding one outcome per article, in order.

    Originals are written out a batch at a time, so a large library needs no
    more temporary space than a batch of its pages; one pool of workers (the
    caller's ``pool``, else one of ``processes``) reads every batch.
    """
    if pool is None:
        with WorkerPool(min(processes or os.cpu_count() or 1, max(1, len(article_ids)))) as own:
            yield from reextract(library, article_ids, processes, cancelled, own)
        return
    for start in range(0, len(article_ids), _BATCH):
        if cancelled():
            return
        yield from _batch(library, article_ids[start:start + _BATCH], processes, cancelled, pool)


_BATCH = 200
_MISSING = Original("", b"")


def _batch(library: Library, article_ids: list[int], processes: int | None, cancelled: Callable[[], bool],
           pool: WorkerPool | None) -> Iterator[Reextracted]:
    with tempfile.TemporaryDirectory(prefix="reader-reextract-") as temporary:
        pages: dict[Path, int] = {}
        for article_id in article_ids:
            try:
                original = library.original(article_id) if library.get(article_id) else _MISSING
            except LibraryError as error:
                yield _outcome(article_id, Reextracted.FAILED, (), str(error))
                continue
            if original is _MISSING:
                yield _outcome(article_id, Reextracted.FAILED, (), f"there is no article {article_id} in the library")
                continue
            if original is None:
                yield _outcome(article_id, Reextracted.NO_ORIGINAL, library.annotations.for_article(article_id))
                continue
            pages[lay_out(original, Path(temporary) / str(article_id))] = article_id
        for page, result in extract_all(list(pages), processes, cancelled, pool=pool):
            yield _apply(library, pages[page], result)


def _apply(library: Library, article_id: int, result: Article | str) -> Reextracted:
    """Store what the extractor made of an article's original, if it differs from what the library has."""
    if isinstance(result, str):
        return _outcome(article_id, Reextracted.FAILED, library.annotations.for_article(article_id), result)
    try:
        stored = library.get(article_id)
        if stored is None:
            return _outcome(article_id, Reextracted.FAILED, (), f"article {article_id} is not in the library")
        result.path = stored.article.path  # the temporary copy is not where the page came from
        if all(getattr(result, name) == getattr(stored.article, name) for name in _COMPARED):
            library.set_extractor_version(article_id, result.extractor_version)
            return _outcome(article_id, Reextracted.UNCHANGED, library.annotations.for_article(article_id))
        return _outcome(article_id, Reextracted.UPDATED, library.replace_text(article_id, result))
    except LibraryError as error:
        return _outcome(article_id, Reextracted.FAILED, library.annotations.for_article(article_id), str(error))
