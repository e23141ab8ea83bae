"""decimal_amount: Wix money as exact Decimals, numbers only where V1 sends them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.sync.money import decimal_amount
from pos.sync.wix_orders import WixPayloadError


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12.50", "12.50"),
        ("0", "0"),
        (" 3.990 ", "3.990"),
        ("-4.2", "-4.2"),
        ("1000000000000000", "1E+15"),
    ],
)
def test_decimal_strings(raw: str, expected: str):
    amount = decimal_amount(raw, path="price.amount")
    assert amount == Decimal(expected) and str(amount) == str(Decimal(raw.strip()))


@pytest.mark.parametrize(
    ("raw", "expected"), [(29.9, "29.9"), (0.1, "0.1"), (12, "12"), (999999999.99, "999999999.99")]
)
def test_v1_numbers_go_through_str_not_float_arithmetic(raw: float, expected: str):
    amount = decimal_amount(raw, path="priceData.price", allow_number=True)
    assert str(amount) == expected  # Decimal(0.1) would be 0.1000000000000000055511151231...


def test_a_number_where_a_string_is_due_is_refused():
    with pytest.raises(WixPayloadError) as caught:
        decimal_amount(12.5, path="order.priceSummary.total.amount")
    assert caught.value.code == "amount_is_number"
    assert caught.value.path == "order.priceSummary.total.amount"


@pytest.mark.parametrize("raw", ["", "12,50", "1_000", "NaN", "Infinity", "12.5 EUR", "--1"])
def test_text_that_is_not_a_decimal(raw: str):
    with pytest.raises(WixPayloadError) as caught:
        decimal_amount(raw, path="p")
    assert caught.value.code == "amount_invalid"


@pytest.mark.parametrize("raw", [None, True, [], {"amount": "1"}])
def test_wrong_types(raw: object):
    with pytest.raises(WixPayloadError) as caught:
        decimal_amount(raw, path="p", allow_number=True)
    assert caught.value.code == "wrong_type"


@pytest.mark.parametrize("raw", [float("nan"), float("inf")])
def test_non_finite_numbers(raw: float):
    with pytest.raises(WixPayloadError) as caught:
        decimal_amount(raw, path="p", allow_number=True)
    assert caught.value.code == "amount_invalid"


@given(st.decimals(min_value=0, max_value=Decimal("999999999.99"), places=2))
def test_a_two_place_price_survives_json_number_parsing(price: Decimal):
    import json

    parsed = json.loads(json.dumps({"price": float(price)}))["price"]
    assert decimal_amount(parsed, path="p", allow_number=True) == price
