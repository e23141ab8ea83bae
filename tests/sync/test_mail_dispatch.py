"""Delivering queued e-mails to a real SMTP server on loopback: faults, retries, restarts."""

from __future__ import annotations

import base64
import logging
import random
import socket
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from pos.db import outbox
from pos.db.engine import SessionFactory
from pos.db.records import OutboxMessageRecord
from pos.services.mail import queue_document_mail
from pos.sync.mail import (
    DispatchReport,
    MailDispatcher,
    SmtpConfigError,
    SmtpSettings,
    retry_delay,
)
from tests.support.builders import T0
from tests.support.clock import FakeClock
from tests.support.smtp import (
    PERMANENT_REFUSAL,
    TEMPORARY_REFUSAL,
    SmtpTestServer,
    free_port,
    make_certificate,
    sample_mail,
)

SENDER = "boutique@lumiere.example"
PASSWORD = "s3cret-Pa55word!"


@pytest.fixture
def server() -> Iterator[SmtpTestServer]:
    smtp = SmtpTestServer().start()
    yield smtp
    smtp.stop()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


def settings_for(port: int, **changes) -> SmtpSettings:  # type: ignore[no-untyped-def]
    values = {"host": "127.0.0.1", "port": port, "starttls": False, "sender": SENDER}
    values["timeout"] = 5.0
    values.update(changes)
    return SmtpSettings(**values)


def dispatcher(sessions: SessionFactory, clock: FakeClock, port: int, **changes) -> MailDispatcher:  # type: ignore[no-untyped-def]
    return MailDispatcher(
        sessions=sessions,
        settings=settings_for(port, **changes),
        clock=clock,
        rng=random.Random(7),
    )


def queue(sessions: SessionFactory, number: str = "T1-000123", **changes) -> int:  # type: ignore[no-untyped-def]
    with sessions.begin() as s:
        return queue_document_mail(s, sample_mail(document_number=number, **changes), now=T0)


def row(sessions: SessionFactory, message_id: int) -> OutboxMessageRecord:
    with sessions() as s:
        record = s.get(OutboxMessageRecord, message_id)
        assert record is not None
        return record


def test_a_queued_mail_is_delivered_with_its_headers_and_body(
    sessions: SessionFactory, server: SmtpTestServer, clock: FakeClock
) -> None:
    message_id = queue(sessions)
    report = dispatcher(sessions, clock, server.port).run_once()
    assert report == DispatchReport(sent=1, retried=0, parked=0)
    [received] = server.messages
    assert received.mail_from == SENDER
    assert received.rcpt_tos == ("helene.lefevre@example.fr",)
    message = received.message
    assert message["Subject"] == "Échange T1-000123 — commande n° 10234 — Boutique Lumière"
    assert message["To"] == "Hélène Lefèvre <helene.lefevre@example.fr>"
    assert message["Message-ID"] == f"<comptoir.T1-000123.{message_id}@lumiere.example>"
    text = message.get_body(("plain",)).get_content()
    assert "Montant remboursé : 42,10\xa0€" in text and "GC-7Q2M-K9XD" in text
    assert message.get_body(("html",)) is not None
    record = row(sessions, message_id)
    assert (record.state, record.attempts, record.last_error) == ("done", 1, "")
    assert dispatcher(sessions, clock, server.port).run_once() == DispatchReport()


