"""Reading an order as the returns desk needs it; the gift cards and approvals a commit uses.

Everything here runs inside the caller's transaction (`ReturnsService.commit`); nothing
commits. Rows that concurrent terminals contend for are locked or updated atomically: the
order (one document at a time per order) and gift cards. The document itself, its number,
its children and its stock movements are written by `pos.db.documents`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session, selectinload

from pos.db.records import (
    ApprovalRecord,
    CounterDocumentRecord,
    CustomerRecord,
    DocumentReturnLineRecord,
    DocumentTenderRecord,
    GiftCardEntryRecord,
    GiftCardRecord,
    OrderLineRecord,
    OrderRecord,
    PaymentRecord,
    ProductRecord,
    UserRecord,
    VariantRecord,
)
from pos.db.types import sum_minor
from pos.domain.catalogue import CatalogueVariant
from pos.domain.money import Money
from pos.domain.returns import OrderSnapshot, SoldLine
from pos.domain.scan import new_gift_card_code, normalise_gift_card_code
from pos.domain.settlement import PaymentMethod, PaymentSnapshot
from pos.domain.states import DocumentState, OrderStatus, check_order_status
from pos.domain.valuation import LineValue


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
    """Cancelled at the counter; the Wix write-back and later pulls say the same.

    Raises:
        IllegalTransitionError: `states.ORDER_TRANSITIONS` does not allow it from the order's
            status (a bug: the service refuses a cancelled order before; the order is locked).
    """
    current = session.scalar(select(OrderRecord.status).where(OrderRecord.id == order_id))
    new = check_order_status(current or "", OrderStatus.CANCELED)
    session.execute(update(OrderRecord).where(OrderRecord.id == order_id).values(
        status=new.value))


def _payment_method(method: str) -> PaymentMethod:
    try:
        return PaymentMethod(method)
    except ValueError:
        return PaymentMethod.OTHER


def load_context(session: Session, order_id: int) -> OrderContext | None:
    """The order as a returns snapshot: lines valued as stored, what came back, payments.

    Four Core queries (order, lines, payments, shipping already refunded): this runs inside
    every commit, so it stays off the ORM's object machinery.
    """
    connection = session.connection()
    order = connection.execute(_ORDER_QUERY, {"order_id": order_id}).one_or_none()
    if order is None:
        return None
    currency = order.currency
    line_rows = connection.execute(_LINES_QUERY, {"order_id": order_id}).all()
    payment_rows = connection.execute(_PAYMENTS_QUERY, {"order_id": order_id}).all()
    lines = tuple(_sold_line(row, currency) for row in line_rows)
    payments = tuple(PaymentSnapshot(
        str(p.id), _payment_method(p.method), Money(p.amount_minor, currency),
        Money(p.refunded_minor + p.counter_refunded, currency)) for p in payment_rows)
    shipping_refunded = bool(order.shipping_refunded) or bool(
        connection.execute(_SHIPPING_QUERY, {"order_id": order_id}).scalar())  # on Wix, or here
    snapshot = OrderSnapshot(
        str(order.id), order.number, currency, _aware(order.placed_at, session),
        order.fulfillment_status != "NOT_FULFILLED", lines, payments,
        Money(order.shipping_minor, currency), Money(order.shipping_tax_minor, currency),
        shipping_refunded, order.status or "APPROVED")
    name = " ".join(p for p in (order.first_name, order.last_name) if p)
    return OrderContext(
        snapshot, order.id, order.wix_id, order.number, order.status, order.tax_included,
        order.customer_id, order.email or order.buyer_email, name, order.language or "fr",
        {str(row.id): row.wix_line_id for row in line_rows},
        {str(row.id): row.variant_id for row in line_rows},
        {str(row.id): row.wix_payment_id for row in payment_rows})


def load_sold_lines(session: Session, order_id: int, currency: str) -> tuple[SoldLine, ...]:
    """The order's lines valued as `load_context` values them, in one query (for screens that
    need the lines and not the rest, like the return requests' lists)."""
    rows = session.connection().execute(_LINES_QUERY, {"order_id": order_id}).all()
    return tuple(_sold_line(row, currency) for row in rows)


