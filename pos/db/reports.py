"""The grouped sums of the Reports screen: returns by variant, sales by variant, refunds.

Everything runs inside the caller's transaction and sums on the database (one GROUP BY per
figure, integer minor units, the same SQL on SQLite and PostgreSQL). The documents are chosen
by the Closing's `DocumentRange` (a time range over every terminal); the kind, reason and
tender sections are the Closing's own (`pos.db.closing.grouped_figures`). Units are grouped
by variant here and folded into products and sizes by the service, with the catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, case, func, literal, select
from sqlalchemy.orm import Session

from pos.db.closing import DocumentRange
from pos.db.records import (
    CounterDocumentRecord,
    DocumentReturnLineRecord,
    DocumentTenderRecord,
    OrderLineRecord,
    OrderRecord,
    ProductRecord,
    UserRecord,
    VariantRecord,
)

_docs = CounterDocumentRecord.__table__
_returned = DocumentReturnLineRecord.__table__
_tenders = DocumentTenderRecord.__table__
_lines = OrderLineRecord.__table__
_orders = OrderRecord.__table__
_users = UserRecord.__table__
_variants = VariantRecord.__table__
_products = ProductRecord.__table__

# Lines sold without a catalogue variant are told apart by their name.
_UNLINKED_NAME = case((_lines.c.variant_id.is_(None), _lines.c.product_name), else_=literal(""))
# A returned line's variant: its order line's, or (a no-receipt return) its own.
_RETURNED_VARIANT = func.coalesce(_returned.c.variant_id, _lines.c.variant_id)
_RETURNED_UNLINKED = case((_RETURNED_VARIANT.is_(None), _lines.c.product_name),
                          else_=literal(""))
# Order statuses whose lines were not sold after all.
NOT_SOLD = ("CANCELED", "CANCELLED")


@dataclass(frozen=True, slots=True)
class VariantUnits:
    """Units (and credit) of one variant, or of one unlinked line name, in one currency
    (returned units: for one reason)."""

    variant_id: int | None
    product_name: str
    currency: str
    units: int
    amount: int = 0
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Refunds:
    """Money refunded by one tender method at one cashier's documents."""

    method: str
    username: str
    display_name: str
    currency: str
    tenders: int
    amount: int


@dataclass(frozen=True, slots=True)
class VariantInfo:
    variant_id: int
    product_id: int
    product_name: str
    options: dict[str, Any]


def returned_rows(session: Session, where: list[ColumnElement[bool]]) -> list[VariantUnits]:
    """Units returned and credit given in the documents matching `where`, per variant (or
    unlinked line name), reason and currency."""
    rows = session.execute(
        select(_RETURNED_VARIANT, func.min(func.coalesce(_lines.c.product_name, literal(""))),
               _docs.c.currency, func.sum(_returned.c.quantity),
               func.sum(_returned.c.credit_minor), _returned.c.reason)
        .select_from(_returned.join(_docs, _docs.c.id == _returned.c.document_id)
                     .outerjoin(_lines, _lines.c.id == _returned.c.order_line_id))
        .where(*where)
        .group_by(_RETURNED_VARIANT, _RETURNED_UNLINKED, _returned.c.reason, _docs.c.currency))
    return [VariantUnits(variant, name, currency, int(units), int(credit), reason or "")
            for variant, name, currency, units, credit, reason in rows]


def returned_by_variant(session: Session, scope: DocumentRange) -> list[VariantUnits]:
    """Units returned and credit given in the range's documents, per variant and reason
    (one GROUP BY gives the reason, product and size sections)."""
    return returned_rows(session, scope.where())


def combine_returned(rows: Iterable[VariantUnits]) -> list[VariantUnits]:
    """Rows of several parts of a range (sealed blocks, documents outside them) added up as
    one GROUP BY over the whole range would give them."""
    summed: dict[tuple[int | None, str, str, str], VariantUnits] = {}
    for row in rows:
        key = (row.variant_id, row.product_name if row.variant_id is None else "", row.reason,
               row.currency)
        seen = summed.get(key)
        summed[key] = row if seen is None else VariantUnits(
            row.variant_id, min(seen.product_name, row.product_name), row.currency,
            seen.units + row.units, seen.amount + row.amount, row.reason)
    return list(summed.values())


