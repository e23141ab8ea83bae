"""Counter documents written in bulk with Core, as the commits would have left them.

For tests and benchmarks that need thousands of documents (a busy year, a Z over several
closing blocks): each document has a return line, a tender, a new line for every third one
and its audit entry in the chain, and the closing blocks they complete are sealed, as
`ReturnsService.commit` seals them. Generation is not what is measured.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import Connection, insert, select, update

from pos.db.audit import entry_hash
from pos.db.closing_blocks import BLOCK, seal_block
from pos.db.records import (
    ApprovalRecord,
    AuditEntryRecord,
    CashSessionRecord,
    CounterDocumentRecord,
    DocumentNewLineRecord,
    DocumentReturnLineRecord,
    DocumentTenderRecord,
    OrderLineRecord,
    TerminalSequenceRecord,
    VariantRecord,
)
from tests.support.shop import Shop, sell

BATCH = 20_000


def chain(rows: list[dict[str, object]], prev: str) -> str:
    """Give each audit row its prev_hash and hash, in order; returns the last hash."""
    for row in rows:
        row["prev_hash"] = prev
        row["hash"] = prev = entry_hash(prev, created_at=row["created_at"],  # type: ignore[arg-type]
                                        actor_id=None, action=row["action"],  # type: ignore[arg-type]
                                        subject=row["subject"], data=row["data"])  # type: ignore[arg-type]
    return prev


class BulkDocuments:
    """Refunds and exchanges of one sold order on terminal T1, numbered on from the last.

    `cashiers` are the user ids (or None) the documents take in turn; `varied` spreads the
    amounts, returned lines and VAT rates, and binds an approval by `approver` to every fifth
    document (the benchmark keeps them all alike).
    """

    def __init__(self, shop: Shop, *, cashiers: tuple[int | None, ...] = (None,),
                 varied: bool = False, approver: int | None = None) -> None:
        self.engine = shop.sessions.kw["bind"]
        self.cashiers, self.spread, self.approver = cashiers, 7 if varied else 1, approver
        self.order = sell(shop, "1", [("T-S-M", 1), ("JEA-M", 1)])
        with shop.sessions() as s:
            self.lines = list(s.scalars(select(OrderLineRecord.id)
                                        .where(OrderLineRecord.order_id == self.order)))
            self.variant = s.scalar(select(VariantRecord.id).where(VariantRecord.sku == "JEA-L"))
            self.drawer = s.scalar(select(CashSessionRecord.id))
        self.written = 0

    def write(self, count: int, start: datetime, span: timedelta) -> None:
        """`count` documents spread over [start, start + span), then the blocks they fill."""
        step = span / max(count, 1)
        first = self.written
        with self.engine.begin() as connection:
            self.prev = connection.execute(  # a Z appended its own entry since the last batch
                select(AuditEntryRecord.hash).order_by(AuditEntryRecord.id.desc()).limit(1)
            ).scalar_one()
            for low in range(0, count, BATCH):
                self._batch(connection, range(low, min(low + BATCH, count)), start, step)
            numbers = TerminalSequenceRecord.__table__
            if not connection.execute(update(numbers).where(numbers.c.terminal_id == "T1")
                                      .values(next_number=self.written + 1)).rowcount:
                connection.execute(insert(numbers).values(terminal_id="T1",
                                                          next_number=self.written + 1))
            for block in range(first // BLOCK, self.written // BLOCK):
                seal_block(connection, "T1", block, start + span)  # type: ignore[arg-type]

    def _batch(self, connection: Connection, indexes: range, start: datetime,
               step: timedelta) -> None:
        docs, returned, new, tenders, audit, approvals = [], [], [], [], [], []
        for i in indexes:
            n = self.written = self.written + 1
            doc_id, number = str(uuid.uuid4()), f"T1-{n:06d}"
            when, exchange, extra = start + step * i, n % 3 == 0, n % self.spread
            price = 7990 + extra
            balance = price - 2990 if exchange else -2990
            docs.append({"id": doc_id, "number": number, "number_norm": number,
                         "terminal_id": "T1", "kind": "exchange" if exchange else "refund",
                         "status": "completed", "order_id": self.order,
                         "cashier_id": self.cashiers[n % len(self.cashiers)],
                         "currency": "EUR", "returned_credit_minor": 2990,
                         "new_items_minor": price if exchange else 0, "fees_minor": 0,
                         "shipping_refund_minor": 0, "balance_minor": balance,
                         "customer_note": "", "language": "fr", "created_at": when,
                         "sequence": n, "cash_session_id": self.drawer})
            returned.append({"document_id": doc_id, "order_line_id": self.lines[extra % 2],
                             "quantity": 1, "credit_minor": 2990, "tax_minor": 498,
                             "disposition": "restock",
                             "reason": ("trop petit", "défaut", "")[n % 3]})
            if exchange:
                new.append({"document_id": doc_id, "variant_id": self.variant, "quantity": 1,
                            "unit_price_minor": price, "total_minor": price, "tax_minor": 1332,
                            "tax_rate": ("20", "5.5")[extra % 2],
                            "pricing_basis": "current_price"})
            tenders.append({"document_id": doc_id, "method": ("card", "cash")[n % 2],
                            "direction": "in" if exchange else "out",
                            "amount_minor": abs(balance), "change_minor": 0, "reference": ""})
            if self.approver is not None and n % 5 == 0:
                approvals.append({"document_id": doc_id, "rule": "over_threshold",
                                  "approver_id": self.approver, "reason": "",
                                  "created_at": when})
            audit.append({"created_at": when, "actor_id": None,
                          "action": "document_exchange" if exchange else "document_refund",
                          "subject": number, "data": {"balance": balance}})
        self.prev = chain(audit, self.prev)
        for record, rows in ((CounterDocumentRecord, docs), (DocumentReturnLineRecord, returned),
                             (DocumentNewLineRecord, new), (DocumentTenderRecord, tenders),
                             (ApprovalRecord, approvals), (AuditEntryRecord, audit)):
            if rows:
                connection.execute(insert(record.__table__), rows)
