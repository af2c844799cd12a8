"""The reading style every article is set in: remembered, and changed through a dialog."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Signal

from reader.reading_style import ReadingStyle

PREFIX = "reading/"


def load_style(settings: QSettings) -> ReadingStyle:
    """The saved style; a missing or unreadable value keeps its default."""
    values = {}
    for field in dataclasses.fields(ReadingStyle):
        saved = settings.value(PREFIX + field.name)
        if saved is None:
            continue
        try:
            values[field.name] = type(field.default)(saved)
        except (TypeError, ValueError):
            continue
    return ReadingStyle(**values)


def save_style(settings: QSettings, style: ReadingStyle) -> None:
    for field in dataclasses.fields(ReadingStyle):
        settings.setValue(PREFIX + field.name, getattr(style, field.name))


class ReadingSettings(QObject):
    """Holds the reading style and emits ``changed(ReadingStyle)`` when the user picks another.

    ``ask`` shows the settings dialog for a style and answers the new one, or None if cancelled.
    """

    changed = Signal(object)

    def __init__(self, settings: QSettings, ask: Callable[[ReadingStyle], ReadingStyle | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.ask = ask
        self.style = load_style(settings)

    def edit(self) -> None:
        """View ▸ Reading Settings…: ask, then apply to every article and remember."""
        style = self.ask(self.style)
        if style is not None and style != self.style:
            self.style = style
            save_style(self.settings, style)
            self.changed.emit(style)
