"""One writer per library: the window holds a lock on ``<library>.lock`` while it is open.

SQLite already keeps every transaction whole when several connections
write, but a window keeps state that outlives a transaction: its undo stack
can bring back an article it deleted only while nobody has purged it, and
its open article is the one it last read. So a second window must not open
the same library, and a command that swaps the whole file (restore) must not
run under an open window. Imports from the command line do not take the
lock: each page is one transaction, which the window's connection sees.

The lock is an OS advisory lock (``flock``/``LockFileEx``, through
``filelock``): the system drops it when the holder dies, so a crash never
leaves a library locked.

>>> with LibraryLock(path):
...     ...            # nobody else holds it
>>> LibraryLock(path).held_elsewhere()
False
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

from reader.store.errors import LibraryError


def lock_path(library: str | Path) -> Path:
    library = Path(library)
    return library.with_name(library.name + ".lock")


class LibraryInUse(LibraryError):
    """Another process (a Reader window, a restore) holds the library."""

    def __init__(self, library: str | Path) -> None:
        super().__init__(
            f"The library {library} is open in another Reader window or program; "
            "close it there first."
        )


class LibraryLock:
    """The lock a window (or a restore) holds on one library while it uses it."""

    def __init__(self, library: str | Path) -> None:
        self.library = Path(library)
        self._lock = FileLock(lock_path(self.library), thread_local=False)

    def acquire(self) -> None:
        """Take the lock now or raise ``LibraryInUse``; never waits."""
        self.library.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire(timeout=0)
        except Timeout as error:
            raise LibraryInUse(self.library) from error
        except OSError as error:
            raise LibraryError(
                f"The library {self.library} cannot be locked for this window: {error.strerror or error}."
            ) from error

    def release(self) -> None:
        self._lock.release()

    def held_elsewhere(self) -> bool:
        """Whether another process holds the lock (taken and dropped again at once to find out)."""
        try:
            self.acquire()
        except LibraryInUse:
            return True
        self.release()
        return False

    def __enter__(self) -> LibraryLock:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.release()
