"""The window with a 1 MB article carrying 500 highlights.

The article is shaped like a long report: paragraphs of mixed Chinese and
English under a heading every twenty paragraphs.

Prints: time to open the article with the highlights on screen drawn (render,
contents, annotation pane, first paint), then until Qt has laid out the rest
and every highlight is placed, and the time to make one more highlight from
the window (store, undo stack, redraw of all highlights and the pane).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/highlights_ui.py
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

from reader.annotate import new_highlight  # noqa: E402
from reader.model import Article  # noqa: E402
from reader.render import render_markdown  # noqa: E402
from reader.store import Library  # noqa: E402
from reader.ui.main_window import MainWindow  # noqa: E402

SIZE, HIGHLIGHTS = 1_000_000, 500


def main() -> None:
    app = QApplication.instance() or QApplication([])
    rng = random.Random(1)
    paragraphs: list[str] = []
    while sum(len(p) + 1 for p in paragraphs) < SIZE:
        if len(paragraphs) % 20 == 0:
            paragraphs.append(f"## Section {len(paragraphs) // 20 + 1}")
        paragraphs.append(paragraph(rng, len(paragraphs)).split(". ", 1)[1])
    markdown = "\n\n".join(paragraphs)
    rendered = render_markdown(markdown)
    with tempfile.TemporaryDirectory() as folder:
        library = Library(Path(folder) / "library.sqlite3")
        article_id, _ = library.add(
            Article(title="A very long article", markdown=markdown, text=rendered.text, html=rendered.html)
        )
        small_id, _ = library.add(Article(title="A short one", markdown="Just a line.", text="Just a line."))
        stored = library.get(article_id)
        text = stored.article.text
        for _ in range(HIGHLIGHTS):
            start = rng.randrange(len(text) - 300)
            library.annotations.add(new_highlight(stored, start, start + rng.randint(10, 200)))
        window = MainWindow(library, QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        window.resize(1360, 860)
        window.show()
        window.select_article(small_id)
        app.processEvents()

        opens, settles = [], []
        for _ in range(3):
            window.select_article(small_id)
            app.processEvents()
            began = time.perf_counter()
            window.select_article(article_id)
            window.reader.viewport().repaint()
            app.processEvents()
            opens.append(time.perf_counter() - began)
            while not window.reader.highlight_layer.all_placed:
                app.processEvents()
            settles.append(time.perf_counter() - began)
        drawn = len(window.reader.extraSelections())

        makes = []
        for _ in range(20):
            start = rng.randrange(len(text) - 300)
            began = time.perf_counter()
            window.highlights.create(start, start + 40, "blue", "fill")
            app.processEvents()
            makes.append(time.perf_counter() - began)
        print(f"article                        {len(text):,} code points, {HIGHLIGHTS} highlights, drawn as {drawn} paragraph pieces")
        print(f"open, screen drawn with its highlights  {statistics.median(opens) * 1000:.0f} ms (median of 3)")
        print(f"whole article laid out, all placed      {statistics.median(settles) * 1000:.0f} ms "
              "(Qt's incremental layout; the window answers input meanwhile)")
        print(f"make one highlight in window   {statistics.median(makes) * 1000:.0f} ms median, "
              f"{max(makes) * 1000:.0f} ms max (store + redraw of all highlights and the pane)")
        window.close()
        library.close()


if __name__ == "__main__":
    main()
