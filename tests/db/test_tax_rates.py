"""The VAT rate a new Wix item is sold at (docs/sync-pull.md, "VAT of a new item")."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from sqlalchemy import update

from pos.db.engine import SessionFactory
from pos.db.records import ProductRecord, VariantRecord
from pos.db.tax_rates import new_item_tax_rate
from pos.services.policy import PolicyService
from tests.support.shop import build_shop, sell


def test_the_latest_order_of_the_product_in_the_currency_wins(sessions: SessionFactory) -> None:
    shop = build_shop(sessions, rate="0")  # what the pull gives a Wix variant: no rate
    sell(shop, "1", [("T-S-S", 1)], rate="10", days_ago=30)  # before a rate change
    sell(shop, "2", [("T-S-M", 1)], rate="20", days_ago=9)  # another size, later: wins
    sell(shop, "3", [("T-S-L", 1)], rate="0", days_ago=5)  # a tax-exempt buyer: passed over
    sell(shop, "4", [("T-S-S", 1)], rate="8.875", days_ago=1, currency="USD")  # another currency
    with sessions() as s:
        assert new_item_tax_rate(s, shop.variants["T-S-L"]) == 20
        assert new_item_tax_rate(s, shop.variants["JEA-M"]) == 0  # never sold, nothing set
        assert new_item_tax_rate(s, 999_999) is None


def test_then_the_category_then_the_currency_default_local_items_keep_theirs(
    sessions: SessionFactory,
) -> None:
    shop = build_shop(sessions, rate="0")
    policies = PolicyService(sessions=sessions, clock=shop.clock)
    admin = shop.users.login("admin", "7391")
    policies.update(admin, dataclasses.replace(
        policies.current(), vat_rate_by_category={"Livres": Decimal("5.5")},
        vat_rate_by_currency={"EUR": Decimal(20)}))  # fmt: skip
    with sessions.begin() as s:  # the jeans are also in the Wix category "Livres"
        s.execute(update(ProductRecord).where(ProductRecord.name == "Jean droit")
                  .values(categories=["Livres"]))  # fmt: skip
        s.execute(update(VariantRecord).where(VariantRecord.sku == "ÉCH-M")
                  .values(wix_variant_id=None, tax_rate="7"))  # fmt: skip  # recorded locally
    with sessions() as s:
        assert new_item_tax_rate(s, shop.variants["JEA-M"]) == Decimal("5.5")
        assert new_item_tax_rate(s, shop.variants["T-S-M"]) == 20
        assert new_item_tax_rate(s, shop.variants["ÉCH-M"]) == 7
