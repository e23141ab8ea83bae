"""What a counter document starts from: the original order as sold, and the cashier's draft.

`check_draft` applies DESIGN §3 rule 10 (all or nothing, refusals before any quote); `quote`
in `pos.domain.returns` prices a checked draft. Everything here is an immutable value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from pos.domain.errors import ReturnRefusedError
from pos.domain.money import Money
from pos.domain.policy import Policy
from pos.domain.settlement import PaymentSnapshot
from pos.domain.valuation import LineValue


class DocumentKind(StrEnum):
    EXCHANGE = "exchange"
    REFUND = "refund"
    CANCELLATION = "cancellation"


class Disposition(StrEnum):
    """Where a returned unit goes."""

    RESTOCK = "restock"
    DAMAGED = "damaged"
    INSPECT = "inspect"


@dataclass(frozen=True, slots=True)
class SoldLine:
    """One line of the original order, valued (rules 1–3), with what came back before."""

    line_id: str
    product_id: str
    variant_id: str | None
    name: str
    value: LineValue
    already_returned: int = 0
    category: str = ""
    sku: str = ""
    final_sale: bool = False  # sold as final sale, whatever its category
    categories: tuple[str, ...] = ()  # its Wix collections / categories, by name

    @property
    def returnable(self) -> int:
        return max(self.value.quantity - self.already_returned, 0)

    @property
    def all_categories(self) -> tuple[str, ...]:
        """`category` and `categories`: the policy's category rules apply to each."""
        return tuple(dict.fromkeys(c for c in (self.category, *self.categories) if c))

    def is_final_sale(self, policy: Policy) -> bool:
        return self.final_sale or policy.is_final_sale(*self.all_categories)


@dataclass(frozen=True, slots=True)
class OrderSnapshot:
    """The original order as the returns desk needs it.

    Attributes:
        shipping: What the customer paid for shipping, tax included (zero when none).
        shipping_tax: The tax part of `shipping`.
    """

    order_id: str
    number: str
    currency: str
    placed_at: datetime
    fulfilled: bool
    lines: tuple[SoldLine, ...]
    payments: tuple[PaymentSnapshot, ...] = ()
    shipping: Money | None = None
    shipping_tax: Money | None = None
    shipping_already_refunded: bool = False

    def line(self, line_id: str) -> SoldLine | None:
        return next((line for line in self.lines if line.line_id == line_id), None)


@dataclass(frozen=True, slots=True)
class ReturnRequest:
    """Take back `quantity` units of one original line.

    `disposition` may be given by its value (`"damaged"`): a widget or a script hands back
    plain strings, and the commit stores `disposition.value`.
    """

    line_id: str
    quantity: int
    disposition: Disposition = Disposition.RESTOCK
    reason: str = ""

    def __post_init__(self) -> None:
        # Disposition(...) refuses an unknown value with ValueError: a caller's bug, not input.
        object.__setattr__(self, "disposition", Disposition(self.disposition))


@dataclass(frozen=True, slots=True)
class NewItem:
    """A replacement item in an exchange, at its current catalogue price.

    Attributes:
        unit_price: Current price, tax included or added as `tax_included` says.
        override_unit_price: A manager's price instead of `unit_price` (needs approval;
            never paired like-for-like).
    """

    product_id: str
    variant_id: str
    quantity: int
    unit_price: Money
    tax_rate: Decimal
    tax_included: bool
    name: str = ""
    sku: str = ""
    override_unit_price: Money | None = None


@dataclass(frozen=True, slots=True)
class Draft:
    """A document being built at the counter, before anything is written.

    Attributes:
        returns: What comes back. For a cancellation, lines not named come back whole to
            stock; naming one sets its disposition and reason.
        with_refund: Cancellations only: False cancels without giving money back.
        return_request_id: The approved return request this document carries out (its
            lines and quantities are checked again at commit, and it becomes used).
        approved_at: When that request was approved: the return window counts from it when
            the policy says so (`Policy.window_from_approval`). The services set it from the
            stored request; a caller's value is never trusted.
    """

    kind: DocumentKind
    returns: tuple[ReturnRequest, ...] = ()
    new_items: tuple[NewItem, ...] = ()
    refund_shipping: bool = False
    with_refund: bool = True
    note: str = ""
    return_request_id: int | None = None
    approved_at: datetime | None = None

    def __post_init__(self) -> None:
        if not self.with_refund and self.kind is not DocumentKind.CANCELLATION:
            raise ValueError("only a cancellation may be made without refund")


