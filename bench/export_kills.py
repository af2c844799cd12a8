"""Soak: ``python -m reader export --format html --all`` SIGKILLed at many instants, each checked.

    .venv/bin/python bench/export_kills.py [--articles 60] [--kills 50] [--every-rename]

Each kill is a fresh interpreter (as a user's would be), killed after a
delay spread evenly from its start to a little past the end of an export
(interpreter start-up included), over a destination holding the previous
export's files. After each: the files are the old ones, the new ones, or a
stage marked complete; then the next export into the folder must leave
exactly the old or the new files and no stage or ``.tmp``. With
``--every-rename`` the export also kills itself before each of its renames
(a subprocess that wraps ``os.replace``), the worst instants. Prints the
outcomes; fails (exit 1) on the first wrong folder.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.cli import main  # noqa: E402
from tests.export_kills import (  # noqa: E402
    check_after_kill,
    export_args,
    fresh_destination,
    make_library,
    renote,
    visible_files,
)

SELF_KILLING = "import sys; from tests.export_kills import export_killed_at; export_killed_at(sys.argv[3:], 'replace', int(sys.argv[1]))"


def prepare(folder: Path, articles: int) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    library = folder / "library.sqlite3"
    ids = make_library(library, articles)
    with contextlib.redirect_stdout(io.StringIO()):
        main(export_args(library, folder / "old"))
        renote(library, ids)
        main(export_args(library, folder / "new"))
    return library, visible_files(folder / "old"), visible_files(folder / "new")


def again(folder: Path, old: dict[str, bytes]) -> Path:
    """The destination as the previous export left it, for the next kill."""
    shutil.rmtree(folder, ignore_errors=True)
    return fresh_destination(folder, old)


def run(command: list[str], delay: float | None) -> int:
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if delay is not None:
        time.sleep(delay)
        process.kill()
    return process.wait()


def timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def settle(library: Path, dest: Path, old: dict[str, bytes], new: dict[str, bytes]) -> str:
    with contextlib.redirect_stdout(io.StringIO()):
        return check_after_kill(library, dest, old, new)


def main_bench() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--every-rename", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="reader-export-kills-"))
    library, old, new = prepare(folder, args.articles)
    dest = folder / "dest"
    duration = statistics.median(timed(lambda: run([sys.executable, "-m", "reader",
                                                     *export_args(library, again(dest, old))], None))
                                 for _ in range(3))
    print(f"{args.articles} articles, {sum(map(len, new.values())) / 1e6:.1f} MB of HTML; "
          f"one export with interpreter start-up: {duration:.2f} s (median of 3)")
    outcomes: Counter[str] = Counter()
    for kill in range(args.kills):
        delay = duration * 1.1 * (kill + 0.5) / args.kills
        status = run([sys.executable, "-m", "reader", *export_args(library, again(dest, old))], delay)
        outcomes[settle(library, dest, old, new) + ("" if status < 0 else " (finished before the kill)")] += 1
    print(f"{args.kills} timed kills: " + ", ".join(f"{n} {outcome}" for outcome, n in outcomes.most_common()))
    if args.every_rename:
        renames: Counter[str] = Counter()
        for before in range(args.articles + 1):
            command = [sys.executable, "-c", SELF_KILLING, str(before), "--",
                       *export_args(library, again(dest, old))]
            status = run(command, None)
            renames[settle(library, dest, old, new) + ("" if status < 0 else " (not killed)")] += 1
        print(f"killed before each of {args.articles + 1} renames: "
              + ", ".join(f"{n} {outcome}" for outcome, n in renames.most_common()))
    shutil.rmtree(folder)


if __name__ == "__main__":
    main_bench()
