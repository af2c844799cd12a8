"""Saved pages in, library rows out: the one import path the GUI and the CLI share.

Extraction is CPU-bound and independent per file, so large batches go to a
process pool; storing stays on the caller's thread, which owns the library
connection. Each page is stored in its own transaction.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from reader.ingest import SUPPORTED_SUFFIXES, ExtractError, extract_file
from reader.ingest.files import is_regular
from reader.model import Article, ImportOutcome
from reader.store import Library

POOL_THRESHOLD = 16


@dataclass
class ImportPlan:
    """The files an import will read, how many folder entries it passed over, and how many
    folders it could not open (their pages are missing from ``files``, so the user is told)."""

    files: list[Path]
    skipped: int = 0
    unreadable_folders: int = 0

    def remarks(self) -> list[str]:
        """What the user is told besides the outcomes: the entries passed over."""
        said = []
        if self.skipped:
            said.append(f"{self.skipped} other files skipped")
        if self.unreadable_folders:
            folders = "folder" if self.unreadable_folders == 1 else "folders"
            said.append(f"{self.unreadable_folders} {folders} could not be opened")
        return said


def _is_page(path: Path) -> bool:
    """A saved page by its name, and a regular file: a FIFO or a device named ``x.html``
    would block the import or feed it without end."""
    return path.suffix.lower() in SUPPORTED_SUFFIXES and not path.name.startswith(".") and is_regular(path)


def plan_import(paths: Iterable[str | Path]) -> ImportPlan:
    """Expand folders into the saved pages inside them.

    Files named explicitly are always tried (their content decides, and a
    special file fails with its reason); inside a folder only regular files
    that look like saved pages are, and a page's ``*_files`` folder of images
    is not walked as pages of its own.
    """
    plan = ImportPlan(files=[])
    seen: set[Path] = set()

    def unreadable(error: OSError) -> None:
        plan.unreadable_folders += 1

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, names in os.walk(path, onerror=unreadable):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not d.endswith("_files"))
                for name in sorted(names):
                    candidate = Path(root) / name
                    if _is_page(candidate):
                        if candidate not in seen:
                            seen.add(candidate)
                            plan.files.append(candidate)
                    else:
                        plan.skipped += 1
        elif path not in seen:
            seen.add(path)
            plan.files.append(path)
    return plan


def _extract(path: Path) -> Article | str:
    """Extraction as a picklable result: the article, or the reason it failed."""
    try:
        return extract_file(path)
    except ExtractError as error:
        return str(error)
    except Exception as error:  # noqa: BLE001 - a bug in one page must not stop the batch
        return f"it could not be read ({type(error).__name__}: {error})"


Extractor = Callable[[Path], Article | str]


def extract_all(
    files: list[Path],
    processes: int | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    extract: Extractor = _extract,
) -> Iterator[tuple[Path, Article | str]]:
    """Extract files in order, in parallel when there are many, stopping when ``cancelled``.

    ``extract`` must be a module-level function: it runs in other processes.
    """
    workers = processes if processes is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(files) < POOL_THRESHOLD:
        for path in files:
            if cancelled():
                return
            yield path, extract(path)
        return
    remaining = list(files)
    while remaining and not cancelled():
        done = yield from _pooled(extract, remaining, workers, workers * 4, cancelled)
        remaining = remaining[done:]
        if not remaining or cancelled():
            return
        # A worker process died (a crash in a parser, or it was killed). Retry
        # the files that were in flight one at a time, so only the culprit fails.
        suspects, remaining = remaining[: workers * 4], remaining[workers * 4 :]
        for path in suspects:
            if cancelled():
                return
            if (yield from _pooled(extract, [path], 1, 1, cancelled)) == 0:
                yield path, "the extractor stopped working on this file (it crashed or was killed)"


def _pooled(
    extract: Extractor,
    files: list[Path], workers: int, window: int, cancelled: Callable[[], bool]
) -> Generator[tuple[Path, Article | str], None, int]:
    """Run files through a fresh process pool; returns how many were yielded before it broke."""
    done = 0
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        pending: deque[tuple[Path, Future]] = deque()
        queue = iter(files)
        try:
            while True:
                # A dead worker breaks the pool for submit() as well as result().
                try:
                    while len(pending) < window and (path := next(queue, None)) is not None:
                        pending.append((path, pool.submit(extract, path)))
                    if not pending or cancelled():
                        return done
                    path, future = pending[0]
                    result = future.result()
                except BrokenProcessPool:
                    return done
                pending.popleft()
                done += 1
                yield path, result
        finally:
            for _, future in pending:
                future.cancel()


def store(library: Library, path: Path, result: Article | str) -> ImportOutcome:
    """Put one extracted page into the library, or report why it cannot go there."""
    if isinstance(result, str):
        return ImportOutcome(str(path), ImportOutcome.FAILED, error=result)
    try:
        article_id, duplicate = library.add(result)
    except Exception as error:  # noqa: BLE001 - the transaction rolled back; report and go on
        return ImportOutcome(str(path), ImportOutcome.FAILED, error=f"it could not be stored: {error}")
    status = ImportOutcome.DUPLICATE if duplicate else ImportOutcome.IMPORTED
    return ImportOutcome(str(path), status, article_id=article_id, title=result.title)


def import_files(
    library: Library,
    files: list[Path],
    processes: int | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[ImportOutcome]:
    for path, result in extract_all(files, processes, cancelled):
        yield store(library, path, result)
