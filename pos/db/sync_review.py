"""Sync bookkeeping queries: the review list, status figures and marks, the sync lead lock.

The functions take the caller's session and never commit. `SyncLead` holds a PostgreSQL
advisory lock on a connection of its own for as long as the sync runner lives (DESIGN §7:
with several terminals one of them is the sync leader).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from pos.db.engine import DatabaseUnavailableError
from pos.db.outbox import DONE, IN_FLIGHT, PARKED, PENDING
from pos.db.records import OutboxMessageRecord, SyncCursorRecord
from pos.db.sync_stock import (
    NEEDS_REVIEW,
    STOCK_DELTA,
    WIX,
    StockMessage,
    group_of,
    mark_pushed,
    read_stock_change,
)
from pos.db.sync_stock import record_wix_stock as _record_wix_stock
from pos.domain.states import check_outbox
from pos.domain.wix_fields import StepPayloadError
from pos.domain.wix_steps import (
    NEEDS_REPLACEMENT,
    CommentTarget,
    DeleteDraftMessage,
    StepKind,
)

# "comptoir" in ASCII: the key every terminal of a shop asks for; one holder at a time.
LEAD_LOCK_KEY = 0x636F6D70746F6972
MARK_PREFIX = "sync."
DECISIONS = ("done", "resend", "drop")
STUCK = (NEEDS_REVIEW, PARKED)  # the states only a manager's decision moves on
NOTED_MARK = "noted"  # done Wix messages that keep a note (what Wix could not record, a drop)
DRAFTS_DELETED_MARK = "drafts_deleted"  # abandoned Wix drafts deleted


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """An outbox message waiting for a manager's decision."""

    id: int
    kind: str
    object_key: str
    reason: str
    journal: dict[str, Any]
    payload: dict[str, Any]
    created_at: datetime
    state: str = NEEDS_REVIEW


def review_rows(session: Session, *, limit: int | None = None) -> list[ReviewRow]:
    """The Wix messages waiting for a decision (``needs_review`` or ``parked``), oldest first."""
    query = (
        select(OutboxMessageRecord)
        .where(OutboxMessageRecord.destination == WIX, OutboxMessageRecord.state.in_(STUCK))
        .order_by(OutboxMessageRecord.id)
    )
    if limit is not None:
        query = query.limit(limit)
    return [
        ReviewRow(
            r.id,
            r.kind,
            r.object_key,
            r.last_error,
            dict(r.journal or {}),
            dict(r.payload or {}),
            r.created_at,
            r.state,
        )
        for r in session.scalars(query)
    ]


def noted_rows(session: Session, *, limit: int) -> list[ReviewRow]:
    """Done Wix messages that keep a note (what Wix could not record, a manager's drop), newest
    first."""
    query = (
        select(OutboxMessageRecord)
        .where(OutboxMessageRecord.destination == WIX, OutboxMessageRecord.state == DONE,
               OutboxMessageRecord.last_error != "")
        .order_by(OutboxMessageRecord.id.desc())
        .limit(limit)
    )  # fmt: skip
    return [ReviewRow(r.id, r.kind, r.object_key, r.last_error, {}, {}, r.created_at, r.state)
            for r in session.scalars(query)]  # fmt: skip


def wix_counts(session: Session) -> dict[str, int]:
    """Number of Wix outbox messages per state (only the states that have some)."""
    query = (
        select(OutboxMessageRecord.state, func.count())
        .where(OutboxMessageRecord.destination == WIX)
        .group_by(OutboxMessageRecord.state)
    )
    return {state: int(n) for state, n in session.execute(query).all()}


def read_marks(session: Session) -> dict[str, str]:
    """The sync runner's marks (``last_pull_at``, ``online``, ...), without their prefix."""
    rows = session.execute(
        select(SyncCursorRecord.name, SyncCursorRecord.value).where(
            SyncCursorRecord.name.startswith(MARK_PREFIX)
        )
    ).all()
    return {name.removeprefix(MARK_PREFIX): value for name, value in rows}


