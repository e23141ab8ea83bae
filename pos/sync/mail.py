"""Delivering the queued confirmation e-mails over SMTP, with retries that survive restarts.

The outbox row is the only state: `MailDispatcher.run_once` takes the due ``mail`` rows, marks
each in flight in its own committed transaction, sends it with smtplib, then records done,
retry or parked. Delivery is **at least once**: a crash (or a dropped connection) after the
server accepted the message but before "done" is committed sends it again. That is acceptable
for a confirmation e-mail — a duplicate is harmless and carries the same Message-ID, which
many mail systems use to fold copies — whereas a lost confirmation is not. Wix writes are
different (a second refund is real money) and use the read-back journal of DESIGN §7 instead.

The SMTP password comes from the OS keyring or the environment; it is never logged, written
to the database or to a file.
"""

from __future__ import annotations

import logging
import random
import re
import smtplib
import socket
import ssl
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from email.message import EmailMessage
from typing import Any

import keyring

from pos.db import outbox
from pos.db.engine import SessionFactory
from pos.db.outbox import DONE, PARKED, PENDING
from pos.domain.clock import Clock
from pos.domain.mail import (
    DOCUMENT_MAIL_KIND,
    MAIL_DESTINATION,
    SMTP_ENTRIES,
    SMTP_KEYRING,
    mail_from_payload,
)
from pos.domain.request_mail import REQUEST_MAIL_KIND, request_mail_from_payload
from pos.sync.mail_compose import compose, to_email_message
from pos.sync.request_mail_compose import compose_request, to_request_message

log = logging.getLogger(__name__)

KEYRING_SERVICE = SMTP_KEYRING
ENV_PREFIX = "COMPTOIR_SMTP_"
PASSWORD_ENV = "COMPTOIR_SMTP_PASSWORD"
FIRST_RETRY = timedelta(seconds=30)
MAX_RETRY = timedelta(hours=1)


class SmtpConfigError(ValueError):
    """The SMTP settings are missing or unusable; the message says which and how to fix it."""


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    """Where and how to send. The password is kept out of `repr` and out of any file."""

    host: str
    sender: str  # the From address
    port: int = 587
    starttls: bool = True
    username: str | None = None
    password: str | None = field(default=None, repr=False, compare=False)
    timeout: float = 30.0  # seconds, for the connection and every reply
    ca_file: str | None = None  # extra trusted certificate(s), for a private relay

    def __post_init__(self) -> None:
        if not self.host:
            raise SmtpConfigError(f"no SMTP server: set {ENV_PREFIX}HOST")
        if "@" not in self.sender:
            raise SmtpConfigError(f"no sender address: set {ENV_PREFIX}FROM")
        if self.timeout <= 0:
            raise SmtpConfigError("the SMTP timeout must be positive")
        if self.username and not self.starttls:
            raise SmtpConfigError("refusing to send the SMTP password unencrypted: enable STARTTLS")
        if self.username and not self.password:
            raise SmtpConfigError(
                f"no password for SMTP user {self.username!r}: store it with "
                f"`keyring set {KEYRING_SERVICE} {self.username}` or set {PASSWORD_ENV}"
            )

    @classmethod
    def from_environment(
        cls,
        environ: Mapping[str, str],
        *,
        keyring_get: Callable[[str, str], str | None] | None = None,
    ) -> SmtpSettings:
        """Settings from ``COMPTOIR_SMTP_HOST/PORT/STARTTLS/USER/FROM`` (and ``TIMEOUT``,
        ``CA_FILE``), each one unset taken from what the Settings screen stored in the keyring;
        the password from the keyring, else ``COMPTOIR_SMTP_PASSWORD``.

        Args:
            environ: the process environment (`os.environ`) or a test's mapping.
            keyring_get: `keyring.get_password` by default; injectable for tests.

        Raises:
            SmtpConfigError: a setting is missing or malformed.
        """

        stored = _stored_settings(keyring_get)

        def env(name: str, default: str = "") -> str:
            return (environ.get(ENV_PREFIX + name, "").strip() or stored.get(name, "")
                    or default)  # fmt: skip

        starttls = _flag(env("STARTTLS", "true"), f"{ENV_PREFIX}STARTTLS")
        username = env("USER") or None
        password = None
        if username:
            password = _keyring_password(username, keyring_get) or environ.get(PASSWORD_ENV) or None
        return cls(
            host=env("HOST"),
            sender=env("FROM"),
            port=_number(env("PORT", "587" if starttls else "25"), f"{ENV_PREFIX}PORT", int),
            starttls=starttls,
            username=username,
            password=password,
            timeout=_number(env("TIMEOUT", "30"), f"{ENV_PREFIX}TIMEOUT", float),
            ca_file=env("CA_FILE") or None,
        )


