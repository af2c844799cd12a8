"""The colour and tag filter boxes that the annotation lists share."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from reader.model import COLORS
from reader.ui.selection_toolbar import swatch


def compact(*combos: QComboBox) -> None:
    """Let filter boxes shrink with their pane instead of holding it wide."""
    for combo in combos:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(5)


def colour_filter() -> QComboBox:
    """"All colours", then each colour with its swatch; the item data is the colour or None."""
    combo = QComboBox()
    combo.addItem("All colours", None)
    for color in COLORS:
        combo.addItem(swatch(color), color, color)
    compact(combo)
    return combo


def tag_filter() -> QComboBox:
    combo = QComboBox()
    fill_tags(combo, [])
    compact(combo)
    return combo


def fill_tags(combo: QComboBox, tags: list[str]) -> None:
    """Offer these tags, keeping the one chosen if it still exists, without firing a change."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem("All tags", None)
    for tag in tags:
        combo.addItem(f"#{tag}", tag)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    combo.blockSignals(False)
