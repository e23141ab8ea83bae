"""Stock levels as a manager sees them, and the returned items set aside to inspect.

Everything here runs inside the caller's transaction and never commits. A counted stock
level is read with its row locked (`lock_stock`), so the delta computed from it still holds
at commit; an inspected line is settled by a compare-and-set, so two terminals settling the
same line at once settle it exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from pos.db.records import (
    CounterDocumentRecord,
    DocumentReturnLineRecord,
    OrderLineRecord,
    OrderRecord,
    ProductRecord,
    StockLevelRecord,
    StockMovementRecord,
    VariantRecord,
)
from pos.db.types import rowcount
from pos.domain.inspection import InspectionItem
from pos.domain.states import InspectionState, check_inspection

INSPECT = "inspect"
POS_OWNER = "pos"


@dataclass(frozen=True, slots=True)
class StockRow:
    """One variant's stock: the local count, Wix's last figure, and what is still to push."""

    variant_id: int
    product_name: str
    sku: str
    options: dict[str, str]
    on_hand: int
    wix_quantity: int | None
    pending_push_delta: int
    wix_product_id: str | None
    wix_variant_id: str | None


def variant_id_for(
    session: Session, *, variant_id: int | None = None, code: str | None = None
) -> int | None:
    """The id of a variant given by id, SKU or barcode (inactive variants included)."""
    query = select(VariantRecord.id)
    if variant_id is not None:
        query = query.where(VariantRecord.id == variant_id)
    elif code:
        query = query.where((VariantRecord.sku == code) | (VariantRecord.barcode == code))
    else:
        return None
    return session.scalars(query.order_by(VariantRecord.id).limit(1)).first()


def pending_push_delta(session: Session, variant_id: int) -> int:
    """Sum of the POS-owned movements of a variant not pushed to Wix yet."""
    total = session.scalar(
        select(func.coalesce(func.sum(StockMovementRecord.delta), 0)).where(
            StockMovementRecord.variant_id == variant_id,
            StockMovementRecord.owner == POS_OWNER,
            StockMovementRecord.pushed_at.is_(None),
        )
    )
    return int(total or 0)


def stock_row(session: Session, variant_id: int) -> StockRow | None:
    """The stock view of one variant, or None when there is no such variant."""
    found = session.execute(
        select(VariantRecord, ProductRecord, StockLevelRecord)
        .join(ProductRecord, ProductRecord.id == VariantRecord.product_id)
        .outerjoin(StockLevelRecord, StockLevelRecord.variant_id == VariantRecord.id)
        .where(VariantRecord.id == variant_id)
    ).first()
    if found is None:
        return None
    variant, product, level = found
    return StockRow(
        variant.id,
        product.name,
        variant.sku,
        {str(k): str(v) for k, v in (variant.options or {}).items()},
        level.on_hand if level else 0,
        level.wix_quantity if level else None,
        pending_push_delta(session, variant.id),
        product.wix_id,
        variant.wix_variant_id,
    )


def lock_stock(session: Session, variant_id: int, *, now: datetime) -> int:
    """Lock a variant's stock row until the transaction ends and return its `on_hand`.

    A missing row is created at 0 first (`INSERT … ON CONFLICT DO NOTHING`, so two terminals
    doing it at once do not collide). On PostgreSQL the row is then read `FOR UPDATE`; on
    SQLite the caller already holds the database's write lock (`ensure_write_transaction`).
    """
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(
        insert(StockLevelRecord)
        .values(variant_id=variant_id, on_hand=0, updated_at=now)
        .on_conflict_do_nothing(index_elements=[StockLevelRecord.variant_id])
    )
    query = select(StockLevelRecord.on_hand).where(StockLevelRecord.variant_id == variant_id)
    if dialect == "postgresql":
        query = query.with_for_update()
    return int(session.scalar(query) or 0)


def record_movement(
    session: Session,
    *,
    variant_id: int,
    delta: int,
    reason: str,
    user_id: int | None,
    document_id: str | None,
    note: str,
    now: datetime,
) -> int:
    """Apply a POS-owned `delta` to a row locked by `lock_stock` and record the movement.

    Unlike `pos.db.documents.DocumentWriter.move_stock` (which guards a sale against
    overselling), the caller holds the row lock and has checked the result, so this returns
    the movement's id.
    """
    session.execute(
        update(StockLevelRecord)
        .where(StockLevelRecord.variant_id == variant_id)
        .values(on_hand=StockLevelRecord.on_hand + delta, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    movement = StockMovementRecord(
        variant_id=variant_id,
        delta=delta,
        reason=reason,
        owner=POS_OWNER,
        document_id=document_id,
        user_id=user_id,
        note=note,
        created_at=now,
    )
    session.add(movement)
    session.flush()
    return movement.id


# Statements are immutable: each use adds its own WHERE to a copy.
_INSPECTION_QUERY = (
    select(
        DocumentReturnLineRecord,
        CounterDocumentRecord.number,
        CounterDocumentRecord.created_at,
        OrderRecord.number,
        OrderLineRecord,
    )
    .join(CounterDocumentRecord, CounterDocumentRecord.id == DocumentReturnLineRecord.document_id)
    .join(OrderLineRecord, OrderLineRecord.id == DocumentReturnLineRecord.order_line_id)
    .join(OrderRecord, OrderRecord.id == OrderLineRecord.order_id)
)


def _inspection_row(
    line: DocumentReturnLineRecord,
    document_number: str,
    returned_at: datetime,
    order_number: str,
    sold: OrderLineRecord,
) -> InspectionItem:
    return InspectionItem(
        return_line_id=line.id,
        document_id=line.document_id,
        document_number=document_number,
        order_number=order_number,
        returned_at=returned_at,
        product_name=sold.product_name,
        sku=sold.sku,
        options_text=sold.options_text,
        variant_id=sold.variant_id,
        quantity=line.quantity,
        disposition=line.disposition,
        reason=line.reason,
        settled_state=line.settled_state,
        settled_at=line.settled_at,
        settled_by_id=line.settled_by_id,
    )


def awaiting_inspection(session: Session) -> list[InspectionItem]:
    """Lines returned "to inspect" and not settled yet, oldest return first."""
    rows = session.execute(
        _INSPECTION_QUERY
        .where(
            DocumentReturnLineRecord.disposition == INSPECT,
            DocumentReturnLineRecord.settled_state.is_(None),
        )
        .order_by(CounterDocumentRecord.created_at, DocumentReturnLineRecord.id)
    )
    return [_inspection_row(*row) for row in rows]


def inspection_row(session: Session, return_line_id: int) -> InspectionItem | None:
    """One returned line as `awaiting_inspection` shows it, whatever its disposition or state."""
    row = session.execute(
        _INSPECTION_QUERY
        .where(DocumentReturnLineRecord.id == return_line_id)
        .execution_options(populate_existing=True)
    ).first()
    return None if row is None else _inspection_row(*row)


def settle_inspection(
    session: Session,
    return_line_id: int,
    *,
    state: InspectionState,
    user_id: int | None,
    now: datetime,
) -> bool:
    """Mark an unsettled "to inspect" line settled, as one compare-and-set.

    Returns:
        False when the line is not (or no longer) waiting for inspection: another terminal
        settled it first, its disposition is not "inspect", or it does not exist.

    Raises:
        IllegalTransitionError: `state` is not a settled state (`INSPECTION_TRANSITIONS`).
    """
    state = check_inspection(None, state)  # the update below moves awaiting lines only
    result = session.execute(
        update(DocumentReturnLineRecord)
        .where(
            DocumentReturnLineRecord.id == return_line_id,
            DocumentReturnLineRecord.disposition == INSPECT,
            DocumentReturnLineRecord.settled_state.is_(None),
        )
        .values(settled_state=state, settled_at=now, settled_by_id=user_id)
        .execution_options(synchronize_session=False)
    )
    return rowcount(result) == 1
