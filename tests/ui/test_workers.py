"""TaskRunner: serial background work, results on the GUI thread, stale results dropped."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from pytestqt.qtbot import QtBot

from pos.ui.workers import TaskRunner


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def test_work_runs_off_the_gui_thread_and_the_result_comes_back_on_it(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    gui = QThread.currentThread()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker_is_gui"] = QThread.currentThread() == gui
        return 42

    def done(result: int) -> None:
        seen["result"], seen["callback_is_gui"] = result, QThread.currentThread() == gui

    runner.submit(work, on_success=done)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen == {"worker_is_gui": False, "result": 42, "callback_is_gui": True}
    assert runner.pending == 0


def test_tasks_run_one_at_a_time_in_order(qtbot: QtBot, runner: TaskRunner) -> None:
    order: list[int] = []
    for n in range(5):
        runner.submit(lambda n=n: n, on_success=order.append)
    qtbot.waitUntil(lambda: len(order) == 5)
    assert order == [0, 1, 2, 3, 4]


def test_an_expected_error_goes_to_on_error(qtbot: QtBot, runner: TaskRunner) -> None:
    errors: list[BaseException] = []

    def fail() -> None:
        raise LookupError("gone")

    runner.submit(fail, on_success=lambda _: None, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], LookupError)


def test_an_unhandled_error_reaches_the_crash_handler(
    qtbot: QtBot, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    hooked: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, tb: hooked.append(error))

    def fail() -> None:
        raise ValueError("bug")

    runner.submit(fail, on_success=lambda _: None)
    qtbot.waitUntil(lambda: bool(hooked))
    assert isinstance(hooked[0], ValueError)


def test_a_newer_task_with_the_same_key_wins(qtbot: QtBot, runner: TaskRunner) -> None:
    release = threading.Event()
    delivered: list[str] = []

    def slow() -> str:
        release.wait(5)
        return "old"

    runner.submit(slow, on_success=delivered.append, key="search")
    runner.submit(lambda: "waiting", on_success=delivered.append, key="search")
    runner.submit(lambda: "new", on_success=delivered.append, key="search")
    release.set()
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert delivered == ["new"]


def test_busy_is_signalled_around_work(qtbot: QtBot, runner: TaskRunner) -> None:
    states: list[bool] = []
    runner.busy_changed.connect(states.append)
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        runner.submit(lambda: None, on_success=lambda _: None)
        runner.submit(lambda: None, on_success=lambda _: None)
    assert states == [True, False]


def test_nothing_is_delivered_after_shutdown(qtbot: QtBot) -> None:
    runner = TaskRunner()
    delivered: list[object] = []
    runner.submit(lambda: 1, on_success=delivered.append)
    runner.shutdown()
    QCoreApplication.processEvents()  # a delivery already queued would (wrongly) run here
    assert delivered == []
    ran: list[int] = []
    assert runner.submit(lambda: ran.append(2), on_success=delivered.append) == 0  # a late timer
    QCoreApplication.processEvents()
    assert (ran, delivered) == ([], [])


def test_a_result_for_a_deleted_screen_is_dropped(qtbot: QtBot) -> None:
    runner = TaskRunner()

    class Screen(QObject):
        changed = Signal()

        def on_result(self, _value: object) -> None:
            self.changed.emit()  # raises once the C++ object is gone

    screen = Screen()
    gate = threading.Event()
    runner.submit(lambda: gate.wait(5), on_success=screen.on_result)
    shiboken6.delete(screen)  # the screen closed while its task ran
    with qtbot.waitSignal(runner.busy_changed):  # False: the task is over and was delivered
        gate.set()
    runner.shutdown()
