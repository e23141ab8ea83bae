"""Hostile but valid Wix JSON (issue 10): refused with a documented `WixPayloadError` and
nothing written, or recorded sanely — on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from pos.db.engine import SessionFactory
from pos.db.records import CustomerRecord, OrderLineRecord, OrderRecord, PaymentRecord
from pos.domain.money import MAX_MINOR
from pos.services.history import SalesHistoryService
from pos.services.order_import import OrderImportService
from pos.sync import wix_orders
from pos.sync.wix_orders import WixPayloadError
from pos.wiring.sync import read_wix_order
from tests.support.clock import FakeClock
from tests.sync.test_wix_orders import _set, eur_order, eur_transactions, price


def importer(sessions: SessionFactory) -> OrderImportService:
    """The order importer as the shop wires it (`pos.wiring.Store.orders`)."""
    return OrderImportService(sessions=sessions, read_order=read_wix_order)


NOW = datetime(2026, 12, 1, tzinfo=UTC)
LONE_SURROGATE = json.loads('"\\ud800"')  # valid JSON, not encodable text
ORDER_TEXTS = [
    "number",
    "id",
    "channelInfo.type",
    "status",
    "lineItems.0.productName.original",
    "lineItems.0.descriptionLines.0.name.original",
    "lineItems.0.physicalProperties.sku",
    "billingInfo.contactDetails.firstName",
    "billingInfo.contactDetails.phone",
    "buyerInfo.email",
]
PAYMENT_TEXTS = [
    "orderTransactions.payments.0.id",
    "orderTransactions.payments.0.regularPaymentDetails.creditCardDetails.lastFourDigits",
]


def wix_path(path: str) -> str:
    """``lineItems.0.price`` → ``order.lineItems[0].price``, as `WixPayloadError.path` says."""
    root, *parts = path.split(".")
    shown = root if root == "orderTransactions" else f"order.{root}"
    for part in parts:
        shown += f"[{part}]" if part.isdigit() else f".{part}"
    return shown


def counts(sessions: SessionFactory) -> tuple[int, ...]:
    with sessions() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(record)) or 0
            for record in (OrderRecord, OrderLineRecord, PaymentRecord, CustomerRecord)
        )


def refused(
    sessions: SessionFactory, order: dict[str, Any], transactions: dict[str, Any] | None = None
) -> WixPayloadError:
    """The error recording `order` raises; asserts that nothing was written."""
    with pytest.raises(WixPayloadError) as caught:
        importer(sessions).record_wix_order(order, transactions)
    assert counts(sessions) == (0, 0, 0, 0)
    return caught.value


def with_transactions(path: str, value: Any) -> dict[str, Any]:
    return _set(eur_transactions(), path, value)


# ------------------------------------------------------------------ text


@pytest.mark.parametrize("path", ORDER_TEXTS)
@pytest.mark.parametrize("text", [LONE_SURROGATE, "Hé\udfffl", "\x00", "Mar\x00tin"])
def test_a_lone_surrogate_or_a_nul_in_any_order_text_is_refused(
    sessions: SessionFactory, path: str, text: str
) -> None:
    error = refused(sessions, _set(eur_order(), path, text), eur_transactions())
    assert (error.code, error.path) == ("invalid_text", wix_path(path))
    assert "broken Unicode" in str(error)


@pytest.mark.parametrize("path", PAYMENT_TEXTS)
def test_a_lone_surrogate_or_a_nul_in_a_payment_is_refused(
    sessions: SessionFactory, path: str
) -> None:
    for text in (LONE_SURROGATE, "pay\x00"):
        error = refused(sessions, eur_order(), with_transactions(path, text))
        assert (error.code, error.path) == ("invalid_text", wix_path(path))


def test_a_nul_order_number_is_refused(sessions: SessionFactory) -> None:
    assert refused(sessions, _set(eur_order(), "number", "\x00")).code == "invalid_text"
    for unfindable in ("#", " - ", "§"):
        error = refused(sessions, _set(eur_order(), "number", unfindable))
        assert (error.code, error.path) == ("invalid_number", "order.number")


def test_real_astral_characters_and_control_characters_are_kept(sessions: SessionFactory) -> None:
    shirt = json.loads('"T-shirt \\ud83d\\udc55"')  # a surrogate *pair*: one real character
    order = _set(eur_order(), "lineItems.0.productName.original", shirt)
    order = _set(order, "billingInfo.contactDetails.lastName", "Lefèvre\t😀")
    order_id = importer(sessions).record_wix_order(order, eur_transactions())
    with sessions() as s:
        record = s.get(OrderRecord, order_id)
        assert record is not None and record.lines[0].product_name == "T-shirt 👕"
        assert record.customer is not None and record.customer.last_name == "Lefèvre\t😀"


@pytest.mark.parametrize(
    ("path", "length"),
    [("number", 41), ("id", 65), ("lineItems.0.physicalProperties.sku", 65), ("status", 17),
     ("buyerInfo.email", 255), ("channelInfo.type", 25)],
)
def test_an_identifier_longer_than_its_column_is_refused(
    sessions: SessionFactory, path: str, length: int
) -> None:
    error = refused(sessions, _set(eur_order(), path, "7" * length))
    assert (error.code, error.path) == ("too_long", wix_path(path))


def test_an_email_that_folds_longer_than_its_column_is_refused(sessions: SessionFactory) -> None:
    error = refused(sessions, _set(eur_order(), "buyerInfo.email", "İ" * 200))  # "i̇": 2 chars
    assert (error.code, error.path) == ("too_long", "order.buyerInfo.email")


def test_long_names_are_cut_to_their_columns(sessions: SessionFactory) -> None:
    order = _set(eur_order(), "billingInfo.contactDetails.firstName", "É" * 500)
    order = _set(order, "billingInfo.contactDetails.phone", "0" * 500)
    order = _set(order, "lineItems.0.productName.original", "T" * 5000)
    order_id = importer(sessions).record_wix_order(order, eur_transactions())
    with sessions() as s:
        record = s.get(OrderRecord, order_id)
        assert record is not None and record.customer is not None
        assert (record.customer.first_name, record.customer.phone) == ("É" * 100, "0" * 40)
        assert record.lines[0].product_name == "T" * 200


# ------------------------------------------------------------------ amounts


def test_quantity_times_price_beyond_the_bound_is_refused(sessions: SessionFactory) -> None:
    order = _set(eur_order(), "lineItems.0.quantity", 100_000)
    order = _set(order, "lineItems.0.price", price("1000000000000000"))  # 1e15: Wix's ceiling
    error = refused(sessions, order)
    assert (error.code, error.path) == ("amount_out_of_range", "order.lineItems[0].quantity")
    assert "10^17 minor units" in str(error)


def test_lines_adding_up_beyond_the_bound_are_refused(sessions: SessionFactory) -> None:
    order = eur_order()
    for index in (0, 1):
        line = order["lineItems"][index]
        line.update(quantity=1, price=price("1000000000000000"))
        for stated in ("totalDiscount", "totalPriceAfterTax", "taxInfo"):
            line.pop(stated)
    error = refused(sessions, order)
    assert (error.code, error.path) == ("amount_out_of_range", "order.lineItems")


def test_an_amount_beyond_the_bound_in_a_three_decimal_currency_is_refused(
    sessions: SessionFactory,
) -> None:
    order = _set(eur_order(), "currency", "KWD")
    order = _set(order, "lineItems.0.price", price("1000000000000000"))  # 10^18 fils
    error = refused(sessions, order)
    assert (error.code, error.path) == ("amount_out_of_range", "order.lineItems[0].price.amount")


def test_an_order_at_the_bound_is_recorded_and_read_back(sessions: SessionFactory) -> None:
    order = eur_order()
    order["lineItems"] = [order["lineItems"][1]]
    line = order["lineItems"][0]
    line.update(quantity=1, price=price("1000000000000000"), totalDiscount=price("0"),
                totalPriceAfterTax=price("1000000000000000"),
                taxInfo={"taxAmount": price("166666666666666.67"), "taxRate": "0.2"})
    order["priceSummary"] = {"total": price("1000000000000000")}
    transactions = with_transactions("orderTransactions.payments.0.amount",
                                     price("1000000000000000"))
    order_id = importer(sessions).record_wix_order(order, transactions)
    with sessions() as s:
        record = s.get(OrderRecord, order_id)
        assert record is not None
        assert (record.total_minor, record.lines[0].paid_minor) == (MAX_MINOR, MAX_MINOR)
        assert record.payments[0].amount_minor == MAX_MINOR


def test_a_discount_larger_than_the_line_is_refused(sessions: SessionFactory) -> None:
    order = _set(eur_order(), "lineItems.0.price", price("0"))
    order = _set(order, "lineItems.0.totalDiscount", price("10.00"))
    for stated_paid in (True, False):
        if not stated_paid:  # before: the line was recorded as paid -10.00
            order = _set(order, "lineItems.0.totalPriceAfterTax", ...)
            order = _set(order, "lineItems.0.taxInfo", ...)
        error = refused(sessions, order)
        assert (error.code, error.path) == (
            "discount_exceeds_price", "order.lineItems[0].totalDiscount")


def test_an_order_discount_larger_than_the_lines_leaves_no_line_below_zero(
    sessions: SessionFactory,
) -> None:
    order = eur_order()
    for line in order["lineItems"]:
        for stated in ("totalDiscount", "totalPriceAfterTax", "taxInfo"):
            line.pop(stated)
    order["priceSummary"]["discount"] = price("999.00")
    order_id = importer(sessions).record_wix_order(order)
    with sessions() as s:
        record = s.get(OrderRecord, order_id)
        assert record is not None
        assert [line.paid_minor for line in record.lines] == [0, 0]


def test_a_tax_larger_than_what_the_line_paid_is_refused(sessions: SessionFactory) -> None:
    error = refused(sessions, _set(eur_order(), "lineItems.0.taxInfo.taxAmount", price("48.83")))
    assert (error.code, error.path) == ("tax_exceeds_paid", "order.lineItems[0].taxInfo.taxAmount")


def test_a_tax_rate_too_precise_for_its_column_is_refused(sessions: SessionFactory) -> None:
    error = refused(sessions, _set(eur_order(), "lineItems.0.taxInfo.taxRate", "0.12345678901"))
    assert error.code == "tax_rate_too_precise"
    assert error.path == "order.lineItems[0].taxInfo.taxRate"


# ------------------------------------------------------------------ refunds


def ten_euro_payment(*refunds: str) -> dict[str, Any]:
    transactions = with_transactions("orderTransactions.payments.0.amount", price("10.00"))
    transactions["orderTransactions"]["refunds"] = [
        {"id": f"r-{index}", "transactions": [{"paymentId": "pay-card", "amount": price(amount)}]}
        for index, amount in enumerate(refunds)
    ]
    return transactions


def test_a_refund_larger_than_its_payment_is_refused(sessions: SessionFactory) -> None:
    error = refused(sessions, eur_order(), ten_euro_payment("999.00"))
    assert error.code == "refund_exceeds_payment"
    assert error.path == "orderTransactions.refunds[0].transactions[0].amount"
    error = refused(sessions, eur_order(), ten_euro_payment("6.00", "4.01"))
    assert error.path == "orderTransactions.refunds[1].transactions[0].amount"


def test_refunds_up_to_the_payment_are_recorded(sessions: SessionFactory) -> None:
    importer(sessions).record_wix_order(eur_order(),
                                                           ten_euro_payment("6.00", "4.00"))
    with sessions() as s:
        (payment,) = s.scalars(select(PaymentRecord)).all()
        assert (payment.amount_minor, payment.refunded_minor) == (1000, 1000)


def test_a_payment_listed_twice_is_refused(sessions: SessionFactory) -> None:
    transactions = eur_transactions()
    payments = transactions["orderTransactions"]["payments"]
    payments.append(dict(payments[0]))
    error = refused(sessions, eur_order(), transactions)
    assert (error.code, error.path) == ("duplicate", "orderTransactions.payments[1].id")


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    "moment",
    ["0001-01-01T00:00:00Z", "0001-01-01T00:30:00+01:00", "9999-12-31T23:59:59Z",
     "9999-12-31T23:00:00-05:00", "1969-12-31T23:59:59.999Z", "2100-01-01T00:00:00Z"],
)
@pytest.mark.parametrize(
    "path",
    ["purchasedDate", "createdDate", "updatedDate", "orderTransactions.payments.0.createdDate"],
)
def test_a_date_outside_1970_to_2099_is_refused(
    sessions: SessionFactory, moment: str, path: str
) -> None:
    order, transactions = eur_order(), eur_transactions()
    if path.startswith("orderTransactions"):
        transactions = with_transactions(path, moment)
    else:
        if path == "createdDate":
            del order["purchasedDate"]
        order[path] = moment
    error = refused(sessions, order, transactions)
    assert (error.code, error.path) == ("timestamp_out_of_range", wix_path(path))


def test_an_order_of_the_first_millisecond_of_1970_is_found_by_its_number(
    sessions: SessionFactory,
) -> None:
    order = eur_order()
    del order["purchasedDate"]
    order["createdDate"] = "1970-01-01T00:00:00.000Z"
    order_id = importer(sessions).record_wix_order(order)
    (hit,) = SalesHistoryService(sessions=sessions, clock=FakeClock(NOW)).search("10042").results
    assert hit.order_id == order_id


def test_the_text_limits_are_the_columns_lengths() -> None:
    def length(record: Any, column: str) -> int:
        return int(record.__table__.c[column].type.length)

    assert wix_orders.ID_CHARS == length(OrderRecord, "wix_id") == length(
        OrderLineRecord, "wix_line_id") == length(OrderLineRecord, "sku") == length(
        PaymentRecord, "wix_payment_id") == length(CustomerRecord, "wix_contact_id")
    assert wix_orders.NUMBER_CHARS == length(OrderRecord, "number") == length(
        OrderRecord, "number_norm")
    assert wix_orders.CHANNEL_CHARS == length(OrderRecord, "channel")
    assert wix_orders.STATUS_CHARS == length(OrderRecord, "status")
    assert wix_orders.STATE_CHARS == length(OrderRecord, "payment_status") == length(
        OrderRecord, "fulfillment_status") == length(PaymentRecord, "status")
    assert wix_orders.EMAIL_CHARS == length(CustomerRecord, "email") == length(
        OrderRecord, "buyer_email")
    assert wix_orders.NAME_CHARS == length(CustomerRecord, "first_name") == length(
        CustomerRecord, "last_name")
    assert wix_orders.PHONE_CHARS == length(CustomerRecord, "phone")
    assert wix_orders.LINE_TEXT_CHARS == length(OrderLineRecord, "product_name") == length(
        OrderLineRecord, "options_text")
    assert wix_orders.REFERENCE_CHARS == length(PaymentRecord, "reference")
    assert len("100.0001") <= length(OrderLineRecord, "tax_rate")  # TAX_RATE_DECIMALS fits
