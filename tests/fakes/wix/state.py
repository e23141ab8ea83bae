"""The in-memory Wix site: catalogue, stock, orders and their transactions, under one lock.

Handlers (catalog.py, inventory*.py, orders.py, drafts.py, transactions.py) read and change
it while holding `lock`; tests populate and inspect it with the helpers of `seed.SeedMixin`.
"""

from __future__ import annotations

import copy
import threading
from decimal import Decimal
from typing import Any

from tests.fakes.wix.errors import not_found
from tests.fakes.wix.model import (
    STORES_APP_ID,
    Category,
    InventoryItem,
    Product,
    SiteClock,
    Variant,
    dec,
    iso,
    new_id,
    price,
)
from tests.fakes.wix.seed import SeedMixin

SETTLED = frozenset({"APPROVED", "PARTIALLY_REFUNDED", "REFUNDED", "VOIDED"})
MAX_QUANTITY = 99999


class SiteState(SeedMixin):
    """One Wix site. Attributes tests may set:

    Attributes:
        api_orders_move_stock: Whether orders created through the API (Create Order, Create
            Order From Draft) decrement stock (wix-api.md §2.5 "Stock": a per-site fact).
        inventory_update_trigger: ``ON_ORDER_PLACED`` (at approval) or ``ON_ORDER_PAID``.
        tax_rate / tax_included: How draft orders are priced (a fraction, e.g. 0.2).
        draft_commit_lag: Number of GETs for which a committed draft still reads DRAFT.
    """

    def __init__(self, *, site_id: str, catalog: str, location_id: str, currency: str = "EUR"):
        self.lock = threading.RLock()
        self.clock = SiteClock()
        self.site_id, self.catalog, self.currency = site_id, catalog, currency
        self.location_id, self.location_name = location_id, "Boutique"
        self.locations: dict[str, str] = {location_id: self.location_name}
        self.api_orders_move_stock = True
        self.inventory_update_trigger = "ON_ORDER_PLACED"
        self.tax_rate, self.tax_included = Decimal("0.2"), True
        self.draft_commit_lag = 0
        self.products: dict[str, Product] = {}
        self.categories: dict[str, Category] = {}  # V1 collections / V3 categories
        self.media: dict[str, bytes] = {}  # picture file name -> bytes, on the media host
        self.media_base = "http://127.0.0.1/media"  # set by FakeWix.start()
        self.items: dict[str, InventoryItem] = {}
        self.orders: dict[str, dict[str, Any]] = {}
        self.payments: dict[str, list[dict[str, Any]]] = {}
        self.refunds: dict[str, list[dict[str, Any]]] = {}
        self.drafts: dict[str, dict[str, Any]] = {}
        self.stock_moved: set[str] = set()
        self.settings_date = self.clock.now()
        self._next_number, self._next_numeric = 10001, 1

    def now_iso(self) -> str:
        return iso(self.clock.now())

    def money(self, value: Decimal) -> dict[str, str]:
        return price(value, self.currency)

    # ---------------------------------------------------------------- catalogue and stock

    def find_variant(self, variant_id: str) -> tuple[Product, Variant] | None:
        for product in self.products.values():
            variant = product.variant(variant_id)
            if variant is not None:
                return product, variant
        return None

    def by_sku(self, sku: str) -> tuple[Product, Variant]:
        for product in self.products.values():
            for variant in product.variants:
                if variant.sku == sku:
                    return product, variant
        raise KeyError(f"no variant with SKU {sku!r}")

    def item_at(self, variant_id: str, location_id: str | None = None) -> InventoryItem | None:
        location_id = location_id or self.location_id
        for item in self.items.values():
            if item.variant_id == variant_id and item.location_id == location_id:
                return item
        return None

    def change_item(
        self, item: InventoryItem, *, quantity: int | None = None, in_stock: bool | None = None
    ) -> None:
        """Set an item's stock: every change bumps its revision and `updatedDate`."""
        if quantity is not None:
            item.quantity, item.in_stock = quantity, quantity > 0
        elif in_stock is not None:
            item.quantity, item.in_stock = None, in_stock
        item.revision += 1
        item.updated = self.clock.now()
        product = self.products.get(item.product_id)
        if product is not None:
            product.updated = item.updated

    def adjust(self, item: InventoryItem, delta: int) -> None:
        if item.quantity is not None and delta:
            self.change_item(item, quantity=item.quantity + delta)

    # ---------------------------------------------------------------- orders

    def order(self, order_id: str) -> dict[str, Any]:
        order = self.orders.get(order_id)
        if order is None:
            raise not_found("ORDER_NOT_FOUND", f"Order {order_id} not found", orderId=order_id)
        return order

    def touch(self, order: dict[str, Any]) -> None:
        order["updatedDate"] = self.now_iso()

    def add_activity(self, order: dict[str, Any], kind: str, **payload: Any) -> str:
        activity = {"id": new_id(), "createdDate": self.now_iso(), "type": kind, **payload}
        order.setdefault("activities", []).append(activity)
        return activity["id"]

    def insert_order(
        self, order: dict[str, Any], *, move_stock: bool | None = None, approve: bool = True
    ) -> dict[str, Any]:
        """Store a new order: server-set fields, lines' counters, approval and stock."""
        now = self.now_iso()
        order.update(id=new_id(), number=str(self._next_number), createdDate=now, updatedDate=now)
        self._next_number += 1
        order.setdefault("purchasedDate", now)
        order.setdefault("status", "APPROVED" if approve else "INITIALIZED")
        order.setdefault("fulfillmentStatus", "NOT_FULFILLED")
        order.setdefault("currency", self.currency)
        order.setdefault("taxIncludedInPrices", self.tax_included)
        order.setdefault("archived", False)
        order.setdefault("activities", [])
        for line in order["lineItems"]:
            line["id"] = line.get("id") or new_id()
            line.setdefault("refundQuantity", 0)
            line.setdefault("restockQuantity", 0)
        self.orders[order["id"]] = order
        self.payments[order["id"]], self.refunds[order["id"]] = [], []
        self.add_activity(order, "ORDER_PLACED")
        stated_status = order.get("paymentStatus")
        self.refresh_payment_state(order)
        if stated_status:
            order["paymentStatus"] = stated_status
        if move_stock if move_stock is not None else self.api_orders_move_stock:
            self.maybe_move_stock(order)
        else:
            self.stock_moved.add(order["id"])  # never moves: seeded history, imports
        return order

    def maybe_move_stock(self, order: dict[str, Any]) -> None:
        """Decrement stock once, at approval or payment per `inventory_update_trigger`."""
        if order["id"] in self.stock_moved:
            return
        if self.inventory_update_trigger == "ON_ORDER_PAID":
            ready = order.get("paymentStatus") == "PAID"
        else:
            ready = order.get("status") == "APPROVED"
        if ready:
            self.stock_moved.add(order["id"])
            for line, item in self.line_items_stock(order):
                self.adjust(item, -line["quantity"])

    def line_items_stock(self, order: dict[str, Any]) -> list[tuple[dict[str, Any], InventoryItem]]:
        """(line, inventory item) for each Wix Stores line whose variant's stock is tracked."""
        pairs = []
        for line in order["lineItems"]:
            item = self.line_item_stock(line)
            if item is not None:
                pairs.append((line, item))
        return pairs

    def line_item_stock(self, line: dict[str, Any]) -> InventoryItem | None:
        reference = line.get("catalogReference") or {}
        variant_id = (reference.get("options") or {}).get("variantId")
        if reference.get("appId") != STORES_APP_ID or not variant_id:
            return None
        locations = line.get("locations") or []
        item = self.item_at(variant_id, locations[0].get("id") if locations else None)
        return item if item is not None and item.track_quantity else None

    def refresh_payment_state(self, order: dict[str, Any]) -> None:
        """Recompute `balanceSummary` and `paymentStatus` from the transactions (INFER rules)."""
        payments, refunds = self.payments[order["id"]], self.refunds[order["id"]]
        total = dec(order.get("priceSummary", {}).get("total"))
        paid = sum((dec(p["amount"]) for p in payments if p["status"] in SETTLED), Decimal(0))
        pending = sum((dec(p["amount"]) for p in payments if p["status"] == "PENDING"), Decimal(0))
        authorized = sum(
            (dec(p["amount"]) for p in payments if p["status"] == "AUTHORIZED"), Decimal(0)
        )
        refunded = pending_refund = Decimal(0)
        for refund in refunds:
            for txn in refund["transactions"]:
                if txn["refundStatus"] == "SUCCEEDED":
                    refunded += dec(txn["amount"])
                elif txn["refundStatus"] != "FAILED":
                    pending_refund += dec(txn["amount"])
        order["balanceSummary"] = {
            "balance": self.money(max(total - paid, Decimal(0))),
            "paid": self.money(paid),
            "refunded": self.money(refunded),
            "authorized": self.money(authorized),
            "pending": self.money(pending),
            "pendingRefund": self.money(pending_refund),
        }
        if refunded + pending_refund > 0:
            full = refunded + pending_refund >= paid
            status = "FULLY_REFUNDED" if full else "PARTIALLY_REFUNDED"
        elif paid >= total:
            status = "PAID"
        elif paid > 0:
            status = "PARTIALLY_PAID"
        elif pending > 0:
            status = "PENDING"
        else:
            status = "NOT_PAID"
        order["paymentStatus"] = status

    def order_json(self, order: dict[str, Any]) -> dict[str, Any]:
        return copy.deepcopy(order)

    def transactions_json(self, order_id: str) -> dict[str, Any]:
        return {
            "orderId": order_id,
            "payments": copy.deepcopy(self.payments[order_id]),
            "refunds": copy.deepcopy(self.refunds[order_id]),
        }
