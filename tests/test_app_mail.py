"""The running app delivers the customer e-mails from its sync thread (real SMTP on loopback).

The counter is wired by `pos.app` as in the shop; the mail server is aiosmtpd on 127.0.0.1.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from pos.app import build_main_window
from pos.config import DATA_DIR_ENV
from pos.db.engine import SessionFactory
from pos.domain.clock import SystemClock
from pos.services.history import SalesHistoryService
from pos.services.sync_port import SyncStatus
from pos.sync.mail_runner import MailRunner
from pos.sync.service import SyncService
from pos.ui.main_window import MainWindow
from pos.ui.screens.sync import create_sync_panel
from pos.ui.screens.sync.view_model import SyncViewModel
from pos.ui.sync_worker import SyncThread
from pos.ui.workers import TaskRunner
from pos.wiring import Store, environment_options
from pos.wiring.counter import counter_services
from tests.support.builders import T0
from tests.support.clock import FakeClock
from tests.support.smtp import SmtpTestServer, free_port
from tests.sync.test_mail_dispatch import row
from tests.sync.test_mail_runner import no_keyring, queue, smtp_environ

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    return tmp_path


@pytest.fixture
def app_window(qtbot: QtBot, sessions: SessionFactory, smtp_server: SmtpTestServer
               ) -> Iterator[MainWindow]:  # fmt: skip
    """The counter as `comptoir` builds it, its SMTP settings pointing at `smtp_server`."""
    environ = smtp_environ(smtp_server.port)
    store = Store(sessions=sessions, clock=SystemClock(), **environment_options(environ))
    services = counter_services(store, demo=False)
    history = SalesHistoryService(sessions=sessions, clock=FakeClock(T0))
    window = build_main_window(history, "en_US", services)
    qtbot.addWidget(window)
    yield window
    window.close()  # stops the sync thread and the task runner


def test_the_app_sends_a_queued_mail_from_its_sync_thread(
    qtbot: QtBot, sessions: SessionFactory, smtp_server: SmtpTestServer, app_window: MainWindow
) -> None:
    message_id = queue(sessions)  # as a commit queues it
    counter = app_window.counter
    assert counter is not None and counter.sync is not None

    # The first tick comes two seconds after start (the window first), then every minute.
    qtbot.waitUntil(lambda: len(smtp_server.messages) == 1, timeout=20_000)
    assert smtp_server.messages[0].message["Subject"].startswith("Échange T1-000123")
    qtbot.waitUntil(lambda: row(sessions, message_id).state == "done", timeout=10_000)
    qtbot.waitUntil(lambda: _mail_line(app_window) == "Customer e-mails: all sent.",
                    timeout=10_000)  # fmt: skip


def _mail_line(window: MainWindow) -> str:
    label = window.findChild(QLabel, "mailState")
    return label.text() if label is not None else ""


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def test_a_failure_shows_in_the_panel_and_the_mail_leaves_once_the_server_is_back(
    qtbot: QtBot, sessions: SessionFactory, runner: TaskRunner
) -> None:
    port, clock = free_port(), FakeClock(T0)
    queue(sessions)
    mail = MailRunner(sessions=sessions, clock=clock, environ=smtp_environ(port),
                      keyring_get=no_keyring)  # fmt: skip
    service = SyncService(None, sessions=sessions, clock=clock, mail=mail)
    thread = SyncThread(make_sync=lambda: service, interval_ms=3_600_000)
    model = SyncViewModel(sync=service, runner=runner, request_now=thread.request_now)
    panel = create_sync_panel(view_model=model, locale="en_US")
    qtbot.addWidget(panel)
    thread.status_changed.connect(model.set_status)
    label = panel.findChild(QLabel, "mailState")
    try:
        with qtbot.waitSignal(thread.status_changed, timeout=10_000,
                              check_params_cb=_has_problem):  # fmt: skip
            thread.start()
        assert label.text() == (
            "Customer e-mails: 1 waiting to be sent. Last problem: could not connect to the "
            f"mail server 127.0.0.1:{port}: connection refused.")  # fmt: skip
        assert label.property("kind") == "error"

        server = SmtpTestServer(port=port).start()  # the server is back
        try:
            clock.advance(timedelta(minutes=1))  # past the ~30 s backoff
            with qtbot.waitSignal(thread.status_changed, timeout=10_000,
                                  check_params_cb=_all_sent):  # fmt: skip
                model.sync_now()
            assert len(server.messages) == 1
        finally:
            server.stop()
        assert label.text() == "Customer e-mails: all sent."
    finally:
        thread.stop()


def _has_problem(status: SyncStatus) -> bool:
    return status.mail_problem is not None


def _all_sent(status: SyncStatus) -> bool:
    return status.mail_waiting == 0 and status.mail_problem is None


def test_a_mail_server_that_never_answers_does_not_freeze_the_screen(
    qtbot: QtBot, sessions: SessionFactory
) -> None:
    clock = FakeClock(T0)
    queue(sessions)
    gaps: list[float] = []
    last = [time.monotonic()]

    def beat() -> None:  # the GUI thread's heartbeat
        now = time.monotonic()
        gaps.append(now - last[0])
        last[0] = now

    heart = QTimer()
    heart.timeout.connect(beat)
    with socket.socket() as silent:  # accepts, never says hello: the 1.5 s timeout runs out
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        environ = smtp_environ(silent.getsockname()[1], COMPTOIR_SMTP_TIMEOUT="1.5")
        mail = MailRunner(sessions=sessions, clock=clock, environ=environ, keyring_get=no_keyring)
        service = SyncService(None, sessions=sessions, clock=clock, mail=mail)
        thread = SyncThread(make_sync=lambda: service, interval_ms=3_600_000)
        try:
            heart.start(20)
            with qtbot.waitSignal(thread.status_changed, timeout=15_000,
                                  check_params_cb=_has_problem) as got:  # fmt: skip
                thread.start()
        finally:
            heart.stop()
            thread.stop()
    assert "did not answer within 1.5 s" in got.args[0].mail_problem
    assert max(gaps) < 1.0  # the 1.5 s wait was the sync thread's, not the screen's
