"""An HTML export killed with SIGKILL at any instant: the old files or the new ones, never a mix after the next run.

The exports run in real processes (forked from a server that has imported
Reader, so each starts in milliseconds rather than the 0.4 s of a new
interpreter): first killed at chosen points (while staging, between two
renames, before the stage is removed), then at delays spread over a whole
export. ``bench/export_kills.py`` is the longer soak with ``python -m reader``.
"""

from __future__ import annotations

import multiprocessing
import shutil
import signal
import time
from pathlib import Path

import pytest

from reader.cli import main
from tests.export_kills import (
    check_after_kill,
    export_args,
    export_killed_at,
    fresh_destination,
    make_library,
    renote,
    visible_files,
)

ARTICLES = 60
TIMED_KILLS = 8


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """The library (as it is now), its previous export's files and its export's files now."""
    folder = tmp_path_factory.mktemp("kills")
    library = folder / "library.sqlite3"
    ids = make_library(library, ARTICLES)
    assert main(export_args(library, folder / "old")) == 0
    renote(library, ids)
    assert main(export_args(library, folder / "new")) == 0
    old, new = visible_files(folder / "old"), visible_files(folder / "new")
    assert len(old) == ARTICLES and old.keys() == new.keys() and all(old[n] != new[n] for n in old)
    shutil.rmtree(folder / "new")
    return library, old, new


@pytest.fixture(scope="module")
def processes():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["reader.cli", "tests.export_kills"])
    warm_up = context.Process(target=int)  # starts the server, so the first timed export does not pay for it
    warm_up.start()
    warm_up.join()
    return context


def killed(processes, target, args: tuple, delay: float | None = None) -> int:
    """Run ``target(*args)`` in its own process, SIGKILLed after ``delay`` seconds if given; its exit code."""
    process = processes.Process(target=target, args=args)
    process.start()
    if delay is not None:
        time.sleep(delay)
        process.kill()
    process.join(30)
    return process.exitcode


@pytest.mark.parametrize(
    ("function", "calls"),
    [("fsync", 20), ("replace", 0), ("replace", 1), ("replace", ARTICLES // 2), ("replace", ARTICLES - 1), ("rmdir", 0)],
)
def test_an_export_killed_at_the_worst_moment_is_finished_by_the_next(exports, processes, tmp_path, function, calls):
    library, old, new = exports
    dest = fresh_destination(tmp_path / "dest", old)
    status = killed(processes, export_killed_at, (export_args(library, dest), function, calls))
    assert status == -signal.SIGKILL
    outcome = check_after_kill(library, dest, old, new)
    assert outcome == ("old" if function == "fsync" else "new" if function == "rmdir" else "rolled forward")


def test_exports_killed_at_any_instant_leave_old_or_new_files(exports, processes, tmp_path, capfd):
    library, old, new = exports
    started = time.perf_counter()
    assert killed(processes, main, (export_args(library, tmp_path / "timing"),)) == 0
    duration = time.perf_counter() - started
    outcomes = []
    for kill in range(TIMED_KILLS):
        dest = fresh_destination(tmp_path / f"dest{kill}", old)
        delay = duration * 1.5 * (kill + 0.5) / TIMED_KILLS  # the last ones may come after the export has ended
        killed(processes, main, (export_args(library, dest),), delay=delay)
        outcomes.append(check_after_kill(library, dest, old, new))
    assert "old" in outcomes  # some kills did land before the end (when and how many varies with the load)
    print(f"{TIMED_KILLS} kills over {duration:.2f} s: " + ", ".join(f"{outcomes.count(o)} {o}" for o in set(outcomes)))
