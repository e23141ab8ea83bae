"""The sales history pulled from Wix: customers, orders, their lines, payments and refunds."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pos.db.records.base import Base
from pos.db.types import money_column


class CustomerRecord(Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    wix_contact_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    phone: Mapped[str | None] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(8), default="fr")


class OrderRecord(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    wix_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    number: Mapped[str] = mapped_column(String(40))
    number_norm: Mapped[str] = mapped_column(String(40), index=True)
    # Chronological key (UTC ms × 1000 + tie) — the search index's rowid; see pos.db.search.
    search_key: Mapped[int] = mapped_column(BigInteger, unique=True)
    channel: Mapped[str] = mapped_column(String(24))  # WEB, POS, ...
    # Indexed: the Reports count units sold in a period (pos.db.reports).
    placed_at: Mapped[datetime] = mapped_column(index=True)
    wix_updated_at: Mapped[datetime | None]
    currency: Mapped[str] = mapped_column(String(3))
    tax_included: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(16), default="APPROVED")
    payment_status: Mapped[str] = mapped_column(String(24), default="PAID")
    fulfillment_status: Mapped[str] = mapped_column(String(24), default="FULFILLED")
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    buyer_email: Mapped[str | None] = mapped_column(String(254))
    subtotal_minor: Mapped[int] = money_column(default=0)
    discount_minor: Mapped[int] = money_column(default=0)
    shipping_minor: Mapped[int] = money_column(default=0)
    shipping_tax_minor: Mapped[int] = money_column(default=0)
    # Refunded on Wix already (the counter's own shipping refunds are its documents').
    shipping_refunded: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    tax_minor: Mapped[int] = money_column(default=0)
    total_minor: Mapped[int] = money_column(default=0)
    order_discount_pct: Mapped[str | None] = mapped_column(String(12))

    customer: Mapped[CustomerRecord | None] = relationship()
    lines: Mapped[list[OrderLineRecord]] = relationship(
        back_populates="order", order_by="OrderLineRecord.position"
    )
    payments: Mapped[list[PaymentRecord]] = relationship(
        back_populates="order", order_by="PaymentRecord.id"
    )


class OrderLineRecord(Base):
    __tablename__ = "order_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    wix_line_id: Mapped[str | None] = mapped_column(String(64))
    # Indexed: a new item's VAT rate is the one its product's latest order line had.
    variant_id: Mapped[int | None] = mapped_column(ForeignKey("variants.id"), index=True)
    product_name: Mapped[str] = mapped_column(String(200))
    sku: Mapped[str | None] = mapped_column(String(64))
    options_text: Mapped[str] = mapped_column(String(200), default="")
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_minor: Mapped[int] = money_column()
    discount_minor: Mapped[int] = money_column(default=0)
    paid_minor: Mapped[int] = money_column()  # all units, tax included, after discounts
    tax_minor: Mapped[int] = money_column(default=0)
    tax_rate: Mapped[str] = mapped_column(String(12), default="0")
    refunded_quantity: Mapped[int] = mapped_column(Integer, default=0)  # refunded on Wix
    restocked_quantity: Mapped[int] = mapped_column(Integer, default=0)

    order: Mapped[OrderRecord] = relationship(back_populates="lines")

    __table_args__ = (UniqueConstraint("order_id", "position"),)


class PaymentRecord(Base):
    __tablename__ = "payments"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    wix_payment_id: Mapped[str | None] = mapped_column(String(64))
    method: Mapped[str] = mapped_column(String(24))  # card, cash, gift_card, ...
    amount_minor: Mapped[int] = money_column()
    refunded_minor: Mapped[int] = money_column(default=0)
    status: Mapped[str] = mapped_column(String(24), default="APPROVED")
    reference: Mapped[str] = mapped_column(String(64), default="")  # card last digits, GC code
    card_last4: Mapped[str | None] = mapped_column(String(4))  # "4242": indexed as "0c4242"
    card_brand: Mapped[str | None] = mapped_column(String(24))  # folded: "visa", "mastercard"
    created_at: Mapped[datetime]

    order: Mapped[OrderRecord] = relationship(back_populates="payments")


class OrderRefundRecord(Base):
    """A refund recorded on the order by Wix (online, or written back by a counter document)."""

    __tablename__ = "order_refunds"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    wix_refund_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    amount_minor: Mapped[int] = money_column()
    reason: Mapped[str] = mapped_column(String(200), default="")
    lines: Mapped[list[Any]] = mapped_column(default=list)  # [{"line": id, "quantity": n}]
    created_at: Mapped[datetime]