def write_marks(session: Session, marks: dict[str, str], *, now: datetime) -> None:
    """Create or replace the given marks."""
    for name, value in marks.items():
        record = session.get(SyncCursorRecord, MARK_PREFIX + name)
        if record is None:
            session.add(SyncCursorRecord(name=MARK_PREFIX + name, value=value, updated_at=now))
        else:
            record.value, record.updated_at = value, now
    session.flush()


def add_to_mark(session: Session, name: str, by: int, *, now: datetime) -> None:
    """Add `by` to a counting mark (created at 0)."""
    record = session.get(SyncCursorRecord, MARK_PREFIX + name, populate_existing=True)
    value = int(record.value) if record is not None and record.value.isdigit() else 0
    write_marks(session, {name: str(value + by)}, now=now)


def resolve(
    session: Session, message_id: int, *, decision: str, reason: str, now: datetime
) -> list[int] | None:
    """Apply a manager's decision to a stuck message (needs review or parked) and its group.

    ``done``: Wix already has it (stock movements are marked pushed); ``resend``: pending
    again, due now (stock is re-read and recomputed first); ``drop``: abandoned — settled as
    done so the object's later steps can go, with ``resolution: drop`` in the journal.
    Dependents follow (`_follow`): the steps that need a dropped replacement order are dropped
    with it, and its draft, if Wix made one, is queued for deletion.

    Returns:
        The ids changed (the dependents included), or None when the message is not stuck.
    """
    if decision not in DECISIONS:
        raise ValueError(f"unknown decision {decision!r}")
    records = [r for r in group_of(session, message_id) if r.state in STUCK]
    if not records:
        return None
    resolution = {
        "resolution": decision,
        "resolution_reason": reason,
        "resolved_at": now.isoformat(),
    }
    state = PENDING if decision == "resend" else DONE
    for record in records:
        record.journal = {**(record.journal or {}), **resolution}
        record.state, record.next_attempt_at = check_outbox(record.state, state), None
        record.last_error = "" if decision != "drop" else f"dropped by a manager: {reason}"
    if records[0].kind == STOCK_DELTA and decision != "resend":
        _settle_stock(session, records, now=now)
    followers = _follow(session, records[0], decision, now=now) if decision != "resend" else []
    if decision == "drop":
        add_to_mark(session, NOTED_MARK, len(records) + len(followers), now=now)
    session.flush()
    return [r.id for r in records] + followers


def _follow(session: Session, record: OutboxMessageRecord, decision: str, *,
            now: datetime) -> list[int]:  # fmt: skip
    """The dependents of a replacement order settled by hand (``done`` or ``drop``).

    A draft Wix made for it that no order is known to come from is queued for deletion (a
    committed one is refused by Wix and kept). On ``drop`` the payment and the replacement's
    comment are dropped too, and the original's comment goes without the missing number; on
    ``done`` they go once the pusher has found the order by the exchange's id.
    """
    if record.kind != StepKind.REPLACEMENT_ORDER or not record.document_id:
        return []
    journal = record.journal or {}
    if journal.get("draft_id") and not journal.get("order_id"):
        queue_draft_deletion(session, str(journal["draft_id"]), record.document_id, now=now)
    if decision != "drop":
        return []
    changed = []
    for other in session.scalars(select(OutboxMessageRecord).where(
            OutboxMessageRecord.document_id == record.document_id,
            OutboxMessageRecord.kind.in_(NEEDS_REPLACEMENT),
            OutboxMessageRecord.state != DONE).order_by(OutboxMessageRecord.id)):  # fmt: skip
        payload = dict(other.payload or {})
        if other.kind == StepKind.COMMENT and payload.get("target") == CommentTarget.ORIGINAL:
            message = str(payload.get("message") or "")
            payload["message"] = message.replace("{replacement}", "(not created on Wix)")
            other.payload = payload
            continue
        other.journal = {**(other.journal or {}), "resolution": decision,
                         "follows": record.id, "resolved_at": now.isoformat()}  # fmt: skip
        other.state, other.next_attempt_at = check_outbox(other.state, DONE), None
        other.last_error = f"dropped with message {record.id} (its replacement order)"
        changed.append(other.id)
    return changed


