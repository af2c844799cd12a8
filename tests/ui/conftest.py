"""A real main window on a throw-away library, with the outside world faked."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from reader.importing import warm_up
from reader.model import ArticleInfo, ImportOutcome
from reader.reading_style import ReadingStyle
from reader.store import Library
from reader.ui.export_dialog import ExportAnswer, ExportOffer
from reader.ui.main_window import MainWindow
from reader.workers import WorkerPool


class FakeDialogs:
    """Answers the window's questions the way a test says, and remembers them."""

    def __init__(self) -> None:
        self.files_to_choose: list[str] = []
        self.folder_to_choose: str | None = None
        self.confirm = True
        self.confirmations: list[str] = []
        self.failures_shown: list[list[ImportOutcome]] = []
        self.opened_urls: list[str] = []
        self.meanings_answer: dict[str, str] | None = None
        self.export_answer: tuple[str, str, str] | None = None
        self.export_offers: list[ExportOffer] = []
        self.errors: list[str] = []
        self.library_problems: list[tuple[str, str | None]] = []
        self.library_choice = "quit"
        self.library_to_choose: str | None = None
        self.reading_style_answer: ReadingStyle | None = None
        self.reading_styles_offered: list[ReadingStyle] = []
        self.shortcuts_shown: list[list[tuple[str, str, str]]] = []
        self.about_shown: list[str] = []
        self.info_answer: dict[str, str] | None = None
        self.infos_offered: list[ArticleInfo] = []

    def choose_folder(self) -> str | None:
        return self.folder_to_choose

    def choose_files(self) -> list[str]:
        return list(self.files_to_choose)

    def confirm_delete(self, title: str, count: int = 1) -> bool:
        self.confirmations.append(title if count == 1 else f"{title} and {count - 1} more")
        return self.confirm

    def show_failures(self, failures: list[ImportOutcome]) -> None:
        self.failures_shown.append(list(failures))

    def ask_export(self, offer: ExportOffer) -> ExportAnswer | None:
        self.export_offers.append(offer)
        return ExportAnswer(*self.export_answer) if self.export_answer is not None else None

    def edit_meanings(self, meanings: dict[str, str]) -> dict[str, str] | None:
        return self.meanings_answer

    def show_error(self, message: str) -> None:
        self.errors.append(message)

    def refuse_start(self, message: str) -> None:
        self.errors.append(message)

    def library_problem(self, message: str, restore_label: str | None) -> str:
        self.library_problems.append((message, restore_label))
        return self.library_choice

    def choose_library(self) -> str | None:
        return self.library_to_choose

    def reading_settings(self, style: ReadingStyle, theme) -> ReadingStyle | None:
        self.reading_styles_offered.append(style)
        return self.reading_style_answer

    def open_url(self, url: QUrl) -> None:
        self.opened_urls.append(url.toString())

    def show_shortcuts(self, rows: list[tuple[str, str, str]]) -> None:
        self.shortcuts_shown.append(list(rows))

    def show_about(self, text: str) -> None:
        self.about_shown.append(text)

    def edit_info(self, info: ArticleInfo) -> dict[str, str] | None:
        self.infos_offered.append(info)
        return self.info_answer


class App:
    """Opens windows on one library file and settings file, as relaunches would."""

    def __init__(self, qtbot, tmp_path: Path, workers: WorkerPool) -> None:
        self.qtbot = qtbot
        self.workers = workers
        self.library_path = tmp_path / "library.sqlite3"
        self.settings_path = tmp_path / "settings.ini"
        self.dialogs = FakeDialogs()
        self.libraries: list[Library] = []

    def launch(self) -> MainWindow:
        library = Library(self.library_path)
        self.libraries.append(library)
        settings = QSettings(str(self.settings_path), QSettings.Format.IniFormat)
        window = MainWindow(library, settings, dialogs=self.dialogs, import_processes=1, workers=self.workers)
        self.qtbot.addWidget(window)
        window.show()
        self.qtbot.waitExposed(window)
        return window

    def close(self) -> None:
        for library in self.libraries:
            library.close()


@pytest.fixture(scope="session")
def workers():
    """One warm extraction process for every window of the session, as the app keeps one."""
    with WorkerPool(1, warm_up) as pool:
        yield pool


@pytest.fixture
def app(qtbot, tmp_path, workers):
    launcher = App(qtbot, tmp_path, workers)
    yield launcher
    launcher.close()


@pytest.fixture
def window(app):
    return app.launch()


def drop(window, paths: list[Path], target=None) -> None:
    """Drop files on the window the way a file manager does: drag enter, then drop."""
    target = target or window.reader.viewport()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = target.rect().center()
    global_point = target.mapTo(window, point)
    enter = QDragEnterEvent(global_point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(global_point.toPointF(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)


def wait_for_import(qtbot, window, timeout: int = 60_000):
    qtbot.waitUntil(lambda: not window.importing and window.last_report is not None, timeout=timeout)
    return window.last_report


def import_and_wait(qtbot, window, paths: list[Path]):
    window.last_report = None
    drop(window, paths)
    return wait_for_import(qtbot, window)
