"""Verified backups: consistent while others write, standalone, rotated by a clear rule, restored without loss."""

import os
import sqlite3
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from reader.annotate import new_highlight
from reader.model import Article
from reader.render import render_markdown
from reader.store import Library, LibraryError
from reader.store import backup as backups
from reader.store.backup import backup, backup_if_due, backups_dir, list_backups, restore, rotate, verify
from reader.store.lock import LibraryInUse, LibraryLock
from tests.store.damage import damage_pages_holding, long_body

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)


def article(title: str, body: str) -> Article:
    rendered = render_markdown(body)
    return Article(title=title, markdown=body, text=rendered.text, html=rendered.html,
                   sections=list(rendered.sections), images={"a.png": b"\x89PNG" + title.encode()})


def fill(path: Path, articles: int = 6) -> None:
    """Articles with long bodies (markers for the damage helper), highlights with notes and tags, article notes."""
    library = Library(path)
    for n in range(articles):
        article_id, _ = library.add(article(f"Article {n} 第{n}篇", long_body(f"MARKER-{n}-END")))
        stored = library.get(article_id)
        library.annotations.add(new_highlight(stored, 10, 40, color="blue", note=f"note {n}", tags=["政策", "river"]))
        library.annotations.add(new_highlight(stored, 100, 130))
        library.annotations.set_article_note(article_id, f"读后感 {n}")
        library.annotations.set_article_tags(article_id, ["待读"])
    library.delete(article_id)  # a deleted article is not counted
    library.close()


def contents(path: Path) -> dict:
    """Everything a user sees in the library, for comparing two files."""
    library = Library(path)
    try:
        return {
            summary.id: (
                summary, library.get(summary.id), library.images(summary.id),
                library.annotations.for_article(summary.id), library.annotations.article_note(summary.id),
                library.annotations.article_tags(summary.id),
            )
            for summary in library.summaries()
        } | {"tags": library.annotations.all_tags()}
    finally:
        library.close()


@pytest.fixture
def library(tmp_path: Path) -> Path:
    path = tmp_path / "library.sqlite3"
    fill(path)
    return path


def test_a_backup_restores_into_an_identical_library(library):
    before = contents(library)
    info = backup(library, now=NOW)
    assert info.path == library.parent / "backups" / "library-2026-03-01T12-00-00Z.sqlite3"
    assert (info.created, info.articles, info.highlights, info.verified) == ("2026-03-01T12:00:00Z", 5, 10, True)
    assert info.size == info.path.stat().st_size
    assert info.path.read_bytes()[18:20] == b"\x01\x01", "standalone: rollback journal, not WAL"
    assert [p.name for p in info.path.parent.iterdir()] == [info.path.name]

    Library(library).delete(1)
    moved = restore(library, "latest")
    assert moved.name.startswith("library.sqlite3.damaged-") and moved.exists()
    assert contents(library) == before


def test_a_backup_taken_while_another_connection_writes_is_one_consistent_snapshot(library, monkeypatch):
    monkeypatch.setattr(backups, "PAGES_PER_STEP", 4)  # many steps, so writes land between them
    writing, stop, written = threading.Event(), threading.Event(), []

    def writer() -> None:
        other = Library(library)
        while not stop.is_set():
            written.append(other.add(article(f"Written meanwhile {len(written)}", long_body("W")))[0])
            writing.set()
        other.close()

    thread = threading.Thread(target=writer)
    thread.start()
    assert writing.wait(timeout=10)
    during = len(written)
    info = backup(library)
    after = len(written)
    stop.set()
    thread.join()
    assert after > during, "the writer went on during the backup"
    verify(info.path)
    copy = sqlite3.connect(info.path)
    copy.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")  # index agrees with the rows
    assert during <= copy.execute("SELECT count(*) FROM articles").fetchone()[0] - 6 <= after
    copy.close()


def test_a_damaged_library_is_not_backed_up_and_the_good_backups_stay(library):
    good = backup(library, now=NOW - timedelta(days=1))
    assert damage_pages_holding(library, "MARKER-2-END", overflow_only=False) > 0
    with pytest.raises(LibraryError, match=r"library .*library.sqlite3 is damaged .*no backup was taken"):
        backup(library, now=NOW)
    assert list(backups_dir(library).iterdir()) == [good.path]
    with pytest.raises(LibraryError, match="is damaged"):
        backup_if_due(library, NOW)
    rotate(backups_dir(library), NOW + timedelta(days=400))
    assert list(backups_dir(library).iterdir()) == [good.path]


def test_random_bytes_are_not_a_library_to_back_up(tmp_path):
    path = tmp_path / "library.sqlite3"
    path.write_bytes(os.urandom(20_000))
    with pytest.raises(LibraryError, match="is damaged"):
        backup(path)
    assert list(backups_dir(path).iterdir()) == []


def write_names(folder: Path, names: list[str]) -> None:
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_bytes(b"")


