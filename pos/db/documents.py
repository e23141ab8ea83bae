"""Writing a committed counter document: domain values in, rows out, in the caller's transaction.

`ReturnsService.commit` orchestrates (policy, approvals, settlement, write-back plan) and owns
the transaction; this module alone knows the document's tables and columns. A
`DocumentWriter` inserts the document row at once (gift-card entries, approvals and stock
movements refer to it), applies stock levels at once (the guard against overselling must see
concurrent terminals), and keeps every other child row until `finish`, which inserts them
with one statement per table (DESIGN §1: the commit's child rows are the hot path). Nothing
here commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from pos.db.outbox import enqueue_all
from pos.db.records import (
    CounterDocumentRecord,
    DocumentFeeRecord,
    DocumentNewLineRecord,
    DocumentReturnLineRecord,
    DocumentTenderRecord,
    PrintJobRecord,
    StockLevelRecord,
    StockMovementRecord,
    TerminalSequenceRecord,
)
from pos.domain.money import Money
from pos.domain.returns import DocumentKind, Quote
from pos.domain.settlement import Tender
from pos.domain.states import DocumentState, PrintJobState


@dataclass(frozen=True, slots=True)
class DocumentHeader:
    """What the document row says besides the quote's figures."""

    id: str
    number: str
    terminal_id: str
    kind: DocumentKind
    order_id: int | None  # None for a no-receipt return
    cashier_id: int | None
    note: str
    notify_email: str | None
    language: str
    created_at: datetime
    cash_session_id: int
    customer_id: int | None = None  # a no-receipt return's customer (the credit's holder)


@dataclass(frozen=True, slots=True)
class ValuedVariant:
    """What a no-receipt return's line names instead of an order line."""

    variant_id: int
    tax_rate: str
    basis: str  # pos.domain.no_receipt.ValuationBasis
    sold_at: datetime | None


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


def apply_stock_delta(session: Session, *, variant_id: int, delta: int, now: datetime) -> bool:
    """Move a variant's on-hand stock atomically; False when it would go below zero.

    A Core statement on the session's connection: the guard `on_hand >= -delta` makes
    concurrent terminals unable to oversell.
    """
    connection = session.connection()
    level = StockLevelRecord.__table__
    if delta < 0:
        result = connection.execute(update(level).where(
            level.c.variant_id == variant_id, level.c.on_hand >= -delta)
            .values(on_hand=level.c.on_hand + delta, updated_at=now))
        return result.rowcount == 1
    if delta > 0:
        result = connection.execute(update(level).where(level.c.variant_id == variant_id)
                                    .values(on_hand=level.c.on_hand + delta, updated_at=now))
        if result.rowcount != 1:
            connection.execute(insert(level).values(variant_id=variant_id, on_hand=delta,
                                                    updated_at=now))
    return True


