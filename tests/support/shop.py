"""A small shop on a test database: catalogue with stock, staff, and orders to bring back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from pos.db.engine import SessionFactory
from pos.db.orders import record_order
from pos.db.records import ProductRecord, StockLevelRecord, VariantRecord
from pos.domain.money import Money
from pos.domain.orders import CustomerData, OrderData, OrderLineData, PaymentData
from pos.domain.roles import Operator, Role
from pos.domain.valuation import LineTerms, OrderTerms, value_order
from pos.services.cash import CashService
from pos.services.returns import ReturnsService
from pos.services.users import UserService
from pos.wiring import Store
from tests.support.clock import FakeClock

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
SIZES = ("S", "M", "L")
FLOAT = 20000  # the drawer's opening float in the shop's fixtures (200.00)


@dataclass
class Shop:
    sessions: SessionFactory
    clock: FakeClock
    users: UserService
    returns: ReturnsService
    cashier: Operator
    manager: Operator
    variants: dict[str, int]  # sku -> variant id


def build_shop(sessions: SessionFactory, *, currency: str = "EUR", rate: str = "20",
               stock: int = 5) -> Shop:
    clock = FakeClock(NOW)
    store = Store(sessions=sessions, clock=clock, terminal_id="T1")  # as the app wires T1
    users = store.users
    users.add_user(None, "admin", "Alex Admin", Role.ADMIN, "7391")
    admin = users.login("admin", "7391")
    users.add_user(admin, "camille", "Camille", Role.CASHIER, "2580")
    users.add_user(admin, "maxime", "Maxime", Role.MANAGER, "4826")
    variants = {}
    with sessions.begin() as s:
        for product, (name, price, category) in enumerate((
                ("T-shirt coton bio", 2990, "tops"), ("Jean droit", 7990, "bottoms"),
                ("Écharpe laine", 3990, "sale"))):
            record = ProductRecord(wix_id=f"wix-prod-{product}", name=name, category=category)
            s.add(record)
            s.flush()
            for size in SIZES:
                sku = f"{name[:3].upper()}-{size}"
                variant = VariantRecord(product_id=record.id, wix_variant_id=f"wv-{sku}", sku=sku,
                                        barcode=f"200000{product}{SIZES.index(size)}", options={
                                            "Taille": size}, price_minor=price,
                                        currency=currency, tax_rate=rate)
                s.add(variant)
                s.flush()
                s.add(StockLevelRecord(variant_id=variant.id, on_hand=stock, updated_at=NOW))
                variants[sku] = variant.id
    store.cash.open(admin, Money(FLOAT, currency))  # a counter document needs an open drawer
    returns = store.returns
    return Shop(sessions, clock, users, returns, users.login("camille", "2580"),
                users.login("maxime", "4826"), variants)


def open_till(sessions: SessionFactory, clock: FakeClock, terminal_id: str, operator: Operator,
              *, currency: str = "EUR", opening_float: int = 0) -> CashService:
    """Open `terminal_id`'s drawer: a counter document needs an open cash session."""
    cash = Store(sessions=sessions, clock=clock, terminal_id=terminal_id).cash
    cash.open(operator, Money(opening_float, currency))
    return cash


def sell(shop: Shop, number: str, items: list[tuple[str, int]], *, days_ago: int = 3,
         tax_included: bool = True, currency: str = "EUR", rate: str = "20",
         payments: list[tuple[str, int]] | None = None, order_discount_pct: str | None = None,
         fulfilled: bool = True, email: str = "helene@example.fr") -> int:
    """Record an order of `items` (sku, quantity) as Wix would; returns the order id."""
    placed = NOW - timedelta(days=days_ago)
    with shop.sessions() as s:
        prices = {v.sku: v.price_minor for v in s.scalars(select(VariantRecord))}
        # Named as Wix names a line: the product, and its options beside (never a bare SKU).
        names = {sku: (name, " / ".join(f"{k}: {v}" for k, v in (options or {}).items()))
                 for sku, name, options in s.execute(select(
                     VariantRecord.sku, ProductRecord.name, VariantRecord.options).join(
                     ProductRecord, ProductRecord.id == VariantRecord.product_id))}  # fmt: skip
    terms = OrderTerms(currency, tax_included, [
        LineTerms(q, Money(prices[sku], currency), Decimal(rate)) for sku, q in items],
        order_discount_pct=Decimal(order_discount_pct) if order_discount_pct else None)
    values = value_order(terms)
    pairs = enumerate(zip(items, values, strict=True))
    lines = tuple(OrderLineData(
        names[sku][0], q, Money(prices[sku], currency), v.paid, v.tax, Decimal(rate), v.discount,
        sku=sku, options_text=names[sku][1], wix_line_id=f"wl-{number}-{i}")
        for i, ((sku, q), v) in pairs)
    total = sum(v.paid.minor for v in values)
    pays = payments or [("card", total)]
    data = OrderData(
        number=number, channel="WEB", placed_at=placed, currency=currency,
        tax_included=tax_included, lines=lines, payments=tuple(
            PaymentData(m, Money(a, currency), placed, wix_payment_id=f"wp-{number}-{i}")
            for i, (m, a) in enumerate(pays)),
        customer=CustomerData("Hélène", "Lefèvre", email, "+33612345678"),
        wix_id=f"wix-order-{number}",
        fulfillment_status="FULFILLED" if fulfilled else "NOT_FULFILLED")
    with shop.sessions.begin() as s:
        return record_order(s, data).id


def on_hand(shop: Shop, sku: str) -> int:
    with shop.sessions() as s:
        return s.scalar(select(StockLevelRecord.on_hand).where(
            StockLevelRecord.variant_id == shop.variants[sku]))