def sold_by_variant(session: Session, start: datetime, end: datetime) -> list[VariantUnits]:
    """Units sold on orders placed in [start, end), per variant (cancelled orders left out)."""
    rows = session.execute(
        select(_lines.c.variant_id, func.min(_lines.c.product_name), _orders.c.currency,
               func.sum(_lines.c.quantity))
        .select_from(_lines.join(_orders, _orders.c.id == _lines.c.order_id))
        .where(_orders.c.placed_at >= start, _orders.c.placed_at < end,
               _orders.c.status.not_in(NOT_SOLD))
        .group_by(_lines.c.variant_id, _UNLINKED_NAME, _orders.c.currency))
    return [VariantUnits(variant, name, currency, int(units))
            for variant, name, currency, units in rows]


def variants(session: Session, ids: Iterable[int]) -> dict[int, VariantInfo]:
    """The catalogue's product and options of each variant in `ids`."""
    wanted = sorted(set(ids))
    found: dict[int, VariantInfo] = {}
    for first in range(0, len(wanted), 500):  # bounded IN lists
        for variant_id, product_id, name, options in session.execute(
                select(_variants.c.id, _variants.c.product_id, _products.c.name,
                       _variants.c.options)
                .join(_products, _products.c.id == _variants.c.product_id)
                .where(_variants.c.id.in_(wanted[first:first + 500]))):
            found[variant_id] = VariantInfo(variant_id, product_id, name, dict(options or {}))
    return found


@dataclass(frozen=True, slots=True)
class CashierRefunds:
    """Money refunded by one tender method at one cashier's (by id) documents."""

    method: str
    cashier_id: int | None
    currency: str
    tenders: int
    amount: int


def refund_rows(session: Session, where: list[ColumnElement[bool]]) -> list[CashierRefunds]:
    """Money refunded (tenders out, change taken off) per method, cashier id and currency in
    the documents matching `where`."""
    rows = session.execute(
        select(_tenders.c.method, _docs.c.cashier_id, _docs.c.currency, func.count(),
               func.sum(_tenders.c.amount_minor - _tenders.c.change_minor))
        .select_from(_tenders.join(_docs, _docs.c.id == _tenders.c.document_id))
        .where(*where, _tenders.c.direction == "out")
        .group_by(_tenders.c.method, _docs.c.cashier_id, _docs.c.currency))
    return [CashierRefunds(method, cashier, currency, int(count), int(amount))
            for method, cashier, currency, count, amount in rows]


def name_refunds(session: Session, rows: Iterable[CashierRefunds]) -> list[Refunds]:
    """Refund rows per cashier id added up per method, cashier (by user name, "-" for none)
    and currency, as the Reports show them."""
    rows = list(rows)
    users = {user_id: (name, shown) for user_id, name, shown in session.execute(
        select(_users.c.id, _users.c.username, _users.c.display_name)
        .where(_users.c.id.in_({r.cashier_id for r in rows if r.cashier_id is not None})))}
    summed: dict[tuple[str, str, str], Refunds] = {}
    for row in rows:
        name, shown = users.get(row.cashier_id, ("-", None))
        seen = summed.get(key := (row.method, name, row.currency))
        summed[key] = Refunds(row.method, name, shown or name, row.currency,
                              row.tenders + (seen.tenders if seen else 0),
                              row.amount + (seen.amount if seen else 0))
    return list(summed.values())


def refunds(session: Session, scope: DocumentRange) -> list[Refunds]:
    """Money refunded (tenders out, change taken off) per method and cashier (one GROUP BY
    gives both refund sections)."""
    return name_refunds(session, refund_rows(session, scope.where()))


def existing_products(session: Session, ids: Iterable[int]) -> set[int]:
    """Which of `ids` are products of the catalogue."""
    wanted = sorted(set(ids))
    return set(session.scalars(select(_products.c.id).where(_products.c.id.in_(wanted))))
