"""The render version: libraries of the previous schema keep everything; a newer renderer renders
stored articles again when they are opened, their highlights re-anchored in the same transaction."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

import reader.rerender
from reader.annotate import new_highlight
from reader.render import RENDER_VERSION, render_markdown
from reader.rerender import current_article
from reader.store import Library
from reader.store.migrations import MIGRATIONS, migrate

BODY = "## 会议盛况\n\n安徽省开发区协会第二届第二次理事会在合肥召开。\n\nThe river cleanup found the water cleaner."
OLD_BODY = "旧的文章,导入时还没有存下 HTML。\n\nAn older article."
TABLES = ["articles", "highlights", "tags", "highlight_tags", "article_tags", "article_notes", "article_images"]


LATER_COLUMNS = {"render_version", "user_fields"}
"""Columns that migrations after schema 3 add to its tables."""


def _rows(db: Database) -> dict[str, list[tuple]]:
    """Every row of every table, the columns schema 3 had."""
    rows = {}
    for table in TABLES:
        columns = [c for c in db[table].columns_dict if c not in LATER_COLUMNS]
        quoted = ", ".join(f'"{column}"' for column in columns)
        rows[table] = db.execute(f"SELECT {quoted} FROM {table} ORDER BY rowid").fetchall()
    return rows


def _schema_3_library(path) -> dict[str, list[tuple]]:
    """A library as today's Reader (schema 3) leaves it: two articles, highlights, tags, notes, an image."""
    db = Database(path)
    migrate(db, MIGRATIONS[:3])
    new, old = render_markdown(BODY), render_markdown(OLD_BODY)
    with db.atomic():
        db.execute(
            "INSERT INTO articles (title, content_hash, added, markdown, text, sections, html)"
            " VALUES ('新', 'h1', '2026-12-01', ?, ?, '[{\"title\": \"会议盛况\", \"level\": 2, \"anchor\": \"会议盛况\"}]', ?)",
            [BODY, new.text, new.html],
        )
        db.execute("INSERT INTO articles (title, content_hash, added, markdown, text) VALUES ('旧', 'h2', '2020', ?, ?)",
                   [OLD_BODY, old.text])
        for article_id, text, passage in [(1, new.text, "第二届第二次理事会"), (1, new.text, "river"), (2, old.text, "older")]:
            start = text.index(passage)
            db.execute(
                'INSERT INTO highlights (article_id, start, "end", exact, note, section_path, created, modified)'
                " VALUES (?, ?, ?, ?, 'a **note**', '[\"会议盛况\"]', '2026-12-02', '2026-12-02')",
                [article_id, start, start + len(passage), passage],
            )
        db.execute("INSERT INTO tags (name, key) VALUES ('会议', '会议')")
        db.execute("INSERT INTO highlight_tags VALUES (1, 1)")
        db.execute("INSERT INTO article_tags VALUES (2, 1)")
        db.execute("INSERT INTO article_notes VALUES (1, '文章笔记', '2026-12-03')")
        db.execute("INSERT INTO article_images VALUES (1, 'img-1.png', x'89504e47')")
    rows = _rows(db)
    db.close()
    return rows


def test_a_schema_3_library_keeps_every_row_and_learns_its_render_versions(tmp_path):
    path = tmp_path / "library.sqlite3"
    before = _schema_3_library(path)
    library = Library(path)
    assert _rows(library.db) == before
    assert library.get(1).article.render_version == 1  # rendered at import by today's renderer
    assert library.get(2).article.render_version == 0  # stored before its HTML was: rendered on open
    opened = current_article(library, 2)
    assert opened.article.html == render_markdown(OLD_BODY).html and opened.article.render_version == RENDER_VERSION
    assert library.get(2).article == opened.article
    after = _rows(library.db)
    assert after["highlights"] == before["highlights"] and after["article_images"] == before["article_images"]
    assert current_article(library, 1) == library.get(1)  # already current: nothing to do
    library.close()


@pytest.fixture
def library(tmp_path):
    library = Library(tmp_path / "library.sqlite3")
    rendered = render_markdown(BODY)
    from reader.model import Article

    library.add(Article(title="新", markdown=BODY, text=rendered.text, html=rendered.html,
                        sections=list(rendered.sections), render_version=RENDER_VERSION))
    stored = library.get(1)
    start = stored.article.text.index("river")
    library.annotations.add(new_highlight(stored, start, start + 5, note="水"))
    yield library
    library.close()


def _newer_renderer(monkeypatch) -> None:
    """A renderer, version RENDER_VERSION + 1, that puts a paragraph before every article."""
    monkeypatch.setattr(reader.rerender, "RENDER_VERSION", RENDER_VERSION + 1)
    monkeypatch.setattr(reader.rerender, "render_markdown", lambda markdown: render_markdown("新的一段。\n\n" + markdown))


def test_a_newer_renderer_renders_on_open_and_the_highlights_follow(library, monkeypatch):
    _newer_renderer(monkeypatch)
    opened = current_article(library, 1)
    assert opened.article.text.startswith("新的一段。\n") and opened.article.render_version == RENDER_VERSION + 1
    assert library.get(1).article == opened.article
    [moved] = library.annotations.for_article(1)
    assert opened.article.text[moved.start:moved.end] == "river" and moved.note == "水"
    assert library.get(1).content_hash == opened.content_hash


def test_the_new_text_and_the_re_anchored_highlights_are_one_transaction(library, monkeypatch):
    _newer_renderer(monkeypatch)
    before, highlights = library.get(1), library.annotations.for_article(1)

    def fail(*args):
        raise RuntimeError("re-anchoring failed")

    monkeypatch.setattr(library.annotations, "_reanchor_article", fail)
    with pytest.raises(RuntimeError):
        current_article(library, 1)
    assert library.get(1) == before and library.annotations.for_article(1) == highlights
