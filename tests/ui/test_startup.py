"""Opening the window: extraction stays in the worker processes, so the window never loads it."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from reader.model import Article
    from reader.store import Library
    import reader.ui.app
    from reader.ui.main_window import MainWindow

    library_path, settings_path = sys.argv[1:]
    app = QApplication([])
    library = Library(library_path)
    library.add(Article(title="Already here", markdown="Some text to read.", text="Some text to read."))
    window = MainWindow(library, QSettings(settings_path, QSettings.Format.IniFormat))
    window.show()
    app.processEvents()
    heavy = ("trafilatura", "lxml", "charset_normalizer", "reader.ingest.pipeline", "reader.ingest.html")
    print(json.dumps({"title": window.windowTitle(), "loaded": [name for name in heavy if name in sys.modules]}))
    """
)


def test_the_window_opens_and_shows_an_article_without_loading_the_extractor(tmp_path):
    """Trafilatura, lxml and the line classifier cost a quarter of a second and 30 MB at every start."""
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "library.sqlite3"), str(tmp_path / "s.ini")],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.splitlines()[-1])
    assert shown == {"title": "Already here — Reader", "loaded": []}
