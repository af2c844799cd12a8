"""View ▸ Reading Settings…: fonts per script, size, spacing, column width, with a live preview."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.paths import resource
from reader.reading_style import ReadingStyle, reader_css
from reader.themes import Theme
from reader.ui.reader_view import reading_font

CJK_SYSTEMS = (
    QFontDatabase.WritingSystem.SimplifiedChinese,
    QFontDatabase.WritingSystem.TraditionalChinese,
    QFontDatabase.WritingSystem.Japanese,
    QFontDatabase.WritingSystem.Korean,
)
PREVIEW_HTML = (
    "<h2>阅读周</h2>"
    "<p>4月22日，青溪市图书馆第三届阅读周在市文化中心开幕。本届阅读周以“书香满城”为主题，"
    "持续七天，安排了讲座、读书会和旧书交换等活动。</p>"
    "<p>The reading room stays quiet in the early hours, when the light comes in low across the "
    "tables and the only sound is a page being turned.</p>"
)


def cjk_families() -> list[str]:
    """Installed families that cover Chinese, Japanese or Korean."""
    found = {family for system in CJK_SYSTEMS for family in QFontDatabase.families(system)}
    return sorted(f for f in found if not QFontDatabase.isPrivateFamily(f))


def latin_families() -> list[str]:
    """Installed Latin families, serif and sans, leaving out the CJK ones (listed apart)."""
    cjk = set(cjk_families())
    return sorted(f for f in QFontDatabase.families(QFontDatabase.WritingSystem.Latin)
                  if f not in cjk and not QFontDatabase.isPrivateFamily(f))


def family_box(automatic: str, families: list[str], chosen: str) -> QComboBox:
    """A family list whose first entry (empty data) leaves the choice to Reader."""
    box = QComboBox()
    box.addItem(automatic, "")
    for family in families:
        box.addItem(family, family)
    if chosen and box.findData(chosen) < 0:
        box.addItem(f"{chosen} (not installed)", chosen)
    box.setCurrentIndex(max(box.findData(chosen), 0))
    return box


class ReadingSettingsDialog(QDialog):
    """Edits a :class:`ReadingStyle`; the preview shows it in the current theme as it changes."""

    def __init__(self, style: ReadingStyle, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Reading settings")
        self.theme = theme
        self._template = resource("reader.css").read_text(encoding="utf-8")
        self.latin_box = family_box("Automatic (sans serif)", latin_families(), style.latin_family)
        self.cjk_box = family_box("Automatic (by the article's language)", cjk_families(), style.cjk_family)
        self.size_box = QDoubleSpinBox(decimals=1, minimum=8.0, maximum=36.0, singleStep=0.5, suffix=" pt")
        self.line_height_box = QSpinBox(minimum=100, maximum=250, singleStep=5, suffix=" %")
        self.paragraph_box = QSpinBox(minimum=0, maximum=80, singleStep=2, suffix=" px")
        self.measure_box = QSpinBox(minimum=16, maximum=80, singleStep=2, suffix=" Chinese characters")
        self.measure_box.setToolTip("The width of the text column; Latin text fits about twice as many letters.")
        self.preview = QTextBrowser()
        self.preview.setObjectName("readingPreview")
        self.preview.setMinimumSize(440, 320)
        self._show(style)
        for box in (self.latin_box, self.cjk_box):
            box.currentIndexChanged.connect(self.update_preview)
        for spin in (self.size_box, self.line_height_box, self.paragraph_box, self.measure_box):
            spin.valueChanged.connect(self.update_preview)
        self._layout()
        self.update_preview()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("Latin font", self.latin_box)
        form.addRow("Chinese, Japanese, Korean font", self.cjk_box)
        form.addRow("Size", self.size_box)
        form.addRow("Line spacing", self.line_height_box)
        form.addRow("Paragraph spacing", self.paragraph_box)
        form.addRow("Column width", self.measure_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            lambda: self._show(ReadingStyle()))
        columns = QHBoxLayout()
        columns.addLayout(form)
        columns.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(buttons)

    def _show(self, style: ReadingStyle) -> None:
        self.latin_box.setCurrentIndex(max(self.latin_box.findData(style.latin_family), 0))
        self.cjk_box.setCurrentIndex(max(self.cjk_box.findData(style.cjk_family), 0))
        self.size_box.setValue(style.size)
        self.line_height_box.setValue(style.line_height)
        self.paragraph_box.setValue(style.paragraph_spacing)
        self.measure_box.setValue(style.measure)

    def reading_style(self) -> ReadingStyle:
        """The style as the controls show it now."""
        return ReadingStyle(
            latin_family=self.latin_box.currentData() or "",
            cjk_family=self.cjk_box.currentData() or "",
            size=self.size_box.value(),
            line_height=self.line_height_box.value(),
            paragraph_spacing=self.paragraph_box.value(),
            measure=self.measure_box.value(),
        )

    def update_preview(self) -> None:
        """Set the sample paragraphs as an article would be set with these choices."""
        style = self.reading_style()
        document = self.preview.document()
        document.setDefaultStyleSheet(reader_css(self._template, self.theme, style))
        document.setDefaultFont(reading_font("zh", style))
        self.preview.setHtml(PREVIEW_HTML)  # the style sheet applies as the HTML is read; back to the top
