"""Cash sessions, drawer moves and closures: the rows, and the grouped sums a report needs.

Everything runs inside the caller's transaction. A report's documents are chosen by a
`DocumentRange` (a terminal's sequence range for a Z, a time range for an X of a past day);
each section is one GROUP BY on the database (`grouped_figures`), so a Z over a year of
documents reads sums, never documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import ColumnElement, func, insert, select, update
from sqlalchemy.orm import Session

from pos.db.records import (
    ApprovalRecord,
    AuditEntryRecord,
    CashMovementRecord,
    CashSessionRecord,
    ClosureRecord,
    CounterDocumentRecord,
    DocumentNewLineRecord,
    DocumentReturnLineRecord,
    DocumentTenderRecord,
    OrderLineRecord,
    UserRecord,
)
from pos.domain.closing import CashFigures, Figure

_docs = CounterDocumentRecord.__table__
_tenders = DocumentTenderRecord.__table__
_returned = DocumentReturnLineRecord.__table__
_new = DocumentNewLineRecord.__table__
_order_lines = OrderLineRecord.__table__
_users = UserRecord.__table__
_approvals = ApprovalRecord.__table__
_sessions = CashSessionRecord.__table__
_moves = CashMovementRecord.__table__
_closures = ClosureRecord.__table__


# ---------------------------------------------------------------- cash sessions


@dataclass(frozen=True, slots=True)
class SessionRow:
    id: int
    terminal_id: str
    state: str
    currency: str
    opening_float: int
    opened_at: datetime
    counted: int | None
    variance: int | None


def _session_row(record: CashSessionRecord) -> SessionRow:
    return SessionRow(record.id, record.terminal_id, record.state, record.currency,
                      record.opening_float_minor, record.opened_at, record.counted_minor,
                      record.variance_minor)


def open_session(session: Session, terminal_id: str, *, lock: bool = False) -> SessionRow | None:
    """The terminal's open cash session, if any (row-locked on PostgreSQL when asked)."""
    query = select(CashSessionRecord).where(CashSessionRecord.terminal_id == terminal_id,
                                            CashSessionRecord.state == "open")
    if lock:
        query = query.with_for_update()
    record = session.scalar(query.order_by(CashSessionRecord.id.desc()).limit(1))
    return None if record is None else _session_row(record)


def open_session_id(session: Session, terminal_id: str) -> int | None:
    """The id of the terminal's open session: what a counter document is taken in."""
    return session.execute(
        select(_sessions.c.id).where(_sessions.c.terminal_id == terminal_id,
                                     _sessions.c.state == "open").limit(1)).scalar()


def insert_session(session: Session, *, terminal_id: str, currency: str, opening_float: int,
                   user_id: int | None, now: datetime) -> int:
    record = CashSessionRecord(terminal_id=terminal_id, state="open", currency=currency,
                               opening_float_minor=opening_float, opened_at=now,
                               opened_by_id=user_id, counts={})
    session.add(record)
    session.flush()
    return record.id


def insert_move(session: Session, *, session_id: int, kind: str, amount: int, reason: str,
                user_id: int | None, now: datetime) -> None:
    session.execute(insert(_moves).values(session_id=session_id, kind=kind, amount_minor=amount,
                                          reason=reason, user_id=user_id, created_at=now))


def session_cash(session: Session, row: SessionRow) -> CashFigures:
    """The drawer's figures so far: float, cash tenders (change taken off) and moves."""
    cash = session.execute(
        select(_tenders.c.direction,
               func.coalesce(func.sum(_tenders.c.amount_minor - _tenders.c.change_minor), 0))
        .join(_docs, _docs.c.id == _tenders.c.document_id)
        .where(_docs.c.cash_session_id == row.id, _tenders.c.method == "cash")
        .group_by(_tenders.c.direction)).all()
    moves = session.execute(
        select(_moves.c.kind, func.coalesce(func.sum(_moves.c.amount_minor), 0))
        .where(_moves.c.session_id == row.id).group_by(_moves.c.kind)).all()
    by_direction = {direction: int(total) for direction, total in cash}
    by_kind = {kind: int(total) for kind, total in moves}
    return CashFigures(row.currency, row.opening_float, by_direction.get("in", 0),
                       by_direction.get("out", 0), by_kind.get("paid_in", 0),
                       by_kind.get("paid_out", 0), row.counted)


