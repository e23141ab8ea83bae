"""Turn a Wix eCommerce order and its `orderTransactions` into the sales history's `OrderData`.

Pure (no I/O) and float-free: decimal strings become `Money` directly (wix-api.md §1.5, §2.5,
§2.6); stated figures are used as given (DESIGN §3 rule 3), `pos.domain.valuation` fills in only
what a line leaves out; anything malformed raises `WixPayloadError` naming the field's path.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from pos.domain.money import Money
from pos.domain.orders import CustomerData, OrderData, OrderLineData, PaymentData
from pos.domain.search_text import card_brand, card_last4, normalise_number
from pos.domain.valuation import LineTerms, LineValue, OrderTerms, value_order
from pos.sync.wix_payload import (
    MAX_AMOUNT,
    Node,
    WixPayloadError,
    check_minor,
    check_text,
    kind,
    load_json,
    parse_amount,
    parse_decimal,
    parse_timestamp,
)

__all__ = [
    "MAX_AMOUNT",
    "WixPayloadError",
    "load_json",
    "order_from_wix",
    "parse_amount",
    "parse_timestamp",
]

# The columns' lengths (pos/db/records/orders.py; tests/sync/test_wix_hostile.py checks they agree):
# identifiers longer than their column are refused (`too_long`), names and descriptions cut.
ID_CHARS = 64  # order, line, payment and contact ids; SKUs
NUMBER_CHARS = 40
CHANNEL_CHARS = 24
STATUS_CHARS = 16  # the order's status
STATE_CHARS = 24  # its payment and fulfilment statuses, a payment's status
EMAIL_CHARS = 254
NAME_CHARS = 100
PHONE_CHARS = 40
LINE_TEXT_CHARS = 200  # product name, options
REFERENCE_CHARS = 64
TAX_RATE_DECIMALS = 4  # in percent: 8.875 % (0.08875) fits, 0.123456789 does not
HUNDRED = Decimal(100)
# Payments that moved money; PENDING, DECLINED, CANCELED, AUTHORIZED ones are not kept.
SETTLED_PAYMENTS = frozenset({"APPROVED", "PARTIALLY_REFUNDED", "REFUNDED", "VOIDED"})
# Wix shows a refunded gift-card payment as VOIDED (wix-api.md §2.7): nothing is left on it.
FULLY_RETURNED = frozenset({"REFUNDED", "VOIDED"})
FAILED_REFUND = "FAILED"
_Pair = tuple[Money | None, Money | None]


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
    wix_id, number = _required_text(root, "id", limit=ID_CHARS), _number(root)
    currency = _currency(root)
    tax_included = root.flag("taxIncludedInPrices")
    placed_at = root.time("purchasedDate") or root.time("createdDate", required=True)
    assert placed_at is not None  # required above
    lines = _lines(root, currency, tax_included)
    summary = root.obj("priceSummary")
    shipping, shipping_tax = _shipping(root, currency, lines)
    data = OrderData(
        number=number,
        channel=_required_text(root.need("channelInfo"), "type", limit=CHANNEL_CHARS),
        placed_at=placed_at,
        currency=currency,
        tax_included=tax_included,
        lines=lines,
        payments=_payments(transactions_json, root, currency, placed_at),
        customer=_customer(root),
        wix_id=wix_id,
        wix_updated_at=root.time("updatedDate"),
        status=root.text("status", limit=STATUS_CHARS) or "APPROVED",
        payment_status=root.text("paymentStatus", limit=STATE_CHARS) or "PAID",
        fulfillment_status=root.text("fulfillmentStatus", limit=STATE_CHARS) or "FULFILLED",
        shipping=shipping,
        shipping_tax=shipping_tax,
        stated_total=summary.money("total", currency) if summary else None,
        shipping_refunded=_shipping_refunded(transactions_json, currency),
    )
    _check_order_sums(data, root)
    return data


def _number(root: Node) -> str:
    """The order number: the cashier must be able to find the order by it."""
    number = _required_text(root, "number", limit=NUMBER_CHARS)
    norm = normalise_number(number)
    if not any(ch.isalnum() for ch in norm) or len(norm) > NUMBER_CHARS:
        raise WixPayloadError("invalid_number", root.at("number"))
    return number


def _check_order_sums(data: OrderData, root: Node) -> None:
    """Every figure the order's row holds stays within the recorded bound (docs/money.md)."""
    lines = root.at("lineItems")
    check_minor(sum(line.unit_price.minor * line.quantity for line in data.lines), lines)
    check_minor(sum(line.discount.minor for line in data.lines if line.discount), lines)
    check_minor(sum(line.tax.minor for line in data.lines), lines)
    shipping = data.shipping.minor if data.shipping else 0
    check_minor(shipping + sum(line.paid.minor for line in data.lines), lines)
    if data.shipping_tax is not None:
        check_minor(data.shipping_tax.minor, root.at("priceSummary.tax"))


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


