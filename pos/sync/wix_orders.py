"""Turn a Wix eCommerce order and its `orderTransactions` into the sales history's `OrderData`.

Pure (no I/O) and float-free: decimal strings become `Money` directly (wix-api.md §1.5, §2.5,
§2.6); stated figures are used as given (DESIGN §3 rule 3), `pos.domain.valuation` fills in only
what a line leaves out; anything malformed raises `WixPayloadError` naming the field's path.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from pos.domain.money import Money, exponent
from pos.domain.orders import CustomerData, OrderData, OrderLineData, PaymentData
from pos.domain.valuation import LineTerms, OrderTerms, value_order

MAX_AMOUNT = Decimal("1e15")  # wix-api.md §1.5: Price.amount is 0..1e15
HUNDRED = Decimal(100)
# Payments that moved money; PENDING, DECLINED, CANCELED, AUTHORIZED ones are not kept.
SETTLED_PAYMENTS = frozenset({"APPROVED", "PARTIALLY_REFUNDED", "REFUNDED", "VOIDED"})
# Wix shows a refunded gift-card payment as VOIDED (wix-api.md §2.7): nothing is left on it.
FULLY_RETURNED = frozenset({"REFUNDED", "VOIDED"})
FAILED_REFUND = "FAILED"
_Pair = tuple[Money | None, Money | None]

_HINTS = {  # for logs and developers; the UI maps `code` itself
    "amount_is_number": 'money must be a decimal string such as "12.50", not a JSON number',
    "tax_rate_out_of_range": "a Wix tax rate is a fraction between 0 and 1",
}


class WixPayloadError(ValueError):
    """A Wix payload Comptoir cannot read: `code` says what, `path` says where.

    Attributes:
        code: Stable snake_case identifier, e.g. ``"amount_is_number"``.
        path: The field, e.g. ``"order.lineItems[0].price.amount"``.
        params: ``{"path": path, ...}`` plus what was found, for logs and the UI.
    """

    def __init__(self, code: str, path: str, **found: object) -> None:
        self.code, self.path = code, path
        self.params: dict[str, object] = {"path": path, **found}
        detail = "".join(f", {key}={value!r}" for key, value in found.items())
        hint = f" ({_HINTS[code]})" if code in _HINTS else ""
        super().__init__(f"Wix payload: {code} at {path}{hint}{detail}")


def load_json(text: str | bytes) -> dict[str, Any]:
    """Parse a Wix response body, refusing truncated or non-object JSON.

    Raises:
        WixPayloadError: ``invalid_json`` at ``$`` (with line and column) or ``wrong_type``.
    """
    try:
        value = json.loads(text)
    except (ValueError, TypeError) as error:
        where = {"line": error.lineno, "column": error.colno} if hasattr(error, "lineno") else {}
        raise WixPayloadError("invalid_json", "$", **where) from None
    if not isinstance(value, dict):
        raise WixPayloadError("wrong_type", "$", expected="object", found=_kind(value))
    return value


def _kind(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


@dataclass(frozen=True, slots=True)
class _Node:
    """A JSON object and its path, with typed, path-reporting accessors."""

    data: Mapping[str, Any]
    path: str

    def at(self, name: str) -> str:
        return f"{self.path}.{name}"

    def _get(self, name: str, types: tuple[type, ...], expected: str, required: bool) -> Any:
        value = self.data.get(name)
        if value is None:
            if required:
                raise WixPayloadError("missing", self.at(name))
            return None
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise WixPayloadError(
                "wrong_type", self.at(name), expected=expected, found=_kind(value)
            )
        return value

    def obj(self, name: str, *, required: bool = False) -> _Node | None:
        value = self._get(name, (dict,), "object", required)
        return None if value is None else _Node(value, self.at(name))

    def need(self, name: str) -> _Node:
        return self.obj(name, required=True)  # type: ignore[return-value]  # required

    def dig(self, *names: str) -> _Node | None:
        """The object at `names` (e.g. "billingInfo", "contactDetails"), None if absent."""
        node: _Node | None = self
        for name in names:
            node = node.obj(name) if node is not None else None
        return node

    def text(self, name: str, *, required: bool = False) -> str | None:
        return self._get(name, (str,), "string", required)

    def flag(self, name: str, default: bool = False) -> bool:
        value = self._get(name, (bool,), "boolean", False)
        return default if value is None else value

    def count(self, name: str, *, low: int, high: int, default: int | None = None) -> int:
        value = self._get(name, (int,), "integer", default is None)
        if value is None:
            return default  # type: ignore[return-value]  # required when default is None
        if not low <= value <= high:
            raise WixPayloadError(
                "quantity_out_of_range", self.at(name), value=value, low=low, high=high
            )
        return value

    def items(self, name: str, *, required: bool = False) -> list[_Node]:
        values = self._get(name, (list,), "array", required) or []
        nodes = []
        for index, value in enumerate(values):
            if not isinstance(value, dict):
                raise WixPayloadError(
                    "wrong_type", f"{self.at(name)}[{index}]", expected="object", found=_kind(value)
                )
            nodes.append(_Node(value, f"{self.at(name)}[{index}]"))
        return nodes

    def money(self, name: str, currency: str, *, required: bool = False) -> Money | None:
        """A Wix `Price` object (``{"amount": "12.50", ...}``) as `Money`."""
        price = self.obj(name, required=required)
        if price is None:
            return None
        raw = price.data.get("amount")
        if raw is None or raw == "":
            if required:
                raise WixPayloadError("missing", price.at("amount"))
            return None
        return parse_amount(raw, currency, price.at("amount"))

    def need_money(self, name: str, currency: str) -> Money:
        return self.money(name, currency, required=True)  # type: ignore[return-value]

    def time(self, name: str, *, required: bool = False) -> datetime | None:
        raw = self.text(name, required=required)
        return None if raw is None else parse_timestamp(raw, self.at(name))


def parse_amount(raw: object, currency: str, path: str) -> Money:
    """A Wix decimal-string amount as `Money`; floats and sub-minor precision are refused.

    Raises:
        WixPayloadError: ``amount_is_number``, ``amount_invalid``, ``amount_negative``,
            ``amount_out_of_range`` or ``amount_too_precise``.
    """
    if isinstance(raw, bool) or not isinstance(raw, str):
        code = "amount_is_number" if isinstance(raw, int | float) else "wrong_type"
        raise WixPayloadError(code, path, found=_kind(raw))
    value = _decimal(raw)
    if value is None:
        raise WixPayloadError("amount_invalid", path, value=raw)
    if value < 0:
        raise WixPayloadError("amount_negative", path, value=raw)
    if value > MAX_AMOUNT:
        raise WixPayloadError("amount_out_of_range", path, value=raw)
    minor = value.scaleb(exponent(currency))
    if minor != minor.to_integral_value():
        raise WixPayloadError("amount_too_precise", path, value=raw, currency=currency)
    return Money.from_decimal(value, currency)


def _decimal(raw: str) -> Decimal | None:
    try:
        value = Decimal(raw.strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def parse_timestamp(raw: str, path: str) -> datetime:
    """An ISO-8601 timestamp such as ``2024-05-01T10:15:30.123Z``; it must carry its zone."""
    try:
        moment = datetime.fromisoformat(raw.strip())
    except ValueError:
        raise WixPayloadError("invalid_timestamp", path, value=raw) from None
    if moment.tzinfo is None:
        raise WixPayloadError("invalid_timestamp", path, value=raw)
    return moment


def order_from_wix(
    order_json: Mapping[str, Any], transactions_json: Mapping[str, Any] | None = None
) -> OrderData:
    """Convert a Wix eCommerce order and its payments/refunds into `OrderData`.

    Args:
        order_json: The `Order`, or the ``{"order": {...}}`` response of Get Order.
        transactions_json: The `orderTransactions`, or the whole response; None: no payments.

    Returns:
        The order; payments only when SETTLED_PAYMENTS, refunded as their non-FAILED refund
        transactions say (all of it when REFUNDED or VOIDED).

    Raises:
        WixPayloadError: Any field missing, of the wrong type, or not a valid value.
    """
    root = _root(order_json, "order", "order")
    currency = _currency(root)
    tax_included = root.flag("taxIncludedInPrices")
    placed_at = root.time("purchasedDate") or root.time("createdDate", required=True)
    assert placed_at is not None  # required above
    lines = _lines(root, currency, tax_included)
    summary = root.obj("priceSummary")
    shipping, shipping_tax = _shipping(root, currency, lines)
    return OrderData(
        number=_required_text(root, "number"),
        channel=_required_text(root.need("channelInfo"), "type"),
        placed_at=placed_at,
        currency=currency,
        tax_included=tax_included,
        lines=lines,
        payments=_payments(transactions_json, root, currency, placed_at),
        customer=_customer(root),
        wix_id=_required_text(root, "id"),
        wix_updated_at=root.time("updatedDate"),
        status=root.text("status") or "APPROVED",
        payment_status=root.text("paymentStatus") or "PAID",
        fulfillment_status=root.text("fulfillmentStatus") or "FULFILLED",
        shipping=shipping,
        shipping_tax=shipping_tax,
        stated_total=summary.money("total", currency) if summary else None,
        shipping_refunded=_shipping_refunded(transactions_json, currency),
    )


def _shipping_refunded(transactions_json: Mapping[str, Any] | None, currency: str) -> bool:
    """Whether a refund that did not fail gave shipping back (`details.shippingIncluded` or
    a `details.shipping.amount` above zero): the counter must not refund it again (rule 6)."""
    if transactions_json is None:
        return False
    root = _root(transactions_json, "orderTransactions", "orderTransactions")
    for refund in root.items("refunds"):
        transactions = refund.items("transactions")
        if transactions and all(t.text("refundStatus") == FAILED_REFUND for t in transactions):
            continue
        details = refund.obj("details")
        shipping = details.obj("shipping") if details is not None else None
        amount = shipping.money("amount", currency) if shipping is not None else None
        if (details is not None and details.flag("shippingIncluded")) or (amount and amount.minor):
            return True
    return False


def _root(payload: Mapping[str, Any], wrapper: str, path: str) -> _Node:
    if not isinstance(payload, Mapping):
        raise WixPayloadError("wrong_type", path, expected="object", found=_kind(payload))
    inner = payload.get(wrapper)
    if isinstance(inner, Mapping) and len(payload) == 1:
        payload = inner
    return _Node(payload, path)


def _required_text(node: _Node, name: str) -> str:
    value = node.text(name, required=True)
    if not value or not value.strip():
        raise WixPayloadError("missing", node.at(name))
    return value.strip()


def _currency(root: _Node) -> str:
    currency = _required_text(root, "currency")
    if len(currency) != 3 or not currency.isalpha() or not currency.isupper():
        raise WixPayloadError("invalid_currency", root.at("currency"), value=currency)
    return currency


def _lines(root: _Node, currency: str, tax_included: bool) -> tuple[OrderLineData, ...]:
    nodes = root.items("lineItems", required=True)
    if not nodes:
        raise WixPayloadError("empty", root.at("lineItems"))
    terms = [_line_terms(node, currency) for node in nodes]
    summary = root.obj("priceSummary")
    order_discount = None
    if summary is not None and all(t.stated_discount is None for t in terms):
        order_discount = summary.money("discount", currency)  # spread only when lines are silent
    values = value_order(OrderTerms(currency, tax_included, terms, order_discount=order_discount))
    return tuple(
        _line(node, term, value.paid, value.tax, value.discount)
        for node, term, value in zip(nodes, terms, values, strict=True)
    )


def _line_terms(node: _Node, currency: str) -> LineTerms:
    tax_info = node.obj("taxInfo")
    return LineTerms(
        quantity=node.count("quantity", low=1, high=100_000),
        unit_price=node.need_money("price", currency),
        tax_rate=_tax_rate(tax_info),
        stated_discount=node.money("totalDiscount", currency),
        stated_paid=node.money("totalPriceAfterTax", currency),
        stated_tax=tax_info.money("taxAmount", currency) if tax_info else None,
    )


def _tax_rate(tax_info: _Node | None) -> Decimal:
    """Wix states a rate as a fraction ("0.2"); the domain works in percent (20)."""
    raw = tax_info.text("taxRate") if tax_info else None
    if raw is None or raw == "":
        return Decimal(0)
    assert tax_info is not None
    fraction = _decimal(raw)
    if fraction is None or not 0 <= fraction <= 1:
        raise WixPayloadError("tax_rate_out_of_range", tax_info.at("taxRate"), value=raw)
    return (fraction * HUNDRED).normalize()


def _line(node: _Node, terms: LineTerms, paid: Money, tax: Money, discount: Money) -> OrderLineData:
    quantity = terms.quantity
    return OrderLineData(
        product_name=_required_text(node.need("productName"), "original")[:200],
        quantity=quantity,
        unit_price=terms.unit_price,
        paid=paid,
        tax=tax,
        tax_rate=terms.tax_rate,
        discount=discount if discount else None,
        sku=_text_of(node.obj("physicalProperties"), "sku") or None,
        options_text=_options_text(node),
        wix_line_id=node.text("id"),
        refunded_quantity=node.count("refundQuantity", low=0, high=quantity, default=0),
        restocked_quantity=node.count("restockQuantity", low=0, high=quantity, default=0),
    )


def _options_text(node: _Node) -> str:
    """``"Taille: M / Couleur: Bleu"`` from the line's `descriptionLines`."""
    parts = []
    for line in node.items("descriptionLines"):
        label = _text_of(line.obj("name"), "original")
        shown = _text_of(line.obj("plainText") or line.obj("colorInfo"), "original")
        if label or shown:
            parts.append(f"{label}: {shown}" if label and shown else label or shown)
    return " / ".join(parts)[:200]


