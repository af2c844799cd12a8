"""Verified backups of the library, and restoring one (the way Zotero does it).

>>> info = backup("library.sqlite3")            # backups/library-2026-12-07T23-50-12Z.sqlite3
>>> [b.created for b in list_backups("library.sqlite3")]
>>> backup_if_due("library.sqlite3", now)       # at most once a day, then rotate()
>>> moved_to = restore("library.sqlite3", "latest")

A backup is a consistent snapshot taken with SQLite's online backup API from
a read connection of its own, so the window and an import worker go on
writing meanwhile. The copy is made standalone (journal_mode DELETE, no
``-wal``), checked with ``PRAGMA integrity_check`` and fsynced *before* it is
renamed to its backup name: a file with a backup name passed the check when
it was taken (the name is the record; no sidecar), and a damaged library's
copy never gets one, so it can never push a good backup out of rotation.
Listing does not check again (it reads two counts); ``verify`` and
``restore`` do.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from reader.store.errors import LibraryError, is_damage
from reader.store.lock import LibraryLock

BACKUPS_FOLDER = "backups"
SUFFIX = ".sqlite3"
STAMP = "%Y-%m-%dT%H-%M-%SZ"
PAGES_PER_STEP = 1024
"""4 MB a step: the copy yields between steps; a writer never waits for it (WAL)."""
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_ALL_WITHIN = timedelta(hours=24)
LEFTOVER_AGE = timedelta(hours=1)
"""A backup takes seconds: a partial copy an hour old was left by a process that was killed."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file. ``articles`` and ``highlights`` are live counts, None when the file cannot be read."""

    path: Path
    created: str
    """When the snapshot was taken, ISO 8601 in UTC (``2026-12-07T23:50:12Z``)."""
    articles: int | None
    highlights: int | None
    verified: bool
    """Passed ``integrity_check`` when taken and its counts still read (``verify`` checks again)."""
    size: int


def backups_dir(library_path: str | Path) -> Path:
    """The ``backups`` folder beside the library, shared by every library in that folder."""
    return Path(library_path).parent / BACKUPS_FOLDER


def backup_name(library_path: str | Path, when: datetime) -> str:
    """``library-2026-12-07T23-50-12Z.sqlite3``: the library's stem and the UTC time, so names sort by age."""
    return f"{Path(library_path).stem}-{when.astimezone(timezone.utc).strftime(STAMP)}{SUFFIX}"


def _parse(name: str) -> tuple[str, datetime] | None:
    """The library stem and UTC time a backup's file name carries, or None for a file that is not a backup."""
    match = re.fullmatch(r"(.+)-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ)" + re.escape(SUFFIX), name)
    if match is None:
        return None
    return match[1], datetime.strptime(match[2], STAMP).replace(tzinfo=timezone.utc)


def _iso(when: datetime) -> str:
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that can neither write nor create the file (a URI, so any path is safe)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)


def _problem(path: Path) -> str | None:
    """What ``PRAGMA integrity_check`` finds wrong with the file, or None when it is sound."""
    try:
        connection = _read_only(path)
        try:
            rows = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        return str(error)
    return None if rows == ["ok"] else "; ".join(rows[:3])


def _fsync(path: Path) -> None:
    """Make the file's bytes (or a folder's entries, on POSIX) durable before and after a rename."""
    if path.is_dir() and os.name != "posix":
        return
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _snapshot(source: Path, target: Path) -> None:
    """Copy ``source`` into the new file ``target`` as one consistent, standalone snapshot.

    The read transaction is held across all the steps: without it a write by
    another connection between two steps restarts the copy from page one, and
    a busy import worker would starve it for ever. In WAL mode (the library
    always is once Reader opened it) that snapshot does not block writers.
    """
    reader = _read_only(source)
    writer = sqlite3.connect(target, isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM sqlite_master").fetchone()
        reader.backup(writer, pages=PAGES_PER_STEP)
        reader.execute("COMMIT")
        writer.execute("PRAGMA journal_mode = DELETE")
    finally:
        writer.close()
        reader.close()


def _remove(path: Path) -> None:
    for leftover in (path, Path(f"{path}-journal")):
        leftover.unlink(missing_ok=True)


def _counts(path: Path) -> tuple[int | None, int | None]:
    """Live articles and their highlights; cheap (the live-hash index, the highlights table), no check."""
    try:
        connection = _read_only(path)
        try:
            articles = connection.execute("SELECT count(*) FROM articles WHERE deleted_at IS NULL").fetchone()[0]
            has_highlights = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'highlights'"
            ).fetchone()
            highlights = connection.execute(
                "SELECT count(*) FROM highlights WHERE article_id IN (SELECT id FROM articles WHERE deleted_at IS NULL)"
            ).fetchone()[0] if has_highlights else 0
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return None, None
    return articles, highlights