def _root(payload: Mapping[str, Any], wrapper: str, path: str) -> Node:
    if not isinstance(payload, Mapping):
        raise WixPayloadError("wrong_type", path, expected="object", found=kind(payload))
    inner = payload.get(wrapper)
    if isinstance(inner, Mapping) and len(payload) == 1:
        payload = inner
    return Node(payload, path)


def _required_text(node: Node, name: str, *, limit: int | None = None) -> str:
    value = node.text(name, required=True)
    if not value or not value.strip():
        raise WixPayloadError("missing", node.at(name))
    return check_text(value.strip(), node.at(name), limit=limit)


def _currency(root: Node) -> str:
    currency = _required_text(root, "currency")
    if len(currency) != 3 or not currency.isalpha() or not currency.isupper():
        raise WixPayloadError("invalid_currency", root.at("currency"), value=currency)
    return currency


def _lines(root: Node, currency: str, tax_included: bool) -> tuple[OrderLineData, ...]:
    nodes = root.items("lineItems", required=True)
    if not nodes:
        raise WixPayloadError("empty", root.at("lineItems"))
    terms = [_line_terms(node, currency) for node in nodes]
    summary = root.obj("priceSummary")
    order_discount = None
    if summary is not None and all(t.stated_discount is None for t in terms):
        order_discount = summary.money("discount", currency)  # spread only when lines are silent
    values = value_order(OrderTerms(currency, tax_included, terms, order_discount=order_discount))
    for node, term, value in zip(nodes, terms, values, strict=True):
        _check_line(node, term, value, spread=order_discount is not None)
    return tuple(
        _line(node, term, value.paid, value.tax, value.discount)
        for node, term, value in zip(nodes, terms, values, strict=True)
    )


def _check_line(node: Node, terms: LineTerms, value: LineValue, *, spread: bool) -> None:
    """A line's figures must make sense: in the bound, discount ≤ price, tax ≤ paid."""
    check_minor(value.gross.minor, node.at("quantity"))
    if value.discount > value.gross:
        where = "order.priceSummary.discount" if spread else node.at("totalDiscount")
        raise WixPayloadError("discount_exceeds_price", where, discount=value.discount.minor,
                              price=value.gross.minor)
    if value.tax > value.paid:
        where = node.at("taxInfo.taxAmount") if terms.stated_tax is not None else node.path
        raise WixPayloadError("tax_exceeds_paid", where, tax=value.tax.minor,
                              paid=value.paid.minor)
    check_minor(value.paid.minor, node.at("totalPriceAfterTax"))


def _line_terms(node: Node, currency: str) -> LineTerms:
    tax_info = node.obj("taxInfo")
    return LineTerms(
        quantity=node.count("quantity", low=1, high=100_000),
        unit_price=node.need_money("price", currency),
        tax_rate=_tax_rate(tax_info),
        stated_discount=node.money("totalDiscount", currency),
        stated_paid=node.money("totalPriceAfterTax", currency),
        stated_tax=tax_info.money("taxAmount", currency) if tax_info else None,
    )


