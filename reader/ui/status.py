"""How long a status-bar message stays: one rule here rather than a number at every call.

A result is read in a glance and then in the way; a problem may need reading twice and
acting on; a message about work in progress stays until the work's result replaces it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QStatusBar

PROGRESS, RESULT, PROBLEM = "progress", "result", "problem"
TIMEOUTS_MS = {PROGRESS: 0, RESULT: 8_000, PROBLEM: 30_000}


def show_status(bar: QStatusBar, text: str, kind: str = RESULT) -> None:
    """Show ``text`` for as long as its kind (``PROGRESS``, ``RESULT`` or ``PROBLEM``) deserves."""
    bar.showMessage(text, TIMEOUTS_MS[kind])
