"""Starting the application: arguments, logging, the one window on the library."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader.importing import warm_up
from reader.logs import setup_logging
from reader.paths import APP_NAME, default_library_path, resource
from reader.ui.auto_backup import AutoBackup
from reader.ui.crash import install_excepthook
from reader.ui.dialogs import Dialogs
from reader.ui.main_window import MainWindow
from reader.ui.startup import Opened, open_for_window
from reader.ui.status import PROBLEM, show_status
from reader.workers import WorkerPool


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="reader", description="Read and annotate saved web pages.")
    parser.add_argument("--library", type=Path, default=None, help=f"library file (default: {default_library_path()})")
    parser.add_argument("paths", nargs="*", help="saved pages or folders to import on start")
    return parser.parse_args(argv)


def run(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setWindowIcon(QIcon(str(resource("icons/reader.svg"))))
    setup_logging()
    dialogs = Dialogs()
    install_excepthook(dialogs.show_error)
    # Absolute now: a second launch from another folder must name the same files.
    paths = [str(Path(p).absolute()) for p in args.paths]
    opened = open_for_window((args.library or default_library_path()).expanduser().absolute(), paths, dialogs)
    if not isinstance(opened, Opened):
        return opened
    # Started before the window is built, so its workers have warmed up by the first drop.
    with WorkerPool(os.cpu_count() or 1, warm_up) as workers:
        window = MainWindow(opened.library, QSettings(APP_NAME, APP_NAME), dialogs=dialogs, workers=workers)
        dialogs.parent = window
        opened.server.paths_received.connect(window.import_from_launch)
        backups = AutoBackup(opened.library.path, parent=window)
        backups.failed.connect(lambda text: show_status(window.statusBar(), text, PROBLEM))
        backups.start()
        window.show()
        if paths:
            window.import_paths(paths)
        code = app.exec()
    opened.close(before_unlock=backups.on_close)
    return code
