"""The demo shop's sales history: N orders over two years, as plain row tuples in batches.

Rows are built in Python and handed to a bulk writer (`pos.db.demo_writer`); the ORM would
take hours for a million orders. Every figure still comes from the domain rules: line
values from `value_order`, refunds from `return_credit`, search keys from `chrono_base`'s
scheme and index documents from `search_document`.
"""

from __future__ import annotations

import bisect
import itertools
import json
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any

from pos.db.demo_catalogue import CURRENCY, TAX_RATE, Catalogue, DemoVariant, guid
from pos.db.demo_people import CustomerMaker
from pos.domain.money import Money, allocate
from pos.domain.search_text import card_words, normalise_number
from pos.domain.valuation import (
    LineTerms,
    LineValue,
    OrderTerms,
    return_credit,
    tax_inside,
    value_order,
)

FIRST_NUMBER = 10001  # Wix numbers a shop's orders from 10001 up
DAYS = 730  # two years of history
CUSTOMERS_PER_ORDER = 0.3
# Share of orders that name a customer (all web orders, 60 % of shop sales): a new customer
# comes with this probability so that there are ~0.3 customers per order in all.
_NEW_CUSTOMER = CUSTOMERS_PER_ORDER / 0.82
TIES_PER_MS = 1000
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_DAY_MS = 86_400_000
_RATE = Decimal(TAX_RATE)
_LINE_PCTS = (Decimal(10), Decimal(15), Decimal(20), Decimal(30), Decimal(50))
_ORDER_PCTS = (Decimal(5), Decimal(10), Decimal(15))
_SHIPPING = (490, 690)  # Colissimo, tax included; free above _FREE_SHIPPING
_FREE_SHIPPING = 6000
_GIFT_CARD_VALUES = (1500, 2000, 2500, 3000, 5000)
_REFUND_REASONS = ("Taille trop petite", "Taille trop grande", "Ne convient pas", "Défaut")
# Hours (UTC) when orders come in: the web all day with an evening peak, the shop 9h–19h.
_WEB_HOURS = tuple(itertools.accumulate(
    (2, 1, 1, 1, 1, 1, 2, 4, 6, 7, 8, 9, 10, 9, 8, 8, 9, 11, 13, 15, 14, 10, 6, 3)
))  # fmt: skip
_POS_HOURS = tuple(itertools.accumulate(
    (0, 0, 0, 0, 0, 0, 0, 0, 4, 6, 8, 10, 10, 8, 8, 10, 12, 12, 8, 0, 0, 0, 0, 0)
))  # fmt: skip
_MONTH_FACTORS = (120, 80, 90, 100, 100, 110, 120, 80, 100, 100, 130, 160)  # sales, Christmas
_WEEKDAY_FACTORS = (90, 90, 100, 100, 115, 145, 80)  # Monday … Sunday

ORDER_COLUMNS = (
    "id", "wix_id", "number", "number_norm", "search_key", "channel", "placed_at",
    "wix_updated_at", "currency", "tax_included", "status", "payment_status",
    "fulfillment_status", "customer_id", "buyer_email", "subtotal_minor", "discount_minor",
    "shipping_minor", "shipping_tax_minor", "tax_minor", "total_minor", "order_discount_pct",
)  # fmt: skip
LINE_COLUMNS = (
    "id", "order_id", "position", "wix_line_id", "variant_id", "product_name", "sku",
    "options_text", "quantity", "unit_price_minor", "discount_minor", "paid_minor", "tax_minor",
    "tax_rate", "refunded_quantity", "restocked_quantity",
)  # fmt: skip
PAYMENT_COLUMNS = (
    "id", "order_id", "wix_payment_id", "method", "amount_minor", "refunded_minor", "status",
    "reference", "created_at", "card_last4", "card_brand",
)  # fmt: skip
# A demo card's brand follows from its digits: no random draw, so the generated shop (and
# every figure measured on it) stays what it was before cards had brands.
_CARD_BRANDS = ("visa", "mastercard", "visa", "cb", "amex")
# A basket line's (quantity, unit price, line discount %), the basket, and a refund's
# (line position, units, refunded at).
_Terms = tuple[int, int, Decimal | None]
_Basket = list[tuple[DemoVariant, _Terms]]
_Refund = tuple[int, int, datetime]

