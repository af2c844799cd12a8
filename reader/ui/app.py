"""Starting the application: arguments, the library, the window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.importing import warm_up
from reader.paths import APP_NAME, default_library_path, resource
from reader.store import Library, LibraryError
from reader.ui.main_window import MainWindow
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
    app.setStyleSheet(resource("app.qss").read_text(encoding="utf-8"))
    try:
        library = Library(args.library or default_library_path())
    except LibraryError as error:
        QMessageBox.critical(None, "Reader cannot open its library", str(error))
        return 2
    # Started before the window is built, so its workers have warmed up by the first drop.
    with WorkerPool(os.cpu_count() or 1, warm_up) as workers:
        window = MainWindow(library, QSettings(APP_NAME, APP_NAME), workers=workers)
        window.show()
        if args.paths:
            window.import_paths([str(p) for p in args.paths])
        code = app.exec()
    library.close()
    return code
