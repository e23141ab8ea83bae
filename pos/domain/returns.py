"""Quotes for exchanges, refunds and cancellations (DESIGN §3 rules 5–7 and 10, §4 step 2).

`quote` turns a checked draft into every figure the counter shows before anything commits:
credits per returned line (rule 4's running totals), new items (rule 1, like-for-like rule 7),
fees (rule 5), shipping (rule 6), the balance and its kind, the approvals a manager must give
and the tender methods that may settle it. The input types live in `returns_draft` and are
re-exported here, so callers import everything from this module.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from pos.domain.money import Money, round_half_up, total_of
from pos.domain.policy import ApprovalRule, Policy
from pos.domain.returns_draft import (
    Disposition,
    DocumentKind,
    Draft,
    NewItem,
    OrderSnapshot,
    ReturnRequest,
    SoldLine,
    check_draft,
)
from pos.domain.settlement import (
    COLLECT_METHODS,
    REFUND_METHODS,
    STORE_CREDIT_METHODS,
    BalanceKind,
    PaymentSnapshot,
    TenderMethod,
)
from pos.domain.valuation import return_credit, tax_inside, tax_on_top

__all__ = [
    "BalanceKind",
    "Disposition",
    "DocumentKind",
    "Draft",
    "Fees",
    "NewItem",
    "OrderSnapshot",
    "PricingBasis",
    "Quote",
    "QuotedNewItem",
    "QuotedReturn",
    "ReturnRequest",
    "SoldLine",
    "check_draft",
    "days_since_purchase",
    "quote",
]

HUNDRED = Decimal(100)


class PricingBasis(StrEnum):
    CURRENT_PRICE = "current_price"
    LIKE_FOR_LIKE = "like_for_like"  # rule 7: the returned unit's credit and tax
    OVERRIDE = "override"  # a manager's price


@dataclass(frozen=True, slots=True)
class QuotedReturn:
    """A part of the document taking back `quantity` units of one line.

    Attributes:
        returned_before: Units of the line returned before this part (running total start).
        credit: What these units paid, tax included (rule 4).
        tax: The tax part of `credit`.
    """

    line_id: str
    name: str
    category: str
    quantity: int
    disposition: Disposition
    reason: str
    returned_before: int
    credit: Money
    tax: Money
    final_sale: bool
    exchange_only: bool
    store_credit_only: bool = False  # money back only as a new gift card or store credit
    categories: tuple[str, ...] = ()  # every category of the line (`SoldLine.all_categories`)
    product_id: str = ""  # the line's product (`SoldLine.product_id`): product rules apply

    @property
    def returned_after(self) -> int:
        return self.returned_before + self.quantity


@dataclass(frozen=True, slots=True)
class QuotedNewItem:
    """A priced new line. One `NewItem` may give several (like-for-like part, the rest).

    Attributes:
        total: What the customer pays for these units, tax included.
        tax: Its tax part, rounded once for the line (rule 1) or taken from the credit (rule 7).
        replaces_line_id: For like-for-like, the returned line whose units it replaces.
    """

    item: NewItem
    quantity: int
    basis: PricingBasis
    total: Money
    tax: Money
    replaces_line_id: str | None = None


@dataclass(frozen=True, slots=True)
class Fees:
    """Rule 5: no tax part of their own; together never above the returned credit."""

    restocking: Money
    flat: Money

    @property
    def total(self) -> Money:
        return self.restocking + self.flat


@dataclass(frozen=True, slots=True)
class Quote:
    """Every figure of a document before it commits.

    `balance = new_items_total − returned_credit + fees.total − shipping_refund`; negative
    means money goes back to the customer. A cancellation without refund has a zero balance
    of kind NONE.
    """

    kind: DocumentKind
    order_id: str
    currency: str
    returns: tuple[QuotedReturn, ...]
    new_items: tuple[QuotedNewItem, ...]
    returned_credit: Money
    returned_tax: Money
    new_items_total: Money
    new_items_tax: Money
    fees: Fees
    shipping_refund: Money
    shipping_refund_tax: Money
    balance: Money
    balance_kind: BalanceKind
    days_since_purchase: int
    approvals_needed: tuple[ApprovalRule, ...]
    settlement_methods: tuple[TenderMethod, ...]
    note: str = ""

    @property
    def to_refund(self) -> Money:
        """Money going back to the customer (zero unless the balance is lower)."""
        return -self.balance if self.balance.minor < 0 else Money.zero(self.currency)

    @property
    def store_credit_only(self) -> bool:
        """Money back only as a new gift card or store credit (a store-credit-only item)."""
        return any(part.store_credit_only for part in self.returns)

    @property
    def to_collect(self) -> Money:
        return self.balance if self.balance.minor > 0 else Money.zero(self.currency)

    def returned_quantities(self) -> dict[str, int]:
        """Units taken back per original line id."""
        quantities: dict[str, int] = {}
        for part in self.returns:
            quantities[part.line_id] = quantities.get(part.line_id, 0) + part.quantity
        return quantities


def quote(order: OrderSnapshot, draft: Draft, policy: Policy, now: datetime) -> Quote:
    """Price a draft (rules 1–7), after refusing it if it cannot be done (rule 10).

    Args:
        order: The original order, with what was already returned and refunded.
        draft: What the cashier is building.
        policy: The shop's return policy.
        now: Aware time of the quote, in the shop's time zone (return window in calendar days).

    Raises:
        ReturnRefusedError: From `check_draft`; nothing is quoted.
    """
    check_draft(order, draft, policy)
    currency = order.currency
    returns = _quote_returns(order, _requests(order, draft), policy)
    new_items = tuple(_quote_new_items(order, returns, draft.new_items, policy))
    credit = total_of((part.credit for part in returns), currency)
    fees = _fees(draft.kind, returns, credit, policy)
    shipping, shipping_tax = _shipping(order, draft)
    new_total = total_of((line.total for line in new_items), currency)
    balance, balance_kind = _balance(draft, new_total - credit + fees.total - shipping)
    days = days_since_purchase(_window_start(order, draft, policy), now)
    return Quote(
        kind=draft.kind,
        order_id=order.order_id,
        currency=currency,
        returns=returns,
        new_items=new_items,
        returned_credit=credit,
        returned_tax=total_of((part.tax for part in returns), currency),
        new_items_total=new_total,
        new_items_tax=total_of((line.tax for line in new_items), currency),
        fees=fees,
        shipping_refund=shipping,
        shipping_refund_tax=shipping_tax,
        balance=balance,
        balance_kind=balance_kind,
        days_since_purchase=days,
        approvals_needed=_approvals(draft, returns, new_items, balance, days, policy),
        settlement_methods=_methods(balance, order.payments, returns),
        note=draft.note,
    )


def _window_start(order: OrderSnapshot, draft: Draft, policy: Policy) -> datetime:
    """The purchase, or the approval of the draft's return request when the policy says so."""
    if policy.window_from_approval and draft.approved_at is not None:
        return max(order.placed_at, draft.approved_at)
    return order.placed_at


