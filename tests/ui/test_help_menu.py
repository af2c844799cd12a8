"""Help ▸ Keyboard Shortcuts lists what the menus really do; Help ▸ About says where things are."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QTreeWidget

from reader.paths import data_dir
from reader.ui.dialogs import Dialogs
from reader.ui.help_menu import version
from tests.ui.conftest import import_and_wait


def native(key) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def test_the_shortcut_list_comes_from_the_windows_actions(qtbot, window, app, pages):
    import_and_wait(qtbot, window, [pages / "quiet-hours.md"])
    window.reader.selectAll()
    window.menuBar().actions()[0].menu().addAction("&Frobnicate && Polish").setShortcut(QKeySequence("Ctrl+Alt+P"))
    qtbot.keyClick(window, Qt.Key.Key_H)  # something to undo: the Undo entry's text now names it
    assert window.undo_stack.undoText()
    window.help.shortcuts_action.trigger()
    [rows] = app.dialogs.shortcuts_shown
    assert ("File", "Import…", native(QKeySequence.StandardKey.Open)) in rows
    assert ("Annotate", "Highlight Selection", "H") in rows
    assert ("Edit", "Delete Article", native(QKeySequence.StandardKey.Delete)) in rows
    assert ("Edit", "Undo", native(QKeySequence.StandardKey.Undo)) in rows
    assert ("Edit", "Redo", f"{native('Ctrl+Shift+Z')}, {native('Ctrl+Y')}") in rows
    assert ("File", "Frobnicate & Polish", native("Ctrl+Alt+P")) in rows
    assert ("Help", "Keyboard Shortcuts", native(QKeySequence.StandardKey.HelpContents)) in rows
    assert all("&" not in action or action == "Frobnicate & Polish" for _, action, _ in rows)
    assert all(keys for _, _, keys in rows)
    assert not any(action.startswith("Reading Settings") for _, action, _ in rows)  # it has no key


def test_the_shortcuts_dialog_groups_the_rows_by_menu(qtbot, window):
    rows = [("File", "Import…", "Ctrl+O"), ("File", "Quit", "Ctrl+Q"), ("View", "Next Section", "Alt+Down")]
    seen = {}

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        tree = dialog.findChild(QTreeWidget, "shortcuts")
        seen["groups"] = {tree.topLevelItem(i).text(0): [(tree.topLevelItem(i).child(j).text(0),
                                                          tree.topLevelItem(i).child(j).text(1))
                                                         for j in range(tree.topLevelItem(i).childCount())]
                          for i in range(tree.topLevelItemCount())}
        dialog.reject()

    QTimer.singleShot(0, read_and_close)
    Dialogs(window).show_shortcuts(rows)
    assert seen["groups"] == {"File": [("Import…", "Ctrl+O"), ("Quit", "Ctrl+Q")], "View": [("Next Section", "Alt+Down")]}


def test_about_names_the_version_library_data_folder_and_log(qtbot, window, app):
    window.help.about_action.trigger()
    [text] = app.dialogs.about_shown
    assert f"Reader {version()}" in text and version() != "unknown"
    assert window.library.path in text
    assert str(data_dir()) in text
    assert "Log file" in text
