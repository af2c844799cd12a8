"""Article ▸ Re-extract, Show Original, Open Source URL and Library ▸ Re-extract All in the window."""

from pathlib import Path

from PySide6.QtCore import QUrl

from reader.model import Highlight
from reader.render import render_markdown
from tests.store.test_library import make_article
from tests.store.test_originals import saved_page
from tests.ui.conftest import import_and_wait


def menu_action(window, menu: str, entry: str):
    """An entry of the window's menu bar, by the texts a user reads."""
    [bar_menu] = [a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == menu]
    [action] = [a for a in bar_menu.actions() if a.text().replace("&", "") == entry]
    return action


def imported_page_made_by_an_older_extractor(qtbot, window, tmp_path) -> tuple[int, str]:
    """A page imported, then given the text an older extractor made of it, with a highlight."""
    report = import_and_wait(qtbot, window, [saved_page(tmp_path / "pages")])
    article_id = report.first_id
    current = window.library.get(article_id).article.markdown
    older = current + "\n\nShare | Print"
    window.library.replace_text(article_id, make_article("Harbour notes", older))
    start = render_markdown(older).text.index("harbour festival")
    window.library.annotations.add(Highlight(article_id=article_id, start=start, end=start + 16,
                                             exact="harbour festival"))
    window.current_id = None
    window.reload_library(article_id)
    return article_id, current


def test_reextract_from_the_article_menu_updates_the_open_article_and_keeps_its_highlight(qtbot, window, tmp_path):
    article_id, current = imported_page_made_by_an_older_extractor(qtbot, window, tmp_path)
    assert "Share | Print" in window.reader.toPlainText()
    menu_action(window, "Article", "Re-extract").trigger()
    assert window.tasks.running["Re-extracting"].cancel_button.isVisible()
    qtbot.waitUntil(lambda: not window.originals.busy and window.originals.last_report is not None, timeout=60_000)
    assert window.statusBar().currentMessage() == (
        "1 updated, 0 unchanged; highlights: 1 in place, 0 moved, 0 not found")
    assert window.tasks.running == {}
    assert window.library.get(article_id).article.markdown == current
    assert window.current_id == article_id and "Share | Print" not in window.reader.toPlainText()
    [highlight] = window.library.annotations.for_article(article_id)
    assert highlight.state == Highlight.ANCHORED
    assert window.library.get(article_id).article.text[highlight.start:highlight.end] == "harbour festival"


def test_reextract_all_counts_articles_without_an_original(qtbot, window, tmp_path):
    imported_page_made_by_an_older_extractor(qtbot, window, tmp_path)
    window.library.add(make_article("Before originals", "A page imported before originals were kept."))
    menu_action(window, "Library", "Re-extract All").trigger()
    qtbot.waitUntil(lambda: not window.originals.busy and window.originals.last_report is not None, timeout=60_000)
    assert window.statusBar().currentMessage() == (
        "1 updated, 0 unchanged, 1 without an original; highlights: 1 in place, 0 moved, 0 not found")


def test_show_original_and_open_source_url_go_through_the_desktop(qtbot, window, app, tmp_path):
    page = saved_page(tmp_path / "pages")
    raw = page.read_bytes()
    article_id = import_and_wait(qtbot, window, [page]).first_id
    page.unlink()
    menu_action(window, "Article", "Show Original").trigger()
    [shown] = app.dialogs.opened_urls
    opened = Path(QUrl(shown).toLocalFile())
    assert opened.name == "page.html" and opened.read_bytes() == raw
    assert (opened.parent / "page_files" / "photo.png").exists()
    menu_action(window, "Article", "Open Source URL").trigger()
    assert window.statusBar().currentMessage() == "This article has no source address."
    window.library.replace_text(article_id, make_article("Harbour notes", "Text.", url="https://example.org/harbour"))
    window.current_id = None
    window.reload_library(article_id)
    menu_action(window, "Article", "Open Source URL").trigger()
    assert app.dialogs.opened_urls[-1] == "https://example.org/harbour"
