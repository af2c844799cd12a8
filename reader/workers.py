"""Worker processes that can be stopped, and that die with the process that started them.

Extraction runs in other processes so that one file can be given up on: a
task past its time budget, or one the user cancels, is ended by killing its
worker, and pebble starts a fresh one in its place. A crash fails only the
task that was running.

Workers must not outlive the import. When the parent is SIGKILLed nothing in
it runs any more, so each worker watches for that itself: on Linux the kernel
sends it SIGKILL (``PR_SET_PDEATHSIG``), elsewhere a thread notices that its
parent changed and exits.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from pebble import ProcessPool

from reader.logs import setup_logging

# prctl(2) option: the signal a process receives when the thread that created it ends.
_PR_SET_PDEATHSIG = 1
_WATCH_SECONDS = 0.5


def _set_parent_death_signal() -> None:
    """Ask Linux to SIGKILL this process when its parent goes (a no-op elsewhere)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _watch_parent(parent: int) -> None:
    """The portable fallback: once the parent has gone, this process is re-parented."""
    while os.getppid() == parent:
        time.sleep(_WATCH_SECONDS)
    os._exit(1)


def _start_worker(parent: int, warm_up: Callable[[], Any] | None) -> None:
    """Initializer of every worker: tie its life to the parent's, then load what tasks need."""
    _set_parent_death_signal()
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="watch-parent", daemon=True).start()
    setup_logging()  # a bug met while extracting is written, with its traceback, where the window's are
    if warm_up is not None:
        warm_up()


def _ready() -> None:
    """A task that does nothing: its result says a worker has started and warmed up."""


class WorkerPool:
    """A pebble process pool whose workers start from a thread that lives as long as the pool.

    ``PR_SET_PDEATHSIG`` fires when the *thread* that started a worker ends,
    not the process. pebble starts the first workers on the thread that first
    schedules a task (replacements come from its own manager thread, which
    lives as long as the pool). The GUI schedules from an import thread that
    ends with each import, which would kill a warm pool's workers; so each
    pool is started on a keeper thread of its own that also stops it.
    """

    def __init__(self, size: int, warm_up: Callable[[], Any] | None = None) -> None:
        self._size = max(1, size)
        self._warm_up = warm_up
        self._lock = threading.Lock()
        self.ready: Future[None]
        self._pool, self._closing, self._keeper = self._start()

    def _start(self) -> tuple[ProcessPool, threading.Event, threading.Thread]:
        pool = ProcessPool(
            max_workers=self._size,
            initializer=_start_worker,
            initargs=(os.getpid(), self._warm_up),
            context=multiprocessing.get_context("spawn"),
        )
        started, closing = threading.Event(), threading.Event()
        failed: list[BaseException] = []

        def keep() -> None:
            try:
                self.ready = pool.schedule(_ready)
            except BaseException as error:  # noqa: BLE001 - handed to the thread that waits
                failed.append(error)
                return
            finally:
                started.set()
            closing.wait()
            pool.stop()
            pool.join()

        keeper = threading.Thread(target=keep, name="worker-pool", daemon=True)
        keeper.start()
        started.wait()
        if failed:
            raise failed[0]
        return pool, closing, keeper

    def submit(self, function: Callable[[Any], Any], argument: Any, timeout: float) -> Future:
        """Run ``function(argument)`` in a worker; past ``timeout`` seconds its worker is killed."""
        with self._lock:
            try:
                return self._pool.schedule(function, args=(argument,), timeout=timeout)
            except RuntimeError:
                # pebble gives a pool up when a worker dies with no task running (killed
                # while idle); a warm pool is kept for the app's life, so start a new one.
                self._closing.set()
                self._pool, self._closing, self._keeper = self._start()
                return self._pool.schedule(function, args=(argument,), timeout=timeout)

    def close(self, wait: bool = False) -> None:
        """Stop the workers, killing any still at work. The caller does not wait for a worker
        stuck in C code to die (pebble gives SIGTERM 3 s before SIGKILL) unless ``wait``."""
        self._closing.set()
        if wait:
            self._keeper.join()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
