"""``python -m reader.ui.screenshot --out docs/screenshot.png``: the README picture.

Opens the real window on a throw-away library, imports the shared sample (or
the test fixtures when ../shared is absent), opens it and grabs the screen.
Run it under Xvfb with QT_QPA_PLATFORM=xcb (``make screenshot``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from reader.paths import APP_NAME
from reader.store import Library
from reader.themes import CHOICES, SYSTEM
from reader.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT.parent / "shared" / "samples" / "yybnet-anhui-development-zones.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "pages"


def wait(milliseconds: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def annotate_for_show(window: MainWindow) -> None:
    """Highlight the first sentence, a clause with a note and one passage underlined."""
    text = window.current_article.article.text
    first_stop = text.find("。") + 1
    window.highlights.create(0, first_stop, "yellow", "fill")
    sentences = [i + 1 for i, c in enumerate(text) if c == "。"]
    if len(sentences) > 3:
        start, end = sentences[1], sentences[2]
        highlight = window.highlights.create(start, end, "blue", "fill")
        if highlight is not None:
            window.highlights.edit(highlight.id, "Edit note", note="Worth following up.", tags=["follow-up"])
        window.highlights.create(sentences[2], sentences[3], "green", "underline")
    window.contents_pane.setCurrentWidget(window.annotation_pane)


def import_and_wait(window: MainWindow, pages: list[Path]) -> None:
    window.import_paths([str(p) for p in pages])
    while window.importing:
        wait(50)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshot.png"))
    parser.add_argument("--size", default="1360x860")
    parser.add_argument("--section", type=int, default=-1, help="scroll to this section first")
    parser.add_argument("--highlights", action="store_true", help="highlight a few passages, one with a note")
    parser.add_argument("--theme", choices=list(CHOICES), default=SYSTEM, help="the View ▸ Theme choice")
    parser.add_argument("--article", type=Path, help="show this page (imported with the others)")
    parser.add_argument("--find", metavar="QUERY", help="open the find bar on QUERY and step to its second match")
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    with tempfile.TemporaryDirectory() as folder:
        library = Library(Path(folder) / "library.sqlite3")
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("view/theme", args.theme)
        window = MainWindow(library, settings)
        width, height = (int(x) for x in args.size.split("x"))
        window.resize(width, height)
        window.move(0, 0)
        window.show()
        pages = [FIXTURES]
        if SAMPLE.exists():
            pages.append(SAMPLE)
        import_and_wait(window, pages)
        if args.article:  # again, alone: the report's last article is the one to show
            import_and_wait(window, [args.article])
            window.statusBar().clearMessage()
        target = window.library_model.row_of(window.last_report.last_id) if window.last_report.last_id else -1
        if target >= 0:
            window.select_article(window.library_model.summary(target).id)
        if args.highlights:
            annotate_for_show(window)
        if args.section >= 0:
            window.reader.section_tracker.scroll_to(args.section)
        if args.find:
            window.finder.open(args.find)
            window.finder.next()
            window.finder.bar.edit.deselect()
        wait(400)
        picture = QGuiApplication.primaryScreen().grabWindow(window.winId())
        args.out.parent.mkdir(parents=True, exist_ok=True)
        picture.save(str(args.out))
        print(f"{args.out}: {picture.width()}x{picture.height()}, {window.library_model.rowCount()} articles")
        window.close()
        library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
