"""The theme the whole application wears: chosen in View ▸ Theme, remembered, or the desktop's.

It colours the application (palette and style sheet); widgets that draw colours of their
own (the reading view, its highlights) listen to ``changed``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMenu

from reader.paths import resource
from reader.themes import CHOICES, DARK_THEME, LIGHT_THEME, SYSTEM, THEMES, Theme, fill_in

SETTING = "view/theme"


def palette_for(theme: Theme) -> QPalette:
    """A palette for every widget Qt draws itself: dialogs, menus, inputs, lists, scroll bars."""
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    palette = QPalette()
    colours = {
        role.Window: theme.window, role.WindowText: theme.text, role.Base: theme.base,
        role.AlternateBase: theme.side, role.Text: theme.text, role.PlaceholderText: theme.muted,
        role.Button: theme.window, role.ButtonText: theme.text, role.BrightText: theme.heading,
        role.Highlight: theme.selection, role.HighlightedText: theme.selected_text,
        role.ToolTipBase: theme.base, role.ToolTipText: theme.text,
        role.Link: theme.link, role.LinkVisited: theme.link,
        role.Light: theme.base, role.Midlight: theme.handle, role.Mid: theme.border,
        role.Dark: theme.thumb, role.Shadow: theme.border,
    }
    for name, colour in colours.items():
        palette.setColor(name, QColor(colour))
    for name in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(group.Disabled, name, QColor(theme.muted))
    return palette


def apply_theme(theme: Theme) -> None:
    """Colour every widget of the application, present and future."""
    app = QApplication.instance()
    app.setPalette(palette_for(theme))
    app.setStyleSheet(fill_in(resource("app.qss").read_text(encoding="utf-8"), theme))


class ThemeManager(QObject):
    """Owns the theme choice (light, sepia, dark or the system's) and applies it.

    Emits ``changed(Theme)`` whenever the theme in effect changes, whether the user chose
    another or the desktop switched its colour scheme while following it.
    """

    changed = Signal(object)

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        choice = str(settings.value(SETTING, SYSTEM))
        self.choice = choice if choice in CHOICES else SYSTEM
        self.theme = self._resolve()
        self.actions: dict[str, QAction] = {}
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.on_color_scheme)
        apply_theme(self.theme)

    def _resolve(self, scheme: Qt.ColorScheme | None = None) -> Theme:
        if self.choice != SYSTEM:
            return THEMES[self.choice]
        scheme = QGuiApplication.styleHints().colorScheme() if scheme is None else scheme
        return DARK_THEME if scheme == Qt.ColorScheme.Dark else LIGHT_THEME

    def add_menu(self, parent: QMenu) -> QMenu:
        """View ▸ Theme: one checkable entry per choice, exactly one checked."""
        menu = parent.addMenu("&Theme")
        group = QActionGroup(menu)
        for choice, label in CHOICES.items():
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(choice == self.choice)
            # Queued: a new application style sheet re-polishes every widget, and doing that while
            # the menu is still handling the click that closes it crashes Qt.
            action.triggered.connect(lambda _=False, c=choice: self.choose(c), Qt.ConnectionType.QueuedConnection)
            group.addAction(action)
            self.actions[choice] = action
        return menu

    def choose(self, choice: str) -> None:
        """Wear this theme (or follow the desktop) from now on, and next time."""
        self.choice = choice
        self.settings.setValue(SETTING, choice)
        if choice in self.actions:
            self.actions[choice].setChecked(True)
        self._switch(self._resolve())

    def on_color_scheme(self, scheme: Qt.ColorScheme) -> None:
        """The desktop went light or dark: follow it if asked to."""
        if self.choice == SYSTEM:
            self._switch(self._resolve(scheme))

    def _switch(self, theme: Theme) -> None:
        if theme != self.theme:
            self.theme = theme
            apply_theme(theme)
            self.changed.emit(theme)