def close_session(session: Session, session_id: int, *, counts: dict[str, int], counted: int,
                  expected: int, user_id: int | None, approved_by: int | None,
                  now: datetime) -> None:
    session.execute(update(_sessions).where(_sessions.c.id == session_id).values(
        state="closed", counts=counts, counted_minor=counted, expected_minor=expected,
        variance_minor=counted - expected, closed_by_id=user_id, approved_by_id=approved_by,
        closed_at=now))


def unclosed_sessions(session: Session, terminal_id: str) -> list[tuple[SessionRow, CashFigures]]:
    """The terminal's counted sessions not yet in a Z, oldest first, with their figures."""
    records = session.scalars(select(CashSessionRecord).where(
        CashSessionRecord.terminal_id == terminal_id, CashSessionRecord.state == "closed",
        CashSessionRecord.closure_id.is_(None)).order_by(CashSessionRecord.id)).all()
    rows = [_session_row(record) for record in records]
    return [(row, session_cash(session, row)) for row in rows]


def attach_sessions(session: Session, ids: list[int], closure_id: int) -> None:
    if ids:
        session.execute(update(_sessions).where(_sessions.c.id.in_(ids))
                        .values(closure_id=closure_id))


# ---------------------------------------------------------------- report figures


@dataclass(frozen=True, slots=True)
class DocumentRange:
    """Which documents a report covers: a terminal's sequence range, or a time range."""

    terminal_id: str
    first_sequence: int = 1
    last_sequence: int | None = None
    start: datetime | None = None
    end: datetime | None = None

    def where(self) -> list[ColumnElement[bool]]:
        clauses = [_docs.c.terminal_id == self.terminal_id,
                   _docs.c.sequence >= self.first_sequence]
        if self.last_sequence is not None:
            clauses.append(_docs.c.sequence <= self.last_sequence)
        if self.start is not None:
            clauses.append(_docs.c.created_at >= self.start)
        if self.end is not None:
            clauses.append(_docs.c.created_at < self.end)
        return clauses


def last_sequence(session: Session, terminal_id: str) -> int:
    """The terminal's highest document sequence so far (0 before its first document)."""
    return int(session.execute(select(func.coalesce(func.max(_docs.c.sequence), 0))
                               .where(_docs.c.terminal_id == terminal_id)).scalar_one())


def document_span(session: Session, scope: DocumentRange) -> tuple[int, str | None, str | None]:
    """How many documents the range holds, and its first and last numbers."""
    count, low, high = session.execute(
        select(func.count(), func.min(_docs.c.sequence), func.max(_docs.c.sequence))
        .where(*scope.where())).one()
    if not count:
        return 0, None, None
    numbers = dict(session.execute(select(_docs.c.sequence, _docs.c.number).where(
        _docs.c.terminal_id == scope.terminal_id, _docs.c.sequence.in_([low, high]))).all())
    return int(count), numbers.get(low), numbers.get(high)


def _rate(text: str) -> str:
    try:
        return f"{Decimal(text).normalize():f}%"  # "20%", "5.5%" (never "2E+1%")
    except InvalidOperation:
        return text


