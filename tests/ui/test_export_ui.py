"""Exporting from the window: several articles picked in the list, the whole library, in the background."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.export.files import file_name
from reader.ui.export_worker import ExportChoice, ExportWorker
from tests.store.damage import library_with_one_damaged
from tests.ui.conftest import import_and_wait

TITLES = ["Field notes on river restoration", "Quiet hours in the reading room", "青溪市图书馆举办第三届阅读周活动"]


def click_row(qtbot, window, title: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    model = window.library_model
    row = next(r for r in range(model.rowCount()) if model.index(r).data() == title)
    rect = window.library_view.visualRect(model.index(row))
    qtbot.mouseClick(window.library_view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def titles_of(window, ids: list[int]) -> list[str]:
    return [window.library.get(article_id).article.title for article_id in ids]


def test_two_articles_picked_with_ctrl_click_are_exported(qtbot, window, app, pages, tmp_path):
    import_and_wait(qtbot, window, [pages])
    click_row(qtbot, window, TITLES[0])
    click_row(qtbot, window, TITLES[2], Qt.KeyboardModifier.ControlModifier)
    assert sorted(titles_of(window, window.selected_ids())) == sorted([TITLES[0], TITLES[2]])
    assert window.current_article.article.title == TITLES[2]  # the last one clicked is open
    out = tmp_path / "vault"
    app.dialogs.export_answer = ("md", "selected", str(out))
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    [offer] = app.dialogs.export_offers
    assert (offer.current_title, offer.selected, offer.annotated, offer.library) == (TITLES[2], 2, 0, 3)
    assert offer.preview("md", "selected").startswith("---\ntitle: ")
    qtbot.waitUntil(lambda: not window.exporting, timeout=30_000)
    expected = sorted(file_name(window.library.get(i).article.title, i, "md") for i in window.selected_ids())
    assert sorted(p.name for p in out.iterdir()) == expected
    assert window.statusBar().currentMessage() == f"Exported 2 files to {out}"
    for path in out.iterdir():
        assert path.read_text(encoding="utf-8").startswith("---\ntitle: ")


def test_the_whole_library_includes_articles_without_notes(qtbot, window, app, pages, tmp_path):
    import_and_wait(qtbot, window, [pages])
    window.library.annotations.set_article_note(window.current_id, "读后感: worth a second look.")
    app.dialogs.export_answer = ("md", "library", str(tmp_path / "all"))
    window.export_dialog()
    qtbot.waitUntil(lambda: not window.exporting, timeout=30_000)
    files = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "all").iterdir()}
    assert len(files) == 3 and app.dialogs.export_offers[-1].annotated == 1
    assert sum("读后感: worth a second look." in text for text in files.values()) == 1
    assert all(text.startswith("---\ntitle: ") for text in files.values())


def test_the_list_context_menu_exports_the_selection(qtbot, window, app, pages):
    import_and_wait(qtbot, window, [pages])
    window.library_view.selectAll()
    assert window.export_selected_action in window.library_view.actions()
    window.export_selected_action.trigger()
    [offer] = app.dialogs.export_offers
    assert (offer.scope, offer.selected, offer.default_scope) == ("selected", 3, "selected")


def test_several_articles_are_deleted_at_once_and_come_back_with_one_undo(qtbot, window, app, pages):
    import_and_wait(qtbot, window, [pages])
    click_row(qtbot, window, TITLES[1])
    click_row(qtbot, window, TITLES[2], Qt.KeyboardModifier.ControlModifier)
    window.library_view.setFocus()
    qtbot.keyClick(window.library_view, Qt.Key.Key_Delete)
    assert app.dialogs.confirmations[-1].endswith(" and 1 more")
    qtbot.waitUntil(lambda: window.library_model.rowCount() == 1)
    assert window.current_article.article.title == TITLES[0]
    assert window.undo_stack.count() == 1 and window.undo_stack.undoText() == "Delete 2 articles"
    qtbot.keyClick(window.library_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.library_model.rowCount() == 3)
    assert window.library.count() == 3


def test_keyboard_moves_the_open_article_and_shift_extends_the_selection(qtbot, window, pages):
    import_and_wait(qtbot, window, [pages])
    click_row(qtbot, window, TITLES[0])
    first = window.current_id
    qtbot.keyClick(window.library_view, Qt.Key.Key_Down)
    assert window.current_id != first and window.selected_ids() == [window.current_id]
    qtbot.keyClick(window.library_view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(window.selected_ids()) == 2 and window.selected_ids()[-1] == window.current_id


def test_the_selection_survives_the_list_being_re_read(qtbot, window, pages, tmp_path):
    import_and_wait(qtbot, window, [pages / "field-notes.html", pages / "quiet-hours.md"])
    window.library_view.selectAll()
    selected = window.selected_ids()
    import_and_wait(qtbot, window, [pages / "library-week.txt"])  # the list is re-read while importing and after
    assert set(selected) <= set(window.selected_ids())
    window.filter_library("reading")
    assert set(window.selected_ids()) == {i for i in selected if "reading" in window.library.get(i).article.title}


def test_the_worker_reports_progress_while_it_writes(qtbot, window, pages, tmp_path):
    import_and_wait(qtbot, window, [pages])
    ids = [window.library_model.summary(row).id for row in range(3)] * 40
    worker = ExportWorker(window.library.path, ExportChoice("json", ids, tmp_path / "notes.json"), {})
    seen = []
    worker.progress.connect(lambda done, total: seen.append((done, total)))
    reports = []
    worker.finished.connect(reports.append)
    worker.run()  # on this thread: the signals arrive as it goes
    assert seen[0] == (0, 120) and seen[-1] == (120, 120)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert reports[0].written == [tmp_path / "notes.json"] and not reports[0].cancelled


def test_an_unreadable_article_is_skipped_and_the_others_exported(qtbot, app, tmp_path):
    ids = library_with_one_damaged(app.library_path, count=5, damaged=2)
    window = app.launch()
    out = tmp_path / "vault"
    app.dialogs.export_answer = ("md", "library", str(out))
    window.export_dialog()
    qtbot.waitUntil(lambda: not window.exporting, timeout=30_000)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"Article-{n}-{ids[n]:04x}.md" for n in (0, 1, 3, 4))
    assert window.statusBar().currentMessage() == f"Exported 4 files to {out}; 1 article was skipped as unreadable"
    [(article_id, reason)] = window.last_export.damaged
    assert article_id == ids[2] and reason.startswith(f"Article number {ids[2]} cannot be read")
    assert window.exports.preview([ids[2]], "md").startswith(f"Article number {ids[2]} cannot be read")  # not a crash
