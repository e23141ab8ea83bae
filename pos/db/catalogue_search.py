"""Catalogue look-ups for the replacement picker: products by name, SKU or barcode, variants."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from pos.db.records import ProductRecord, StockLevelRecord, VariantRecord
from pos.domain.money import Money
from pos.domain.search_text import fold


@dataclass(frozen=True, slots=True)
class VariantRow:
    variant_id: int
    sku: str
    barcode: str | None
    options: dict[str, str]
    price: Money
    tax_rate: Decimal
    on_hand: int


@dataclass(frozen=True, slots=True)
class ProductRow:
    product_id: int
    name: str
    category: str
    variants: tuple[VariantRow, ...]
    image_url: str | None = None  # Wix's main picture (cached on disk by the sync)


def find_products(session: Session, text: str, limit: int) -> list[ProductRow]:
    """Products whose name holds every word of `text` (accents and case ignored), or having a
    variant whose SKU starts with `text` or whose barcode is `text`; exact codes first.

    Names are matched in Python on their folded form: the catalogue of one shop is a few
    thousand names at most, and SQLite's `lower()` does not fold accents ("echarpe").
    """
    code = text.strip()
    by_code = (
        session.scalars(
            select(VariantRecord.product_id)
            .where(VariantRecord.active.is_(True))
            .where(
                or_(
                    func.upper(VariantRecord.sku).startswith(code.upper(), autoescape=True),
                    VariantRecord.barcode == code,
                )
            )
            .order_by(VariantRecord.sku)
        ).all()
        if code
        else []
    )
    words = fold(code).split()
    by_name = [
        product_id
        for product_id, name in session.execute(
            select(ProductRecord.id, ProductRecord.name)
            .where(ProductRecord.visible.is_(True))
            .order_by(ProductRecord.name)
        )
        if words and all(word in fold(name) for word in words)
    ]
    ids = list(dict.fromkeys([*by_code, *by_name]))[:limit]
    return [row for product_id in ids if (row := load_product(session, product_id))]


def product_of_sku(session: Session, sku: str) -> int | None:
    """The product an active variant with exactly this SKU belongs to, or None."""
    return session.scalar(
        select(VariantRecord.product_id)
        .where(VariantRecord.sku == sku, VariantRecord.active.is_(True))
        .limit(1)
    )


def load_product(session: Session, product_id: int) -> ProductRow | None:
    """One visible product with its active variants and their stock, variants by id."""
    record = session.scalars(
        select(ProductRecord)
        .where(ProductRecord.id == product_id, ProductRecord.visible.is_(True))
        .options(selectinload(ProductRecord.variants).selectinload(VariantRecord.stock))
    ).first()
    if record is None:
        return None
    variants = tuple(
        VariantRow(
            v.id,
            v.sku,
            v.barcode,
            {str(k): str(o) for k, o in (v.options or {}).items()},
            Money(v.price_minor, v.currency),
            Decimal(v.tax_rate),
            _on_hand(v.stock),
        )
        for v in sorted(record.variants, key=lambda v: v.id)
        if v.active
    )
    return ProductRow(record.id, record.name, record.category or "", variants, record.image_url)


def _on_hand(stock: StockLevelRecord | None) -> int:
    return stock.on_hand if stock is not None else 0