def queue_draft_deletion(session: Session, draft_id: str, document_id: str | None, *,
                         now: datetime) -> None:  # fmt: skip
    """Queue ``DELETE /ecom/v1/draft-orders/{id}`` for a draft Comptoir abandoned."""
    message = DeleteDraftMessage(draft_id)
    session.add(OutboxMessageRecord(
        created_at=now, destination=WIX, kind=message.kind.value, object_key=f"draft:{draft_id}",
        document_id=document_id, payload=message.to_payload(), state=PENDING, attempts=0,
        next_attempt_at=None, journal={}, last_error=""))  # fmt: skip


def _settle_stock(session: Session, records: list[OutboxMessageRecord], *, now: datetime) -> None:
    """The movements of a settled stock group no longer wait; Wix's figure as last found."""
    variant_id = int(records[0].object_key.split(":", 1)[1])  # stock:<variant id>
    messages = []
    for r in records:
        try:
            change = read_stock_change(r)
        except StepPayloadError:  # parked unread, never sent: it moved nothing on Wix
            messages.append(StockMessage(r.id, 0, r.created_at, r.document_id, ""))
            continue
        messages.append(StockMessage(r.id, change.delta, r.created_at,
                                     change.document_id or r.document_id, ""))
    mark_pushed(session, variant_id, messages, now=now)
    found = (records[0].journal or {}).get("found_quantity")
    if isinstance(found, int):
        revision = (records[0].journal or {}).get("found_revision")
        _record_wix_stock(session, variant_id, quantity=found, revision=revision, now=now)


def count_waiting(session: Session) -> int:
    """Wix messages still to send (pending or in flight)."""
    counts = wix_counts(session)
    return counts.get(PENDING, 0) + counts.get(IN_FLIGHT, 0)


class SyncLead:
    """Who may talk to Wix: the holder of a PostgreSQL advisory lock; on SQLite, always us.

    The lock lives on a dedicated connection held until `release` (or the process ends: the
    server then frees it), so a terminal that crashes hands the lead over by itself.
    """

    def __init__(self, sessions: sessionmaker[Session], *, key: int = LEAD_LOCK_KEY) -> None:
        bind = sessions.kw.get("bind")
        if not isinstance(bind, Engine):
            raise TypeError("the session factory must be bound to an engine")
        self._engine, self._key = bind, key
        self._connection: Connection | None = None

    @property
    def shared(self) -> bool:
        """True on PostgreSQL, where several terminals may share the database."""
        return self._engine.dialect.name == "postgresql"

    def acquire(self) -> bool:
        """Take (or keep) the lead; False while another runner holds it."""
        if not self.shared:
            return True
        if self._connection is not None and self._alive(self._connection):
            return True
        self.release()
        connection = self._engine.connect()
        held = bool(connection.scalar(select(func.pg_try_advisory_lock(self._key))))
        connection.commit()  # the lock is session-level: it outlives this transaction
        if held:
            self._connection = connection
        else:
            connection.close()
        return held

    def release(self) -> None:
        """Give the lead up (closing the connection frees the lock in any case)."""
        connection, self._connection = self._connection, None
        if connection is None:
            return
        try:
            connection.execute(select(func.pg_advisory_unlock(self._key)))
            connection.commit()
        except (DBAPIError, DatabaseUnavailableError):
            pass  # the connection is gone, and the lock with it
        finally:
            connection.close()

    @staticmethod
    def _alive(connection: Connection) -> bool:
        try:
            connection.execute(text("SELECT 1"))
            connection.commit()
        except (DBAPIError, DatabaseUnavailableError):
            return False
        return True
