"""A highlight made in the window is on disk the moment it is made."""

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from reader.store import Library

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from reader.importing import import_files
    from reader.store import Library
    from reader.ui.main_window import MainWindow

    library_path, page, settings_path = sys.argv[1:]
    app = QApplication([])
    library = Library(library_path)
    list(import_files(library, [Path(page)], processes=1))
    window = MainWindow(library, QSettings(settings_path, QSettings.Format.IniFormat))
    window.show()
    text = window.current_article.article.text
    start = text.index("古籍修复中心")
    highlight = window.highlights.create(start, start + 6, "red", "fill")
    window.highlights.edit(highlight.id, "Edit note", note="刚写下的笔记")
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_sigkill_right_after_highlighting_loses_nothing(tmp_path, pages):
    library_path = tmp_path / "library.sqlite3"
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(library_path), str(pages / "library-week.txt"), str(tmp_path / "s.ini")],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    library = Library(library_path)
    [article] = library.summaries()
    [highlight] = library.annotations.for_article(article.id)
    assert (highlight.exact, highlight.color, highlight.note) == ("古籍修复中心", "red", "刚写下的笔记")
    library.close()
