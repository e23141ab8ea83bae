"""The e-mails on the sync tick: settings read when e-mails wait, the queue in plain words."""

from __future__ import annotations

import random
import socket
from datetime import timedelta

import pytest

from pos.db.engine import SessionFactory, make_engine, make_sessions
from pos.services.mail import queue_document_mail
from pos.sync.engine import SyncRunner
from pos.sync.mail import DispatchReport, MailDispatcher, SmtpSettings
from pos.sync.mail_runner import MailRunner, MailStatus
from pos.sync.service import SyncService
from tests.fakes.wix import FakeWix
from tests.support.builders import T0
from tests.support.clock import FakeClock
from tests.support.smtp import PERMANENT_REFUSAL, SmtpTestServer, free_port, sample_mail
from tests.sync.test_engine import Network
from tests.sync.test_engine import network as network  # noqa: F401  (its fixture)
from tests.sync.test_mail_dispatch import row
from tests.sync.test_stock_push import NOW

SENDER = "boutique@lumiere.example"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


def smtp_environ(port: int, **extra: str) -> dict[str, str]:
    """The app's SMTP settings for a plain loopback server (no login, so no STARTTLS)."""
    return {"COMPTOIR_SMTP_HOST": "127.0.0.1", "COMPTOIR_SMTP_PORT": str(port),
            "COMPTOIR_SMTP_STARTTLS": "false", "COMPTOIR_SMTP_FROM": SENDER,
            "COMPTOIR_SMTP_TIMEOUT": "2", **extra}  # fmt: skip


def queue(sessions: SessionFactory, number: str = "T1-000123") -> int:
    with sessions.begin() as s:
        return queue_document_mail(s, sample_mail(document_number=number), now=T0)


def no_keyring(service: str, username: str) -> str | None:
    return None


def runner(sessions: SessionFactory, clock: FakeClock, environ: dict[str, str]) -> MailRunner:
    return MailRunner(sessions=sessions, clock=clock, environ=environ, keyring_get=no_keyring,
                      rng=random.Random(3))  # fmt: skip


def test_nothing_queued_needs_no_settings(sessions: SessionFactory, clock: FakeClock) -> None:
    assert runner(sessions, clock, {}).run_once() == MailStatus()


def test_a_queued_mail_goes_out_and_the_queue_is_empty(
    sessions: SessionFactory, smtp_server: SmtpTestServer, clock: FakeClock
) -> None:
    queue(sessions)
    mail = runner(sessions, clock, smtp_environ(smtp_server.port))
    assert mail.status() == MailStatus(waiting=1)

    assert mail.run_once() == MailStatus()
    [received] = smtp_server.messages
    assert received.rcpt_tos == ("helene.lefevre@example.fr",)


def test_missing_settings_keep_the_mail_and_say_what_to_fix_until_they_are_set(
    sessions: SessionFactory, smtp_server: SmtpTestServer, clock: FakeClock
) -> None:
    queue(sessions)
    environ = smtp_environ(smtp_server.port)
    del environ["COMPTOIR_SMTP_HOST"]
    mail = runner(sessions, clock, environ)

    status = mail.run_once()
    assert status == MailStatus(waiting=1, problem="no SMTP server: set COMPTOIR_SMTP_HOST")
    assert mail.status() == status  # the settings' problem is remembered between ticks
    assert smtp_server.messages == []

    environ["COMPTOIR_SMTP_HOST"] = "127.0.0.1"  # read again at the next tick: no restart
    assert mail.run_once() == MailStatus()
    assert len(smtp_server.messages) == 1


def test_a_down_server_is_the_problem_shown_and_a_refused_mail_is_counted(
    sessions: SessionFactory, smtp_server: SmtpTestServer, clock: FakeClock
) -> None:
    port = free_port()
    queue(sessions)
    down = runner(sessions, clock, smtp_environ(port)).run_once()
    assert down == MailStatus(
        waiting=1, problem=f"could not connect to the mail server 127.0.0.1:{port}: "
        "connection refused")  # fmt: skip

    smtp_server.reply_to_recipients(PERMANENT_REFUSAL)
    clock.advance(timedelta(minutes=1))
    refused = runner(sessions, clock, smtp_environ(smtp_server.port)).run_once()
    assert refused == MailStatus(
        parked=1, problem="the mail server refused the recipient (550 5.1.1 No such user here)")


def test_an_unreachable_server_is_tried_once_per_run_not_once_per_mail(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    # A server that never answers costs the sync thread one timeout per run, not twenty.
    first, second = queue(sessions, "T1-000001"), queue(sessions, "T1-000002")
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        settings = SmtpSettings(host="127.0.0.1", sender=SENDER, port=silent.getsockname()[1],
                                starttls=False, timeout=0.3)  # fmt: skip
        report = MailDispatcher(sessions=sessions, settings=settings, clock=clock).run_once()
    assert report == DispatchReport(retried=1)
    assert (row(sessions, first).attempts, row(sessions, second).attempts) == (1, 0)
    assert row(sessions, second).state == "pending"


@pytest.mark.parametrize("backend", ["postgresql"])
def test_only_the_sync_leader_sends_the_mail(
    db_url: str, fake_wix: FakeWix, network: Network, smtp_server: SmtpTestServer
) -> None:
    # Two terminals on one PostgreSQL database: the one holding the sync lead sends.
    engine = make_engine(db_url)
    sessions, clock = make_sessions(engine), FakeClock(NOW)

    def terminal() -> SyncService:
        mail = runner(sessions, clock, smtp_environ(smtp_server.port))
        return SyncService(lambda: SyncRunner(sessions=sessions, clock=clock,
                                              client_factory=network),
                           sessions=sessions, clock=clock, mail=mail)  # fmt: skip

    leader, follower = terminal(), terminal()
    try:
        assert leader.run_once().leader
        queue(sessions)
        waiting = follower.run_once()
        assert not waiting.leader and waiting.mail_waiting == 1
        assert smtp_server.messages == []
        sent = leader.run_once()
        assert sent.mail_waiting == 0 and len(smtp_server.messages) == 1
    finally:
        leader.close()
        follower.close()
        engine.dispose()
