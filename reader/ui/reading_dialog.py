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
        self.latin = family_box("Automatic (sans serif)", latin_families(), style.latin_family)
        self.cjk = family_box("Automatic (by the article's language)", cjk_families(), style.cjk_family)
        self.size = QDoubleSpinBox(decimals=1, minimum=8.0, maximum=36.0, singleStep=0.5, suffix=" pt")
        self.line_height = QSpinBox(minimum=100, maximum=250, singleStep=5, suffix=" %")
        self.paragraph_spacing = QSpinBox(minimum=0, maximum=80, singleStep=2, suffix=" px")
        self.measure = QSpinBox(minimum=16, maximum=80, singleStep=2, suffix=" Chinese characters")
        self.measure.setToolTip("The width of the text column; Latin text fits about twice as many letters.")
        self.preview = QTextBrowser()
        self.preview.setObjectName("readingPreview")
        self.preview.setMinimumSize(420, 260)
        self._show(style)
        for box in (self.latin, self.cjk):
            box.currentIndexChanged.connect(self.update_preview)
        for spin in (self.size, self.line_height, self.paragraph_spacing, self.measure):
            spin.valueChanged.connect(self.update_preview)
        self._layout()
        self.update_preview()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("Latin font", self.latin)
        form.addRow("Chinese, Japanese, Korean font", self.cjk)
        form.addRow("Size", self.size)
        form.addRow("Line spacing", self.line_height)
        form.addRow("Paragraph spacing", self.paragraph_spacing)
        form.addRow("Column width", self.measure)
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
        self.latin.setCurrentIndex(max(self.latin.findData(style.latin_family), 0))
        self.cjk.setCurrentIndex(max(self.cjk.findData(style.cjk_family), 0))
        self.size.setValue(style.size)
        self.line_height.setValue(style.line_height)
        self.paragraph_spacing.setValue(style.paragraph_spacing)
        self.measure.setValue(style.measure)

    def reading_style(self) -> ReadingStyle:
        """The style as the controls show it now."""
        return ReadingStyle(
            latin_family=self.latin.currentData() or "",
            cjk_family=self.cjk.currentData() or "",
            size=self.size.value(),
            line_height=self.line_height.value(),
            paragraph_spacing=self.paragraph_spacing.value(),
            measure=self.measure.value(),
        )

    def update_preview(self) -> None:
        """Set the sample paragraphs as an article would be set with these choices."""
        style = self.reading_style()
        document = self.preview.document()
        document.setDefaultStyleSheet(reader_css(self._template, self.theme, style))
        document.setDefaultFont(reading_font("zh", style))
        document.setHtml(PREVIEW_HTML)  # the style sheet applies as the HTML is read
