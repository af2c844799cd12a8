"""The command line's contract for originals: ``original ID -o PATH`` and ``reextract``."""

from reader.model import Highlight
from reader.render import render_markdown
from reader.store import Library
from tests.cli_run import lines, reader
from tests.store.test_library import make_article
from tests.store.test_originals import PNG, saved_page


def test_original_gives_back_the_imported_bytes_after_the_source_is_gone(tmp_path):
    library = str(tmp_path / "lib.sqlite3")
    page = saved_page(tmp_path / "pages")
    raw = page.read_bytes()
    [imported] = lines(reader("--library", library, "import", "--json", str(page)))
    page.unlink()
    (tmp_path / "pages" / "page_files" / "photo.png").unlink()
    out = tmp_path / "out.html"
    reader("--library", library, "original", str(imported["id"]), "-o", str(out))
    assert out.read_bytes() == raw


def test_an_article_from_before_originals_is_told_in_a_sentence(tmp_path):
    path = tmp_path / "old.sqlite3"
    with_none = Library(path)
    article_id, _ = with_none.add(make_article("Old", "Imported before originals were kept."))
    with_none.close()
    result = reader("--library", str(path), "original", str(article_id), "-o", str(tmp_path / "x"), check_status=1)
    assert result.stderr.strip().endswith("import its page again to keep it.")
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "x").exists()
    missing = reader("--library", str(path), "original", "99", "-o", str(tmp_path / "x"), check_status=1)
    assert missing.stderr.strip() == "There is no article 99 in the library."


def test_reextract_updates_an_older_text_and_keeps_its_highlights(tmp_path):
    path = tmp_path / "lib.sqlite3"
    [imported] = lines(reader("--library", str(path), "import", "--json", str(saved_page(tmp_path / "pages"))))
    article_id = imported["id"]
    library = Library(path)
    current = library.get(article_id).article
    # What an older extractor made of the page: the same paragraphs, and a toolbar it kept at the end.
    older = current.markdown + "\n\nShare | Print"
    stale = make_article(current.title, older)
    library.replace_text(article_id, stale)
    start = render_markdown(older).text.index("harbour festival")
    library.annotations.add(Highlight(article_id=article_id, start=start, end=start + 16, exact="harbour festival"))
    old, _ = library.add(make_article("Before originals", "A page imported before originals were kept."))
    library.close()

    got = lines(reader("--library", str(path), "reextract", "--all", "--json"))
    assert sorted(got, key=lambda line: line["id"]) == [
        {"id": article_id, "status": "updated", "anchored": 1, "moved": 0, "orphaned": 0, "error": None},
        {"id": old, "status": "no-original", "anchored": 0, "moved": 0, "orphaned": 0, "error": None},
    ]
    library = Library(path)
    assert library.get(article_id).article.markdown == current.markdown
    [highlight] = library.annotations.for_article(article_id)
    assert library.get(article_id).article.text[highlight.start:highlight.end] == "harbour festival"
    assert library.image(article_id, "img-1.png") == PNG
    library.close()

    again = lines(reader("--library", str(path), "reextract", str(article_id), "--json"))
    assert again == [{"id": article_id, "status": "unchanged", "anchored": 1, "moved": 0, "orphaned": 0,
                      "error": None}]
    told = reader("--library", str(path), "reextract", str(article_id), "99", check_status=1)
    assert told.stdout.strip() == "0 updated, 1 unchanged, 1 failed; highlights: 1 in place, 0 moved, 0 not found"
    assert told.stderr.strip() == "article 99: there is no article 99 in the library"
