"""Saved pages in, library rows out: the one import path the GUI and the CLI share.

Extraction is CPU-bound and independent per file, and a hostile file may
stall it, so every file is read in a worker process that can be killed (see
``reader.workers``); storing stays on the caller's thread, which owns the
library connection. Each page is stored in its own transaction.

The window imports this module (its import thread plans and stores here), so
the extraction pipeline is imported only inside ``_extract`` and ``warm_up``,
the two functions that run in the worker processes.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from reader.ingest import SUPPORTED_SUFFIXES, ExtractError
from reader.ingest.files import is_regular
from reader.model import Article, ImportOutcome
from reader.store import Library
from reader.workers import WorkerPool

# How long one file may take to extract. Real pages take well under 3 s (bench/large_pages.py);
# one that takes ten times that was built to stall a reader, or hit a bug that loops.
TIME_BUDGET_S = 30.0
# How often a wait for a result looks at the cancel flag.
CANCEL_POLL_S = 0.1


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


def tally(imported: int, duplicates: int, failed: int, remarks: Iterable[str] = (), cancelled: bool = False) -> str:
    """The sentence an import ends with, the same in the window's status bar and on the command line:
    "3 imported, 1 already in the library, 0 failed, 2 other files skipped"."""
    text = f"{imported} imported, {duplicates} already in the library, {failed} failed"
    text += "".join(f", {remark}" for remark in remarks)
    return text + (" — cancelled" if cancelled else "")


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
    from reader.ingest import extract_file  # in the worker: the window's process never loads the pipeline

    try:
        return extract_file(path)
    except ExtractError as error:
        return str(error)
    except Exception as error:  # noqa: BLE001 - a bug in one page must not stop the batch
        return f"it could not be read ({type(error).__name__}: {error})"


Extractor = Callable[[Path], Article | str]


def warm_up() -> None:
    """Load everything an extraction imports lazily (trafilatura, date parsing), so a worker
    the window keeps answers the first page dropped on it as fast as the window itself would.
    A pool that lives for one import does without: its first page does the same loading."""
    from reader.ingest import extract_bytes

    try:
        extract_bytes(_WARM_UP_PAGE, "warm-up.html")
    except ExtractError:
        pass


_WARM_UP_PAGE = (b"<html><head><title>Warm up</title></head><body><article><h1>Warm up</h1>"
                 b"<p>By A. Writer, 1 March 2024. A paragraph of words that reads like an article.</p>"
                 b"</article></body></html>")


def extract_all(
    files: list[Path],
    processes: int | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    extract: Extractor = _extract,
    pool: WorkerPool | None = None,
    budget: float = TIME_BUDGET_S,
) -> Iterator[tuple[Path, Article | str]]:
    """Extract files in worker processes, yielding results in order, until ``cancelled``.

    Every file is read in a worker, however few: a worker can be killed, so a
    file past its ``budget`` of seconds fails alone and cancel answers within
    a poll. ``pool`` is a warm pool the caller keeps (the window does, so a
    dropped page does not wait for a worker to start); without one a pool of
    ``processes`` workers (default: the cores) lives for this call.
    ``extract`` must be a module-level function: it runs in other processes.
    """
    if pool is not None:
        yield from _through(pool, files, _window(processes), cancelled, extract, budget)
        return
    workers = min(processes or os.cpu_count() or 1, max(1, len(files)))
    with WorkerPool(workers) as own:
        yield from _through(own, files, _window(workers), cancelled, extract, budget)


def extract_one(path: str | Path, pool: WorkerPool, budget: float = TIME_BUDGET_S) -> Article | str:
    """One file read in a worker of ``pool`` (File ▸ Re-import): the article, or the reason it failed.

    The caller waits, as it would for an extraction of its own, but in a process that can be given up on."""
    return next(iter(extract_all([Path(path)], pool=pool, budget=budget)))[1]


def _window(workers: int | None) -> int:
    """How many files are handed to the workers ahead of the one whose result is awaited."""
    return 4 * (workers or os.cpu_count() or 1)


def _through(
    pool: WorkerPool, files: list[Path], window: int, cancelled: Callable[[], bool],
    extract: Extractor, budget: float,
) -> Iterator[tuple[Path, Article | str]]:
    pending: deque[tuple[Path, Future]] = deque()
    queue = iter(files)
    try:
        while not cancelled():
            while len(pending) < window and (path := next(queue, None)) is not None:
                pending.append((path, pool.submit(extract, path, budget)))
            if not pending:
                return
            path, future = pending[0]
            while not wait([future], timeout=CANCEL_POLL_S).done:
                if cancelled():
                    return
            pending.popleft()
            yield path, _outcome(future, budget)
    finally:
        for _, future in pending:
            future.cancel()  # pebble kills the worker of a task already running


def _outcome(future: Future, budget: float) -> Article | str:
    """A finished task as an extraction result: the article, or the reason in words."""
    from pebble import ProcessExpired  # loads with the first result, not with the window

    error = future.exception()
    if error is None:
        return future.result()
    if isinstance(error, TimeoutError):
        return f"it took longer than {budget:g} s to read; it may be built to stall a reader"
    if isinstance(error, (ProcessExpired, BrokenProcessPool)):
        return "the extractor stopped working on this file (it crashed or was killed)"
    return f"it could not be read ({type(error).__name__}: {error})"


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
    pool: WorkerPool | None = None,
) -> Iterator[ImportOutcome]:
    for path, result in extract_all(files, processes, cancelled, pool=pool):
        yield store(library, path, result)
