"""The main window: library sidebar, reading view and contents pane."""

from __future__ import annotations

import html
import logging
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
    QUrl,
)
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
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.ingest import ExtractError
from reader.model import COLORS, DEFAULT_MEANINGS, Highlight, StoredArticle
from reader.paths import resource
from reader.rerender import current_article
from reader.store import DamagedArticle, Library, LibraryError
from reader.ui.all_annotations import AllAnnotationsView
from reader.ui.annotation_pane import AnnotationPane
from reader.ui.article_menu import ArticleMenu
from reader.ui.commands import DeleteArticle
from reader.ui.dialogs import Dialogs
from reader.ui.drop_cue import DropCue
from reader.ui.export_controller import ExportController
from reader.ui.export_dialog import SELECTED
from reader.ui.export_worker import ExportChoice, ExportReport
from reader.ui.find_controller import ArticleFinder
from reader.ui.help_menu import SHORTCUT_LABEL, HelpMenu
from reader.ui.highlights import HighlightController
from reader.ui.import_controller import ImportController
from reader.ui.import_worker import ImportReport
from reader.ui.originals_menu import OriginalsMenu
from reader.ui.library_delegate import LibraryDelegate
from reader.ui.library_model import ID_ROLE, LibraryModel
from reader.ui.library_sort import LibrarySort
from reader.ui.navigation import Navigation
from reader.ui.reader_view import ReaderView
from reader.ui.reading_place import PlaceKeeper
from reader.ui.reading_settings import ReadingSettings
from reader.ui.status import PROBLEM, PROGRESS, RESULT, show_status
from reader.ui.task_strip import TaskStrip
from reader.ui.theme import ThemeManager
from reader.ui.toc_model import SECTION_ROLE, TocModel
from reader.ui.zoom_actions import ZoomActions
from reader.workers import WorkerPool

log = logging.getLogger(__name__)

EXPORTING = "Exporting"

FILTER_DELAY_MS = 150
SIDE_MIN_WIDTH = 180


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


