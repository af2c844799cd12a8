"""Find in a 1 MB article (Chinese and English) in the window, offscreen.

Prints, for queries from rare to everywhere, the time from the last key
press of the query to the count shown (matching, count label painted) and to
the tints drawn (the key's whole handling, scrolling to the current match and
painting the view), median of several runs; and the time Ctrl+F takes to open
the bar, which folds the article once so typing only searches; and the time
to scroll a page with the last query's matches tinted anew.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/find.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from annotations import paragraph  # noqa: E402
from PySide6.QtCore import QEvent, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.model import Article  # noqa: E402
from reader.render import render_markdown  # noqa: E402
from reader.store import Library  # noqa: E402
from reader.ui.find_controller import CURRENT_TINT, MATCH_TINT  # noqa: E402
from reader.ui.main_window import MainWindow  # noqa: E402

SIZE = 1_000_000
QUERIES = ["harbour festival", "图书馆举办", "river", "市民", "e"]


def build_article(rng: random.Random) -> Article:
    paragraphs: list[str] = []
    while sum(len(p) + 2 for p in paragraphs) < SIZE:
        if len(paragraphs) % 20 == 0:
            paragraphs.append(f"## Section {len(paragraphs) // 20 + 1}")
        paragraphs.append(paragraph(rng, len(paragraphs)).split(". ", 1)[1])
    markdown = "\n\n".join(paragraphs)
    rendered = render_markdown(markdown)
    return Article(title="A very long article", markdown=markdown, text=rendered.text, html=rendered.html)


def press(widget, character: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, character))


def time_query(app: QApplication, window: MainWindow, query: str, runs: int) -> tuple[float, float, int, int]:
    """Median ms to the count painted and to the tints painted; matches; tints drawn."""
    bar, view = window.finder.bar, window.reader
    shown: list[float] = []
    show_count = bar.show_count

    def timed_show_count(current: int, total: int) -> None:
        show_count(current, total)
        bar.count.repaint()
        shown.append(time.perf_counter())

    bar.show_count = timed_show_count
    counts, tints = [], []
    for _ in range(runs):
        bar.edit.setText(query[:-1])
        view.verticalScrollBar().setValue(0)
        app.processEvents()
        shown.clear()
        began = time.perf_counter()
        press(bar.edit, query[-1])
        view.viewport().repaint()
        tints.append(time.perf_counter() - began)
        counts.append(shown[-1] - began)
    bar.show_count = show_count
    tinted = [s for s in view.extraSelections() if s.format.background().color() in (MATCH_TINT, CURRENT_TINT)]
    return statistics.median(counts) * 1000, statistics.median(tints) * 1000, len(window.finder.matches), len(tinted)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        library = Library(Path(folder) / "library.sqlite3")
        article_id, _ = library.add(build_article(random.Random(1)))
        small_id, _ = library.add(Article(title="A short one", markdown="Just a line.", text="Just a line."))
        window = MainWindow(library, QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        window.resize(1360, 860)
        window.show()
        opens = []
        for _ in range(3):
            window.select_article(small_id)
            window.select_article(article_id)
            app.processEvents()
            began = time.perf_counter()
            window.finder.open()
            app.processEvents()
            opens.append((time.perf_counter() - began) * 1000)
        print(f"article {len(library.get(article_id).article.text):,} code points")
        print(f"Ctrl+F, the bar open with the article folded: {opens[0]:.0f} ms the first time in a process, "
              f"then {statistics.median(opens[1:]):.0f} ms")
        for query in QUERIES:
            count_ms, tint_ms, matches, tinted = time_query(app, window, query, runs)
            print(f"{query!r:20} {matches:>7,} matches: count shown {count_ms:5.1f} ms, "
                  f"{tinted:>4} tints drawn {tint_ms:5.1f} ms (median of {runs})")
        scrolls = []
        for _ in range(10):
            began = time.perf_counter()
            scroll_bar = window.reader.verticalScrollBar()
            scroll_bar.setValue(scroll_bar.value() + scroll_bar.pageStep())
            window.reader.viewport().repaint()
            scrolls.append((time.perf_counter() - began) * 1000)
        print(f"scroll a page with {QUERIES[-1]!r} found, tints redone: {statistics.median(scrolls):.1f} ms "
              f"(median of 10; {max(scrolls):.1f} ms max)")
        window.close()
        library.close()


if __name__ == "__main__":
    main()
