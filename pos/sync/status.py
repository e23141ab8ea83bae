"""What the sync shows a person: the `SyncStatus` read from the database, and review decisions.

Everything here reads or writes the database only (no network), so the UI can ask at any time.
The status and its items are the services' read model (`pos.services.sync_port`), filled here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from pos.db import sync_review as db
from pos.db import sync_state
from pos.db.audit import DbSession, append_audit
from pos.db.engine import SessionFactory
from pos.db.outbox import IN_FLIGHT, PARKED, PENDING
from pos.db.sync_stock import NEEDS_REVIEW
from pos.domain.clock import Clock
from pos.domain.wix_steps import StepKind
from pos.services.sync_port import Problem, RefusedOrder, ReviewItem, SyncStatus
from pos.sync.pull_orders import CURSOR_REJECTED, load_rejected

STOCK_NUMBERS = (
    "sku",
    "delta",
    "quantity_before",
    "expected_quantity",
    "found_quantity",
    "revision_before",
    "expected_revision",
    "found_revision",
)
BOOKKEEPING = frozenset(
    {"group", "messages", "in_flight_since", "last_attempt_at", "attempt", "review_reason",
     "review_code", "review"}
)
REVIEW_LIST_LIMIT = 200
NOTES_LIMIT = 20
DRAFTS_UNKNOWN_MARK = "drafts_unknown"  # counters kept as marks: read in O(1) each tick

__all__ = ["RefusedOrder", "ReviewItem", "SyncStatus", "read_status", "resolve_review",
           "save_marks"]  # fmt: skip


def read_status(sessions: SessionFactory, *, leader: bool, with_notes: bool = False) -> SyncStatus:
    """The status from the database alone: outbox counts, review list and the runner's marks.

    Args:
        with_notes: Also list the latest changes done with a note (a slower read: the CLI's
            status asks for it, the screen's frequent reads do not).
    """
    with sessions() as session:
        counts = db.wix_counts(session)
        marks = db.read_marks(session)
        rows = db.review_rows(session, limit=REVIEW_LIST_LIMIT)
        refused = load_rejected(sync_state.get_cursor(session, CURSOR_REJECTED))
        noted = _int(marks.get(db.NOTED_MARK))
        notes = db.noted_rows(session, limit=NOTES_LIMIT) if noted and with_notes else []
        deleted = _int(marks.get(db.DRAFTS_DELETED_MARK))
    return SyncStatus(
        online=marks.get("online") == "1",
        last_pull_at=_moment(marks.get("last_pull_at")),
        last_push_at=_moment(marks.get("last_push_at")),
        pending=counts.get(PENDING, 0) + counts.get(IN_FLIGHT, 0),
        needs_review=counts.get(NEEDS_REVIEW, 0),
        parked=counts.get(PARKED, 0),
        last_error=marks.get("last_error") or None,
        leader=leader,
        review_items=tuple(_item(row) for row in rows),
        refused_orders=tuple(
            RefusedOrder(str(wix_id), str(entry.get("reason")), str(entry.get("updatedDate", "")))
            for wix_id, entry in list(refused.items())[:REVIEW_LIST_LIMIT]
            if isinstance(entry, dict)
        ),
        noted=noted,
        drafts_deleted=deleted,
        drafts_unknown=_int(marks.get(DRAFTS_UNKNOWN_MARK)),
        last_problem=Problem.decode(marks.get("last_error_code")),
        notes=tuple(_item(row) for row in notes),
    )


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def save_marks(sessions: SessionFactory, clock: Clock, marks: dict[str, str]) -> None:
    """Store the runner's marks (``online``, ``last_error``, ``last_pull_at``, ...)."""
    with sessions.begin() as session:
        db.write_marks(session, marks, now=clock.now())


def resolve_review(
    sessions: SessionFactory,
    clock: Clock,
    *,
    message_id: int,
    decision: str,
    reason: str,
    actor: str = "cli",
    guard: Callable[[DbSession], object] | None = None,
) -> list[int] | None:
    """Apply a manager's decision (``done``, ``resend``, ``drop``) to a stuck message — one
    that needs review or that Wix refused (parked) — and audit it; its dependents follow.

    `guard` runs first inside the transaction (the services re-read the operator there); an
    exception it raises is the caller's refusal, with nothing written.

    Returns:
        The message ids settled (a coalesced stock change settles its whole group; the steps
        of a dropped replacement order are dropped with it), or None when the message is not
        stuck (done, pending or in flight).

    Raises:
        ValueError: An unknown decision or an empty reason.
    """
    if not reason.strip():
        raise ValueError("a reason is required")
    now = clock.now()
    with sessions.begin() as session:
        if guard is not None:
            guard(session)
        ids = db.resolve(session, message_id, decision=decision, reason=reason.strip(), now=now)
        if ids is None:
            return None
        append_audit(
            session,
            actor_id=None,
            action="sync_review_resolved",
            subject=f"outbox:{message_id}",
            data={"actor": actor, "decision": decision, "reason": reason.strip(), "ids": ids},
            now=now,
        )
    return ids


def _item(row: db.ReviewRow) -> ReviewItem:
    journal = row.journal
    if row.kind == StepKind.STOCK_DELTA:
        numbers = tuple((key, journal.get(key)) for key in STOCK_NUMBERS if key in journal)
    else:
        numbers = tuple(
            (key, value)
            for key, value in journal.items()
            if key not in BOOKKEEPING and isinstance(value, str | int | float | bool)
        )
    reason = row.reason or str(journal.get("review_reason") or "")
    code, params = journal.get("review_code"), journal.get("review_params")
    problem = Problem(code, params if isinstance(params, dict) else {}) if code else None
    return ReviewItem(row.id, row.kind, row.object_key, reason, numbers, row.created_at,
                      row.state, problem)



def _moment(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None
