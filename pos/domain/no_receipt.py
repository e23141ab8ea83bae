"""Returns without a receipt (issue #16): what an item is worth, and what the shop allows.

A customer brings an item back with no receipt and no order to find. A manager may take it
back as a **no-receipt return**: the item is valued by policy — the lowest unit price it sold
for over the last `Policy.no_receipt_period_days` (what a customer actually paid for one
unit: the line's `paid` over its quantity, tax included, rounded once with the project's
rule), or its current catalogue price — and refunded only as a new gift card or store
credit, within limits per customer and per day. Everything here is pure: the service reads
the sales and the amounts already given, then asks these functions.

Refusal codes (`NoReceiptRefusedError.code`, parameters in brackets):
    ``no_receipt_not_sold`` (sku, days): never sold in the period, under "lowest sold".
    ``no_receipt_final_sale`` (sku): its category is final sale.
    ``no_receipt_quantity`` (quantity): a quantity below 1, or no line at all.
    ``no_receipt_customer_limit`` (left, asked): over what the customer may still get.
    ``no_receipt_day_limit`` (left, asked, count_left): over the shop's amount or count today.
    ``no_receipt_reason_required`` (reason): no reason code, an unknown one, or "other"
        without words.
    ``no_receipt_customer_required``: no customer, or a new one without a name and a
        phone or e-mail.
    ``no_receipt_refund_method`` (method): anything but a new gift card or store credit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from pos.domain.errors import DomainError
from pos.domain.money import Money, ratio_round, total_of
from pos.domain.policy import Policy
from pos.domain.settlement import STORE_CREDIT_METHODS, TenderMethod
from pos.domain.valuation import tax_inside

__all__ = [
    "NO_RECEIPT_REASONS",
    "NoReceiptLimits",
    "NoReceiptReason",
    "NoReceiptRefusedError",
    "Sale",
    "UnitValue",
    "ValuationBasis",
    "check_customer",
    "check_limits",
    "check_not_final_sale",
    "check_quantity",
    "check_reason",
    "check_refund_method",
    "limits_left",
    "line_credit",
    "unit_paid",
    "unit_value",
]

# Reason codes a no-receipt return is taken back for; "other" needs words.
NO_RECEIPT_REASONS = ("gift", "lost_receipt", "defective", "wrong_size", "changed_mind", "other")


class NoReceiptRefusedError(DomainError):
    """A no-receipt return cannot be done; nothing is written."""


class ValuationBasis(StrEnum):
    """How a returned unit without a receipt is valued (`Policy.no_receipt_basis`)."""

    LOWEST_SOLD = "lowest_sold"  # the lowest unit price it sold for over the period
    CURRENT_PRICE = "current_price"  # the catalogue's price today


@dataclass(frozen=True, slots=True)
class Sale:
    """One order line of the variant: what the customer paid for `quantity` units, and when."""

    paid: Money  # tax included, after every discount
    quantity: int
    placed_at: datetime


@dataclass(frozen=True, slots=True)
class UnitValue:
    """What one returned unit is worth, and why.

    Attributes:
        unit: Tax included.
        basis: The policy that valued it.
        sold_at: When it sold at that price (lowest sold), None for the current price.
    """

    unit: Money
    basis: ValuationBasis
    sold_at: datetime | None


@dataclass(frozen=True, slots=True)
class NoReceiptReason:
    """Why the item comes back: a code of `NO_RECEIPT_REASONS` and the customer's words."""

    code: str
    text: str = ""

    def as_text(self) -> str:
        """What the return line's reason column holds: the code, and words after a colon."""
        return f"{self.code}: {self.text.strip()}" if self.text.strip() else self.code


@dataclass(frozen=True, slots=True)
class NoReceiptLimits:
    """What may still be given without a receipt: to one customer, and by the shop today.

    Attributes:
        customer_left: Left for the customer over `customer_period_days` (never negative).
        day_left: Left for the shop today (never negative).
        day_count_left: Returns the shop may still take today; None when not counted.
    """

    customer_limit: Money
    customer_used: Money
    customer_period_days: int
    day_limit: Money
    day_used: Money
    day_count: int
    day_count_limit: int

    @property
    def customer_left(self) -> Money:
        return Money(max(0, self.customer_limit.minor - self.customer_used.minor),
                     self.customer_limit.currency)

    @property
    def day_left(self) -> Money:
        return Money(max(0, self.day_limit.minor - self.day_used.minor), self.day_limit.currency)

    @property
    def day_count_left(self) -> int | None:
        if not self.day_count_limit:
            return None
        return max(0, self.day_count_limit - self.day_count)


