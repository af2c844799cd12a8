"""From a launch to an open library: hand over to a running window, or take the library.

A launch on a library that a window already holds gives that window its
files and ends (``HANDED_OVER``). Otherwise it takes the library's lock and
opens it; a library that cannot be opened is explained in a dialog that
offers another library instead. Only then is a window built on it.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from reader.store import Library, LibraryError
from reader.store.lock import LibraryInUse, LibraryLock
from reader.ui.dialogs import OTHER, Dialogs
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

    def close(self) -> None:
        self.server.close()
        self.library.close()
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
            other = _other_library(str(error), dialogs)
            if other is None:
                return REFUSED
            library_path = other
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


def _other_library(message: str, dialogs: Dialogs) -> Path | None:
    if dialogs.library_problem(message, None) != OTHER:
        return None
    chosen = dialogs.choose_library()
    return Path(chosen) if chosen else None
