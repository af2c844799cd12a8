"""Imports on a worker thread, so the window keeps painting and scrolling.

The worker opens its own library connection on its own thread (SQLite
connections belong to the thread that made them); WAL lets the window's
connection keep reading meanwhile.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from reader.importing import import_files, plan_import, tally
from reader.model import ImportOutcome
from reader.store import Library, LibraryError
from reader.workers import WorkerPool


@dataclass
class ImportReport:
    """The tally the user sees when an import ends."""

    imported: int = 0
    duplicates: int = 0
    skipped: int = 0
    remarks: list[str] = field(default_factory=list)
    cancelled: bool = False
    failures: list[ImportOutcome] = field(default_factory=list)
    last_id: int | None = None
    first_id: int | None = None  # the first page that came in or was found already there: the one to open
    imported_ids: set[int] = field(default_factory=set)

    def add(self, outcome: ImportOutcome) -> None:
        if outcome.status in (ImportOutcome.IMPORTED, ImportOutcome.DUPLICATE) and self.first_id is None:
            self.first_id = outcome.article_id
        if outcome.status == ImportOutcome.IMPORTED:
            self.imported += 1
            self.last_id = outcome.article_id
            self.imported_ids.add(outcome.article_id)
        elif outcome.status == ImportOutcome.DUPLICATE:
            self.duplicates += 1
            self.last_id = outcome.article_id
        else:
            self.failures.append(outcome)

    def sentence(self) -> str:
        return tally(self.imported, self.duplicates, len(self.failures), self.remarks, self.cancelled)


class ImportWorker(QObject):
    """Runs one import; lives on its own QThread."""

    progress = Signal(int, int)
    imported = Signal(object)
    finished = Signal(object)

    def __init__(self, library_path: str, paths: list[str], processes: int | None = None,
                 pool: WorkerPool | None = None) -> None:
        super().__init__()
        self._library_path = library_path
        self._paths = paths
        self._processes = processes
        self._pool = pool
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        report = ImportReport()
        try:
            plan = plan_import(self._paths)
            report.skipped = plan.skipped
            report.remarks = plan.remarks()
            total = len(plan.files)
            self.progress.emit(0, total)
            library = Library(self._library_path)
            try:
                outcomes = import_files(library, plan.files, self._processes, self._cancel.is_set, self._pool)
                for done, outcome in enumerate(outcomes, start=1):
                    report.add(outcome)
                    self.imported.emit(outcome)
                    self.progress.emit(done, total)
            finally:
                library.close()
        except LibraryError as error:
            report.failures.append(ImportOutcome(self._library_path, ImportOutcome.FAILED, error=str(error)))
        except Exception as error:  # noqa: BLE001 - the window must hear that the import ended
            report.failures.append(
                ImportOutcome(", ".join(self._paths), ImportOutcome.FAILED, error=f"the import stopped: {error}")
            )
        report.cancelled = self._cancel.is_set()
        self.finished.emit(report)


def start_worker(worker: QObject) -> QThread:
    """Move a worker (with ``run`` and ``finished``) to a new thread and start it; the thread ends with the work."""
    thread = QThread()
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    thread.start()
    return thread
