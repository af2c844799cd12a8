"""Themes and reading styles as data: readable colours, complete style sheets, today's look by default."""

from __future__ import annotations

import itertools
import re

import pytest

from reader.model import COLORS
from reader.paths import resource
from reader.reading_style import ReadingStyle, reader_css
from reader.themes import DARK_THEME, LIGHT_THEME, THEMES, Theme, blend, contrast, fill_in, rgb

AA = 4.5
GRAPHICS = 3.0  # WCAG 1.4.11: lines and other non-text marks against what is around them
DISTINCT = 12.0  # CIE76 ΔE between any two highlight colours on the page


def lab(color: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour, to tell how far apart two fills look."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c / 255) for c in rgb(color))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e(first: str, second: str) -> float:
    return sum((a - b) ** 2 for a, b in zip(lab(first), lab(second))) ** 0.5


themes = pytest.mark.parametrize("theme", list(THEMES.values()), ids=list(THEMES))


def test_the_wcag_formula_gives_the_known_ratios():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert blend("#ffffff", "#000000", 0.5) == "#808080"


@themes
@pytest.mark.parametrize("color", list(COLORS))
@pytest.mark.parametrize("active", [False, True], ids=["fill", "active"])
def test_text_on_every_highlight_fill_passes_aa(theme: Theme, color: str, active: bool):
    for ink in (theme.ink, theme.heading, theme.link):
        assert contrast(ink, theme.fill_on_page(color, active)) >= AA, (ink, theme.fill_on_page(color, active))


@themes
@pytest.mark.parametrize("color", list(COLORS))
def test_underlines_stand_out_from_the_page(theme: Theme, color: str):
    assert contrast(theme.underlines[color], theme.page) >= GRAPHICS


@themes
def test_the_six_fills_stay_apart_and_apart_from_the_page(theme: Theme):
    fills = {color: theme.fill_on_page(color) for color in COLORS}
    for (a, first), (b, second) in itertools.combinations(fills.items(), 2):
        assert delta_e(first, second) >= DISTINCT, (a, b)
    for color, fill in fills.items():
        assert delta_e(fill, theme.page) >= DISTINCT, color
        assert delta_e(fill, theme.fill_on_page(color, active=True)) >= 5, color  # the active one shows


@themes
def test_text_roles_pass_aa_where_they_are_drawn(theme: Theme):
    pairs = {
        "ink on page": (theme.ink, theme.page), "meta on page": (theme.meta, theme.page),
        "link on page": (theme.link, theme.page), "quote on page": (theme.quote, theme.page),
        "ink on code": (theme.ink, theme.code), "text on window": (theme.text, theme.window),
        "text on the library": (theme.text, theme.side), "muted on the contents": (theme.muted, theme.panel),
        "muted on the library": (theme.muted, theme.side), "muted on the page": (theme.muted, theme.page),
        "selected text": (theme.selected_text, theme.selection), "text in inputs": (theme.text, theme.base),
        "text in a find match": (theme.ink, theme.find), "a problem in a dialog": (theme.danger, theme.window),
    }
    for name, (text, background) in pairs.items():
        assert contrast(text, background) >= AA, name


def test_dark_is_dark_and_light_is_light():
    assert contrast(DARK_THEME.page, "#000000") < 1.5 and contrast(LIGHT_THEME.page, "#ffffff") < 1.1


@themes
@pytest.mark.parametrize("name", ["app.qss", "reader.css"])
def test_style_sheets_name_only_roles_a_theme_has(theme: Theme, name: str):
    template = resource(name).read_text(encoding="utf-8")
    filled = reader_css(template, theme, ReadingStyle()) if name == "reader.css" else fill_in(template, theme)
    assert "$" not in filled
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b", template), "colours belong in reader/themes.py"


def test_the_default_style_is_the_old_look():
    css = reader_css(resource("reader.css").read_text(encoding="utf-8"), LIGHT_THEME, ReadingStyle())
    assert "p { margin-top: 0px; margin-bottom: 16px; line-height: 135%; }" in css
    assert "h1.title { font-size: 24pt;" in css and "h2 { font-size: 17pt;" in css
    assert "body { color: #1f2328; }" in css


def test_every_length_follows_the_chosen_size():
    css = reader_css(resource("reader.css").read_text(encoding="utf-8"), LIGHT_THEME,
                     ReadingStyle(size=25, line_height=180, paragraph_spacing=30))
    assert "h1.title { font-size: 48pt;" in css and "margin-top: 52px" in css
    assert "margin-bottom: 30px; line-height: 180%;" in css
    assert "line-height: 115%" in css  # percentages are not lengths


def test_zoom_scales_a_style_it_does_not_own():
    style = ReadingStyle(latin_family="DejaVu Serif", size=14, paragraph_spacing=20).scaled(1.5)
    assert (style.size, style.paragraph_spacing, style.latin_family, style.line_height) == (21, 30, "DejaVu Serif", 135)
