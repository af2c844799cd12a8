"""Export of a whole library of 10,000 articles: per format, and through the window's worker.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/export_speed.py [--articles 10000] [--formats md,html,json,csv]

Builds (once; cached in /tmp between runs) a library of synthetic articles,
5-20 KB of mixed Chinese and English each, a third of them with 1-8
highlights (notes and tags on some), article notes and tags on others, a
small image in some. Then, each in a fresh process so peak memory is its
own: the whole-library export per format through the path the CLI and the
window share (seconds, articles/s, peak RSS and the peak of Python's own
allocations during the export), and the window's ExportWorker on its thread:
how many progress signals reach the event loop during the run, and how long
Cancel takes to stop it half-way. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from annotations import sentences  # noqa: E402

from reader.annotate import new_highlight  # noqa: E402
from reader.export import export  # noqa: E402
from reader.exporting import gather  # noqa: E402
from reader.model import COLORS, Article  # noqa: E402
from reader.render import render_markdown  # noqa: E402
from reader.store import Library  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "reader-bench-export"
VERSION = 2  # bump when the synthetic library changes
TAGS = ["政策", "园区", "reading", "river", "待读", "follow-up", "数据", "history"]
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000000500010d0a2db4"
    "0000000049454e44ae426082"
)


def synthetic(number: int) -> Article:
    """One article of 5-20 KB (UTF-8), Chinese and English paragraphs under a few headings."""
    rng = random.Random(number)
    target, size, blocks = rng.randint(5_000, 20_000), 0, []
    section = 0
    while size < target:
        if not blocks or rng.random() < 0.12:
            section += 1
            blocks.append(f"## 第{section}节 Section {section}")
        blocks.append(" ".join(sentences(rng, chinese_share=0.5)))
        size += len(blocks[-1].encode("utf-8"))
    images = {}
    if number % 20 == 0:
        blocks.insert(2, "![图](figure.png)")
        images = {"figure.png": PNG}
    markdown = "\n\n".join(blocks)
    rendered = render_markdown(markdown)
    return Article(
        title=f"开发区协会理事会报道 第{number}篇 — field report {number}", markdown=markdown, text=rendered.text,
        html=rendered.html, sections=rendered.sections, source="市场星报", byline="王明",
        url=f"https://news.example.cn/{2010 + number % 14}/{number:05}.html", language="zh",
        published=f"20{10 + number % 14:02}-{number % 12 + 1:02}-{number % 28 + 1:02}T08:00:00+08:00",
        format="html", images=images,
    )


def build(path: Path, articles: int) -> None:
    """The library, through the store API: articles one transaction each, all highlights in one."""
    started = time.perf_counter()
    partial = path.with_suffix(".partial")
    for stale in path.parent.glob(partial.name + "*"):
        stale.unlink()
    library = Library(partial)
    highlights = []
    with Pool(os.cpu_count() or 1) as pool:
        for number, article in enumerate(pool.imap(synthetic, range(articles), chunksize=32)):
            article_id, _ = library.add(article)
            rng = random.Random(-number)
            if number % 3 == 0:
                stored = library.get(article_id)
                text = stored.article.text
                for _ in range(rng.randint(1, 8)):
                    start = rng.randrange(0, len(text) - 60)
                    end = start + rng.randint(8, 60)
                    note = rng.choice(["", "", "值得注意: the numbers differ from last year.", "Follow up **later**."])
                    tags = rng.sample(TAGS, rng.randint(0, 2))
                    try:
                        highlights.append(new_highlight(stored, start, end, color=rng.choice(list(COLORS)), note=note,
                                                        tags=tags))
                    except ValueError:  # white space only
                        pass
            if number % 10 == 1:
                library.annotations.set_article_note(article_id, f"读后感 {number}: worth a second look.\n\n- 要点一\n- point two")
            if number % 7 == 2:
                library.annotations.set_article_tags(article_id, rng.sample(TAGS, 2))
            if (number + 1) % 1000 == 0:
                print(f"  built {number + 1:,} articles", flush=True)
    library.annotations.add_many(highlights)
    library.close()
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(partial) + suffix)
        if source.exists():
            source.rename(str(path) + suffix)
    print(f"built {articles:,} articles, {len(highlights):,} highlights in {time.perf_counter() - started:.0f} s "
          f"({path.stat().st_size / 1e6:.0f} MB) -> {path}")


def memory_mb(field: str) -> float:
    """``VmRSS`` (now) or ``VmHWM`` (peak) of this process, in MB.

    Not ``getrusage``'s ru_maxrss: Linux carries the parent's peak over into
    a child across fork and exec, so a child would report its parent's size.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # not Linux: the best there is


