"""Backup and restore of a library of 10,000 articles: copy, integrity check, listing, restore.

    .venv/bin/python bench/backup_speed.py [--articles 10000]

Uses the synthetic library of bench/export_speed.py (5-20 KB of Chinese and
English text per article, a third with highlights; built once, cached in
/tmp), copied into a scratch folder so its backups and the restore never
touch the cache. Times ``backup()`` whole and its two halves apart (the
online-backup copy, then ``PRAGMA integrity_check`` of the copy), the same
backup while another thread keeps adding articles (how long that writer's
slowest add takes, against the same writer with no backup running),
``list_backups`` over 12 backups (what rotation keeps in a steady state; hard
links, so no disk is spent), and ``restore``. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from export_speed import CACHE, VERSION, build  # noqa: E402

from reader.model import Article  # noqa: E402
from reader.store import Library  # noqa: E402
from reader.store import backup as backups  # noqa: E402


def timed(action) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def mb(path: Path) -> str:
    return f"{path.stat().st_size / 1e6:.0f} MB"


def writer_during(library: Path, action) -> tuple[float, int, float]:
    """``action``'s seconds while another connection adds articles; (seconds, adds, slowest add in s)."""
    stop, latencies = threading.Event(), []

    def write() -> None:
        other = Library(library)
        while not stop.is_set():
            seconds, _ = timed(lambda: other.add(Article(title=f"meanwhile {len(latencies)}", markdown="x",
                                                         text=f"written during the backup {len(latencies)}")))
            latencies.append(seconds)
        other.close()

    thread = threading.Thread(target=write)
    thread.start()
    while not latencies:
        time.sleep(0.01)
    seconds, _ = timed(action)
    stop.set()
    thread.join()
    return seconds, len(latencies), max(latencies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    cached = CACHE / f"library-{args.articles}-v{VERSION}.sqlite3"
    if not cached.exists():
        build(cached, args.articles)
    with tempfile.TemporaryDirectory(prefix="reader-backup-bench-", dir=CACHE) as scratch:
        library = Path(scratch) / "library.sqlite3"
        shutil.copyfile(cached, library)
        Library(library).close()  # WAL mode, as the window leaves it
        print(f"library: {args.articles:,} articles, {mb(library)}")

        seconds, info = timed(lambda: backups.backup(library))
        print(f"backup(): {seconds:.2f} s -> {info.path.name}, {info.size / 1e6:.0f} MB, "
              f"{info.articles:,} articles, {info.highlights:,} highlights")
        copy = Path(scratch) / "copy.sqlite3"
        copy_s, _ = timed(lambda: backups._snapshot(library, copy))
        check_s, _ = timed(lambda: backups.verify(copy))
        print(f"  of which: online-backup copy {copy_s:.2f} s, integrity_check of the copy {check_s:.2f} s")

        during, adds, slowest = writer_during(library, lambda: backups.backup(library, copy))
        print(f"backup() while another thread adds articles: {during:.2f} s; it added {adds:,} meanwhile, "
              f"slowest add {slowest * 1000:.0f} ms")
        alone, adds, slowest = writer_during(library, lambda: time.sleep(during))
        print(f"  the same writer for {alone:.2f} s with no backup: {adds:,} added, slowest add {slowest * 1000:.0f} ms")

        for day in range(1, 12):
            (info.path.parent / f"library-2026-01-{day:02}T12-00-00Z.sqlite3").hardlink_to(info.path)
        seconds, listed = timed(lambda: backups.list_backups(library))
        print(f"list_backups(), {len(listed)} backups: {seconds * 1000:.0f} ms")

        seconds, moved = timed(lambda: backups.restore(library, "latest"))
        print(f"restore('latest') (integrity_check, copy in, fsync, rename): {seconds:.2f} s; "
              f"old library moved to {moved.name} ({mb(moved)})")


if __name__ == "__main__":
    main()