class DocumentWriter:
    """One counter document's rows, written inside the caller's transaction.

    Made with `DocumentWriter.start` (which inserts the document row); the service then
    moves stock, records tenders, queues outbox messages and print jobs, and calls `finish`.
    """

    def __init__(self, session: Session, header: DocumentHeader, quote: Quote) -> None:
        self._session, self._header, self._quote = session, header, quote
        self._tenders: list[dict[str, Any]] = []
        self._movements: list[dict[str, Any]] = []
        self._messages: list[dict[str, Any]] = []
        self._print_jobs: list[dict[str, Any]] = []
        self._variant_lines: dict[str, ValuedVariant] | None = None

    @classmethod
    def start(cls, session: Session, header: DocumentHeader, quote: Quote) -> DocumentWriter:
        """Insert the document row (its children refer to it) and return its writer."""
        session.connection().execute(insert(CounterDocumentRecord.__table__), [
            _document_row(header, quote)])
        return cls(session, header, quote)

    @property
    def header(self) -> DocumentHeader:
        return self._header

    def move_stock(self, *, variant_id: int, delta: int, reason: str, owner: str,
                   user_id: int | None) -> bool:
        """Apply a stock movement now and record it with the document's rows.

        Args:
            owner: "pos" when the counter pushes the delta to Wix, "wix" when a Wix order
                call carries it (docs/stock.md).

        Returns:
            False, with nothing recorded, when it would take the stock below zero.
        """
        now = self._header.created_at
        if not apply_stock_delta(self._session, variant_id=variant_id, delta=delta, now=now):
            return False
        self._movements.append({
            "variant_id": variant_id, "delta": delta, "reason": reason, "owner": owner,
            "document_id": self._header.id, "user_id": user_id, "note": "",
            "created_at": now, "pushed_at": None})
        return True

    def name_variants(self, lines: dict[str, ValuedVariant]) -> None:
        """A no-receipt return: each quoted part's `line_id` is a key of `lines`, giving the
        variant, VAT rate and valuation its row names instead of an order line."""
        self._variant_lines = dict(lines)

    def add_tender(self, tender: Tender, *, refund: bool, change: Money,
                   gift_card_id: int | None) -> None:
        """A tender as settled: collected (`refund` False) or paid out, with the card it used."""
        self._tenders.append({
            "document_id": self._header.id, "method": tender.method.value,
            "direction": "out" if refund else "in", "amount_minor": tender.amount.minor,
            "change_minor": change.minor, "reference": tender.reference or (
                tender.gift_card_code or ""),
            "payment_id": int(tender.payment_id) if tender.payment_id else None,
            "gift_card_id": gift_card_id})

    def queue_message(self, *, destination: str, kind: str, object_key: str,
                      payload: dict[str, Any]) -> None:
        """An outbox message of this document; messages keep the order they are queued in."""
        self._messages.append({"destination": destination, "kind": kind,
                               "object_key": object_key, "payload": payload,
                               "document_id": self._header.id})

    def queue_print_job(self, kind: str) -> None:
        """A print job (`receipt`, `gift_card_slip`) for the print queue."""
        self._print_jobs.append({
            "document_id": self._header.id, "kind": kind, "created_at": self._header.created_at,
            "duplicate": False, "printer": "", "state": PrintJobState.QUEUED.value,
            "attempts": 0, "last_error": "", "data": None})

    def finish(self) -> None:
        """Insert the lines, fees, tenders, movements, outbox messages and print jobs."""
        document_id, quote = self._header.id, self._quote
        variants = self._variant_lines or {}
        self._insert(DocumentReturnLineRecord, [{
            "document_id": document_id,
            **_line_source(part.line_id, variants.get(part.line_id)),
            "quantity": part.quantity, "credit_minor": part.credit.minor,
            "tax_minor": part.tax.minor, "disposition": part.disposition.value,
            "reason": part.reason} for part in quote.returns])
        self._insert(DocumentNewLineRecord, [{
            "document_id": document_id, "variant_id": int(item.item.variant_id),
            "quantity": item.quantity, "unit_price_minor": item.item.unit_price.minor,
            "total_minor": item.total.minor, "tax_minor": item.tax.minor,
            "tax_rate": str(item.item.tax_rate), "pricing_basis": item.basis.value,
            "replaces_line_id": int(item.replaces_line_id) if item.replaces_line_id else None}
            for item in quote.new_items])
        self._insert(DocumentFeeRecord, [
            {"document_id": document_id, "kind": kind, "amount_minor": amount.minor}
            for kind, amount in (("restocking", quote.fees.restocking),
                                 ("flat_return", quote.fees.flat)) if amount.minor])
        self._insert(DocumentTenderRecord, self._tenders)
        self._insert(StockMovementRecord, self._movements)
        enqueue_all(self._session, self._messages, now=self._header.created_at)
        self._insert(PrintJobRecord, self._print_jobs)

    def _insert(self, record: Any, rows: list[dict[str, Any]]) -> None:
        if rows:
            self._session.connection().execute(insert(record.__table__), rows)


def _line_source(line_id: str, variant: ValuedVariant | None) -> dict[str, Any]:
    """The order line a return line takes back, or (no receipt) the variant and its value."""
    if variant is None:
        return {"order_line_id": int(line_id), "variant_id": None, "tax_rate": None,
                "valuation_basis": None, "sold_at": None}
    return {"order_line_id": None, "variant_id": variant.variant_id,
            "tax_rate": variant.tax_rate, "valuation_basis": variant.basis,
            "sold_at": variant.sold_at}


def _document_row(header: DocumentHeader, quote: Quote) -> dict[str, Any]:
    return {
        "id": header.id, "number": header.number, "number_norm": header.number.upper(),
        "terminal_id": header.terminal_id, "kind": header.kind.value,
        "status": DocumentState.COMPLETED.value,
        "order_id": header.order_id, "customer_id": header.customer_id,
        "cashier_id": header.cashier_id,
        "currency": quote.currency, "returned_credit_minor": quote.returned_credit.minor,
        "new_items_minor": quote.new_items_total.minor, "fees_minor": quote.fees.total.minor,
        "shipping_refund_minor": quote.shipping_refund.minor,
        "balance_minor": quote.balance.minor, "customer_note": header.note,
        "notify_email": header.notify_email, "language": header.language,
        "created_at": header.created_at, "sequence": int(header.number.rsplit("-", 1)[1]),
        "cash_session_id": header.cash_session_id}