def days_since_purchase(placed_at: datetime, now: datetime) -> int:
    """Calendar days from the purchase to `now`, counted in `now`'s time zone.

    Raises:
        ValueError: Either time is naive (a programming error: times are always aware).
    """
    if placed_at.tzinfo is None or now.tzinfo is None:
        raise ValueError("placed_at and now must be timezone-aware")
    return (now.date() - placed_at.astimezone(now.tzinfo).date()).days


def _requests(order: OrderSnapshot, draft: Draft) -> list[ReturnRequest]:
    """The draft's requests; a cancellation adds every unit still returnable, to stock."""
    requests = list(draft.returns)
    if draft.kind is not DocumentKind.CANCELLATION:
        return requests
    named: dict[str, int] = {}
    for request in requests:
        named[request.line_id] = named.get(request.line_id, 0) + request.quantity
    for line in order.lines:
        left = line.returnable - named.get(line.line_id, 0)
        if left > 0:
            requests.append(ReturnRequest(line.line_id, left, Disposition.RESTOCK))
    return requests


def _quote_returns(
    order: OrderSnapshot, requests: Sequence[ReturnRequest], policy: Policy
) -> tuple[QuotedReturn, ...]:
    # Several parts of one line continue each other's running total, so they add up to
    # exactly the credit of returning them all at once (rule 4).
    returned = {line.line_id: line.already_returned for line in order.lines}
    parts = []
    for request in requests:
        line = order.line(request.line_id)
        assert line is not None  # check_draft refused unknown lines
        before = returned[line.line_id]
        credit = return_credit(line.value, before, request.quantity)
        returned[line.line_id] = before + request.quantity
        parts.append(
            QuotedReturn(
                line_id=line.line_id,
                name=line.name,
                category=line.category,
                quantity=request.quantity,
                disposition=request.disposition,
                reason=request.reason,
                returned_before=before,
                credit=credit.amount,
                tax=credit.tax,
                final_sale=line.is_final_sale(policy),
                exchange_only=policy.is_exchange_only(*line.all_categories,
                                                      product_id=line.product_id),
                store_credit_only=policy.is_store_credit_only(*line.all_categories),
                categories=line.all_categories,
                product_id=line.product_id,
            )
        )
    return tuple(parts)


@dataclass(slots=True)
class _Unpaired:
    """Units of one returned part not yet matched with a like-for-like replacement."""

    part: QuotedReturn
    line: SoldLine
    left: int


def _quote_new_items(
    order: OrderSnapshot,
    returns: Sequence[QuotedReturn],
    items: Sequence[NewItem],
    policy: Policy,
) -> Iterator[QuotedNewItem]:
    """Price new items; like-for-like units pair with returned units in draft order."""
    pool: list[_Unpaired] = []
    if policy.like_for_like_keeps_price:
        for part in returns:
            line = order.line(part.line_id)
            assert line is not None
            pool.append(_Unpaired(part, line, part.quantity))
    for item in items:
        if item.override_unit_price is not None:
            yield _at_price(item, item.quantity, item.override_unit_price, PricingBasis.OVERRIDE)
            continue
        remaining = item.quantity
        for unpaired in pool:
            if remaining == 0:
                break
            if unpaired.left == 0 or unpaired.line.product_id != item.product_id:
                continue
            quantity = min(unpaired.left, remaining)
            yield _paired(item, unpaired, quantity)
            unpaired.left -= quantity
            remaining -= quantity
        if remaining:
            yield _at_price(item, remaining, item.unit_price, PricingBasis.CURRENT_PRICE)