def test_server_down_then_up_delivers_exactly_once(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    port = free_port()  # nobody listens: connection refused
    message_id = queue(sessions)
    assert dispatcher(sessions, clock, port).run_once() == DispatchReport(retried=1)
    record = row(sessions, message_id)
    assert record.state == "pending"
    assert (
        record.last_error == f"could not connect to the mail server 127.0.0.1:{port}: "
        "connection refused"
    )
    wait = record.next_attempt_at - clock.now()
    assert timedelta(seconds=22) <= wait <= timedelta(seconds=30)
    assert dispatcher(sessions, clock, port).run_once() == DispatchReport()  # not due yet
    server = SmtpTestServer(port=port).start()
    try:
        clock.advance(wait)
        assert dispatcher(sessions, clock, port).run_once() == DispatchReport(sent=1)
        clock.advance(timedelta(hours=2))
        assert dispatcher(sessions, clock, port).run_once() == DispatchReport()
        assert len(server.messages) == 1
    finally:
        server.stop()
    assert row(sessions, message_id).attempts == 2


def test_backoff_grows_and_is_capped_at_an_hour(sessions: SessionFactory, clock: FakeClock) -> None:
    port = free_port()
    message_id = queue(sessions)
    waits = []
    for _ in range(10):
        dispatcher(sessions, clock, port).run_once()
        wait = row(sessions, message_id).next_attempt_at - clock.now()
        waits.append(wait.total_seconds())
        clock.advance(wait)
    assert waits[1] > waits[0] * 1.4 and waits[2] > waits[1] * 1.4
    assert max(waits) <= 3600 and waits[-1] >= 2700
    assert row(sessions, message_id).attempts == 10


def test_a_temporary_refusal_is_retried(
    sessions: SessionFactory, server: SmtpTestServer, clock: FakeClock
) -> None:
    message_id = queue(sessions)
    server.reply_to_recipients(TEMPORARY_REFUSAL)
    assert dispatcher(sessions, clock, server.port).run_once() == DispatchReport(retried=1)
    record = row(sessions, message_id)
    assert record.state == "pending" and record.next_attempt_at > clock.now()
    assert "refused the recipient for now (451 4.3.0" in record.last_error
    server.reply_to_recipients(None)
    clock.advance(timedelta(minutes=1))
    assert dispatcher(sessions, clock, server.port).run_once() == DispatchReport(sent=1)
    assert len(server.messages) == 1


def test_a_permanent_refusal_is_parked_with_the_reason(
    sessions: SessionFactory, server: SmtpTestServer, clock: FakeClock
) -> None:
    message_id = queue(sessions)
    server.reply_to_recipients(PERMANENT_REFUSAL)
    assert dispatcher(sessions, clock, server.port).run_once() == DispatchReport(parked=1)
    record = row(sessions, message_id)
    assert record.state == "parked"
    assert (
        record.last_error == "the mail server refused the recipient (550 5.1.1 No such user here)"
    )
    server.reply_to_recipients(None)
    clock.advance(timedelta(days=1))
    assert dispatcher(sessions, clock, server.port).run_once() == DispatchReport()
    assert server.messages == []


def test_a_payload_that_cannot_be_written_is_parked(
    sessions: SessionFactory, server: SmtpTestServer, clock: FakeClock
) -> None:
    with sessions.begin() as s:
        message_id = outbox.enqueue(
            s,
            destination="mail",
            kind="document_email",
            object_key="mail:T1-9",
            payload={"version": 1, "kind": "exchange"},
            now=T0,
        )
    assert dispatcher(sessions, clock, server.port).run_once() == DispatchReport(parked=1)
    record = row(sessions, message_id)
    assert record.state == "parked" and record.attempts == 0
    assert record.last_error.startswith("the e-mail could not be written: malformed payload")


def test_a_new_dispatcher_continues_where_the_last_one_stopped(
    sessions: SessionFactory, server: SmtpTestServer, clock: FakeClock
) -> None:
    first, second = queue(sessions, "T1-000001"), queue(sessions, "T1-000002")
    server.reply_to_recipients(TEMPORARY_REFUSAL)
    assert dispatcher(sessions, clock, server.port).run_once() == DispatchReport(retried=2)
    # the program stops here; later a new process starts on the same database
    server.reply_to_recipients(None)
    clock.advance(timedelta(minutes=1))
    restarted = dispatcher(sessions, clock, server.port)
    assert restarted.run_once() == DispatchReport(sent=2)
    assert sorted(m.message["Subject"].split()[1] for m in server.messages) == [
        "T1-000001",
        "T1-000002",
    ]
    assert {row(sessions, i).state for i in (first, second)} == {"done"}


def test_a_mail_left_in_flight_by_a_crash_is_sent_again(
    sessions: SessionFactory, server: SmtpTestServer, clock: FakeClock
) -> None:
    message_id = queue(sessions)
    with sessions.begin() as s:  # a dispatcher took it, then the process died while sending
        assert outbox.start_attempt(s, message_id, now=clock.now())
    fresh = dispatcher(sessions, clock, server.port)
    assert fresh.run_once() == DispatchReport()  # may still be sending elsewhere: leave it
    clock.advance(timedelta(minutes=5))
    assert dispatcher(sessions, clock, server.port).run_once() == DispatchReport(sent=1)
    assert len(server.messages) == 1
    record = row(sessions, message_id)
    assert (record.state, record.attempts) == ("done", 2)


def test_a_server_that_never_answers_times_out(sessions: SessionFactory, clock: FakeClock) -> None:
    with socket.socket() as silent:  # accepts connections (backlog) but never says hello
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        message_id = queue(sessions)
        report = dispatcher(sessions, clock, port, timeout=0.3).run_once()
    assert report == DispatchReport(retried=1)
    assert row(sessions, message_id).last_error == (
        f"the mail server 127.0.0.1:{port} did not answer within 0.3 s"
    )


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    try:
        return make_certificate(tmp_path)
    except ImportError:
        pytest.skip("STARTTLS test needs the 'cryptography' package to make a certificate")


def test_starttls_and_login_never_leak_the_password(
    sessions: SessionFactory,
    clock: FakeClock,
    certificate: tuple[Path, Path],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    server = SmtpTestServer(tls=certificate, credentials=("boutique", PASSWORD)).start()
    try:
        tls = {"starttls": True, "username": "boutique", "ca_file": str(certificate[0])}
        wrong = queue(sessions, "T1-000001")
        bad = dispatcher(sessions, clock, server.port, password="wrong-" + PASSWORD, **tls)
        assert bad.run_once() == DispatchReport(retried=1)
        assert "refused the user name or password (535" in row(sessions, wrong).last_error
        clock.advance(timedelta(minutes=1))
        good = dispatcher(sessions, clock, server.port, password=PASSWORD, **tls)
        assert good.run_once() == DispatchReport(sent=1)
        assert server.logins == ["boutique"] and len(server.messages) == 1
    finally:
        server.stop()
    ours = [r for r in caplog.records if not r.name.startswith("mail.log")]  # aiosmtpd: server
    assert any(r.name == "pos.sync.mail" for r in ours)
    secrets = (PASSWORD, base64.b64encode(PASSWORD.encode()).decode())
    assert not any(secret in r.getMessage() for r in ours for secret in secrets)
    assert PASSWORD not in repr(good._settings)
    with sessions() as s:
        stored = repr(
            [(r.payload, r.journal, r.last_error) for r in s.scalars(select(OutboxMessageRecord))]
        )
    assert PASSWORD not in stored


def test_starttls_refuses_an_unknown_certificate(
    sessions: SessionFactory, clock: FakeClock, certificate: tuple[Path, Path]
) -> None:
    server = SmtpTestServer(tls=certificate).start()
    try:
        message_id = queue(sessions)
        report = dispatcher(sessions, clock, server.port, starttls=True).run_once()
    finally:
        server.stop()
    assert report == DispatchReport(retried=1) and server.messages == []
    assert row(sessions, message_id).last_error.startswith(
        "the mail server's certificate could not be verified"
    )


# ---------------------------------------------------------------- settings


def no_keyring(service: str, username: str) -> str | None:
    from keyring.errors import NoKeyringError

    raise NoKeyringError("no recommended backend")


ENV = {
    "COMPTOIR_SMTP_HOST": "smtp.example.com",
    "COMPTOIR_SMTP_FROM": SENDER,
    "COMPTOIR_SMTP_USER": "boutique",
}


def test_settings_come_from_the_environment_and_the_keyring() -> None:
    asked = []

    def keyring_get(service: str, username: str) -> str | None:
        asked.append((service, username))
        return PASSWORD if username == "boutique" else None

    settings = SmtpSettings.from_environment(
        {**ENV, "COMPTOIR_SMTP_PORT": "2525", "COMPTOIR_SMTP_TIMEOUT": "12.5"},
        keyring_get=keyring_get,
    )
    assert asked[-1] == ("comptoir-smtp", "boutique")  # after the Settings screen's entries
    assert {service for service, _ in asked} == {"comptoir-smtp"}
    assert (settings.host, settings.port, settings.starttls, settings.timeout) == (
        "smtp.example.com",
        2525,
        True,
        12.5,
    )
    assert (settings.username, settings.password, settings.sender) == ("boutique", PASSWORD, SENDER)
    assert PASSWORD not in repr(settings)


def test_without_a_usable_keyring_the_password_comes_from_the_environment(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    env = {**ENV, "COMPTOIR_SMTP_PASSWORD": PASSWORD}
    settings = SmtpSettings.from_environment(env, keyring_get=no_keyring)
    assert settings.password == PASSWORD
    assert not any(PASSWORD in r.getMessage() for r in caplog.records)


def test_settings_stored_from_the_settings_screen_fill_in_what_the_environment_leaves_out(
) -> None:
    stored = {"smtp-host": "smtp.lumiere.example", "smtp-port": "2525", "smtp-starttls": "true",
              "smtp-user": "boutique", "smtp-from": SENDER, "boutique": PASSWORD}  # fmt: skip

    def keyring_get(service: str, username: str) -> str | None:
        return stored.get(username) if service == "comptoir-smtp" else None

    settings = SmtpSettings.from_environment({}, keyring_get=keyring_get)
    assert (settings.host, settings.port, settings.starttls, settings.username,
            settings.password, settings.sender) == (
        "smtp.lumiere.example", 2525, True, "boutique", PASSWORD, SENDER)  # fmt: skip
    overridden = SmtpSettings.from_environment({"COMPTOIR_SMTP_HOST": "relay.lan"},
                                               keyring_get=keyring_get)  # fmt: skip
    assert (overridden.host, overridden.port) == ("relay.lan", 2525)


def test_defaults_without_credentials() -> None:
    env = {"COMPTOIR_SMTP_HOST": "relay.lan", "COMPTOIR_SMTP_FROM": SENDER}
    assert SmtpSettings.from_environment(env, keyring_get=no_keyring).port == 587
    plain = SmtpSettings.from_environment({**env, "COMPTOIR_SMTP_STARTTLS": "no"})
    assert (plain.port, plain.starttls, plain.username, plain.password) == (25, False, None, None)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"COMPTOIR_SMTP_HOST": ""}, "COMPTOIR_SMTP_HOST"),
        ({"COMPTOIR_SMTP_FROM": ""}, "COMPTOIR_SMTP_FROM"),
        ({"COMPTOIR_SMTP_PORT": "smtp"}, "COMPTOIR_SMTP_PORT must be a number"),
        ({"COMPTOIR_SMTP_STARTTLS": "maybe"}, "COMPTOIR_SMTP_STARTTLS must be true or false"),
        ({"COMPTOIR_SMTP_STARTTLS": "off"}, "refusing to send the SMTP password unencrypted"),
        ({"COMPTOIR_SMTP_PASSWORD": ""}, "keyring set comptoir-smtp boutique"),
    ],
)
def test_unusable_settings_say_what_to_fix(changes: dict[str, str], message: str) -> None:
    env = {**ENV, "COMPTOIR_SMTP_PASSWORD": PASSWORD, **changes}
    with pytest.raises(SmtpConfigError, match=message):
        SmtpSettings.from_environment(env, keyring_get=no_keyring)


def test_retry_delays_start_near_30_seconds_and_stop_at_an_hour() -> None:
    rng = random.Random(1)
    first = [retry_delay(1, rng).total_seconds() for _ in range(200)]
    assert 22.5 <= min(first) and max(first) <= 30 and len(set(first)) > 100  # jittered
    assert all(retry_delay(n, rng) <= timedelta(hours=1) for n in range(1, 60))
    assert retry_delay(40, rng) >= timedelta(minutes=45)