def unit_paid(sale: Sale) -> Money:
    """What the customer paid for one unit of `sale`, rounded once (half-up)."""
    if sale.quantity < 1:
        raise ValueError("a sale has at least one unit")
    return Money(ratio_round(sale.paid.minor, 1, sale.quantity), sale.paid.currency)


def unit_value(policy: Policy, sales: Iterable[Sale], current_price: Money, now: datetime,
               *, sku: str = "") -> UnitValue:
    """Value one unit of a variant by the policy's basis.

    Args:
        policy: Its `no_receipt_basis` and `no_receipt_period_days`.
        sales: The variant's order lines (any period: those outside it are ignored, and so
            are lines in another currency than `current_price`'s or without units).
        current_price: The catalogue's price today, tax included.
        now: Aware; the period is the `no_receipt_period_days` days up to it.
        sku: Named in a refusal.

    Raises:
        NoReceiptRefusedError: ``no_receipt_not_sold`` under "lowest sold" when no sale
            falls in the period.
    """
    if ValuationBasis(policy.no_receipt_basis) is ValuationBasis.CURRENT_PRICE:
        return UnitValue(current_price, ValuationBasis.CURRENT_PRICE, None)
    since = now - timedelta(days=policy.no_receipt_period_days)
    found = [(unit_paid(s), s.placed_at) for s in sales
             if s.quantity > 0 and s.paid.currency == current_price.currency
             and since <= s.placed_at <= now]
    if not found:
        raise NoReceiptRefusedError("no_receipt_not_sold", sku=sku,
                                    days=policy.no_receipt_period_days)
    # The lowest price; of equal ones, the latest sale (the date the receipt shows).
    unit, sold_at = min(found, key=lambda f: (f[0].minor, -f[1].timestamp()))
    return UnitValue(unit, ValuationBasis.LOWEST_SOLD, sold_at)


def line_credit(unit: Money, quantity: int, tax_rate: Decimal) -> tuple[Money, Money]:
    """(credit, its tax) of `quantity` units worth `unit` each; the tax rounded once (rule 1)."""
    check_quantity(quantity)
    credit = Money(unit.minor * quantity, unit.currency)
    return credit, tax_inside(credit, tax_rate)


def check_quantity(quantity: int) -> None:
    if quantity < 1:
        raise NoReceiptRefusedError("no_receipt_quantity", quantity=quantity)


def check_not_final_sale(policy: Policy, categories: Sequence[str], *, sku: str = "") -> None:
    if policy.is_final_sale(*categories):
        raise NoReceiptRefusedError("no_receipt_final_sale", sku=sku)


def limits_left(policy: Policy, currency: str, *, customer_used: int, day_used: int,
                day_count: int) -> NoReceiptLimits:
    """The policy's limits against what was already given (minor units of `currency`)."""
    return NoReceiptLimits(
        Money(policy.no_receipt_customer_limit_minor, currency), Money(customer_used, currency),
        policy.no_receipt_customer_period_days,
        Money(policy.no_receipt_day_limit_minor, currency), Money(day_used, currency),
        day_count, policy.no_receipt_day_count)


def check_limits(limits: NoReceiptLimits, amounts: Iterable[Money]) -> Money:
    """Refuse a return of `amounts` over any limit; returns their total.

    Raises:
        NoReceiptRefusedError: ``no_receipt_customer_limit`` or ``no_receipt_day_limit``
            with what is `left` and what was `asked` (and `count_left` for the day).
    """
    asked = total_of(amounts, limits.day_limit.currency)
    if asked > limits.customer_left:
        raise NoReceiptRefusedError("no_receipt_customer_limit", left=limits.customer_left,
                                    asked=asked)
    count_left = limits.day_count_left
    if asked > limits.day_left or count_left == 0:
        raise NoReceiptRefusedError("no_receipt_day_limit", left=limits.day_left, asked=asked,
                                    count_left=count_left)
    return asked


def check_reason(reason: NoReceiptReason | None) -> NoReceiptReason:
    if reason is None or reason.code not in NO_RECEIPT_REASONS or (
            reason.code == "other" and not reason.text.strip()):
        raise NoReceiptRefusedError("no_receipt_reason_required",
                                    reason=reason.code if reason else "")
    return reason


def check_customer(*, customer_id: int | None, name: str, email: str, phone: str) -> None:
    """An existing customer, or a new one with a name and a way to reach them."""
    if customer_id is None and not (name.strip() and (email.strip() or phone.strip())):
        raise NoReceiptRefusedError("no_receipt_customer_required")


def check_refund_method(method: TenderMethod | str) -> TenderMethod:
    try:
        chosen = TenderMethod(method)
    except ValueError:
        chosen = None
    if chosen not in STORE_CREDIT_METHODS:
        raise NoReceiptRefusedError("no_receipt_refund_method", method=str(method))
    assert chosen is not None
    return chosen
