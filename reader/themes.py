"""Colour themes as plain data: every colour the window and the reading view use, by role.

Kept free of Qt so the colours can be checked (WCAG contrast, see :func:`contrast`)
without a display, and so the style sheets are filled from one place: ``resources/app.qss``
and ``resources/reader.css`` name roles (``$page``, ``$ink``, …), never colours.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from string import Template

from reader.model import COLORS

LIGHT, SEPIA, DARK, SYSTEM = "light", "sepia", "dark", "system"


@dataclass(frozen=True)
class Theme:
    """One theme. Hex colours ``#rrggbb``; highlight fills are drawn at ``fill_alpha`` over the page."""

    name: str
    dark: bool
    # the window's chrome
    window: str  # menus, tabs, status bar, dialogs
    text: str  # text on the chrome and in lists
    muted: str  # placeholders, secondary lines
    base: str  # inputs and plain lists
    side: str  # the library list
    panel: str  # the contents pane
    border: str
    handle: str  # splitter handles, scroll bar grooves
    thumb: str  # scroll bar handles
    selection: str  # selected rows and selected text
    selected_text: str
    danger: str  # what went wrong, in a dialog
    # the reading view
    page: str
    ink: str
    meta: str  # the source-and-date line
    link: str
    heading: str
    quote: str  # blockquote text
    code: str  # code background
    rule: str  # table borders
    # highlights, by colour name (reader.model.COLORS)
    fills: Mapping[str, str]
    fill_alpha: float
    active_alpha: float  # the highlight picked in the pane or clicked
    underlines: Mapping[str, str]
    find: str  # the tint a find bar lays over matches, opaque

    def roles(self) -> dict[str, str]:
        """Every single-colour role, for the ``$role`` placeholders of the style sheets."""
        return {f.name: value for f in dataclasses.fields(self) if isinstance(value := getattr(self, f.name), str)}

    def fill(self, color: str, active: bool = False) -> tuple[int, int, int, int]:
        """RGBA of a highlight's fill; an unknown colour is drawn as yellow (as the store's default)."""
        alpha = self.active_alpha if active else self.fill_alpha
        return (*rgb(self.fills.get(color, self.fills["yellow"])), round(alpha * 255))

    def fill_on_page(self, color: str, active: bool = False) -> str:
        """The opaque colour a fill makes on the page: what text is read against."""
        alpha = self.active_alpha if active else self.fill_alpha
        return blend(self.fills.get(color, self.fills["yellow"]), self.page, alpha)


def rgb(color: str) -> tuple[int, int, int]:
    value = color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def blend(top: str, bottom: str, alpha: float) -> str:
    """``top`` laid over ``bottom`` at ``alpha``, as the painter composes a translucent fill."""
    mixed = (round(alpha * t + (1 - alpha) * b) for t, b in zip(rgb(top), rgb(bottom)))
    return "#" + "".join(f"{channel:02x}" for channel in mixed)


def luminance(color: str) -> float:
    """WCAG 2 relative luminance."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio, 1 to 21; body text needs 4.5 (AA)."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def fill_in(template: str, theme: Theme, **extra: str) -> str:
    """A style sheet template with its ``$role`` names replaced; a name no theme has raises KeyError."""
    return Template(template).substitute(theme.roles(), **extra)


LIGHT_THEME = Theme(
    name=LIGHT, dark=False,
    window="#eff0f2", text="#1f2328", muted="#656d76", base="#ffffff", side="#f6f7f9", panel="#fafafa",
    border="#d0d7de", handle="#e4e6ea", thumb="#c4c9d0", selection="#dbe7f6", selected_text="#111111", danger="#c21f2b",
    page="#fffefb", ink="#1f2328", meta="#57606a", link="#08468a", heading="#1f2328", quote="#444c56",
    code="#f6f8fa", rule="#d0d7de",
    fills=COLORS, fill_alpha=0.72, active_alpha=1.0,
    underlines={"yellow": "#a88a00", "green": "#2f8a3b", "blue": "#2b74c0", "pink": "#c2407c",
                "purple": "#7b52c7", "red": "#c93c3c"},
    find="#ffb454",
)

SEPIA_THEME = Theme(
    name=SEPIA, dark=False,
    window="#e9dfc8", text="#3b2f23", muted="#6e5d48", base="#f8f1e1", side="#efe6d0", panel="#f1e9d5",
    border="#d2c3a4", handle="#dfd2b6", thumb="#c7b794", selection="#dcc8a0", selected_text="#2a2017", danger="#9e2429",
    page="#f5eddb", ink="#3b2f23", meta="#6b5a45", link="#144a72", heading="#2e241a", quote="#5a4a38",
    code="#ebe1c9", rule="#d2c3a4",
    fills=COLORS, fill_alpha=0.68, active_alpha=1.0,
    underlines={"yellow": "#9a7b00", "green": "#2f7a37", "blue": "#2b67a8", "pink": "#b03a70",
                "purple": "#6e4bb0", "red": "#b83535"},
    find="#f0a040",
)

DARK_THEME = Theme(
    name=DARK, dark=True,
    window="#25272b", text="#d8dadd", muted="#9aa1a9", base="#1e2023", side="#202225", panel="#202225",
    border="#3a3f45", handle="#2e3136", thumb="#4a4f57", selection="#2f4a6d", selected_text="#f0f3f6", danger="#ff8a80",
    page="#1b1d20", ink="#d6d8db", meta="#9aa1a9", link="#b0d4ff", heading="#eceef0", quote="#b0b6bd",
    code="#2a2d31", rule="#3a3f45",
    fills={"yellow": "#d9ad00", "green": "#3fae3f", "blue": "#3a8ee6", "pink": "#d94fa8",
           "purple": "#9a6be0", "red": "#e5553a"},
    fill_alpha=0.3, active_alpha=0.4,
    underlines=COLORS,
    find="#6e4a00",
)

THEMES: dict[str, Theme] = {theme.name: theme for theme in (LIGHT_THEME, SEPIA_THEME, DARK_THEME)}
CHOICES: dict[str, str] = {LIGHT: "&Light", SEPIA: "&Sepia", DARK: "&Dark", SYSTEM: "Follow &System"}
"""What View ▸ Theme offers, in menu order."""
