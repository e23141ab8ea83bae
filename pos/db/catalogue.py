"""Recording products and variants (the way the catalogue pull will) and their first stock."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.records import ProductRecord, StockLevelRecord, VariantRecord
from pos.domain.money import Money


def upsert_variant(session: Session, *, sku: str, product_name: str, price: Money,
                   tax_rate: str, options: Mapping[str, str] | None, barcode: str | None,
                   category: str, on_hand: int, wix_product_id: str | None,
                   wix_variant_id: str | None, now: datetime) -> int:
    """Create or update a variant (matched on SKU) and its product; returns the variant id.

    The product is matched on its Wix id, else its name. `on_hand` is the starting stock of a
    new variant only: afterwards stock moves through documents and adjustments.
    """
    product = _product(session, product_name, wix_product_id)
    product.category = category
    variant = session.scalar(select(VariantRecord).where(VariantRecord.sku == sku))
    if variant is None:
        variant = VariantRecord(sku=sku)
        session.add(variant)
    variant.product, variant.barcode = product, barcode
    variant.options = dict(options or {})
    variant.price_minor, variant.currency = price.minor, price.currency
    variant.tax_rate, variant.wix_variant_id = tax_rate, wix_variant_id
    variant.active = True
    session.flush()
    if session.get(StockLevelRecord, variant.id) is None:
        session.add(StockLevelRecord(variant_id=variant.id, on_hand=on_hand, updated_at=now))
    return variant.id


def _product(session: Session, name: str, wix_id: str | None) -> ProductRecord:
    query = select(ProductRecord).where(
        ProductRecord.wix_id == wix_id if wix_id else ProductRecord.name == name)
    product = session.scalars(query).first()
    if product is None:
        product = ProductRecord(wix_id=wix_id, name=name)
        session.add(product)
    product.name = name
    return product
