"""The Export Notes dialog itself, built and driven without exec (no modal loop in the suite)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from reader.ui.export_dialog import ExportAnswer, ExportDialog, ExportOffer


class Picker:
    """Stands in for the folder/file picker behind Choose…"""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def __call__(self, parent, fmt: str) -> str:
        self.asked.append(fmt)
        return self.answer


def offer(**changes) -> ExportOffer:
    values = dict(preview=lambda fmt, scope: f"{fmt} of {scope}", current_title="青溪市图书馆举办第三届阅读周活动",
                  selected=2, annotated=5, library=10_000)
    values.update(changes)
    return ExportOffer(**values)


@pytest.fixture
def make_dialog(qtbot):
    def make(picker: Picker | None = None, **changes) -> ExportDialog:
        dialog = ExportDialog(offer(**changes), choose_destination=picker or Picker(""))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def pick(qtbot, dialog: ExportDialog, scope: str) -> None:
    """Click a scope's radio button on its circle (the row is wider than what a click hits)."""
    button = dialog.scope_buttons[scope]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def ok(qtbot, dialog: ExportDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_scopes_show_their_counts_and_the_open_article_comes_first(make_dialog):
    dialog = make_dialog()
    labels = {scope: button.text() for scope, button in dialog.scope_buttons.items()}
    assert labels == {
        "current": "This article: 青溪市图书馆举办第三届阅读周活动",
        "selected": "Selected articles (2)",
        "all": "All annotated articles (5)",
        "library": "Whole library (10,000)",
    }
    assert dialog.scope_buttons["current"].isChecked() and dialog.scope == "current"
    assert all(button.isEnabled() for button in dialog.scope_buttons.values())


def test_empty_scopes_are_disabled_and_a_requested_scope_is_chosen(make_dialog):
    dialog = make_dialog(current_title=None, selected=0, annotated=0, library=3)
    assert [scope for scope, b in dialog.scope_buttons.items() if b.isEnabled()] == ["library"]
    assert dialog.scope == "library"  # the only choice with something in it
    assert make_dialog(scope="selected").scope == "selected"
    assert make_dialog(scope="selected", selected=0).scope == "current"


def test_switching_format_or_scope_updates_the_preview(make_dialog, qtbot):
    dialog = make_dialog()
    assert dialog.preview.toPlainText() == "md of current"
    dialog.formats.setCurrentIndex(dialog.formats.findData("json"))
    assert dialog.preview.toPlainText() == "json of current"
    pick(qtbot, dialog, "library")
    assert dialog.preview.toPlainText() == "json of library"
    qtbot.keyClick(dialog.formats, Qt.Key.Key_Down)
    assert (dialog.fmt, dialog.preview.toPlainText()) == ("csv", "csv of library")
    assert dialog.destination.placeholderText() == "a .csv file"


def test_ok_without_a_destination_is_refused(make_dialog, qtbot):
    dialog = make_dialog()
    ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problem.isVisible() and dialog.problem.text() == "Choose a folder to export into."
    assert dialog.answer() is None
    qtbot.keyClicks(dialog.destination, "   ")
    ok(qtbot, dialog)
    assert dialog.isVisible()


def test_typed_destination_gives_the_answer(make_dialog, qtbot, tmp_path):
    dialog = make_dialog()
    pick(qtbot, dialog, "selected")
    dialog.formats.setCurrentIndex(dialog.formats.findData("html"))
    dialog.destination.insert(str(tmp_path / "笔记"))  # keyClicks cannot type Chinese
    ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert dialog.answer() == ExportAnswer("html", "selected", str(tmp_path / "笔记"))
    assert dialog.answer() == ("html", "selected", str(tmp_path / "笔记"))  # a plain tuple too


def test_choose_asks_for_a_folder_or_a_file_by_format(make_dialog, qtbot):
    picker = Picker("/tmp/notes.json")
    dialog = make_dialog(picker)
    ok(qtbot, dialog)
    assert dialog.problem.isVisible()
    dialog.formats.setCurrentIndex(dialog.formats.findData("json"))
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    assert picker.asked == ["json"] and dialog.destination.text() == "/tmp/notes.json"
    assert not dialog.problem.isVisible()
    picker.answer = ""  # the user cancelled the picker: the destination stays
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    assert dialog.destination.text() == "/tmp/notes.json"
    ok(qtbot, dialog)
    assert dialog.answer() == ("json", "current", "/tmp/notes.json")


def test_cancel_gives_no_answer_through_dialogs(qtbot, monkeypatch):
    from reader.ui.dialogs import Dialogs

    monkeypatch.setattr(ExportDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert Dialogs().ask_export(offer()) is None

    def accept_with_destination(self):
        self.destination.setText("/tmp/x")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", accept_with_destination)
    assert Dialogs().ask_export(offer()) == ("md", "current", "/tmp/x")