def check_draft(order: OrderSnapshot, draft: Draft, policy: Policy) -> None:
    """Refuse a draft that cannot be quoted (rule 10), before any amount is computed.

    Raises:
        ReturnRefusedError: The first problem found; the whole request is refused.
    """
    _check_shape(order, draft)
    _check_quantities(draft)
    _check_returnable(order, draft.returns)
    _check_new_items(order.currency, draft.new_items)
    _check_reasons(draft, policy)
    _check_shipping(order, draft)
    if draft.kind is DocumentKind.CANCELLATION and not any(line.returnable for line in order.lines):
        raise ReturnRefusedError("nothing_to_cancel", order=order.number)


def _check_shape(order: OrderSnapshot, draft: Draft) -> None:
    if draft.kind is DocumentKind.CANCELLATION:
        if order.fulfilled:
            raise ReturnRefusedError("cancellation_of_fulfilled_order", order=order.number)
        if draft.new_items:
            raise ReturnRefusedError("new_items_not_allowed", kind=draft.kind)
        return
    if not draft.returns and not draft.new_items:
        raise ReturnRefusedError("empty_draft")
    if not draft.returns:
        raise ReturnRefusedError("nothing_returned", kind=draft.kind)
    if draft.kind is DocumentKind.REFUND and draft.new_items:
        raise ReturnRefusedError("new_items_not_allowed", kind=draft.kind)
    if draft.kind is DocumentKind.EXCHANGE and not draft.new_items:
        raise ReturnRefusedError("exchange_without_new_items")


def _check_quantities(draft: Draft) -> None:
    # One bad quantity refuses everything: a half-applied request would surprise the cashier.
    for request in draft.returns:
        if request.quantity <= 0:
            raise ReturnRefusedError(
                "quantity_not_positive", line_id=request.line_id, quantity=request.quantity
            )
    for item in draft.new_items:
        if item.quantity <= 0:
            raise ReturnRefusedError(
                "quantity_not_positive", variant_id=item.variant_id, quantity=item.quantity
            )


def _check_returnable(order: OrderSnapshot, returns: Sequence[ReturnRequest]) -> None:
    requested: dict[str, int] = {}
    for request in returns:  # duplicates are added up *before* the returnable check
        if order.line(request.line_id) is None:
            raise ReturnRefusedError("unknown_line", line_id=request.line_id)
        requested[request.line_id] = requested.get(request.line_id, 0) + request.quantity
    for line_id, quantity in requested.items():
        line = order.line(line_id)
        assert line is not None  # checked just above
        if quantity > line.returnable:
            raise ReturnRefusedError(
                "over_return",
                line_id=line_id,
                name=line.name,
                returnable=line.returnable,
                requested=quantity,
            )


def _check_new_items(currency: str, items: Sequence[NewItem]) -> None:
    for item in items:
        for price in (item.unit_price, item.override_unit_price):
            if price is None:
                continue
            if price.currency != currency:
                raise ReturnRefusedError(
                    "currency_mismatch", name=item.name, currency=price.currency, expected=currency
                )
            if price.is_negative():
                raise ReturnRefusedError("price_negative", name=item.name, price=price)
        if not item.tax_rate.is_finite() or item.tax_rate < 0:
            raise ReturnRefusedError("tax_rate_invalid", name=item.name, rate=item.tax_rate)


def _check_reasons(draft: Draft, policy: Policy) -> None:
    if not policy.reasons_required:
        return
    if draft.kind is DocumentKind.CANCELLATION:
        if not draft.note.strip():  # lines come back whole, so the note is the reason
            raise ReturnRefusedError("note_required")
        return
    for request in draft.returns:
        if not request.reason.strip():
            raise ReturnRefusedError("reason_required", line_id=request.line_id)


def _check_shipping(order: OrderSnapshot, draft: Draft) -> None:
    if not draft.refund_shipping:
        return
    if not draft.with_refund:
        raise ReturnRefusedError("shipping_refund_without_refund")
    if order.shipping is None or order.shipping.is_zero():
        raise ReturnRefusedError("no_shipping_to_refund")
    if order.shipping_already_refunded:
        raise ReturnRefusedError("shipping_already_refunded", shipping=order.shipping)
