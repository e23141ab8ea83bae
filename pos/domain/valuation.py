"""What each order line was actually paid, and what returning some of its units credits.

Implements DESIGN §3 "The rules, precisely", rules 1–4:
1. tax is rounded once per line on what the line paid (`tax = round(paid·rate/(100+rate))`
   inside a tax-included amount; `round(net·rate/100)` on top of a tax-added one);
2. a percent order discount is rounded once on the sum of the lines after their own line
   discounts, then allocated over them by largest remainder (ties to the earlier line);
3. figures the order states (Wix's per-line discount, tax, total) are used as given;
4. returning k more of n units after r credits `round(paid·(r+k)/n) − round(paid·r/n)`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from pos.domain.money import Money, allocate, ratio_round, round_half_up

HUNDRED = Decimal(100)


class ValuationError(ValueError):
    """Order terms that cannot be valued (bad quantity, mixed currencies, ...)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(f"{code}: {params}")
        self.code = code
        self.params = params


@dataclass(frozen=True, slots=True)
class LineTerms:
    """One order line as sold. Optional `stated_*` figures come from the order (rule 3).

    `unit_price` is tax-included or tax-added as the order says. `line_discount_pct` and
    `line_discount` are alternatives; a stated `line_discount` is the line's own discount.
    `stated_discount` is the line's *whole* discount (own + its share of order discounts),
    as Wix's `totalDiscount` gives it.
    """

    quantity: int
    unit_price: Money
    tax_rate: Decimal = Decimal(0)
    line_discount_pct: Decimal | None = None
    line_discount: Money | None = None
    stated_discount: Money | None = None
    stated_paid: Money | None = None
    stated_tax: Money | None = None


@dataclass(frozen=True, slots=True)
class OrderTerms:
    """An order's lines and order-level discount, in one currency."""

    currency: str
    tax_included: bool
    lines: Sequence[LineTerms]
    order_discount_pct: Decimal | None = None
    order_discount: Money | None = None


@dataclass(frozen=True, slots=True)
class LineValue:
    """What a line was worth: `paid` is what the customer paid for all its units, tax in."""

    quantity: int
    gross: Money  # quantity × unit price, before any discount, as listed (tax in or not)
    discount: Money  # own discount + share of order discount (tax basis as listed)
    paid: Money  # what the customer actually paid, tax included
    tax: Money  # the tax part of `paid`

    @property
    def net(self) -> Money:
        return self.paid - self.tax

    def credit_for(self, already_returned: int, quantity: int) -> ReturnCredit:
        """Credit for returning `quantity` more units after `already_returned` (rule 4)."""
        return return_credit(self, already_returned, quantity)


@dataclass(frozen=True, slots=True)
class ReturnCredit:
    amount: Money  # tax included
    tax: Money


def tax_inside(paid: Money, rate: Decimal) -> Money:
    """VAT contained in a tax-included amount, rounded once (rule 1)."""
    if rate == 0:
        return Money.zero(paid.currency)
    return Money(round_half_up(paid.minor * rate / (HUNDRED + rate)), paid.currency)


def tax_on_top(net: Money, rate: Decimal) -> Money:
    """Tax added to a tax-excluded amount, rounded once (rule 1)."""
    return Money(round_half_up(net.minor * rate / HUNDRED), net.currency)


def _check_terms(terms: OrderTerms) -> None:
    for index, line in enumerate(terms.lines):
        if line.quantity <= 0:
            raise ValuationError("quantity_not_positive", line=index, quantity=line.quantity)
        amounts = [
            line.unit_price,
            line.line_discount,
            line.stated_discount,
            line.stated_paid,
            line.stated_tax,
        ]
        for amount in amounts:
            if amount is not None and amount.currency != terms.currency:
                raise ValuationError("currency_mismatch", line=index, currency=amount.currency)
        if line.tax_rate < 0:
            raise ValuationError("negative_tax_rate", line=index)
    if terms.order_discount is not None and terms.order_discount.currency != terms.currency:
        raise ValuationError("currency_mismatch", line=None, currency=terms.order_discount.currency)


