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
from tests.store.damage import library_with_one_damaged


def _article(title: str, url: str) -> Article:
    rendered = render_markdown(MARKDOWN)
    return Article(title=title, markdown=MARKDOWN, text=rendered.text, url=url, source="安徽日报",
                   published="2021-04-23T09:30:00+08:00", sections=rendered.sections, images={"logo.png": PNG})


ARTICLES = [
    lambda: _article("理事会在合肥召开", "https://news.example.cn/2021/0423/council.html"),
    lambda: Article(title="Plain article", markdown="Nothing marked.", text="Nothing marked.",
                    url="https://example.org/plain"),
    lambda: Article(title="Only a note", markdown="Body.", text="Body."),
    lambda: Article(title="Only tags", markdown="Tagged body.", text="Tagged body.", url="https://example.org/tagged"),
]


def _fill(path) -> tuple[int, int, int, int]:
    """A library with an annotated article, a plain one, one with only a note and one with only tags."""
    library = Library(path)
    annotated, plain, noted, tagged = (library.add(make())[0] for make in ARTICLES)
    stored = library.get(annotated)
    for passage, color, note, tags in PASSAGES:
        start = stored.article.text.index(passage)
        library.annotations.add(new_highlight(stored, start, start + len(passage), color=color, note=note, tags=tags))
    library.annotations.set_article_note(annotated, "整体笔记")
    library.annotations.set_article_tags(annotated, ["安徽"])
    library.annotations.set_article_note(noted, "Just a note.\n\n- with a list  \n")
    library.annotations.set_article_tags(tagged, ["待读", "Later on"])
    library.close()
    return annotated, plain, noted, tagged


@pytest.fixture
def library(tmp_path):
    path = tmp_path / "lib.sqlite3"
    return path, _fill(path)


def run(capsys, *args: str) -> tuple[int, list[str]]:
    status = main(list(args))
    return status, capsys.readouterr().out.splitlines()


def test_export_markdown_of_annotated_articles(tmp_path, library, capsys):
    path, (annotated, plain, noted, tagged) = library
    status, out = run(capsys, "--library", str(path), "export", "--format", "md", "--meaning", "yellow=Main claim",
                      "-o", str(tmp_path / "vault"))
    assert status == 0
    names = sorted(p.name for p in (tmp_path / "vault").iterdir())
    assert names == [f"Only-a-note-{noted:04x}.md", f"Only-tags-{tagged:04x}.md", f"理事会在合肥召开-{annotated:04x}.md"]
    assert sorted(out) == sorted(str(tmp_path / "vault" / n) for n in names)
    text = (tmp_path / "vault" / names[2]).read_text(encoding="utf-8")
    assert "整体笔记" in text and text.count("^hl-") == len(PASSAGES)
    # --meaning names yellow; the other colours say what they mean in the window, not their names
    assert "— *Main claim*" in text and "— *Agree*" in text and "— *Disagree*" in text
    assert "— *Key point*" not in text and "— *green*" not in text


def test_export_html_inlines_the_stored_images(tmp_path, library, capsys):
    path, (annotated, *_) = library
    status, [written] = run(capsys, "--library", str(path), "export", "--format", "html", "--article", str(annotated),
                            "-o", str(tmp_path / "html"))
    assert status == 0
    document = open(written, encoding="utf-8").read()
    assert 'src="data:image/png;base64,' in document and document.count("<mark ") >= len(PASSAGES)


