"""Progress and Cancel for each background job, side by side in the status bar.

An import and an export can run at the same time; each gets its own
progress bar and its own Cancel, so the end of one never hides the other's,
and Cancel stops only the job it stands beside.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

BAR_WIDTH = 200


class Task(QWidget):
    """One running job as the status bar shows it: what it is, how far, and Cancel."""

    def __init__(self, label: str, cancel: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("task")
        self.label = QLabel(label)
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(BAR_WIDTH)
        self.progress_bar.setFormat("%v / %m")
        self.progress_bar.setRange(0, 0)  # busy until the job knows how much there is
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.progress_bar, self.cancel_button):
            layout.addWidget(widget)

    def progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)


class TaskStrip:
    """The running jobs in a status bar, by name; ``begin`` shows one, ``end`` takes it away."""

    def __init__(self, bar: QStatusBar) -> None:
        self._bar = bar
        self.running: dict[str, Task] = {}

    def begin(self, name: str, cancel: Callable[[], None]) -> Task:
        self.end(name)
        task = Task(name, cancel)
        self.running[name] = task
        self._bar.addPermanentWidget(task)
        task.show()
        return task

    def end(self, name: str) -> None:
        task = self.running.pop(name, None)
        if task is not None:
            self._bar.removeWidget(task)
            task.deleteLater()
