import os
import time
from pathlib import Path

import pytest

from reader.importing import import_files, plan_import, tally
from reader.store import Library


def test_plan_walks_folders_for_pages_only(tmp_path, pages):
    folder = tmp_path / "saved"
    (folder / "page_files").mkdir(parents=True)
    (folder / "page.html").write_text("<p>x</p>", encoding="utf-8")
    (folder / "page_files" / "inner.html").write_text("<p>frame</p>", encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8")
    (folder / ".hidden.txt").write_text("x", encoding="utf-8")
    plan = plan_import([folder, pages / "quiet-hours.md", folder / "page.html"])
    assert plan.files == [folder / "page.html", pages / "quiet-hours.md"]
    assert plan.skipped == 2


def test_a_pool_of_processes_imports_the_same_as_one(tmp_path, pages):
    source = (pages / "library-week.txt").read_text(encoding="utf-8")
    files = []
    for n in range(24):
        path = tmp_path / f"page-{n}.txt"
        path.write_text(source.replace("第三届", f"第{n}届"), encoding="utf-8")
        files.append(path)
    files.append(tmp_path / "missing.txt")
    library = Library(tmp_path / "lib.sqlite3")
    outcomes = list(import_files(library, files, processes=2))
    assert [Path(o.path) for o in outcomes] == files
    assert [o.status for o in outcomes] == ["imported"] * 24 + ["failed"]
    assert library.count() == 24
    library.close()


def _pages_with_a_crash(folder: Path, pages: Path, count: int, crash: int) -> list[Path]:
    """``count`` distinct Markdown pages; the one at ``crash`` kills the worker that reads it."""
    source = (pages / "quiet-hours.md").read_text(encoding="utf-8")
    files = []
    for n in range(count):
        path = folder / (f"crash-{n}.md" if n == crash else f"page-{n}.md")
        path.write_text(source.replace("quiet hour", f"quiet hour {n}"), encoding="utf-8")
        files.append(path)
    return files


def test_a_page_that_kills_its_worker_fails_alone(tmp_path, pages):
    from reader.importing import extract_all
    from tests.crashing_extractor import extract_or_die

    files = _pages_with_a_crash(tmp_path, pages, 30, crash=7)
    results = list(extract_all(files, processes=2, extract=extract_or_die))
    assert [path for path, _ in results] == files
    failed = [path.name for path, result in results if isinstance(result, str)]
    assert failed == ["crash-7.md"]
    assert "crashed" in results[7][1]


def test_a_worker_dying_while_the_caller_is_busy_does_not_stop_the_import(tmp_path, pages):
    """The pool breaks between results, so the next submit() is the call that finds out."""
    from reader.importing import extract_all
    from tests.crashing_extractor import extract_or_die

    files = _pages_with_a_crash(tmp_path, pages, 20, crash=3)
    results = []
    for path, result in extract_all(files, processes=2, extract=extract_or_die):
        if not results:
            time.sleep(3)
        results.append((path, result))
    assert [path for path, _ in results] == files
    assert [path.name for path, result in results if isinstance(result, str)] == ["crash-3.md"]


def test_an_imported_page_keeps_its_rendering(tmp_path, pages):
    library = Library(tmp_path / "lib.sqlite3")
    [outcome] = import_files(library, [pages / "library-week.txt"], processes=1)
    stored = library.get(outcome.article_id)
    assert '<h2 id="活动安排二十余项活动覆盖全市">' in stored.article.html
    library.close()


def test_special_files_in_a_folder_are_skipped_and_counted(tmp_path, pages):
    """A FIFO named like a page blocked the import forever; a symlink to /dev/zero filled memory."""
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "page.md").write_text((pages / "quiet-hours.md").read_text(encoding="utf-8"), encoding="utf-8")
    os.mkfifo(folder / "x.html")
    (folder / "zero.html").symlink_to("/dev/zero")
    plan = plan_import([folder])
    assert plan.files == [folder / "page.md"]
    assert plan.skipped == 2
    assert plan.remarks() == ["2 other files skipped"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root opens every folder")
def test_a_folder_that_cannot_be_opened_is_counted_and_said(tmp_path, pages):
    locked = tmp_path / "saved" / "locked"
    locked.mkdir(parents=True)
    (locked / "page.md").write_text("# A page\n\nSome words.", encoding="utf-8")
    locked.chmod(0)
    try:
        plan = plan_import([tmp_path / "saved"])
    finally:
        locked.chmod(0o700)
    assert plan.files == []
    assert plan.remarks() == ["1 folder could not be opened"]


def test_the_tally_sentence_is_one_sentence_for_the_window_and_the_command_line():
    assert tally(3, 1, 0) == "3 imported, 1 already in the library, 0 failed"
    assert (tally(1, 0, 2, ["2 other files skipped", "1 folder could not be opened"], cancelled=True)
            == "1 imported, 0 already in the library, 2 failed, 2 other files skipped, 1 folder could not be opened"
               " — cancelled")
