"""Extraction speed against trafilatura's own, on the same pages in the same run.

For each HTML page of the shared evaluation sets (or the test fixtures when
../shared is absent), times trafilatura.extract (favor_precision, the
reference configuration) and Reader's whole extraction (decode, trafilatura,
our layer, Markdown, canonical text), interleaved so load affects both alike.
Also times plain-text pages. Prints medians, 90th percentiles and the ratio,
in wall-clock time and in CPU time: the machine is shared, and CPU time is
what other processes disturb least. With ROUNDS > 1 every page is timed that
many times (still interleaved) and its fastest time counts, for both alike.

    .venv/bin/python bench/extract_speed.py [PAGES_PER_SET [ROUNDS]]
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


class Timings:
    """Wall-clock and CPU milliseconds of one contestant, the fastest of its rounds per page."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def time(self, function, *args, new_page: bool = True) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            function(*args)
        except ExtractError:
            pass
        cpu, wall = (time.process_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000
        if new_page:
            self.cpu.append(cpu)
            self.wall.append(wall)
        else:
            self.cpu[-1] = min(self.cpu[-1], cpu)
            self.wall[-1] = min(self.wall[-1], wall)


def p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10)[-1] if len(values) > 1 else values[0]


def report(theirs: Timings, ours: Timings) -> None:
    print(f"{'':25}{'median':>10}{'p90':>10}{'median CPU':>12}{'p90 CPU':>10}")
    for label, timings in (("trafilatura alone", theirs), ("Reader extraction", ours)):
        print(f"{label:25}{statistics.median(timings.wall):8.1f}ms{p90(timings.wall):8.1f}ms"
              f"{statistics.median(timings.cpu):10.1f}ms{p90(timings.cpu):8.1f}ms")
    print(f"{'ratio':25}{statistics.median(ours.wall) / statistics.median(theirs.wall):9.2f}x"
          f"{p90(ours.wall) / p90(theirs.wall):9.2f}x"
          f"{statistics.median(ours.cpu) / statistics.median(theirs.cpu):11.2f}x"
          f"{p90(ours.cpu) / p90(theirs.cpu):9.2f}x")


def main() -> None:
    per_set = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    ours, theirs = Timings(), Timings()
    html = pages(".html", per_set)
    for path in html:
        data = path.read_bytes()
        for round_ in range(rounds):
            theirs.time(lambda d: trafilatura.extract(d, favor_precision=True), data, new_page=round_ == 0)
            ours.time(extract_bytes, data, path.name, new_page=round_ == 0)
    text = Timings()
    for path in pages(".txt", per_set):
        text.time(extract_bytes, path.read_bytes(), path.name)
    print(f"HTML pages: {len(html)}, fastest of {rounds} round(s) each")
    report(theirs, ours)
    print(f"plain-text pages: {len(text.wall)}, {statistics.median(text.wall):.1f} ms median")


if __name__ == "__main__":
    main()
