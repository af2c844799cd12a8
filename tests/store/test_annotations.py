"""Highlights, notes and tags in the library: one transaction per action, nothing lost, nothing deleted behind the user's back."""

import dataclasses
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from reader.annotate import new_highlight
from reader.model import Article, Highlight
from reader.render import render_markdown
from reader.store import Library, LibraryError
from reader.store.library import page_key
from reader.store.migrations import MIGRATIONS, migrate

ROOT = Path(__file__).resolve().parents[2]

BODY = """## 会议盛况

安徽省开发区协会第二届第二次理事会在合肥召开。会议总结了过去一年的工作。

## English part

The river cleanup found the water cleaner than in any year since records began.

Volunteers will return in spring to survey the wetland birds.
"""


def make_article(title: str, body: str, url: str = "", **fields) -> Article:
    rendered = render_markdown(body)
    return Article(title=title, markdown=body, text=rendered.text, sections=rendered.sections, url=url, **fields)


@pytest.fixture
def library(tmp_path):
    lib = Library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


def highlight(library: Library, article_id: int, passage: str, **fields) -> Highlight:
    stored = library.get(article_id)
    start = stored.article.text.index(passage)
    return library.annotations.add(new_highlight(stored, start, start + len(passage), **fields))


@pytest.fixture
def article_id(library):
    article_id, _ = library.add(make_article("安徽开发区", BODY, url="https://news.example.cn/2020/0601/a.html"))
    return article_id


def test_a_highlight_comes_back_whole(library, article_id):
    made = highlight(library, article_id, "第二届第二次理事会", color="green", note="**重要**\n第二行", tags=["会议", "Anhui"])
    assert made.id is not None and made.created and made.modified == made.created
    got = library.annotations.get(made.id)
    assert got == made
    assert got.exact == "第二届第二次理事会" and got.section_path == ["会议盛况"]
    assert got.prefix.endswith("安徽省开发区协会") and got.suffix.startswith("在合肥召开")
    assert got.content_hash == library.get(article_id).content_hash
    assert got.tags == ["会议", "Anhui"] and got.state == Highlight.ANCHORED
    assert library.annotations.get(10_000) is None


def test_for_article_is_in_reading_order_with_orphans_last(library, article_id):
    later = highlight(library, article_id, "wetland birds")
    earlier = highlight(library, article_id, "river cleanup")
    orphan = library.annotations.add(
        Highlight(article_id=article_id, start=0, end=4, exact="gone", state=Highlight.ORPHANED)
    )
    assert [h.id for h in library.annotations.for_article(article_id)] == [earlier.id, later.id, orphan.id]


def test_update_changes_what_the_user_changed(library, article_id):
    made = highlight(library, article_id, "river cleanup", tags=["a", "b"])
    changed = library.annotations.update(dataclasses.replace(made, color="blue", style="underline", note="n", tags=["b", "c"]))
    got = library.annotations.get(made.id)
    assert got == changed
    assert (got.color, got.style, got.note, got.tags) == ("blue", "underline", "n", ["b", "c"])
    assert got.created == made.created and got.modified >= made.modified
    assert library.annotations.all_tags() == ["b", "c"]  # "a" is no longer used anywhere
    with pytest.raises(ValueError):
        library.annotations.update(dataclasses.replace(made, color="octarine"))
    with pytest.raises(KeyError):
        library.annotations.update(dataclasses.replace(made, id=999))


def test_delete_returns_the_highlight_and_undo_puts_it_back_under_its_id(library, article_id):
    made = highlight(library, article_id, "wetland birds", note="note", tags=["birds"])
    deleted = library.annotations.delete(made.id)
    assert deleted == made
    assert library.annotations.get(made.id) is None and library.annotations.all_tags() == []
    assert library.annotations.delete(made.id) is None
    again = library.annotations.add(deleted)
    assert again == made and library.annotations.get(made.id) == made
    with pytest.raises(KeyError):
        library.annotations.add(deleted)  # the id is taken


def test_bad_highlights_are_refused(library, article_id):
    with pytest.raises(ValueError):
        library.annotations.add(Highlight(article_id=article_id, start=0, end=1, exact="x", color="black"))
    with pytest.raises(ValueError):
        library.annotations.add(Highlight(article_id=article_id, start=0, end=0, exact=""))
    with pytest.raises(KeyError):
        library.annotations.add(Highlight(article_id=12345, start=0, end=1, exact="x"))
    assert library.annotations.for_article(article_id) == []