def _shipping(root: _Node, currency: str, lines: tuple[OrderLineData, ...]) -> _Pair:
    """Shipping as paid (tax in) and its tax; (None, None) when the order has none.

    `shippingInfo.cost` states both when present; else `priceSummary.shipping` is before tax
    (in tax-included shops too) and its tax is what `priceSummary.tax` holds beyond the lines'.
    """
    summary = root.obj("priceSummary")
    cost = root.dig("shippingInfo", "cost")
    if cost is not None and cost.data.get("totalPriceAfterTax") is not None:
        paid, details = cost.money("totalPriceAfterTax", currency), cost.obj("taxDetails")
        return (paid or None), details.money("totalTax", currency) if details else None
    price = summary.money("shipping", currency) if summary else None
    if not price:
        return None, None
    assert summary is not None
    order_tax = summary.money("tax", currency) or Money.zero(currency)
    tax = order_tax - Money(sum(line.tax.minor for line in lines), currency)
    tax = tax if tax.minor > 0 else Money.zero(currency)
    return price + tax, tax


def _customer(root: _Node) -> CustomerData | None:
    contact, buyer = root.dig("billingInfo", "contactDetails"), root.obj("buyerInfo")
    first, last = _text_of(contact, "firstName"), _text_of(contact, "lastName")
    phone, email = _text_of(contact, "phone"), _text_of(buyer, "email")
    contact_id = _text_of(buyer, "contactId")
    if not any((first, last, phone, email, contact_id)):
        return None
    language = (root.text("buyerLanguage") or "fr")[:2].lower()
    return CustomerData(
        first[:100], last[:100], email or None, phone or None, contact_id or None, language
    )


