"""SQLAlchemy records for the nouns of DESIGN §2. Money columns are integer minor units.

The search index (`order_search`) is not a record: it is an FTS5 virtual table on SQLite and
a tsvector table on PostgreSQL, created by the migrations and maintained in `pos.db.search`.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from pos.db.types import UTCDateTime, money_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime,
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }
    if TYPE_CHECKING:
        # Every record here is mapped to a Table; SQLAlchemy types `__table__` as the wider
        # FromClause, which `insert`/`update` and `.c` columns by name do not accept.
        __table__: ClassVar[Table]


# ---------------------------------------------------------------- catalogue


class ProductRecord(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    wix_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(100), default="")
    # Names of the Wix collections (V1) / categories (V3) the product is in; the policy's
    # category rules apply to `category` and to each of these (docs/returns-rules.md).
    categories: Mapped[list[Any]] = mapped_column(default=list, server_default="[]")
    image_url: Mapped[str | None] = mapped_column(String(1000))  # Wix's main picture
    visible: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime | None]

    variants: Mapped[list[VariantRecord]] = relationship(back_populates="product")


class VariantRecord(Base):
    __tablename__ = "variants"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    wix_variant_id: Mapped[str | None] = mapped_column(String(64))
    wix_inventory_item_id: Mapped[str | None] = mapped_column(String(64))
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    barcode: Mapped[str | None] = mapped_column(String(64), index=True)
    options: Mapped[dict[str, Any]] = mapped_column(default=dict)  # {"Taille": "M", ...}
    price_minor: Mapped[int] = money_column()
    currency: Mapped[str] = mapped_column(String(3))
    tax_rate: Mapped[str] = mapped_column(String(12), default="0")  # Decimal as text
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    product: Mapped[ProductRecord] = relationship(back_populates="variants")
    stock: Mapped[StockLevelRecord | None] = relationship(back_populates="variant")

    __table_args__ = (UniqueConstraint("product_id", "wix_variant_id"),)


class StockLevelRecord(Base):
    """Stock of one variant: last figure read from Wix plus local movements not yet pushed."""

    __tablename__ = "stock_levels"

    variant_id: Mapped[int] = mapped_column(ForeignKey("variants.id"), primary_key=True)
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    wix_quantity: Mapped[int | None] = mapped_column(Integer)
    wix_revision: Mapped[str | None] = mapped_column(String(32))
    updated_at: Mapped[datetime | None]

    variant: Mapped[VariantRecord] = relationship(back_populates="stock")


class StockMovementRecord(Base):
    __tablename__ = "stock_movements"

    id: Mapped[int] = mapped_column(primary_key=True)
    variant_id: Mapped[int] = mapped_column(ForeignKey("variants.id"), index=True)
    delta: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(40))  # return, exchange_out, adjust, inspect...
    owner: Mapped[str] = mapped_column(String(8), default="pos")  # "pos" pushes, "wix" moves it
    document_id: Mapped[str | None] = mapped_column(ForeignKey("counter_documents.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    pushed_at: Mapped[datetime | None]


# ---------------------------------------------------------------- sales history


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
    placed_at: Mapped[datetime]
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


# ---------------------------------------------------------------- counter documents


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
    kind: Mapped[str] = mapped_column(String(16))  # exchange, refund, cancellation
    status: Mapped[str] = mapped_column(String(16), default="completed")
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
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
    created_at: Mapped[datetime]
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
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"), index=True)
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


# ---------------------------------------------------------------- closing the day


class CashSessionRecord(Base):
    """A drawer's session on one terminal: opened with a float, closed with a count."""

    __tablename__ = "cash_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    terminal_id: Mapped[str] = mapped_column(String(16), index=True)
    state: Mapped[str] = mapped_column(String(8), default="open")  # open, closed
    currency: Mapped[str] = mapped_column(String(3))
    opening_float_minor: Mapped[int] = money_column()
    opened_at: Mapped[datetime]
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    closed_at: Mapped[datetime | None]
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)  # {"5000": 3, ...}
    counted_minor: Mapped[int | None] = money_column()
    expected_minor: Mapped[int | None] = money_column()
    variance_minor: Mapped[int | None] = money_column()
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    closure_id: Mapped[int | None] = mapped_column(ForeignKey("closures.id"))


