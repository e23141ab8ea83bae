"""Reading an order as the returns desk needs it, and writing a committed counter document.

Everything here runs inside the caller's transaction (`ReturnsService.commit`); nothing
commits. Rows that concurrent terminals contend for are locked or updated atomically: the
order (one document at a time per order), the terminal's number sequence, stock levels
(`on_hand = on_hand + delta`, guarded against going below zero) and gift cards.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session, selectinload

from pos.db.orders import counter_returns_by_line
from pos.db.records import (
    ApprovalRecord,
    CounterDocumentRecord,
    DocumentTenderRecord,
    GiftCardEntryRecord,
    GiftCardRecord,
    OrderLineRecord,
    OrderRecord,
    PrintJobRecord,
    ProductRecord,
    StockLevelRecord,
    StockMovementRecord,
    TerminalSequenceRecord,
    UserRecord,
    VariantRecord,
)
from pos.domain.money import Money
from pos.domain.returns import OrderSnapshot, SoldLine
from pos.domain.settlement import PaymentMethod, PaymentSnapshot
from pos.domain.valuation import LineValue

GIFT_CARD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud at a till


@dataclass(frozen=True, slots=True)
class OrderContext:
    """The order snapshot plus what the commit needs that the domain does not."""

    snapshot: OrderSnapshot
    order_id: int
    wix_id: str | None
    number: str
    status: str
    tax_included: bool
    customer_id: int | None
    customer_email: str | None
    customer_name: str
    customer_language: str
    wix_line_ids: dict[str, str | None]
    variant_of_line: dict[str, int | None]
    wix_payment_ids: dict[str, str | None]


def lock_order(session: Session, order_id: int) -> None:
    """Serialise documents on one order (PostgreSQL row lock; SQLite's write lock already does)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(OrderRecord.id).where(OrderRecord.id == order_id).with_for_update())


def mark_order_cancelled(session: Session, order_id: int) -> None:
    """Cancelled at the counter; the Wix write-back and later pulls say the same."""
    session.execute(update(OrderRecord).where(OrderRecord.id == order_id).values(
        status="CANCELED"))


def _payment_method(method: str) -> PaymentMethod:
    try:
        return PaymentMethod(method)
    except ValueError:
        return PaymentMethod.OTHER


def _counter_refunds_by_payment(session: Session, order_id: int) -> dict[int, int]:
    rows = session.execute(
        select(DocumentTenderRecord.payment_id, func.sum(DocumentTenderRecord.amount_minor))
        .join(CounterDocumentRecord, CounterDocumentRecord.id == DocumentTenderRecord.document_id)
        .where(CounterDocumentRecord.order_id == order_id,
               DocumentTenderRecord.payment_id.is_not(None),
               DocumentTenderRecord.direction == "out")
        .group_by(DocumentTenderRecord.payment_id))
    return {payment_id: int(total) for payment_id, total in rows}


def _shipping_refunded(session: Session, order_id: int) -> bool:
    return bool(session.scalar(select(func.count()).where(
        CounterDocumentRecord.order_id == order_id,
        CounterDocumentRecord.shipping_refund_minor > 0)))


def load_context(session: Session, order_id: int) -> OrderContext | None:
    """The order as a returns snapshot: lines valued as stored, what came back, payments."""
    order = session.scalar(select(OrderRecord).where(OrderRecord.id == order_id).options(
        selectinload(OrderRecord.lines), selectinload(OrderRecord.payments),
        selectinload(OrderRecord.customer)))
    if order is None:
        return None
    currency = order.currency
    counter = counter_returns_by_line(session, order_id)
    categories = _categories(session, [line.variant_id for line in order.lines])
    lines = tuple(_sold_line(line, currency, counter.get(line.id, 0), categories)
                  for line in order.lines)
    refunded = _counter_refunds_by_payment(session, order_id)
    payments = tuple(PaymentSnapshot(
        str(p.id), _payment_method(p.method), Money(p.amount_minor, currency),
        Money(p.refunded_minor + refunded.get(p.id, 0), currency)) for p in order.payments)
    snapshot = OrderSnapshot(
        str(order.id), order.number, currency, order.placed_at,
        order.fulfillment_status != "NOT_FULFILLED", lines, payments,
        Money(order.shipping_minor, currency), Money(order.shipping_tax_minor, currency),
        _shipping_refunded(session, order_id))
    customer = order.customer
    return OrderContext(
        snapshot, order.id, order.wix_id, order.number, order.status, order.tax_included,
        customer.id if customer else None, (customer.email if customer else None)
        or order.buyer_email,
        " ".join(p for p in (customer.first_name, customer.last_name) if p) if customer else "",
        customer.language if customer else "fr",
        {str(line.id): line.wix_line_id for line in order.lines},
        {str(line.id): line.variant_id for line in order.lines},
        {str(p.id): p.wix_payment_id for p in order.payments})


def _categories(session: Session, variant_ids: Iterable[int | None]) -> dict[int, tuple[int, str]]:
    ids = [v for v in variant_ids if v is not None]
    if not ids:
        return {}
    rows = session.execute(select(VariantRecord.id, ProductRecord.id, ProductRecord.category)
                           .join(ProductRecord).where(VariantRecord.id.in_(ids)))
    return {variant: (product, category) for variant, product, category in rows}


def _sold_line(line: OrderLineRecord, currency: str, counter_returned: int,
               categories: dict[int, tuple[int, str]]) -> SoldLine:
    product_id, category = categories.get(line.variant_id or -1, (None, ""))
    value = LineValue(line.quantity, Money(line.unit_price_minor * line.quantity, currency),
                      Money(line.discount_minor, currency), Money(line.paid_minor, currency),
                      Money(line.tax_minor, currency))
    returned = min(line.quantity, line.refunded_quantity + counter_returned)
    return SoldLine(str(line.id), str(product_id) if product_id else f"sku:{line.sku}",
                    str(line.variant_id) if line.variant_id else None, line.product_name,
                    value, returned, category, line.sku or "")


@dataclass(frozen=True, slots=True)
class CatalogueVariant:
    variant_id: int
    product_id: int
    product_name: str
    sku: str
    barcode: str | None
    options: dict[str, str]
    price: Money
    tax_rate: Decimal
    on_hand: int
    wix_product_id: str | None
    wix_variant_id: str | None


def find_variant(session: Session, *, variant_id: int | None = None, code: str | None = None
                 ) -> CatalogueVariant | None:
    """A sellable variant by id, or by SKU or barcode (what a scanner types)."""
    query = select(VariantRecord).options(selectinload(VariantRecord.product),
                                          selectinload(VariantRecord.stock))
    if variant_id is not None:
        query = query.where(VariantRecord.id == variant_id)
    elif code:
        query = query.where((VariantRecord.sku == code) | (VariantRecord.barcode == code))
    else:
        return None
    record = session.scalars(query.where(VariantRecord.active.is_(True))).first()
    if record is None:
        return None
    return CatalogueVariant(
        record.id, record.product_id, record.product.name, record.sku, record.barcode,
        dict(record.options or {}), Money(record.price_minor, record.currency),
        Decimal(record.tax_rate), record.stock.on_hand if record.stock else 0,
        record.product.wix_id, record.wix_variant_id)


def variant_wix_ids(session: Session, variant_ids: Iterable[int]
                    ) -> dict[int, tuple[str | None, str | None]]:
    """(Wix product id, Wix variant id) of each variant, in one query."""
    ids = list(variant_ids)
    if not ids:
        return {}
    rows = session.execute(select(VariantRecord.id, ProductRecord.wix_id,
                                  VariantRecord.wix_variant_id)
                           .join(ProductRecord).where(VariantRecord.id.in_(ids)))
    return {variant: (product, wix_variant) for variant, product, wix_variant in rows}


def next_document_number(session: Session, terminal_id: str) -> str:
    """The terminal's next gapless number (`T1-000123`), taken inside the committing transaction."""
    query = select(TerminalSequenceRecord).where(TerminalSequenceRecord.terminal_id == terminal_id)
    sequence = session.scalar(query.with_for_update())
    if sequence is None:
        sequence = TerminalSequenceRecord(terminal_id=terminal_id, next_number=1)
        session.add(sequence)
        session.flush()
    number = sequence.next_number
    sequence.next_number = number + 1
    return f"{terminal_id}-{number:06d}"


def move_stock(session: Session, *, variant_id: int, delta: int, reason: str, owner: str,
               document_id: str | None, user_id: int | None, now: datetime, note: str = ""
               ) -> bool:
    """Record a movement and apply it atomically; False when it would take stock below zero.

    Core statements on the session's connection: no ORM bookkeeping on the hot path, and the
    guard `on_hand >= -delta` makes concurrent terminals unable to oversell.
    """
    connection = session.connection()
    level = StockLevelRecord.__table__
    if delta < 0:
        result = connection.execute(update(level).where(
            level.c.variant_id == variant_id, level.c.on_hand >= -delta)
            .values(on_hand=level.c.on_hand + delta, updated_at=now))
        if result.rowcount != 1:
            return False
    elif delta > 0:
        result = connection.execute(update(level).where(level.c.variant_id == variant_id)
                                    .values(on_hand=level.c.on_hand + delta, updated_at=now))
        if result.rowcount != 1:
            connection.execute(insert(level).values(variant_id=variant_id, on_hand=delta,
                                                    updated_at=now))
    connection.execute(insert(StockMovementRecord.__table__).values(
        variant_id=variant_id, delta=delta, reason=reason, owner=owner,
        document_id=document_id, user_id=user_id, note=note, created_at=now))
    return True


def gift_card_balance(session: Session, code: str, *, lock: bool) -> tuple[int, Money] | None:
    """(card id, balance) of a gift card or store-credit code; the row is locked when asked."""
    query = select(GiftCardRecord).where(GiftCardRecord.code == code.strip().upper())
    card = session.scalar(query.with_for_update() if lock else query)
    if card is None:
        return None
    total = session.scalar(select(func.coalesce(func.sum(GiftCardEntryRecord.amount_minor), 0))
                           .where(GiftCardEntryRecord.gift_card_id == card.id))
    return card.id, Money(int(total), card.currency)


def issue_gift_card(session: Session, *, amount: Money, kind: str, customer_id: int | None,
                    document_id: str, now: datetime) -> tuple[int, str]:
    """A new card with an `issue` entry; returns (id, code). Codes are random, 16 characters."""
    code = "".join(secrets.choice(GIFT_CARD_ALPHABET) for _ in range(16))
    card = GiftCardRecord(code=code, currency=amount.currency, kind=kind,
                          customer_id=customer_id, created_at=now)
    session.add(card)
    session.flush()
    session.add(GiftCardEntryRecord(gift_card_id=card.id, kind="issue", amount_minor=amount.minor,
                                    document_id=document_id, created_at=now))
    return card.id, code


def redeem_gift_card(session: Session, *, card_id: int, amount: Money, document_id: str,
                     now: datetime) -> None:
    session.add(GiftCardEntryRecord(gift_card_id=card_id, kind="redeem",
                                    amount_minor=-amount.minor, document_id=document_id,
                                    created_at=now))


@dataclass(frozen=True, slots=True)
class StoredApproval:
    approval_id: int
    rule: str
    approver_id: int
    approver_role: str
    approver_name: str
    created_at: datetime
    document_id: str | None


def load_approvals(session: Session, ids: Sequence[int]) -> list[StoredApproval]:
    """Approvals as recorded (never as a caller claims them), with the approver's role."""
    if not ids:
        return []
    rows = session.execute(
        select(ApprovalRecord, UserRecord.role, UserRecord.display_name)
        .join(UserRecord, UserRecord.id == ApprovalRecord.approver_id)
        .where(ApprovalRecord.id.in_(list(ids))))
    return [StoredApproval(a.id, a.rule, a.approver_id, role, name, a.created_at, a.document_id)
            for a, role, name in rows]


def queue_print_job(session: Session, *, document_id: str, kind: str, now: datetime) -> None:
    session.add(PrintJobRecord(document_id=document_id, kind=kind, created_at=now))