def backup_info(path: str | Path) -> BackupInfo:
    """What one backup file holds, read cheaply (no integrity check)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise LibraryError(f"The backup {path} cannot be read: {error.strerror or error}.") from error
    parsed = _parse(path.name)
    taken = parsed[1] if parsed else datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
    articles, highlights = _counts(path)
    return BackupInfo(path, _iso(taken), articles, highlights, articles is not None, size)


def _destination(library: Path, dest: str | Path | None, now: datetime) -> Path:
    if dest is None:
        return backups_dir(library) / backup_name(library, now)
    target = Path(dest)
    if target.is_dir() or str(dest).endswith(("/", os.sep)):
        target = target / backup_name(library, now)
    if target.resolve() == library.resolve():
        raise LibraryError(f"A backup of {library} cannot be written over the library itself.")
    return target


def backup(library_path: str | Path, dest: str | Path | None = None, now: datetime | None = None) -> BackupInfo:
    """Take a verified backup of the library; returns what it holds.

    ``dest`` is a file, a folder (existing, or ending in a separator), or None
    for ``backups_dir``. A damaged library raises ``LibraryError`` and writes
    nothing: the backups already there are left as they were.
    """
    library = Path(library_path)
    if not library.is_file():
        raise LibraryError(f"There is no library at {library} to back up.")
    now = now or datetime.now(timezone.utc)
    target = _destination(library, dest, now)
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _clear_leftovers(target.parent, now)
        _remove(partial)
        partial.touch()  # an unwritable destination is an OSError naming it, not an SQLite error
        try:
            _snapshot(library, partial)
        except sqlite3.DatabaseError as error:
            if is_damage(error):
                raise _damaged(library, str(error)) from error
            raise LibraryError(f"No backup of {library} was taken: {error}.") from error
        problem = _problem(partial)
        if problem is not None:
            raise _damaged(library, problem)
        _fsync(partial)
        os.replace(partial, target)
        _fsync(target.parent)
    except OSError as error:
        raise LibraryError(f"The backup {target} cannot be written: {error.strerror or error}.") from error
    finally:
        _remove(partial)
    return backup_info(target)


def _clear_leftovers(folder: Path, now: datetime) -> None:
    """Remove the partial copies of backups that were killed half-way (any older than LEFTOVER_AGE)."""
    for partial in folder.glob("*.partial"):
        try:
            if now.timestamp() - partial.stat().st_mtime > LEFTOVER_AGE.total_seconds():
                partial.unlink()
        except OSError:
            continue


def _damaged(library: Path, problem: str) -> LibraryError:
    return LibraryError(
        f"The library {library} is damaged ({problem}), so no backup was taken and the existing backups "
        f"in {backups_dir(library)} were left as they were; restore one with `restore latest`."
    )


def _backup_files(folder: Path) -> list[tuple[str, datetime, Path]]:
    """Every library's backups in ``folder`` as (stem, taken, path), newest first, by name only."""
    if not folder.is_dir():
        return []
    found = ((_parse(path.name), path) for path in folder.iterdir())
    return sorted(((*parsed, path) for parsed, path in found if parsed is not None), key=lambda f: f[1], reverse=True)


def _backups_of(library: Path) -> list[tuple[datetime, Path]]:
    return [(taken, path) for stem, taken, path in _backup_files(backups_dir(library)) if stem == library.stem]


def list_backups(library_path: str | Path) -> list[BackupInfo]:
    """The library's backups in ``backups_dir``, newest first. Reads two counts per file; checks nothing."""
    library = Path(library_path)
    return [backup_info(path) for _, path in _backups_of(library)]


def latest_backup(library_path: str | Path) -> BackupInfo | None:
    """The newest backup whose counts still read: what ``restore(library, "latest")`` restores."""
    return next((info for info in list_backups(library_path) if info.verified), None)


def verify(path: str | Path) -> None:
    """Check a backup again with ``PRAGMA integrity_check``; ``LibraryError`` naming the problem if it fails."""
    path = Path(path)
    if not path.is_file():
        raise LibraryError(f"There is no backup at {path}.")
    problem = _problem(path)
    if problem is not None:
        raise LibraryError(f"The backup {path} is damaged ({problem}); choose another one.")


