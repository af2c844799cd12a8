import sqlite3
import threading
from datetime import timedelta

import pytest

from reader.model import Article
from reader.render import render_markdown
from reader.store import Library, LibraryError
from reader.store.migrations import MIGRATIONS


def make_article(title: str, body: str, published: str = "", **fields) -> Article:
    rendered = render_markdown(body)
    return Article(
        title=title, markdown=body, text=rendered.text, sections=rendered.sections, published=published, **fields
    )


@pytest.fixture
def library(tmp_path):
    lib = Library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


def test_an_added_article_comes_back_whole(library):
    article = make_article(
        "安徽开发区", "## 会议盛况\n\n第一段。\n\n### 小节\n\n第二段。", "2020-06-01T00:35:00+08:00",
        source="市场星报", url="https://www.yybnet.net/", images={"img-1.png": b"\x89PNG..."},
    )
    article_id, duplicate = library.add(article)
    assert not duplicate
    stored = library.get(article_id)
    assert stored.article.title == "安徽开发区"
    assert stored.article.source == "市场星报"
    assert [(s.title, s.level) for s in stored.article.sections] == [("会议盛况", 2), ("小节", 3)]
    assert stored.article.text == "会议盛况\n第一段。\n小节\n第二段。"
    assert library.image(article_id, "img-1.png") == b"\x89PNG..."
    assert library.image(article_id, "other.png") is None


def test_the_same_content_is_not_stored_twice(library):
    first, _ = library.add(make_article("A", "body"))
    second, duplicate = library.add(make_article("A", "body"))
    assert duplicate and second == first
    assert library.count() == 1


def test_summaries_are_newest_first(library):
    library.add(make_article("old", "one", "2019-01-01"))
    library.add(make_article("new", "two", "2021-05-05T10:00:00+08:00"))
    library.add(make_article("middle", "three", "2020-06-01"))
    assert [s.title for s in library.summaries()] == ["new", "middle", "old"]


def test_delete_and_restore(library):
    article_id, _ = library.add(make_article("gone", "text"))
    library.delete(article_id)
    assert library.get(article_id) is None and library.count() == 0
    assert library.restore(article_id) == article_id
    assert library.get(article_id).article.title == "gone"


def test_reimporting_a_deleted_article_brings_the_same_one_back(library):
    article_id, _ = library.add(make_article("again", "text"))
    library.delete(article_id)
    new_id, duplicate = library.add(make_article("again", "text"))
    assert (new_id, duplicate) == (article_id, False)
    assert library.count() == 1
    assert library.restore(article_id) == article_id
    assert library.count() == 1


def test_closing_does_not_purge_what_another_window_could_still_undo(library):
    """A deletion stays undoable (by any process holding the library) until it is 30 days old."""
    recent, _ = library.add(make_article("deleted just now", "text"))
    old, _ = library.add(make_article("deleted long ago", "more text"))
    library.delete(recent)
    library.delete(old)
    library.db.execute("UPDATE articles SET deleted_at = '2020-01-01T00:00:00+00:00' WHERE id = ?", [old])
    assert library.purge_deleted() == 1
    assert library.restore(recent) == recent
    assert library.restore(old) is None


def test_purged_articles_cannot_be_restored(library):
    article_id, _ = library.add(make_article("purged", "text"))
    library.delete(article_id)
    assert library.purge_deleted(older_than=timedelta(0)) == 1
    assert library.restore(article_id) is None


def test_search_finds_chinese_words_without_a_segmenter(library):
    library.add(make_article("开发区协会", "安徽省开发区协会第二届第二次理事会在合肥召开"))
    library.add(make_article("English", "Nothing about that here"))
    assert [s.title for s in library.search("理事会")] == ["开发区协会"]
    assert [s.title for s in library.search("合肥")] == ["开发区协会"]
    assert [s.title for s in library.search("about that")] == ["English"]
    assert library.search("不存在的词") == []


def test_a_failed_add_leaves_no_rows(library, monkeypatch):
    article = make_article("broken", "text", images={"a.png": b"1"})
    article.images = {"a.png": b"1", "b.png": object()}  # the second insert fails mid-transaction
    with pytest.raises(Exception):
        library.add(article)
    assert library.count() == 0
    assert library.db.execute("SELECT count(*) FROM article_images").fetchone()[0] == 0


def test_schema_is_versioned_and_settings_are_safe(tmp_path):
    path = tmp_path / "lib.sqlite3"
    Library(path).close()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()
    lib = Library(path)
    assert lib.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert lib.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    lib.close()


def test_a_library_from_a_newer_reader_is_refused_untouched(tmp_path):
    path = tmp_path / "future.sqlite3"
    Library(path).close()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = DELETE")  # a newer Reader may keep its file otherwise
    connection.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="nothing in it was changed"):
        Library(path)
    assert path.read_bytes() == before
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) + 5


def test_a_file_that_is_not_a_library_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"this is a text file, not a database" * 100)
    with pytest.raises(LibraryError, match="cannot be opened"):
        Library(path)


def test_a_failing_migration_leaves_the_old_schema(tmp_path):
    path = tmp_path / "lib.sqlite3"
    Library(path).close()
    from sqlite_utils import Database
    from reader.store.migrations import migrate

    db = Database(path)
    broken = MIGRATIONS + [["CREATE TABLE extra (x)", "THIS IS NOT SQL"]]
    with pytest.raises(LibraryError, match="could not be upgraded"):
        migrate(db, broken)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert "extra" not in db.table_names()


def test_two_connections_can_write_in_turn(tmp_path):
    path = tmp_path / "lib.sqlite3"
    main = Library(path)
    errors = []

    def worker():
        try:
            other = Library(path)
            for n in range(30):
                other.add(make_article(f"worker {n}", f"text {n}"))
            other.close()
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    thread = threading.Thread(target=worker)
    thread.start()
    for n in range(30):
        main.add(make_article(f"main {n}", f"body {n}"))
    thread.join()
    assert not errors
    assert main.count() == 60
    main.close()