def _paired(item: NewItem, unpaired: _Unpaired, quantity: int) -> QuotedNewItem:
    """Rule 7: exactly the credit and tax of the returned units it replaces."""
    part = unpaired.part
    first = part.returned_before + (part.quantity - unpaired.left)
    credit = return_credit(unpaired.line.value, first, quantity)
    return QuotedNewItem(
        item, quantity, PricingBasis.LIKE_FOR_LIKE, credit.amount, credit.tax, part.line_id
    )


def _at_price(item: NewItem, quantity: int, unit: Money, basis: PricingBasis) -> QuotedNewItem:
    """Rule 1 for a new line: tax rounded once on the line's amount."""
    gross = unit.times(quantity)
    if item.tax_included:
        return QuotedNewItem(item, quantity, basis, gross, tax_inside(gross, item.tax_rate))
    tax = tax_on_top(gross, item.tax_rate)
    return QuotedNewItem(item, quantity, basis, gross + tax, tax)


def _fees(
    kind: DocumentKind, returns: Sequence[QuotedReturn], credit: Money, policy: Policy
) -> Fees:
    """Rule 5: percent per category rounded once on the document, plus the flat fee."""
    zero = Money.zero(credit.currency)
    if kind is DocumentKind.CANCELLATION or not returns:
        return Fees(zero, zero)
    exact = sum(
        (Decimal(p.credit.minor) * policy.restocking_pct_for(*p.categories) for p in returns),
        Decimal(0),
    )
    restocking = min(Money(round_half_up(exact / HUNDRED), credit.currency), credit)
    # The flat fee gives way first: fees never take more than the goods brought back.
    flat_fee = (policy.flat_return_fee_minor
                if policy.flat_fee_applies(p.product_id for p in returns) else 0)
    flat = min(Money(flat_fee, credit.currency), credit - restocking)
    return Fees(restocking, flat)


def _shipping(order: OrderSnapshot, draft: Draft) -> tuple[Money, Money]:
    """Rule 6: whole, with its own tax, only when chosen (check_draft refused a second time)."""
    zero = Money.zero(order.currency)
    if not draft.refund_shipping or order.shipping is None:
        return zero, zero
    return order.shipping, order.shipping_tax or zero


def _balance(draft: Draft, balance: Money) -> tuple[Money, BalanceKind]:
    if draft.kind is DocumentKind.CANCELLATION and not draft.with_refund:
        return Money.zero(balance.currency), BalanceKind.NONE
    if draft.kind is not DocumentKind.EXCHANGE:
        return balance, BalanceKind.LOWER  # rule 10: a plain refund is lower, even at zero
    if balance.is_zero():
        return balance, BalanceKind.EQUAL
    return balance, BalanceKind.LOWER if balance.is_negative() else BalanceKind.HIGHER


def _approvals(
    draft: Draft,
    returns: Sequence[QuotedReturn],
    new_items: Sequence[QuotedNewItem],
    balance: Money,
    days: int,
    policy: Policy,
) -> tuple[ApprovalRule, ...]:
    refunded = -balance.minor if balance.minor < 0 else 0
    needed = []
    if refunded > policy.manager_refund_threshold_minor:
        needed.append(ApprovalRule.OVER_THRESHOLD)
    if draft.kind is not DocumentKind.CANCELLATION:  # never delivered: the window is moot
        if days > policy.return_window_days:
            needed.append(ApprovalRule.OUTSIDE_WINDOW)
        if any(part.final_sale for part in returns):
            needed.append(ApprovalRule.FINAL_SALE)
        gives_money = draft.kind is DocumentKind.REFUND or refunded > 0
        if gives_money and any(part.exchange_only for part in returns):
            needed.append(ApprovalRule.EXCHANGE_ONLY)
    if draft.refund_shipping:
        needed.append(ApprovalRule.SHIPPING_REFUND)
    if draft.kind is DocumentKind.CANCELLATION:
        needed.append(ApprovalRule.CANCELLATION)
    if any(line.basis is PricingBasis.OVERRIDE for line in new_items):
        needed.append(ApprovalRule.PRICE_OVERRIDE)
    return tuple(needed)


def _methods(
    balance: Money, payments: Sequence[PaymentSnapshot], returns: Sequence[QuotedReturn]
) -> tuple[TenderMethod, ...]:
    if balance.minor > 0:
        return COLLECT_METHODS
    if balance.is_zero():
        return ()
    if any(part.store_credit_only for part in returns):
        return STORE_CREDIT_METHODS  # money back only as a card the shop honours
    if any(payment.refundable.minor > 0 for payment in payments):
        return REFUND_METHODS
    return tuple(method for method in REFUND_METHODS if method is not TenderMethod.ORIGINAL_PAYMENT)
