"""A library damaged in one place: that article is named, the rest still reads."""

from pathlib import Path

import pytest

from reader.store import DamagedArticle, Library
from tests.store.damage import article, library_with_one_damaged


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, list[int]]:
    """Five long articles; the third one's body is overwritten on disk."""
    path = tmp_path / "library.sqlite3"
    return path, library_with_one_damaged(path)


def test_a_damaged_article_is_named_and_its_neighbours_still_open(damaged):
    path, ids = damaged
    library = Library(path)
    with pytest.raises(DamagedArticle) as raised:
        library.get(ids[2])
    assert raised.value.article_id == ids[2]
    assert f"Article number {ids[2]} cannot be read" in str(raised.value)
    for n in (0, 1, 3, 4):
        assert library.get(ids[n]).article.title == f"Article {n}"
    assert "MARKER-3-END" in library.get(ids[3]).article.text


@pytest.fixture
def row_damaged(tmp_path: Path) -> tuple[Path, list[int]]:
    """Five long articles; the page holding the third one's row goes too, not only its tail."""
    path = tmp_path / "library.sqlite3"
    return path, library_with_one_damaged(path, overflow_only=False)


def test_the_list_and_search_skip_an_unreadable_article_and_name_it(row_damaged):
    path, ids = row_damaged
    library = Library(path)
    titles = [summary.title for summary in library.summaries()]
    assert "Article 2" not in titles
    assert {"Article 0", "Article 1", "Article 3", "Article 4"} <= set(titles)
    assert titles == sorted(titles, reverse=True)  # still newest first
    assert ids[2] in library.unreadable
    found = [summary.title for summary in library.search("MARKER-3-END")]
    assert found == ["Article 3"]
    assert [summary.title for summary in library.search("fills space")] == [t for t in titles]


def test_an_intact_library_names_nothing_unreadable(tmp_path):
    library = Library(tmp_path / "library.sqlite3")
    library.add(article("Whole", "Nothing wrong here."))
    assert [summary.title for summary in library.summaries()] == ["Whole"]
    assert library.unreadable == []
