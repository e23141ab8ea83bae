"""The catalogue the returns desk reads and records: variants and their stock, by SKU or barcode.

`CatalogueService` is the small read/write side the counter and scripts need until the Wix
catalogue pull records products itself (docs/api.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal

from pos.db import returns as returns_repo
from pos.db.catalogue import upsert_variant
from pos.db.engine import SessionFactory
from pos.db.tax_rates import new_item_tax_rate
from pos.domain.catalogue import CatalogueVariant
from pos.domain.clock import Clock
from pos.domain.money import Money
from pos.services.errors import ServiceError

__all__ = ["CatalogueService", "CatalogueVariant", "VariantNotFoundError"]


class VariantNotFoundError(ServiceError):
    """No active variant has this SKU or barcode."""

    code = "variant_not_found"

    def __init__(self, code: str) -> None:
        super().__init__(sku=code)
        self.sku = code


class CatalogueService:
    """Variants and their stock, read by SKU or barcode; recorded the way the sync will."""

    def __init__(self, *, sessions: SessionFactory, clock: Clock) -> None:
        self._sessions, self._clock = sessions, clock

    def variant(self, code: str) -> CatalogueVariant:
        """The active variant with this SKU or barcode.

        Raises:
            VariantNotFoundError: none has it.
        """
        with self._sessions() as s:
            found = returns_repo.find_variant(s, code=code)
            rate = new_item_tax_rate(s, found.variant_id) if found else None
        if found is None:
            raise VariantNotFoundError(code)
        # The rate a new item is sold at (docs/sync-pull.md).
        return found if rate is None else replace(found, tax_rate=rate)

    def on_hand(self, code: str) -> int:
        """Units in stock here of the variant with this SKU or barcode."""
        return self.variant(code).on_hand

    def record_variant(
        self,
        *,
        sku: str,
        product_name: str,
        price: Money,
        tax_rate: Decimal | str = "0",
        options: Mapping[str, str] | None = None,
        barcode: str | None = None,
        category: str = "",
        on_hand: int = 0,
        wix_product_id: str | None = None,
        wix_variant_id: str | None = None,
    ) -> CatalogueVariant:
        """Create or update a variant (matched on SKU) and its product, in one transaction.

        The product is matched on `wix_product_id`, else on its name. `tax_rate` is a percent
        ("20" for 20 %). `on_hand` is the starting stock of a new variant only: afterwards,
        stock changes through documents and adjustments, never by re-recording.
        """
        with self._sessions.begin() as s:
            upsert_variant(
                s, sku=sku, product_name=product_name, price=price,
                tax_rate=str(Decimal(tax_rate)), options=options, barcode=barcode,
                category=category, on_hand=on_hand, wix_product_id=wix_product_id,
                wix_variant_id=wix_variant_id, now=self._clock.now())
        return self.variant(sku)
