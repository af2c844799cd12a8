"""One logging set-up for the window and the command line.

Errors come in two kinds (as in qutebrowser): the environment's (a disk that
is full or read-only, a locked or damaged library, an unreadable page),
which reach the user as a sentence and are logged as one line; and our own
bugs, which are logged with their traceback to ``reader.log`` in the data
folder, the user being told only that something went wrong and where the
details are.

>>> log_file = setup_logging()          # ~/.local/share/Reader/reader.log
>>> logging.getLogger(__name__).exception("while importing")   # with the traceback
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from reader.paths import data_dir

LOG_FILE = "reader.log"
MAX_BYTES = 1024 * 1024
KEEP = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(folder: Path | None = None) -> Path | None:
    """Send warnings and errors to a rotating log file; returns its path (None if it cannot be written).

    Once per process: a second call changes nothing. A data folder that
    cannot be written leaves logging to standard error rather than failing
    the start.
    """
    if (existing := log_file()) is not None:
        return existing
    root = logging.getLogger()
    path = (folder or data_dir()) / LOG_FILE
    root.setLevel(logging.INFO)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # delay: the file is made by the first record, so a process that logs nothing leaves nothing
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8", delay=True
        )
    except OSError:
        logging.basicConfig(level=logging.WARNING, format=FORMAT)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    return path


def log_file() -> Path | None:
    """Where ``setup_logging`` writes, if it has been called."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    return None