def test_search_quotes_and_notes_in_chinese_and_english(library, article_id):
    other, _ = library.add(make_article("Other", "Nothing about meetings here, only river notes."))
    meeting = highlight(library, article_id, "第二届第二次理事会", color="green", tags=["会议"])
    river = highlight(library, article_id, "river cleanup", note="看看合肥的数据 and the Survey", tags=["Water"])
    birds = highlight(library, other, "river notes", color="pink")
    search = library.annotations.search
    ids = lambda found: {h.id for h in found}  # noqa: E731
    assert ids(search("理事会")) == {meeting.id}          # trigram index, quote
    assert ids(search("合肥")) == {river.id}              # two characters: scanned, note
    assert ids(search("survey")) == {river.id}            # letter case does not matter
    assert ids(search("RIVER")) == {river.id, birds.id}
    assert ids(search("river 合肥")) == {river.id}        # every word must match
    assert ids(search("不存在")) == set()
    assert ids(search(color="green")) == {meeting.id}
    assert ids(search(tag="water")) == {river.id}         # tags match case-insensitively
    assert ids(search("river", color="pink")) == {birds.id}
    assert ids(search(has_note=True)) == {river.id}
    assert ids(search(has_note=False)) == {meeting.id, birds.id}
    assert ids(search(article_id=other)) == {birds.id}
    assert [h.id for h in search()] == [birds.id, river.id, meeting.id]  # newest first


def test_search_follows_edits_and_skips_deleted_articles(library, article_id):
    made = highlight(library, article_id, "wetland birds", note="first thoughts")
    library.annotations.update(dataclasses.replace(made, note="second opinion"))
    assert library.annotations.search("thoughts") == []
    assert [h.id for h in library.annotations.search("opinion")] == [made.id]
    library.delete(article_id)
    assert library.annotations.search("opinion") == []
    library.restore(article_id)
    assert [h.id for h in library.annotations.search("opinion")] == [made.id]


def test_search_by_date(library, article_id):
    old = highlight(library, article_id, "river cleanup")
    library.db.execute("BEGIN")
    library.db.execute("UPDATE highlights SET created = '2020-01-15T10:00:00+00:00' WHERE id = ?", [old.id])
    library.db.execute("COMMIT")
    new = highlight(library, article_id, "wetland birds")
    today = datetime.now(timezone.utc).date()
    ids = lambda found: [h.id for h in found]  # noqa: E731
    assert ids(library.annotations.search(since=today)) == [new.id]
    assert ids(library.annotations.search(until="2020-01-15")) == [old.id]  # a day includes all of it
    assert ids(library.annotations.search(since=date(2020, 1, 1), until=date(2020, 1, 31))) == [old.id]
    assert ids(library.annotations.search(until=datetime(2020, 1, 15, 9, 0, tzinfo=timezone.utc))) == []
    assert ids(library.annotations.search(since="2019-12-31", until=today + timedelta(days=1))) == [new.id, old.id]


def test_tags_complete_case_insensitively_and_keep_the_first_spelling(library, article_id):
    highlight(library, article_id, "river cleanup", tags=["Python", " reading  list ", "python", ""])
    second = highlight(library, article_id, "wetland birds", tags=["PYTHON", "Été"])
    assert second.tags == ["Python", "Été"]
    assert library.annotations.set_article_tags(article_id, ["été", "历史", "历史"]) == ["Été", "历史"]
    assert library.annotations.article_tags(article_id) == ["Été", "历史"]
    assert library.annotations.all_tags() == ["Python", "reading list", "Été", "历史"]
    library.annotations.set_article_tags(article_id, [])
    assert library.annotations.article_tags(article_id) == []
    assert "历史" not in library.annotations.all_tags() and "Été" in library.annotations.all_tags()


def test_article_note(library, article_id):
    assert library.annotations.article_note(article_id) == ""
    library.annotations.set_article_note(article_id, "# Summary\n\n- point one\n- 第二点")
    assert library.annotations.article_note(article_id) == "# Summary\n\n- point one\n- 第二点"
    library.annotations.set_article_note(article_id, "  ")
    assert library.annotations.article_note(article_id) == ""


def test_article_notes_are_found_by_words_and_tags_and_not_on_deleted_articles(library, article_id):
    other, _ = library.add(make_article("Other", "Another article about rivers."))
    notes = library.annotations
    notes.set_article_note(article_id, "开发区的**投资**数据值得跟进")
    notes.set_article_tags(article_id, ["经济"])
    notes.set_article_note(other, "Check the River figures")
    assert [n.article_id for n in notes.search_article_notes()] == [other, article_id]
    [found] = notes.search_article_notes("投资")
    assert (found.article_id, found.tags) == (article_id, ("经济",))
    assert [n.article_id for n in notes.search_article_notes("river figures")] == [other]
    assert [n.article_id for n in notes.search_article_notes(tag="经济")] == [article_id]
    assert notes.search_article_notes("投资 river") == []
    library.delete(other)
    assert [n.article_id for n in notes.search_article_notes()] == [article_id]


