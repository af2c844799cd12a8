"""backup, backups and restore from the command line, above all on a library too damaged to open."""

import os
from pathlib import Path

import pytest

from reader.store.backup import backup
from tests.cli_run import lines, reader
from tests.store.damage import damage_pages_holding
from tests.store.test_backup import fill


def one_sentence(result) -> str:
    message = result.stderr.strip()
    assert "\n" not in message and "Traceback" not in message and message.endswith("."), message
    return message


@pytest.mark.parametrize("damage", ["pages", "random bytes"])
def test_a_damaged_library_is_restored_from_its_latest_backup(tmp_path, damage):
    library = tmp_path / "library.sqlite3"
    fill(library)
    if damage == "random bytes":  # the whole round through the CLI once
        taken = reader("--library", str(library), "backup").stdout.splitlines()
        assert Path(taken[0]).parent == tmp_path / "backups" and taken[1].startswith("5 articles, 10 highlights")
        latest = taken[0]
        library.write_bytes(os.urandom(50_000))
        assert "cannot be opened" in one_sentence(reader("--library", str(library), "list", check_status=2))
    else:
        latest = str(backup(library).path)
        assert damage_pages_holding(library, "MARKER-2-END", overflow_only=False) > 0
    damaged, good = library.read_bytes(), Path(latest).read_bytes()

    refused = reader("--library", str(library), "backup", check_status=2)
    assert "is damaged" in one_sentence(refused) and str(library) in refused.stderr
    assert [p.read_bytes() for p in (tmp_path / "backups").iterdir()] == [good], "existing backups untouched"

    if damage == "random bytes":
        listed = lines(reader("--library", str(library), "backups", "--json"))
        assert [(r["path"], r["articles"], r["highlights"], r["verified"]) for r in listed] == [(latest, 5, 10, True)]
        assert set(listed[0]) == {"path", "created", "articles", "highlights", "verified", "size"}

    restored = reader("--library", str(library), "restore", "latest").stdout
    moved = next(tmp_path.glob("library.sqlite3.damaged-*Z"))
    assert str(moved) in restored and latest in restored
    assert moved.read_bytes() == damaged, "the damaged file is kept, not deleted"
    assert len(lines(reader("--library", str(library), "list", "--json"))) == 5


def test_restore_of_a_missing_or_damaged_backup_is_one_sentence(tmp_path):
    library = tmp_path / "library.sqlite3"
    missing = reader("--library", str(library), "restore", "latest", check_status=2)
    assert "There is no backup of" in one_sentence(missing)
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(os.urandom(9000))
    assert "is damaged" in one_sentence(reader("--library", str(library), "restore", str(bad), check_status=2))
    assert not library.exists()