REFUND_COLUMNS = (
    "id",
    "order_id",
    "wix_refund_id",
    "amount_minor",
    "reason",
    "lines",
    "created_at",
)


@dataclass(slots=True)
class Batch:
    """Rows for one write transaction, in foreign-key order."""

    customers: list[tuple[object, ...]] = field(default_factory=list)
    orders: list[tuple[object, ...]] = field(default_factory=list)
    lines: list[tuple[object, ...]] = field(default_factory=list)
    payments: list[Sequence[object]] = field(default_factory=list)  # lists: refunds set [5]
    refunds: list[tuple[object, ...]] = field(default_factory=list)
    search: list[tuple[int, str]] = field(default_factory=list)


@lru_cache(maxsize=1 << 14)
def _valued(lines: tuple[_Terms, ...], pct: Decimal | None) -> tuple[LineValue, ...]:
    """`value_order` of a tax-included EUR order; most baskets repeat, hence the cache."""
    terms = OrderTerms(
        CURRENCY,
        True,
        [LineTerms(q, Money(price, CURRENCY), _RATE, line_pct) for q, price, line_pct in lines],
        order_discount_pct=pct,
    )
    return value_order(terms)


@lru_cache(maxsize=64)
def _tax_in(amount: int) -> int:
    """Shipping's own VAT (DESIGN §3 rule 6), inside its tax-included price."""
    return tax_inside(Money(amount, CURRENCY), _RATE).minor


def day_counts(rng: random.Random, orders: int, first_day: datetime) -> list[int]:
    """Orders per day: weekday and season shape, growing business, exactly `orders` in all."""
    weights = []
    for day in range(DAYS):
        date = first_day + timedelta(days=day)
        growth = 100 + 40 * day // DAYS
        noise = rng.randint(85, 115)
        weights.append(
            _MONTH_FACTORS[date.month - 1] * _WEEKDAY_FACTORS[date.weekday()] * growth * noise
        )
    return allocate(orders, weights)


