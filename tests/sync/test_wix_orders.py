"""Wix eCommerce order JSON → OrderData: stated figures as given, payments, refusals by path."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from pos.db.engine import SessionFactory
from pos.db.records import OrderRecord, PaymentRecord
from pos.domain.money import Money
from pos.services.order_import import OrderImportService
from pos.sync.wix_orders import WixPayloadError, load_json, order_from_wix
from pos.wiring.sync import read_wix_order


def importer(sessions: SessionFactory) -> OrderImportService:
    """The order importer as the shop wires it (`pos.wiring.Store.orders`)."""
    return OrderImportService(sessions=sessions, read_order=read_wix_order)


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def usd(minor: int) -> Money:
    return Money(minor, "USD")


def price(amount: str) -> dict[str, str]:
    return {"amount": amount, "formattedAmount": f"€{amount}"}


def eur_order() -> dict[str, Any]:
    """Tax-included EUR order: 2 T-shirts with a line discount, a scarf, 10 % off the order."""
    return {
        "id": "11111111-1111-4111-8111-111111111111",
        "number": "10042",
        "createdDate": "2026-11-17T10:15:30.123Z",
        "updatedDate": "2026-11-18T08:00:00.000Z",
        "purchasedDate": "2026-11-17T10:16:00.000Z",
        "status": "APPROVED",
        "paymentStatus": "PAID",
        "fulfillmentStatus": "FULFILLED",
        "currency": "EUR",
        "taxIncludedInPrices": True,
        "channelInfo": {"type": "WEB"},
        "buyerInfo": {"email": "Helene@Example.fr", "contactId": "c-1"},
        "buyerLanguage": "fr",
        "billingInfo": {
            "contactDetails": {"firstName": "Hélène", "lastName": "Lefèvre", "phone": "+33612"}
        },
        "lineItems": [
            {
                "id": "line-1",
                "productName": {"original": "T-shirt coton bio", "translated": "T-shirt"},
                "catalogReference": {"catalogItemId": "p-1", "options": {"variantId": "v-1"}},
                "quantity": 2,
                "price": price("29.90"),
                "totalDiscount": price("10.98"),
                "totalPriceAfterTax": price("48.82"),
                "taxInfo": {"taxAmount": price("8.14"), "taxRate": "0.2"},
                "physicalProperties": {"sku": "TSH-M"},
                "descriptionLines": [
                    {"name": {"original": "Taille"}, "plainText": {"original": "M"}},
                    {"name": {"original": "Couleur"}, "colorInfo": {"original": "Bleu"}},
                ],
                "refundQuantity": 0,
                "restockQuantity": 0,
            },
            {
                "id": "line-2",
                "productName": {"original": "Écharpe laine"},
                "quantity": 1,
                "price": price("39.90"),
                "totalDiscount": price("3.99"),
                "totalPriceAfterTax": price("35.91"),
                "taxInfo": {"taxAmount": price("5.99"), "taxRate": "0.2"},
                "physicalProperties": {"sku": "ECH-U"},
            },
        ],
        "priceSummary": {
            "subtotal": price("83.08"),
            "shipping": price("4.15"),
            "tax": price("14.96"),
            "discount": price("14.97"),
            "total": price("89.71"),
        },
    }


def eur_transactions() -> dict[str, Any]:
    return {
        "orderTransactions": {
            "orderId": "11111111-1111-4111-8111-111111111111",
            "payments": [
                {
                    "id": "pay-card",
                    "createdDate": "2026-11-17T10:16:05.000Z",
                    "amount": price("89.71"),
                    "status": "APPROVED",
                    "regularPaymentDetails": {
                        "offlinePayment": False,
                        "creditCardDetails": {"lastFourDigits": "4242", "brand": "VISA"},
                    },
                }
            ],
            "refunds": [],
        }
    }


def usd_order() -> dict[str, Any]:
    """Tax-added USD order (8.875 %): one stated line, one whose paid and tax are not stated."""
    return {
        "id": "22222222-2222-4222-8222-222222222222",
        "number": "20001",
        "createdDate": "2026-10-01T15:00:00Z",
        "currency": "USD",
        "taxIncludedInPrices": False,
        "channelInfo": {"type": "POS"},
        "lineItems": [
            {
                "id": "l-1",
                "productName": {"original": "Jeans"},
                "quantity": 1,
                "price": price("80.00"),
                "totalPriceAfterTax": price("87.10"),
                "taxInfo": {"taxAmount": price("7.10"), "taxRate": "0.08875"},
            },
            {
                "id": "l-2",
                "productName": {"original": "Socks"},
                "quantity": 3,
                "price": price("5.00"),
                "taxInfo": {"taxRate": "0.08875"},
            },
        ],
        "priceSummary": {
            "shipping": price("10.00"),
            "tax": price("9.32"),
            "total": price("121.42"),
        },
    }


# ------------------------------------------------------------------ conversion


def test_a_tax_included_eur_order_keeps_every_stated_figure() -> None:
    data = order_from_wix(eur_order(), eur_transactions())
    assert (data.number, data.channel, data.currency, data.tax_included) == (
        "10042",
        "WEB",
        "EUR",
        True,
    )
    assert data.placed_at == datetime(2026, 11, 17, 10, 16, tzinfo=UTC)  # purchasedDate wins
    assert data.wix_updated_at == datetime(2026, 11, 18, 8, 0, tzinfo=UTC)
    tee, scarf = data.lines
    assert (tee.unit_price, tee.paid, tee.tax, tee.discount) == (
        eur(2990),
        eur(4882),
        eur(814),
        eur(1098),
    )
    assert tee.tax_rate == Decimal(20) and tee.quantity == 2
    assert (tee.sku, tee.wix_line_id, tee.options_text) == (
        "TSH-M",
        "line-1",
        "Taille: M / Couleur: Bleu",
    )
    assert (scarf.paid, scarf.tax, scarf.discount) == (eur(3591), eur(599), eur(399))
    assert data.stated_total == eur(8971) and data.total() == eur(8971)
    # shipping before tax 4.15 + its tax 0.83 (order tax 14.96 − lines' 14.13)
    assert (data.shipping, data.shipping_tax) == (eur(498), eur(83))
    assert data.customer is not None
    assert data.customer.display_name == "Hélène Lefèvre"
    assert (data.customer.email, data.customer.wix_contact_id) == ("Helene@Example.fr", "c-1")
    (card,) = data.payments
    assert (card.method, card.amount, card.reference, card.refunded) == (
        "card",
        eur(8971),
        "**** 4242",
        None,
    )
    assert card.created_at == datetime(2026, 11, 17, 10, 16, 5, tzinfo=UTC)


def test_a_tax_added_usd_order_fills_in_only_what_a_line_leaves_out() -> None:
    data = order_from_wix(usd_order())
    jeans, socks = data.lines
    assert (jeans.paid, jeans.tax, jeans.tax_rate) == (usd(8710), usd(710), Decimal("8.875"))
    # not stated: 15.00 net, tax rounded once on the line: 1.33125 → 1.33
    assert (socks.paid, socks.tax, socks.discount) == (usd(1633), usd(133), None)
    assert data.shipping == usd(1089) and data.shipping_tax == usd(89)
    assert data.payments == () and data.customer is None
    assert data.fulfillment_status == "FULFILLED"  # Wix's default when not stated


def test_gift_card_and_card_split_payment() -> None:
    transactions = eur_transactions()
    payments = transactions["orderTransactions"]["payments"]
    payments[0]["amount"] = price("69.71")
    payments.append(
        {
            "id": "pay-gift",
            "amount": price("20.00"),
            "status": "APPROVED",
            "giftcardPaymentDetails": {"giftCardPaymentId": "g-1", "obfuscatedCode": "****WXYZ"},
        }
    )
    data = order_from_wix(eur_order(), transactions)
    assert [(p.method, p.amount, p.reference, p.wix_payment_id) for p in data.payments] == [
        ("card", eur(6971), "**** 4242", "pay-card"),
        ("gift_card", eur(2000), "****WXYZ", "pay-gift"),
    ]


def test_partial_refund_is_summed_per_payment_from_the_refund_transactions() -> None:
    order = eur_order()
    order["lineItems"][0]["refundQuantity"] = 1
    order["lineItems"][0]["restockQuantity"] = 1
    transactions = eur_transactions()
    body = transactions["orderTransactions"]
    body["payments"][0]["status"] = "PARTIALLY_REFUNDED"
    body["refunds"] = [
        {"id": "r-1", "transactions": [{"paymentId": "pay-card", "amount": price("24.41")}]},
        {
            "id": "r-2",
            "transactions": [
                {"paymentId": "pay-card", "amount": price("5.00"), "refundStatus": "PENDING"},
                {"paymentId": "pay-card", "amount": price("9.99"), "refundStatus": "FAILED"},
            ],
        },
    ]
    data = order_from_wix(order, transactions)
    assert data.lines[0].refunded_quantity == 1 and data.lines[0].restocked_quantity == 1
    (card,) = data.payments
    assert card.refunded == eur(2941) and card.status == "PARTIALLY_REFUNDED"


def test_only_payments_that_moved_money_are_kept() -> None:
    transactions = eur_transactions()
    payments = transactions["orderTransactions"]["payments"]
    payments.append({"id": "p-declined", "amount": price("89.71"), "status": "DECLINED"})
    payments.append(
        {
            "id": "p-gift-refunded",
            "amount": price("10.00"),
            "status": "VOIDED",  # how Wix shows a refunded gift-card payment
            "giftcardPaymentDetails": {"obfuscatedCode": "****AAAA"},
        }
    )
    payments.append(
        {
            "id": "p-cash",
            "amount": price("1.00"),
            "status": "REFUNDED",
            "regularPaymentDetails": {
                "offlinePayment": True,
                "paymentMethodName": {"userDefinedName": {"predefined": "CASH"}},
            },
        }
    )
    data = order_from_wix(eur_order(), transactions)
    assert [(p.wix_payment_id, p.method, p.refunded) for p in data.payments] == [
        ("pay-card", "card", None),
        ("p-gift-refunded", "gift_card", eur(1000)),
        ("p-cash", "cash", eur(100)),
    ]


def test_the_get_order_response_wrapper_is_accepted() -> None:
    wrapped = order_from_wix({"order": eur_order()})
    assert wrapped == order_from_wix(eur_order())


def test_json_text_is_parsed_without_floats() -> None:
    text = json.dumps(eur_order())
    assert order_from_wix(load_json(text)).lines[0].paid == eur(4882)


# ------------------------------------------------------------------ refusals


def _set(payload: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of `payload` with `path` ("lineItems.0.price") set, or deleted when `value` is ...."""
    payload = copy.deepcopy(payload)
    *parents, last = path.split(".")
    node: Any = payload
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    key: Any = int(last) if isinstance(node, list) else last
    if value is ...:
        del node[key]
    else:
        node[key] = value
    return payload


