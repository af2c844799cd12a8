"""One library, one window: a second launch hands its pages to the first and ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from reader.store import Library
from reader.store.backup import backup
from reader.store.lock import LibraryLock
from reader.ui import startup
from reader.ui.startup import REFUSED, Opened, open_for_window
from tests.store.damage import article, long_body
from tests.ui.conftest import FakeDialogs

ROOT = Path(__file__).resolve().parents[2]


def _environment(home: Path) -> dict[str, str]:
    """A user of their own: settings, data folder and log under ``home``."""
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data")}


def _launch(library: Path, *pages: Path, home: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "main.py", "--library", str(library), *map(str, pages)],
                            cwd=ROOT, env=_environment(home), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def _titles(library: Path) -> list[str]:
    opened = Library(library)
    try:
        return [summary.title for summary in opened.summaries()]
    finally:
        opened.close()


def test_a_second_launch_hands_its_page_to_the_first_window(tmp_path, pages):
    library = tmp_path / "library.sqlite3"
    first = _launch(library, home=tmp_path)
    try:
        _wait_for(lambda: LibraryLock(library).held_elsewhere() or first.poll() is not None)
        assert first.poll() is None, first.stderr.read().decode()
        second = _launch(library, pages / "library-week.txt", home=tmp_path)
        assert second.wait(timeout=30) == 0, second.stderr.read().decode()
        # The first window imports it; no second window ever opened the library.
        _wait_for(lambda: len(_titles(library)) == 1)
        assert first.poll() is None
    finally:
        first.send_signal(signal.SIGTERM)
        first.wait(timeout=30)
    assert not LibraryLock(library).held_elsewhere()  # the system dropped the lock with the process


def test_a_library_held_by_a_program_that_does_not_answer_is_refused_with_a_sentence(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(startup, "STARTING_WINDOW_S", 0.5)
    library = tmp_path / "library.sqlite3"
    dialogs = FakeDialogs()
    with LibraryLock(library):  # a restore, or a window that hangs
        assert open_for_window(library, [], dialogs) == REFUSED
    assert dialogs.errors == [f"The library {library} is open in another Reader window or program; close it there first."]


HAND_OVER = (
    "import sys; from PySide6.QtCore import QCoreApplication; from reader.ui.single_instance import hand_over; "
    "app = QCoreApplication([]); sys.exit(0 if hand_over(sys.argv[1], sys.argv[2:]) else 1)"
)


def test_the_window_that_holds_a_library_takes_later_launches(qapp, qtbot, tmp_path):
    library = tmp_path / "library.sqlite3"
    opened = open_for_window(library, [], FakeDialogs())
    assert isinstance(opened, Opened)
    try:
        received: list[list[str]] = []
        opened.server.paths_received.connect(received.append)
        # The window's event loop answers while the other process waits for it.
        other = subprocess.Popen([sys.executable, "-c", HAND_OVER, str(library), "/saved/页面.html"],
                                 cwd=ROOT, env=_environment(tmp_path))
        qtbot.waitUntil(lambda: other.poll() is not None, timeout=30_000)
        assert other.returncode == 0
        assert received == [["/saved/页面.html"]]
    finally:
        opened.close()
    nobody = subprocess.run([sys.executable, "-c", HAND_OVER, str(library), "/saved/页面.html"],
                            cwd=ROOT, env=_environment(tmp_path), timeout=30)
    assert nobody.returncode == 1  # closed: nobody answers, so a launch opens the library itself


def test_a_library_that_cannot_be_opened_offers_another_one(qapp, tmp_path):
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"not a database at all " * 500)
    other = tmp_path / "fresh.sqlite3"
    dialogs = FakeDialogs()
    dialogs.library_choice = "other"
    dialogs.library_to_choose = str(other)
    opened = open_for_window(broken, [], dialogs)
    assert isinstance(opened, Opened)
    try:
        assert opened.library.path == str(other)
        [(message, _)] = dialogs.library_problems
        assert str(broken) in message and "cannot be opened" in message
        assert broken.read_bytes().startswith(b"not a database")  # left as it was
    finally:
        opened.close()


def test_closing_the_library_problem_ends_the_launch_and_frees_the_library(qapp, tmp_path):
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"\x00garbage" * 1000)
    dialogs = FakeDialogs()
    dialogs.library_choice = "quit"
    assert open_for_window(broken, [], dialogs) == REFUSED
    assert len(dialogs.library_problems) == 1
    assert not LibraryLock(broken).held_elsewhere()


def test_a_damaged_library_offers_its_latest_backup_and_keeps_the_damaged_file(qapp, tmp_path):
    library = tmp_path / "library.sqlite3"
    opened = Library(library)
    opened.add(article("Kept by the backup", long_body("MARKER-KEPT")))
    opened.close()
    taken = backup(library)
    library.write_bytes(b"\x00 this is what a failing disk left " * 300)
    dialogs = FakeDialogs()
    dialogs.library_choice = "restore"
    result = open_for_window(library, [], dialogs)
    assert isinstance(result, Opened)
    try:
        [summary] = result.library.summaries()
        assert summary.title == "Kept by the backup"
        [(message, label)] = dialogs.library_problems
        assert str(library) in message
        assert label == "Restore from Backup of " + datetime.fromisoformat(
            taken.created.replace("Z", "+00:00")).astimezone().strftime("%Y-%m-%d %H:%M")
        [aside] = tmp_path.glob("library.sqlite3.damaged-*Z")
        assert aside.read_bytes().startswith(b"\x00 this is what a failing disk left")
    finally:
        result.close()


def test_without_a_backup_only_another_library_is_offered(qapp, tmp_path):
    library = tmp_path / "library.sqlite3"
    library.write_bytes(b"\x00 garbage " * 300)
    dialogs = FakeDialogs()
    assert open_for_window(library, [], dialogs) == REFUSED
    assert dialogs.library_problems[0][1] is None