def _aware(value: datetime | str, session: Session) -> datetime:
    from pos.db.types import UTCDateTime

    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    decoded = UTCDateTime().process_result_value(value, session.get_bind().dialect)
    assert decoded is not None
    return decoded


_orders, _customers = OrderRecord.__table__, CustomerRecord.__table__
_lines, _variants, _products = (OrderLineRecord.__table__, VariantRecord.__table__,
                                ProductRecord.__table__)
_payments, _documents = PaymentRecord.__table__, CounterDocumentRecord.__table__
_returned, _tenders = DocumentReturnLineRecord.__table__, DocumentTenderRecord.__table__

_ORDER_QUERY = (
    select(_orders.c.id, _orders.c.wix_id, _orders.c.number, _orders.c.status,
           _orders.c.currency, _orders.c.placed_at, _orders.c.fulfillment_status,
           _orders.c.tax_included, _orders.c.shipping_minor, _orders.c.shipping_tax_minor,
           _orders.c.shipping_refunded,
           _orders.c.customer_id, _orders.c.buyer_email, _customers.c.first_name,
           _customers.c.last_name, _customers.c.email, _customers.c.language)
    .select_from(_orders.outerjoin(_customers, _customers.c.id == _orders.c.customer_id))
    .where(_orders.c.id == bindparam("order_id")))

_counter_returned = (
    select(func.coalesce(func.sum(_returned.c.quantity), 0))
    .select_from(_returned.join(_documents, _documents.c.id == _returned.c.document_id))
    .where(_returned.c.order_line_id == _lines.c.id, _documents.c.status == DocumentState.COMPLETED)
    .scalar_subquery())

_LINES_QUERY = (
    select(_lines.c.id, _lines.c.wix_line_id, _lines.c.variant_id, _lines.c.product_name,
           _lines.c.sku, _lines.c.quantity, _lines.c.unit_price_minor, _lines.c.discount_minor,
           _lines.c.paid_minor, _lines.c.tax_minor, _lines.c.refunded_quantity,
           _products.c.id.label("product_id"), _products.c.category, _products.c.categories,
           _counter_returned.label("counter_returned"))
    .select_from(_lines.outerjoin(_variants, _variants.c.id == _lines.c.variant_id)
                 .outerjoin(_products, _products.c.id == _variants.c.product_id))
    .where(_lines.c.order_id == bindparam("order_id")).order_by(_lines.c.position))

_counter_refunded = (
    select(sum_minor(_tenders.c.amount_minor))
    .where(_tenders.c.payment_id == _payments.c.id, _tenders.c.direction == "out")
    .scalar_subquery())

_PAYMENTS_QUERY = (
    select(_payments.c.id, _payments.c.wix_payment_id, _payments.c.method,
           _payments.c.amount_minor, _payments.c.refunded_minor,
           _counter_refunded.label("counter_refunded"))
    .where(_payments.c.order_id == bindparam("order_id")).order_by(_payments.c.id))

_SHIPPING_QUERY = (
    select(func.count()).select_from(_documents)
    .where(_documents.c.order_id == bindparam("order_id"),
           _documents.c.shipping_refund_minor > 0))


def _sold_line(row: Any, currency: str) -> SoldLine:  # a row of _LINES_QUERY, read by name
    value = LineValue(row.quantity, Money(row.unit_price_minor * row.quantity, currency),
                      Money(row.discount_minor, currency), Money(row.paid_minor, currency),
                      Money(row.tax_minor, currency))
    returned = min(row.quantity, row.refunded_quantity + int(row.counter_returned))
    product = str(row.product_id) if row.product_id else f"sku:{row.sku}"
    return SoldLine(str(row.id), product, str(row.variant_id) if row.variant_id else None,
                    row.product_name, value, returned, row.category or "", row.sku or "",
                    categories=tuple(str(name) for name in row.categories or ()))


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


