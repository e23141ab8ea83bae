"""Cash sessions, drawer moves and closures: the rows, and the grouped sums a report needs.

Everything runs inside the caller's transaction. A report's documents are chosen by a
`DocumentRange` (a terminal's sequence range for a Z, a time range for an X of a past day);
each section is one GROUP BY on the database (`grouped_figures`), so a Z over a year of
documents reads sums, never documents.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
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
from pos.db.types import rowcount
from pos.domain.closing import CashFigures, Figure
from pos.domain.states import CashSessionState, check_cash_session

OPEN, CLOSED = CashSessionState.OPEN, CashSessionState.CLOSED

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
    stored: CashFigures | None = None  # as counted at close (None while open, or before 0007)


def _session_row(record: CashSessionRecord) -> SessionRow:
    cash_in, cash_out = record.cash_in_minor, record.cash_out_minor
    paid_in, paid_out = record.paid_in_minor, record.paid_out_minor
    stored = None
    if (cash_in is not None and cash_out is not None and paid_in is not None
            and paid_out is not None):  # before 0007 a closed session has no stored figures
        stored = CashFigures(record.currency, record.opening_float_minor, cash_in, cash_out,
                             paid_in, paid_out, record.counted_minor)
    return SessionRow(record.id, record.terminal_id, record.state, record.currency,
                      record.opening_float_minor, record.opened_at, record.counted_minor,
                      record.variance_minor, stored)


def open_session(session: Session, terminal_id: str, *, lock: bool = False) -> SessionRow | None:
    """The terminal's open cash session, if any (row-locked on PostgreSQL when asked)."""
    query = select(CashSessionRecord).where(CashSessionRecord.terminal_id == terminal_id,
                                            CashSessionRecord.state == OPEN)
    if lock:
        query = query.with_for_update()
    record = session.scalar(query.order_by(CashSessionRecord.id.desc()).limit(1))
    return None if record is None else _session_row(record)


def open_session_id(session: Session, terminal_id: str) -> int | None:
    """The id of the terminal's open session: what a counter document is taken in."""
    return session.execute(
        select(_sessions.c.id).where(_sessions.c.terminal_id == terminal_id,
                                     _sessions.c.state == OPEN).limit(1)).scalar()


def insert_session(session: Session, *, terminal_id: str, currency: str, opening_float: int,
                   user_id: int | None, now: datetime) -> int:
    record = CashSessionRecord(terminal_id=terminal_id, state=OPEN, currency=currency,
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
    """The drawer's figures so far: float, cash tenders (change taken off) and moves.

    A session closed since revision 0007 gives the figures stored at its close.
    """
    if row.stored is not None:
        return row.stored
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
                  figures: CashFigures, user_id: int | None, approved_by: int | None,
                  now: datetime) -> None:
    """Close with the count and the figures it was made against (kept for the Z); checked:
    only an open session closes."""
    current = session.scalar(select(_sessions.c.state).where(_sessions.c.id == session_id))
    session.execute(update(_sessions).where(_sessions.c.id == session_id).values(
        state=check_cash_session(str(current), CLOSED), counts=counts, counted_minor=counted,
        expected_minor=figures.expected,
        variance_minor=counted - figures.expected, closed_by_id=user_id,
        approved_by_id=approved_by, closed_at=now, cash_in_minor=figures.cash_in,
        cash_out_minor=figures.cash_out, paid_in_minor=figures.paid_in,
        paid_out_minor=figures.paid_out))


def use_approval(session: Session, approval_id: int, session_id: int) -> bool:
    """Bind an approval to the drawer close it allowed; False when it was already used.

    One UPDATE guarded by "not yet used", so two closes racing for one approval cannot both
    take it (the loser sees 0 rows).
    """
    result = session.execute(update(_approvals).where(
        _approvals.c.id == approval_id, _approvals.c.document_id.is_(None),
        _approvals.c.cash_session_id.is_(None)).values(cash_session_id=session_id))
    return rowcount(result) == 1


