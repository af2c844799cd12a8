"""How long View ▸ Theme takes with an article open, until the window is painted in the new theme.

Cycles Light → Sepia → Dark with the window showing, in turn, the Chinese test article
(about 2,000 characters, 3 highlights) and a long one (about 100 KB of mixed Chinese and
English under headings, 50 highlights). A switch is the new palette and style sheet for
every widget, the article laid out again in the theme's colours and one synchronous repaint.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/theme_switch.py [switches]
"""

from __future__ import annotations

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
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.ingest import extract_file  # noqa: E402
from reader.model import Article  # noqa: E402
from reader.render import render_markdown  # noqa: E402
from reader.store import Library  # noqa: E402
from reader.themes import DARK, LIGHT, SEPIA  # noqa: E402
from reader.ui.main_window import MainWindow  # noqa: E402

LONG_SIZE, LONG_HIGHLIGHTS = 100_000, 50
CYCLE = (SEPIA, DARK, LIGHT)


def long_article() -> Article:
    rng = random.Random(1)
    paragraphs: list[str] = []
    while sum(len(p) + 1 for p in paragraphs) < LONG_SIZE:
        if len(paragraphs) % 20 == 0:
            paragraphs.append(f"## Section {len(paragraphs) // 20 + 1}")
        paragraphs.append(paragraph(rng, len(paragraphs)).split(". ", 1)[1])
    markdown = "\n\n".join(paragraphs)
    rendered = render_markdown(markdown)
    return Article(title="A long article", markdown=markdown, text=rendered.text, html=rendered.html)


def highlight(window: MainWindow, count: int) -> None:
    text = window.current_article.article.text
    for n in range(count):
        start = n * len(text) // count
        window.highlights.create(start, min(start + 40, len(text)), ("yellow", "blue", "green")[n % 3], "fill")


def switches(app: QApplication, window: MainWindow, count: int) -> list[float]:
    times = []
    for n in range(count):
        started = time.perf_counter()
        window.theme.choose(CYCLE[n % len(CYCLE)])
        app.processEvents()
        window.repaint()
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        library = Library(Path(folder) / "library.sqlite3")
        short_id, _ = library.add(extract_file(ROOT / "tests" / "fixtures" / "pages" / "library-week.txt"))
        long_id, _ = library.add(long_article())
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(library, settings)
        window.resize(1400, 900)
        window.show()
        for name, article_id, marks in (("Chinese test article", short_id, 3), ("100 KB article", long_id,
                                                                                LONG_HIGHLIGHTS)):
            window.select_article(article_id)
            highlight(window, marks)
            app.processEvents()
            switches(app, window, 3)  # warm
            times = sorted(switches(app, window, count))
            print(f"{name}: theme switch median {statistics.median(times) * 1000:.0f} ms, "
                  f"max {times[-1] * 1000:.0f} ms over {count} switches")
        window.close()
        library.close()


if __name__ == "__main__":
    main()
