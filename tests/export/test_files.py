"""Portable, stable file names and all-or-nothing writes."""

from __future__ import annotations

import os
import unicodedata

import pytest

from reader.export import ExportCancelled, export, files
from reader.export.files import RESERVED_NAMES, atomic_write, file_name

from .conftest import make_article, make_notes

FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)}


def check_portable(name: str) -> None:
    assert not FORBIDDEN & set(name), name
    assert len(name) <= 120 and len(name.encode("utf-8")) <= 240, name
    stem = name.rsplit(".", 1)[0]
    assert stem == stem.rstrip(". ") and stem
    assert stem.split(".")[0].upper() not in RESERVED_NAMES
    assert unicodedata.normalize("NFC", name) == name


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("安徽省开发区协会第二届第二次理事会在合肥召开", "安徽省开发区协会第二届第二次理事会在合肥召开-a3f9.md"),
        ("What: a/b\\c <test>? *yes* | \"no\"", "What-a-b-c-test-yes-no-a3f9.md"),
        ("  Trailing dots...  ", "Trailing-dots-a3f9.md"),
        ("Emoji 👩‍👩‍👧 story 🎉", "Emoji-👩‍👩‍👧-story-🎉-a3f9.md"),
        ("", "untitled-a3f9.md"),
        ("???", "untitled-a3f9.md"),
        ("line\nbreak\ttab\x00nul\u2028sep", "line-break-tab-nul-sep-a3f9.md"),
        ("Café (e\u0301)", "Café-(é)-a3f9.md"),
    ],
)
def test_file_names(title, expected):
    name = file_name(title, 0xA3F9, "md")
    assert name == expected
    check_portable(name)


def test_reserved_names_are_never_produced():
    for reserved in ["CON", "prn", "Aux", "NUL", "COM1", "lpt9", "con.txt"]:
        assert files.safe_stem(reserved).split(".")[0].upper() not in RESERVED_NAMES
        check_portable(file_name(reserved, 1, "md"))
    assert file_name("CON", 1, "md") == "CON-0001.md"  # not reserved: the id follows
    assert files.safe_stem("CON") == "_CON"


@pytest.mark.parametrize("title", ["长" * 300, "a" * 300, "é" * 300, "👍🏽" * 150, "字a" * 150 + "\u0301"])
def test_long_titles_are_cut_within_limits(title):
    name = file_name(title, 123456, "html")
    check_portable(name)
    assert name.endswith("-1e240.html")
    assert not unicodedata.combining(name[: -len("-1e240.html")][-1])


def test_same_title_different_names_and_stable():
    assert file_name("Same", 1, "md") != file_name("Same", 2, "md")
    assert file_name("Same", 1, "md") == file_name("Same", 1, "md")


def test_atomic_write_replaces_whole(tmp_path):
    target = tmp_path / "a.md"
    atomic_write(target, "old")
    atomic_write(target, "新的内容" * 50_000)
    assert target.read_text(encoding="utf-8") == "新的内容" * 50_000
    assert os.listdir(tmp_path) == ["a.md"]


def test_interrupted_write_leaves_no_partial_and_no_temp_file(tmp_path, monkeypatch):
    real = files._write_all

    def half_then_fail(handle, data):
        real(handle, data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "_write_all", half_then_fail)
    target = tmp_path / "notes.md"
    with pytest.raises(OSError):
        atomic_write(target, "x" * 200_000)
    assert os.listdir(tmp_path) == []
    # An existing file is left as it was.
    target.write_text("before", encoding="utf-8")
    with pytest.raises(OSError):
        atomic_write(target, "after" * 1000)
    assert target.read_text(encoding="utf-8") == "before"
    assert os.listdir(tmp_path) == ["notes.md"]