def test_deleting_an_article_keeps_its_annotations_until_the_user_empties_the_bin(library, article_id):
    made = highlight(library, article_id, "river cleanup", tags=["keep"])
    library.annotations.set_article_note(article_id, "article note")
    library.annotations.set_article_tags(article_id, ["keep"])
    library.delete(article_id)
    assert library.annotations.get(made.id) == made
    assert library.annotations.article_note(article_id) == "article note"
    library.restore(article_id)
    assert library.annotations.for_article(article_id) == [made]
    library.delete(article_id)
    library.purge_deleted(older_than=timedelta(0))  # the user's deletion made final: now everything of it goes
    assert library.annotations.get(made.id) is None
    assert library.annotations.article_note(article_id) == ""
    assert library.db.execute("SELECT count(*) FROM highlight_tags").fetchone()[0] == 0


# re-importing


def test_reimporting_the_same_article_reanchors_its_highlights(library, article_id):
    kept = highlight(library, article_id, "water cleaner than in any year", note="kept")
    edited = highlight(library, article_id, "Volunteers will return in spring to survey the wetland birds.")
    dropped = highlight(library, article_id, "会议总结了过去一年的工作。")
    new_body = BODY.replace("## 会议盛况", "## 会议盛况\n\n新增的一段导语。").replace(
        "会议总结了过去一年的工作。", ""
    ).replace("survey the wetland birds", "survey all the wetland birds")
    same_id, duplicate = library.add(make_article("安徽开发区", new_body, url="http://www.news.example.cn/2020/0601/a.html/"))
    assert (same_id, duplicate) == (article_id, False)
    assert library.count() == 1
    text = library.get(article_id).article.text
    assert "新增的一段导语" in text
    by_id = {h.id: h for h in library.annotations.for_article(article_id)}
    assert by_id[kept.id].state == Highlight.MOVED and by_id[kept.id].note == "kept"
    assert text[by_id[kept.id].start : by_id[kept.id].end] == "water cleaner than in any year"
    assert by_id[edited.id].state == Highlight.MOVED
    assert text[by_id[edited.id].start : by_id[edited.id].end] == by_id[edited.id].exact
    assert "survey all the wetland birds" in by_id[edited.id].exact
    assert by_id[dropped.id].state == Highlight.ORPHANED and by_id[dropped.id].exact == "会议总结了过去一年的工作。"
    assert by_id[kept.id].content_hash == library.get(article_id).content_hash != kept.content_hash
    assert by_id[dropped.id].content_hash == dropped.content_hash
    assert list(by_id)[-1] == dropped.id  # orphans last


def test_a_site_home_address_never_makes_two_pages_the_same(library):
    for url in ("https://www.yybnet.net/", "https://www.yybnet.net", "https://www.yybnet.net/index.html", ""):
        first, _ = library.add(make_article("安徽新闻", f"第一篇 {url}", url=url))
        second, duplicate = library.add(make_article("安徽新闻", f"第二篇 {url}", url=url))
        assert first != second and not duplicate, url


def test_a_different_title_or_page_is_a_different_article(library):
    first, _ = library.add(make_article("A", "one", url="https://example.com/news/1.html"))
    assert library.add(make_article("B", "two", url="https://example.com/news/1.html"))[0] != first
    assert library.add(make_article("A", "three", url="https://example.com/news/2.html"))[0] != first
    assert library.add(make_article("A", "one", url="https://example.com/news/1.html")) == (first, True)


def test_page_keys():
    assert page_key("https://www.Example.com/a/b/?x=1#top") == page_key("http://example.com:80/a/b?x=1")
    assert page_key("https://example.com/?p=123") is not None
    for shared in ("https://www.yybnet.net/", "http://x.org", "https://x.org/index.php", "file:///tmp/a.html", "nonsense"):
        assert page_key(shared) is None, shared


