"""Products, variants, stock levels and stock movements (DESIGN §2, Catalogue)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pos.db.records.base import Base
from pos.db.types import money_column


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
