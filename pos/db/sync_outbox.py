"""Outbox queries only the Wix push needs: its own claim, journal updates, needs-review, lookups.

Like `pos.db.outbox`, every function takes the caller's session and never commits.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.outbox import DONE, IN_FLIGHT, MAX_ERROR_CHARS, claim_due
from pos.db.records import OutboxMessageRecord
from pos.db.sync_review import NOTED_MARK, add_to_mark
from pos.domain.wix_steps import StepKind


def due_messages(
    session: Session, *, destination: str, exclude_kinds: Iterable[str], now: datetime, limit: int
) -> list[OutboxMessageRecord]:
    """Like `pos.db.outbox.claim_due`, leaving out some kinds (another sender's)."""
    return claim_due(session, destination=destination, now=now, limit=limit,
                     exclude_kinds=exclude_kinds)


def in_flight_messages(
    session: Session, *, destination: str, exclude_kinds: Iterable[str]
) -> list[OutboxMessageRecord]:
    """Messages whose attempt has no recorded outcome (a crash or a failed read-back)."""
    query = (
        select(OutboxMessageRecord)
        .where(
            OutboxMessageRecord.destination == destination,
            OutboxMessageRecord.state == IN_FLIGHT,
            OutboxMessageRecord.kind.not_in(list(exclude_kinds)),
        )
        .order_by(OutboxMessageRecord.id)
    )
    return list(session.scalars(query))


def update_journal(session: Session, message_id: int, entries: dict[str, Any]) -> None:
    """Merge `entries` into a message's journal without changing its state.

    Keys whose value is None are removed.
    """
    record = _load(session, message_id)
    journal = {**(record.journal or {}), **entries}
    record.journal = {key: value for key, value in journal.items() if value is not None}
    session.flush()


def set_note(session: Session, message_id: int, note: str, *, now: datetime) -> None:
    """Keep on a settled message why Wix could not be told everything ("" keeps nothing).

    A done message with a note is a decided outcome a manager can read (`comptoir sync
    status`, the sync panel), never a message to send again.
    """
    if note:
        _load(session, message_id).last_error = note[:MAX_ERROR_CHARS]
        add_to_mark(session, NOTED_MARK, 1, now=now)
        session.flush()


def done_step_journal(session: Session, *, document_id: str, kind: str) -> dict[str, Any] | None:
    """The journal of a document's step of `kind` that is done (None if there is none)."""
    record = _done_step(session, document_id, kind)
    return dict(record.journal or {}) if record is not None else None


def update_done_step_journal(
    session: Session, *, document_id: str, kind: str, entries: dict[str, Any]
) -> None:
    """Merge `entries` into the journal of a document's done step of `kind` (the latest)."""
    record = _done_step(session, document_id, kind)
    if record is not None:
        record.journal = {**(record.journal or {}), **entries}
        session.flush()


def _done_step(session: Session, document_id: str, kind: str) -> OutboxMessageRecord | None:
    query = (
        select(OutboxMessageRecord)
        .where(
            OutboxMessageRecord.kind == kind,
            OutboxMessageRecord.state == DONE,
            OutboxMessageRecord.document_id == document_id,
        )
        .order_by(OutboxMessageRecord.id.desc())
        .limit(1)
    )
    return session.scalars(query).first()


def _load(session: Session, message_id: int) -> OutboxMessageRecord:
    record = session.get(OutboxMessageRecord, message_id, populate_existing=True)
    if record is None:
        raise LookupError(f"no outbox message {message_id}")
    return record


def own_refund_ids(session: Session, wix_order_id: str) -> set[str]:
    """Wix refund ids recorded by our done `wix.refund` steps on this Wix order."""
    journals = session.scalars(select(OutboxMessageRecord.journal).where(
        OutboxMessageRecord.kind == StepKind.REFUND, OutboxMessageRecord.state == DONE,
        OutboxMessageRecord.object_key == f"order:{wix_order_id}"))
    return {str(j["refund_id"]) for j in journals if isinstance(j, dict) and j.get("refund_id")}
