"""Import throughput through the app's own import path.

Copies N saved pages (the shared evaluation sets when ../shared is present,
else variations of the test fixtures) into a temporary folder and imports them
into a fresh library, once on one process and once on a pool using every core.
Prints pages per second and the per-page extraction time, what keeping the
originals costs in the library (raw and compressed bytes, the file's size), and
how fast every article is re-extracted from its original on a pool.

    .venv/bin/python bench/import_speed.py [N]
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.importing import import_files, plan_import  # noqa: E402
from reader.reextracting import reextract  # noqa: E402
from reader.ingest import ExtractError, extract_file  # noqa: E402
from reader.store import Library  # noqa: E402

SETS = ROOT.parent / "shared" / "eval" / "sets"
FIXTURES = ROOT / "tests" / "fixtures" / "pages"


def gather(count: int, folder: Path) -> list[Path]:
    sources = sorted(p for p in SETS.glob("dev-*/*") if p.name != "manifest.jsonl") if SETS.exists() else []
    sources = sources or sorted(FIXTURES.iterdir())
    copies = []
    for n in range(count):
        source = sources[n % len(sources)]
        target = folder / f"{n:05}-{source.name}"
        if n < len(sources):
            shutil.copy(source, target)
        else:
            data = source.read_bytes()
            target.write_bytes(data + f"\n<!-- copy {n} -->\n".encode() if source.suffix != ".txt" else data + f"\n\n第{n}份副本。\n".encode("utf-8"))
        copies.append(target)
    return copies


def timed_import(files: list[Path], processes: int, library_path: Path) -> tuple[float, dict[str, int]]:
    library = Library(library_path)
    counts: dict[str, int] = {}
    started = time.perf_counter()
    for outcome in import_files(library, files, processes=processes):
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    elapsed = time.perf_counter() - started
    library.close()
    return elapsed, counts


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as folder:
        pages = Path(folder) / "pages"
        pages.mkdir()
        files = plan_import([Path(p) for p in gather(count, pages)]).files
        per_page = []
        for path in files[:200]:
            started = time.perf_counter()
            try:
                extract_file(path)
            except ExtractError:
                pass
            per_page.append((time.perf_counter() - started) * 1000)
        single, counts = timed_import(files, 1, Path(folder) / "one.sqlite3")
        pooled, _ = timed_import(files, cores, Path(folder) / "pool.sqlite3")
        library = Library(Path(folder) / "pool.sqlite3")
        raw, packed = library.originals_size()
        on_disk = (Path(folder) / "pool.sqlite3").stat().st_size
        ids = [summary.id for summary in library.summaries()]
        started = time.perf_counter()
        statuses: dict[str, int] = {}
        for outcome in reextract(library, ids, processes=cores):
            statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
        again = time.perf_counter() - started
        library.close()
    print(f"pages                         {len(files)} ({', '.join(f'{v} {k}' for k, v in sorted(counts.items()))})")
    print(f"extraction per page (median)  {statistics.median(per_page):.1f} ms (p95 {sorted(per_page)[int(len(per_page) * .95)]:.1f} ms, first 200)")
    print(f"import, 1 process             {len(files) / single:.1f} pages/s ({single:.1f} s)")
    print(f"import, {cores} processes           {len(files) / pooled:.1f} pages/s ({pooled:.1f} s)")
    print(f"originals kept                {raw / 1e6:.1f} MB raw, {packed / 1e6:.1f} MB compressed (zlib); "
          f"library file {on_disk / 1e6:.1f} MB")
    print(f"re-extract, {cores} processes       {len(ids) / again:.1f} articles/s ({again:.1f} s, {len(ids)} articles: "
          f"{', '.join(f'{v} {k}' for k, v in sorted(statuses.items()))})")


if __name__ == "__main__":
    main()