def _flag(value: str, name: str) -> bool:
    lowered = value.lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise SmtpConfigError(f"{name} must be true or false, not {value!r}")


def _number(value: str, name: str, kind: Callable[[str], Any]) -> Any:
    try:
        return kind(value)
    except ValueError:
        raise SmtpConfigError(f"{name} must be a number, not {value!r}") from None


def _stored_settings(keyring_get: Callable[[str, str], str | None] | None) -> dict[str, str]:
    """The settings stored from the Settings screen ({} without a usable keyring)."""
    if keyring_get is None:
        keyring_get = keyring.get_password
    try:
        values = {name: keyring_get(KEYRING_SERVICE, entry) for name, entry in SMTP_ENTRIES.items()}
    except Exception as error:  # any keyring failure: the environment alone
        log.info("no usable keyring (%s) for the mail server settings", type(error).__name__)
        return {}
    return {name: value.strip() for name, value in values.items() if value and value.strip()}


def _keyring_password(
    username: str, keyring_get: Callable[[str, str], str | None] | None
) -> str | None:
    """The stored password, or None when there is none or no keyring backend is usable."""
    if keyring_get is None:
        keyring_get = keyring.get_password
    try:
        return keyring_get(KEYRING_SERVICE, username)
    except Exception as error:  # any keyring failure: use the environment
        log.info("no usable keyring (%s); using %s if set", type(error).__name__, PASSWORD_ENV)
        return None


def retry_delay(attempt: int, rng: random.Random) -> timedelta:
    """Capped exponential backoff with jitter: attempt 1 → 22–30 s, doubling, at most 1 h.

    The jitter (the lower quarter of the range) keeps terminals that failed together from
    retrying together.
    """
    base = FIRST_RETRY.total_seconds() * 2 ** max(attempt - 1, 0)
    ceiling = min(base, MAX_RETRY.total_seconds())
    return timedelta(seconds=ceiling * rng.uniform(0.75, 1.0))


@dataclass(frozen=True, slots=True)
class DispatchReport:
    """What one `run_once` did."""

    sent: int = 0
    retried: int = 0
    parked: int = 0


@dataclass(frozen=True, slots=True)
class _Job:
    message_id: int
    kind: str
    object_key: str
    payload: dict[str, Any]
    attempt: int  # the number this attempt will have


