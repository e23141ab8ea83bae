"""Reading a committed counter document back as everything its receipts print.

Read-only; `pos.services.receipts` turns a `StoredDocument` into `Receipt` values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from pos.db.records import (
    ApprovalRecord,
    CounterDocumentRecord,
    CustomerRecord,
    DocumentFeeRecord,
    DocumentNewLineRecord,
    DocumentReturnLineRecord,
    DocumentTenderRecord,
    GiftCardEntryRecord,
    GiftCardRecord,
    OrderLineRecord,
    OrderRecord,
    PaymentRecord,
    PrintJobRecord,
    ProductRecord,
    UserRecord,
    VariantRecord,
)
from pos.db.types import sum_minor


@dataclass(frozen=True, slots=True)
class StoredLine:
    name: str
    options: str
    quantity: int
    amount_minor: int
    tax_minor: int = 0  # the VAT inside `amount_minor`
    tax_rate: str = "0"  # percent, as text
    basis: str = ""  # a no-receipt line's valuation (ValuationBasis value)
    sold_at: datetime | None = None  # ...and when it sold at that price


@dataclass(frozen=True, slots=True)
class StoredTender:
    method: str
    direction: str  # in / out
    amount_minor: int
    change_minor: int
    reference: str  # the approval code, the card code, or the original payment's reference


@dataclass(frozen=True, slots=True)
class StoredCard:
    code: str
    kind: str
    issued_minor: int
    balance_minor: int


@dataclass(frozen=True, slots=True)
class StoredDocument:
    id: str
    number: str
    kind: str
    terminal_id: str
    created_at: datetime
    currency: str
    language: str
    note: str
    balance_minor: int
    shipping_refund_minor: int
    order_number: str
    cashier_name: str
    approver_names: tuple[str, ...]
    returned: tuple[StoredLine, ...]
    new_items: tuple[StoredLine, ...]
    fees: tuple[tuple[str, int], ...]  # (kind, amount)
    tenders: tuple[StoredTender, ...]
    cards: tuple[StoredCard, ...]  # issued by this document, in issue order
    customer_name: str = ""  # a no-receipt return's customer


@dataclass(frozen=True, slots=True)
class StoredPrintJob:
    id: int
    kind: str
    duplicate: bool
    document_id: str | None
    ordinal: int  # earlier jobs of the same kind, document and duplicate flag


def find_document(session: Session, reference: str) -> StoredDocument | None:
    """The document whose number (any case) or UUID is `reference`, with all it prints."""
    reference = reference.strip()
    document = session.scalar(
        select(CounterDocumentRecord).where(
            or_(
                CounterDocumentRecord.id == reference,
                CounterDocumentRecord.number_norm == reference.upper(),
            )
        )
    )
    if document is None:
        return None
    order_number = (
        session.scalar(select(OrderRecord.number).where(OrderRecord.id == document.order_id)) or ""
    )
    cashier = session.get(UserRecord, document.cashier_id) if document.cashier_id else None
    return StoredDocument(
        document.id,
        document.number,
        document.kind,
        document.terminal_id,
        document.created_at,
        document.currency,
        document.language,
        document.customer_note,
        document.balance_minor,
        document.shipping_refund_minor,
        order_number,
        cashier.display_name if cashier else "",
        _approvers(session, document.id),
        _returned(session, document.id),
        _new_items(session, document.id),
        _fees(session, document.id),
        _tenders(session, document.id),
        _cards(session, document.id),
        _customer_name(session, document.customer_id),
    )


def _customer_name(session: Session, customer_id: int | None) -> str:
    customer = session.get(CustomerRecord, customer_id) if customer_id else None
    return f"{customer.first_name} {customer.last_name}".strip() if customer else ""


def _approvers(session: Session, document_id: str) -> tuple[str, ...]:
    names = session.scalars(
        select(UserRecord.display_name)
        .join(ApprovalRecord, ApprovalRecord.approver_id == UserRecord.id)
        .where(ApprovalRecord.document_id == document_id)
        .order_by(ApprovalRecord.id)
    )
    return tuple(dict.fromkeys(names))


def _returned(session: Session, document_id: str) -> tuple[StoredLine, ...]:
    """Returned lines: named by their order line, or (no receipt) by their variant."""
    rows = session.execute(
        select(
            func.coalesce(OrderLineRecord.product_name, ProductRecord.name),
            OrderLineRecord.options_text,
            VariantRecord.options,
            DocumentReturnLineRecord.quantity,
            DocumentReturnLineRecord.credit_minor,
            DocumentReturnLineRecord.tax_minor,
            func.coalesce(DocumentReturnLineRecord.tax_rate, OrderLineRecord.tax_rate),
            DocumentReturnLineRecord.valuation_basis,
            DocumentReturnLineRecord.sold_at,
        )
        .outerjoin(OrderLineRecord, OrderLineRecord.id == DocumentReturnLineRecord.order_line_id)
        .outerjoin(VariantRecord, VariantRecord.id == DocumentReturnLineRecord.variant_id)
        .outerjoin(ProductRecord, ProductRecord.id == VariantRecord.product_id)
        .where(DocumentReturnLineRecord.document_id == document_id)
        .order_by(DocumentReturnLineRecord.id)
    )
    return tuple(
        StoredLine(name or "", options or _options(variant_options), quantity, credit, tax,
                   rate or "0", basis or "", sold_at)
        for name, options, variant_options, quantity, credit, tax, rate, basis, sold_at in rows
    )


def _new_items(session: Session, document_id: str) -> tuple[StoredLine, ...]:
    rows = session.execute(
        select(
            ProductRecord.name,
            VariantRecord.options,
            DocumentNewLineRecord.quantity,
            DocumentNewLineRecord.total_minor,
            DocumentNewLineRecord.tax_minor,
            DocumentNewLineRecord.tax_rate,
        )
        .join(VariantRecord, VariantRecord.id == DocumentNewLineRecord.variant_id)
        .join(ProductRecord, ProductRecord.id == VariantRecord.product_id)
        .where(DocumentNewLineRecord.document_id == document_id)
        .order_by(DocumentNewLineRecord.id)
    )
    return tuple(
        StoredLine(name, _options(options), quantity, total, tax, rate)
        for name, options, quantity, total, tax, rate in rows
    )


def _options(options: dict[str, str] | None) -> str:
    return " / ".join(f"{k} {v}" for k, v in (options or {}).items())


def _fees(session: Session, document_id: str) -> tuple[tuple[str, int], ...]:
    rows = session.execute(
        select(DocumentFeeRecord.kind, DocumentFeeRecord.amount_minor)
        .where(DocumentFeeRecord.document_id == document_id)
        .order_by(DocumentFeeRecord.id)
    )
    return tuple((kind, amount) for kind, amount in rows)


def _tenders(session: Session, document_id: str) -> tuple[StoredTender, ...]:
    rows = session.execute(
        select(DocumentTenderRecord, GiftCardRecord.code, PaymentRecord.reference)
        .outerjoin(GiftCardRecord, GiftCardRecord.id == DocumentTenderRecord.gift_card_id)
        .outerjoin(PaymentRecord, PaymentRecord.id == DocumentTenderRecord.payment_id)
        .where(DocumentTenderRecord.document_id == document_id)
        .order_by(DocumentTenderRecord.id)
    )
    return tuple(
        StoredTender(
            t.method,
            t.direction,
            t.amount_minor,
            t.change_minor,
            t.reference or code or payment_reference or "",
        )
        for t, code, payment_reference in rows
    )


def _cards(session: Session, document_id: str) -> tuple[StoredCard, ...]:
    entries = aliased(GiftCardEntryRecord)
    balance = (
        select(sum_minor(entries.amount_minor))
        .where(entries.gift_card_id == GiftCardRecord.id)
        .correlate(GiftCardRecord)
        .scalar_subquery()
    )
    rows = session.execute(
        select(GiftCardRecord.code, GiftCardRecord.kind, GiftCardEntryRecord.amount_minor, balance)
        .join(GiftCardEntryRecord, GiftCardEntryRecord.gift_card_id == GiftCardRecord.id)
        .where(GiftCardEntryRecord.document_id == document_id, GiftCardEntryRecord.kind == "issue")
        .order_by(GiftCardEntryRecord.id)
    )
    return tuple(StoredCard(code, kind, issued, int(total)) for code, kind, issued, total in rows)


def find_print_job(session: Session, job_id: int) -> StoredPrintJob | None:
    """A print_jobs row: what to print (kind, duplicate) for which document.

    A document issuing two cards queues two slips; the job table names no card, so the n-th
    slip job of a document prints its n-th card (`ordinal`).
    """
    job = session.get(PrintJobRecord, job_id)
    if job is None:
        return None
    earlier = session.scalar(
        select(func.count())
        .select_from(PrintJobRecord)
        .where(
            PrintJobRecord.document_id == job.document_id,
            PrintJobRecord.kind == job.kind,
            PrintJobRecord.duplicate == job.duplicate,
            PrintJobRecord.id < job.id,
        )
    )
    return StoredPrintJob(job.id, job.kind, job.duplicate, job.document_id, int(earlier or 0))
