"""Imports in the background, one after another, for the window.

The queue (a drop while another import runs waits its turn), the warm
extraction workers, the import's own progress bar and Cancel, the tally
sentence and the Details… button for failures live here, not in the
window, which hears only ``refresh_wanted`` (pages have arrived during a long
import) and ``finished`` (the report, to open what came in).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import QPushButton, QStatusBar

from reader.importing import extract_one, warm_up
from reader.model import Article, ImportOutcome
from reader.ui.dialogs import Dialogs
from reader.ui.import_worker import ImportReport, ImportWorker, start_worker
from reader.ui.status import PROBLEM, PROGRESS, RESULT, show_status
from reader.ui.task_strip import TaskStrip
from reader.workers import WorkerPool

IMPORTING = "Importing"
REFRESH_MS = 400
"""How often the list is re-read while pages arrive."""


class ImportController(QObject):
    refresh_wanted = Signal()
    finished = Signal(object)

    def __init__(self, library_path: str, dialogs: Dialogs, tasks: TaskStrip, bar: QStatusBar,
                 processes: int | None = None, workers: WorkerPool | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library_path = library_path
        self._dialogs = dialogs
        self._tasks = tasks
        self._bar = bar
        self._processes = processes
        self.workers = workers
        self._own_workers = workers is None
        self._running: tuple[QThread, ImportWorker] | None = None
        self._queued: list[list[str]] = []
        self.last_report: ImportReport | None = None
        self._arrived = False
        self._refresh_timer = QTimer(self, interval=REFRESH_MS)
        self._refresh_timer.timeout.connect(self._refresh)
        self.details_button = QPushButton("Details…")
        self.details_button.clicked.connect(self.show_failures)
        self.details_button.hide()
        bar.addPermanentWidget(self.details_button)

    @property
    def busy(self) -> bool:
        return self._running is not None

    def pool(self) -> WorkerPool:
        """The warm extraction workers: the app's, or the window's own, started when first needed."""
        if self.workers is None:
            self.workers = WorkerPool(self._processes or os.cpu_count() or 1, warm_up)
        return self.workers

    def start(self, paths: list[str]) -> None:
        """Import files and folders in the background; later requests wait their turn."""
        if self._running is not None:
            self._queued.append(paths)
            return
        worker = ImportWorker(self._library_path, paths, self._processes, self.pool())
        worker.progress.connect(self._tasks.begin(IMPORTING, self.cancel).progress)
        worker.imported.connect(self._on_imported)
        worker.finished.connect(self._on_finished)
        self.details_button.hide()
        show_status(self._bar, "Importing…", PROGRESS)
        self._running = (start_worker(worker), worker)
        self._refresh_timer.start()

    def extract(self, path: str) -> Article | str:
        """One file read in a warm worker, for File ▸ Re-import: the article, or why it failed."""
        return extract_one(path, self.pool())

    def cancel(self) -> None:
        if self._running is not None:
            self._running[1].cancel()

    def close(self, wait_ms: int = 10_000) -> None:
        """The window closes: drop what waits, stop what runs, and the workers it started."""
        self._queued.clear()
        if self._running is not None:
            self.cancel()
            self._running[0].wait(wait_ms)
        if self._own_workers and self.workers is not None:
            self.workers.close()
            self.workers = None

    def show_failures(self) -> None:
        if self.last_report and self.last_report.failures:
            self._dialogs.show_failures(self.last_report.failures)

    def _on_imported(self, outcome: ImportOutcome) -> None:
        if outcome.status == ImportOutcome.IMPORTED:
            self._arrived = True

    def _refresh(self) -> None:
        if self._arrived:
            self._arrived = False
            self.refresh_wanted.emit()

    def _on_finished(self, report: ImportReport) -> None:
        thread, _ = self._running
        thread.wait()
        self._running = None
        self._refresh_timer.stop()
        self._arrived = False
        self.last_report = report
        self._tasks.end(IMPORTING)
        self.details_button.setVisible(bool(report.failures))
        message = report.sentence()
        if len(report.failures) == 1:
            failure = report.failures[0]
            message += f": {Path(failure.path).name} — {failure.error}"
        show_status(self._bar, message, PROBLEM if report.failures else RESULT)
        self.finished.emit(report)
        if self._queued:
            self.start(self._queued.pop(0))