def _tax_rate(tax_info: Node | None) -> Decimal:
    """Wix states a rate as a fraction ("0.2"); the domain works in percent (20)."""
    raw = tax_info.text("taxRate") if tax_info else None
    if raw is None or raw == "":
        return Decimal(0)
    assert tax_info is not None
    fraction = parse_decimal(raw)
    if fraction is None or not 0 <= fraction <= 1:
        raise WixPayloadError("tax_rate_out_of_range", tax_info.at("taxRate"), value=raw[:40])
    percent = (fraction * HUNDRED).normalize()
    if percent != percent.quantize(Decimal(1).scaleb(-TAX_RATE_DECIMALS)).normalize():
        raise WixPayloadError("tax_rate_too_precise", tax_info.at("taxRate"), value=raw[:40])
    return percent


def _line(node: Node, terms: LineTerms, paid: Money, tax: Money, discount: Money) -> OrderLineData:
    quantity = terms.quantity
    return OrderLineData(
        product_name=_required_text(node.need("productName"), "original")[:LINE_TEXT_CHARS],
        quantity=quantity,
        unit_price=terms.unit_price,
        paid=paid,
        tax=tax,
        tax_rate=terms.tax_rate,
        discount=discount if discount else None,
        sku=_text_of(node.obj("physicalProperties"), "sku", limit=ID_CHARS) or None,
        options_text=_options_text(node),
        wix_line_id=node.text("id", limit=ID_CHARS),
        refunded_quantity=node.count("refundQuantity", low=0, high=quantity, default=0),
        restocked_quantity=node.count("restockQuantity", low=0, high=quantity, default=0),
    )


def _options_text(node: Node) -> str:
    """``"Taille: M / Couleur: Bleu"`` from the line's `descriptionLines`."""
    parts = []
    for line in node.items("descriptionLines"):
        label = _text_of(line.obj("name"), "original")
        shown = _text_of(line.obj("plainText") or line.obj("colorInfo"), "original")
        if label or shown:
            parts.append(f"{label}: {shown}" if label and shown else label or shown)
    return " / ".join(parts)[:LINE_TEXT_CHARS]


def _shipping(root: Node, currency: str, lines: tuple[OrderLineData, ...]) -> _Pair:
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


def _customer(root: Node) -> CustomerData | None:
    contact, buyer = root.dig("billingInfo", "contactDetails"), root.obj("buyerInfo")
    first, last = _text_of(contact, "firstName"), _text_of(contact, "lastName")
    phone, email = _text_of(contact, "phone"), _text_of(buyer, "email")
    contact_id = _text_of(buyer, "contactId", limit=ID_CHARS)
    if not any((first, last, phone, email, contact_id)):
        return None
    if email and buyer is not None:  # kept as sent and folded; folding can lengthen it
        check_text(email, buyer.at("email"), limit=EMAIL_CHARS)
        check_text(email.strip().lower(), buyer.at("email"), limit=EMAIL_CHARS)
    language = (root.text("buyerLanguage") or "fr")[:2].lower()
    return CustomerData(first[:NAME_CHARS], last[:NAME_CHARS], email or None,
                        phone[:PHONE_CHARS] or None, contact_id or None, language)


def _text_of(node: Node | None, name: str, *, limit: int | None = None) -> str:
    """An optional string field of an optional object, "" when either is absent."""
    return (node.text(name, limit=limit) if node is not None else None) or ""