def test_replace_text_returns_the_highlights_and_refuses_another_articles_text(library, article_id):
    made = highlight(library, article_id, "wetland birds")
    other, _ = library.add(make_article("Other", "Other body"))
    result = library.replace_text(article_id, make_article("安徽开发区", "Intro.\n\n" + BODY))
    assert [h.id for h in result] == [made.id] and result[0].state == Highlight.MOVED
    before = library.get(article_id)
    with pytest.raises(LibraryError, match="already in the library"):
        library.replace_text(article_id, make_article("Other", "Other body"))
    assert library.get(article_id) == before
    assert library.annotations.for_article(article_id) == result
    with pytest.raises(KeyError):
        library.replace_text(999, make_article("x", "y"))
    assert library.get(other).article.title == "Other"


def test_a_failed_reanchoring_changes_nothing(library, article_id, monkeypatch):
    made = highlight(library, article_id, "wetland birds")
    before = library.get(article_id)
    import reader.store.annotations as annotations

    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(annotations, "reanchor_all", broken)
    with pytest.raises(RuntimeError):
        library.replace_text(article_id, make_article("安徽开发区", "Intro.\n\n" + BODY))
    assert library.get(article_id) == before
    assert library.annotations.for_article(article_id) == [made]


def test_a_version_1_library_is_upgraded_with_its_articles(tmp_path):
    path = tmp_path / "old.sqlite3"
    from sqlite_utils import Database

    db = Database(path)
    migrate(db, MIGRATIONS[:1])
    with db.atomic():
        db.execute(
            "INSERT INTO articles (title, content_hash, added, markdown, text) VALUES ('Old', 'h', '2020', 'm', 'Old text')"
        )
    db.close()
    library = Library(path)
    assert library.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert library.get(1).article.text == "Old text"
    assert library.get(1).article.html == ""  # rendered when shown
    assert library.annotations.add(Highlight(article_id=1, start=0, end=3, exact="Old")).id == 1
    library.close()


# durability

CHILD = textwrap.dedent(
    """
    import dataclasses, os, signal, sys
    from reader.model import Highlight
    from reader.store import Library

    library = Library(sys.argv[1])
    action, article_id = sys.argv[2], int(sys.argv[3])
    notes = library.annotations
    if action == "add":
        notes.add(Highlight(article_id=article_id, start=0, end=4, exact="会议盛况", note="killed", tags=["kill"]))
    elif action == "update":
        h = notes.for_article(article_id)[0]
        notes.update(dataclasses.replace(h, color="red", note="after", tags=["new"]))
    elif action == "delete":
        notes.delete(notes.for_article(article_id)[0].id)
    elif action == "article":
        notes.set_article_note(article_id, "whole article")
        notes.set_article_tags(article_id, ["read later"])
    elif action == "reimport":
        stored = library.get(article_id).article
        stored.text = "A new first paragraph.\\n" + stored.text
        library.replace_text(article_id, stored)
    print("done", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def run_and_kill(path: Path, action: str, article_id: int) -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), action, str(article_id)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert result.stdout.strip() == "done"


def test_every_action_survives_a_kill_right_after_it(tmp_path):
    path = tmp_path / "library.sqlite3"
    library = Library(path)
    article_id, _ = library.add(make_article("安徽开发区", BODY))
    library.close()

    run_and_kill(path, "add", article_id)
    library = Library(path)
    [h] = library.annotations.for_article(article_id)
    assert (h.exact, h.note, h.tags) == ("会议盛况", "killed", ["kill"])
    library.close()

    run_and_kill(path, "update", article_id)
    library = Library(path)
    [h] = library.annotations.for_article(article_id)
    assert (h.color, h.note, h.tags) == ("red", "after", ["new"])
    assert library.annotations.search("after")[0].id == h.id
    library.close()

    run_and_kill(path, "reimport", article_id)
    library = Library(path)
    assert library.get(article_id).article.text.startswith("A new first paragraph.\n")
    [h] = library.annotations.for_article(article_id)
    assert h.state == Highlight.MOVED and h.start == len("A new first paragraph.\n")
    library.close()

    run_and_kill(path, "article", article_id)
    run_and_kill(path, "delete", article_id)
    library = Library(path)
    assert library.annotations.for_article(article_id) == []
    assert library.annotations.article_note(article_id) == "whole article"
    assert library.annotations.article_tags(article_id) == ["read later"]
    assert library.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    library.close()


def test_no_write_is_left_open_between_actions(library, article_id):
    highlight(library, article_id, "river cleanup")
    library.annotations.set_article_note(article_id, "x")
    assert not library.db.conn.in_transaction
    other = sqlite3.connect(library.path, timeout=0.1)
    other.execute("BEGIN IMMEDIATE")  # would fail with "database is locked" if a write were pending
    other.rollback()
    other.close()