class MainWindow(QMainWindow):
    def __init__(
        self,
        library: Library,
        settings: QSettings,
        dialogs: Dialogs | None = None,
        import_processes: int | None = None,
        workers: WorkerPool | None = None,
    ) -> None:
        """``workers`` is a warm pool of extraction processes the caller keeps (the app starts
        one before the window, so a dropped page is read at once); without one the window
        starts its own at the first import and keeps it until it closes."""
        super().__init__()
        self.library = library
        self.settings = settings
        self.dialogs = dialogs or Dialogs(self)
        self.import_processes = import_processes
        self._given_workers = workers
        self.undo_stack = QUndoStack(self)
        self.current_id: int | None = None
        self.current_article: StoredArticle | None = None
        self.meanings = self._load_meanings()
        self.exports = ExportController(library, self.dialogs, lambda: self.meanings, self)
        self.exports.started.connect(self._on_export_started)
        self.exports.progress.connect(lambda done, total: self.tasks.running[EXPORTING].progress(done, total))
        self.exports.finished.connect(self._on_export_finished)
        self.originals = OriginalsMenu(self)
        self._reload_select: int | None = None
        self._reload_timer = QTimer(self, singleShot=True, interval=0)
        self._reload_timer.timeout.connect(lambda: self.reload_library(self._reload_select))

        self.setWindowTitle("Reader")
        self.setWindowIcon(QIcon(str(resource("icons/reader.svg"))))
        self.setAcceptDrops(True)
        self._build_library_pane()
        self._build_reader()
        self.drop_cue = DropCue(self.reader_stack, self)
        self._build_contents_pane()
        self.theme = ThemeManager(self.settings, self)
        self.reading = ReadingSettings(self.settings, lambda s: self.dialogs.reading_settings(s, self.theme.theme), self)
        self.theme.changed.connect(self.reader.set_theme)
        self.reading.changed.connect(self.reader.set_reading_style)
        for relaid in (self.theme.changed, self.reading.changed):
            relaid.connect(self.finder.relaid)
        self.reader.set_theme(self.theme.theme)
        self.reader.set_reading_style(self.reading.style)
        self.highlights = HighlightController(self.library, self.undo_stack, self.reader, self.annotation_pane,
                                              lambda: self.meanings, self)
        self.highlights.message.connect(self.statusBar().showMessage)
        self.highlights.pane_wanted.connect(lambda: self.contents_pane.setCurrentWidget(self.annotation_pane))
        self.highlights.changed.connect(self._on_highlights_changed)
        self.place = PlaceKeeper(self.library.set_position, self.reader, self)
        self.place.saved.connect(self.library_model.set_progress)
        self.place.saved.connect(lambda article_id, _progress: self.library_model.set_state(
            article_id, self.library.state(article_id)))
        self.library_model.repaint.connect(self.library_view.update)
        self.navigation = Navigation(self.place, self.reader, self._open_anywhere, self)
        self.zoom = ZoomActions(self.reader, self.settings, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        for widget in (self.library_pane, self.reading_column, self.contents_pane):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        for side in (self.library_pane, self.contents_pane):
            side.setMinimumWidth(SIDE_MIN_WIDTH)
        self.splitter.setSizes([290, 740, 320])
        self.reader.set_meanings(self.meanings)
        self.setCentralWidget(self.splitter)
        self._build_status_bar()
        self._build_menus()
        self.help = HelpMenu(self, self.dialogs, self.library.path)

        self.library_model.load()
        if self.library.unreadable:
            show_status(self.statusBar(),
                        f"{len(self.library.unreadable):,} articles cannot be read: the library file is damaged there. "
                        "The rest are listed; a backup brings them back.", PROBLEM)
        self._restore_state()

    # construction

    def _build_library_pane(self) -> None:
        self.library_sort = LibrarySort(self.settings, self)
        self.library_model = LibraryModel(
            lambda query, sort, descending: self.library.search(query, sort, descending, key=self.library_sort.key),
            self,
        )
        self.library_model.set_order(self.library_sort.sort, self.library_sort.descending)
        self.library_sort.changed.connect(lambda sort, descending: (
            self.library_model.set_order(sort, descending), self.reload_library()))
        self.library_view = QListView()
        self.library_view.setObjectName("library")
        self.library_view.setModel(self.library_model)
        self.library_view.setItemDelegate(LibraryDelegate(self.library_view))
        self.library_view.setUniformItemSizes(True)
        # Rows are as wide as the list (titles are elided to fit) and laid out again at its new
        # width whenever the sidebar is resized, so the list never scrolls sideways.
        self.library_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.library_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.library_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.library_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.library_view.selectionModel().currentChanged.connect(self._on_current_row)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("filter")
        self.filter_edit.setPlaceholderText("Search the library")
        self.filter_edit.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(lambda: self.filter_library(self.filter_edit.text()))
        self.filter_edit.textChanged.connect(self._filter_timer.start)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.library_sort.control())
        layout.addWidget(self.library_view)
        self.all_annotations = AllAnnotationsView(
            self.library.annotations.search, self.library.annotations.search_article_notes, self._title_of
        )
        self.all_annotations.open_highlight.connect(self.open_highlight)
        self.all_annotations.open_article.connect(self.show_annotations_of)
        self.library_pane = QTabWidget()
        self.library_pane.setObjectName("sideTabs")
        self.library_pane.setDocumentMode(True)
        self.library_pane.addTab(body, "Library")
        self.library_pane.addTab(self.all_annotations, "All Annotations")
        self.library_pane.currentChanged.connect(self._on_library_tab)

    def _build_reader(self) -> None:
        self.reader = ReaderView(open_link=self.dialogs.open_url)
        self.reader.section_changed.connect(self._on_section_changed)
        self.welcome = QLabel(
            "<p style='font-size:17pt'>Drop saved pages here</p>"
            "<p>HTML, MHTML, plain text or Markdown files, or whole folders,<br/>"
            "or use File ▸ Import… (Ctrl+O)</p>"
        )
        self.welcome.setObjectName("welcome")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setWordWrap(True)
        self.unreadable = QLabel()
        self.unreadable.setObjectName("unreadable")
        self.unreadable.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unreadable.setWordWrap(True)
        self.reader_stack = QStackedWidget()
        self.reader_stack.addWidget(self.welcome)
        self.reader_stack.addWidget(self.unreadable)
        self.reader_stack.addWidget(self.reader)
        self.finder = ArticleFinder(self.reader, self)
        self.reading_column = self.finder.below(self.reader_stack)

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
        self.annotation_pane = AnnotationPane()
        self.contents_pane = QTabWidget()
        self.contents_pane.setObjectName("sideTabs")
        self.contents_pane.setDocumentMode(True)
        self.contents_pane.addTab(self.contents_stack, "Contents")
        self.contents_pane.addTab(self.annotation_pane, "Annotations")
        for view in (self.library_view, self.toc_view):
            view.setAcceptDrops(False)
            view.viewport().setAcceptDrops(False)

    def _build_status_bar(self) -> None:
        self.tasks = TaskStrip(self.statusBar())
        self.imports = ImportController(self.library.path, self.dialogs, self.tasks, self.statusBar(),
                                        self.import_processes, self._given_workers, self)
        self.imports.refresh_wanted.connect(self.reload_library)
        self.imports.finished.connect(self._on_import_finished)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.import_action = self._action(file_menu, "&Import…", QKeySequence.StandardKey.Open, self.import_dialog)
        self.import_folder_action = self._action(file_menu, "Import &Folder…", QKeySequence("Ctrl+Shift+O"),
                                                 self.import_folder_dialog)
        self.reimport_action = self._action(file_menu, "&Re-import from File…", QKeySequence("Ctrl+Shift+R"), self.reimport_dialog)
        self.export_action = self._action(file_menu, "&Export Notes…", QKeySequence("Ctrl+E"), self.export_dialog)
        self.export_selected_action = QAction("&Export Notes…", self)
        self.export_selected_action.triggered.connect(self.export_selected)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close)

        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_action.setProperty(SHORTCUT_LABEL, "Undo")
        self.redo_action.setProperty(SHORTCUT_LABEL, "Redo")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.paste_action = self._action(edit_menu, "&Paste Files", QKeySequence.StandardKey.Paste, self.paste_files)
        self.delete_action = self._action(edit_menu, "&Delete Article", QKeySequence.StandardKey.Delete, self.delete_selected)
        self._scope(self.delete_action, self.library_pane)
        self.library_view.addActions([self.export_selected_action, self.delete_action])
        edit_menu.addSeparator()
        self._action(edit_menu, "&Find in Article…", QKeySequence.StandardKey.Find,
                     lambda: self.finder.open() or self._focus_filter())
        self._action(edit_menu, "Find &Next", QKeySequence("F3"), self.finder.next)
        self._action(edit_menu, "Find Pre&vious", QKeySequence("Shift+F3"), self.finder.previous)
        self.search_library_action = self._action(edit_menu, "&Search Library", QKeySequence("Ctrl+K"), self._focus_filter)
        self.search_library_action.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("Ctrl+Shift+F")])

        self.article_menu = ArticleMenu(
            self.library, self.library_model, self.undo_stack, self.dialogs.edit_info,
            lambda: self.selected_ids() or ([self.current_id] if self.current_id is not None else []),
            self._on_info_changed, self._tell_problem, self,
        )
        article_menu = self.article_menu.add_menu(self.menuBar(), [self.library_view, self.reader])
        self.addAction(self.article_menu.edit_action)

        annotate_menu = self.menuBar().addMenu("&Annotate")
        self.highlight_action = self._action(annotate_menu, "&Highlight Selection", QKeySequence("H"), self.reader.highlight_selection)
        self.note_action = self._action(annotate_menu, "Add &Note", QKeySequence("N"), self.reader.request_note)
        self.delete_highlight_action = self._action(
            annotate_menu, "&Delete Highlight", QKeySequence.StandardKey.Delete, self.highlights.delete_under_cursor
        )
        self._scope(self.delete_highlight_action, self.reader)
        self._action(annotate_menu, "Copy as &Quote", QKeySequence("Ctrl+Shift+C"), self.highlights.copy_selection_quote)
        self._action(annotate_menu, "Copy Highlight as &Markdown", QKeySequence("Ctrl+Shift+M"),
                     self.highlights.copy_highlight_markdown)
        self._action(annotate_menu, "Copy Article's &Notes as Markdown", QKeySequence(), self.highlights.copy_article_notes)
        annotate_menu.addSeparator()
        self._action(annotate_menu, "Highlight &Colours…", QKeySequence(), self.edit_meanings)

        view_menu = self.menuBar().addMenu("&View")
        self.next_action = self._action(
            view_menu, "&Next Section", QKeySequence("Alt+Down"), self.reader.section_tracker.next
        )
        self.previous_action = self._action(
            view_menu, "&Previous Section", QKeySequence("Alt+Up"), self.reader.section_tracker.previous
        )
        for actions in (self.navigation.actions, self.zoom.actions):
            view_menu.addSeparator()
            view_menu.addActions(actions)
            self.addActions(actions)
        view_menu.addSeparator()
        self.library_sort.add_menu(view_menu)
        self.theme.add_menu(view_menu)
        self.reading_action = self._action(view_menu, "&Reading Settings…", QKeySequence(), self.reading.edit)
        self.originals.add_menus(article_menu, self.menuBar())

    def _scope(self, action: QAction, widget: QWidget) -> None:
        """Let a shortcut fire only while ``widget`` (or a child) has focus."""
        self.removeAction(action)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        widget.addAction(action)

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
        self.originals.wait(10_000)
        self.imports.close()
        self.exports.wait(10_000)
        self.place.leave()
        self.save_state()
        try:
            self.library.purge_deleted()
        except LibraryError as error:  # a damaged file: the window still closes
            log.warning("%s", error)
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
            self.finder.article_opened(self.filter_edit.text())

    def _open_anywhere(self, article_id: int) -> bool:
        """Open an article even if the search hides it; False if it is gone."""
        if self.library_model.row_of(article_id) < 0:
            self.filter_edit.clear()
            self._filter_timer.stop()
            self.filter_library("")
        self.select_article(article_id)
        return self.current_id == article_id

    def open_article(self, article_id: int | None) -> None:
        self.navigation.record()
        self.place.leave()
        try:
            stored = current_article(self.library, article_id) if article_id is not None else None
        except DamagedArticle as error:
            self._show_unreadable(error)
            return
        self.current_id = stored.id if stored else None
        self.current_article = stored
        if stored is None:
            self.reader.clear_article()
            self.highlights.open(None)
            self.reader_stack.setCurrentWidget(self.welcome)
            self.toc_model.set_sections([])
            self.contents_stack.setCurrentWidget(self.no_sections)
            self.setWindowTitle("Reader")
            return
        self.reader.set_image_source(lambda name, i=stored.id: self.library.image(i, name))
        self.reader.show_article(stored.article)
        self.place.enter(stored.id, stored.position)
        self.reader_stack.setCurrentWidget(self.reader)
        self.toc_model.set_sections(stored.article.sections)
        self.toc_view.expandAll()
        has_sections = bool(stored.article.sections)
        self.contents_stack.setCurrentWidget(self.toc_view if has_sections else self.no_sections)
        self._on_section_changed(self.reader.section_tracker.current)
        self.setWindowTitle(f"{stored.article.title} — Reader")
        self.settings.setValue("library/last_article", stored.id)
        self.highlights.open(stored)

    def _show_unreadable(self, error: DamagedArticle) -> None:
        """A damaged article: say so where it would be, instead of leaving the last one on screen."""
        self.current_id, self.current_article = error.article_id, None
        self.reader.clear_article()
        self.highlights.open(None)
        self.toc_model.set_sections([])
        self.contents_stack.setCurrentWidget(self.no_sections)
        title = self._title_of(error.article_id) or f"Article {error.article_id}"
        self.unreadable.setText(
            f"<p style='font-size:15pt'>“{html.escape(title)}” cannot be shown</p>"
            f"<p>{html.escape(str(error))}</p><p>The other articles are not affected. A backup taken before the "
            f"damage brings this one back: quit Reader and run<br/><code>python -m reader --library "
            f"{html.escape(self.library.path)} restore latest</code></p>"
        )
        self.reader_stack.setCurrentWidget(self.unreadable)
        self.setWindowTitle("Reader")

    def selected_ids(self) -> list[int]:
        """The articles selected in the list, in list order."""
        rows = sorted(index.row() for index in self.library_view.selectionModel().selectedRows())
        return [self.library_model.summary(row).id for row in rows]

    def _reselect(self, article_ids: list[int]) -> None:
        """Select these articles again after the list was re-read (those still in it), keeping the current one."""
        selection = QItemSelection()
        for first, last in self.library_model.row_ranges(article_ids):
            selection.select(self.library_model.index(first), self.library_model.index(last))
        self.library_view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.Select)

    def reload_library(self, select_id: int | None = None) -> None:
        """Re-read the list, keeping (or moving to) the open article and keeping the selection."""
        keep = select_id if select_id is not None else self.current_id
        selected = self.selected_ids() if select_id is None else []
        self.library_model.load()
        if keep is not None and self.library_model.row_of(keep) >= 0:
            self.select_article(keep)
        elif self.library_model.rowCount():
            self.select_article(self.library_model.summary(0).id)
        else:
            self.open_article(None)
        self._reselect(selected)

    def _on_info_changed(self, article_id: int) -> None:
        """An article's facts were edited (or the edit undone): list it anew, and show it anew if it is open."""
        if article_id == self.current_id:
            self.current_id = None
        self.reload_library(article_id if self.current_id is None else None)

    def filter_library(self, text: str) -> None:
        selected = self.selected_ids()
        self.library_model.load(text)
        if self.current_id is not None and self.library_model.row_of(self.current_id) >= 0:
            self.select_article(self.current_id)
        self._reselect(selected)

    def _focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def _on_toc_activated(self, index: QModelIndex) -> None:
        number = index.data(SECTION_ROLE)
        if number is not None:
            self.navigation.record()
            self.reader.section_tracker.scroll_to(number)

    def _on_section_changed(self, number: int) -> None:
        index = self.toc_model.index_of(number)
        if index.isValid():
            self.toc_view.setCurrentIndex(index)
            self.toc_view.scrollTo(index)
        else:
            self.toc_view.clearSelection()

    def delete_selected(self) -> None:
        """Delete the selected articles (or the open one) after asking; one Undo brings them all back."""
        ids = self.selected_ids() or ([self.current_id] if self.current_id is not None else [])
        if not ids:
            return
        rows = [self.library_model.row_of(article_id) for article_id in ids]
        first_title = self.library_model.summary(rows[0]).title if rows[0] >= 0 else ""
        if not self.dialogs.confirm_delete(first_title, len(ids)):
            return
        if self.current_id in ids:
            neighbour, self.current_id = self._neighbour_after_delete(set(rows)), None
        else:
            neighbour = self.current_id
        if len(ids) == 1:
            self.undo_stack.push(DeleteArticle(self.library, ids[0], first_title, lambda restored: self.reload_library(
                restored if restored is not None else neighbour), self._tell_problem))
            return

        def changed(restored: int | None) -> None:
            self._reload_soon(restored if restored is not None else neighbour)

        self.undo_stack.beginMacro(f"Delete {len(ids):,} articles")
        for article_id, row in zip(ids, rows):
            title = self.library_model.summary(row).title if row >= 0 else ""
            self.undo_stack.push(DeleteArticle(self.library, article_id, title, changed, self._tell_problem))
        self.undo_stack.endMacro()

    def _neighbour_after_delete(self, rows: set[int]) -> int | None:
        """The article to show once these rows are gone: the next one below them, else above."""
        count = self.library_model.rowCount()
        below = [row for row in range(max(rows) + 1, count) if row not in rows]
        above = [row for row in range(min(rows) - 1, -1, -1) if row not in rows]
        row = (below or above or [None])[0]
        return self.library_model.summary(row).id if row is not None else None

    def _tell_problem(self, text: str) -> None:
        show_status(self.statusBar(), text, PROBLEM)

    def _reload_soon(self, select_id: int | None) -> None:
        """Re-read the list once after a run of deletions or restorations (one undo step of many articles)."""
        self._reload_select = select_id
        self._reload_timer.start()

    # annotations

    def _load_meanings(self) -> dict[str, str]:
        return {color: str(self.settings.value(f"colors/{color}", DEFAULT_MEANINGS[color])) for color in COLORS}

    def edit_meanings(self) -> None:
        meanings = self.dialogs.edit_meanings(dict(self.meanings))
        if meanings:
            self.meanings = {color: meanings.get(color) or DEFAULT_MEANINGS[color] for color in COLORS}
            for color, meaning in self.meanings.items():
                self.settings.setValue(f"colors/{color}", meaning)
            self.reader.set_meanings(self.meanings)

    def _on_highlights_changed(self) -> None:
        if self.library_pane.currentWidget() is self.all_annotations:
            self.all_annotations.refresh()

    def _title_of(self, article_id: int) -> str:
        row = self.library_model.row_of(article_id)
        return self.library_model.summary(row).title if row >= 0 else ""

    def _on_library_tab(self) -> None:
        if self.library_pane.currentWidget() is self.all_annotations:
            self.all_annotations.set_tags(self.library.annotations.all_tags())
            self.all_annotations.refresh()

    def open_highlight(self, article_id: int, highlight_id: int) -> None:
        """Open an article at one of its highlights."""
        self.navigation.record()
        if self.show_annotations_of(article_id):
            self.annotation_pane.select(highlight_id)
            self.highlights.reveal(highlight_id)

    def show_annotations_of(self, article_id: int) -> bool:
        """Open an article with its annotations in front; False if it is gone."""
        if not self._open_anywhere(article_id):
            return False
        self.contents_pane.setCurrentWidget(self.annotation_pane)
        return True

    def reimport_dialog(self) -> None:
        if self.current_id is None:
            return
        files = self.dialogs.choose_files()
        if files:
            self.reimport(self.current_id, files[0])

    def reimport(self, article_id: int, path: str) -> None:
        """Replace an article's text from a file; its highlights follow the text."""
        article = self.imports.extract(path)
        try:
            if isinstance(article, str):
                raise ExtractError(article)
            highlights = self.library.replace_text(article_id, article)
        except (ExtractError, LibraryError) as error:
            show_status(self.statusBar(), f"{Path(path).name} was not re-imported: {error}", PROBLEM)
            return
        states = [h.state for h in highlights]
        self.current_id = None
        self.reload_library(article_id)
        show_status(self.statusBar(),
                    f"Re-imported {Path(path).name}: {states.count(Highlight.ANCHORED)} highlights in place, "
                    f"{states.count(Highlight.MOVED)} moved, {states.count(Highlight.ORPHANED)} not found")

    # export

    def export_dialog(self) -> None:
        self.exports.ask(self.current_id, self._current_title(), self.selected_ids())

    def export_selected(self) -> None:
        """The library list's context menu: export the selected articles."""
        self.exports.ask(self.current_id, self._current_title(), self.selected_ids(), scope=SELECTED)

    def _current_title(self) -> str | None:
        return self.current_article.article.title if self.current_article else None

    def export_notes(self, choice: ExportChoice) -> None:
        """Write an export in the background; the status bar shows progress and the result."""
        self.exports.start(choice)

    @property
    def exporting(self) -> bool:
        return self.exports.busy

    @property
    def last_export(self) -> ExportReport | None:
        return self.exports.last_report

    def _on_export_started(self) -> None:
        self.tasks.begin(EXPORTING, self.exports.cancel)
        show_status(self.statusBar(), "Exporting…", PROGRESS)

    def _on_export_finished(self, report: ExportReport, out: Path) -> None:
        self.tasks.end(EXPORTING)
        show_status(self.statusBar(), report.sentence(out), PROBLEM if report.error or report.damaged else RESULT)

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

    def import_folder_dialog(self) -> None:
        folder = self.dialogs.choose_folder()
        if folder:
            self.import_paths([folder])

    def paste_files(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        paths = local_paths(mime.urls()) if mime is not None and mime.hasUrls() else []
        if not paths and mime is not None and mime.hasText():
            paths = paths_from_text(mime.text())
        if paths:
            self.import_paths(paths)
        else:
            show_status(self.statusBar(), "The clipboard holds no files to import.")

    def import_from_launch(self, paths: list[str]) -> None:
        """A second launch on this library: come to the front and import what it was given."""
        self.setWindowState((self.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
        self.raise_()
        self.activateWindow()
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list[str]) -> None:
        """Import files and folders in the background; later requests wait their turn."""
        self.imports.start(paths)

    @property
    def importing(self) -> bool:
        return self.imports.busy

    @property
    def last_report(self) -> ImportReport | None:
        return self.imports.last_report

    @last_report.setter
    def last_report(self, report: ImportReport | None) -> None:
        self.imports.last_report = report

    def _on_import_finished(self, report: ImportReport) -> None:
        if self.current_id in report.imported_ids:
            self.current_id = None  # a new version of the open article: show it afresh
        self._open_imported(report.first_id)

    def _open_imported(self, article_id: int | None) -> None:
        """Select, open and scroll to what the user just imported, clearing a search that hides it.

        A selection of several articles (made to export or delete them) is kept beside it.
        """
        several = self.selected_ids()
        self.reload_library(article_id)
        if len(several) > 1:
            self._reselect(several)
        if article_id is not None and self.current_id != article_id and self.filter_edit.text():
            self.filter_edit.clear()
            self._filter_timer.stop()  # the list is re-read now, not once the typing pause has passed
            self.filter_library("")
            self.select_article(article_id)