@pytest.mark.parametrize(
    ("path", "value", "code", "where"),
    [
        ("lineItems", ..., "missing", "order.lineItems"),
        ("lineItems", [], "empty", "order.lineItems"),
        ("lineItems", {"id": "x"}, "wrong_type", "order.lineItems"),
        ("lineItems.0", "T-shirt", "wrong_type", "order.lineItems[0]"),
        ("lineItems.0.price.amount", 29.9, "amount_is_number", "order.lineItems[0].price.amount"),
        ("lineItems.0.price.amount", 30, "amount_is_number", "order.lineItems[0].price.amount"),
        ("lineItems.0.price.amount", "29,90", "amount_invalid", "order.lineItems[0].price.amount"),
        ("lineItems.0.price.amount", "NaN", "amount_invalid", "order.lineItems[0].price.amount"),
        ("lineItems.0.price.amount", "-1", "amount_negative", "order.lineItems[0].price.amount"),
        (
            "lineItems.0.price.amount",
            "1.005",
            "amount_too_precise",
            "order.lineItems[0].price.amount",
        ),
        ("lineItems.0.price", ..., "missing", "order.lineItems[0].price"),
        ("lineItems.0.quantity", "2", "wrong_type", "order.lineItems[0].quantity"),
        ("lineItems.0.quantity", True, "wrong_type", "order.lineItems[0].quantity"),
        ("lineItems.0.quantity", 0, "quantity_out_of_range", "order.lineItems[0].quantity"),
        (
            "lineItems.0.refundQuantity",
            3,
            "quantity_out_of_range",
            "order.lineItems[0].refundQuantity",
        ),
        ("lineItems.0.productName", ..., "missing", "order.lineItems[0].productName"),
        (
            "lineItems.1.taxInfo.taxRate",
            "20",
            "tax_rate_out_of_range",
            "order.lineItems[1].taxInfo.taxRate",
        ),
        (
            "lineItems.0.descriptionLines.0.name",
            "Taille",
            "wrong_type",
            "order.lineItems[0].descriptionLines[0].name",
        ),
        ("number", 10042, "wrong_type", "order.number"),
        ("number", "  ", "missing", "order.number"),
        ("currency", "eur", "invalid_currency", "order.currency"),
        ("channelInfo", ..., "missing", "order.channelInfo"),
        ("taxIncludedInPrices", "yes", "wrong_type", "order.taxIncludedInPrices"),
        ("createdDate", "2026-11-17 10:15", "invalid_timestamp", "order.createdDate"),
        ("purchasedDate", "17/11/2026", "invalid_timestamp", "order.purchasedDate"),
        ("billingInfo.contactDetails", [], "wrong_type", "order.billingInfo.contactDetails"),
        ("priceSummary.total", "89.71", "wrong_type", "order.priceSummary.total"),
    ],
)
def test_malformed_orders_are_refused_with_the_field_path(
    path: str, value: Any, code: str, where: str
) -> None:
    order = _set(eur_order(), path, value)
    if path == "createdDate":
        del order["purchasedDate"]
    with pytest.raises(WixPayloadError) as refused:
        order_from_wix(order)
    assert (refused.value.code, refused.value.path) == (code, where)
    assert where in str(refused.value)


