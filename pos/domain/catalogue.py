"""A sellable variant as the catalogue holds it: the one read model of the database and services."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pos.domain.money import Money


@dataclass(frozen=True, slots=True)
class CatalogueVariant:
    """A sellable variant with its stock on hand at this shop.

    Attributes:
        options: Option name to choice, e.g. {"Size": "M"}.
        tax_rate: Percent ("20" for 20 %).
        wix_product_id: The product on Wix, None for a local product (same for the variant).
    """

    variant_id: int
    product_id: int
    product_name: str
    sku: str
    barcode: str | None
    options: dict[str, str]
    price: Money
    tax_rate: Decimal
    on_hand: int
    wix_product_id: str | None
    wix_variant_id: str | None
