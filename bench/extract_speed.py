"""Extraction speed against trafilatura's own, on the same pages in the same run.

For each HTML page of the shared evaluation sets (or the test fixtures when
../shared is absent), times trafilatura.extract (favor_precision, the
reference configuration) and Reader's whole extraction (decode, trafilatura,
our layer, Markdown, canonical text), interleaved so load affects both alike.
Also times plain-text pages. Prints medians and the ratio.

    .venv/bin/python bench/extract_speed.py [PAGES_PER_SET]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from reader.ingest import ExtractError, extract_bytes  # noqa: E402

SETS = ROOT.parent / "shared" / "eval" / "sets"
FIXTURES = ROOT / "tests" / "fixtures" / "pages"


def pages(suffix: str, per_set: int) -> list[Path]:
    found: list[Path] = []
    if SETS.exists():
        for folder in sorted(SETS.glob("dev-*")):
            found += sorted(p for p in folder.iterdir() if p.suffix == suffix)[:per_set]
    return found or sorted(FIXTURES.glob(f"*{suffix}"))


def timed(function, *args) -> float:
    started = time.perf_counter()
    try:
        function(*args)
    except ExtractError:
        pass
    return (time.perf_counter() - started) * 1000


def main() -> None:
    per_set = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    ours, theirs = [], []
    for path in pages(".html", per_set):
        data = path.read_bytes()
        theirs.append(timed(lambda d: trafilatura.extract(d, favor_precision=True), data))
        ours.append(timed(extract_bytes, data, path.name))
    text = [timed(extract_bytes, p.read_bytes(), p.name) for p in pages(".txt", per_set)]
    print(f"HTML pages               {len(ours)}")
    print(f"trafilatura alone        {statistics.median(theirs):.1f} ms median")
    print(f"Reader extraction        {statistics.median(ours):.1f} ms median")
    print(f"ratio                    {statistics.median(ours) / statistics.median(theirs):.2f}x")
    print(f"plain-text pages         {len(text)}: {statistics.median(text):.1f} ms median")


if __name__ == "__main__":
    main()
