"""Plain-text extraction speed: wall and CPU time per page, and where the time goes.

The same pages as bench/extract_speed.py's plain-text line (the first PAGES_PER_SET
.txt files of each shared evaluation set, or the test fixtures when ../shared is
absent). CPU time (time.process_time) is printed beside wall time because the
development machine is shared: wall time swells with other load, CPU time much less.
Each page is extracted ROUNDS times and its fastest round kept, which damps the
noise of a busy machine further. The stage lines split the whole path into decode,
the line classifier and the rest (sniffing, Markdown, render, canonical text).

    .venv/bin/python bench/plaintext_speed.py [PAGES_PER_SET] [ROUNDS]
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.ingest import ExtractError, extract_bytes  # noqa: E402
from reader.ingest.decode import decode  # noqa: E402
from reader.ingest.plaintext import extract_plain_text  # noqa: E402

SETS = ROOT.parent / "shared" / "eval" / "sets"
FIXTURES = ROOT / "tests" / "fixtures" / "pages"


def pages(per_set: int) -> list[Path]:
    found: list[Path] = []
    if SETS.exists():
        for folder in sorted(SETS.glob("dev-*")):
            found += sorted(p for p in folder.iterdir() if p.suffix == ".txt")[:per_set]
    return found or sorted(FIXTURES.glob("*.txt"))


def best_of(rounds: int, function: Callable[[], object]) -> tuple[float, float]:
    """Fastest (wall ms, CPU ms) of ``rounds`` calls."""
    walls, cpus = [], []
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            function()
        except ExtractError:
            pass
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return min(walls), min(cpus)


def p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10)[-1]


def line(label: str, values: list[float]) -> str:
    return f"{label:<24} {statistics.median(values):6.2f} ms median {p90(values):6.2f} ms p90"


def main() -> None:
    per_set = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    paths = pages(per_set)
    wall, cpu, decoding, classifier = [], [], [], []
    for path in paths:
        data = path.read_bytes()
        text = decode(data).text
        w, c = best_of(rounds, lambda: extract_bytes(data, path.name))
        wall.append(w)
        cpu.append(c)
        decoding.append(best_of(rounds, lambda: decode(data))[1])
        classifier.append(best_of(rounds, lambda: extract_plain_text(text))[1])
    print(f"plain-text pages         {len(paths)}, best of {rounds} rounds each")
    print(line("  decode (CPU)", decoding))
    print(line("  classifier (CPU)", classifier))
    print(line("whole extraction, wall", wall))
    print(line("whole extraction, CPU", cpu))


if __name__ == "__main__":
    main()
