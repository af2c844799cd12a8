"""Organising the library in the store: orders, reading states and the user's corrections."""

from __future__ import annotations

import pytest

from reader.model import Highlight
from reader.store import Library
from reader.store.migrations import MIGRATIONS
from tests.store.test_library import make_article


@pytest.fixture
def library(tmp_path):
    lib = Library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


def titles(summaries) -> list[str]:
    return [s.title for s in summaries]


ORGANISING = 6
"""The number of the migration that brought reading states and corrected fields."""


def test_every_order_both_ways_with_undated_and_unopened_pages_last(library):
    ids = {}
    for title, published, source in [("Beta", "2021-05-01", "B 报"), ("alpha", "", ""), ("Gamma", "2023-01-01", "a 报")]:
        ids[title] = library.add(make_article(title, f"{title} body.", published, source=source))[0]
    assert titles(library.summaries()) == ["Gamma", "Beta", "alpha"]
    assert titles(library.summaries("published", descending=False)) == ["Beta", "Gamma", "alpha"]
    assert titles(library.summaries("added")) == ["Gamma", "alpha", "Beta"]
    assert titles(library.summaries("added", descending=False)) == ["Beta", "alpha", "Gamma"]
    assert titles(library.summaries("title")) == ["alpha", "Beta", "Gamma"]
    assert titles(library.summaries("title", descending=True)) == ["Gamma", "Beta", "alpha"]
    assert titles(library.summaries("source")) == ["Gamma", "Beta", "alpha"]
    assert titles(library.summaries("title", key=lambda t: -ord(t[0].lower()))) == ["Gamma", "Beta", "alpha"]
    library.set_position(ids["Beta"], 0, 0.1)
    assert titles(library.summaries("opened")) == ["Beta", "Gamma", "alpha"]
    assert titles(library.search("body", "title")) == ["alpha", "Beta", "Gamma"]
    with pytest.raises(ValueError):
        library.summaries("colour")


def test_states_follow_the_reader_forward_and_the_hand_wins(library):
    article_id, _ = library.add(make_article("文章", "第一段。\n\n第二段。"))
    state = lambda: library.summaries()[0].state  # noqa: E731
    assert state() == "unread"
    library.set_position(article_id, 0, 0.3)
    assert state() == "unread"
    library.set_position(article_id, 5, 0.6)
    assert state() == "reading"
    assert [s.id for s in library.summaries(state="reading")] == [article_id]
    assert library.summaries(state="read") == []
    library.set_position(article_id, 8, 1.0)
    assert state() == "read"
    library.set_state(article_id, "unread")
    library.set_position(article_id, 8, 1.0)  # saved again on switching: still as the user said
    assert state() == "unread"
    library.set_state(article_id, "read")
    assert library.summaries(state="read")[0].id == article_id


def test_corrections_are_kept_by_a_reimport_and_undone_exactly(library):
    url = "https://example.com/news/1.html"
    article_id, _ = library.add(make_article("原标题", "第一段。", "2020-01-01", source="报", url=url, byline="甲"))
    before = library.edit(article_id, {"title": "新标题", "published": ""})
    assert before.title == "原标题" and before.user_fields == ()
    summary = library.summaries()[0]
    assert (summary.title, summary.published) == ("新标题", "")
    assert library.info(article_id).user_fields == ("title", "published")
    library.replace_text(article_id, make_article("原标题", "第一段。新的。", "2020-02-02", source="新报", url=url,
                                                  byline="乙"))
    info = library.info(article_id)
    assert (info.title, info.published, info.source, info.byline) == ("新标题", "", "新报", "乙")
    assert library.search("新标题")[0].id == article_id
    library.put_info(before)
    assert library.info(article_id) == before


def test_a_library_of_the_previous_schema_keeps_everything_and_gains_states(tmp_path):
    path = tmp_path / "old.sqlite3"
    old = Library(path)
    read_id, _ = old.add(make_article("读完", "第一段。"))
    begun_id, _ = old.add(make_article("读了一半", "第二段。"))
    made = old.annotations.add(Highlight(article_id=read_id, start=0, end=3, exact="第一段", note="注", tags=["要点"]))
    old.set_position(read_id, 2, 1.0)
    old.set_position(begun_id, 2, 0.5)
    old.db.execute("ALTER TABLE reading DROP COLUMN state")
    old.db.execute("DROP INDEX articles_user_titled")
    old.db.execute("ALTER TABLE articles DROP COLUMN user_fields")
    for table in ("article_originals", "originals", "extraction"):  # what came after organising
        old.db.execute(f"DROP TABLE {table}")
    old.db.execute(f"PRAGMA user_version = {ORGANISING - 1}")
    tables = ["articles", "highlights", "tags", "highlight_tags", "reading"]
    before = {t: old.db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}
    old.close()

    library = Library(path)
    assert library.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    after = {t: library.db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}
    for grown in ("articles", "reading"):  # each gained one column at its end
        after[grown] = [row[:-1] for row in after[grown]]
    assert after == before
    assert library.annotations.for_article(read_id) == [made]
    assert {s.id: s.state for s in library.summaries()} == {read_id: "read", begun_id: "reading"}
    assert library.info(read_id).user_fields == ()
    library.close()


def test_a_new_version_of_a_page_whose_title_was_corrected_replaces_it(library):
    url = "https://example.com/news/2.html"
    article_id, _ = library.add(make_article("原标题", "第一段。", source="报", url=url))
    library.edit(article_id, {"title": "我的标题"})
    again, duplicate = library.add(make_article("原标题", "第一段。第二段。", source="新报", url=url))
    assert (again, duplicate) == (article_id, False)
    assert (library.info(article_id).title, library.info(article_id).source) == ("我的标题", "新报")
    assert library.count() == 1
    plan = " ".join(str(row) for row in library.db.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE user_fields LIKE '%\"title\"%'"))
    assert "articles_user_titled" in plan
