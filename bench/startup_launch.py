"""One cold start, run in a fresh process by bench/startup.py: a window, then one JSON line.

    python bench/startup_launch.py bare SPAWNED
    python bench/startup_launch.py reader SPAWNED --library L

``SPAWNED`` is the parent's ``time.time()`` just before it started this process,
so interpreter start-up and every import count. ``READER_ROOT`` in the environment
runs the Reader of another checkout (bench/startup.py --before); else this one's.

``bare`` shows a QMainWindow
holding a QListView and a QTextBrowser; ``reader`` runs Reader's own ``run()``
(the same code as main.py). An application event filter waits for the first
Expose of a window that is exposed, lets that expose paint (a zero timer runs
after it), then prints seconds since spawn and the peak RSS of this process, and
leaves at once with ``os._exit``: no close, so no backup on close and no purge;
the library lock (an flock) dies with the process and the single-instance
socket is removed here. Nothing in Reader knows about this bench.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

MODE, SPAWNED = sys.argv[1], float(sys.argv[2])
ARGS = sys.argv[3:]

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtGui import QWindow  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


class FirstExpose(QObject):
    """Reports once, after the first exposed window has painted."""

    def __init__(self) -> None:
        super().__init__()
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (not self.seen and event.type() == QEvent.Type.Expose and isinstance(watched, QWindow)
                and watched.isExposed()):
            self.seen = True
            QTimer.singleShot(0, report)
        return False


def report() -> None:
    seconds = time.time() - SPAWNED
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    heavy = [name for name in ("trafilatura", "lxml", "reader.ingest.pipeline", "sqlite_utils") if name in sys.modules]
    print(json.dumps({"seconds": seconds, "rss_mb": rss_mb, "loaded": heavy}), flush=True)
    if MODE == "reader":
        from PySide6.QtNetwork import QLocalServer

        from reader.ui.single_instance import server_name

        library = Path(ARGS[ARGS.index("--library") + 1]).expanduser().absolute()
        QLocalServer.removeServer(server_name(library))
    os._exit(0)


def bare() -> int:
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QListView, QMainWindow, QSplitter, QTextBrowser

    window = QMainWindow()
    splitter = QSplitter()
    listing = QListView()
    listing.setModel(QStringListModel([f"Article {n}" for n in range(50)], listing))
    splitter.addWidget(listing)
    splitter.addWidget(QTextBrowser())
    window.setCentralWidget(splitter)
    window.resize(1320, 860)
    window.show()
    return app.exec()


if __name__ == "__main__":
    app = QApplication([sys.argv[0]])
    spy = FirstExpose()
    app.installEventFilter(spy)
    if MODE == "bare":
        sys.exit(bare())
    sys.path.insert(0, os.environ.get("READER_ROOT") or str(Path(__file__).resolve().parents[1]))
    from reader.ui.app import run

    sys.exit(run(ARGS))
