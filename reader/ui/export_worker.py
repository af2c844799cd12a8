"""Exports on a worker thread, with progress and cancel, like imports.

The export streams: each article is read from the worker's own library
connection just before it is written, so a 10,000-article export keeps one
article in memory, and Cancel takes effect at the next article boundary.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from reader.export import FORMATS, ExportCancelled, export
from reader.exporting import gather
from reader.store import Library, LibraryError

PROGRESS_INTERVAL_S = 0.05  # ~20 updates a second: smooth, without flooding the window's event queue


@dataclass(frozen=True)
class ExportChoice:
    """What the export dialog asked for: a format, which articles, and where."""

    fmt: str
    article_ids: list[int]
    out: Path


@dataclass
class ExportReport:
    """What an export wrote, or why it wrote nothing; ``damaged``: the articles left out as unreadable
    (id, the store's sentence), the others being written all the same."""

    written: list[Path] = field(default_factory=list)
    error: str = ""
    cancelled: bool = False
    damaged: list[tuple[int, str]] = field(default_factory=list)

    def sentence(self, out: Path) -> str:
        if self.error:
            return f"Nothing was exported to {out}: {self.error}"
        if self.cancelled:
            return "Export cancelled; nothing was written."
        done = f"Exported {len(self.written):,} file{'s' if len(self.written) != 1 else ''} to {out}"
        if not self.damaged:
            return done
        skipped = "1 article was" if len(self.damaged) == 1 else f"{len(self.damaged):,} articles were"
        return f"{done}; {skipped} skipped as unreadable"


class ExportWorker(QObject):
    progress = Signal(int, int)
    finished = Signal(object)

    def __init__(self, library_path: str, choice: ExportChoice, meanings: dict[str, str]) -> None:
        super().__init__()
        self._library_path = library_path
        self._choice = choice
        self._meanings = meanings
        self._cancel = threading.Event()
        self._last_progress = 0.0

    def cancel(self) -> None:
        self._cancel.set()

    def _step(self, done: int, total: int) -> None:
        """Between two articles: stop if cancelled, else tell the window (at most every 50 ms, and at the end)."""
        if self._cancel.is_set():
            raise ExportCancelled
        now = time.monotonic()
        if done in (0, total) or now - self._last_progress >= PROGRESS_INTERVAL_S:
            self._last_progress = now
            self.progress.emit(done, total)

    @Slot()
    def run(self) -> None:
        choice, report = self._choice, ExportReport()
        try:
            library = Library(self._library_path)
            try:
                notes = gather(library, choice.article_ids, with_images=FORMATS[choice.fmt].images, step=self._step,
                               damaged=lambda article_id, reason: report.damaged.append((article_id, reason)))
                report.written = export(notes, choice.fmt, choice.out, self._meanings)
            finally:
                library.close()
        except ExportCancelled:
            report.cancelled = True
        except (OSError, ValueError, LibraryError) as error:
            report.error = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        except Exception as error:  # noqa: BLE001 - the window waits for this report, whatever went wrong
            report.error = f"an unexpected error: {error}"
        self.finished.emit(report)
