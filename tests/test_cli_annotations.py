"""``python -m reader annotations import / list``, run as a script would run them."""

import json
from pathlib import Path

import pytest

from reader.annotate.w3c import AnnotationFormatError, read_annotations
from reader.store import Library

from tests.cli_run import lines, reader

ROOT = Path(__file__).resolve().parents[1]
URL = "https://news.example.cn/qingxi/2021/0423/reading-week.html"


@pytest.fixture
def library_path(tmp_path, pages):
    path = str(tmp_path / "lib.sqlite3")
    reader("--library", path, "import", str(pages))
    return path


def quote(text: str, passage: str, shift: int = 0) -> list[dict]:
    start = text.index(passage)
    return [
        {"type": "TextQuoteSelector", "exact": passage, "prefix": text[max(0, start - 32) : start],
         "suffix": text[start + len(passage) : start + len(passage) + 32]},
        {"type": "TextPositionSelector", "start": start + shift, "end": start + len(passage) + shift},
    ]


def test_import_then_list(tmp_path, library_path):
    library = Library(library_path)
    [article_id] = library.find_by_url(URL)
    stored = library.get(article_id)
    library.close()
    text = stored.article.text
    passage = text.split("\n")[3][:12]
    later = text.split("\n")[5][2:20]
    collection = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "first": {
            "type": "AnnotationPage",
            "items": [
                {
                    "type": "Annotation",
                    "reader:color": "green",
                    "created": "2021-05-01T08:00:00Z",
                    "body": [
                        {"type": "TextualBody", "value": "第一条**笔记**\n第二行", "purpose": "commenting"},
                        {"type": "TextualBody", "value": "阅读周", "purpose": "tagging"},
                    ],
                    "target": {"source": URL, "selector": quote(text, passage)},
                },
                {
                    "type": "Annotation",
                    "target": {
                        "source": f"urn:sha256:{stored.content_hash}",
                        "selector": {"type": "FragmentSelector", "value": "x",
                                     "refinedBy": {"type": "TextPositionSelector",
                                                   "start": text.index(later), "end": text.index(later) + len(later)}},
                    },
                },
            ],
            "next": {"type": "AnnotationPage", "items": [
                {"type": "Annotation", "bodyValue": "moved one",
                 "target": {"source": URL, "selector": quote(text, later, shift=40)}},
                {"type": "Annotation", "target": {"source": URL, "selector": {
                    "type": "TextQuoteSelector", "exact": "这段文字不在文章里，早就被删掉了"}}},
                {"type": "Annotation", "target": {"source": "https://elsewhere.example/none.html",
                                                  "selector": {"type": "TextQuoteSelector", "exact": "x"}}},
            ]},
        },
    }
    hypothesis = [{"uri": URL, "text": "from hypothesis", "tags": ["H"], "created": "2022-02-02T10:00:00.5+00:00",
                   "target": [{"source": URL, "selector": [{"type": "RangeSelector"}] + quote(text, later[:6])}]}]
    w3c_file, h_file = tmp_path / "notes.json", tmp_path / "hypothesis.json"
    w3c_file.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    h_file.write_text(json.dumps(hypothesis), encoding="utf-8")

    result = reader("--library", library_path, "annotations", "import", "--json", str(w3c_file), check_status=1)
    records = lines(result)
    assert [(r["status"], r["state"]) for r in records] == [
        ("imported", "anchored"), ("imported", "anchored"), ("imported", "moved"), ("imported", "orphaned"),
        ("unmatched", None),
    ]
    assert all(r["article_id"] == article_id for r in records[:4]) and "elsewhere.example" in records[4]["error"]

    again = reader("--library", library_path, "annotations", "import", str(w3c_file), check_status=1)
    assert again.stdout.strip() == (
        "0 imported (0 anchored, 0 moved, 0 orphaned), 4 already there, 1 not matched to an article"
    )
    assert "annotation 5: no article in the library has the source" in again.stderr
    summary = reader("--library", library_path, "annotations", "import", str(h_file)).stdout
    assert summary.startswith("1 imported (1 anchored")

    listed = lines(reader("--library", library_path, "annotations", "list", "--json"))
    assert all(set(r) == {"id", "article_id", "color", "exact", "prefix", "suffix", "start", "end", "note", "tags",
                          "state"} for r in listed)
    first = next(r for r in listed if r["exact"] == passage)
    assert (first["color"], first["note"], first["tags"]) == ("green", "第一条**笔记**\n第二行", ["阅读周"])
    assert text[first["start"] : first["end"]] == passage
    moved = next(r for r in listed if r["note"] == "moved one")
    assert text[moved["start"] : moved["end"]] == later and moved["state"] == "moved"
    assert listed[-1]["state"] == "orphaned" and listed[-1]["exact"] == "这段文字不在文章里，早就被删掉了"
    from_h = next(r for r in listed if r["note"] == "from hypothesis")
    assert from_h["tags"] == ["H"] and from_h["exact"] == later[:6]
    assert len(listed) == 5

    only = lines(reader("--library", library_path, "annotations", "list", "--json", "--article", str(article_id)))
    assert [r["id"] for r in only] == [r["id"] for r in listed]  # all five are on this article, same order
    assert lines(reader("--library", library_path, "annotations", "list", "--json", "--article", "999")) == []
    plain = reader("--library", library_path, "annotations", "list").stdout
    assert "orphaned" in plain and "#阅读周" in plain


