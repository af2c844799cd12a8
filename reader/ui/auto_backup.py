"""Automatic backups while the window is open: at most once a day, and once more on close.

The copy runs on a thread of its own with its own read connection (see
``reader.store.backup``), so the window keeps answering and can keep writing
meanwhile; the result comes back as a signal. The backup on close is taken
after the window's connection is closed and before the library's lock is
let go, so no other window can open the library half-way through it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from reader.store import LibraryError
from reader.store.backup import BackupInfo, backup_if_due

log = logging.getLogger(__name__)

EVERY = timedelta(days=1)
CHECK_MS = 60 * 60 * 1000
FIRST_CHECK_MS = 60 * 1000
"""The first look a minute after start, out of the way of opening the window."""


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class AutoBackup(QObject):
    """Takes the library's backups on a schedule; ``taken`` and ``failed`` say how it went."""

    taken = Signal(object)
    failed = Signal(str)

    def __init__(
        self, library_path: str | Path, clock: Callable[[], datetime] = _utc_now, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.library_path = Path(library_path)
        self._clock = clock
        self._thread: threading.Thread | None = None
        self._timer = QTimer(self, singleShot=True, interval=FIRST_CHECK_MS)
        self._timer.timeout.connect(self._on_timer)

    def start(self) -> None:
        self._timer.start()

    def _on_timer(self) -> None:
        self._timer.setInterval(CHECK_MS)
        self._timer.start()
        self.check()

    def check(self) -> None:
        """Back up in the background if the newest backup is a day old (nothing if one is running)."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._thread = threading.Thread(target=self._run, args=(EVERY,), name="backup", daemon=True)
        self._thread.start()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()

    def on_close(self) -> None:
        """The backup taken when the window closes (after any that is running), then rotation."""
        self._timer.stop()
        self.wait()
        self._run(timedelta(0))

    def _run(self, every: timedelta) -> None:
        try:
            info: BackupInfo | None = backup_if_due(self.library_path, self._clock(), every)
        except LibraryError as error:
            log.warning("%s", error)
            self.failed.emit(f"The library was not backed up: {error}")
            return
        except Exception:  # noqa: BLE001 - a bug in a backup must not take the window or its close with it
            log.exception("backup failed")
            self.failed.emit("The library was not backed up because of a fault in Reader; see the log file.")
            return
        if info is not None:
            log.info("backed up to %s", info.path)
            self.taken.emit(info)
