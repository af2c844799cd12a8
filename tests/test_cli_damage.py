"""The command line on a damaged library: one sentence, no traceback; the healthy rest still reads."""

from __future__ import annotations

from pathlib import Path

from tests.cli_run import lines, reader
from tests.store.damage import library_with_one_damaged


def test_list_and_search_name_what_they_cannot_read_and_show_the_rest(tmp_path: Path):
    path = tmp_path / "library.sqlite3"
    ids = library_with_one_damaged(path, overflow_only=False)
    listed = reader("--library", str(path), "list", "--json", check_status=1)
    titles = {row["title"] for row in lines(listed)}
    assert {"Article 0", "Article 1", "Article 3", "Article 4"} <= titles and "Article 2" not in titles
    assert f"article {ids[2]} cannot be read: the library file is damaged there" in listed.stderr
    assert "Traceback" not in listed.stderr
    # The index finds only healthy rows here: nothing is left out, nothing is reported.
    found = reader("--library", str(path), "search", "MARKER-4-END", "--json")
    assert [row["title"] for row in lines(found)] == ["Article 4"]
    # Words every article holds: the damaged one is left out and named.
    found = reader("--library", str(path), "search", "fills space", "--json", check_status=1)
    assert {row["title"] for row in lines(found)} == titles
    assert f"article {ids[2]} cannot be read" in found.stderr


def test_a_library_that_is_not_one_is_a_sentence_and_exit_2(tmp_path):
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"\x13\x37 random bytes " * 2000)
    for command in (["list"], ["search", "word"], ["export", "--format", "md", "-o", str(tmp_path / "out")]):
        result = reader("--library", str(path), *command, check_status=2)
        assert result.stderr.strip().count("\n") == 0, result.stderr
        assert str(path) in result.stderr and "cannot be opened" in result.stderr
        assert "Traceback" not in result.stderr