def test_unreadable_files_are_reported(tmp_path, library_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = reader("--library", library_path, "annotations", "import", str(broken), check_status=1)
    assert "not JSON" in result.stderr
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"hello": "world"}), encoding="utf-8")
    assert "no annotations found" in reader("--library", library_path, "annotations", "import", str(other),
                                            check_status=1).stderr
    missing = reader("--library", library_path, "annotations", "import", str(tmp_path / "nope.json"), check_status=1)
    assert "nope.json" in missing.stderr


def test_reading_annotation_shapes():
    single = {"type": "Annotation", "target": {"source": "https://a.example/p", "selector": [
        {"type": "TextQuoteSelector", "exact": "word"}]}, "reader:color": "octarine", "modified": "2020-01-01"}
    [item] = read_annotations(single)
    assert (item.source, item.exact, item.color, item.modified) == ("https://a.example/p", "word", "yellow",
                                                                    "2020-01-01T00:00:00+00:00")
    assert read_annotations({"items": [single, "junk", {"target": "https://a.example/p"}]})[1].error
    assert "no TextQuoteSelector" in read_annotations([{"target": "https://a.example/p"}])[0].error
    assert read_annotations({"rows": [{"uri": "u", "target": [{"selector": [
        {"type": "TextPositionSelector", "start": 1, "end": 3}]}]}]})[0].source == "u"
    with pytest.raises(AnnotationFormatError):
        read_annotations({"type": "AnnotationCollection", "first": "https://server.example/page1"})
    with pytest.raises(AnnotationFormatError):
        read_annotations("text")


def test_hypothesis_page_notes_become_the_articles_note_and_tags(tmp_path, library_path):
    rows = {"rows": [
        {"uri": URL, "text": "Page note from Hypothesis", "tags": ["H", "阅读周"], "target": [{"source": URL}]},
        {"uri": URL, "text": "A second page note.", "tags": ["h"], "target": [{"source": URL}]},
        {"uri": URL, "text": "a reply", "references": ["abc"], "target": [{"source": URL}]},
        {"uri": URL, "target": [{"source": URL}]},
    ]}
    path = tmp_path / "hypothesis.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    records = lines(reader("--library", library_path, "annotations", "import", "--json", str(path), check_status=1))
    assert [(r["status"], r["state"]) for r in records] == [
        ("imported", "article"), ("imported", "article"), ("invalid", None), ("invalid", None)]
    assert "reply" in records[2]["error"] and "no note or tag" in records[3]["error"]
    library = Library(library_path)
    [article_id] = library.find_by_url(URL)
    assert library.annotations.article_note(article_id) == "Page note from Hypothesis\n\nA second page note."
    assert library.annotations.article_tags(article_id) == ["H", "阅读周"]  # "h" is the same tag as "H"
    assert library.annotations.for_article(article_id) == []
    library.close()
    again = reader("--library", library_path, "annotations", "import", str(path), check_status=1).stdout
    assert again.startswith("0 imported (0 anchored, 0 moved, 0 orphaned), 2 already there")


def test_whole_article_annotations_are_read_as_such():
    [note] = read_annotations([{"target": "https://a.example/p", "bodyValue": "整篇的笔记"}])
    assert (note.on_article, note.note, note.error) == (True, "整篇的笔记", "")
    [tags] = read_annotations([{"target": {"source": "urn:sha256:ABC"}, "motivation": "tagging",
                                "body": [{"type": "TextualBody", "value": "t", "purpose": "tagging"}]}])
    assert (tags.on_article, tags.tags, tags.content_hash) == (True, ["t"], "abc")
    [highlight] = read_annotations([{"target": {"source": "u", "selector": {"type": "TextQuoteSelector", "exact": "x"}}}])
    assert not highlight.on_article


def test_quotes_without_a_position_that_match_one_place_import_as_anchored(tmp_path, library_path):
    library = Library(library_path)
    [article_id] = library.find_by_url(URL)
    text = library.get(article_id).article.text
    library.close()
    lines_of_text = [line for line in text.split("\n") if len(line) > 30]
    passages = [lines_of_text[0][:10], lines_of_text[1][5:25], lines_of_text[-1][-12:]]
    assert all(text.count(p) == 1 for p in passages)
    items = [{"type": "Annotation", "target": {"source": URL, "selector": {"type": "TextQuoteSelector", "exact": p}}}
             for p in passages]
    notes = tmp_path / "quotes.json"
    notes.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")

    result = reader("--library", library_path, "annotations", "import", str(notes))
    assert result.stdout.startswith("3 imported (3 anchored, 0 moved, 0 orphaned)")
    listed = lines(reader("--library", library_path, "annotations", "list", "--json"))
    assert [(r["exact"], r["state"], r["start"]) for r in listed] == [(p, "anchored", text.index(p)) for p in passages]
