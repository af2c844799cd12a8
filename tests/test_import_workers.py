"""Extraction workers: a file that stalls is given up on, cancel answers while a worker is
stuck, and no worker outlives the import that started it, even a SIGKILLed one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.importing import extract_all
from reader.workers import WorkerPool
from tests.stalling_extractor import extract_or_stall, worker_pid

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads children from Linux procfs")


def _pages(folder: Path, pages: Path, names: list[str]) -> list[Path]:
    source = (pages / "quiet-hours.md").read_text(encoding="utf-8")
    files = []
    for n, name in enumerate(names):
        path = folder / name
        path.write_text(source.replace("quiet hour", f"quiet hour {n}"), encoding="utf-8")
        files.append(path)
    return files


def test_a_file_past_its_time_budget_fails_with_a_reason_and_the_rest_go_on(tmp_path, pages):
    files = _pages(tmp_path, pages, ["page-0.md", "stall-1.md", "page-2.md", "page-3.md"])
    results = list(extract_all(files, processes=2, extract=extract_or_stall, budget=1))
    assert [path for path, _ in results] == files
    assert results[1][1] == "it took longer than 1 s to read; it may be built to stall a reader"
    assert [type(result).__name__ for _, result in results] == ["Article", "str", "Article", "Article"]


def test_cancel_answers_while_every_worker_is_stuck(tmp_path, pages):
    files = _pages(tmp_path, pages, ["stall-0.md", "stall-1.md", "page-2.md"])
    cancel = threading.Event()
    done = threading.Event()

    def run() -> None:
        list(extract_all(files, processes=2, cancelled=cancel.is_set, extract=extract_or_stall))
        done.set()

    threading.Thread(target=run, daemon=True).start()
    assert _stuck(files[:2])
    assert not done.is_set()
    cancel.set()
    assert done.wait(10), "the import still runs 10 s after cancel"


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found.update(int(child) for child in (task / "children").read_text().split())
        except OSError:
            pass
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][0] != "Z"
    except OSError:
        return False


def _stuck(files: list[Path], seconds: float = 60) -> bool:
    """Wait until the stalling extractor has begun on each of ``files``."""
    deadline = time.monotonic() + seconds
    while not all(path.with_name(path.name + ".stuck").exists() for path in files):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _kill_once_it_has_workers(command: list[str], workers: int, busy: Callable[[], object]) -> set[int]:
    """Start ``command``, SIGKILL it once ``workers`` children are ``busy``; its children then."""
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    try:
        while len(children := _children(process.pid)) < workers + 1 and time.monotonic() < deadline:
            time.sleep(0.1)  # the spawned workers, and multiprocessing's resource tracker
        busy()
        assert len(children) >= workers, "the import never started its workers"
    finally:
        process.kill()
        process.wait()
    return children


def _gone_within(pids: set[int], seconds: float) -> set[int]:
    deadline = time.monotonic() + seconds
    while (alive := {pid for pid in pids if _alive(pid)}) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive


STALLING_IMPORT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from reader.importing import extract_all
    from tests.stalling_extractor import extract_or_stall

    list(extract_all([Path(p) for p in sys.argv[1:]], processes=2, extract=extract_or_stall))
    """
)


def test_workers_stuck_on_a_file_die_when_the_import_is_sigkilled(tmp_path, pages):
    files = _pages(tmp_path, pages, ["stall-0.md", "stall-1.md"])
    workers = _kill_once_it_has_workers([sys.executable, "-c", STALLING_IMPORT, *map(str, files)], 2,
                                        lambda: _stuck(files))
    assert _gone_within(workers, 5) == set()


def test_the_cli_imports_workers_die_with_it(tmp_path, pages):
    folder = tmp_path / "saved"
    folder.mkdir()
    _pages(folder, pages, [f"page-{n}.md" for n in range(400)])
    command = [sys.executable, "-m", "reader", "--library", str(tmp_path / "lib.sqlite3"),
               "import", "--processes", "2", str(folder)]
    workers = _kill_once_it_has_workers(command, 2, lambda: time.sleep(1))  # they take up pages
    assert _gone_within(workers, 5) == set()


def test_a_kept_pool_whose_idle_worker_was_killed_still_imports(tmp_path, pages):
    """pebble gives up a pool whose worker dies with no task running; the window keeps its
    pool for the app's life, so the next import must not fail for it."""
    [page] = _pages(tmp_path, pages, ["page-0.md"])
    with WorkerPool(1) as pool:
        os.kill(pool.submit(worker_pid, None, 60).result(), signal.SIGKILL)
        time.sleep(0.5)  # pebble notices the dead worker
        [(_, result)] = extract_all([page], pool=pool)
    assert type(result).__name__ == "Article"