def grouped_figures(session: Session, scope: DocumentRange) -> list[Figure]:
    """Every section of a report, summed by the database (one GROUP BY per section)."""
    where = scope.where()
    joined = _docs.c.id
    figures: list[Figure] = []

    def rows(query: Any) -> list[Any]:
        return list(session.execute(query).all())

    for kind, currency, count, amount in rows(
            select(_docs.c.kind, _docs.c.currency, func.count(), func.sum(_docs.c.balance_minor))
            .where(*where).group_by(_docs.c.kind, _docs.c.currency)):
        figures.append(Figure("kind", kind, currency, int(count), int(amount)))
    for method, direction, currency, count, amount in rows(
            select(_tenders.c.method, _tenders.c.direction, _docs.c.currency, func.count(),
                   func.sum(_tenders.c.amount_minor - _tenders.c.change_minor))
            .join(_docs, joined == _tenders.c.document_id).where(*where)
            .group_by(_tenders.c.method, _tenders.c.direction, _docs.c.currency)):
        figures.append(Figure("tender", f"{method}/{direction}", currency, int(count),
                              int(amount)))
        if direction == "out":
            figures.append(Figure("refund_to", method, currency, int(count), int(amount)))
    for reason, currency, quantity, credit, tax, rate in rows(
            select(_returned.c.reason, _docs.c.currency, func.sum(_returned.c.quantity),
                   func.sum(_returned.c.credit_minor), func.sum(_returned.c.tax_minor),
                   _order_lines.c.tax_rate)
            .join(_docs, joined == _returned.c.document_id)
            .join(_order_lines, _order_lines.c.id == _returned.c.order_line_id).where(*where)
            .group_by(_returned.c.reason, _docs.c.currency, _order_lines.c.tax_rate)):
        figures.append(Figure("reason", reason or "-", currency, int(quantity), int(credit)))
        figures.append(Figure("vat", _rate(rate), currency, 0, -int(credit), -int(tax)))
    for rate, currency, total, tax in rows(
            select(_new.c.tax_rate, _docs.c.currency, func.sum(_new.c.total_minor),
                   func.sum(_new.c.tax_minor))
            .join(_docs, joined == _new.c.document_id).where(*where)
            .group_by(_new.c.tax_rate, _docs.c.currency)):
        figures.append(Figure("vat", _rate(rate), currency, 0, int(total), int(tax)))
    for currency, fees, shipping in rows(
            select(_docs.c.currency, func.sum(_docs.c.fees_minor),
                   func.sum(_docs.c.shipping_refund_minor))
            .where(*where).group_by(_docs.c.currency)):
        if fees:  # fees carry no separate tax part (DESIGN §3 rule 5)
            figures.append(Figure("vat", "fees", currency, 0, int(fees), 0))
        if shipping:
            figures.append(Figure("vat", "shipping", currency, 0, -int(shipping), 0))
    for username, currency, count, amount in rows(
            select(func.coalesce(_users.c.username, "-"), _docs.c.currency, func.count(),
                   func.sum(_docs.c.balance_minor))
            .select_from(_docs.outerjoin(_users, _users.c.id == _docs.c.cashier_id))
            .where(*where).group_by(_users.c.username, _docs.c.currency)):
        figures.append(Figure("cashier", username, currency, int(count), int(amount)))
    for username, currency, count in rows(
            select(_users.c.username, _docs.c.currency, func.count())
            .select_from(_approvals.join(_docs, joined == _approvals.c.document_id)
                         .join(_users, _users.c.id == _approvals.c.approver_id))
            .where(*where).group_by(_users.c.username, _docs.c.currency)):
        figures.append(Figure("approver", username, currency, int(count), 0))
    return figures


# ---------------------------------------------------------------- closures


@dataclass(frozen=True, slots=True)
class ClosureRow:
    id: int
    number: int
    kind: str
    terminal_id: str
    period: str
    closed_at: datetime
    closed_by: str
    prev_hash: str
    audit_head_hash: str
    audit_count: int
    first_sequence: int
    last_sequence: int
    report: dict[str, Any]
    hash: str
    signature: str
    public_key: str


_CLOSURE_COLUMNS = [getattr(_closures.c, name) for name in ClosureRow.__slots__]


def _closure(row: Any) -> ClosureRow:
    return ClosureRow(*row)


def closures(session: Session, *, kind: str | None = None, terminal_id: str | None = None,
             period_prefix: str | None = None) -> list[ClosureRow]:
    """Closures in number order, optionally of one kind, terminal and period (prefix)."""
    query = select(*_CLOSURE_COLUMNS).order_by(_closures.c.number)
    if kind is not None:
        query = query.where(_closures.c.kind == kind)
    if terminal_id is not None:
        query = query.where(_closures.c.terminal_id == terminal_id)
    if period_prefix is not None:
        query = query.where(_closures.c.period.startswith(period_prefix))
    return [_closure(row) for row in session.execute(query)]


def last_closure(session: Session, *, kind: str | None = None,
                 terminal_id: str | None = None) -> ClosureRow | None:
    query = select(*_CLOSURE_COLUMNS).order_by(_closures.c.number.desc()).limit(1)
    if kind is not None:
        query = query.where(_closures.c.kind == kind)
    if terminal_id is not None:
        query = query.where(_closures.c.terminal_id == terminal_id)
    row = session.execute(query).first()
    return None if row is None else _closure(row)


def insert_closure(session: Session, fields: dict[str, Any]) -> int:
    return int(session.execute(insert(_closures).values(**fields)
                               .returning(_closures.c.id)).scalar_one())


def audit_head(session: Session) -> tuple[str, int]:
    """The audit chain's newest hash and its number of entries, now."""
    count = int(session.execute(select(func.count()).select_from(AuditEntryRecord)).scalar_one())
    head = session.execute(select(AuditEntryRecord.hash).order_by(AuditEntryRecord.id.desc())
                           .limit(1)).scalar()
    return head or "0" * 64, count
