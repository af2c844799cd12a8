"""Article ▸ Re-extract, Show Original, Open Source URL and Library ▸ Re-extract All.

What the library keeps of each page's original, put to use from the window:
re-extraction runs in the background like an import (its progress bar and
Cancel in the status bar, the window's warm worker processes), and ends with
one sentence of what changed and where the highlights are.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTemporaryDir, QThread, QUrl
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar

from reader.reextracting import ReextractReport, lay_out
from reader.store import LibraryError
from reader.ui.import_worker import start_worker
from reader.ui.reextract_worker import ReextractWorker
from reader.ui.status import PROBLEM, PROGRESS, RESULT, show_status

REEXTRACTING = "Re-extracting"
NO_ORIGINAL = "This article was imported before Reader kept originals; import its page again to keep one."


class OriginalsMenu(QObject):
    """The menu entries and the background re-extraction; ``window`` is the ``MainWindow``."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._running: tuple[QThread, ReextractWorker] | None = None
        self._shown = QTemporaryDir()  # originals opened in other programs, removed with the window
        self.last_report: ReextractReport | None = None

    def add_menus(self, article: QMenu, bar: QMenuBar) -> None:
        """Its entries at the end of the Article menu, and a Library menu of its own."""
        article.addSeparator()
        self.reextract_action = self._action(article, "Re-&extract", self.reextract_current)
        self.show_original_action = self._action(article, "Show &Original", self.show_original)
        self.open_source_action = self._action(article, "Open Source &URL", self.open_source_url)
        library = bar.addMenu("&Library")
        self.reextract_all_action = self._action(library, "Re-extract &All", self.reextract_all)

    def _action(self, menu, text: str, slot) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    @property
    def busy(self) -> bool:
        return self._running is not None

    def reextract_current(self) -> None:
        if self.window.current_id is not None:
            self.start([self.window.current_id])

    def reextract_all(self) -> None:
        self.start([summary.id for summary in self.window.library.summaries()])

    def start(self, article_ids: list[int]) -> None:
        """Re-extract articles in the background; one runs at a time."""
        if self.busy or not article_ids:
            return
        worker = ReextractWorker(self.window.library.path, article_ids, lambda: self.window.imports.workers,
                                 self.window.import_processes)
        worker.progress.connect(self.window.tasks.begin(REEXTRACTING, self.cancel).progress)
        worker.finished.connect(self._finished)
        show_status(self.window.statusBar(), "Re-extracting…", PROGRESS)
        self._running = (start_worker(worker), worker)

    def cancel(self) -> None:
        if self._running is not None:
            self._running[1].cancel()

    def wait(self, milliseconds: int) -> None:
        if self._running is not None:
            self.cancel()
            self._running[0].wait(milliseconds)

    def _finished(self, report: ReextractReport) -> None:
        thread, _ = self._running
        thread.wait()
        self._running = None
        self.last_report = report
        self.window.tasks.end(REEXTRACTING)
        message = report.sentence()
        if report.failures:
            first = report.failures[0]
            message += f"; {'article ' + str(first.article_id) + ': ' if first.article_id else ''}{first.error}"
        show_status(self.window.statusBar(), message, PROBLEM if report.failures else RESULT)
        current = self.window.current_id
        if report.updated_ids:
            if current in report.updated_ids:
                self.window.current_id = None  # a new version of the open article: show it afresh
            self.window.reload_library(current)

    def show_original(self) -> None:
        """Open the open article's original in the program the desktop gives its kind of file."""
        article_id = self.window.current_id
        if article_id is None:
            return
        try:
            original = self.window.library.original(article_id)
        except LibraryError as error:
            show_status(self.window.statusBar(), str(error), PROBLEM)
            return
        if original is None:
            show_status(self.window.statusBar(), NO_ORIGINAL, PROBLEM)
            return
        page = lay_out(original, Path(self._shown.path()) / str(article_id))
        self.window.dialogs.open_url(QUrl.fromLocalFile(str(page)))

    def open_source_url(self) -> None:
        article = self.window.current_article
        if article is None:
            return
        if not article.article.url:
            show_status(self.window.statusBar(), "This article has no source address.", PROBLEM)
            return
        self.window.dialogs.open_url(QUrl(article.article.url))
