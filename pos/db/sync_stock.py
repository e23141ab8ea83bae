"""Outbox queries of the Wix stock push: due stock deltas grouped per variant, group states.

Every ``wix.stock_delta`` message has the object key ``stock:<variant id>``; the stock pusher
takes all due messages of a variant at once and sends their sum (one item per variant). These
functions take the caller's session and never commit (`pos.db.outbox` conventions).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from pos.db.outbox import DONE, IN_FLIGHT, MAX_ERROR_CHARS, PENDING
from pos.db.records import (
    OutboxMessageRecord,
    ProductRecord,
    StockLevelRecord,
    StockMovementRecord,
    VariantRecord,
)
from pos.db.stock import POS_OWNER
from pos.db.types import rowcount
from pos.domain.states import OutboxState, check_outbox
from pos.domain.wix_fields import StepPayloadError
from pos.domain.wix_steps import StepKind, StockDeltaMessage, from_payload

WIX = "wix"
NEEDS_REVIEW = OutboxState.NEEDS_REVIEW  # read by pos.sync.stock_outcomes and sync_review
STOCK_DELTA = StepKind.STOCK_DELTA
STOCK_KEY_PREFIX = "stock:"


@dataclass(frozen=True, slots=True)
class StockMessage:
    """One queued stock delta (a single movement's change)."""

    id: int
    delta: int
    created_at: datetime
    document_id: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class StockGroup:
    """The messages of one variant sent together, with the Wix ids they point at.

    Attributes:
        journal: The attempt journal the messages share (empty before the first attempt).
    """

    variant_id: int
    sku: str
    wix_product_id: str | None
    wix_variant_id: str | None
    messages: tuple[StockMessage, ...]
    journal: dict[str, Any]

    @property
    def delta(self) -> int:
        """The net change of all the group's messages."""
        return sum(message.delta for message in self.messages)

    @property
    def ids(self) -> list[int]:
        return [message.id for message in self.messages]


@dataclass(frozen=True, slots=True)
class Unreadable:
    """Stock messages whose payload is not a stock change (`from_payload` refused it).

    They are never sent nor guessed at: due ones are parked, in-flight ones need review.
    """

    ids: tuple[int, ...]
    error: StepPayloadError
    journal: dict[str, Any]


@dataclass(frozen=True, slots=True)
class StockBatch:
    """The groups to push, and the messages that could not be read as stock changes."""

    groups: list[StockGroup]
    unreadable: list[Unreadable]


def due_groups(session: Session, *, now: datetime) -> StockBatch:
    """Due stock deltas, one group per variant, oldest variant first.

    For each ``stock:`` object key the leading run of due pending ``wix.stock_delta``
    messages is taken; it stops at the first message that is anything else (in flight,
    parked, needing review, waiting for a retry), so each variant's changes stay in order.
    Each payload is read as a `StockDeltaMessage`; a malformed one also ends its run and is
    listed as unreadable (to be parked, which holds the variant's later changes back).
    """
    rows = session.scalars(
        select(OutboxMessageRecord)
        .where(
            OutboxMessageRecord.destination == WIX,
            OutboxMessageRecord.object_key.startswith(STOCK_KEY_PREFIX),
            OutboxMessageRecord.state != DONE,
        )
        .order_by(OutboxMessageRecord.id)
    ).all()
    runs: dict[str, list[_Read]] = {}
    closed: set[str] = set()
    unreadable: list[Unreadable] = []
    for row in rows:
        key = row.object_key
        if key in closed:
            continue
        due = row.next_attempt_at is None or row.next_attempt_at <= now
        if row.state == PENDING and row.kind == STOCK_DELTA and due:
            try:
                runs.setdefault(key, []).append(_read(row))
            except StepPayloadError as error:
                unreadable.append(Unreadable((row.id,), error, dict(row.journal or {})))
                closed.add(key)
        else:
            closed.add(key)
    groups = [_group(session, run) for run in runs.values() if run]
    return StockBatch(groups, unreadable)


def in_flight_groups(session: Session) -> StockBatch:
    """Stock deltas left in flight (a crash, or a read-back that could not finish).

    Grouped by the journal's ``group`` id, so each attempt is judged as it was sent; a group
    with a message that cannot be read as a stock change is listed whole as unreadable.
    """
    rows = session.scalars(
        select(OutboxMessageRecord)
        .where(
            OutboxMessageRecord.destination == WIX,
            OutboxMessageRecord.kind == STOCK_DELTA,
            OutboxMessageRecord.state == IN_FLIGHT,
        )
        .order_by(OutboxMessageRecord.id)
    ).all()
    runs: dict[str, list[OutboxMessageRecord]] = {}
    for row in rows:
        runs.setdefault(str((row.journal or {}).get("group") or row.object_key), []).append(row)
    batch = StockBatch([], [])
    for run in runs.values():
        try:
            read = [_read(row) for row in run]
        except StepPayloadError as error:
            ids = tuple(row.id for row in run)
            batch.unreadable.append(Unreadable(ids, error, dict(run[0].journal or {})))
            continue
        batch.groups.append(_group(session, read))
    return batch


def group_of(session: Session, message_id: int) -> list[OutboxMessageRecord]:
    """The message and the others journaled in the same attempt group (same state)."""
    record = session.get(OutboxMessageRecord, message_id, populate_existing=True)
    if record is None:
        return []
    group = (record.journal or {}).get("group")
    if not group or record.kind != STOCK_DELTA:
        return [record]
    rows = session.scalars(
        select(OutboxMessageRecord)
        .where(
            OutboxMessageRecord.object_key == record.object_key,
            OutboxMessageRecord.state == record.state,
        )
        .order_by(OutboxMessageRecord.id)
    ).all()
    return [row for row in rows if (row.journal or {}).get("group") == group]


_Read = tuple[OutboxMessageRecord, StockDeltaMessage]


def read_stock_change(row: OutboxMessageRecord) -> StockDeltaMessage:
    """A stock message's payload as a stock change (`StepPayloadError` when it is not one)."""
    message = from_payload(row.kind, row.payload)
    if not isinstance(message, StockDeltaMessage):  # the queries select this kind only
        raise StepPayloadError(f"a {row.kind!r} step is not a stock change", "kind")
    return message


def _read(row: OutboxMessageRecord) -> _Read:
    return row, read_stock_change(row)


def _group(session: Session, run: Sequence[_Read]) -> StockGroup:
    first = run[0][1]
    product_id, variant_wix_id = first.product_id, first.wix_variant_id
    if not product_id or not variant_wix_id:  # linked to Wix since it was queued?
        found = session.execute(
            select(ProductRecord.wix_id, VariantRecord.wix_variant_id)
            .join(ProductRecord, ProductRecord.id == VariantRecord.product_id)
            .where(VariantRecord.id == first.variant_id)
        ).first()
        if found is not None:
            product_id = product_id or found[0]
            variant_wix_id = variant_wix_id or found[1]
    messages = tuple(
        StockMessage(row.id, message.delta, row.created_at,
                     message.document_id or row.document_id, message.reason)
        for row, message in run
    )  # fmt: skip
    return StockGroup(
        first.variant_id,
        first.sku,
        product_id,
        variant_wix_id,
        messages,
        dict(run[0][0].journal or {}),
    )


def start_attempt(session: Session, ids: Sequence[int], *, journal: dict[str, Any]) -> bool:
    """Pending → in flight for all `ids` at once, with the shared `journal` (compare-and-set).

    Returns:
        False when some message was no longer pending (the caller rolls back).
    """
    taken = session.execute(
        update(OutboxMessageRecord)
        .where(OutboxMessageRecord.id.in_(ids), OutboxMessageRecord.state == PENDING)
        .values(
            state=check_outbox(PENDING, IN_FLIGHT),
            attempts=OutboxMessageRecord.attempts + 1,
            journal=journal,
        )
        .execution_options(synchronize_session=False)
    )
    return rowcount(taken) == len(ids)


def settle(
    session: Session,
    ids: Iterable[int],
    *,
    state: OutboxState,
    journal: dict[str, Any],
    error: str = "",
    next_attempt_at: datetime | None = None,
) -> None:
    """Record the outcome of a group's attempt: done, pending again, parked or needs review.

    Raises:
        IllegalTransitionError: A message's state does not allow `state` (a bug).
    """
    ids = list(ids)
    current = session.scalars(
        select(OutboxMessageRecord.state).where(OutboxMessageRecord.id.in_(ids)).distinct()
    )
    for found in current:
        check_outbox(found, state)
    session.execute(
        update(OutboxMessageRecord)
        .where(OutboxMessageRecord.id.in_(ids))
        .values(
            state=state,
            journal=journal,
            last_error=error[:MAX_ERROR_CHARS],
            next_attempt_at=next_attempt_at,
        )
        .execution_options(synchronize_session=False)
    )


def mark_pushed(
    session: Session, variant_id: int, messages: Sequence[StockMessage], *, now: datetime
) -> int:
    """Set `pushed_at` on the stock movements the delivered `messages` came from.

    A message carries no movement id, so each one is matched to the oldest unpushed
    POS-owned movement of the variant with the same delta and document, created no later
    than the message (they are written in the same transaction).

    Returns:
        How many movements were marked.
    """
    movements = list(
        session.scalars(
            select(StockMovementRecord)
            .where(
                StockMovementRecord.variant_id == variant_id,
                StockMovementRecord.owner == POS_OWNER,
                StockMovementRecord.pushed_at.is_(None),
            )
            .order_by(StockMovementRecord.id)
        )
    )
    marked = 0
    for message in messages:
        match = next((m for m in movements if _same(m, message)), None)
        if match is not None:
            match.pushed_at = now
            movements.remove(match)
            marked += 1
    session.flush()
    return marked


def _same(movement: StockMovementRecord, message: StockMessage) -> bool:
    return (
        movement.delta == message.delta
        and movement.document_id == message.document_id
        and movement.created_at <= message.created_at
    )


def record_wix_stock(
    session: Session, variant_id: int, *, quantity: int, revision: str | None, now: datetime
) -> None:
    """Remember the quantity (and revision) Wix holds for a variant, if it has a stock row."""
    values: dict[str, Any] = {"wix_quantity": quantity, "updated_at": now}
    if revision is not None:
        values["wix_revision"] = revision
    session.execute(
        update(StockLevelRecord)
        .where(StockLevelRecord.variant_id == variant_id)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
