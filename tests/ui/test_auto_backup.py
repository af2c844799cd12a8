"""The window's backups: one a day while it is open, one more when it closes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from reader.store import Library
from reader.store.backup import list_backups
from reader.ui.auto_backup import AutoBackup
from tests.store.damage import article


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now


def test_a_backup_a_day_while_open_and_one_on_close(qtbot, tmp_path):
    path = tmp_path / "library.sqlite3"
    library = Library(path)
    library.add(article("Worth keeping", "A paragraph the backup must hold."))
    clock = Clock()
    backups = AutoBackup(path, clock)
    with qtbot.waitSignal(backups.taken, timeout=30_000) as first:
        backups.check()
    assert first.args[0].articles == 1 and first.args[0].verified
    clock.now += timedelta(hours=5)
    backups.check()  # the newest is five hours old: not due
    backups.wait()
    assert len(list_backups(path)) == 1
    clock.now += timedelta(days=1)
    with qtbot.waitSignal(backups.taken, timeout=30_000):
        backups.check()
    library.add(article("Added last", "Written just before closing."))
    library.close()
    clock.now += timedelta(minutes=10)
    backups.on_close()
    newest = list_backups(path)[0]
    assert newest.articles == 2 and newest.created.startswith("2026-12-02T14:10")
    assert len(list_backups(path)) == 3


def test_a_failed_backup_is_said_and_the_window_goes_on(qtbot, tmp_path):
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"\x00 not a library " * 300)
    backups = AutoBackup(path, Clock())
    with qtbot.waitSignal(backups.failed, timeout=30_000) as failed:
        backups.check()
    assert failed.args[0].startswith("The library was not backed up:") and str(path) in failed.args[0]
    assert list_backups(path) == []
