"""An exception nobody caught: logged with its traceback, told to the user in a sentence."""

from __future__ import annotations

import logging
import sys

import pytest

from reader.logs import log_file, setup_logging
from reader.store import LibraryError
from reader.ui.crash import install_excepthook


@pytest.fixture
def logged(tmp_path, monkeypatch):
    """A log file of the test's own, removed from logging afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    root = logging.getLogger()
    before = list(root.handlers)
    for handler in before:
        root.removeHandler(handler)
    path = setup_logging(tmp_path)
    yield path
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    for handler in before:
        root.addHandler(handler)


def _raise(error: BaseException) -> tuple:
    try:
        raise error
    except BaseException:  # noqa: BLE001 - the test's own
        return sys.exc_info()


def test_a_bug_goes_to_the_log_with_its_traceback_and_the_user_is_told_where(logged):
    told: list[str] = []
    install_excepthook(told.append)
    sys.excepthook(*_raise(ZeroDivisionError("division by zero")))
    assert log_file() == logged
    text = logged.read_text(encoding="utf-8")
    assert "Traceback" in text and "ZeroDivisionError: division by zero" in text
    assert told == [f"Something went wrong inside Reader (ZeroDivisionError). The details are in {logged}."]


def test_an_environment_error_is_its_sentence_without_a_traceback(logged):
    told: list[str] = []
    install_excepthook(told.append)
    sys.excepthook(*_raise(LibraryError("The library /x.sqlite3 is damaged where this change goes.")))
    sys.excepthook(*_raise(OSError(28, "No space left on device", "/home/u/notes.md")))
    assert told == ["The library /x.sqlite3 is damaged where this change goes.",
                    "Reader could not finish: No space left on device (/home/u/notes.md)."]
    assert "Traceback" not in logged.read_text(encoding="utf-8")


def test_setting_up_logging_twice_keeps_one_file(logged, tmp_path):
    assert setup_logging(tmp_path / "elsewhere") == logged
