"""Gift cards and store credit: the card, and the ledger its balance is the sum of."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from pos.db.records.base import Base
from pos.db.types import money_column


class GiftCardRecord(Base):
    __tablename__ = "gift_cards"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    currency: Mapped[str] = mapped_column(String(3))
    kind: Mapped[str] = mapped_column(String(16), default="gift_card")  # or store_credit
    # Indexed: the customer view lists one customer's cards (pos.db.customers).
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
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
