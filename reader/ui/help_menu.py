"""Help ▸ Keyboard Shortcuts and Help ▸ About Reader.

The shortcut list is read from the window's own menus when it is asked for, so it can never
disagree with what the keys do, and shows each key the way this platform writes it.
"""

from __future__ import annotations

import html
from importlib import metadata

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar

from reader.logs import log_file
from reader.paths import data_dir

ShortcutRow = tuple[str, str, str]  # menu, action, keys
# The name to list an action under when its text changes as it is used (Undo → "Undo Delete …").
SHORTCUT_LABEL = "shortcutLabel"


def plain(text: str) -> str:
    """A menu text without its mnemonic marks ("&Import…" → "Import…"; "&&" is a real ampersand)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def shortcut_rows(menu_bar: QMenuBar) -> list[ShortcutRow]:
    """Every menu action with a shortcut, in menu order, as (menu, action, keys in native text)."""
    rows: list[ShortcutRow] = []
    for entry in menu_bar.actions():
        if entry.menu() is not None:
            _collect(entry.menu(), plain(entry.menu().title()), rows)
    return rows


def _collect(menu: QMenu, title: str, rows: list[ShortcutRow]) -> None:
    for action in menu.actions():
        if action.menu() is not None:
            _collect(action.menu(), f"{title} ▸ {plain(action.menu().title())}", rows)
        elif action.shortcuts():
            keys = ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts())
            rows.append((title, action.property(SHORTCUT_LABEL) or plain(action.text()), keys))


def version() -> str:
    try:
        return metadata.version("reader")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


def about_html(library_path: str) -> str:
    """What a bug report needs: the version and where the library, data and log are."""
    log = log_file()
    rows = [
        ("Library", library_path),
        ("Data folder", str(data_dir())),
        ("Log file", str(log) if log is not None else "none: logging goes to standard error"),
    ]
    cells = "".join(f"<tr><td><b>{name}</b>&nbsp;&nbsp;</td><td>{html.escape(value)}</td></tr>" for name, value in rows)
    return (f"<h3>Reader {html.escape(version())}</h3><p>Read and annotate saved web pages, offline.</p>"
            f"<table>{cells}</table>")


class HelpMenu(QObject):
    """Adds the Help menu to ``window`` and answers its two entries through ``dialogs``."""

    def __init__(self, window: QMainWindow, dialogs, library_path: str) -> None:
        super().__init__(window)
        self._window, self._dialogs, self._library_path = window, dialogs, library_path
        menu = window.menuBar().addMenu("&Help")
        self.shortcuts_action = QAction("&Keyboard Shortcuts", window)
        self.shortcuts_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action = QAction("&About Reader", window)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        for action in (self.shortcuts_action, self.about_action):
            menu.addAction(action)
            window.addAction(action)

    def show_shortcuts(self) -> None:
        self._dialogs.show_shortcuts(shortcut_rows(self._window.menuBar()))

    def show_about(self) -> None:
        self._dialogs.show_about(about_html(self._library_path))