@pytest.mark.parametrize(
    ("path", "value", "code", "where"),
    [
        (
            "orderTransactions.payments.0.amount.amount",
            89.71,
            "amount_is_number",
            "orderTransactions.payments[0].amount.amount",
        ),
        ("orderTransactions.payments.0.id", ..., "missing", "orderTransactions.payments[0].id"),
        ("orderTransactions.payments", {}, "wrong_type", "orderTransactions.payments"),
        ("orderTransactions.orderId", "other", "order_mismatch", "orderTransactions.orderId"),
        (
            "orderTransactions.refunds",
            [{"transactions": [{"paymentId": "nope", "amount": price("1.00")}]}],
            "unknown_payment",
            "orderTransactions.refunds[0].transactions[0].paymentId",
        ),
    ],
)
def test_malformed_transactions_are_refused_with_the_field_path(
    path: str, value: Any, code: str, where: str
) -> None:
    with pytest.raises(WixPayloadError) as refused:
        order_from_wix(eur_order(), _set(eur_transactions(), path, value))
    assert (refused.value.code, refused.value.path) == (code, where)


def test_a_float_amount_says_what_to_send_instead() -> None:
    order = _set(eur_order(), "lineItems.0.totalPriceAfterTax.amount", 48.82)
    with pytest.raises(WixPayloadError, match=r'decimal string such as "12\.50"'):
        order_from_wix(order)