@dataclass(frozen=True, slots=True)
class StoredCard:
    """A gift card or store-credit card, what it holds now and when it was issued."""

    id: int
    code: str
    kind: str  # gift_card or store_credit
    balance: Money
    issued_at: datetime  # its validity runs from this day (docs/receipts.md)


def stored_card(session: Session, code: str, *, lock: bool = False) -> StoredCard | None:
    """The card with this code (row-locked when asked); None when no card has it.

    Every code is stored normalised (`pos.domain.scan.normalise_gift_card_code`, which
    `Tender` applies); `code` is normalised again here, so a caller cannot miss the card.
    """
    query = select(GiftCardRecord).where(GiftCardRecord.code == normalise_gift_card_code(code))
    card = session.scalar(query.with_for_update() if lock else query)
    if card is None:
        return None
    return StoredCard(card.id, card.code, card.kind, _card_balance(session, card),
                      card.created_at)


def gift_card_balance(session: Session, code: str, *, lock: bool) -> tuple[int, Money] | None:
    """(card id, balance) of a gift card or store-credit code; the row is locked when asked."""
    card = stored_card(session, code, lock=lock)
    return None if card is None else (card.id, card.balance)


def _card_balance(session: Session, card: GiftCardRecord) -> Money:
    total = session.scalar(select(func.coalesce(func.sum(GiftCardEntryRecord.amount_minor), 0))
                           .where(GiftCardEntryRecord.gift_card_id == card.id))
    return Money(int(total or 0), card.currency)


def gift_card_exists(session: Session, code: str) -> bool:
    """Whether a card (gift card or store credit) already has this code."""
    return session.scalar(select(GiftCardRecord.id).where(GiftCardRecord.code == code)) is not None


def issue_gift_card(session: Session, *, amount: Money, kind: str, customer_id: int | None,
                    document_id: str | None, now: datetime, code: str | None = None
                    ) -> tuple[int, str]:
    """A new card with an `issue` entry; returns (id, code).

    Args:
        code: The card's code, already normalised and checked unused by the caller; a
            random `new_gift_card_code` when None.
    """
    code = code or new_gift_card_code()
    connection = session.connection()
    cards = GiftCardRecord.__table__
    card_id = connection.execute(insert(cards).values(
        code=code, currency=amount.currency, kind=kind, customer_id=customer_id, created_at=now
    ).returning(cards.c.id)).scalar_one()
    connection.execute(insert(GiftCardEntryRecord.__table__).values(
        gift_card_id=card_id, kind="issue", amount_minor=amount.minor,
        document_id=document_id, created_at=now))
    return card_id, code


def redeem_gift_card(session: Session, *, card_id: int, amount: Money, document_id: str,
                     now: datetime) -> None:
    session.connection().execute(insert(GiftCardEntryRecord.__table__).values(
        gift_card_id=card_id, kind="redeem", amount_minor=-amount.minor,
        document_id=document_id, created_at=now))


@dataclass(frozen=True, slots=True)
class StoredApproval:
    approval_id: int
    rule: str
    approver_id: int
    approver_role: str
    approver_name: str
    created_at: datetime
    document_id: str | None
    approver_active: bool
    cash_session_id: int | None = None  # the drawer close that used it (cash_variance)

    @property
    def used(self) -> bool:
        """Already bound to the document or the drawer close it allowed."""
        return self.document_id is not None or self.cash_session_id is not None


def load_approvals(session: Session, ids: Sequence[int]) -> list[StoredApproval]:
    """Approvals as recorded (never as a caller claims them), with the approver as stored now
    (role, and whether still active)."""
    if not ids:
        return []
    rows = session.execute(
        select(ApprovalRecord, UserRecord.role, UserRecord.display_name, UserRecord.active)
        .join(UserRecord, UserRecord.id == ApprovalRecord.approver_id)
        .where(ApprovalRecord.id.in_(list(ids))))
    return [StoredApproval(a.id, a.rule, a.approver_id, role, name, a.created_at, a.document_id,
                           active, a.cash_session_id) for a, role, name, active in rows]
