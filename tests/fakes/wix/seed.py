"""Helpers tests use to populate and inspect the fake site (mixed into `SiteState`).

``fake.state.add_product("T-shirt", variants=[("TS-M", "370001", "29.90", {"Taille": "M"}, 5)])``
``fake.state.add_order([("TS-M", 2)], payments="card")``
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from tests.fakes.wix.model import (
    CENT,
    STORES_APP_ID,
    V1_DEFAULT_VARIANT,
    Category,
    Choice,
    InventoryItem,
    Option,
    Product,
    Variant,
    new_id,
)

VariantSpec = tuple[str, str, str, Mapping[str, str], int | None]
LineSpec = tuple[str, int] | tuple[str, int, str]
PaymentSpec = tuple[str, str] | tuple[str, str, str]


class SeedMixin:
    """Population and inspection helpers; `self` is a `SiteState`."""

    # ---------------------------------------------------------------- catalogue

    def add_product(
        self: Any,
        name: str,
        variants: Sequence[VariantSpec],
        *,
        visible: bool = True,
        location_id: str | None = None,
        categories: Sequence[str] = (),
        picture: bytes | None = None,
    ) -> Product:
        """Add a product with its variants and their stock at one location.

        Args:
            name: Product name.
            variants: ``(sku, barcode, price, {option: choice}, quantity)``; price is a decimal
                string, quantity None means "in stock" status tracking.
            visible: Hidden products are left out of V1 queries unless asked for.
            location_id: Where the stock is; the default location when None.
            categories: Names of the collections (V1) / categories (V3) it is in, made by
                `add_category` when new; the first is its main category.
            picture: Its main picture (e.g. `categories.png()`), served by the media host.
        """
        now = self.clock.now()
        options: dict[str, Option] = {}
        for spec in variants:
            for option_name, choice_name in spec[3].items():
                option = options.setdefault(option_name, Option(new_id(), option_name, []))
                if all(c.name != choice_name for c in option.choices):
                    option.choices.append(Choice(new_id(), choice_name))
        made = []
        for sku, barcode, unit_price, choices, _quantity in variants:
            plain = not choices and self.catalog == "V1"
            variant_id = V1_DEFAULT_VARIANT if plain else new_id()
            made.append(Variant(variant_id, sku, barcode, Decimal(unit_price), dict(choices)))
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "product"
        product = Product(
            new_id(),
            name,
            slug,
            self._next_numeric,
            list(options.values()),
            made,
            now,
            now,
            visible=visible,
        )
        self._next_numeric += 1
        product.category_ids = [self.add_category(name) for name in categories]
        if picture is not None:
            product.media_file = f"{product.id[:8]}_{new_id().replace('-', '')}~mv2.png"
            self.media[product.media_file] = picture
        self.products[product.id] = product
        for variant, spec in zip(made, variants, strict=True):
            quantity = spec[4]
            item = InventoryItem(
                new_id(),
                variant.id,
                product.id,
                location_id or self.location_id,
                quantity,
                quantity is None or quantity > 0,
                now,
                now,
            )
            self.items[item.id] = item
        return product

    def add_category(self: Any, name: str, *, parent: str | None = None) -> str:
        """The id of the collection / category called `name`, made (under `parent`) if new."""
        for category in self.categories.values():
            if category.name == name:
                return str(category.id)
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "category"
        parent_id = self.add_category(parent) if parent else None
        category = Category(new_id(), name, slug, parent_id)
        self.categories[category.id] = category
        return category.id

    def add_location(self: Any, name: str) -> str:
        location_id = new_id()
        self.locations[location_id] = name
        return location_id

    def inventory_item(self: Any, sku: str, location_id: str | None = None) -> InventoryItem:
        """The stock record of the variant with `sku` (creating it at a new location)."""
        product, variant = self.by_sku(sku)
        item = self.item_at(variant.id, location_id)
        if item is None:
            now = self.clock.now()
            location = location_id or self.location_id
            item = InventoryItem(new_id(), variant.id, product.id, location, 0, False, now, now)
            self.items[item.id] = item
        return item

    def stock(self: Any, sku: str, location_id: str | None = None) -> int | None:
        """Current quantity of `sku` (None when tracked by status only)."""
        with self.lock:
            return self.inventory_item(sku, location_id).quantity

    def set_stock(self: Any, sku: str, quantity: int, location_id: str | None = None) -> None:
        """Change stock as the merchant or an online sale would (revision bumps)."""
        with self.lock:
            self.change_item(self.inventory_item(sku, location_id), quantity=quantity)

    # ---------------------------------------------------------------- orders

    def catalog_line(
        self: Any,
        sku: str,
        quantity: int,
        unit_price: Decimal | None = None,
        location_id: str | None = None,
    ) -> dict[str, Any]:
        """A Wix-shaped order line for a catalogue variant, taxed per the site's settings."""
        product, variant = self.by_sku(sku)
        unit = variant.price if unit_price is None else unit_price
        gross = unit * quantity
        rate = self.tax_rate
        if self.tax_included:
            tax = (gross * rate / (1 + rate)).quantize(CENT, rounding=ROUND_HALF_UP)
            before, after = gross - tax, gross
        else:
            tax = (gross * rate).quantize(CENT, rounding=ROUND_HALF_UP)
            before, after = gross, gross + tax
        money = self.money
        return {
            "productName": {"original": product.name, "translated": product.name},
            "catalogReference": {
                "catalogItemId": product.id,
                "appId": STORES_APP_ID,
                "options": {"variantId": variant.id},
            },
            "quantity": quantity,
            "price": money(unit),
            "priceBeforeDiscounts": money(unit),
            "lineItemPrice": money(gross),
            "totalDiscount": money(Decimal(0)),
            "totalPriceBeforeTax": money(before),
            "totalPriceAfterTax": money(after),
            "taxInfo": {
                "taxAmount": money(tax),
                "taxableAmount": money(before),
                "taxRate": str(rate),
                "taxIncludedInPrice": self.tax_included,
            },
            "physicalProperties": {"sku": variant.sku, "shippable": True},
            "descriptionLines": [
                {
                    "name": {"original": option, "translated": option},
                    "plainText": {"original": choice, "translated": choice},
                    "lineType": "PLAIN_TEXT",
                }
                for option, choice in variant.choices.items()
            ],
            "itemType": {"preset": "PHYSICAL"},
            "locations": [{"id": location_id or self.location_id, "quantity": quantity}],
        }

    def price_summary(
        self: Any, lines: Sequence[Mapping[str, Any]], shipping: Decimal = Decimal(0)
    ) -> dict[str, Any]:
        def total(key: str) -> Decimal:
            return sum((Decimal(line[key]["amount"]) for line in lines if key in line), Decimal(0))

        tax = sum((Decimal(line["taxInfo"]["taxAmount"]["amount"]) for line in lines), Decimal(0))
        return {
            "subtotal": self.money(total("lineItemPrice")),
            "shipping": self.money(shipping),
            "tax": self.money(tax),
            "discount": self.money(total("totalDiscount")),
            "total": self.money(total("totalPriceAfterTax") + shipping),
            "totalAdditionalFees": self.money(Decimal(0)),
        }

    def add_order(
        self: Any,
        lines: Sequence[LineSpec],
        *,
        payments: str | Sequence[PaymentSpec] | None = "card",
        channel: str = "WEB",
        email: str | None = "client@example.com",
        name: tuple[str, str] = ("Camille", "Martin"),
        shipping: str = "0",
        external_order_id: str | None = None,
        created_at: datetime | None = None,
        move_stock: bool = False,
        card: tuple[str, str] = ("4242", "VISA"),
    ) -> dict[str, Any]:
        """Add an APPROVED order, as if placed earlier on the site; returns a copy of it.

        Args:
            lines: ``(sku, quantity)`` or ``(sku, quantity, unit price)``.
            payments: ``"card"`` / ``"cash"`` / ``"gift_card"`` pays the total at once;
                a list of ``(method, amount[, status])``; None for unpaid.
            created_at: Sets the clock there first (it stays frozen there).
            move_stock: Decrement stock for the lines (an online sale happening now).
            card: The card payments' ``(lastFourDigits, brand)``.
        """
        with self.lock:
            if created_at is not None:
                self.clock.set(created_at)
            built = [
                self.catalog_line(spec[0], spec[1], Decimal(spec[2]) if len(spec) > 2 else None)
                for spec in lines
            ]
            order: dict[str, Any] = {
                "channelInfo": {"type": channel},
                "lineItems": built,
                "priceSummary": self.price_summary(built, Decimal(shipping)),
                "buyerInfo": {"email": email, "contactId": new_id()} if email else {},
                "billingInfo": {"contactDetails": {"firstName": name[0], "lastName": name[1]}},
            }
            if external_order_id:
                order["channelInfo"]["externalOrderId"] = external_order_id
            self.insert_order(order, move_stock=move_stock)
            total = order["priceSummary"]["total"]["amount"]
            specs = [(payments, total)] if isinstance(payments, str) else list(payments or [])
            for spec in specs:
                self.payments[order["id"]].append(self.make_payment(*spec, card=card))
            self.refresh_payment_state(order)
            return copy.deepcopy(order)

    def sell_online(self: Any, lines: Sequence[LineSpec], **options: Any) -> dict[str, Any]:
        """An online sale now: the order appears and its lines leave the stock."""
        return self.add_order(lines, move_stock=True, **options)

    def make_payment(
        self: Any, method: str, value: str, status: str = "APPROVED",
        *, card: tuple[str, str] = ("4242", "VISA"),
    ) -> dict[str, Any]:
        """A payment as Wix lists it; a card one names its card as Wix does: its last four
        digits and its brand (`creditCardDetails`, wix-api.md §2.6)."""
        now = self.now_iso()
        payment: dict[str, Any] = {
            "id": new_id(),
            "createdDate": now,
            "updatedDate": now,
            "amount": self.money(Decimal(value)),
            "status": status,
            "refundDisabled": False,
        }
        if method == "gift_card":
            payment["giftcardPaymentDetails"] = {
                "giftCardPaymentId": new_id(),
                "obfuscatedCode": "****WXYZ",
                "appId": new_id(),
            }
        elif method == "cash":
            payment["regularPaymentDetails"] = {
                "offlinePayment": True,
                "paymentMethodName": {"userDefinedName": {"predefined": "CASH"}},
            }
        else:
            payment["regularPaymentDetails"] = {
                "offlinePayment": False,
                "providerTransactionId": new_id(),
                "creditCardDetails": {"lastFourDigits": card[0], "brand": card[1]},
            }
        return payment

    def touch_order(self: Any, order_id: str) -> str:
        """Something changed the order on the site: a new `updatedDate`, returned."""
        with self.lock:
            order = self.order(order_id)
            self.touch(order)
            return str(order["updatedDate"])

    def get_order(self: Any, order_id: str) -> dict[str, Any]:
        with self.lock:
            return copy.deepcopy(self.order(order_id))

    def get_transactions(self: Any, order_id: str) -> dict[str, Any]:
        with self.lock:
            self.order(order_id)
            return dict(self.transactions_json(order_id))

    def orders_with_external_id(self: Any, external_id: str) -> list[dict[str, Any]]:
        with self.lock:
            return [
                copy.deepcopy(order)
                for order in self.orders.values()
                if order.get("channelInfo", {}).get("externalOrderId") == external_id
            ]
