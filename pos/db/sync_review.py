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
from pos.db.outbox import DONE, IN_FLIGHT, PENDING
from pos.db.records import OutboxMessageRecord, SyncCursorRecord
from pos.db.sync_stock import NEEDS_REVIEW, STOCK_DELTA, WIX, StockMessage, group_of, mark_pushed
from pos.db.sync_stock import record_wix_stock as _record_wix_stock

# "comptoir" in ASCII: the key every terminal of a shop asks for; one holder at a time.
LEAD_LOCK_KEY = 0x636F6D70746F6972
MARK_PREFIX = "sync."
DECISIONS = ("done", "resend", "drop")


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


def review_rows(session: Session, *, limit: int | None = None) -> list[ReviewRow]:
    """The Wix messages in ``needs_review``, oldest first."""
    query = (
        select(OutboxMessageRecord)
        .where(OutboxMessageRecord.destination == WIX, OutboxMessageRecord.state == NEEDS_REVIEW)
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
        )
        for r in session.scalars(query)
    ]


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


def resolve(
    session: Session, message_id: int, *, decision: str, reason: str, now: datetime
) -> list[int] | None:
    """Apply a manager's decision to a message needing review (and its attempt group).

    ``done``: Wix already has it (stock movements are marked pushed); ``resend``: pending
    again, due now (stock is re-read and recomputed first); ``drop``: abandoned — settled as
    done so the object's later steps can go, with ``resolution: drop`` in the journal.

    Returns:
        The ids changed, or None when the message is not waiting for review.
    """
    if decision not in DECISIONS:
        raise ValueError(f"unknown decision {decision!r}")
    records = [r for r in group_of(session, message_id) if r.state == NEEDS_REVIEW]
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
        record.state, record.next_attempt_at = state, None
        record.last_error = "" if decision != "drop" else f"dropped by a manager: {reason}"
    if records[0].kind == STOCK_DELTA and decision != "resend":
        _settle_stock(session, records, now=now)
    session.flush()
    return [r.id for r in records]


def _settle_stock(session: Session, records: list[OutboxMessageRecord], *, now: datetime) -> None:
    """The movements of a settled stock group no longer wait; Wix's figure as last found."""
    payload = records[0].payload or {}
    variant_id = int(payload.get("variant_id") or records[0].object_key.split(":", 1)[1])
    messages = [
        StockMessage(
            r.id,
            int((r.payload or {}).get("delta") or 0),
            r.created_at,
            (r.payload or {}).get("document_id") or r.document_id,
            "",
        )
        for r in records
    ]
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