def test_rotation_keeps_the_last_day_the_last_7_days_and_4_weeks_before_them(tmp_path):
    """60 days of backups at 03:00 and 15:00, none on 24 and 25 February, one at 11:00 today; now is 1 March 12:00."""
    folder = tmp_path / "backups"
    taken = [datetime(2026, 1, 1, hour, tzinfo=timezone.utc) + timedelta(days=day)
             for day in range(60) for hour in (3, 15)]
    taken = [when for when in taken if when.day not in (24, 25) or when.month != 2] + [NOW - timedelta(hours=1)]
    others = ["notes.txt", "library-2026-03-01T11-30-00Z.sqlite3.partial", "other-2025-06-01T08-00-00Z.sqlite3"]
    write_names(folder, [f"library-{when.strftime('%Y-%m-%dT%H-%M-%SZ')}.sqlite3" for when in taken] + others)

    deleted = rotate(folder, NOW)

    kept = sorted(p.name.removeprefix("library-").removesuffix("Z.sqlite3") for p in folder.glob("library-*Z.sqlite3"))
    assert kept == [
        "2026-02-01T15-00-00",  # 4 ISO weeks before the daily ones: the newest of each
        "2026-02-08T15-00-00",
        "2026-02-15T15-00-00",
        "2026-02-20T15-00-00",  # (the week of 16 February, before the 7 daily days)
        "2026-02-21T15-00-00",  # 7 most recent days that have one: the newest of each
        "2026-02-22T15-00-00",
        "2026-02-23T15-00-00",
        "2026-02-26T15-00-00",
        "2026-02-27T15-00-00",
        "2026-02-28T15-00-00",  # ... and everything in the last 24 hours
        "2026-03-01T03-00-00",
        "2026-03-01T11-00-00",
        "2026-03-01T15-00-00",  # later than now (a clock set back): kept
    ]
    assert len(deleted) == len(taken) - 13
    assert all((folder / name).exists() for name in others)  # other libraries' and foreign files untouched
    assert rotate(folder, NOW) == []


def test_backup_if_due_takes_one_a_day_and_rotates(library):
    first = backup_if_due(library, NOW)
    assert first is not None and first.verified
    assert backup_if_due(library, NOW + timedelta(hours=23)) is None
    for day in range(1, 12):
        assert backup_if_due(library, NOW + timedelta(days=day)) is not None
    listed = list_backups(library)
    assert [b.created[:10] for b in listed] == [f"2026-03-{day:02}" for day in range(12, 4, -1)] + ["2026-03-01"]
    assert [b.articles for b in listed] == [5] * 9


def test_restore_moves_a_damaged_library_aside_and_never_deletes_it(library):
    backup(library, now=NOW)
    garbage = os.urandom(30_000)
    library.write_bytes(garbage)
    Path(f"{library}-wal").write_bytes(b"wal")
    moved = restore(library)
    assert moved.read_bytes() == garbage and Path(f"{moved}-wal").read_bytes() == b"wal"
    assert not Path(f"{library}-wal").exists()
    assert Library(library).count() == 5
    again = restore(library)  # a healthy library is moved aside too: it may hold newer work
    assert again != moved and again.exists() and moved.exists()


def test_restore_latest_picks_the_newest_verified_backup(library, tmp_path):
    backup(library, now=NOW - timedelta(days=2))
    newest_good = backup(library, now=NOW - timedelta(days=1))
    bad = backups_dir(library) / "library-2026-03-01T00-00-00Z.sqlite3"
    bad.write_bytes(os.urandom(8192))
    listed = list_backups(library)
    assert [(b.path, b.verified, b.articles) for b in listed[:2]] == [(bad, False, None), (newest_good.path, True, 5)]
    library.unlink()
    assert restore(library, "latest") is None  # nothing to move aside
    assert Library(library).count() == 5
    with pytest.raises(LibraryError, match=r"backup .*2026-03-01T00-00-00Z.sqlite3 is damaged"):
        restore(library, bad)
    assert Library(library).count() == 5, "a failed restore leaves the library as it was"
    with pytest.raises(LibraryError, match="There is no backup of"):
        restore(tmp_path / "elsewhere" / "library.sqlite3")


def test_restore_refuses_while_a_window_holds_the_library(library):
    taken = backup(library)
    before = library.read_bytes()
    with LibraryLock(library):  # what the window holds while it is open
        with pytest.raises(LibraryInUse, match="open in another Reader window"):
            restore(library, taken.path)
    assert library.read_bytes() == before
    assert restore(library, taken.path) is not None  # closed: it goes ahead


def test_a_partial_copy_left_by_a_killed_backup_is_cleared_by_the_next(library):
    folder = backups_dir(library)
    folder.mkdir()
    left = folder / "library-2026-03-01T10-00-00Z.sqlite3.partial"
    left.write_bytes(b"half a copy")
    running = folder / "library-2026-03-01T11-59-30Z.sqlite3.partial"
    running.write_bytes(b"another backup, still being written")
    os.utime(left, (NOW.timestamp() - 7200, NOW.timestamp() - 7200))
    os.utime(running, (NOW.timestamp() - 30, NOW.timestamp() - 30))
    backup(library, now=NOW)
    assert not left.exists() and running.exists()
