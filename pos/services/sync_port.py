"""The Wix sync as the services and the UI see it: the `SyncPort` and the one `SyncStatus`.

`pos.ui` may not import `pos.sync`, and the services do not either (import-linter): this module
is the port the sync adapter implements (`pos.sync.service.SyncService`, over the engine and the
customer e-mails' runner) and the read model both sides share. `pos.sync.status.read_status`
fills a `SyncStatus` from the database; the adapter adds what only it knows (configured or not,
the e-mail queue); the screens show it as is. The composition root (`pos.wiring`) builds the
adapter. Qt-free.

Threads: `SyncPort.run_once` and `close` belong to the sync thread; `status` and `resolve` read
and write the database only, with their own sessions, so any thread may call them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, Protocol

from pos.domain.roles import Operator, Permission
from pos.services.access import confirm_operator, require
from pos.services.errors import ServiceError

if TYPE_CHECKING:
    from pos.db.audit import DbSession

__all__ = [
    "DECISIONS",
    "Decision",
    "Problem",
    "RefusedOrder",
    "ReviewItem",
    "ReviewResolver",
    "SyncPort",
    "SyncReviewError",
    "SyncStatus",
    "decide_review",
]

Decision = Literal["done", "resend", "drop"]
DECISIONS: tuple[Decision, ...] = ("done", "resend", "drop")


class SyncReviewError(ServiceError):
    """A refusal: "reason_required", "unknown_decision", "not_waiting" (already settled)."""

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code  # one class, many codes (like PrintQueueError)
        super().__init__(**params)


@dataclass(frozen=True, slots=True)
class Problem:
    """A sync problem as a code (`pos.sync.problems` lists them) and its parameters (numbers,
    ids, or third-party words as ``detail``), which the screen words in its language."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def encode(self) -> str:
        """As stored in a mark: ``{"code": ..., "params": {...}}``."""
        return json.dumps({"code": self.code, "params": self.params}, sort_keys=True)

    @classmethod
    def decode(cls, text: str | None) -> Problem | None:
        """The stored problem, or None (nothing stored, or not a problem's JSON)."""
        try:
            data = json.loads(text or "")
        except ValueError:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("code"), str):
            return None
        params = data.get("params")
        return cls(data["code"], params if isinstance(params, dict) else {})


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """A Wix change a manager must decide on: to check, or refused by Wix (parked); or, in
    `SyncStatus.notes`, a done change that keeps a note.

    Attributes:
        kind: The outbox kind (``wix.stock_delta``, ``wix.refund``, ...).
        reason: Why Comptoir cannot tell by itself, or Wix's refusal, in plain (English) words.
        numbers: The journal's numbers as (name, value) pairs, e.g. ("expected_quantity", 12):
            for stock sku, delta, quantity_before, expected_quantity, found_quantity and the
            revisions; for other steps, the scalar values of their journal.
        state: ``needs_review`` (to check), ``parked`` (refused by Wix) or ``done`` (a note).
        problem: Why, as a code and its parameters for the screen to word in its language
            (None: Wix's own words, or a change recorded before codes; show `reason`).
    """

    message_id: int
    kind: str
    object_key: str
    reason: str
    numbers: tuple[tuple[str, Any], ...]
    created_at: datetime
    state: str = "needs_review"
    problem: Problem | None = None


@dataclass(frozen=True, slots=True)
class RefusedOrder:
    """An order Wix sent that Comptoir did not record; it is tried again when Wix changes it.

    Attributes:
        reason: Plain words with the field, e.g. ``Wix sent an order Comptoir cannot read:
            refund_exceeds_payment at … (the refunds add up to more than the payment)``.
        updated: Wix's ``updatedDate`` of the version refused.
    """

    wix_id: str
    reason: str
    updated: str = ""


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """The sync at a glance (DESIGN §7 "Status"), for the badge, the sync panel and the CLI.

    Attributes:
        online: Wix answered the last run (never when not configured).
        pending: Changes waiting to be sent (pending or in flight).
        last_error: The last problem in plain words, or None.
        leader: This terminal talks to Wix (another one may hold the sync lead).
        configured: Wix credentials were found; False: the shop works offline only.
        review_items: The stuck changes (needs review and parked), oldest first.
        refused_orders: Orders from Wix the pull could not record (the others were).
        noted: Changes done with a note (what Wix could not record, a manager's drop).
        drafts_deleted: Abandoned Wix draft orders deleted.
        drafts_unknown: Wix drafts possibly left behind (an answer lost; id never known).
        notes: The latest changes done with a note, newest first (when asked for).
        mail_waiting: Customer e-mails not sent yet.
        mail_parked: Customer e-mails the mail server refused for good.
        mail_problem: Why e-mails wait, in plain words (settings or the last failure), or None.
        last_problem: `last_error` as a code to word in the screen's language (None: none,
            or stored before codes).
    """

    online: bool
    last_pull_at: datetime | None
    last_push_at: datetime | None
    pending: int
    needs_review: int
    parked: int
    last_error: str | None
    leader: bool
    configured: bool = True
    review_items: tuple[ReviewItem, ...] = ()
    refused_orders: tuple[RefusedOrder, ...] = ()
    noted: int = 0
    drafts_deleted: int = 0
    drafts_unknown: int = 0
    notes: tuple[ReviewItem, ...] = ()
    mail_waiting: int = 0
    mail_parked: int = 0
    mail_problem: str | None = None
    last_problem: Problem | None = None


class SyncPort(Protocol):
    """What the UI asks of the sync (see the module docstring for threads)."""

    def run_once(self) -> SyncStatus: ...

    def status(self) -> SyncStatus: ...

    def resolve(self, operator: Operator | None, message_id: int, decision: str,
                reason: str) -> None: ...  # fmt: skip

    def close(self) -> None: ...


class ReviewResolver(Protocol):
    """Applies a decision to a stuck change and audits it, in one transaction
    (`pos.sync.status.resolve_review`). `guard` runs first inside it; what it raises refuses
    the decision with nothing written. Returns the ids settled, or None when the change waits
    no more."""

    def __call__(self, *, message_id: int, decision: str, reason: str, actor: str,
                 guard: Callable[[DbSession], object]) -> list[int] | None: ...  # fmt: skip


def decide_review(operator: Operator | None, message_id: int, decision: str, reason: str, *,
                  resolver: ReviewResolver) -> None:  # fmt: skip
    """Settle a stuck change (to check, or refused by Wix) as `operator`, a manager: the
    rules of `SyncPort.resolve`, whatever adapter records the decision.

    Raises:
        PermissionDeniedError: `operator` may not approve.
        OperatorDisabledError, OperatorUnknownError: the operator, re-read in the decision's
            transaction, may no longer act; nothing is decided.
        SyncReviewError: No reason, an unknown decision, or nothing waits any more.
    """
    require(operator, Permission.APPROVE)
    assert operator is not None  # for the type checker: `require` refused None
    if decision not in DECISIONS:
        raise SyncReviewError("unknown_decision", decision=decision)
    if not reason.strip():
        raise SyncReviewError("reason_required")
    def guard(session: DbSession) -> object:  # re-read the operator inside the transaction
        return confirm_operator(session, operator, Permission.APPROVE)

    settled = resolver(message_id=message_id, decision=decision, reason=reason,
                       actor=operator.username, guard=guard)  # fmt: skip
    if settled is None:
        raise SyncReviewError("not_waiting", message_id=message_id)