def _own_discount(line: LineTerms, gross: Money) -> Money:
    if line.line_discount is not None:
        return line.line_discount
    if line.line_discount_pct is not None:
        return Money(round_half_up(gross.minor * line.line_discount_pct / HUNDRED), gross.currency)
    return Money.zero(gross.currency)


def _order_discount_shares(terms: OrderTerms, after_own: list[int]) -> list[int]:
    """Rule 2: one rounding on the sum, then largest-remainder allocation."""
    if terms.order_discount is not None:
        total = terms.order_discount.minor
    elif terms.order_discount_pct is not None:
        total = round_half_up(sum(after_own) * terms.order_discount_pct / HUNDRED)
    else:
        return [0] * len(after_own)
    total = min(total, sum(after_own))  # a discount never makes the order negative
    return allocate(total, [max(amount, 0) for amount in after_own])


def value_order(terms: OrderTerms) -> tuple[LineValue, ...]:
    """Value every line of an order (rules 1–3).

    Raises:
        ValuationError: a quantity is not positive, or amounts mix currencies.
    """
    _check_terms(terms)
    currency = terms.currency
    grosses = [line.unit_price.times(line.quantity) for line in terms.lines]
    own = [_own_discount(line, gross) for line, gross in zip(terms.lines, grosses, strict=True)]
    after_own = [gross.minor - discount.minor for gross, discount in zip(grosses, own, strict=True)]
    shares = _order_discount_shares(terms, after_own)
    values = []
    for line, gross, own_discount, share in zip(terms.lines, grosses, own, shares, strict=True):
        if line.stated_discount is not None:
            discount = line.stated_discount
        else:
            discount = own_discount + Money(share, currency)
        paid, tax = _paid_and_tax(line, gross - discount, terms.tax_included)
        values.append(LineValue(line.quantity, gross, discount, paid, tax))
    return tuple(values)


def _paid_and_tax(line: LineTerms, basis: Money, tax_included: bool) -> tuple[Money, Money]:
    """What a line paid (tax in) and its tax, from `basis` = listed amount after discounts."""
    if line.stated_paid is not None:
        paid = line.stated_paid
        return paid, line.stated_tax if line.stated_tax is not None else tax_inside(
            paid, line.tax_rate
        )
    if tax_included:
        return basis, line.stated_tax if line.stated_tax is not None else tax_inside(
            basis, line.tax_rate
        )
    tax = line.stated_tax if line.stated_tax is not None else tax_on_top(basis, line.tax_rate)
    return basis + tax, tax


def running_share(amount: Money, done: int, of: int) -> Money:
    """`round(amount · done / of)`: the part of `amount` that `done` of `of` units carry."""
    return Money(ratio_round(amount.minor, done, of), amount.currency)


def return_credit(line: LineValue, already_returned: int, quantity: int) -> ReturnCredit:
    """Credit for returning `quantity` more units after `already_returned` (rule 4).

    The running-total difference makes every partial return fair to the cent and all of a
    line's returns add up exactly to what it paid, in any order of visits.

    Raises:
        ValuationError: the quantity is not positive or exceeds what is still returnable.
    """
    if quantity <= 0:
        raise ValuationError("quantity_not_positive", quantity=quantity)
    if already_returned < 0 or already_returned + quantity > line.quantity:
        raise ValuationError(
            "over_return", returnable=line.quantity - max(already_returned, 0), requested=quantity
        )
    after = already_returned + quantity
    amount = running_share(line.paid, after, line.quantity) - running_share(
        line.paid, already_returned, line.quantity
    )
    tax = running_share(line.tax, after, line.quantity) - running_share(
        line.tax, already_returned, line.quantity
    )
    return ReturnCredit(amount, tax)
