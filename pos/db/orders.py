"""Recording orders in the sales history (idempotent upserts) and reading one back."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from pos.db import search
from pos.db.records import (
    CounterDocumentRecord,
    CustomerRecord,
    DocumentReturnLineRecord,
    OrderLineRecord,
    OrderRecord,
    OrderRefundRecord,
    PaymentRecord,
    VariantRecord,
)
from pos.domain.orders import CustomerData, OrderData
from pos.domain.search_text import chrono_base, normalise_number, search_document
from pos.domain.states import DocumentState

TIES_PER_MS = 1000


def next_search_key(session: Session, data_placed_at: datetime) -> int:
    """A free chronological key for an order placed at `data_placed_at`."""
    base = chrono_base(data_placed_at)
    taken = session.scalar(
        select(func.max(OrderRecord.search_key)).where(
            OrderRecord.search_key >= base, OrderRecord.search_key < base + TIES_PER_MS
        )
    )
    key = base if taken is None else taken + 1
    if key >= base + TIES_PER_MS:
        raise ValueError("more than 1000 orders in one millisecond")
    return key


def upsert_customer(session: Session, data: CustomerData) -> tuple[CustomerRecord, bool]:
    """The customer record for `data`, created or updated; True when an existing customer's
    searchable words (name, e-mail, phone) changed, so their other orders need re-indexing."""
    record = None
    if data.wix_contact_id:
        record = session.scalar(
            select(CustomerRecord).where(CustomerRecord.wix_contact_id == data.wix_contact_id)
        )
    if record is None and data.email:
        record = session.scalars(
            select(CustomerRecord).where(CustomerRecord.email == data.email.strip().lower())
        ).first()
    existed = record is not None
    if record is None:
        record = CustomerRecord()
        session.add(record)
    before = (record.first_name, record.last_name, record.email, record.phone)
    record.wix_contact_id = data.wix_contact_id or record.wix_contact_id
    record.first_name, record.last_name = data.first_name, data.last_name
    record.email = data.email.strip().lower() if data.email else None
    record.phone, record.language = data.phone, data.language
    after = (record.first_name, record.last_name, record.email, record.phone)
    return record, existed and before != after


def _document_for(order: OrderRecord, customer: CustomerRecord | None) -> str:
    return search_document(
        first_name=customer.first_name if customer else None,
        last_name=customer.last_name if customer else None,
        email=(customer.email if customer else None) or order.buyer_email,
        phone=customer.phone if customer else None,
        number=order.number,
        cards=[(p.card_last4, p.card_brand) for p in order.payments if p.card_last4],
    )


def record_order(session: Session, data: OrderData) -> OrderRecord:
    """Insert or update an order (matched on its Wix id, else its number) and index it.

    Idempotent: recording the same order twice changes nothing the second time. Lines are
    matched by position; quantities already refunded are taken from the order's figures.
    """
    order = None
    if data.wix_id:
        order = session.scalar(select(OrderRecord).where(OrderRecord.wix_id == data.wix_id))
    if order is None:
        order = session.scalars(
            select(OrderRecord).where(
                OrderRecord.number_norm == normalise_number(data.number),
                OrderRecord.channel == data.channel,
            )
        ).first()
    is_new = order is None
    old_doc = None if order is None else _document_for(order, order.customer)
    with session.no_autoflush:
        customer, renamed = (upsert_customer(session, data.customer) if data.customer
                             else (None, False))
        if order is None:
            order = OrderRecord(search_key=next_search_key(session, data.placed_at))
        _fill_order(order, data, customer)
    session.add(order)
    session.flush()
    with session.no_autoflush:
        _replace_children(session, order, data)
    new_doc = _document_for(order, customer)
    if new_doc != old_doc:
        if not is_new:
            search.unindex(session, [order.search_key])
        search.index_rows(session, [(order.search_key, new_doc)])
    if renamed and customer is not None:
        reindex_customer(session, customer, skip=order.id)
    return order


def reindex_customer(session: Session, customer: CustomerRecord, *, skip: int | None = None
                     ) -> int:
    """Re-index every order of a customer whose name, e-mail or phone changed."""
    orders = session.scalars(select(OrderRecord).where(
        OrderRecord.customer_id == customer.id, OrderRecord.id != (skip or -1)
    ).options(selectinload(OrderRecord.payments))).all()
    if orders:
        search.unindex(session, [o.search_key for o in orders])
        search.index_rows(session, [(o.search_key, _document_for(o, customer)) for o in orders])
    return len(orders)


def _fill_order(order: OrderRecord, data: OrderData, customer: CustomerRecord | None) -> None:
    order.wix_id = data.wix_id
    order.number, order.number_norm = data.number, normalise_number(data.number)
    order.channel, order.placed_at, order.wix_updated_at = (
        data.channel,
        data.placed_at,
        (data.wix_updated_at),
    )
    order.currency, order.tax_included = data.currency, data.tax_included
    order.status, order.payment_status = data.status, data.payment_status
    order.fulfillment_status = data.fulfillment_status
    order.customer = customer
    order.buyer_email = data.customer.email if data.customer else None
    lines_paid = sum(line.paid.minor for line in data.lines)
    order.subtotal_minor = sum(line.unit_price.minor * line.quantity for line in data.lines)
    order.discount_minor = sum(line.discount.minor for line in data.lines if line.discount)
    order.tax_minor = sum(line.tax.minor for line in data.lines)
    order.shipping_minor = data.shipping.minor if data.shipping else 0
    order.shipping_tax_minor = data.shipping_tax.minor if data.shipping_tax else 0
    order.shipping_refunded = data.shipping_refunded
    order.total_minor = (
        data.total().minor if data.stated_total else lines_paid + (order.shipping_minor)
    )
    order.order_discount_pct = (
        str(data.order_discount_pct) if data.order_discount_pct is not None else None
    )


def _replace_children(session: Session, order: OrderRecord, data: OrderData) -> None:
    existing = {line.position: line for line in order.lines}
    for position, line in enumerate(data.lines):
        record = existing.get(position) or OrderLineRecord(order_id=order.id, position=position)
        if position not in existing:
            session.add(record)
        record.wix_line_id, record.product_name, record.sku = (
            line.wix_line_id,
            line.product_name,
            line.sku,
        )
        record.variant_id = _variant_id(session, line.sku)
        record.options_text, record.quantity = line.options_text, line.quantity
        record.unit_price_minor = line.unit_price.minor
        record.discount_minor = line.discount.minor if line.discount else 0
        record.paid_minor, record.tax_minor = line.paid.minor, line.tax.minor
        record.tax_rate = str(line.tax_rate)
        record.refunded_quantity = line.refunded_quantity
        record.restocked_quantity = line.restocked_quantity
    payments = {p.wix_payment_id or f"#{i}": p for i, p in enumerate(order.payments)}
    for index, payment in enumerate(data.payments):
        key = payment.wix_payment_id or f"#{index}"
        paid = payments.get(key) or PaymentRecord(order_id=order.id)
        if key not in payments:
            order.payments.append(paid)  # in the relationship too: the index reads it
        paid.wix_payment_id, paid.method = payment.wix_payment_id, payment.method
        paid.card_last4, paid.card_brand = payment.card_last4, payment.card_brand
        paid.amount_minor = payment.amount.minor
        paid.refunded_minor = payment.refunded.minor if payment.refunded else 0
        paid.status, paid.reference = payment.status, payment.reference
        paid.created_at = payment.created_at
    session.flush()


def _variant_id(session: Session, sku: str | None) -> int | None:
    if not sku:
        return None
    return session.scalar(select(VariantRecord.id).where(VariantRecord.sku == sku))


def load_order(session: Session, order_id: int) -> OrderRecord | None:
    """An order with its customer, lines, payments and refunds loaded."""
    return session.scalar(
        select(OrderRecord)
        .where(OrderRecord.id == order_id)
        .options(
            selectinload(OrderRecord.lines),
            selectinload(OrderRecord.payments),
            selectinload(OrderRecord.customer),
        )
    )


def counter_returns_by_line(session: Session, order_id: int) -> dict[int, int]:
    """Units returned at the counter per order line (all completed documents)."""
    rows = session.execute(
        select(DocumentReturnLineRecord.order_line_id, func.sum(DocumentReturnLineRecord.quantity))
        .join(
            CounterDocumentRecord, CounterDocumentRecord.id == DocumentReturnLineRecord.document_id
        )
        .where(
            CounterDocumentRecord.order_id == order_id,
            CounterDocumentRecord.status == DocumentState.COMPLETED,
        )
        .group_by(DocumentReturnLineRecord.order_line_id)
    )
    # An order's documents always name their lines (only a no-receipt return names none).
    return {line_id: int(total) for line_id, total in rows if line_id is not None}


def documents_of(session: Session, order_id: int) -> list[CounterDocumentRecord]:
    return list(
        session.scalars(
            select(CounterDocumentRecord)
            .where(CounterDocumentRecord.order_id == order_id)
            .order_by(CounterDocumentRecord.created_at)
        )
    )


def refunds_of(session: Session, order_id: int) -> list[OrderRefundRecord]:
    return list(
        session.scalars(
            select(OrderRefundRecord)
            .where(OrderRefundRecord.order_id == order_id)
            .order_by(OrderRefundRecord.created_at)
        )
    )
