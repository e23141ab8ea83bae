"""Reading one customer as the customer view needs it: orders, counter documents, units, cards.

Core queries on the indexed foreign keys (`orders.customer_id`, `counter_documents.order_id`,
`gift_cards.customer_id`); nothing here writes. Finding customers by words goes through the
sales-history index (`pos.db.search`), which already holds every order's customer words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, null, select
from sqlalchemy.orm import Session

from pos.db.records import (
    CounterDocumentRecord,
    CustomerRecord,
    DocumentReturnLineRecord,
    GiftCardEntryRecord,
    GiftCardRecord,
    OrderLineRecord,
    OrderRecord,
)
from pos.db.search import MAX_PAGE, search_orders
from pos.db.types import sum_minor
from pos.domain.search_text import ParsedQuery
from pos.domain.states import DocumentState

_orders, _lines, _customers = (OrderRecord.__table__, OrderLineRecord.__table__,
                               CustomerRecord.__table__)
_documents, _returned = CounterDocumentRecord.__table__, DocumentReturnLineRecord.__table__
_cards, _entries = GiftCardRecord.__table__, GiftCardEntryRecord.__table__


@dataclass(frozen=True, slots=True)
class CustomerRow:
    customer_id: int
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    language: str


@dataclass(frozen=True, slots=True)
class CustomerTotals:
    """Over all of a customer's orders (not one page): counts, sums per currency, units."""

    orders: int
    spent: dict[str, int]  # currency -> Σ order totals, minor units
    units_bought: int
    units_returned: int  # counter returns and Wix refunds, each unit once (capped per line)


@dataclass(frozen=True, slots=True)
class CardRow:
    code: str
    kind: str
    currency: str
    balance_minor: int
    created_at: datetime


def customer(session: Session, customer_id: int) -> CustomerRow | None:
    row = session.execute(select(_customers).where(_customers.c.id == customer_id)).one_or_none()
    return None if row is None else _customer_row(row)


def _customer_row(row: Any) -> CustomerRow:
    return CustomerRow(row.id, row.first_name or "", row.last_name or "", row.email, row.phone,
                       row.language or "fr")


def find_customers(session: Session, query: ParsedQuery, *, limit: int) -> list[CustomerRow]:
    """Customers of the orders matching `query` (name, e-mail, phone words), most recent
    buyer first; the index answers, so accents and case do not count (`pos.db.search`)."""
    hits = search_orders(session, query, limit=MAX_PAGE)
    order_ids = [hit.order_id for hit in hits]
    if not order_ids:
        return []
    owners = dict(session.execute(select(_orders.c.id, _orders.c.customer_id)
                                  .where(_orders.c.id.in_(order_ids))).all())
    ranked = list(dict.fromkeys(owners[i] for i in order_ids if owners.get(i) is not None))
    ranked = ranked[:limit]
    if not ranked:
        return []
    rows = {row.id: _customer_row(row) for row in session.execute(
        select(_customers).where(_customers.c.id.in_(ranked)))}
    return [rows[i] for i in ranked if i in rows]


def orders_page(session: Session, customer_id: int, *, limit: int, before: int | None
                ) -> list[Any]:
    """The customer's orders newest first (by `search_key`), keys below `before`."""
    query = (select(_orders.c.id, _orders.c.number, _orders.c.placed_at, _orders.c.channel,
                    _orders.c.status, _orders.c.currency, _orders.c.total_minor,
                    _orders.c.search_key)
             .where(_orders.c.customer_id == customer_id)
             .order_by(_orders.c.search_key.desc()).limit(limit))
    if before is not None:
        query = query.where(_orders.c.search_key < before)
    return list(session.execute(query).all())


