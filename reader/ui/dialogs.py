"""Every question the window asks the user, behind one object.

Tests hand the window a stand-in, so no modal dialog ever blocks the suite.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.ingest import SUPPORTED_SUFFIXES
from reader.model import ArticleInfo, ImportOutcome
from reader.reading_style import ReadingStyle
from reader.themes import Theme
from reader.ui.edit_info import EditInfoDialog
from reader.ui.export_dialog import ExportAnswer, ExportDialog, ExportOffer
from reader.ui.reading_dialog import ReadingSettingsDialog

LIBRARY_FILTER = "Reader libraries (*.sqlite3 *.sqlite *.db);;All files (*)"
RESTORE, OTHER, QUIT = "restore", "other", "quit"
PAGE_FILTER = f"Saved pages ({' '.join('*' + suffix for suffix in SUPPORTED_SUFFIXES)});;All files (*)"


class Dialogs:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def choose_folder(self) -> str | None:
        """A folder of saved pages (Qt's file dialog picks files or a folder, not both at once)."""
        return QFileDialog.getExistingDirectory(self.parent, "Import a folder of saved pages") or None

    def choose_files(self) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(self.parent, "Import saved pages", "", PAGE_FILTER)
        return files

    def confirm_delete(self, title: str, count: int = 1) -> bool:
        """Ask before deleting ``count`` articles, the first of them titled ``title``."""
        others = f" and {count - 1:,} other article{'s' if count > 2 else ''}" if count > 1 else ""
        answer = QMessageBox.question(
            self.parent,
            "Delete article" if count == 1 else "Delete articles",
            f"Delete “{title}”{others} from the library?\n\nEdit ▸ Undo brings {'it' if count == 1 else 'them'} back.",
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

    def show_error(self, message: str) -> None:
        """Tell the user something failed, without stopping the window (the box is not modal)."""
        box = QMessageBox(QMessageBox.Icon.Warning, "Reader", message, QMessageBox.StandardButton.Ok, self.parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def refuse_start(self, message: str) -> None:
        """Why Reader cannot open its window; the launch ends after this."""
        QMessageBox.critical(self.parent, "Reader cannot open its library", message)

    def library_problem(self, message: str, restore_label: str | None) -> str:
        """A library that cannot be used: ``RESTORE`` (when a backup exists), ``OTHER`` or ``QUIT``."""
        box = QMessageBox(QMessageBox.Icon.Critical, "Reader cannot open its library", message,
                          QMessageBox.StandardButton.NoButton, self.parent)
        restore = box.addButton(restore_label, QMessageBox.ButtonRole.AcceptRole) if restore_label else None
        other = box.addButton("Open Another Library…", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        clicked = box.clickedButton()
        return RESTORE if clicked is restore and restore else OTHER if clicked is other else QUIT

    def choose_library(self) -> str | None:
        """A library file to open or create."""
        path, _ = QFileDialog.getSaveFileName(
            self.parent, "Open or create a library", "", LIBRARY_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        return path or None

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

    def edit_info(self, info: ArticleInfo) -> dict[str, str] | None:
        """Article ▸ Edit Info…: the facts the user changed, or None when cancelled."""
        dialog = EditInfoDialog(info, self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.changes()

    def ask_export(self, offer: ExportOffer) -> ExportAnswer | None:
        """Format, scope and destination for an export, with a preview of the first file."""
        dialog = ExportDialog(offer, self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.answer()

    def reading_settings(self, style: ReadingStyle, theme: Theme) -> ReadingStyle | None:
        """Fonts, size, spacing and column width for every article, previewed in ``theme``."""
        dialog = ReadingSettingsDialog(style, theme, self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reading_style()

    def show_shortcuts(self, rows: list[tuple[str, str, str]]) -> None:
        """The keyboard shortcuts, grouped by menu: (menu, action, keys) rows."""
        dialog = QDialog(self.parent)
        dialog.setWindowTitle("Keyboard Shortcuts")
        tree = QTreeWidget()
        tree.setObjectName("shortcuts")
        tree.setColumnCount(2)
        tree.setHeaderLabels(["Action", "Keys"])
        tree.setRootIsDecorated(False)
        groups: dict[str, QTreeWidgetItem] = {}
        for menu, action, keys in rows:
            if menu not in groups:
                groups[menu] = QTreeWidgetItem(tree, [menu])
                groups[menu].setFirstColumnSpanned(True)
                font = groups[menu].font(0)
                font.setBold(True)
                groups[menu].setFont(0, font)
            QTreeWidgetItem(groups[menu], [action, keys])
        tree.expandAll()
        tree.setItemsExpandable(False)
        tree.resizeColumnToContents(0)
        tree.setColumnWidth(0, tree.columnWidth(0) + 24)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(tree)
        layout.addWidget(buttons)
        lines = tree.sizeHintForRow(0) * (len(rows) + len(groups)) + tree.header().sizeHint().height()
        dialog.resize(500, min(720, lines + 90))
        dialog.exec()

    def show_about(self, text: str) -> None:
        """Help ▸ About: rich text whose paths can be selected and copied."""
        box = QMessageBox(QMessageBox.Icon.NoIcon, "About Reader", text, QMessageBox.StandardButton.Close, self.parent)
        box.setIconPixmap(QApplication.windowIcon().pixmap(64, 64))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()