def test_interrupted_export_writes_nothing(tmp_path, monkeypatch):
    notes = [make_notes(make_article(article_id=i)) for i in (1, 2, 3)]
    real, calls = files._write_all, []

    def fail_on_second(handle, data):
        calls.append(1)
        if len(calls) == 2:
            real(handle, data[:100])
            raise KeyboardInterrupt
        real(handle, data)

    monkeypatch.setattr(files, "_write_all", fail_on_second)
    (tmp_path / "vault").mkdir()
    (tmp_path / "vault" / "mine.md").write_text("kept", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        export(notes, "md", tmp_path / "vault")
    assert os.listdir(tmp_path / "vault") == ["mine.md"]  # not the first file either, and no stage folder
    calls.clear()
    with pytest.raises(KeyboardInterrupt):
        export(notes, "md", tmp_path / "new" / "deeper")
    assert not (tmp_path / "new").exists()  # folders the export made go again
    for fmt, name in (("csv", "h.csv"), ("json", "h.json")):
        calls.clear()
        calls.append(1)  # the next write is the failing one
        with pytest.raises(KeyboardInterrupt):
            export(notes, fmt, tmp_path / name)
        assert not (tmp_path / name).exists()
    assert sorted(os.listdir(tmp_path)) == ["vault"]


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv"])
def test_cancelled_half_way_through_a_stream_writes_nothing(tmp_path, fmt):
    target = tmp_path / ("out" if fmt in ("md", "html") else f"out.{fmt}")

    def articles():
        for number in range(1, 200):
            if number == 150:
                raise ExportCancelled
            yield make_notes(make_article(article_id=number))

    with pytest.raises(ExportCancelled):
        export(articles(), fmt, target)
    assert os.listdir(tmp_path) == []


def test_a_second_export_replaces_files_and_keeps_others(tmp_path):
    first = make_notes(make_article(article_id=1))
    (tmp_path / "mine.md").write_text("kept", encoding="utf-8")
    [path] = export([first], "md", tmp_path)
    first.note = "changed"
    assert export([first, first], "md", tmp_path) == [path]  # the same article twice is one file
    assert "changed" in path.read_text(encoding="utf-8")
    assert sorted(os.listdir(tmp_path)) == sorted(["mine.md", path.name])


def test_stages_left_by_killed_exports_are_finished_or_cleared_by_the_next_one(tmp_path):
    (tmp_path / "a-0001.md").write_text("old a", encoding="utf-8")
    (tmp_path / "b-0002.md").write_text("new b", encoding="utf-8")  # moved before the kill
    complete = tmp_path / ".reader-export-killed-while-moving"
    complete.mkdir()
    (complete / "a-0001.md").write_text("new a", encoding="utf-8")
    (complete / files.COMPLETE).touch()
    writing = tmp_path / ".reader-export-killed-while-writing"
    writing.mkdir()
    (writing / "c-0003.md").write_text("half of c", encoding="utf-8")
    running = files.Stage(tmp_path)  # another export, still at work: it holds its stage
    running.write("d-0004.md", "d")
    [path] = export([make_notes(make_article(article_id=9))], "md", tmp_path)
    assert (tmp_path / "a-0001.md").read_text(encoding="utf-8") == "new a"  # the killed export is completed
    assert not (tmp_path / "c-0003.md").exists()  # the one killed while writing leaves nothing
    hidden = [name for name in os.listdir(tmp_path) if name.startswith(".")]
    assert len(hidden) == 1 and (tmp_path / hidden[0] / "d-0004.md").exists()
    assert sorted(os.listdir(tmp_path)) == sorted(hidden + ["a-0001.md", "b-0002.md", path.name])
    running.commit()
    assert sorted(os.listdir(tmp_path)) == sorted(["a-0001.md", "b-0002.md", "d-0004.md", path.name])


def test_temporary_files_left_by_a_killed_write_are_removed_by_the_next(tmp_path):
    left = tmp_path / ".notes.json.0badf00d.tmp"
    left.write_text("half", encoding="utf-8")
    someone_elses = tmp_path / ".notes.json.backup.tmp"
    someone_elses.write_text("not ours", encoding="utf-8")
    with files._replacing(tmp_path / "notes.json") as writing:  # a live writer of the same file holds its own
        writing.write(b"live")
        atomic_write(tmp_path / "notes.json", "{}")
        [held] = [name for name in os.listdir(tmp_path) if name.endswith(".tmp") and name != someone_elses.name]
        assert held != left.name and (tmp_path / "notes.json").read_text(encoding="utf-8") == "{}"
    assert (tmp_path / "notes.json").read_text(encoding="utf-8") == "live"
    assert sorted(os.listdir(tmp_path)) == [".notes.json.backup.tmp", "notes.json"]


@pytest.mark.parametrize(("umask", "file_mode", "folder_mode"), [(0o022, 0o644, 0o755), (0o002, 0o664, 0o775)])
def test_exported_files_get_the_permissions_the_umask_gives(tmp_path, umask, file_mode, folder_mode):
    notes = [make_notes(make_article(article_id=i)) for i in (1, 2)]
    before = os.umask(umask)
    try:
        written = [*export(notes, "md", tmp_path / "new" / "vault"), *export(notes, "csv", tmp_path / "h.csv"),
                   *export(notes, "json", tmp_path / "h.json")]
    finally:
        os.umask(before)
    assert len(written) == 4
    assert {oct(path.stat().st_mode & 0o777) for path in written} == {oct(file_mode)}
    for folder in (tmp_path / "new", tmp_path / "new" / "vault"):
        assert oct(folder.stat().st_mode & 0o777) == oct(folder_mode)
