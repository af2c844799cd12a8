"""Sorting, filtering by state and correcting articles from the command line: the ``list``/``edit`` contract."""

from __future__ import annotations

from reader.store import Library
from tests.cli_run import lines, reader
from tests.store.test_library import make_article

KEYS = {"id", "title", "byline", "source", "published", "added", "opened", "state", "progress", "url", "sections",
        "tags"}


def make_library(tmp_path) -> tuple[str, dict[str, int]]:
    path = tmp_path / "lib.sqlite3"
    library = Library(path)
    ids = {
        "dated": library.add(make_article("安徽开发区", "第一段。", "2021-04-23", source="市场星报", byline="甲",
                                          url="https://example.com/a/1.html"))[0],
        "undated": library.add(make_article("Beta notes", "Some text."))[0],
        "older": library.add(make_article("Alpha report", "Other text.", "2019-01-01", source="Zeitung"))[0],
    }
    library.annotations.set_article_tags(ids["dated"], ["安徽"])
    library.set_position(ids["older"], 3, 1.0)
    library.close()
    return str(path), ids


def test_list_json_has_every_key_and_no_invented_date(tmp_path):
    library, ids = make_library(tmp_path)
    rows = {row["id"]: row for row in lines(reader("--library", library, "list", "--json"))}
    assert all(set(row) == KEYS for row in rows.values())
    dated, undated, older = rows[ids["dated"]], rows[ids["undated"]], rows[ids["older"]]
    assert (dated["byline"], dated["published"], dated["state"], dated["tags"]) == ("甲", "2021-04-23", "unread", ["安徽"])
    assert undated["published"] is None and undated["added"].startswith("20")
    assert (older["state"], older["progress"]) == ("read", 1.0) and older["opened"] is not None


def test_list_sorts_both_ways_and_filters_by_state(tmp_path):
    library, ids = make_library(tmp_path)

    def order(*args: str) -> list[int]:
        return [row["id"] for row in lines(reader("--library", library, "list", "--json", *args))]

    assert order() == [ids["dated"], ids["older"], ids["undated"]]
    assert order("--sort", "published", "--reverse") == [ids["older"], ids["dated"], ids["undated"]]
    assert order("--sort", "title") == [ids["older"], ids["undated"], ids["dated"]]
    assert order("--sort", "added") == [ids["older"], ids["undated"], ids["dated"]]
    assert order("--sort", "added", "--reverse") == [ids["dated"], ids["undated"], ids["older"]]
    assert order("--sort", "source") == [ids["older"], ids["dated"], ids["undated"]]
    assert order("--sort", "opened") == [ids["older"], ids["undated"], ids["dated"]]  # never opened: last, newest first
    assert order("--state", "read") == [ids["older"]]
    assert order("--state", "unread", "--sort", "title") == [ids["undated"], ids["dated"]]


def test_edit_corrects_facts_that_a_reimport_keeps(tmp_path):
    library, ids = make_library(tmp_path)
    article = ids["dated"]
    reader("--library", library, "edit", str(article), "--title", "开发区协会年会", "--byline", "乙",
           "--published", "none", "--state", "reading")
    row = next(r for r in lines(reader("--library", library, "list", "--json")) if r["id"] == article)
    assert (row["title"], row["byline"], row["published"], row["state"]) == ("开发区协会年会", "乙", None, "reading")
    opened = Library(library)  # a new version of the page comes in
    opened.replace_text(article, make_article("安徽开发区", "第一段。更多。", "2021-04-24", source="新报",
                                              byline="丙", url="https://example.com/a/1.html"))
    opened.close()
    row = next(r for r in lines(reader("--library", library, "list", "--json")) if r["id"] == article)
    assert (row["title"], row["byline"], row["published"], row["source"]) == ("开发区协会年会", "乙", None, "新报")
    bad = reader("--library", library, "edit", str(article), "--published", "yesterday", check_status=2)
    assert "not a date" in bad.stderr
    missing = reader("--library", library, "edit", "999", "--title", "x", check_status=2)
    assert "no article 999" in missing.stderr
