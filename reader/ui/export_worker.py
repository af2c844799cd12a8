"""Exports on a worker thread, with progress and cancel, like imports."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from reader.export import export
from reader.exporting import gather
from reader.store import Library, LibraryError


@dataclass(frozen=True)
class ExportChoice:
    """What the export dialog asked for: a format, which articles, and where."""

    fmt: str
    article_ids: list[int]
    out: Path
    only_annotated: bool = False


@dataclass
class ExportReport:
    written: list[Path] = field(default_factory=list)
    error: str = ""
    cancelled: bool = False

    def sentence(self, out: Path) -> str:
        if self.error:
            return f"Nothing was exported to {out}: {self.error}"
        if self.cancelled:
            return "Export cancelled; nothing was written."
        return f"Exported {len(self.written)} file{'s' if len(self.written) != 1 else ''} to {out}"


class ExportWorker(QObject):
    progress = Signal(int, int)
    finished = Signal(object)

    def __init__(self, library_path: str, choice: ExportChoice, meanings: dict[str, str]) -> None:
        super().__init__()
        self._library_path = library_path
        self._choice = choice
        self._meanings = meanings
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        choice, report = self._choice, ExportReport()
        total = len(choice.article_ids)
        try:
            library = Library(self._library_path)
            try:
                notes = []
                for done, item in enumerate(
                    gather(library, choice.article_ids, choice.fmt == "html", choice.only_annotated, self._cancel.is_set),
                    start=1,
                ):
                    notes.append(item)
                    self.progress.emit(done, total)
            finally:
                library.close()
            if self._cancel.is_set():
                report.cancelled = True
            else:
                report.written = export(notes, choice.fmt, choice.out, self._meanings)
        except (OSError, ValueError, LibraryError) as error:
            report.error = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        self.finished.emit(report)
