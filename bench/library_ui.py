"""How the window copes with a big library: 10,000 articles.

Prints: time to build the list model, ms per article switch (render + contents, the place
left saved), the same switch to articles read half-way (their place restored), ms to scroll
the whole list, search latency, and the process's peak RSS.
Run headless: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/library_ui.py
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.model import Article  # noqa: E402
from reader.render import render_markdown  # noqa: E402
from reader.store import Library  # noqa: E402
from reader.ui.main_window import MainWindow  # noqa: E402

ARTICLES = int(os.environ.get("BENCH_ARTICLES", "10000"))
PARAGRAPH = "安徽省开发区协会作为安徽开发区与政府部门、专家学者、行业协会、新闻媒体沟通交流的纽带和桥梁,是区域间相互交流共促发展的平台。" * 3


def synthetic(n: int) -> Article:
    body = "\n\n".join(
        f"## 第{s}节:开发区第{n}号报告\n\n" + "\n\n".join(f"{PARAGRAPH} ({n}.{s}.{p})" for p in range(4))
        for s in range(6)
    )
    rendered = render_markdown(body)
    return Article(title=f"开发区协会理事会报道 第{n}篇", markdown=body, text=rendered.text,
                   sections=rendered.sections, source="市场星报",
                   published=f"20{10 + n % 14:02}-{n % 12 + 1:02}-{n % 28 + 1:02}T08:00:00+08:00")


def place_restored_switches(app: QApplication, window: MainWindow, library: Library) -> list[float]:
    """Switch to articles left half-way through: each opens at its place (checked), the one left is saved."""
    ids = [window.library_model.summary(row).id for row in range(10, min(ARTICLES, 2000), 20)]
    places = {}
    for article_id in ids:
        text = library.get(article_id).article.text
        places[article_id] = text.index("\n", len(text) // 2) + 1
        library.set_position(article_id, places[article_id], 0.5)
    window.library_model.load()
    times = []
    for article_id in ids:
        started = time.perf_counter()
        window.select_article(article_id)
        app.processEvents()
        times.append((time.perf_counter() - started) * 1000)
        if window.reader.first_visible_offset() != places[article_id]:
            raise SystemExit(f"article {article_id} did not open at its place")
        # Without an event loop running, the documents switched away from are never deleted: let them
        # go, so that the peak memory below is the first loop's, as before this one was added.
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return times


def main() -> None:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "library.sqlite3"
        library = Library(path)
        started = time.perf_counter()
        for n in range(ARTICLES):
            library.add(synthetic(n))
        fill = time.perf_counter() - started

        started = time.perf_counter()
        window = MainWindow(library, QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        window.resize(1360, 860)
        window.show()
        app.processEvents()
        open_ms = (time.perf_counter() - started) * 1000

        switches = []
        for row in range(0, min(ARTICLES, 2000), 20):
            started = time.perf_counter()
            window.select_article(window.library_model.summary(row).id)
            app.processEvents()
            switches.append((time.perf_counter() - started) * 1000)

        placed = place_restored_switches(app, window, library)

        bar = window.library_view.verticalScrollBar()
        started = time.perf_counter()
        steps = 0
        for value in range(0, bar.maximum(), max(1, bar.pageStep())):
            bar.setValue(value)
            window.library_view.viewport().repaint()
            steps += 1
        scroll_ms = (time.perf_counter() - started) * 1000

        searches = []
        for query in ("理事会", "第1234篇", "纽带和桥梁", "不存在的词语"):
            started = time.perf_counter()
            window.filter_library(query)
            app.processEvents()
            searches.append((time.perf_counter() - started) * 1000)
        window.filter_library("")

        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"articles in library          {ARTICLES}")
        print(f"filling the library          {fill:.1f} s ({ARTICLES / fill:.0f} articles/s, store only)")
        print(f"window open with list        {open_ms:.0f} ms")
        print(f"article switch (median/p95)  {statistics.median(switches):.1f} / "
              f"{sorted(switches)[int(len(switches) * 0.95)]:.1f} ms over {len(switches)} switches")
        print(f"switch, place restored       {statistics.median(placed):.1f} / "
              f"{sorted(placed)[int(len(placed) * 0.95)]:.1f} ms over {len(placed)} switches (median / p95)")
        print(f"scroll whole list            {scroll_ms:.0f} ms for {steps} pages ({scroll_ms / max(steps, 1):.2f} ms/page)")
        print(f"search as you type (median)  {statistics.median(searches):.1f} ms (max {max(searches):.1f})")
        print(f"peak RSS                     {rss_mb:.0f} MB")
        window.close()
        library.close()


if __name__ == "__main__":
    main()
