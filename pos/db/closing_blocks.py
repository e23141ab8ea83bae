"""Running totals for closing: the report figures of each full block of a terminal's documents.

A terminal's documents are numbered 1, 2, 3... without gaps (`counter_documents.sequence`).
Block k holds sequences k*BLOCK+1 .. (k+1)*BLOCK. When the block's last document commits, its
figures (`grouped_figures` over the block) are written in that same transaction; documents
never change afterwards (a correction is a new document, approvals are bound at commit), so a
sealed block is never rewritten. A Z over a sequence range then reads the sealed blocks inside
it and sums only the documents outside them directly: at most 2 * BLOCK documents plus one row
per block, whatever the range. Blocks are sequence ranges, not days, so they need no time zone
and stay exact when a clock steps back; a terminal's sequence is assigned under a row lock, so
the block's last number commits after all the others.

The same transaction writes the block's Reports sums (`report_blocks`: returned units per
variant and reason, refunds per method and cashier, and the block's earliest and latest
creation time), so a Reports period reads the blocks that fall wholly inside it
(`report_range`).
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

from sqlalchemy import and_, func, insert, not_, or_, select
from sqlalchemy.orm import Session

from pos.db import reports
from pos.db.closing import DocumentRange, document_span, grouped_figures
from pos.db.records import ClosingBlockRecord, CounterDocumentRecord, ReportBlockRecord
from pos.domain.closing import Figure, combine

BLOCK = 1000

_blocks = ClosingBlockRecord.__table__
_report_blocks = ReportBlockRecord.__table__
_docs = CounterDocumentRecord.__table__


def block_sequences(block: int) -> tuple[int, int]:
    """The first and last sequence of a block."""
    return block * BLOCK + 1, (block + 1) * BLOCK


def seal_block(session: Session, terminal_id: str, block: int, now: datetime) -> None:
    """Write the figures of one full block (in the transaction of its last document)."""
    first, last = block_sequences(block)
    scope = DocumentRange(terminal_id, first_sequence=first, last_sequence=last)
    figures = combine(grouped_figures(session, scope))
    session.execute(insert(_blocks).values(
        terminal_id=terminal_id, block=block, documents=document_span(session, scope)[0],
        figures=[asdict(f) for f in figures], sealed_at=now))
    first_at, last_at = session.execute(
        select(func.min(_docs.c.created_at), func.max(_docs.c.created_at))
        .where(*scope.where())).one()
    where = scope.where()
    session.execute(insert(_report_blocks).values(
        terminal_id=terminal_id, block=block, first_at=first_at, last_at=last_at,
        returned=[[r.variant_id, r.product_name, r.currency, r.units, r.amount, r.reason]
                  for r in reports.returned_rows(session, where)],
        refunds=[[r.method, r.cashier_id, r.currency, r.tenders, r.amount]
                 for r in reports.refund_rows(session, where)]))


def seal_if_last(session: Session, terminal_id: str, number: str, now: datetime) -> None:
    """Seal the block that the document `number` (T1-001000) completes, if it is its last."""
    sequence = int(number.rsplit("-", 1)[1])
    if sequence % BLOCK == 0:
        session.flush()  # the document's own rows, when the ORM still holds some
        seal_block(session, terminal_id, sequence // BLOCK - 1, now)


def range_figures(session: Session, scope: DocumentRange) -> list[Figure]:
    """`grouped_figures` of a report's range, reading sealed blocks where they cover it.

    A time-bounded or open-ended range is summed directly. The figures are the same either
    way once combined (`pos.domain.closing.combine` adds figures sharing a key).
    """
    last = scope.last_sequence
    if scope.start is not None or scope.end is not None or last is None:
        return grouped_figures(session, scope)
    first, terminal = scope.first_sequence, scope.terminal_id
    rows = session.execute(
        select(_blocks.c.block, _blocks.c.figures)
        .where(_blocks.c.terminal_id == terminal,
               _blocks.c.block >= (first - 1 + BLOCK - 1) // BLOCK,  # starts at or after first
               _blocks.c.block < last // BLOCK)  # ends at or before last
        .order_by(_blocks.c.block)).all()
    figures: list[Figure] = []
    cursor = first

    def direct(upto: int) -> None:
        if cursor <= upto:
            figures.extend(grouped_figures(session, DocumentRange(
                terminal, first_sequence=cursor, last_sequence=upto)))

    for block, stored in rows:
        low, high = block_sequences(block)
        direct(low - 1)
        figures.extend(Figure(**f) for f in stored)
        cursor = high + 1
    direct(last)
    return figures


def report_range(session: Session, scope: DocumentRange
                 ) -> tuple[list[reports.VariantUnits], list[reports.Refunds]]:
    """The Reports' returned units and refunds of a time range over every terminal, reading
    the sealed blocks whose documents all fall in it and summing the others directly.

    The same rows as `reports.returned_by_variant` and `reports.refunds` once combined (a
    block is read only when its earliest and latest documents are both inside the range, so
    a clock that stepped back costs speed, never exactness).
    """
    if scope.terminal_id is not None or scope.start is None or scope.end is None:
        return reports.returned_by_variant(session, scope), reports.refunds(session, scope)
    rows = session.execute(
        select(_report_blocks.c.terminal_id, _report_blocks.c.block,
               _report_blocks.c.returned, _report_blocks.c.refunds)
        .where(_report_blocks.c.first_at >= scope.start, _report_blocks.c.last_at < scope.end)
        .order_by(_report_blocks.c.terminal_id, _report_blocks.c.block)).all()
    spans: list[tuple[str, int, int]] = []  # (terminal, first, last sequence), merged
    for terminal, block, _, _ in rows:
        low, high = block_sequences(block)
        if spans and spans[-1][0] == terminal and spans[-1][2] == low - 1:
            spans[-1] = (terminal, spans[-1][1], high)
        else:
            spans.append((terminal, low, high))
    where = scope.where()
    if spans:
        where.append(not_(or_(*(and_(_docs.c.terminal_id == terminal,
                                     _docs.c.sequence.between(low, high))
                                for terminal, low, high in spans))))
    returned = reports.returned_rows(session, where) + [
        reports.VariantUnits(*row) for _, _, stored, _ in rows for row in stored]
    refunds = reports.refund_rows(session, where) + [
        reports.CashierRefunds(*row) for _, _, _, stored in rows for row in stored]
    return reports.combine_returned(returned), reports.name_refunds(session, refunds)