class CashMovementRecord(Base):
    """Cash put into or taken out of the drawer outside a document, with its reason."""

    __tablename__ = "cash_movements"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("cash_sessions.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # paid_in, paid_out
    amount_minor: Mapped[int] = money_column()  # positive
    reason: Mapped[str] = mapped_column(String(200))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]


class ClosureRecord(Base):
    """A Z (or a shop day, month, year) closure: numbered, chained, signed; never changed."""

    __tablename__ = "closures"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)  # gapless, all kinds together
    kind: Mapped[str] = mapped_column(String(8))  # z, day, month, year
    terminal_id: Mapped[str] = mapped_column(String(16), default="")
    period: Mapped[str] = mapped_column(String(10))  # 2026-11-20, 2026-11, 2026
    closed_at: Mapped[datetime]
    closed_by: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    audit_head_hash: Mapped[str] = mapped_column(String(64))
    audit_count: Mapped[int] = mapped_column(Integer)
    first_sequence: Mapped[int] = mapped_column(Integer, default=0)
    last_sequence: Mapped[int] = mapped_column(Integer, default=0)
    report: Mapped[dict[str, Any]] = mapped_column(default=dict)
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    signature: Mapped[str] = mapped_column(String(128))  # Ed25519, hex
    public_key: Mapped[str] = mapped_column(String(64))  # raw Ed25519 public key, hex

    __table_args__ = (Index("ix_closures_kind_terminal_period", "kind", "terminal_id", "period"),)


# ---------------------------------------------------------------- gift cards


class GiftCardRecord(Base):
    __tablename__ = "gift_cards"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    currency: Mapped[str] = mapped_column(String(3))
    kind: Mapped[str] = mapped_column(String(16), default="gift_card")  # or store_credit
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    created_at: Mapped[datetime]


class GiftCardEntryRecord(Base):
    """Ledger entry; the balance is the sum of a card's entries (issue +, redeem −)."""

    __tablename__ = "gift_card_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    gift_card_id: Mapped[int] = mapped_column(ForeignKey("gift_cards.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # issue, redeem, void
    amount_minor: Mapped[int] = money_column()  # signed
    document_id: Mapped[str | None] = mapped_column(ForeignKey("counter_documents.id"))
    created_at: Mapped[datetime]


# ---------------------------------------------------------------- people


class UserRecord(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))  # cashier, manager, admin
    pin_hash: Mapped[str] = mapped_column(String(255))  # scrypt, salted; never the PIN
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    language: Mapped[str] = mapped_column(String(8), default="fr")


class ApprovalRecord(Base):
    __tablename__ = "approvals"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[str | None] = mapped_column(ForeignKey("counter_documents.id"), index=True)
    rule: Mapped[str] = mapped_column(String(40))
    approver_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]


class AuditEntryRecord(Base):
    """Append-only; `hash` covers this entry and `prev_hash`, so tampering shows."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime]
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(80), default="")
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)

    # `audit verify` finds each document's entry by its number (docs/closing.md).
    __table_args__ = (Index("ix_audit_entries_subject", "subject"),)


class PolicySettingRecord(Base):
    __tablename__ = "policy_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# ---------------------------------------------------------------- machinery


class OutboxMessageRecord(Base):
    """A step to send (to Wix or the mail server), written with the business data it carries."""

    __tablename__ = "outbox_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime]
    destination: Mapped[str] = mapped_column(String(8))  # wix, mail
    kind: Mapped[str] = mapped_column(String(40))  # refund, create_draft, stock_delta, email...
    object_key: Mapped[str] = mapped_column(String(80))  # sent oldest first per object
    document_id: Mapped[str | None] = mapped_column(ForeignKey("counter_documents.id"))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    journal: Mapped[dict[str, Any]] = mapped_column(default=dict)  # expected outcome, in flight
    last_error: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_outbox_state_object", "state", "object_key", "id"),)


class PrintJobRecord(Base):
    __tablename__ = "print_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime]
    document_id: Mapped[str | None] = mapped_column(ForeignKey("counter_documents.id"))
    kind: Mapped[str] = mapped_column(String(24))  # receipt, gift_card_slip
    duplicate: Mapped[bool] = mapped_column(Boolean, default=False)
    printer: Mapped[str] = mapped_column(String(200), default="")
    state: Mapped[str] = mapped_column(String(16), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[bytes | None] = mapped_column(LargeBinary)


class SyncCursorRecord(Base):
    __tablename__ = "sync_cursors"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]
