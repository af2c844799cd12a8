from reader.model import ArticleSummary, Section
from reader.ui.library_model import DATE_ROLE, ID_ROLE, SOURCE_ROLE, LibraryModel
from reader.ui.toc_model import SECTION_ROLE, TocModel


def summaries(count: int) -> list[ArticleSummary]:
    return [
        ArticleSummary(id=n, title=f"文章 {n}", source="来源", published=f"2020-06-{n % 28 + 1:02}T00:35:00+08:00",
                       url="", added="2024-01-01T00:00:00+00:00", section_count=0)
        for n in range(count)
    ]


def test_library_model_contract(qtmodeltester):
    rows = summaries(50)
    model = LibraryModel(lambda query, *order: [r for r in rows if query in r.title])
    model.load()
    qtmodeltester.check(model)
    assert model.rowCount() == 50
    index = model.index(3)
    assert (index.data(), index.data(ID_ROLE), index.data(SOURCE_ROLE), index.data(DATE_ROLE)) == (
        "文章 3", 3, "来源", "2020-06-04 00:35")
    model.load("文章 1")
    assert model.rowCount() == 11 and model.row_of(12) == 3 and model.row_of(2) == -1
    qtmodeltester.check(model)


def test_library_model_handles_ten_thousand_rows(qtmodeltester):
    model = LibraryModel(lambda query, *order: summaries(10_000))
    model.load()
    assert model.rowCount() == 10_000
    assert model.row_of(9_999) == 9_999


def test_toc_model_nests_by_level_even_when_levels_skip(qtmodeltester):
    model = TocModel()
    model.set_sections([
        Section("一", 2, "a"), Section("一.1", 4, "b"), Section("一.2", 3, "c"), Section("二", 2, "d"), Section("二.1", 3, "e"),
    ])
    qtmodeltester.check(model)
    top = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert top == ["一", "二"]
    first = model.index(0, 0)
    assert [model.index(r, 0, first).data() for r in range(model.rowCount(first))] == ["一.1", "一.2"]
    assert model.index_of(4).data() == "二.1" and model.index_of(4).data(SECTION_ROLE) == 4
    assert model.index_of(4).parent() == model.index(1, 0)
    model.set_sections([])
    assert model.rowCount() == 0 and not model.index_of(0).isValid()