@pytest.mark.parametrize("text", ['{"id": "1", "lineItems": [{"quantity": 2', "", "[1, 2]", "null"])
def test_truncated_or_non_object_json_is_refused(text: str) -> None:
    with pytest.raises(WixPayloadError) as refused:
        load_json(text)
    assert refused.value.code in ("invalid_json", "wrong_type") and refused.value.path == "$"


def test_a_truncated_order_object_names_the_first_missing_field() -> None:
    truncated = {key: value for key, value in eur_order().items() if key != "lineItems"}
    truncated["lineItems"] = [{"id": "line-1", "productName": {"original": "T-shirt"}}]
    with pytest.raises(WixPayloadError) as refused:
        order_from_wix(truncated)
    assert refused.value.path == "order.lineItems[0].quantity"


def _paths(node: Any, prefix: str = "") -> list[str]:
    found = []
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        path = f"{prefix}{key}"
        found.append(path)
        if isinstance(value, dict | list):
            found.extend(_paths(value, path + "."))
    return found


@pytest.mark.parametrize("replacement", [..., None, 1.5, 7, "x", True, [], {}, [1]])
def test_no_mutation_of_a_payload_escapes_as_anything_but_a_payload_error(
    replacement: Any,
) -> None:
    order, transactions = eur_order(), eur_transactions()
    for path in _paths(order):
        try:
            order_from_wix(_set(order, path, replacement), transactions)
        except WixPayloadError:
            pass
    for path in _paths(transactions):
        try:
            order_from_wix(order, _set(transactions, path, replacement))
        except WixPayloadError:
            pass


