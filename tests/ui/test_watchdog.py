"""The GUI watchdog: a frozen screen is logged with where the GUI thread was."""

from __future__ import annotations

import logging
import time

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from pos.ui.watchdog import GuiWatchdog


def reload_everything_on_the_gui_thread() -> None:
    """What the counter must never do: wait on something slow in a slot."""
    time.sleep(0.4)


@pytest.fixture
def watchdog(qtbot: QtBot):  # type: ignore[no-untyped-def]
    dog = GuiWatchdog(threshold_ms=100, beat_ms=10)
    dog.start()
    yield dog
    dog.stop()


def test_a_stall_is_logged_with_the_function_that_caused_it(
    qtbot: QtBot, watchdog: GuiWatchdog, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="pos.ui.watchdog"):
        QTimer.singleShot(0, reload_everything_on_the_gui_thread)
        qtbot.waitUntil(lambda: watchdog.stalls != [], timeout=3000)
    [warning] = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert "has not answered" in warning.getMessage()
    assert "reload_everything_on_the_gui_thread" in warning.getMessage()
    [stall] = watchdog.stalls
    assert stall >= 300  # the sleep's length, from the last beat before it (a loaded machine adds)
    assert any("answers again" in r.getMessage() for r in caplog.records)


def test_a_responsive_screen_logs_nothing(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    # A threshold 50 times the work: a machine busy with other processes (CI, a shared test
    # box) delays the beat by tens of milliseconds, which is not a stall of ours.
    watchdog = GuiWatchdog(threshold_ms=1000, beat_ms=10)
    watchdog.start()
    try:
        with caplog.at_level(logging.INFO, logger="pos.ui.watchdog"):
            for _ in range(10):
                QTimer.singleShot(0, lambda: time.sleep(0.02))  # short work
                qtbot.wait(30)
    finally:
        watchdog.stop()
    assert watchdog.stalls == [] and caplog.records == []
