"""How articles are set: fonts per script, size, spacing and column width, as plain data.

The defaults are the look Reader always had. Zoom multiplies a style (:meth:`ReadingStyle.scaled`)
rather than owning a second size, so the two compose.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from reader.themes import Theme, fill_in

BASE_SIZE = 12.5
"""The size ``resources/reader.css`` is written for: its lengths scale with the chosen size."""

LENGTH = re.compile(r"(?<![\w#$])(\d+(?:\.\d+)?)(px|pt)\b")


@dataclass(frozen=True)
class ReadingStyle:
    """Empty family names mean Reader's own choice (a sans serif, and a CJK face by article language)."""

    latin_family: str = ""
    cjk_family: str = ""
    size: float = BASE_SIZE  # points
    line_height: int = 135  # percent of the font's line
    paragraph_spacing: int = 16  # pixels below a paragraph at this size
    measure: int = 36  # column width, in ideographs (about twice as many Latin letters)

    def scaled(self, factor: float) -> ReadingStyle:
        """The same style with text and paragraph gaps ``factor`` times larger (zoom)."""
        return dataclasses.replace(self, size=self.size * factor,
                                   paragraph_spacing=round(self.paragraph_spacing * factor))


def _scale_lengths(css: str, factor: float) -> str:
    """QTextDocument knows no ``em``: every px/pt length is written for 12.5 pt and scaled here."""
    def scaled(match: re.Match[str]) -> str:
        value = float(match.group(1)) * factor
        if match.group(2) == "px":
            value = max(round(value), 1) if value else 0  # a hairline border stays visible
        return f"{round(value, 1):g}{match.group(2)}"

    return LENGTH.sub(scaled, css)


def reader_css(template: str, theme: Theme, style: ReadingStyle) -> str:
    """The reading view's document style sheet for a theme and a reading style."""
    sized = _scale_lengths(template, style.size / BASE_SIZE)
    return fill_in(sized, theme, line_height=f"{style.line_height}%",
                   paragraph_spacing=f"{max(style.paragraph_spacing, 0)}px")
