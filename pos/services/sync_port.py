"""The Wix sync as the UI sees it: `SyncPort`, `SyncStatusView`, and the `SyncService` adapter.

`pos.ui` may not import `pos.sync` (import-linter), so this module is the door: plain values
copied from `pos.sync.status.SyncStatus`, and an adapter over `pos.sync.engine.SyncRunner`
and `pos.sync.status.resolve_review`. The same tick delivers the customer e-mails
(`pos.sync.mail_runner.MailRunner`), whose queue the status carries too. Qt-free.

Threads: `SyncService.run_once` and `close` belong to the sync thread (the runner and its
HTTP client are made there, on the first tick); `status` and `resolve` read and write the
database only, with their own sessions, so any thread may call them.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, Protocol

from pos.db.engine import SessionFactory
from pos.domain.clock import Clock
from pos.domain.roles import Operator, Permission
from pos.services.access import confirm_operator, require
from pos.services.errors import ServiceError
from pos.sync.mail_runner import MailStatus
from pos.sync.status import ReviewItem, SyncStatus, read_status, resolve_review

log = logging.getLogger(__name__)

Decision = Literal["done", "resend", "drop"]
DECISIONS: tuple[Decision, ...] = ("done", "resend", "drop")
REQUESTS_PER_MINUTE = 180  # under Wix's 200 a minute per site (as `comptoir sync`)


class SyncReviewError(ServiceError):
    """A refusal: "reason_required", "unknown_decision", "not_waiting" (already settled)."""

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code  # one class, many codes (like PrintQueueError)
        super().__init__(**params)


@dataclass(frozen=True, slots=True)
class ReviewItemView:
    """A Wix change a manager must decide on: to check, or refused by Wix (parked).

    Attributes:
        kind: The outbox kind (``wix.stock_delta``, ``wix.refund``, ...).
        reason: Why Comptoir cannot tell by itself, or Wix's refusal, in plain (English) words.
        state: ``needs_review`` (to check) or ``parked`` (refused by Wix).
        numbers: The journal's numbers as (name, value) pairs, e.g. ("expected_quantity", 12).
    """

    message_id: int
    kind: str
    object_key: str
    reason: str
    numbers: tuple[tuple[str, Any], ...]
    created_at: datetime
    state: str = "needs_review"


@dataclass(frozen=True, slots=True)
class RefusedOrderView:
    """An order Wix sent that Comptoir did not record, and why in plain words."""

    wix_id: str
    reason: str


@dataclass(frozen=True, slots=True)
class SyncStatusView:
    """The sync at a glance, for the badge and the sync panel.

    Attributes:
        configured: Wix credentials were found; False: the shop works offline only.
        online: Wix answered the last run.
        pending: Changes waiting to be sent (pending or in flight).
        last_error: The last problem in plain words, or None.
        leader: This terminal talks to Wix (another one may hold the sync lead).
        mail_waiting: Customer e-mails not sent yet.
        mail_parked: Customer e-mails the mail server refused for good.
        mail_problem: Why e-mails wait, in plain words (settings or the last failure), or None.
        refused_orders: Orders from Wix the pull could not record (the others were).
        noted: Changes done with a note (what Wix could not record, a manager's drop).
        drafts_deleted: Abandoned Wix draft orders deleted.
        drafts_unknown: Wix drafts possibly left behind (an answer lost; id never known).
    """

    configured: bool
    online: bool
    last_pull_at: datetime | None
    last_push_at: datetime | None
    pending: int
    needs_review: int
    parked: int
    last_error: str | None
    leader: bool
    review_items: tuple[ReviewItemView, ...] = ()
    mail_waiting: int = 0
    mail_parked: int = 0
    mail_problem: str | None = None
    refused_orders: tuple[RefusedOrderView, ...] = ()
    noted: int = 0
    drafts_deleted: int = 0
    drafts_unknown: int = 0


class SyncPort(Protocol):
    """What the UI asks of the sync (see the module docstring for threads)."""

    def run_once(self) -> SyncStatusView: ...

    def status(self) -> SyncStatusView: ...

    def resolve(self, operator: Operator | None, message_id: int, decision: str,
                reason: str) -> None: ...  # fmt: skip

    def close(self) -> None: ...


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

    def run_once(self) -> SyncStatusView:
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

    def status(self) -> SyncStatusView:
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
        require(operator, Permission.APPROVE)
        assert operator is not None  # for the type checker: `require` refused None
        if decision not in DECISIONS:
            raise SyncReviewError("unknown_decision", decision=decision)
        if not reason.strip():
            raise SyncReviewError("reason_required")
        settled = resolve_review(
            self._sessions,
            self._clock,
            message_id=message_id,
            decision=decision,
            reason=reason,
            actor=operator.username,
            guard=lambda s: confirm_operator(s, operator, Permission.APPROVE),
        )
        if settled is None:
            raise SyncReviewError("not_waiting", message_id=message_id)

    def close(self) -> None:
        """Close the runner (its HTTP client and the sync lead); call on the sync thread."""
        with self._lock:
            runner, self._runner = self._runner, None
        if runner is not None:
            runner.close()

    def _view(self, status: SyncStatus, mail: MailStatus | None) -> SyncStatusView:
        return status_view(status, configured=self.configured, mail=mail)


def status_view(status: SyncStatus, *, configured: bool = True,
                mail: MailStatus | None = None) -> SyncStatusView:  # fmt: skip
    """Copy the engine's `SyncStatus` (and the e-mails' `MailStatus`) into the UI's value."""
    mail = mail or MailStatus()
    return SyncStatusView(
        configured=configured,
        online=status.online and configured,
        last_pull_at=status.last_pull_at,
        last_push_at=status.last_push_at,
        pending=status.pending,
        needs_review=status.needs_review,
        parked=status.parked,
        last_error=status.last_error if configured else None,
        leader=status.leader,
        review_items=tuple(_item_view(item) for item in status.needs_review_items),
        mail_waiting=mail.waiting,
        mail_parked=mail.parked,
        mail_problem=mail.problem,
        refused_orders=tuple(RefusedOrderView(order.wix_id, order.reason)
                             for order in status.refused_orders),
        noted=status.noted,
        drafts_deleted=status.drafts_deleted,
        drafts_unknown=status.drafts_unknown,
    )