def unclosed_sessions(session: Session, terminal_id: str) -> list[tuple[SessionRow, CashFigures]]:
    """The terminal's counted sessions not yet in a Z, oldest first, with their figures."""
    records = session.scalars(select(CashSessionRecord).where(
        CashSessionRecord.terminal_id == terminal_id, CashSessionRecord.state == CLOSED,
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
    """Which documents a report covers: a terminal's sequence range, or a time range.

    With `terminal_id` None the range spans every terminal of the shop (the Reports screen).
    """

    terminal_id: str | None
    first_sequence: int = 1
    last_sequence: int | None = None
    start: datetime | None = None
    end: datetime | None = None

    def where(self) -> list[ColumnElement[bool]]:
        clauses = [] if self.terminal_id is None else [
            _docs.c.terminal_id == self.terminal_id, _docs.c.sequence >= self.first_sequence]
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


def _kinds(session: Session, where: list[ColumnElement[bool]]) -> Iterator[Figure]:
    for kind, currency, count, amount in session.execute(
            select(_docs.c.kind, _docs.c.currency, func.count(), func.sum(_docs.c.balance_minor))
            .where(*where).group_by(_docs.c.kind, _docs.c.currency)):
        yield Figure("kind", kind, currency, int(count), int(amount))


def _tenders_figures(session: Session, where: list[ColumnElement[bool]]) -> Iterator[Figure]:
    for method, direction, currency, count, amount in session.execute(
            select(_tenders.c.method, _tenders.c.direction, _docs.c.currency, func.count(),
                   func.sum(_tenders.c.amount_minor - _tenders.c.change_minor))
            .join(_docs, _docs.c.id == _tenders.c.document_id).where(*where)
            .group_by(_tenders.c.method, _tenders.c.direction, _docs.c.currency)):
        yield Figure("tender", f"{method}/{direction}", currency, int(count), int(amount))
        if direction == "out":
            yield Figure("refund_to", method, currency, int(count), int(amount))


def _reasons(session: Session, where: list[ColumnElement[bool]]) -> Iterator[Figure]:
    # A no-receipt return's line has no order line: its own rate (docs/no-receipt.md).
    rate_of = func.coalesce(_returned.c.tax_rate, _order_lines.c.tax_rate)
    for reason, currency, quantity, credit, tax, rate in session.execute(
            select(_returned.c.reason, _docs.c.currency, func.sum(_returned.c.quantity),
                   func.sum(_returned.c.credit_minor), func.sum(_returned.c.tax_minor), rate_of)
            .select_from(_returned.join(_docs, _docs.c.id == _returned.c.document_id)
                         .outerjoin(_order_lines, _order_lines.c.id == _returned.c.order_line_id))
            .where(*where).group_by(_returned.c.reason, _docs.c.currency, rate_of)):
        yield Figure("reason", reason or "-", currency, int(quantity), int(credit))
        yield Figure("vat", _rate(rate), currency, 0, -int(credit), -int(tax))


def _new_lines(session: Session, where: list[ColumnElement[bool]]) -> Iterator[Figure]:
    for rate, currency, total, tax in session.execute(
            select(_new.c.tax_rate, _docs.c.currency, func.sum(_new.c.total_minor),
                   func.sum(_new.c.tax_minor))
            .join(_docs, _docs.c.id == _new.c.document_id).where(*where)
            .group_by(_new.c.tax_rate, _docs.c.currency)):
        yield Figure("vat", _rate(rate), currency, 0, int(total), int(tax))


def _fees(session: Session, where: list[ColumnElement[bool]]) -> Iterator[Figure]:
    for currency, fees, shipping in session.execute(
            select(_docs.c.currency, func.sum(_docs.c.fees_minor),
                   func.sum(_docs.c.shipping_refund_minor))
            .where(*where).group_by(_docs.c.currency)):
        if fees:  # fees carry no separate tax part (DESIGN §3 rule 5)
            yield Figure("vat", "fees", currency, 0, int(fees), 0)
        if shipping:
            yield Figure("vat", "shipping", currency, 0, -int(shipping), 0)


def _cashiers(session: Session, where: list[ColumnElement[bool]]) -> Iterator[Figure]:
    for username, currency, count, amount in session.execute(
            select(func.coalesce(_users.c.username, "-"), _docs.c.currency, func.count(),
                   func.sum(_docs.c.balance_minor))
            .select_from(_docs.outerjoin(_users, _users.c.id == _docs.c.cashier_id))
            .where(*where).group_by(_users.c.username, _docs.c.currency)):
        yield Figure("cashier", username, currency, int(count), int(amount))


def _approvers(session: Session, where: list[ColumnElement[bool]]) -> Iterator[Figure]:
    for username, currency, count in session.execute(
            select(_users.c.username, _docs.c.currency, func.count())
            .select_from(_approvals.join(_docs, _docs.c.id == _approvals.c.document_id)
                         .join(_users, _users.c.id == _approvals.c.approver_id))
            .where(*where).group_by(_users.c.username, _docs.c.currency)):
        yield Figure("approver", username, currency, int(count), 0)


_SECTIONS: dict[str, Callable[[Session, list[ColumnElement[bool]]], Iterator[Figure]]] = {
    "kind": _kinds, "tender": _tenders_figures, "reason": _reasons, "new_lines": _new_lines,
    "fees": _fees, "cashier": _cashiers, "approver": _approvers,
}


def grouped_figures(session: Session, scope: DocumentRange,
                    sections: Iterable[str] = tuple(_SECTIONS)) -> list[Figure]:
    """The sections of a report, summed by the database (one GROUP BY per section).

    Args:
        session: The caller's session.
        scope: Which documents.
        sections: Which GROUP BYs to run ("kind", "tender" (with "refund_to"), "reason"
            (with the returns' "vat"), "new_lines", "fees", "cashier", "approver"); all of
            them for a Z, fewer for the Reports screen.
    """
    where = scope.where()
    return [figure for name in sections for figure in _SECTIONS[name](session, where)]


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


def closure_by_number(session: Session, number: int) -> ClosureRow | None:
    row = session.execute(select(*_CLOSURE_COLUMNS).where(_closures.c.number == number)).first()
    return None if row is None else _closure(row)


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