class MailDispatcher:
    """Sends the outbox's due e-mails; all of its state lives in the database.

    A new dispatcher (after a restart) continues where the previous one stopped. A message
    found in flight for longer than `stale_after` — its sender crashed or was killed during the
    send — is sent again: e-mail delivery is at least once (see the module docstring).
    Run one dispatcher per shop (the sync leader), on a worker thread: sending blocks.
    """

    def __init__(
        self,
        *,
        sessions: SessionFactory,
        settings: SmtpSettings,
        clock: Clock,
        batch_size: int = 20,
        stale_after: timedelta = timedelta(minutes=5),
        rng: random.Random | None = None,
    ) -> None:
        self._sessions, self._settings, self._clock = sessions, settings, clock
        self._batch_size, self._stale_after = batch_size, stale_after
        self._rng = rng or random.Random()

    def run_once(self) -> DispatchReport:
        """Recover abandoned attempts, then try every due e-mail once.

        A failure that is the server's or the settings' (unreachable, timeout, login, TLS)
        ends the run: the others would wait just as long for the same answer, and the sync
        thread has Wix to serve too. They stay due for the next run.

        Returns:
            How many were sent, put back for a retry, or parked.
        """
        self._recover_stale()
        sent = retried = parked = 0
        for job in self._due_jobs():
            outcome = self._process(job)
            sent += outcome == "sent"
            retried += outcome in ("retried", "server_down")
            parked += outcome == "parked"
            if outcome == "server_down":
                break
        return DispatchReport(sent, retried, parked)

    def _recover_stale(self) -> None:
        now = self._clock.now()
        with self._sessions.begin() as session:
            for record in outbox.in_flight(session, destination=MAIL_DESTINATION):
                since = outbox.in_flight_since(record)
                if since is not None and now - since < self._stale_after:
                    continue  # possibly still being sent by another dispatcher
                log.warning("e-mail %s was left in flight; sending it again", record.object_key)
                outbox.settle(
                    session,
                    record.id,
                    PENDING,
                    now=now,
                    error="the previous attempt was interrupted before its outcome was "
                    "known; sending again",
                    next_attempt_at=now,
                )

    def _due_jobs(self) -> list[_Job]:
        with self._sessions() as session:
            records = outbox.claim_due(
                session,
                destination=MAIL_DESTINATION,
                now=self._clock.now(),
                limit=self._batch_size,
            )
            return [
                _Job(r.id, r.kind, r.object_key, dict(r.payload), r.attempts + 1) for r in records
            ]

    def _process(self, job: _Job) -> str:
        try:
            message = self._message(job)
        except ValueError as error:  # MailPayloadError, an unknown kind, a bad address
            return self._park(job, f"the e-mail could not be written: {error}")
        with self._sessions.begin() as session:
            if not outbox.start_attempt(session, job.message_id, now=self._clock.now()):
                return "skipped"  # another dispatcher took it
        try:
            self._send(message)
        except Exception as error:  # every failure is recorded on the row
            failure = classify(error, self._settings)
            if failure.permanent:
                return self._park(job, failure.reason)
            return self._retry(job, failure)
        with self._sessions.begin() as session:
            outbox.settle(session, job.message_id, DONE, now=self._clock.now())
        log.info("e-mail %s sent", job.object_key)
        return "sent"

    def _message(self, job: _Job) -> EmailMessage:
        domain = self._settings.sender.rpartition("@")[2]
        if job.kind == REQUEST_MAIL_KIND:  # a return request's decision
            request = request_mail_from_payload(job.payload)
            message_id = f"<comptoir.request-{request.request_id}.{job.message_id}@{domain}>"
            return to_request_message(request, compose_request(request),
                                      sender=self._settings.sender, message_id=message_id)
        if job.kind != DOCUMENT_MAIL_KIND:
            raise ValueError(f"unknown e-mail kind {job.kind!r}")
        mail = mail_from_payload(job.payload)
        token = re.sub(r"[^A-Za-z0-9.-]", "-", mail.document_number)
        message_id = f"<comptoir.{token}.{job.message_id}@{domain}>"
        return to_email_message(
            mail, compose(mail), sender=self._settings.sender, message_id=message_id
        )

    def _send(self, message: EmailMessage) -> None:
        settings = self._settings
        smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        try:
            if settings.starttls:
                smtp.starttls(context=self._tls_context())
            if settings.username and settings.password:
                smtp.login(settings.username, settings.password)
            smtp.send_message(message)
        finally:
            _close_quietly(smtp)

    def _tls_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context()
        if self._settings.ca_file:
            context.load_verify_locations(cafile=self._settings.ca_file)
        return context

    def _retry(self, job: _Job, failure: DeliveryFailure) -> str:
        now = self._clock.now()
        when = now + retry_delay(job.attempt, self._rng)
        with self._sessions.begin() as session:
            outbox.settle(session, job.message_id, PENDING, now=self._clock.now(),
                          error=failure.reason, next_attempt_at=when)  # fmt: skip
        log.warning(
            "e-mail %s not sent (%s); next try at %s",
            job.object_key,
            failure.reason,
            when.isoformat(timespec="seconds"),
        )
        return "server_down" if failure.server_wide else "retried"

    def _park(self, job: _Job, reason: str) -> str:
        with self._sessions.begin() as session:
            outbox.settle(session, job.message_id, PARKED, now=self._clock.now(), error=reason)
        log.warning("e-mail %s parked: %s", job.object_key, reason)
        return "parked"


