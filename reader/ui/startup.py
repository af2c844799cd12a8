"""From a launch to an open library: hand over to a running window, or take the library.

A launch on a library that a window already holds gives that window its
files and ends (``HANDED_OVER``). Otherwise it takes the library's lock and
opens it; a library that cannot be opened is explained in a dialog that
offers its latest backup (the damaged file is moved aside, never deleted)
or another library. Only then is a window built on it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reader.store import Library, LibraryError
from reader.store.backup import latest_backup, restore
from reader.store.lock import LibraryInUse, LibraryLock
from reader.ui.dialogs import OTHER, RESTORE, Dialogs
from reader.ui.single_instance import InstanceServer, hand_over

log = logging.getLogger(__name__)

HANDED_OVER = 0
REFUSED = 2
STARTING_WINDOW_S = 5.0
"""How long a launch that finds the library locked keeps asking its holder to answer: a window
that is starting holds the lock a moment before it listens."""


@dataclass
class Opened:
    """A library this process holds, with the lock and the socket that keep it the only window."""

    library: Library
    lock: LibraryLock
    server: InstanceServer

    def close(self, before_unlock: Callable[[], None] = lambda: None) -> None:
        """Let the library go; ``before_unlock`` runs with the file closed but still held (the last backup)."""
        self.server.close()
        self.library.close()
        try:
            before_unlock()
        finally:
            self.lock.release()


def open_for_window(library_path: Path, paths: list[str], dialogs: Dialogs) -> Opened | int:
    """The opened library, or the exit code of a launch that goes no further."""
    while True:
        if hand_over(library_path, paths):
            return HANDED_OVER
        lock = LibraryLock(library_path)
        try:
            lock.acquire()
        except LibraryInUse as error:
            if _keep_asking(library_path, paths):
                return HANDED_OVER
            dialogs.refuse_start(str(error))
            return REFUSED
        except LibraryError as error:
            dialogs.refuse_start(str(error))
            return REFUSED
        try:
            library = Library(library_path)
        except LibraryError as error:
            lock.release()
            log.error("%s", error)
            recovered = _recover(library_path, str(error), dialogs)
            if recovered is None:
                return REFUSED
            library_path = recovered
            continue
        return Opened(library, lock, InstanceServer(library_path))


def _keep_asking(library_path: Path, paths: list[str]) -> bool:
    """Whether the window that holds the library took the files, once it is up."""
    deadline = time.monotonic() + STARTING_WINDOW_S
    while time.monotonic() < deadline:
        if hand_over(library_path, paths):
            return True
        time.sleep(0.2)
    return False


def _local_time(created: str) -> str:
    """A backup's UTC time as the user's clock shows it."""
    return datetime.fromisoformat(created.replace("Z", "+00:00")).astimezone().strftime("%Y-%m-%d %H:%M")


def _recover(library_path: Path, message: str, dialogs: Dialogs) -> Path | None:
    """The library to try next, as the user chooses: this one restored from a backup, or another."""
    latest = latest_backup(library_path)
    label = f"Restore from Backup of {_local_time(latest.created)}" if latest is not None else None
    choice = dialogs.library_problem(message, label)
    if choice == RESTORE and latest is not None:
        try:
            moved = restore(library_path, latest.path)
        except LibraryError as error:
            dialogs.refuse_start(str(error))
            return None
        log.warning("restored %s from %s; the old file is %s", library_path, latest.path, moved)
        return library_path
    if choice == OTHER:
        chosen = dialogs.choose_library()
        return Path(chosen) if chosen else None
    return None
