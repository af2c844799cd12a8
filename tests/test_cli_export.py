"""``python -m reader export``: from the library to files, and JSON back in through ``annotations import``."""

from __future__ import annotations

import csv
import io
import json

import pytest

from reader.annotate import new_highlight
from reader.cli import main
from reader.model import Article
from reader.render import render_markdown
from reader.store import Library

from tests.export.conftest import MARKDOWN, PASSAGES, PNG


def _article(title: str, url: str) -> Article:
    rendered = render_markdown(MARKDOWN)
    return Article(title=title, markdown=MARKDOWN, text=rendered.text, url=url, source="安徽日报",
                   published="2021-04-23T09:30:00+08:00", sections=rendered.sections, images={"logo.png": PNG})


def _fill(path) -> tuple[int, int, int]:
    """A library with an annotated article, a plain one and one with only a note."""
    library = Library(path)
    annotated, _ = library.add(_article("理事会在合肥召开", "https://news.example.cn/2021/0423/council.html"))
    plain, _ = library.add(Article(title="Plain article", markdown="Nothing marked.", text="Nothing marked.",
                                   url="https://example.org/plain"))
    noted, _ = library.add(Article(title="Only a note", markdown="Body.", text="Body."))
    stored = library.get(annotated)
    for passage, color, note, tags in PASSAGES:
        start = stored.article.text.index(passage)
        library.annotations.add(new_highlight(stored, start, start + len(passage), color=color, note=note, tags=tags))
    library.annotations.set_article_note(annotated, "整体笔记")
    library.annotations.set_article_tags(annotated, ["安徽"])
    library.annotations.set_article_note(noted, "Just a note.")
    library.close()
    return annotated, plain, noted


@pytest.fixture
def library(tmp_path):
    path = tmp_path / "lib.sqlite3"
    return path, _fill(path)


def run(capsys, *args: str) -> tuple[int, list[str]]:
    status = main(list(args))
    return status, capsys.readouterr().out.splitlines()


def test_export_markdown_of_annotated_articles(tmp_path, library, capsys):
    path, (annotated, plain, noted) = library
    status, out = run(capsys, "--library", str(path), "export", "--format", "md", "--meaning", "yellow=Key point",
                      "-o", str(tmp_path / "vault"))
    assert status == 0
    names = sorted(p.name for p in (tmp_path / "vault").iterdir())
    assert names == [f"Only-a-note-{noted:04x}.md", f"理事会在合肥召开-{annotated:04x}.md"]
    assert sorted(out) == sorted(str(tmp_path / "vault" / n) for n in names)
    text = (tmp_path / "vault" / names[1]).read_text(encoding="utf-8")
    assert "整体笔记" in text and "— *Key point*" in text and text.count("^hl-") == len(PASSAGES)


def test_export_html_inlines_the_stored_images(tmp_path, library, capsys):
    path, (annotated, _, _) = library
    status, [written] = run(capsys, "--library", str(path), "export", "--format", "html", "--article", str(annotated),
                            "-o", str(tmp_path / "html"))
    assert status == 0
    document = open(written, encoding="utf-8").read()
    assert 'src="data:image/png;base64,' in document and document.count("<mark ") >= len(PASSAGES)


def test_export_csv_and_unknown_article(tmp_path, library, capsys):
    path, (annotated, plain, _) = library
    status, _ = run(capsys, "--library", str(path), "export", "--format", "csv", "--article", str(annotated),
                    "--article", str(plain), "-o", str(tmp_path / "h.csv"))
    assert status == 0
    rows = list(csv.reader(io.StringIO((tmp_path / "h.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == 1 + len(PASSAGES)
    status = main(["--library", str(path), "export", "--format", "csv", "--article", "999",
                   "-o", str(tmp_path / "none.csv")])
    assert status == 1 and "no article 999" in capsys.readouterr().err


def test_json_export_imports_back_into_another_library(tmp_path, library, capsys):
    path, (annotated, _, _) = library
    status, [written] = run(capsys, "--library", str(path), "export", "--format", "json", "-o", str(tmp_path / "a.json"))
    assert status == 0 and json.loads(open(written, encoding="utf-8").read())["total"] == len(PASSAGES)
    other = tmp_path / "other.sqlite3"
    fresh = Library(other)
    fresh.add(_article("理事会在合肥召开", "https://news.example.cn/2021/0423/council.html"))
    fresh.close()
    status, out = run(capsys, "--library", str(other), "annotations", "import", "--json", written)
    assert status == 0
    assert [json.loads(line)["status"] for line in out] == ["imported"] * len(PASSAGES)
    before, after = Library(path), Library(other)
    key = lambda h: (h.start, h.end, h.exact, h.color, h.note, h.tags, h.created, h.modified, h.state)  # noqa: E731
    [new_id] = after.find_by_url("https://news.example.cn/2021/0423/council.html")
    assert [key(h) for h in after.annotations.for_article(new_id)] == [
        key(h) for h in before.annotations.for_article(annotated)
    ]
    # Importing the same export again adds nothing.
    status, out = run(capsys, "--library", str(other), "annotations", "import", "--json", written)
    assert [json.loads(line)["status"] for line in out] == ["duplicate"] * len(PASSAGES)
    before.close()
    after.close()
