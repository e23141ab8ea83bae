"""Outbox rows: queued with the business data, then drained oldest first per object.

Generic over destinations ("wix", "mail"). The functions take the caller's session and never
commit: a sender marks a row in flight in its own short transaction, sends outside any
transaction, then records the outcome in another one (DESIGN §7, STYLE "Outbox").

States are `pos.domain.states.OutboxState`: ``pending`` (waiting; due when `next_attempt_at`
is null or past), ``in_flight`` (an attempt has started and its outcome is not recorded yet),
``done``, ``parked`` (refused for good; needs a person), ``needs_review`` (Wix cannot tell).
Every change goes through `start_attempt` or `settle`, checked against `OUTBOX_TRANSITIONS`;
every state but ``done`` holds back the younger rows of the same object.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, TypeAlias

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session, aliased

from pos.db.records import OutboxMessageRecord
from pos.db.types import rowcount
from pos.domain.states import OutboxState, check_outbox

OutboxSession: TypeAlias = Session  # what `pos.services` callers type their session as

PENDING = OutboxState.PENDING
IN_FLIGHT = OutboxState.IN_FLIGHT
DONE = OutboxState.DONE
PARKED = OutboxState.PARKED
NEEDS_REVIEW = OutboxState.NEEDS_REVIEW
MAX_ERROR_CHARS = 1000


def enqueue(
    session: Session,
    *,
    destination: str,
    kind: str,
    object_key: str,
    payload: dict[str, Any],
    document_id: str | None = None,
    now: datetime,
) -> int:
    """Add a pending message, due at once; it commits with the caller's transaction.

    Returns:
        The new message's id.
    """
    record = OutboxMessageRecord(
        created_at=now,
        destination=destination,
        kind=kind,
        object_key=object_key,
        document_id=document_id,
        payload=payload,
        state=PENDING,
        attempts=0,
        next_attempt_at=None,
        journal={},
        last_error="",
    )
    session.add(record)
    session.flush()
    return record.id


def enqueue_all(session: Session, messages: list[dict[str, Any]], *, now: datetime) -> None:
    """Add several pending messages in one statement (a document's write-back steps).

    Each message is a dict with destination, kind, object_key, payload and document_id; ids
    follow the list's order, so "oldest first per object" is the order given.
    """
    if not messages:
        return
    rows = [{"created_at": now, "state": PENDING, "attempts": 0, "next_attempt_at": None,
             "journal": {}, "last_error": "", "document_id": None, **message}
            for message in messages]
    session.execute(insert(OutboxMessageRecord), rows)


def claim_due(
    session: Session,
    *,
    destination: str,
    now: datetime,
    limit: int,
    exclude_kinds: Iterable[str] = (),
) -> list[OutboxMessageRecord]:
    """Pending messages of `destination` that are due, oldest first.

    `exclude_kinds` leaves out the kinds another sender handles (the stock pusher's deltas).

    A message is left out while an older message of the same object key is not done (pending,
    waiting for its retry, in flight, parked, …): each object's steps go out in order. This
    only reads; take a message with `start_attempt` before sending it.
    """
    older = aliased(OutboxMessageRecord)
    blocked = (
        select(older.id)
        .where(
            older.object_key == OutboxMessageRecord.object_key,
            older.id < OutboxMessageRecord.id,
            older.state != DONE,
        )
        .exists()
    )
    query = (
        select(OutboxMessageRecord)
        .where(
            OutboxMessageRecord.destination == destination,
            OutboxMessageRecord.state == PENDING,
            OutboxMessageRecord.kind.not_in(list(exclude_kinds)),
            (OutboxMessageRecord.next_attempt_at.is_(None))
            | (OutboxMessageRecord.next_attempt_at <= now),
            ~blocked,
        )
        .order_by(OutboxMessageRecord.id)
        .limit(limit)
    )
    return list(session.scalars(query))


def start_attempt(
    session: Session, message_id: int, *, now: datetime, journal: dict[str, Any] | None = None
) -> bool:
    """Start an attempt: pending → in flight, one more attempt, `journal` merged in.

    The state change is a compare-and-set, so two senders never both take a message.
    Commit it before sending, so a crash during the send leaves the message visibly in flight.

    Returns:
        False when the message was no longer pending (another sender took it).
    """
    taken = session.execute(
        update(OutboxMessageRecord)
        .where(OutboxMessageRecord.id == message_id, OutboxMessageRecord.state == PENDING)
        .values(
            state=check_outbox(PENDING, IN_FLIGHT), attempts=OutboxMessageRecord.attempts + 1
        )
        .execution_options(synchronize_session=False)
    )
    if rowcount(taken) != 1:
        return False
    record = _load(session, message_id)
    record.journal = {
        **record.journal,
        **(journal or {}),
        "in_flight_since": now.isoformat(),
        "attempt": record.attempts,
    }
    session.flush()
    return True


def settle(
    session: Session,
    message_id: int,
    state: OutboxState,
    *,
    now: datetime,
    error: str = "",
    next_attempt_at: datetime | None = None,
) -> None:
    """Record how an attempt (or a decision before one) ended, checked against the table.

    ``done``: delivered or found applied, never sent again (the error is cleared);
    ``pending``: not delivered this time, due at `next_attempt_at`, with the reason;
    ``parked``: refused for good, kept with the reason for a person; ``needs_review``: Wix
    cannot tell whether it was applied, a manager decides (DESIGN §7). Either of the last two
    stays out of every claim and holds back its object's younger messages.

    Raises:
        IllegalTransitionError: The message's state does not allow `state` (a bug).
    """
    record = _load(session, message_id)
    record.state = check_outbox(record.state, state)
    record.next_attempt_at = next_attempt_at if state is PENDING else None
    record.last_error = "" if state is DONE else error[:MAX_ERROR_CHARS]
    journal = _settled_journal(record)
    if state is DONE:
        journal["done_at"] = now.isoformat()
    record.journal = journal
    session.flush()


def in_flight(session: Session, *, destination: str) -> list[OutboxMessageRecord]:
    """Messages of `destination` whose attempt has no recorded outcome, oldest first."""
    query = (
        select(OutboxMessageRecord)
        .where(
            OutboxMessageRecord.destination == destination,
            OutboxMessageRecord.state == IN_FLIGHT,
        )
        .order_by(OutboxMessageRecord.id)
    )
    return list(session.scalars(query))


def in_flight_since(record: OutboxMessageRecord) -> datetime | None:
    """When the current attempt of an in-flight message started (None if unknown)."""
    stamp = record.journal.get("in_flight_since") if record.journal else None
    return datetime.fromisoformat(stamp) if isinstance(stamp, str) else None


def counts(session: Session, *, destination: str | None = None) -> dict[str, int]:
    """Number of messages per state (only the states that have some)."""
    query = select(OutboxMessageRecord.state, func.count()).group_by(OutboxMessageRecord.state)
    if destination is not None:
        query = query.where(OutboxMessageRecord.destination == destination)
    return {state: n for state, n in session.execute(query).all()}


def _load(session: Session, message_id: int) -> OutboxMessageRecord:
    record = session.get(OutboxMessageRecord, message_id, populate_existing=True)
    if record is None:
        raise LookupError(f"no outbox message {message_id}")
    return record


def _settled_journal(record: OutboxMessageRecord) -> dict[str, Any]:
    journal = dict(record.journal or {})
    since = journal.pop("in_flight_since", None)
    if since is not None:
        journal["last_attempt_at"] = since
    return journal


def latest_error(session: Session, *, destination: str) -> str:
    """The last error of the newest message of `destination` that is not done ("" if none).

    What the sync panel shows for the queue: the most recent problem still in the way.
    """
    query = (
        select(OutboxMessageRecord.last_error)
        .where(
            OutboxMessageRecord.destination == destination,
            OutboxMessageRecord.state != DONE,
            OutboxMessageRecord.last_error != "",
        )
        .order_by(OutboxMessageRecord.id.desc())
        .limit(1)
    )
    return session.scalar(query) or ""