def test_export_csv_and_unknown_article(tmp_path, library, capsys):
    path, (annotated, plain, *_) = library
    status, _ = run(capsys, "--library", str(path), "export", "--format", "csv", "--article", str(annotated),
                    "--article", str(plain), "-o", str(tmp_path / "h.csv"))
    assert status == 0
    rows = list(csv.reader(io.StringIO((tmp_path / "h.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == 1 + len(PASSAGES)
    assert [row[2] for row in rows[1:3]] == ["Key point", "Agree"]  # the colour column, as the window labels it
    status = main(["--library", str(path), "export", "--format", "csv", "--article", "999",
                   "-o", str(tmp_path / "none.csv")])
    assert status == 1 and "no article 999" in capsys.readouterr().err


def test_whole_library_export_includes_bare_articles(tmp_path, library, capsys):
    path, (annotated, plain, noted, tagged) = library
    status, out = run(capsys, "--library", str(path), "export", "--format", "md", "--all", "-o", str(tmp_path / "all"))
    assert status == 0 and len(out) == 4
    bare = (tmp_path / "all" / f"Plain-article-{plain:04x}.md").read_text(encoding="utf-8")
    assert bare.startswith("---\ntitle: \"Plain article\"") and "^hl-" not in bare


def _everything(library: Library, article_id: int) -> tuple:
    """All the user wrote about an article, as the round trip must bring it back."""
    key = lambda h: (h.start, h.end, h.exact, h.prefix, h.suffix, h.color, h.style, h.note, h.tags,  # noqa: E731
                     h.section_path, h.created, h.modified, h.state)
    notes = library.annotations
    return ([key(h) for h in notes.for_article(article_id)], notes.article_note(article_id),
            notes.article_tags(article_id))


def test_json_export_imports_back_into_another_library(tmp_path, library, capsys):
    path, ids = library
    status, [written] = run(capsys, "--library", str(path), "export", "--format", "json", "-o", str(tmp_path / "a.json"))
    items = json.loads(open(written, encoding="utf-8").read())["first"]["items"]
    assert status == 0 and len(items) == len(PASSAGES) + 3  # and one whole-article annotation per noted or tagged article
    other = tmp_path / "other.sqlite3"
    fresh = Library(other)
    new_ids = [fresh.add(make())[0] for make in reversed(ARTICLES)]  # other ids than the first library's
    fresh.close()
    status, out = run(capsys, "--library", str(other), "annotations", "import", "--json", written)
    assert status == 0
    assert [json.loads(line)["status"] for line in out] == ["imported"] * len(items)
    before, after = Library(path), Library(other)
    for old_id, new_id in zip(ids, reversed(new_ids)):
        assert _everything(after, new_id) == _everything(before, old_id)
    assert after.annotations.article_note(new_ids[1]) == "Just a note.\n\n- with a list  \n"
    assert after.annotations.article_tags(new_ids[0]) == ["待读", "Later on"]
    assert after.annotations.article_tags(new_ids[3]) == ["安徽"]
    # Importing the same export again adds nothing.
    status, out = run(capsys, "--library", str(other), "annotations", "import", "--json", written)
    assert [json.loads(line)["status"] for line in out] == ["duplicate"] * len(items)
    assert all(_everything(after, new_id) == _everything(before, old_id)
               for old_id, new_id in zip(ids, reversed(new_ids)))
    before.close()
    after.close()


def test_imported_article_notes_and_tags_join_the_articles_own(tmp_path, library, capsys):
    path, (annotated, *_) = library
    run(capsys, "--library", str(path), "export", "--format", "json", "--article", str(annotated),
        "-o", str(tmp_path / "a.json"))
    other = tmp_path / "other.sqlite3"
    fresh = Library(other)
    article_id, _ = fresh.add(ARTICLES[0]())
    fresh.annotations.set_article_note(article_id, "My own note.")
    fresh.annotations.set_article_tags(article_id, ["mine", "安徽"])
    fresh.close()
    status, out = run(capsys, "--library", str(other), "annotations", "import", str(tmp_path / "a.json"))
    assert status == 0 and out == [f"{len(PASSAGES) + 1} imported ({len(PASSAGES)} anchored, 0 moved, 0 orphaned, "
                                   "1 article notes or tags), 0 already there, 0 not matched to an article"]
    after = Library(other)
    assert after.annotations.article_note(article_id) == "My own note.\n\n整体笔记"
    assert after.annotations.article_tags(article_id) == ["mine", "安徽"]
    after.close()


def test_a_damaged_article_is_named_and_the_others_are_exported(tmp_path, capsys):
    path = tmp_path / "library.sqlite3"
    ids = library_with_one_damaged(path, count=5, damaged=2)
    status = main(["--library", str(path), "export", "--all", "--format", "md", "-o", str(tmp_path / "vault")])
    out, err = capsys.readouterr()
    assert status == 1
    assert sorted(p.name for p in (tmp_path / "vault").iterdir()) == sorted(
        f"Article-{n}-{ids[n]:04x}.md" for n in (0, 1, 3, 4))
    assert len(out.splitlines()) == 4
    [line] = err.splitlines()
    assert line.startswith(f"article {ids[2]} was not exported: Article number {ids[2]} cannot be read")
