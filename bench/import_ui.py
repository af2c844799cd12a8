"""A big drop on the window: pages per second and how long the event loop ever stalls.

Imports N copies of varied fixture pages through the real window (process pool,
worker thread) and measures the longest gap between ticks of a 10 ms timer —
what a user feels as a frozen window.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/import_ui.py [N]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.store import Library  # noqa: E402
from reader.ui.main_window import MainWindow  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "pages"


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        pages = Path(folder) / "pages"
        pages.mkdir()
        source = (FIXTURES / "library-week.txt").read_text(encoding="utf-8")
        html = (FIXTURES / "field-notes.html").read_text(encoding="utf-8")
        for n in range(count):
            if n % 2:
                (pages / f"{n:04}.html").write_text(html.replace("three summers", f"{n} summers"), encoding="utf-8")
            else:
                (pages / f"{n:04}.txt").write_text(source.replace("第三届", f"第{n}届"), encoding="utf-8")
        library = Library(Path(folder) / "library.sqlite3")
        window = MainWindow(library, QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        window.show()
        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append((now - last[0]) * 1000)
            last[0] = now

        timer = QTimer(interval=10)
        timer.timeout.connect(tick)
        timer.start()
        started = time.perf_counter()
        window.import_paths([str(pages)])
        while window.importing:
            app.processEvents()
            time.sleep(0.002)
        elapsed = time.perf_counter() - started
        timer.stop()
        report = window.last_report
        print(f"pages                 {count}: {report.sentence()}")
        print(f"import through window {count / elapsed:.1f} pages/s ({elapsed:.1f} s, {os.cpu_count()} processes)")
        print(f"event loop stalls     longest {max(gaps):.0f} ms, {sum(g > 100 for g in gaps)} over 100 ms")
        window.close()
        library.close()


if __name__ == "__main__":
    main()
