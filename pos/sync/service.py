"""The sync adapter: `SyncService` implements the services' `SyncPort` over the sync engine.

Each tick runs `pos.sync.engine.SyncRunner` (built on the sync thread at the first tick), then
delivers the customer e-mails (`pos.sync.mail_runner.MailRunner`), whose queue the status
carries too; the review decisions are `pos.services.sync_port.decide_review`'s, recorded by
`pos.sync.status.resolve_review`. The composition root (`pos.wiring`) builds it with the Wix
credentials; Qt-free.

Threads: `SyncService.run_once` and `close` belong to the sync thread (the runner and its
HTTP client are made there, on the first tick); `status` and `resolve` read and write the
database only, with their own sessions, so any thread may call them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Protocol

from pos.db.engine import SessionFactory
from pos.domain.clock import Clock
from pos.domain.roles import Operator
from pos.services.sync_port import SyncStatus, decide_review
from pos.sync.mail_runner import MailStatus
from pos.sync.status import read_status, resolve_review

log = logging.getLogger(__name__)

__all__ = ["MailLike", "RunnerLike", "SyncService", "with_mail"]


class RunnerLike(Protocol):
    """The part of `pos.sync.engine.SyncRunner` the service uses."""

    def run_once(self) -> SyncStatus: ...

    def close(self) -> None: ...


class MailLike(Protocol):
    """The part of `pos.sync.mail_runner.MailRunner` the service uses."""

    def run_once(self) -> MailStatus: ...

    def status(self) -> MailStatus: ...


class SyncService:
    """`SyncPort` over the sync engine; without a runner factory, "Wix not configured".

    Args:
        runner_factory: Makes the `SyncRunner` (called on the sync thread, at the first tick);
            None when the credentials are missing: ticks only read the database.
        sessions: The database, for the status and the review decisions.
        clock: Stamps the decisions.
        mail: Delivers the customer e-mails on each tick (after Wix), on the terminal that
            holds the sync lead, or on every one when Wix is not configured (sending is a
            compare-and-set per e-mail). None: e-mails are left to ``comptoir mail send``.
    """

    def __init__(self, runner_factory: Callable[[], RunnerLike] | None, *,
                 sessions: SessionFactory, clock: Clock,
                 mail: MailLike | None = None) -> None:  # fmt: skip
        self._factory, self._sessions, self._clock = runner_factory, sessions, clock
        self._mail = mail
        self._runner: RunnerLike | None = None
        self._leader = runner_factory is not None
        self._lock = threading.Lock()

    @property
    def configured(self) -> bool:
        return self._factory is not None

    def run_once(self) -> SyncStatus:
        """One sync tick (network): Wix, then the e-mails; offline is a status, never an
        exception."""
        if self._factory is None:
            status = read_status(self._sessions, leader=self._leader)
        else:
            with self._lock:
                if self._runner is None:
                    self._runner = self._factory()
                status = self._runner.run_once()
            self._leader = status.leader
        return self._view(status, self._send_mail(sending=self._factory is None or self._leader))

    def status(self) -> SyncStatus:
        """The status from the database alone (cheap: the UI may ask at any time)."""
        return self._view(read_status(self._sessions, leader=self._leader),
                          self._mail.status() if self._mail is not None else None)  # fmt: skip

    def _send_mail(self, *, sending: bool) -> MailStatus | None:
        if self._mail is None:
            return None
        if not sending:
            return self._mail.status()
        try:
            return self._mail.run_once()
        except Exception:  # a bug or the database: Wix's status is still worth showing
            log.exception("sync: delivering the customer e-mails failed")
            return MailStatus(problem="the e-mails could not be sent (see the log)")

    def resolve(self, operator: Operator | None, message_id: int, decision: str,
                reason: str) -> None:  # fmt: skip
        """Settle a stuck change (to check, or refused by Wix), as `operator` (a manager);
        audited; its dependents follow.

        Raises:
            PermissionDeniedError: `operator` may not approve.
            OperatorDisabledError, OperatorUnknownError: the operator, re-read in the
                decision's transaction, may no longer act; nothing is decided.
            SyncReviewError: No reason, an unknown decision, or nothing waits any more.
        """
        decide_review(operator, message_id, decision, reason,
                      resolver=partial(resolve_review, self._sessions, self._clock))  # fmt: skip

    def close(self) -> None:
        """Close the runner (its HTTP client and the sync lead); call on the sync thread."""
        with self._lock:
            runner, self._runner = self._runner, None
        if runner is not None:
            runner.close()

    def _view(self, status: SyncStatus, mail: MailStatus | None) -> SyncStatus:
        return with_mail(status, configured=self.configured, mail=mail)


def with_mail(status: SyncStatus, *, configured: bool = True,
              mail: MailStatus | None = None) -> SyncStatus:  # fmt: skip
    """`status` as the panel shows it: offline and without an error when Wix is not
    configured, with the e-mail queue (`mail`) added."""
    mail = mail or MailStatus()
    return replace(
        status,
        configured=configured,
        online=status.online and configured,
        last_error=status.last_error if configured else None,
        last_problem=status.last_problem if configured else None,
        mail_waiting=mail.waiting,
        mail_parked=mail.parked,
        mail_problem=mail.problem,
    )