def _close_quietly(smtp: smtplib.SMTP) -> None:
    # Once the server has accepted the message, a failing QUIT must not turn it into a
    # failure (and a duplicate); smtplib's own context manager would raise here.
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()


# ---------------------------------------------------------------- failures in plain words


@dataclass(frozen=True, slots=True)
class DeliveryFailure:
    """Why a send failed, for `last_error`; permanent failures are parked, others retried.

    `server_wide`: the server or the shop's settings failed, not this message (every other
    message would fail the same way now).
    """

    permanent: bool
    reason: str
    server_wide: bool = False


def _server_said(code: int, text: bytes | str) -> str:
    raw = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{code} {' '.join(raw.split())}"[:200]


def _reply_failure(error: smtplib.SMTPResponseException) -> DeliveryFailure:
    said = _server_said(error.smtp_code, error.smtp_error)
    if isinstance(error, smtplib.SMTPAuthenticationError):
        # A configuration problem, not this message's: retry once the password is fixed.
        return DeliveryFailure(
            False, f"the mail server refused the user name or password ({said})", True
        )
    if isinstance(error, smtplib.SMTPSenderRefused):
        return DeliveryFailure(False, f"the mail server refused the sender address ({said})", True)
    if isinstance(error, smtplib.SMTPConnectError | smtplib.SMTPHeloError):
        return DeliveryFailure(False, f"the mail server refused the connection ({said})", True)
    if error.smtp_code >= 500:
        return DeliveryFailure(True, f"the mail server refused the message ({said})")
    return DeliveryFailure(False, f"the mail server asked to try again later ({said})")


def _network_failure(error: OSError, settings: SmtpSettings) -> DeliveryFailure:
    where = f"{settings.host}:{settings.port}"
    if isinstance(error, ssl.SSLCertVerificationError):
        reason = f"the mail server's certificate could not be verified ({error.verify_message})"
    elif isinstance(error, ssl.SSLError):
        reason = f"the secure connection to the mail server failed ({error.reason})"
    elif isinstance(error, ConnectionRefusedError):
        reason = f"could not connect to the mail server {where}: connection refused"
    elif isinstance(error, TimeoutError):
        reason = f"the mail server {where} did not answer within {settings.timeout:g} s"
    elif isinstance(error, socket.gaierror):
        reason = f"the mail server's name {settings.host!r} could not be found"
    else:
        reason = f"network error talking to the mail server {where}: {error.strerror or error}"
    return DeliveryFailure(False, reason, server_wide=True)


def classify(error: BaseException, settings: SmtpSettings) -> DeliveryFailure:
    """Sort a send failure into permanent (park) or transient (retry), in plain words.

    SMTP 5xx replies about this message (refused recipient, rejected content) are permanent;
    4xx replies, network trouble, timeouts and problems with the shop's own settings (login,
    sender, TLS) are transient: they heal without touching the message.
    """
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(error.recipients.values()), (550, b"refused"))
        said = _server_said(code, text)
        if code >= 500:
            return DeliveryFailure(True, f"the mail server refused the recipient ({said})")
        return DeliveryFailure(False, f"the mail server refused the recipient for now ({said})")
    if isinstance(error, smtplib.SMTPResponseException):
        return _reply_failure(error)
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return DeliveryFailure(
            False, "the mail server does not offer STARTTLS or login; nothing was sent in clear",
            server_wide=True,
        )
    if isinstance(error, smtplib.SMTPServerDisconnected):
        if isinstance(error.__context__, OSError):  # smtplib hides timeouts behind this error
            return _network_failure(error.__context__, settings)
        return DeliveryFailure(
            False, "the mail server closed the connection unexpectedly", server_wide=True
        )
    if isinstance(error, OSError):
        return _network_failure(error, settings)
    log.error("unexpected failure while sending an e-mail", exc_info=error)
    return DeliveryFailure(False, f"unexpected error while sending: {type(error).__name__}")