def _text_of(node: _Node | None, name: str) -> str:
    """An optional string field of an optional object, "" when either is absent."""
    return (node.text(name) if node is not None else None) or ""


def _payments(
    transactions_json: Mapping[str, Any] | None, order: _Node, currency: str, placed_at: datetime
) -> tuple[PaymentData, ...]:
    if transactions_json is None:
        return ()
    root = _root(transactions_json, "orderTransactions", "orderTransactions")
    order_id = root.text("orderId")
    if order_id and order_id != order.data.get("id"):
        raise WixPayloadError("order_mismatch", root.at("orderId"), value=order_id)
    nodes = root.items("payments")
    ids = {_required_text(node, "id") for node in nodes}
    refunded = _refunded_by_payment(root, currency, ids)
    payments = (_payment(node, currency, placed_at, refunded) for node in nodes)
    return tuple(payment for payment in payments if payment.status in SETTLED_PAYMENTS)


def _payment(
    node: _Node, currency: str, placed_at: datetime, refunded: dict[str, Money]
) -> PaymentData:
    payment_id = _required_text(node, "id")
    amount = node.need_money("amount", currency)
    status = node.text("status") or "APPROVED"
    method, reference = _method(node)
    given_back = refunded.get(payment_id, Money.zero(currency))
    if status in FULLY_RETURNED and given_back < amount:
        given_back = amount  # the status says all of it, whatever the refund list shows
    return PaymentData(
        method=method,
        amount=amount,
        created_at=node.time("createdDate") or placed_at,
        refunded=given_back or None,
        reference=reference[:64],
        status=status,
        wix_payment_id=payment_id,
    )