def one_format(library_path: Path, fmt: str, out_dir: Path, trace: bool) -> dict:
    """Export the whole library in one format; runs in its own process (see main)."""
    library = Library(library_path)
    ids = [summary.id for summary in library.summaries()]
    out = out_dir / ("notes" if fmt in ("md", "html") else f"notes.{fmt}")
    before = memory_mb("VmRSS")
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    written = export(gather(library, ids, with_images=fmt == "html"), fmt, out)
    seconds = time.perf_counter() - started
    traced = tracemalloc.get_traced_memory()[1] / 1e6 if trace else None
    size = sum(p.stat().st_size for p in written)
    library.close()
    return {"format": fmt, "articles": len(ids), "seconds": seconds, "files": len(written), "mb": size / 1e6,
            "rss_before": before, "rss_peak": memory_mb("VmHWM"), "traced_peak": traced}


def worker_run(library_path: Path, out_dir: Path, cancel_after: float | None) -> dict:
    """The window's path: ExportWorker on a QThread, progress as signals to this thread's event loop."""
    from PySide6.QtCore import QCoreApplication, QTimer

    from reader.ui.export_worker import ExportChoice, ExportWorker
    from reader.ui.import_worker import start_worker

    app = QCoreApplication.instance() or QCoreApplication([])
    library = Library(library_path)
    ids = [summary.id for summary in library.summaries()]
    library.close()
    out = out_dir / "worker"
    worker = ExportWorker(str(library_path), ExportChoice("md", ids, out), {})
    arrivals: list[tuple[float, int]] = []
    result: dict = {}
    started = time.perf_counter()

    def finished(report) -> None:
        result.update(report=report, ended=time.perf_counter())
        app.quit()

    def cancel() -> None:
        result["cancelled_at"] = time.perf_counter()
        worker.cancel()

    worker.progress.connect(lambda done, total: arrivals.append((time.perf_counter() - started, done)))
    worker.finished.connect(finished)
    thread = start_worker(worker)
    if cancel_after is not None:
        QTimer.singleShot(int(cancel_after * 1000), cancel)
    app.exec()
    thread.wait()
    report = result["report"]
    gaps = [b[0] - a[0] for a, b in zip(arrivals, arrivals[1:])]
    return {
        "seconds": result["ended"] - started,
        "signals": len(arrivals),
        "done_at_cancel": max((done for t, done in arrivals if t <= result.get("cancelled_at", 1e9) - started),
                              default=0),
        "longest_gap": max(gaps, default=0.0),
        "cancel_latency": result["ended"] - result["cancelled_at"] if "cancelled_at" in result else None,
        "cancelled": report.cancelled,
        "written": len(report.written),
        "left_behind": sorted(p.name for p in out_dir.iterdir()),
        "total": len(ids),
    }


def child(args: argparse.Namespace) -> None:
    """One measurement in this fresh process, printed as JSON for the parent."""
    out_dir = Path(tempfile.mkdtemp(prefix="reader-export-out-", dir=CACHE))
    try:
        if args.child == "worker":
            record = worker_run(args.library, out_dir, args.cancel_after)
        else:
            record = one_format(args.library, args.child, out_dir, args.trace)
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)
    print(json.dumps(record))


def measure(library: Path, *extra: str) -> dict:
    result = subprocess.run([sys.executable, __file__, "--library", str(library), *extra], capture_output=True,
                            text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--formats", default="md,html,json,csv")
    parser.add_argument("--library", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--cancel-after", type=float, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return

    CACHE.mkdir(exist_ok=True)
    library = CACHE / f"library-{args.articles}-v{VERSION}.sqlite3"
    if not library.exists():
        build(library, args.articles)
    print(f"library: {library} ({args.articles:,} articles)")
    print(f"{'format':<6} {'seconds':>8} {'articles/s':>11} {'files':>6} {'output MB':>10} "
          f"{'RSS before':>11} {'RSS peak':>9} {'Python peak':>12}")
    for fmt in args.formats.split(","):
        timed = measure(library, "--child", fmt)
        traced = measure(library, "--child", fmt, "--trace")  # tracemalloc slows it down: memory only
        print(f"{fmt:<6} {timed['seconds']:>8.1f} {timed['articles'] / timed['seconds']:>11.0f} {timed['files']:>6} "
              f"{timed['mb']:>10.1f} {timed['rss_before']:>8.0f} MB {timed['rss_peak']:>6.0f} MB "
              f"{traced['traced_peak']:>9.1f} MB")

    full = measure(library, "--child", "worker")
    print(f"window worker (md, whole library): {full['seconds']:.1f} s, {full['signals']} progress signals "
          f"received during the run, longest gap between two {full['longest_gap'] * 1000:.0f} ms")
    half = full["seconds"] / 2
    cancelled = measure(library, "--child", "worker", "--cancel-after", f"{half:.2f}")
    print(f"cancel after {half:.1f} s ({cancelled['done_at_cancel']:,} of {cancelled['total']:,} articles written): "
          f"stopped {cancelled['cancel_latency'] * 1000:.0f} ms later, cancelled={cancelled['cancelled']}, "
          f"files left: {cancelled['left_behind'] or 'none'}")


if __name__ == "__main__":
    main()