class OrderFactory:
    """Builds the orders of the demo shop, oldest first, numbered from 10001.

    Args:
        rng: the only source of randomness (so one seed gives one history).
        catalogue: what the orders sell.
        orders: how many orders in all.
        now: the history ends the day before `now` (UTC).
        stamp: turns a datetime into what the writer stores (text for SQLite).
    """

    def __init__(
        self,
        *,
        rng: random.Random,
        catalogue: Catalogue,
        orders: int,
        now: datetime,
        stamp: Callable[[datetime], object],
    ) -> None:
        self._rng, self._catalogue, self._total, self._now = rng, catalogue, orders, now
        self._stamp = stamp
        self._people = CustomerMaker(random.Random(rng.getrandbits(64)))
        # (id, e-mail, indexed words) of every customer so far: all a returning one needs,
        # kept small because there are ~300,000 of them at a million orders.
        self._customers: list[tuple[int, str, str]] = []
        # The first orders all come from new customers: with only a handful known, "a
        # returning customer" would otherwise give the first ones dozens of orders each.
        self._warm_up = min(200, max(1, int(orders * CUSTOMERS_PER_ORDER) // 20))
        self._ids = {"order": 0, "line": 0, "payment": 0, "refund": 0}
        self._last_ms, self._tie = -1, 0
        today = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        self._first_day = today - timedelta(days=DAYS)

    @property
    def customers(self) -> int:
        return self._people.count

    def batches(self, size: int) -> Iterator[Batch]:
        """Every order, `size` at a time (the last batch may be smaller)."""
        batch = Batch()
        counts = day_counts(self._rng, self._total, self._first_day)
        for day, count in enumerate(counts):
            day_ms = int((self._first_day - _EPOCH).total_seconds()) * 1000 + day * _DAY_MS
            sunday = (self._first_day + timedelta(days=day)).weekday() == 6
            for moment, pos in self._day_moments(day_ms, count, sunday):
                self._order(batch, moment, pos)
                if len(batch.orders) >= size:
                    yield batch
                    batch = Batch()
        if batch.orders:
            yield batch

    def _day_moments(self, day_ms: int, count: int, sunday: bool) -> list[tuple[int, bool]]:
        rng = self._rng
        moments = []
        for _ in range(count):
            pos = not sunday and rng.random() < 0.45  # the shop is closed on Sundays
            hours = _POS_HOURS if pos else _WEB_HOURS
            hour = bisect.bisect_right(hours, rng.random() * hours[-1])
            moments.append((day_ms + hour * 3_600_000 + rng.randrange(3_600_000), pos))
        moments.sort()
        return moments

    def _search_key(self, ms: int) -> int:
        # Same scheme as pos.db.orders.next_search_key: chrono_base (ms × 1000) + tie counter.
        self._tie = self._tie + 1 if ms == self._last_ms else 0
        self._last_ms = ms
        if self._tie >= TIES_PER_MS:
            raise ValueError("more than 1000 demo orders in one millisecond")
        return ms * TIES_PER_MS + self._tie

    def _customer(self, batch: Batch, pos: bool) -> tuple[int, str, str] | None:
        rng = self._rng
        if pos and rng.random() < 0.4:  # walk-in customer, no account
            return None
        if len(self._customers) < self._warm_up or rng.random() < _NEW_CUSTOMER:
            made = self._people.make()
            batch.customers.append(made.row)
            self._customers.append((made.row[0], made.email, made.search_prefix))
            return self._customers[-1]
        return self._customers[rng.randrange(len(self._customers))]

    def _basket(self) -> tuple[_Basket, Decimal | None]:
        rng = self._rng
        size = bisect.bisect_right((55, 83, 95, 100), rng.random() * 100) + 1
        variants = [self._catalogue.pick(rng) for _ in range(size)]
        terms: list[_Terms] = []
        for variant in variants:
            quantity = 1 if rng.random() < 0.85 else (2 if rng.random() < 0.8 else 3)
            line_pct = rng.choice(_LINE_PCTS) if rng.random() < 0.1 else None
            terms.append((quantity, variant.price_minor, line_pct))
        order_pct = rng.choice(_ORDER_PCTS) if rng.random() < 0.08 else None
        return list(zip(variants, terms, strict=True)), order_pct

    def _order(self, batch: Batch, ms: int, pos: bool) -> None:
        rng = self._rng
        ids = self._ids
        ids["order"] += 1
        order_id = ids["order"]
        number = str(FIRST_NUMBER + order_id - 1)
        placed = _EPOCH + timedelta(milliseconds=ms)
        customer = self._customer(batch, pos)
        basket, order_pct = self._basket()
        values = _valued(tuple(term for _, term in basket), order_pct)
        lines_paid = sum(value.paid.minor for value in values)
        shipping = 0
        if not pos and lines_paid < _FREE_SHIPPING and rng.random() < 0.8:
            shipping = rng.choice(_SHIPPING)
        total = lines_paid + shipping
        payments = self._payments(order_id, total, pos, placed)
        refunded = self._refund(batch, order_id, values, payments, placed)
        self._lines(batch, order_id, basket, values, refunded)
        batch.payments.extend(payments)
        stamp = self._stamp(placed)
        updated = stamp if refunded is None else self._stamp(refunded[2])
        recent = not pos and (self._now - placed).days < 2
        search_key = self._search_key(ms)
        batch.orders.append((
            order_id, guid(rng), number, normalise_number(number), search_key,
            "POS" if pos else "WEB", stamp, updated, CURRENCY, True, "APPROVED",
            "PAID" if refunded is None else "PARTIALLY_REFUNDED",
            "NOT_FULFILLED" if recent else "FULFILLED",
            customer[0] if customer else None, customer[1] if customer else None,
            sum(q * price for _, (q, price, _) in basket),
            sum(value.discount.minor for value in values),
            shipping, _tax_in(shipping) if shipping else 0,
            sum(value.tax.minor for value in values), total,
            None if order_pct is None else str(order_pct),
        ))  # fmt: skip
        prefix = customer[2] if customer else ""
        cards = [word for p in payments for word in card_words(p[9], p[10])]
        batch.search.append((search_key, " ".join([_document(prefix, number), *cards])))

    def _lines(self, batch: Batch, order_id: int, basket: _Basket,
               values: tuple[LineValue, ...], refunded: _Refund | None) -> None:
        for position, ((variant, (quantity, price, _)), value) in enumerate(
            zip(basket, values, strict=True)
        ):
            self._ids["line"] += 1
            returned = refunded[1] if refunded is not None and refunded[0] == position else 0
            batch.lines.append((
                self._ids["line"], order_id, position, None, variant.id, variant.product_name,
                variant.sku, variant.options_text, quantity, price, value.discount.minor,
                value.paid.minor, value.tax.minor, TAX_RATE, returned, returned,
            ))  # fmt: skip

    def _payments(self, order_id: int, total: int, pos: bool, placed: datetime) -> list[list[Any]]:
        """[[id, order, wix id, method, amount, refunded, status, reference, at], …]."""
        rng = self._rng
        stamp = self._stamp(placed)
        roll = rng.random()
        method = "cash" if pos and roll < 0.3 else ("paypal" if not pos and roll < 0.1 else "card")
        gift = rng.choice(_GIFT_CARD_VALUES) if rng.random() < 0.06 else 0
        parts: list[tuple[str, int, str]] = []
        if 0 < gift < total:  # a split payment: gift card first, the rest by card
            parts.append(("gift_card", gift, f"GC-{rng.randint(0, 9999):04d}"))
            method = "card"
        reference = f"**** {rng.randint(0, 9999):04d}" if method == "card" else ""
        parts.append((method, total - (gift if parts else 0), reference))
        rows: list[list[Any]] = []
        for method_, amount, ref in parts:
            self._ids["payment"] += 1
            last4 = ref[-4:] if method_ == "card" else None
            brand = _CARD_BRANDS[int(last4) % len(_CARD_BRANDS)] if last4 else None
            rows.append([
                self._ids["payment"], order_id, guid(rng), method_, amount, 0, "APPROVED", ref,
                stamp, last4, brand,
            ])  # fmt: skip
        return rows

    def _refund(self, batch: Batch, order_id: int, values: tuple[LineValue, ...],
                payments: list[list[Any]], placed: datetime) -> _Refund | None:
        """Maybe refund part of the order: (line position, units, refunded at) or None."""
        rng = self._rng
        if rng.random() >= 0.04 or sum(value.quantity for value in values) < 2:
            return None
        position = rng.randrange(len(values))
        value: LineValue = values[position]
        units = value.quantity if len(values) > 1 else rng.randint(1, value.quantity - 1)
        at = placed + timedelta(days=rng.randint(2, 25), minutes=rng.randrange(600))
        credit = return_credit(value, 0, units).amount.minor
        payment = payments[-1]  # the card, cash or PayPal part: Wix refunds gift cards only whole
        if at >= self._now or credit > payment[4] or credit == 0:
            return None
        payment[5] = credit
        self._ids["refund"] += 1
        lines = json.dumps([{"line": self._ids["line"] + position + 1, "quantity": units}])
        batch.refunds.append((
            self._ids["refund"], order_id, guid(rng), credit, rng.choice(_REFUND_REASONS), lines,
            self._stamp(at),
        ))  # fmt: skip
        return position, units, at


def _document(prefix: str, number: str) -> str:
    """`search_document` of an order from its customer's part, without re-folding the names."""
    if not prefix:
        return number
    if f" {number} " in f" {prefix} ":  # search_document keeps each word once
        return prefix
    return f"{prefix} {number}"