def _kept(taken: list[datetime], now: datetime) -> set[datetime]:
    """The rotation rule: see ``rotate``."""
    newest_first = sorted(taken, reverse=True)
    kept = {when for when in newest_first if now - when < KEEP_ALL_WITHIN}
    days = _newest_per(newest_first, lambda when: when.date())
    daily = list(days.items())[:KEEP_DAILY]
    kept.update(when for _, when in daily)
    if len(daily) == KEEP_DAILY:
        oldest_day: date = daily[-1][0]
        older = [when for when in newest_first if when.date() < oldest_day]
        weeks = _newest_per(older, lambda when: when.isocalendar()[:2])
        kept.update(list(weeks.values())[:KEEP_WEEKLY])
    return kept


def _newest_per(newest_first: Iterable[datetime], period: Callable[[datetime], Hashable]) -> dict:
    """The first (newest) time of each period, in order from the newest period."""
    firsts: dict[Hashable, datetime] = {}
    for when in newest_first:
        firsts.setdefault(period(when), when)
    return firsts


def rotate(folder: str | Path, now: datetime) -> list[Path]:
    """Delete the backups the rule no longer keeps; returns the deleted files.

    For each library (by the stem in the names) this keeps: every backup
    taken in the 24 hours before ``now`` (or after it: a clock set back); the newest backup of each of the 7
    most recent UTC days that have one; and the newest of each of the 4 most
    recent ISO weeks before those days. Days without a backup do not count,
    so a library left closed for a month keeps its old backups. Only files
    with a backup name are ever touched.
    """
    by_library: dict[str, list[tuple[datetime, Path]]] = {}
    for stem, taken, path in _backup_files(Path(folder)):
        by_library.setdefault(stem, []).append((taken, path))
    deleted = []
    for files in by_library.values():
        kept = _kept([taken for taken, _ in files], now)
        for taken, path in files:
            if taken not in kept:
                path.unlink()
                deleted.append(path)
    return deleted


def backup_if_due(library_path: str | Path, now: datetime, every: timedelta = timedelta(days=1)) -> BackupInfo | None:
    """Take a backup when the newest is ``every`` old or older (or there is none), then rotate; else None."""
    library = Path(library_path)
    newest = _backups_of(library)
    if newest and now - newest[0][0] < every:
        return None
    info = backup(library, now=now)
    rotate(backups_dir(library), now)
    return info


def _aside_name(library: Path, now: datetime) -> Path:
    """``library.sqlite3.damaged-2026-12-07T23-50-12Z``, numbered if that name is taken (never overwritten)."""
    base = library.with_name(f"{library.name}.damaged-{now.strftime(STAMP)}")
    aside, number = base, 1
    while any(Path(f"{aside}{suffix}").exists() for suffix in ("", "-wal", "-shm")):
        number += 1
        aside = base.with_name(f"{base.name}-{number}")
    return aside


def restore(library_path: str | Path, backup: str | Path = "latest") -> Path | None:
    """Put a backup (a path, or ``"latest"``) in the library's place; returns where the old file went.

    The backup is checked again first, and the library's lock is held
    while it is swapped in: a window holding the library makes this a
    ``LibraryInUse`` sentence. The old library and its ``-wal`` and
    ``-shm`` are moved aside, never deleted, even when healthy (they may hold
    newer work); None when there was no library. The copy is made beside the
    library first, so a failure at any step leaves the old library in place.
    """
    library = Path(library_path)
    if backup == "latest":
        latest = latest_backup(library)
        if latest is None:
            raise LibraryError(f"There is no backup of {library} in {backups_dir(library)} to restore.")
        backup = latest.path
    source = Path(backup)
    verify(source)
    with LibraryLock(library):  # never under an open window, and no window opens meanwhile
        return _replace(library, source)


def _replace(library: Path, source: Path) -> Path | None:
    incoming = library.with_name(f".{library.name}.restoring")
    try:
        library.parent.mkdir(parents=True, exist_ok=True)
        _remove(incoming)
        _snapshot(source, incoming)
        _fsync(incoming)
        aside = _move_aside(library, datetime.now(timezone.utc))
        os.replace(incoming, library)
        _fsync(library.parent)
    except (OSError, sqlite3.DatabaseError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise LibraryError(f"The backup {source} could not be restored to {library}: {reason}.") from error
    finally:
        _remove(incoming)
    return aside


def _move_aside(library: Path, now: datetime) -> Path | None:
    if not library.exists():
        return None
    aside = _aside_name(library, now)
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{library}{suffix}").exists():
            os.replace(f"{library}{suffix}", f"{aside}{suffix}")
    return aside