def _item_view(item: ReviewItem) -> ReviewItemView:
    numbers = tuple((key, value) for key, value in item.numbers.items())
    return ReviewItemView(item.message_id, item.kind, item.object_key, item.reason, numbers,
                          item.created_at, item.state)  # fmt: skip


def wix_sync_service(
    sessions: SessionFactory,
    *,
    clock: Clock,
    environ: Mapping[str, str] = os.environ,
    keyring_get: Callable[[str, str], str | None] | None = None,
    pictures_dir: Path | None = None,
) -> SyncService:
    """The app's sync service: Wix credentials from the keyring or the environment; the
    customer e-mails with the SMTP settings of ``COMPTOIR_SMTP_*`` and the keyring.

    Missing credentials are not an error: the service then says "not configured" and the
    counter keeps working (and queueing) offline — the demo shop has none. E-mails without
    usable SMTP settings wait, and the status says what to fix.

    Args:
        sessions: The database.
        clock: The app's clock.
        environ: Where ``COMPTOIR_WIX_*`` are read.
        keyring_get: `keyring.get_password` by default (tests pass a stand-in).
        pictures_dir: Where product pictures are cached after each catalogue pull (none
            are when None).
    """
    from pos.sync.client import RateLimiter, WixClient  # noqa: PLC0415 (httpx only when used)
    from pos.sync.credentials import WixConfigError, base_url, load_credentials  # noqa: PLC0415
    from pos.sync.engine import SyncRunner  # noqa: PLC0415
    from pos.sync.mail_runner import MailRunner  # noqa: PLC0415
    from pos.sync.pictures import PictureCache  # noqa: PLC0415

    mail = MailRunner(sessions=sessions, clock=clock, environ=environ, keyring_get=keyring_get)
    try:
        credentials, url = load_credentials(environ, keyring_get=keyring_get), base_url(environ)
    except WixConfigError:
        return SyncService(None, sessions=sessions, clock=clock, mail=mail)
    limiter = RateLimiter(REQUESTS_PER_MINUTE)

    def make_runner() -> SyncRunner:
        def make_client() -> WixClient:
            return WixClient(base_url=url, credentials=credentials, limiter=limiter)

        pictures = PictureCache(pictures_dir) if pictures_dir is not None else None
        return SyncRunner(sessions=sessions, clock=clock, client_factory=make_client,
                          pictures=pictures)  # fmt: skip

    return SyncService(make_runner, sessions=sessions, clock=clock, mail=mail)


class LazySyncService:
    """A `SyncPort` that builds the real service on first use.

    Loading the keyring, httpx and the sync engine takes ~0.2 s: the sync thread pays it on
    its first tick instead of the window on start-up. Thread-safe.
    """

    def __init__(self, factory: Callable[[], SyncService]) -> None:
        self._factory = factory
        self._service: SyncService | None = None
        self._lock = threading.Lock()

    def _get(self) -> SyncService:
        with self._lock:
            if self._service is None:
                self._service = self._factory()
            return self._service

    def run_once(self) -> SyncStatusView:
        return self._get().run_once()

    def status(self) -> SyncStatusView:
        return self._get().status()

    def resolve(self, operator: Operator | None, message_id: int, decision: str,
                reason: str) -> None:
        self._get().resolve(operator, message_id, decision, reason)

    def close(self) -> None:
        with self._lock:
            if self._service is not None:
                self._service.close()
