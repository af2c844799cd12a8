"""The original files are kept with each article, compressed, once per content."""

from datetime import timedelta

import pytest

from reader.ingest import EXTRACTOR_VERSION, extract_file
from reader.model import Highlight, Original
from reader.store import Library
from reader.store.migrations import MIGRATIONS
from tests.store.test_library import make_article
from tests.store.test_reading_place import BODY, everything

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def library(tmp_path):
    lib = Library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


def saved_page(folder, name="page", marker="") -> object:
    """A "Web page, complete" save: ``page.html`` and its ``page_files/`` with one image."""
    (folder / f"{name}_files").mkdir(parents=True, exist_ok=True)
    (folder / f"{name}_files" / "photo.png").write_bytes(PNG)
    page = folder / f"{name}.html"
    page.write_text(
        "<html><head><title>Harbour notes</title></head><body><article><h1>Harbour notes</h1>"
        f"<p>The harbour festival opened on Saturday with boats from every village.{marker}</p>"
        f'<img src="{name}_files/photo.png"><p>Crowds stayed until the lanterns were lit at night.</p>'
        "</article></body></html>",
        encoding="utf-8",
    )
    return page


def test_an_import_keeps_the_page_and_the_images_it_took(library, tmp_path):
    page = saved_page(tmp_path)
    raw = page.read_bytes()
    article_id, _ = library.add(extract_file(page))
    page.unlink()
    original = library.original(article_id)
    assert original == Original("page.html", raw, {"page_files/photo.png": PNG})
    assert library.extractor_version(article_id) == EXTRACTOR_VERSION
    size, packed = library.originals_size()
    assert size == len(raw) + len(PNG) and 0 < packed < size


def test_the_same_file_imported_twice_stores_one_original(library, tmp_path):
    first, _ = library.add(extract_file(saved_page(tmp_path / "a")))
    again, duplicate = library.add(extract_file(saved_page(tmp_path / "a")))
    assert (again, duplicate) == (first, True)
    # Another page sharing the image: its own main file, the image once.
    other, _ = library.add(extract_file(saved_page(tmp_path / "b", marker=" More.")))
    assert other != first
    assert library.db.execute("SELECT count(*) FROM originals").fetchone()[0] == 3
    assert library.db.execute("SELECT count(*) FROM article_originals").fetchone()[0] == 4


def test_a_new_version_replaces_the_original_and_the_old_one_goes(library, tmp_path):
    article_id, _ = library.add(extract_file(saved_page(tmp_path / "a")))
    newer = saved_page(tmp_path / "b", marker=" Updated.")
    library.replace_text(article_id, extract_file(newer))
    assert library.original(article_id).data == newer.read_bytes()
    assert library.db.execute("SELECT count(*) FROM originals").fetchone()[0] == 2  # new page, shared image


def test_purging_an_article_lets_its_original_go(library, tmp_path):
    article_id, _ = library.add(extract_file(saved_page(tmp_path)))
    library.delete(article_id)
    library.purge_deleted(older_than=timedelta(0))
    assert library.db.execute("SELECT count(*) FROM originals").fetchone()[0] == 0


def test_an_article_from_before_originals_has_none_until_imported_again(library, tmp_path):
    page = saved_page(tmp_path)
    article = extract_file(page)
    kept = article.original
    article.original, article.extractor_version = None, 0
    article_id, _ = library.add(article)
    assert library.original(article_id) is None
    assert library.extractor_version(article_id) == 0
    article.original = kept
    assert library.add(article) == (article_id, True)
    assert library.original(article_id) == kept


def test_a_library_of_todays_schema_with_highlights_opens_and_loses_nothing(tmp_path):
    path = tmp_path / "old.sqlite3"
    old = Library(path)
    article_id, _ = old.add(make_article("安徽开发区", BODY, images={"img-1.png": b"\x89PNG"}))
    made = old.annotations.add(Highlight(article_id=article_id, start=5, end=9, exact="第一段,", note="注", tags=["要点"]))
    old.annotations.set_article_note(article_id, "文章笔记")
    old.set_position(article_id, 7, 0.5)
    # Exactly the schema before originals: version 4, none of their tables.
    for table in ("article_originals", "originals", "extraction"):
        old.db.execute(f"DROP TABLE {table}")
    old.db.execute(f"PRAGMA user_version = {len(MIGRATIONS) - 1}")
    before = everything(old)
    reading = old.db.execute("SELECT * FROM reading").fetchall()
    old.close()

    library = Library(path)
    assert library.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert everything(library) == before
    assert library.db.execute("SELECT * FROM reading").fetchall() == reading
    assert library.annotations.for_article(article_id) == [made]
    assert library.original(article_id) is None
    assert library.extractor_version(article_id) == 0
    library.close()