def _method(node: _Node) -> tuple[str, str]:
    """(method, reference): card / cash / gift_card / other, and what identifies it."""
    gift = node.obj("giftcardPaymentDetails")
    if gift is not None:
        return "gift_card", gift.text("obfuscatedCode") or ""
    regular = node.obj("regularPaymentDetails")
    if regular is None:
        return "other", ""
    card = regular.obj("creditCardDetails")
    if card is not None:
        return "card", f"**** {card.text('lastFourDigits') or ''}".strip()
    user = regular.dig("paymentMethodName", "userDefinedName")
    if user is not None and user.text("predefined") == "CASH":
        return "cash", ""
    if user is not None:
        return "other", user.text("custom") or user.text("predefined") or ""
    return ("other", "") if regular.flag("offlinePayment") else ("card", "")


def _refunded_by_payment(root: _Node, currency: str, payment_ids: set[str]) -> dict[str, Money]:
    """What each payment got back: the refunds' transactions, FAILED ones excepted."""
    totals: dict[str, Money] = {}
    for refund in root.items("refunds"):
        for transaction in refund.items("transactions"):
            if transaction.text("refundStatus") == FAILED_REFUND:
                continue
            payment_id = _required_text(transaction, "paymentId")
            if payment_id not in payment_ids:
                raise WixPayloadError(
                    "unknown_payment", transaction.at("paymentId"), value=payment_id
                )
            amount = transaction.need_money("amount", currency)
            totals[payment_id] = totals.get(payment_id, Money.zero(currency)) + amount
    return totals
