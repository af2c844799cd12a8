"""File ▸ Export Notes…: which articles each choice covers, the dialog, and the export in the background.

The window tells it what is open and what is selected; it answers with
signals (started, progress, finished) that the window shows in its status
bar, next to imports'.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from reader.export import FORMATS
from reader.exporting import article_notes
from reader.store import DamagedArticle, Library
from reader.ui.dialogs import Dialogs
from reader.ui.export_dialog import ANNOTATED, CURRENT, LIBRARY, SELECTED, ExportOffer
from reader.ui.export_worker import ExportChoice, ExportReport, ExportWorker
from reader.ui.import_worker import start_worker

NOTHING_YET = "Nothing to export yet: highlight some text first."


class ExportController(QObject):
    started = Signal()
    progress = Signal(int, int)
    finished = Signal(object, object)  # ExportReport, the destination (Path)

    def __init__(
        self, library: Library, dialogs: Dialogs, meanings: Callable[[], dict[str, str]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.dialogs = dialogs
        self._meanings = meanings
        self._running: tuple[QThread, ExportWorker, Path] | None = None
        self.last_report: ExportReport | None = None

    @property
    def busy(self) -> bool:
        return self._running is not None

    def scope_ids(self, current_id: int | None, selected_ids: Sequence[int]) -> dict[str, list[int]]:
        """The articles behind each choice of the dialog, in library order."""
        return {
            CURRENT: [current_id] if current_id is not None else [],
            SELECTED: list(selected_ids),
            ANNOTATED: self.library.annotations.annotated_article_ids(),
            LIBRARY: [summary.id for summary in self.library.summaries()],
        }

    def preview(self, article_ids: Sequence[int], fmt: str) -> str:
        """The first file of an export of these articles (for JSON and CSV: the first article's part)."""
        try:
            notes = article_notes(self.library, article_ids[0], FORMATS[fmt].images) if article_ids else None
        except DamagedArticle as error:
            return f"{error} The export will leave it out."
        if notes is None:
            return NOTHING_YET
        return FORMATS[fmt].render_one(notes, self._meanings())

    def ask(
        self, current_id: int | None, current_title: str | None, selected_ids: Sequence[int], scope: str = ""
    ) -> None:
        """Open the dialog (on ``scope`` if given) and start the export the user asks for."""
        if self.busy:
            return
        scopes = self.scope_ids(current_id, selected_ids)
        offer = ExportOffer(
            preview=lambda fmt, chosen: self.preview(scopes[chosen], fmt),
            current_title=current_title if current_id is not None else None,
            selected=len(scopes[SELECTED]),
            annotated=len(scopes[ANNOTATED]),
            library=len(scopes[LIBRARY]),
            scope=scope,
        )
        answer = self.dialogs.ask_export(offer)
        if answer is not None and scopes.get(answer.scope):
            self.start(ExportChoice(answer.fmt, scopes[answer.scope], Path(answer.out)))

    def start(self, choice: ExportChoice) -> None:
        """Write an export on a worker thread; ``finished`` brings the report."""
        worker = ExportWorker(self.library.path, choice, self._meanings())
        worker.progress.connect(self.progress)
        worker.finished.connect(self._on_finished)
        self._running = (start_worker(worker), worker, choice.out)
        self.started.emit()

    def cancel(self) -> None:
        if self._running is not None:
            self._running[1].cancel()

    def wait(self, timeout_ms: int) -> None:
        """Stop a running export and wait for its thread (the window is closing)."""
        if self._running is not None:
            self.cancel()
            self._running[0].wait(timeout_ms)

    def _on_finished(self, report: ExportReport) -> None:
        thread, _, out = self._running
        thread.wait()
        self._running = None
        self.last_report = report
        self.finished.emit(report, out)
