"""The Export Notes dialog: format, which articles, where to, and a preview of the first file.

Built without being shown (``Dialogs.ask_export`` runs it), so tests drive
it as a user would; the folder or file picker behind Choose… is injected.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from reader.export import FORMATS

CURRENT, SELECTED, ANNOTATED, LIBRARY = "current", "selected", "all", "library"
SCOPES = (CURRENT, SELECTED, ANNOTATED, LIBRARY)

Preview = Callable[[str, str], str]
ChooseDestination = Callable[[QWidget, str], str]


@dataclass(frozen=True)
class ExportOffer:
    """What the window can export: how many articles each scope holds, and a preview of a scope's first file.

    ``preview(format, scope)`` returns the text of the first file.
    """

    preview: Preview
    current_title: str | None
    selected: int
    annotated: int
    library: int
    scope: str = ""

    def count(self, scope: str) -> int:
        return {CURRENT: int(self.current_title is not None), SELECTED: self.selected,
                ANNOTATED: self.annotated, LIBRARY: self.library}[scope]

    @property
    def default_scope(self) -> str:
        """The scope asked for, else the open article, else the annotated ones, else whatever is not empty."""
        wanted = (self.scope, CURRENT, ANNOTATED, SELECTED, LIBRARY) if self.scope else (CURRENT, ANNOTATED, SELECTED,
                                                                                        LIBRARY)
        return next((scope for scope in wanted if self.count(scope)), ANNOTATED)


class ExportAnswer(NamedTuple):
    fmt: str
    scope: str
    out: str


def choose_with_file_dialog(parent: QWidget, fmt: str) -> str:
    """A folder for the one-file-per-article formats, else a file; "" when the user cancels."""
    if FORMATS[fmt].per_article:
        return QFileDialog.getExistingDirectory(parent, "Export into folder")
    chosen, _ = QFileDialog.getSaveFileName(parent, "Export to file", f"reader-notes.{FORMATS[fmt].extension}")
    return chosen


class ExportDialog(QDialog):
    def __init__(
        self,
        offer: ExportOffer,
        parent: QWidget | None = None,
        choose_destination: ChooseDestination = choose_with_file_dialog,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export notes")
        self._offer = offer
        self._choose_destination = choose_destination
        form = QFormLayout(self)

        self.formats = QComboBox()
        for name, export_format in FORMATS.items():
            self.formats.addItem(export_format.label, name)
        form.addRow("Format", self.formats)

        labels = {
            CURRENT: f"This article: {offer.current_title}" if offer.current_title is not None else "This article",
            SELECTED: f"Selected articles ({offer.selected:,})",
            ANNOTATED: f"All annotated articles ({offer.annotated:,})",
            LIBRARY: f"Whole library ({offer.library:,})",
        }
        self.scopes = QButtonGroup(self)
        self.scope_buttons: dict[str, QRadioButton] = {}
        for number, scope in enumerate(SCOPES):
            button = QRadioButton(labels[scope])
            button.setEnabled(offer.count(scope) > 0)
            self.scopes.addButton(button, number)
            self.scope_buttons[scope] = button
            form.addRow("Articles" if number == 0 else "", button)
        self.scope_buttons[offer.default_scope].setChecked(True)

        self.destination = QLineEdit()
        self.browse = QPushButton("Choose…")
        row = QHBoxLayout()
        row.addWidget(self.destination, 1)
        row.addWidget(self.browse)
        form.addRow("To", row)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.hide()
        form.addRow("", self.problem)

        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setMinimumSize(640, 300)
        form.addRow("Preview", self.preview)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

        self.browse.clicked.connect(self._choose)
        self.formats.currentIndexChanged.connect(self._format_changed)
        self.scopes.idToggled.connect(self._scope_toggled)
        self.destination.textEdited.connect(self.problem.hide)
        self._format_changed()

    @property
    def fmt(self) -> str:
        return self.formats.currentData()

    @property
    def scope(self) -> str:
        return SCOPES[self.scopes.checkedId()]

    def answer(self) -> ExportAnswer | None:
        """The user's choice once it is complete (a destination given), else None."""
        out = self.destination.text().strip()
        return ExportAnswer(self.fmt, self.scope, out) if out else None

    def accept(self) -> None:
        """OK only with somewhere to write; otherwise say so and stay open."""
        if self.answer() is None:
            self.problem.setText("Choose a folder to export into." if FORMATS[self.fmt].per_article
                                 else "Choose a file to export to.")
            self.problem.show()
            self.destination.setFocus()
            return
        super().accept()

    def _format_changed(self) -> None:
        self.destination.setPlaceholderText(
            "a folder: one file per article" if FORMATS[self.fmt].per_article else f"a .{FORMATS[self.fmt].extension} file"
        )
        self._show_preview()

    def _scope_toggled(self, _id: int, checked: bool) -> None:
        if checked:  # the button switched off toggles too
            self._show_preview()

    def _show_preview(self) -> None:
        self.preview.setPlainText(self._offer.preview(self.fmt, self.scope))

    def _choose(self) -> None:
        chosen = self._choose_destination(self, self.fmt)
        if chosen:
            self.destination.setText(chosen)
            self.problem.hide()