# ------------------------------------------------------------------ recording


def test_recording_the_same_order_twice_keeps_one_order(sessions: SessionFactory) -> None:
    orders = importer(sessions)
    first = orders.record_wix_order(eur_order(), eur_transactions())
    # Later, Wix refunds 10.00 to the card: the next pull records the order again.
    transactions = eur_transactions()
    transactions["orderTransactions"]["refunds"] = [
        {"id": "r-1", "transactions": [{"paymentId": "pay-card", "amount": price("10.00")}]}
    ]
    assert orders.record_wix_order({"order": eur_order()}, transactions) == first
    assert orders.record_wix_order(eur_order(), transactions) == first
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(OrderRecord)) == 1
        (payment,) = s.scalars(select(PaymentRecord)).all()
        assert (payment.amount_minor, payment.refunded_minor) == (8971, 1000)
        order = s.get(OrderRecord, first)
        assert order is not None
        assert (order.total_minor, order.shipping_minor, order.tax_included) == (8971, 498, True)


def test_a_malformed_order_writes_nothing(sessions: SessionFactory) -> None:
    orders = importer(sessions)
    with pytest.raises(WixPayloadError):
        orders.record_wix_order(_set(eur_order(), "lineItems.1.price.amount", 39.9))
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(OrderRecord)) == 0


def _card_payment(details: Any) -> dict[str, Any]:
    transactions = eur_transactions()
    payment = transactions["orderTransactions"]["payments"][0]
    payment["regularPaymentDetails"]["creditCardDetails"] = details
    return transactions


def test_a_card_payment_keeps_its_last_four_digits_and_brand() -> None:
    [card] = order_from_wix(eur_order(), eur_transactions()).payments
    assert (card.card_last4, card.card_brand, card.reference) == ("4242", "visa", "**** 4242")
    details = {"lastFourDigits": "0005", "brand": "American Express"}
    [card] = order_from_wix(eur_order(), _card_payment(details)).payments
    assert (card.card_last4, card.card_brand) == ("0005", "amex")


@pytest.mark.parametrize(
    "details",
    [
        {"lastFourDigits": "42424", "brand": "<b>VISA</b>"},  # five digits, markup
        {"lastFourDigits": "42a2", "brand": "V1SA"},  # a letter, a digit
        {"lastFourDigits": "４２４２", "brand": "x" * 25},  # full-width digits, too long
        {"lastFourDigits": "", "brand": ""},
        {},
    ],
)
def test_card_details_that_are_not_four_digits_and_a_word_are_dropped(details: Any) -> None:
    """The payment and its money are recorded; only its card is unknown (docs/search.md)."""
    [card] = order_from_wix(eur_order(), _card_payment(details)).payments
    assert (card.method, card.amount) == ("card", eur(8971))
    assert (card.card_last4, card.card_brand, card.reference) == (None, None, "****")


def test_card_details_of_the_wrong_type_are_a_payload_error_naming_the_field() -> None:
    with pytest.raises(WixPayloadError) as refused:
        order_from_wix(eur_order(), _card_payment({"lastFourDigits": 4242}))
    assert refused.value.code == "wrong_type"
    assert "creditCardDetails.lastFourDigits" in refused.value.path
