"""Re-extraction on a worker thread, as imports run (``reader.ui.import_worker``).

The worker opens its own library connection on its own thread and hands the
extraction to the window's warm pool of worker processes, when it has one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from reader.reextracting import Reextracted, ReextractReport, reextract
from reader.store import Library, LibraryError
from reader.workers import WorkerPool


class ReextractWorker(QObject):
    """Re-extracts a list of articles; lives on its own QThread (see ``start_worker``)."""

    progress = Signal(int, int)
    finished = Signal(object)  # ReextractReport

    def __init__(self, library_path: str, article_ids: list[int], pool: Callable[[], WorkerPool | None],
                 processes: int | None = None) -> None:
        super().__init__()
        self._library_path = library_path
        self._ids = article_ids
        self._pool = pool
        self._processes = processes
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        report = ReextractReport()
        try:
            library = Library(self._library_path)
            try:
                self.progress.emit(0, len(self._ids))
                outcomes = reextract(library, self._ids, self._processes, self._cancel.is_set, self._pool())
                for done, outcome in enumerate(outcomes, start=1):
                    report.add(outcome)
                    self.progress.emit(done, len(self._ids))
            finally:
                library.close()
        except LibraryError as error:
            report.add(Reextracted(0, Reextracted.FAILED, error=str(error)))
        except Exception as error:  # noqa: BLE001 - the window must hear that the work ended
            report.add(Reextracted(0, Reextracted.FAILED, error=f"re-extraction stopped: {error}"))
        report.cancelled = self._cancel.is_set()
        self.finished.emit(report)
