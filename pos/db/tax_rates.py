"""The VAT rate of a new item at the counter: where it comes from (docs/sync-pull.md, "VAT").

Wix's catalogue carries no rate. For a variant that came from Wix, in this order:

1. the rate Wix charged on the latest order line of the same product in the same currency
   (lines at 0 % are passed over: a tax-exempt buyer says nothing about the product);
2. the highest rate set in Settings for one of the product's categories;
3. the shop's default rate for the currency (Settings);
4. the rate stored on the variant (what the pull gave it: none, 0 %).

A variant recorded locally (no Wix id) keeps the rate it was recorded with.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.policy import read_settings
from pos.db.records import OrderLineRecord, OrderRecord, ProductRecord, VariantRecord
from pos.domain.errors import PolicySettingsError
from pos.domain.policy import Policy

ZERO_RATES = ("0", "0.0", "0.00", "0E+2", "")


def new_item_tax_rate(session: Session, variant_id: int) -> Decimal | None:
    """The rate (percent) a new unit of this variant is sold at; None for an unknown variant."""
    row = session.execute(
        select(VariantRecord.wix_variant_id, VariantRecord.tax_rate, VariantRecord.currency,
               VariantRecord.product_id, ProductRecord.category, ProductRecord.categories)
        .join(ProductRecord, ProductRecord.id == VariantRecord.product_id)
        .where(VariantRecord.id == variant_id)
    ).one_or_none()  # fmt: skip
    if row is None:
        return None
    stored = _decimal(row.tax_rate) or Decimal(0)
    if row.wix_variant_id is None:
        return stored
    ordered = order_tax_rate(session, row.product_id, row.currency)
    if ordered is not None:
        return ordered
    categories = [c for c in (row.category, *(row.categories or ())) if isinstance(c, str) and c]
    try:
        policy = Policy.from_settings(read_settings(session))
    except PolicySettingsError:  # a bad setting is reported by every quote; do not guess here
        return stored
    chosen = policy.vat_rate_for(row.currency, *categories)
    return stored if chosen is None else chosen


def order_tax_rate(session: Session, product_id: int, currency: str) -> Decimal | None:
    """The rate of the latest order line of `product_id` in `currency` above 0 %, if any.

    Per variant, its last line recorded above 0 % (walking `ix_order_lines_variant_id`
    backwards, so a product sold ten thousand times costs what one sold once does); of those,
    the one of the latest order wins.
    """
    latest_line = (
        select(OrderLineRecord.id)
        .join(OrderRecord, OrderRecord.id == OrderLineRecord.order_id)
        .where(OrderLineRecord.variant_id == VariantRecord.id, OrderRecord.currency == currency,
               OrderLineRecord.tax_rate.not_in(ZERO_RATES))
        .order_by(OrderLineRecord.id.desc())
        .limit(1)
        .correlate(VariantRecord)
        .scalar_subquery()
    )  # fmt: skip
    found = session.scalars(select(latest_line).where(VariantRecord.product_id == product_id))
    line_ids = [line for line in found if line is not None]
    if not line_ids:
        return None
    rows = session.execute(
        select(OrderLineRecord.tax_rate)
        .join(OrderRecord, OrderRecord.id == OrderLineRecord.order_id)
        .where(OrderLineRecord.id.in_(line_ids))
        .order_by(OrderRecord.placed_at.desc(), OrderLineRecord.id.desc())
    )  # fmt: skip
    for (text,) in rows:
        rate = _decimal(text)
        if rate is not None and 0 < rate <= 100:
            return rate
    return None


def _decimal(text: str | None) -> Decimal | None:
    try:
        value = Decimal(text or "")
    except InvalidOperation:
        return None
    return value if value.is_finite() else None
