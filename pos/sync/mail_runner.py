"""The customer e-mails on the app's sync thread: one `MailRunner.run_once` per sync tick.

Qt-free, like the sync engine. Each run reads the SMTP settings again (``COMPTOIR_SMTP_*`` and
the keyring, `SmtpSettings.from_environment`) when e-mails wait, so a password fixed in the
keyring is used without a restart, and hands the due ones to `MailDispatcher` (its retries
with backoff live in the outbox rows). Unusable settings are not an error: the e-mails wait,
and `MailStatus.problem` says what to fix.
"""

from __future__ import annotations

import logging
import os
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pos.db import outbox
from pos.db.engine import SessionFactory
from pos.domain.clock import Clock
from pos.domain.mail import MAIL_DESTINATION

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class MailStatus:
    """The customer e-mails at a glance, for the sync panel.

    Attributes:
        waiting: E-mails not sent yet (pending or being sent).
        parked: E-mails the mail server refused for good (they wait for a person).
        problem: Why e-mails wait, in plain (English) words: the settings to fix, or the
            newest delivery failure still in the way; None when nothing is wrong.
    """

    waiting: int = 0
    parked: int = 0
    problem: str | None = None


class MailRunner:
    """Delivers the queued e-mails when ticked; the state lives in the database.

    Args:
        sessions: The database.
        clock: The app's clock (retry times).
        environ: Where ``COMPTOIR_SMTP_*`` are read.
        keyring_get: `keyring.get_password` by default (tests pass a stand-in).
        rng: The backoff's jitter.
    """

    def __init__(
        self,
        *,
        sessions: SessionFactory,
        clock: Clock,
        environ: Mapping[str, str] = os.environ,
        keyring_get: Callable[[str, str], str | None] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self._sessions, self._clock, self._environ = sessions, clock, environ
        self._keyring_get, self._rng = keyring_get, rng or random.Random()
        self._settings_problem: str | None = None

    def run_once(self) -> MailStatus:
        """Send what is due (blocks up to the SMTP timeout: run it on the sync thread)."""
        # smtplib and keyring load with the first e-mail, not with the app's window.
        from pos.sync.mail import MailDispatcher, SmtpConfigError, SmtpSettings  # noqa: PLC0415

        if self.status().waiting:
            try:
                settings = SmtpSettings.from_environment(self._environ,
                                                         keyring_get=self._keyring_get)  # fmt: skip
            except SmtpConfigError as error:
                if str(error) != self._settings_problem:
                    log.warning("customer e-mails wait: %s", error)
                self._settings_problem = str(error)
            else:
                self._settings_problem = None
                MailDispatcher(sessions=self._sessions, settings=settings, clock=self._clock,
                               rng=self._rng).run_once()  # fmt: skip
        return self.status()

    def status(self) -> MailStatus:
        """The e-mails from the database alone (cheap; any thread)."""
        with self._sessions() as session:
            counts = outbox.counts(session, destination=MAIL_DESTINATION)
            waiting = counts.get(outbox.PENDING, 0) + counts.get(outbox.IN_FLIGHT, 0)
            parked = counts.get(outbox.PARKED, 0)
            error = outbox.latest_error(session, destination=MAIL_DESTINATION) if (
                waiting or parked) else ""  # fmt: skip
        problem = (self._settings_problem if waiting else None) or error or None
        return MailStatus(waiting=waiting, parked=parked, problem=problem)
