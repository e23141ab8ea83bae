"""The rows of a period archive (docs/closing.md, "The archive"): one table per file.

Each function returns (header, rows) with plain values (str, int, None), read with Core in
one query per table, oldest first; money stays integer minor units.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from pos.db.records import (
    AuditEntryRecord,
    CashMovementRecord,
    CashSessionRecord,
    ClosureRecord,
    CounterDocumentRecord,
    DocumentFeeRecord,
    DocumentNewLineRecord,
    DocumentReturnLineRecord,
    DocumentTenderRecord,
    OrderLineRecord,
    OrderRecord,
    ProductRecord,
    UserRecord,
    VariantRecord,
)

Table = tuple[list[str], Iterator[tuple[Any, ...]]]

_docs = CounterDocumentRecord.__table__
_users = UserRecord.__table__


def _documents_where(start: datetime, end: datetime, terminal: str | None
                     ) -> list[ColumnElement[bool]]:
    clauses = [_docs.c.created_at >= start, _docs.c.created_at < end]
    if terminal is not None:
        clauses.append(_docs.c.terminal_id == terminal)
    return clauses


def _stream(session: Session, query: Select[Any]) -> Iterator[tuple[Any, ...]]:
    for row in session.execute(query):
        yield tuple(value.isoformat() if isinstance(value, datetime) else value
                    for value in row)


def _table(session: Session, query: Select[Any]) -> Table:
    return [column.name for column in query.selected_columns], _stream(session, query)


def period_tables(session: Session, start: datetime, end: datetime, terminal: str | None
                  ) -> dict[str, Table]:
    """Every table of the archive for [start, end) and, when given, one terminal."""
    where = _documents_where(start, end, terminal)
    doc_ids = select(_docs.c.id).where(*where)
    order = OrderRecord.__table__
    documents = (
        select(_docs.c.id, _docs.c.number, _docs.c.terminal_id, _docs.c.sequence, _docs.c.kind,
               _docs.c.status, order.c.number.label("order_number"),
               _users.c.username.label("cashier"), _docs.c.currency,
               _docs.c.returned_credit_minor, _docs.c.new_items_minor, _docs.c.fees_minor,
               _docs.c.shipping_refund_minor, _docs.c.balance_minor, _docs.c.cash_session_id,
               _docs.c.created_at)
        .select_from(_docs.outerjoin(order, order.c.id == _docs.c.order_id)
                     .outerjoin(_users, _users.c.id == _docs.c.cashier_id))
        .where(*where).order_by(_docs.c.terminal_id, _docs.c.sequence))
    returned, lines = DocumentReturnLineRecord.__table__, OrderLineRecord.__table__
    # A no-receipt return's line names a variant, not an order line (docs/no-receipt.md).
    variants, products = VariantRecord.__table__, ProductRecord.__table__
    tables = {
        "documents.csv": _table(session, documents),
        "return_lines.csv": _table(session, select(
            returned.c.id, returned.c.document_id,
            func.coalesce(lines.c.sku, variants.c.sku).label("sku"),
            func.coalesce(lines.c.product_name, products.c.name).label("product_name"),
            returned.c.quantity, returned.c.credit_minor, returned.c.tax_minor,
            func.coalesce(returned.c.tax_rate, lines.c.tax_rate).label("tax_rate"),
            returned.c.disposition, returned.c.reason)
            .select_from(returned.outerjoin(lines, lines.c.id == returned.c.order_line_id)
                         .outerjoin(variants, variants.c.id == returned.c.variant_id)
                         .outerjoin(products, products.c.id == variants.c.product_id))
            .where(returned.c.document_id.in_(doc_ids)).order_by(returned.c.id)),
    }
    for name, record in (("new_lines.csv", DocumentNewLineRecord),
                         ("fees.csv", DocumentFeeRecord), ("tenders.csv", DocumentTenderRecord)):
        table = record.__table__
        tables[name] = _table(session, select(*table.c).where(
            table.c.document_id.in_(doc_ids)).order_by(table.c.id))
    sessions = CashSessionRecord.__table__
    session_where = [sessions.c.opened_at >= start, sessions.c.opened_at < end]
    if terminal is not None:
        session_where.append(sessions.c.terminal_id == terminal)
    tables["cash_sessions.csv"] = _table(session, select(*sessions.c).where(*session_where)
                                         .order_by(sessions.c.id))
    moves = CashMovementRecord.__table__
    tables["cash_movements.csv"] = _table(session, select(*moves.c).where(
        moves.c.session_id.in_(select(sessions.c.id).where(*session_where)))
        .order_by(moves.c.id))
    audit = AuditEntryRecord.__table__
    first, last = audit_span(session, start, end)
    tables["audit_entries.jsonl"] = _table(session, select(*audit.c).where(
        audit.c.id >= first, audit.c.id <= last).order_by(audit.c.id))
    return tables


def audit_span(session: Session, start: datetime, end: datetime) -> tuple[int, int]:
    """The ids of the first and last audit entries of [start, end): a contiguous piece of
    the chain (by id, the chain's order), even if terminals' clocks disagreed a little."""
    audit = AuditEntryRecord.__table__
    first, last = session.execute(select(func.min(audit.c.id), func.max(audit.c.id)).where(
        audit.c.created_at >= start, audit.c.created_at < end)).one()
    return (0, -1) if first is None else (int(first), int(last))


def period_closures(session: Session, period: str, terminal: str | None) -> Table:
    """The closures of the period: the terminal's (or every) Z, and the shop's own."""
    closures = ClosureRecord.__table__
    query = select(*closures.c).where(closures.c.period.startswith(period))
    if terminal is not None:
        query = query.where(closures.c.terminal_id.in_([terminal, ""]))
    return _table(session, query.order_by(closures.c.number))


def audit_before(session: Session, first_id: int) -> str:
    """The hash of the entry before `first_id`: where the archive's piece of chain starts."""
    audit = AuditEntryRecord.__table__
    found = session.execute(select(audit.c.hash).where(audit.c.id < first_id)
                            .order_by(audit.c.id.desc()).limit(1)).scalar()
    return found or "0" * 64
