"""An extractor that never finishes one file, as a page built to stall a parser would."""

import os
import time
from pathlib import Path

from reader.importing import _extract


def extract_or_stall(path: Path):
    """Stalls on files named ``stall*``, leaving ``<name>.stuck`` beside them to say it has begun."""
    if path.name.startswith("stall"):
        path.with_name(path.name + ".stuck").touch()
        time.sleep(600)
    return _extract(path)


def worker_pid(_: object) -> int:
    """The process a task runs in."""
    return os.getpid()
