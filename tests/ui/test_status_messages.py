"""Status-bar messages go away by themselves: results after a while, problems after longer."""

from __future__ import annotations

from reader.ui.status import PROBLEM, PROGRESS, RESULT, TIMEOUTS_MS
from tests.ui.conftest import import_and_wait


def messages_of(window) -> list[str]:
    seen: list[str] = []
    window.statusBar().messageChanged.connect(seen.append)
    return seen


def test_a_result_goes_away_after_its_time(qtbot, window, pages, monkeypatch):
    monkeypatch.setitem(TIMEOUTS_MS, RESULT, 200)
    seen = messages_of(window)
    import_and_wait(qtbot, window, [pages / "quiet-hours.md"])
    assert "Importing…" in seen and "1 imported, 0 already in the library, 0 failed" in seen
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=3000)


def test_a_problem_stays_longer_than_a_result(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setitem(TIMEOUTS_MS, PROBLEM, 200)
    empty = tmp_path / "blank page.html"
    empty.write_bytes(b"")
    seen = messages_of(window)
    import_and_wait(qtbot, window, [empty])
    assert any(message.startswith("0 imported, 0 already in the library, 1 failed") for message in seen)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=3000)


def test_results_last_seconds_problems_longer_and_progress_until_replaced():
    assert 5_000 <= TIMEOUTS_MS[RESULT] < TIMEOUTS_MS[PROBLEM]
    assert TIMEOUTS_MS[PROGRESS] == 0
