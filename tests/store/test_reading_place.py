"""Where the reader left each article: kept in the library, next to the article."""

from datetime import timedelta

import pytest

from reader.model import Highlight
from reader.store import Library
from reader.store.migrations import MIGRATIONS
from tests.store.test_library import make_article

BODY = "## 会议盛况\n\n第一段,安徽开发区协会。\n\n## 第二节\n\n第二段 with English words."


@pytest.fixture
def library(tmp_path):
    lib = Library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


def everything(library: Library) -> dict[str, list[tuple]]:
    """Every row of every table the schema before reading places had, in the columns it had."""
    tables = ["articles", "article_images", "highlights", "tags", "highlight_tags", "article_tags", "article_notes"]
    return {t: library.db.execute(f"SELECT {_columns(t)} FROM {t} ORDER BY rowid").fetchall() for t in tables}


def _columns(table: str) -> str:
    """The columns schema 3 gave a table (later migrations add to ``articles`` only)."""
    return OLD_ARTICLE_COLUMNS if table == "articles" else "*"


OLD_ARTICLE_COLUMNS = ("id, title, byline, source, published, url, language, format, encoding, path, sections, "
                       "content_hash, added, deleted_at, markdown, text, html")


def test_a_library_of_the_previous_schema_keeps_everything_and_gains_places(tmp_path):
    path = tmp_path / "old.sqlite3"
    old = Library(path)
    article_id, _ = old.add(make_article("安徽开发区", BODY, images={"img-1.png": b"\x89PNG"}))
    made = old.annotations.add(Highlight(article_id=article_id, start=5, end=9, exact="第一段,", note="注", tags=["要点"]))
    old.annotations.set_article_note(article_id, "文章笔记")
    old.annotations.set_article_tags(article_id, ["安徽"])
    # Exactly the schema Reader had before this migration: version 3, no reading table (nor later ones).
    for table in ("reading", "article_originals", "originals", "extraction"):
        old.db.execute(f"DROP TABLE {table}")
    old.db.execute("DROP INDEX articles_user_titled")
    old.db.execute("ALTER TABLE articles DROP COLUMN user_fields")
    old.db.execute("ALTER TABLE articles DROP COLUMN render_version")
    old.db.execute("PRAGMA user_version = 3")
    before = everything(old)
    old.close()

    library = Library(path)
    assert library.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert everything(library) == before
    assert library.annotations.for_article(article_id) == [made]
    stored = library.get(article_id)
    assert (stored.position, stored.progress, stored.opened) == (0, 0.0, None)
    assert library.summaries()[0].progress == 0.0
    library.set_position(article_id, 7, 0.5)
    assert library.get(article_id).position == 7
    library.close()


def test_a_place_comes_back_with_the_article_and_in_the_list(library):
    article_id, _ = library.add(make_article("安徽开发区", BODY))
    other, _ = library.add(make_article("Other", "Just text."))
    library.set_position(article_id, 12, 0.45)
    stored = library.get(article_id)
    assert (stored.position, stored.progress) == (12, 0.45)
    assert stored.opened is not None and stored.opened.startswith("20")
    progress = {s.id: (s.progress, s.opened is not None) for s in library.summaries()}
    assert progress == {article_id: (0.45, True), other: (0.0, False)}
    assert library.search("第二段")[0].progress == 0.45
    library.set_position(article_id, 30, 1.0)
    assert (library.get(article_id).position, library.get(article_id).progress) == (30, 1.0)


def test_nonsense_places_are_kept_in_range_and_a_purged_article_takes_its_place_along(library):
    article_id, _ = library.add(make_article("安徽开发区", BODY))
    library.set_position(article_id, -4, 1.7)
    assert (library.get(article_id).position, library.get(article_id).progress) == (0, 1.0)
    library.set_position(9999, 3, 0.2)  # no such article: nothing written, nothing raised
    library.delete(article_id)
    assert library.purge_deleted(older_than=timedelta(0)) == 1
    assert library.db.execute("SELECT count(*) FROM reading").fetchone()[0] == 0
