"""What the window does with an exception nobody caught: log it, tell the user briefly, carry on.

Qt calls ``sys.excepthook`` for an exception raised in a slot and then goes
on with its event loop, so one failing action does not take the window, and
the user's unsaved nothing, with it. Environment errors (a damaged or locked
library, a full or read-only disk) are shown as the sentence they carry;
anything else is our bug: its traceback goes to the log file, and the user is
told where.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from reader.logs import log_file
from reader.store import LibraryError

log = logging.getLogger("reader")


def describe(error: BaseException) -> str:
    """The sentence the user sees for an error that reached the top."""
    if isinstance(error, LibraryError):
        return str(error)
    if isinstance(error, OSError) and error.strerror:
        where = f" ({error.filename})" if error.filename else ""
        return f"Reader could not finish: {error.strerror}{where}."
    where = log_file()
    details = f" The details are in {where}." if where else ""
    return f"Something went wrong inside Reader ({type(error).__name__}).{details}"


def install_excepthook(tell: Callable[[str], None]) -> None:
    """Route uncaught exceptions to the log and to ``tell`` (a non-blocking message to the user)."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        if isinstance(error, (LibraryError, OSError)):
            log.error("%s", error)
        else:
            log.error("uncaught exception", exc_info=(kind, error, trace))
        try:
            tell(describe(error))
        except Exception:  # noqa: BLE001 - telling must never raise inside the hook
            log.exception("could not show an error")

    sys.excepthook = hook