def totals(session: Session, customer_id: int) -> CustomerTotals:
    """Orders, money spent, units bought and returned over every order of the customer."""
    own = select(_orders.c.id).where(_orders.c.customer_id == customer_id).scalar_subquery()
    spent: dict[str, int] = dict(session.execute(
        select(_orders.c.currency, sum_minor(_orders.c.total_minor))
        .where(_orders.c.customer_id == customer_id).group_by(_orders.c.currency)).all())
    count = session.scalar(select(func.count()).select_from(_orders)
                           .where(_orders.c.customer_id == customer_id)) or 0
    counter = (select(_returned.c.order_line_id, func.sum(_returned.c.quantity).label("q"))
               .select_from(_returned.join(_documents, _documents.c.id == _returned.c.document_id))
               .where(_documents.c.order_id.in_(own),
                      _documents.c.status == DocumentState.COMPLETED)
               .group_by(_returned.c.order_line_id).subquery())
    lines = session.execute(
        select(_lines.c.quantity, _lines.c.refunded_quantity, func.coalesce(counter.c.q, 0))
        .outerjoin(counter, counter.c.order_line_id == _lines.c.id)
        .where(_lines.c.order_id.in_(own))).all()
    bought = sum(quantity for quantity, _, _ in lines)
    # A line never comes back more than it was sold (as the order screen counts it).
    returned = sum(min(q, wix + int(here)) for q, wix, here in lines)
    return CustomerTotals(int(count), {c: int(m) for c, m in spent.items()}, bought, returned)


def _units_per_document() -> Any:
    """Units each document took back (its return lines), as a subquery to join."""
    return (select(_returned.c.document_id, func.sum(_returned.c.quantity).label("units"))
            .group_by(_returned.c.document_id).subquery())


def documents_of_orders(session: Session, customer_id: int, *, limit: int) -> list[Any]:
    """Every counter document on the customer's orders, newest first, with its order number
    and the units it took back."""
    units = _units_per_document()
    query = (select(_documents.c.id, _documents.c.number, _documents.c.kind,
                    _documents.c.status, _documents.c.created_at, _documents.c.currency,
                    _documents.c.balance_minor, _orders.c.number.label("order_number"),
                    _orders.c.id.label("order_id"),
                    func.coalesce(units.c.units, 0).label("units"))
             .select_from(_documents.join(_orders, _orders.c.id == _documents.c.order_id)
                          .outerjoin(units, units.c.document_id == _documents.c.id))
             .where(_orders.c.customer_id == customer_id)
             .order_by(_documents.c.created_at.desc(), _documents.c.number.desc()).limit(limit))
    return list(session.execute(query).all())


def documents_linked_directly(session: Session, customer_id: int, *, limit: int) -> list[Any]:
    """Counter documents that name the customer without an order (no-receipt returns, whose
    `counter_documents.customer_id` is who the credit went to), read with the columns of
    `documents_of_orders` (order number and id None)."""
    linked = _documents.c.customer_id
    units = _units_per_document()
    query = (select(_documents.c.id, _documents.c.number, _documents.c.kind,
                    _documents.c.status, _documents.c.created_at, _documents.c.currency,
                    _documents.c.balance_minor, null().label("order_number"),
                    null().label("order_id"), func.coalesce(units.c.units, 0).label("units"))
             .select_from(_documents.outerjoin(units, units.c.document_id == _documents.c.id))
             .where(linked == customer_id, _documents.c.order_id.is_(None))
             .order_by(_documents.c.created_at.desc(), _documents.c.number.desc()).limit(limit))
    return list(session.execute(query).all())


def cards_of(session: Session, customer_id: int) -> list[CardRow]:
    """The customer's gift cards and store credit, newest first, balance = sum of the ledger."""
    balance = (select(_entries.c.gift_card_id, sum_minor(_entries.c.amount_minor).label("b"))
               .group_by(_entries.c.gift_card_id).subquery())
    rows = session.execute(
        select(_cards.c.code, _cards.c.kind, _cards.c.currency,
               func.coalesce(balance.c.b, 0), _cards.c.created_at)
        .outerjoin(balance, balance.c.gift_card_id == _cards.c.id)
        .where(_cards.c.customer_id == customer_id)
        .order_by(_cards.c.created_at.desc(), _cards.c.id.desc())).all()
    return [CardRow(code, kind, currency, int(b), created)
            for code, kind, currency, b, created in rows]


def customer_exists(session: Session, customer_id: int) -> bool:
    return session.scalar(select(_customers.c.id).where(_customers.c.id == customer_id)) is not None


__all__ = ["CardRow", "CustomerRow", "CustomerTotals", "cards_of", "customer",
           "customer_exists", "documents_linked_directly", "documents_of_orders",
           "find_customers", "orders_page", "totals"]