def _payments(
    transactions_json: Mapping[str, Any] | None, order: Node, currency: str, placed_at: datetime
) -> tuple[PaymentData, ...]:
    if transactions_json is None:
        return ()
    root = _root(transactions_json, "orderTransactions", "orderTransactions")
    order_id = root.text("orderId")
    if order_id and order_id != order.data.get("id"):
        raise WixPayloadError("order_mismatch", root.at("orderId"), value=order_id)
    nodes = root.items("payments")
    amounts: dict[str, Money] = {}
    for node in nodes:
        payment_id = _required_text(node, "id", limit=ID_CHARS)
        if payment_id in amounts:
            raise WixPayloadError("duplicate", node.at("id"), value=payment_id)
        amounts[payment_id] = node.need_money("amount", currency)
    refunded = _refunded_by_payment(root, currency, amounts)
    payments = (_payment(node, currency, placed_at, refunded) for node in nodes)
    return tuple(payment for payment in payments if payment.status in SETTLED_PAYMENTS)


def _payment(
    node: Node, currency: str, placed_at: datetime, refunded: dict[str, Money]
) -> PaymentData:
    payment_id = _required_text(node, "id")
    amount = node.need_money("amount", currency)
    status = node.text("status", limit=STATE_CHARS) or "APPROVED"
    method, reference = _method(node)
    last4, brand = _card(node)
    given_back = refunded.get(payment_id, Money.zero(currency))
    if status in FULLY_RETURNED and given_back < amount:
        given_back = amount  # the status says all of it, whatever the refund list shows
    return PaymentData(
        method=method,
        amount=amount,
        created_at=node.time("createdDate") or placed_at,
        refunded=given_back or None,
        reference=reference[:REFERENCE_CHARS],
        status=status,
        wix_payment_id=payment_id,
        card_last4=last4,
        card_brand=brand,
    )


def _card(node: Node) -> tuple[str | None, str | None]:
    """A card payment's last four digits and brand (`creditCardDetails`), when usable.

    A value that is not a string is a ``wrong_type`` payload error, as for any field. A string
    that is not exactly four digits ("12345", "42a2"), or a brand that is not a word
    ("<b>", 40 letters), is dropped: the payment and its money are recorded all the same, only
    its card cannot be searched or shown (docs/search.md).
    """
    card = node.dig("regularPaymentDetails", "creditCardDetails")
    if card is None:
        return None, None
    return card_last4(card.text("lastFourDigits")), card_brand(card.text("brand"))


def _method(node: Node) -> tuple[str, str]:
    """(method, reference): card / cash / gift_card / other, and what identifies it."""
    gift = node.obj("giftcardPaymentDetails")
    if gift is not None:
        return "gift_card", gift.text("obfuscatedCode") or ""
    regular = node.obj("regularPaymentDetails")
    if regular is None:
        return "other", ""
    card = regular.obj("creditCardDetails")
    if card is not None:
        return "card", f"**** {card_last4(card.text('lastFourDigits')) or ''}".strip()
    user = regular.dig("paymentMethodName", "userDefinedName")
    if user is not None and user.text("predefined") == "CASH":
        return "cash", ""
    if user is not None:
        return "other", user.text("custom") or user.text("predefined") or ""
    return ("other", "") if regular.flag("offlinePayment") else ("card", "")


def _refunded_by_payment(root: Node, currency: str, amounts: dict[str, Money]
                         ) -> dict[str, Money]:
    """What each payment got back: the refunds' transactions, FAILED ones excepted.

    Raises:
        WixPayloadError: ``refund_exceeds_payment`` when they add up to more than it paid.
    """
    totals: dict[str, Money] = {}
    for refund in root.items("refunds"):
        for transaction in refund.items("transactions"):
            if transaction.text("refundStatus") == FAILED_REFUND:
                continue
            payment_id = _required_text(transaction, "paymentId")
            if payment_id not in amounts:
                raise WixPayloadError(
                    "unknown_payment", transaction.at("paymentId"), value=payment_id[:ID_CHARS]
                )
            amount = transaction.need_money("amount", currency)
            total = totals.get(payment_id, Money.zero(currency)) + amount
            if total > amounts[payment_id]:
                raise WixPayloadError("refund_exceeds_payment", transaction.at("amount"),
                                      refunded=total.minor, paid=amounts[payment_id].minor)
            totals[payment_id] = total
    return totals
