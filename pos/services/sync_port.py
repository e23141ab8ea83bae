"""The Wix sync as the UI sees it: `SyncPort`, `SyncStatusView`, and the `SyncService` adapter.

`pos.ui` may not import `pos.sync` (import-linter), so this module is the door: plain values
copied from `pos.sync.status.SyncStatus`, and an adapter over `pos.sync.engine.SyncRunner`
and `pos.sync.status.resolve_review`. Qt-free.

Threads: `SyncService.run_once` and `close` belong to the sync thread (the runner and its
HTTP client are made there, on the first tick); `status` and `resolve` read and write the
database only, with their own sessions, so any thread may call them.
"""

from __future__ import annotations

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
from pos.services.errors import ServiceError
from pos.services.users import require
from pos.sync.status import ReviewItem, SyncStatus, read_status, resolve_review

Decision = Literal["done", "resend", "drop"]
DECISIONS: tuple[Decision, ...] = ("done", "resend", "drop")
REQUESTS_PER_MINUTE = 180  # under Wix's 200 a minute per site (as `comptoir sync`)


class SyncReviewError(ServiceError):
    """A refusal: "reason_required", "unknown_decision", "not_waiting" (already settled)."""

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code  # type: ignore[misc]  # one class, many codes (like PrintQueueError)
        super().__init__(**params)


@dataclass(frozen=True, slots=True)
class ReviewItemView:
    """A Wix change a manager must decide on.

    Attributes:
        kind: The outbox kind (``wix.stock_delta``, ``wix.refund``, ...).
        reason: Why Comptoir cannot tell by itself, in plain (English) words.
        numbers: The journal's numbers as (name, value) pairs, e.g. ("expected_quantity", 12).
    """

    message_id: int
    kind: str
    object_key: str
    reason: str
    numbers: tuple[tuple[str, Any], ...]
    created_at: datetime


@dataclass(frozen=True, slots=True)
class SyncStatusView:
    """The sync at a glance, for the badge and the sync panel.

    Attributes:
        configured: Wix credentials were found; False: the shop works offline only.
        online: Wix answered the last run.
        pending: Changes waiting to be sent (pending or in flight).
        last_error: The last problem in plain words, or None.
        leader: This terminal talks to Wix (another one may hold the sync lead).
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


class SyncService:
    """`SyncPort` over the sync engine; without a runner factory, "Wix not configured".

    Args:
        runner_factory: Makes the `SyncRunner` (called on the sync thread, at the first tick);
            None when the credentials are missing: ticks only read the database.
        sessions: The database, for the status and the review decisions.
        clock: Stamps the decisions.
    """

    def __init__(self, runner_factory: Callable[[], RunnerLike] | None, *,
                 sessions: SessionFactory, clock: Clock) -> None:  # fmt: skip
        self._factory, self._sessions, self._clock = runner_factory, sessions, clock
        self._runner: RunnerLike | None = None
        self._leader = runner_factory is not None
        self._lock = threading.Lock()

    @property
    def configured(self) -> bool:
        return self._factory is not None

    def run_once(self) -> SyncStatusView:
        """One sync tick (network); offline is a status, never an exception."""
        if self._factory is None:
            return self.status()
        with self._lock:
            if self._runner is None:
                self._runner = self._factory()
            status = self._runner.run_once()
        self._leader = status.leader
        return self._view(status)

    def status(self) -> SyncStatusView:
        """The status from the database alone (cheap: the UI may ask at any time)."""
        return self._view(read_status(self._sessions, leader=self._leader))

    def resolve(self, operator: Operator | None, message_id: int, decision: str,
                reason: str) -> None:  # fmt: skip
        """Settle a change needing review, as `operator` (a manager); audited.

        Raises:
            PermissionDeniedError: `operator` may not approve.
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
        )
        if settled is None:
            raise SyncReviewError("not_waiting", message_id=message_id)

    def close(self) -> None:
        """Close the runner (its HTTP client and the sync lead); call on the sync thread."""
        with self._lock:
            runner, self._runner = self._runner, None
        if runner is not None:
            runner.close()

    def _view(self, status: SyncStatus) -> SyncStatusView:
        return status_view(status, configured=self.configured)


def status_view(status: SyncStatus, *, configured: bool = True) -> SyncStatusView:
    """Copy the engine's `SyncStatus` into the UI's value."""
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
    )


def _item_view(item: ReviewItem) -> ReviewItemView:
    numbers = tuple((key, value) for key, value in item.numbers.items())
    return ReviewItemView(item.message_id, item.kind, item.object_key, item.reason, numbers,
                          item.created_at)  # fmt: skip


def wix_sync_service(
    sessions: SessionFactory,
    *,
    clock: Clock,
    environ: Mapping[str, str] = os.environ,
    keyring_get: Callable[[str, str], str | None] | None = None,
    pictures_dir: Path | None = None,
) -> SyncService:
    """The app's sync service: Wix credentials from the keyring or the environment.

    Missing credentials are not an error: the service then says "not configured" and the
    counter keeps working (and queueing) offline — the demo shop has none.

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
    from pos.sync.pictures import PictureCache  # noqa: PLC0415

    try:
        credentials, url = load_credentials(environ, keyring_get=keyring_get), base_url(environ)
    except WixConfigError:
        return SyncService(None, sessions=sessions, clock=clock)
    limiter = RateLimiter(REQUESTS_PER_MINUTE)

    def make_runner() -> SyncRunner:
        def make_client() -> WixClient:
            return WixClient(base_url=url, credentials=credentials, limiter=limiter)

        pictures = PictureCache(pictures_dir) if pictures_dir is not None else None
        return SyncRunner(sessions=sessions, clock=clock, client_factory=make_client,
                          pictures=pictures)  # fmt: skip

    return SyncService(make_runner, sessions=sessions, clock=clock)


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

    def resolve(self, operator: Operator, message_id: int, decision: str, reason: str) -> None:
        self._get().resolve(operator, message_id, decision, reason)  # type: ignore[arg-type]

    def close(self) -> None:
        with self._lock:
            if self._service is not None:
                self._service.close()
