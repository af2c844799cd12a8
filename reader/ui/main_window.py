"""The main window: library sidebar, reading view and contents pane."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, QSettings, Qt, QThread, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.model import ImportOutcome
from reader.paths import resource
from reader.store import Library
from reader.ui.commands import DeleteArticle
from reader.ui.dialogs import Dialogs
from reader.ui.import_worker import ImportReport, ImportWorker, start_import
from reader.ui.library_delegate import LibraryDelegate
from reader.ui.library_model import ID_ROLE, LibraryModel
from reader.ui.reader_view import ReaderView
from reader.ui.toc_model import SECTION_ROLE, TocModel

REFRESH_MS = 400


def local_paths(urls: list[QUrl]) -> list[str]:
    return [url.toLocalFile() for url in urls if url.isLocalFile() and url.toLocalFile()]


def paths_from_text(text: str) -> list[str]:
    """File URLs or plain paths, one per line, as file managers put them on the clipboard."""
    paths = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("file://"):
            line = QUrl(line).toLocalFile()
        if line and Path(line).exists():
            paths.append(line)
    return paths


def _pane(title: str, body: QWidget) -> QWidget:
    pane = QWidget()
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    label = QLabel(title)
    label.setObjectName("paneTitle")
    layout.addWidget(label)
    layout.addWidget(body)
    return pane


class MainWindow(QMainWindow):
    def __init__(
        self,
        library: Library,
        settings: QSettings,
        dialogs: Dialogs | None = None,
        import_processes: int | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.settings = settings
        self.dialogs = dialogs or Dialogs(self)
        self.import_processes = import_processes
        self.undo_stack = QUndoStack(self)
        self.current_id: int | None = None
        self.last_report: ImportReport | None = None
        self._import: tuple[QThread, ImportWorker] | None = None
        self._queued: list[list[str]] = []
        self._refresh_timer = QTimer(self, interval=REFRESH_MS)
        self._refresh_timer.timeout.connect(self._refresh_during_import)
        self._imported_since_refresh = False

        self.setWindowTitle("Reader")
        self.setWindowIcon(QIcon(str(resource("icons/reader.svg"))))
        self.setAcceptDrops(True)
        self._build_library_pane()
        self._build_reader()
        self._build_contents_pane()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        for widget in (self.library_pane, self.reader_stack, self.contents_pane):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 760, 260])
        self.setCentralWidget(self.splitter)
        self._build_status_bar()
        self._build_menus()

        self.library_model.load()
        self._restore_state()

    # construction

    def _build_library_pane(self) -> None:
        self.library_model = LibraryModel(self.library.search, self)
        self.library_view = QListView()
        self.library_view.setObjectName("library")
        self.library_view.setModel(self.library_model)
        self.library_view.setItemDelegate(LibraryDelegate(self.library_view))
        self.library_view.setUniformItemSizes(True)
        self.library_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.library_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.library_view.selectionModel().currentChanged.connect(self._on_current_row)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("filter")
        self.filter_edit.setPlaceholderText("Search the library")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.library_view)
        self.library_pane = _pane("Library", body)

    def _build_reader(self) -> None:
        self.reader = ReaderView(open_link=self.dialogs.open_url)
        self.reader.section_changed.connect(self._on_section_changed)
        self.welcome = QLabel(
            "<p style='font-size:17pt; color:#57606a'>Drop saved pages here</p>"
            "<p style='color:#8c959f'>HTML, MHTML, plain text or Markdown files, or whole folders,<br/>"
            "or use File ▸ Import… (Ctrl+O)</p>"
        )
        self.welcome.setObjectName("welcome")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reader_stack = QStackedWidget()
        self.reader_stack.addWidget(self.welcome)
        self.reader_stack.addWidget(self.reader)

    def _build_contents_pane(self) -> None:
        self.toc_model = TocModel(self)
        self.toc_view = QTreeView()
        self.toc_view.setObjectName("contents")
        self.toc_view.setModel(self.toc_model)
        self.toc_view.setHeaderHidden(True)
        self.toc_view.setWordWrap(True)
        self.toc_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.toc_view.setExpandsOnDoubleClick(False)
        self.toc_view.clicked.connect(self._on_toc_activated)
        self.toc_view.activated.connect(self._on_toc_activated)
        self.no_sections = QLabel("No sections")
        self.no_sections.setObjectName("placeholder")
        self.no_sections.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.contents_stack = QStackedWidget()
        self.contents_stack.addWidget(self.toc_view)
        self.contents_stack.addWidget(self.no_sections)
        self.contents_pane = _pane("Contents", self.contents_stack)
        for view in (self.library_view, self.toc_view):
            view.setAcceptDrops(False)
            view.viewport().setAcceptDrops(False)

    def _build_status_bar(self) -> None:
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.progress.setFormat("%v / %m")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel_import)
        self.details_button = QPushButton("Details…")
        self.details_button.clicked.connect(self.show_failures)
        for widget in (self.progress, self.cancel_button, self.details_button):
            widget.hide()
            self.statusBar().addPermanentWidget(widget)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.import_action = self._action(file_menu, "&Import…", QKeySequence.StandardKey.Open, self.import_dialog)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close)

        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.paste_action = self._action(edit_menu, "&Paste Files", QKeySequence.StandardKey.Paste, self.paste_files)
        self.delete_action = self._action(edit_menu, "&Delete Article", QKeySequence.StandardKey.Delete, self.delete_current)
        edit_menu.addSeparator()
        self._action(edit_menu, "&Find in Library", QKeySequence.StandardKey.Find, self._focus_filter)

        view_menu = self.menuBar().addMenu("&View")
        self.next_action = self._action(view_menu, "&Next Section", QKeySequence("Alt+Down"), self.reader.next_section)
        self.previous_action = self._action(
            view_menu, "&Previous Section", QKeySequence("Alt+Up"), self.reader.previous_section
        )

    def _action(self, menu, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    # state

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1320, 860)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        last = self.settings.value("library/last_article")
        if last is not None and self.library_model.row_of(int(last)) >= 0:
            self.select_article(int(last))
        elif self.library_model.rowCount():
            self.select_article(self.library_model.summary(0).id)

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        if self.current_id is not None:
            self.settings.setValue("library/last_article", self.current_id)
        else:
            self.settings.remove("library/last_article")
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._import is not None:
            self._queued.clear()
            self.cancel_import()
            self._import[0].wait(10_000)
        self.save_state()
        self.library.purge_deleted()
        super().closeEvent(event)

    # library and reading

    def select_article(self, article_id: int) -> None:
        row = self.library_model.row_of(article_id)
        if row < 0:
            return
        index = self.library_model.index(row)
        self.library_view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.library_view.scrollTo(index)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = current.data(ID_ROLE) if current.isValid() else None
        if article_id != self.current_id:
            self.open_article(article_id)

    def open_article(self, article_id: int | None) -> None:
        stored = self.library.get(article_id) if article_id is not None else None
        self.current_id = stored.id if stored else None
        if stored is None:
            self.reader.clear_article()
            self.reader_stack.setCurrentWidget(self.welcome)
            self.toc_model.set_sections([])
            self.contents_stack.setCurrentWidget(self.no_sections)
            self.setWindowTitle("Reader")
            return
        self.reader.set_image_source(lambda name, i=stored.id: self.library.image(i, name))
        self.reader.show_article(stored.article)
        self.reader_stack.setCurrentWidget(self.reader)
        self.toc_model.set_sections(stored.article.sections)
        self.toc_view.expandAll()
        has_sections = bool(stored.article.sections)
        self.contents_stack.setCurrentWidget(self.toc_view if has_sections else self.no_sections)
        self._on_section_changed(self.reader.current_section)
        self.setWindowTitle(f"{stored.article.title} — Reader")
        self.settings.setValue("library/last_article", stored.id)

    def reload_library(self, select_id: int | None = None) -> None:
        """Re-read the list, keeping (or moving to) the selected article."""
        keep = select_id if select_id is not None else self.current_id
        self.library_model.load()
        if keep is not None and self.library_model.row_of(keep) >= 0:
            self.select_article(keep)
        elif self.library_model.rowCount():
            self.select_article(self.library_model.summary(0).id)
        else:
            self.open_article(None)

    def _on_filter(self, text: str) -> None:
        self.library_model.load(text)
        if self.current_id is not None and self.library_model.row_of(self.current_id) >= 0:
            self.select_article(self.current_id)

    def _focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def _on_toc_activated(self, index: QModelIndex) -> None:
        number = index.data(SECTION_ROLE)
        if number is not None:
            self.reader.scroll_to_section(number)

    def _on_section_changed(self, number: int) -> None:
        index = self.toc_model.index_of(number)
        if index.isValid():
            self.toc_view.setCurrentIndex(index)
            self.toc_view.scrollTo(index)
        else:
            self.toc_view.clearSelection()

    def delete_current(self) -> None:
        if self.current_id is None:
            return
        row = self.library_model.row_of(self.current_id)
        title = self.library_model.summary(row).title if row >= 0 else ""
        if not self.dialogs.confirm_delete(title):
            return
        neighbour = None
        if row >= 0 and self.library_model.rowCount() > 1:
            neighbour = self.library_model.summary(row + 1 if row + 1 < self.library_model.rowCount() else row - 1).id
        deleted = self.current_id

        def changed(restored: int | None) -> None:
            self.reload_library(restored if restored is not None else neighbour)

        self.current_id = None if deleted == self.current_id else self.current_id
        self.undo_stack.push(DeleteArticle(self.library, deleted, title, changed))

    # import

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if local_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def import_dialog(self) -> None:
        files = self.dialogs.choose_files()
        if files:
            self.import_paths(files)

    def paste_files(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        paths = local_paths(mime.urls()) if mime is not None and mime.hasUrls() else []
        if not paths and mime is not None and mime.hasText():
            paths = paths_from_text(mime.text())
        if paths:
            self.import_paths(paths)
        else:
            self.statusBar().showMessage("The clipboard holds no files to import.", 5000)

    def import_paths(self, paths: list[str]) -> None:
        """Import files and folders in the background; later requests wait their turn."""
        if self._import is not None:
            self._queued.append(paths)
            return
        worker = ImportWorker(self.library.path, paths, self.import_processes)
        worker.progress.connect(self._on_import_progress)
        worker.imported.connect(self._on_imported)
        worker.finished.connect(self._on_import_finished)
        self.details_button.hide()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.statusBar().showMessage("Importing…")
        self._import = (start_import(worker), worker)
        self._refresh_timer.start()

    @property
    def importing(self) -> bool:
        return self._import is not None

    def cancel_import(self) -> None:
        if self._import is not None:
            self._import[1].cancel()

    def _on_import_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_imported(self, outcome: ImportOutcome) -> None:
        if outcome.status == ImportOutcome.IMPORTED:
            self._imported_since_refresh = True

    def _refresh_during_import(self) -> None:
        if self._imported_since_refresh:
            self._imported_since_refresh = False
            self.reload_library()

    def _on_import_finished(self, report: ImportReport) -> None:
        thread, _ = self._import
        thread.wait()
        self._import = None
        self._refresh_timer.stop()
        self._imported_since_refresh = False
        self.last_report = report
        self.progress.hide()
        self.cancel_button.hide()
        self.details_button.setVisible(bool(report.failures))
        message = report.sentence()
        if len(report.failures) == 1:
            failure = report.failures[0]
            message += f": {Path(failure.path).name} — {failure.error}"
        self.statusBar().showMessage(message)
        open_now = report.last_id if self.current_id is None else None
        self.reload_library(open_now)
        if self._queued:
            self.import_paths(self._queued.pop(0))

    def show_failures(self) -> None:
        if self.last_report and self.last_report.failures:
            self.dialogs.show_failures(self.last_report.failures)
