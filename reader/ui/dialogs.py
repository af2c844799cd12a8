"""Every question the window asks the user, behind one object.

Tests hand the window a stand-in, so no modal dialog ever blocks the suite.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.model import ImportOutcome

EXPORT_FORMATS = {
    "md": "Markdown, one file per article",
    "html": "HTML, one self-contained file per article",
    "json": "JSON (W3C Web Annotation), one file",
    "csv": "CSV spreadsheet, one file",
}

PAGE_FILTER = "Saved pages (*.html *.htm *.xhtml *.shtml *.mht *.mhtml *.txt *.text *.md *.markdown);;All files (*)"


class Dialogs:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def choose_files(self) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(self.parent, "Import saved pages", "", PAGE_FILTER)
        return files

    def confirm_delete(self, title: str) -> bool:
        answer = QMessageBox.question(
            self.parent,
            "Delete article",
            f"Delete “{title}” from the library?\n\nEdit ▸ Undo brings it back.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def show_failures(self, failures: list[ImportOutcome]) -> None:
        dialog = QDialog(self.parent)
        dialog.setWindowTitle(f"{len(failures)} files could not be imported")
        text = QPlainTextEdit("\n".join(f"{f.path}\n    {f.error}" for f in failures))
        text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(buttons)
        dialog.resize(720, 360)
        dialog.exec()

    def open_url(self, url: QUrl) -> None:
        QDesktopServices.openUrl(url)

    def edit_meanings(self, meanings: dict[str, str]) -> dict[str, str] | None:
        """Let the user rename what each highlight colour means."""
        dialog = QDialog(self.parent)
        dialog.setWindowTitle("Highlight colours")
        form = QFormLayout(dialog)
        edits = {}
        for color, meaning in meanings.items():
            edits[color] = QLineEdit(meaning)
            form.addRow(color.capitalize(), edits[color])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return {color: edit.text().strip() for color, edit in edits.items()}

    def choose_export(
        self, preview: Callable[[str], str], current_title: str | None, annotated_count: int
    ) -> tuple[str, str, str] | None:
        """Format, scope ("current" or "all") and destination, with a preview of the first file."""
        dialog = QDialog(self.parent)
        dialog.setWindowTitle("Export notes")
        form = QFormLayout(dialog)
        formats = QComboBox()
        for key, label in EXPORT_FORMATS.items():
            formats.addItem(label, key)
        form.addRow("Format", formats)
        current = QRadioButton(f"This article: {current_title}" if current_title else "This article")
        current.setEnabled(current_title is not None)
        everything = QRadioButton(f"All annotated articles ({annotated_count})")
        (current if current_title else everything).setChecked(True)
        form.addRow("Articles", current)
        form.addRow("", everything)
        destination = QLineEdit()
        browse = QPushButton("Choose…")
        row = QHBoxLayout()
        row.addWidget(destination, 1)
        row.addWidget(browse)
        form.addRow("To", row)

        def choose() -> None:
            fmt = formats.currentData()
            if fmt in ("md", "html"):
                chosen = QFileDialog.getExistingDirectory(dialog, "Export into folder")
            else:
                chosen, _ = QFileDialog.getSaveFileName(dialog, "Export to file", f"reader-notes.{fmt}")
            if chosen:
                destination.setText(chosen)

        browse.clicked.connect(choose)
        shown = QPlainTextEdit()
        shown.setReadOnly(True)
        shown.setMinimumSize(640, 300)
        form.addRow("Preview", shown)
        formats.currentIndexChanged.connect(lambda: shown.setPlainText(preview(formats.currentData())))
        shown.setPlainText(preview(formats.currentData()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted or not destination.text().strip():
            return None
        return formats.currentData(), "current" if current.isChecked() else "all", destination.text().strip()
