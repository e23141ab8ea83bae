"""Counter documents (exchange, refund, cancellation, no-receipt return), their lines, fees
and tenders, and the per-terminal number sequence."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pos.db.records.base import Base
from pos.db.types import money_column


class TerminalSequenceRecord(Base):
    """Next gapless document number per terminal, taken inside the committing transaction."""

    __tablename__ = "terminal_sequences"

    terminal_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    next_number: Mapped[int] = mapped_column(Integer, default=1)


class CounterDocumentRecord(Base):
    __tablename__ = "counter_documents"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID, also sent to Wix
    number: Mapped[str] = mapped_column(String(24), unique=True)  # T1-000123
    number_norm: Mapped[str] = mapped_column(String(24), index=True)
    terminal_id: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))  # exchange, refund, cancellation, no_receipt
    status: Mapped[str] = mapped_column(String(16), default="completed")
    # None for a no-receipt return, which names the customer its credit went to instead.
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    cashier_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    currency: Mapped[str] = mapped_column(String(3))
    returned_credit_minor: Mapped[int] = money_column(default=0)
    new_items_minor: Mapped[int] = money_column(default=0)
    fees_minor: Mapped[int] = money_column(default=0)
    shipping_refund_minor: Mapped[int] = money_column(default=0)
    balance_minor: Mapped[int] = money_column(default=0)
    customer_note: Mapped[str] = mapped_column(Text, default="")
    notify_email: Mapped[str | None] = mapped_column(String(254))
    language: Mapped[str] = mapped_column(String(8), default="fr")
    created_at: Mapped[datetime] = mapped_column(index=True)  # a report's period
    # The terminal's gapless sequence (the number's digits) and the drawer session it was
    # taken in: a Z covers a sequence range (docs/closing.md).
    sequence: Mapped[int | None] = mapped_column(Integer)
    cash_session_id: Mapped[int | None] = mapped_column(ForeignKey("cash_sessions.id"),
                                                        index=True)

    __table_args__ = (Index("ix_counter_documents_terminal_sequence", "terminal_id", "sequence"),)

    return_lines: Mapped[list[DocumentReturnLineRecord]] = relationship()
    new_lines: Mapped[list[DocumentNewLineRecord]] = relationship()
    fees: Mapped[list[DocumentFeeRecord]] = relationship()
    tenders: Mapped[list[DocumentTenderRecord]] = relationship()


class DocumentReturnLineRecord(Base):
    __tablename__ = "document_return_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("counter_documents.id"), index=True)
    # A no-receipt return's line names no order line but the variant and the VAT rate it
    # was valued at (for an order's line both come from the order line).
    order_line_id: Mapped[int | None] = mapped_column(ForeignKey("order_lines.id"), index=True)
    variant_id: Mapped[int | None] = mapped_column(ForeignKey("variants.id"), index=True)
    tax_rate: Mapped[str | None] = mapped_column(String(12))
    valuation_basis: Mapped[str | None] = mapped_column(String(16))  # lowest_sold, current_price
    sold_at: Mapped[datetime | None]  # when it sold at that price (lowest_sold)
    quantity: Mapped[int] = mapped_column(Integer)
    credit_minor: Mapped[int] = money_column()
    tax_minor: Mapped[int] = money_column(default=0)
    disposition: Mapped[str] = mapped_column(String(16))  # restock, damaged, inspect
    reason: Mapped[str] = mapped_column(String(200), default="")
    # Items set aside "to inspect" are settled later by a manager: restocked or written off.
    settled_state: Mapped[str | None] = mapped_column(String(16))
    settled_at: Mapped[datetime | None]
    settled_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class DocumentNewLineRecord(Base):
    __tablename__ = "document_new_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("counter_documents.id"), index=True)
    variant_id: Mapped[int] = mapped_column(ForeignKey("variants.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_minor: Mapped[int] = money_column()
    total_minor: Mapped[int] = money_column()
    tax_minor: Mapped[int] = money_column(default=0)
    tax_rate: Mapped[str] = mapped_column(String(12), default="0")
    pricing_basis: Mapped[str] = mapped_column(String(16), default="current_price")
    replaces_line_id: Mapped[int | None] = mapped_column(ForeignKey("order_lines.id"))


class DocumentFeeRecord(Base):
    __tablename__ = "document_fees"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("counter_documents.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))  # restocking, flat_return, shipping_refund
    amount_minor: Mapped[int] = money_column()


class DocumentTenderRecord(Base):
    __tablename__ = "document_tenders"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("counter_documents.id"), index=True)
    method: Mapped[str] = mapped_column(String(24))  # cash, card, gift_card, original_payment
    direction: Mapped[str] = mapped_column(String(4))  # in (collected) / out (refunded)
    amount_minor: Mapped[int] = money_column()
    change_minor: Mapped[int] = money_column(default=0)
    reference: Mapped[str] = mapped_column(String(64), default="")
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"))
    gift_card_id: Mapped[int | None] = mapped_column(ForeignKey("gift_cards.id"))
