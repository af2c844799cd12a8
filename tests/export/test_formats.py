"""Golden files for every export format, from the fixture article in conftest.py.

Set UPDATE_GOLDENS=1 to rewrite the goldens after a deliberate change (then read the diff).
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from reader.export import copy_markdown, export
from reader.export.csv import render_csv
from reader.export.html import render_html
from reader.export.markdown import TemplateError, default_template, render_markdown_notes
from reader.export.w3c import render_json

from .conftest import MEANINGS, make_article, make_notes

GOLDENS = Path(__file__).resolve().parents[1] / "fixtures" / "export"


def golden(name: str, actual: str) -> None:
    path = GOLDENS / name
    if os.environ.get("UPDATE_GOLDENS"):
        path.write_bytes(actual.encode("utf-8"))
    assert actual == path.read_bytes().decode("utf-8")


def test_markdown_golden(notes):
    golden("article.md", render_markdown_notes(notes, MEANINGS))


def test_html_golden(notes):
    golden("article.html", render_html(notes, MEANINGS))


def test_json_golden(notes):
    golden("annotations.json", render_json([notes]))


def test_csv_golden(notes):
    golden("highlights.csv", render_csv([notes], MEANINGS))


def test_markdown_front_matter_is_yaml_and_block_ids_are_stable(notes):
    text = render_markdown_notes(notes, MEANINGS)
    front = text.split("---\n")[1]
    fields = dict(line.split(": ", 1) for line in front.strip().splitlines())
    assert json.loads(fields["title"]) == notes.stored.article.title
    assert json.loads(fields["tags"]) == ["安徽", "meetings"]
    assert fields["reader-id"] == "7"
    for h in notes.highlights:
        assert text.count(f"^hl-{h.id}\n") == 1
    # re-export: the same bytes
    assert render_markdown_notes(make_notes(), MEANINGS) == text
    # reading order, grouped under sections, orphans last under their own heading
    assert text.index("## 会议内容") < text.index("> 部署了") < text.index("### Details & numbers")
    assert text.index("## Not found in the current text") < text.index("> 一段已删除的文字")
    assert text.count("## 会议内容") == 1
    assert "Cost $5 — not ${template}." in text  # a note's dollars are not template fields
    assert "— *Key point*" in text and "— *pink*" in text  # meaning, else the colour's name


def test_markdown_custom_template(notes):
    template = default_template().replace("> — *$meaning*", "> [$color] $meaning, $created")
    text = render_markdown_notes(notes, MEANINGS, template)
    assert "> [green] Agree, 2021-05-02T08:00:00+00:00" in text
    with pytest.raises(TemplateError):
        render_markdown_notes(notes, MEANINGS, "%% @article %%\n$title\n")


def test_json_loads_back_through_the_annotation_reader(notes):
    from reader.annotate.w3c import read_annotations

    text = render_json([notes])
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"  # streamed, laid out as dumps
    whole, *read = read_annotations(json.loads(text))
    assert [r.error for r in read] == [""] * len(notes.highlights)
    assert (whole.on_article, whole.error, whole.note, whole.tags, whole.source) == (
        True, "", notes.note, notes.tags, notes.stored.article.url)
    by_exact = {r.exact: r for r in read}
    for h in notes.highlights:
        r = by_exact[h.exact]
        assert not r.on_article
        assert (r.note, r.tags, r.color, r.created, r.modified) == (h.note, h.tags, h.color, h.created, h.modified)
        assert r.source == notes.stored.article.url
        if h.state == "orphaned":
            assert r.start is None
        else:
            assert (r.start, r.end) == (h.start, h.end)


def test_json_article_annotation_only_when_there_is_a_note_or_tags(notes):
    notes.note = "  "
    [whole] = json.loads(render_json([notes]))["first"]["items"][:1]
    assert (whole["motivation"], [b["purpose"] for b in whole["body"]]) == ("tagging", ["tagging", "tagging"])
    notes.tags = []
    items = json.loads(render_json([notes]))["first"]["items"]
    assert all(isinstance(item["target"], dict) for item in items) and len(items) == len(notes.highlights)
    empty = json.loads(render_json([]))
    assert (empty["first"]["items"], empty["total"]) == ([], 0)


def test_json_without_url_targets_the_content_hash():
    stored = make_article(url="")
    data = json.loads(render_json([make_notes(stored)]))
    sources = {item["target"]["source"] for item in data["first"]["items"][1:]} | {data["first"]["items"][0]["target"]}
    assert sources == {f"urn:sha256:{stored.content_hash}"}


def test_csv_has_a_bom_and_one_row_per_highlight(notes, tmp_path):
    [path] = export([notes], "csv", tmp_path / "out" / "highlights.csv", MEANINGS)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["article", "section", "colour", "text", "note", "tags", "created", "url"]
    assert len(rows) == 1 + len(notes.highlights)
    assert rows[3][1:6] == ["会议内容", "Question", "the council met in Hefei", "Who attended?\n\n- mayor\n- 主任", "question"]


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_quoted(notes):
    stored = make_article(title="=cmd|' /C calc'!A0", url="@evil")
    notes = make_notes(stored)
    notes.highlights = notes.highlights[:5]
    texts = ['=HYPERLINK("http://x","y")', "plain", "a = b", "\tindented", "\rreturn"]
    for highlight, text, note, tags in zip(notes.highlights, texts, ["+1", "-", "@SUM(A1)", "fine", ""],
                                           [["-tag"], [], [], ["+x", "y"], []]):
        highlight.exact, highlight.note, highlight.tags = text, note, tags
    notes.highlights[0].section_path = ["=1+1"]
    rows = list(csv.reader(io.StringIO(render_csv([notes], {"yellow": "=Key"}).lstrip("\ufeff"))))[1:]
    cells = {row[3]: row for row in rows}
    assert cells["'=HYPERLINK(\"http://x\",\"y\")"][:6] == [
        "'=cmd|' /C calc'!A0", "'=1+1", "'=Key", "'=HYPERLINK(\"http://x\",\"y\")", "'+1", "'-tag"]
    assert [cells[text][4] for text in ("plain", "a = b")] == ["'-", "'@SUM(A1)"]
    assert (cells["'\tindented"][4:6], cells["'\rreturn"][4]) == (["fine", "'+x; y"], "")
    assert {row[7] for row in rows} == {"'@evil"}
    assert {row[6] for row in rows} == {h.created for h in notes.highlights}  # timestamps as they are


def test_export_writes_one_file_per_article(tmp_path):
    first = make_notes(make_article(article_id=7))
    second = make_notes(make_article(article_id=8))  # the same title
    written = export([first, second], "md", tmp_path / "vault")
    assert [p.name for p in written] == [
        "安徽省开发区协会第二届第二次理事会在合肥召开-0007.md",
        "安徽省开发区协会第二届第二次理事会在合肥召开-0008.md",
    ]
    html_files = export([first], "html", tmp_path / "html")
    assert html_files[0].suffix == ".html" and html_files[0].read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    [json_file] = export(iter([first, second]), "json", tmp_path / "a.json")
    assert json.loads(json_file.read_text(encoding="utf-8"))["total"] == 2 * (len(first.highlights) + 1)
    assert sorted(p.name for p in tmp_path.rglob("*")) == sorted(
        ["vault", "html", "a.json", *(p.name for p in written), html_files[0].name]
    )
    with pytest.raises(ValueError):
        export([first], "pdf", tmp_path / "x")


def test_copy_markdown(notes):
    h = notes.highlights[1]
    assert copy_markdown(h, notes.stored, MEANINGS) == (
        "> 部署了下一阶段的重点工作\n"
        "> — [安徽省开发区协会第二届第二次理事会在合肥召开](https://news.example.cn/2021/0423/council.html)"
        " · 会议内容 · Agree\n\n"
        "**重点**: see [the plan](https://example.org/plan) and `code`.\n\n#工作 #plan\n"
    )
    plain = notes.highlights[0]
    article = make_article(title="A [draft] title", url="https://example.org/a (1).html").article
    assert copy_markdown(plain, article) == (
        "> 开发区协会召开理事会\n> — [A \\[draft\\] title](<https://example.org/a (1).html>)\n"
    )


def test_every_listed_format_writes_what_the_list_says(notes, tmp_path):
    from reader.export import FORMATS

    assert list(FORMATS) == ["md", "html", "json", "csv"]
    for name, kind in FORMATS.items():
        out = tmp_path / name if kind.per_article else tmp_path / f"notes.{kind.extension}"
        written = export([notes], name, out)
        if kind.per_article:  # a folder, one file per article, each what the preview shows
            assert [p.parent for p in written] == [out] and written[0].suffix == f".{kind.extension}"
            assert written[0].read_text(encoding="utf-8") == kind.render_one(notes, None)
        else:
            assert written == [out]
            assert out.read_bytes().decode("utf-8-sig") == kind.render_one(notes, None).lstrip("\ufeff")
