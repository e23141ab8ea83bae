"""Valuation and limits of no-receipt returns (pure), guarded by hypothesis."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.domain.errors import PolicySettingsError
from pos.domain.money import Money
from pos.domain.no_receipt import (
    NoReceiptReason,
    NoReceiptRefusedError,
    Sale,
    ValuationBasis,
    check_customer,
    check_limits,
    check_reason,
    check_refund_method,
    limits_left,
    line_credit,
    unit_paid,
    unit_value,
)
from pos.domain.policy import Policy
from pos.domain.settlement import TenderMethod

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
PRICE = Money(2990, "EUR")

sales = st.builds(
    Sale,
    st.integers(0, 500_000).map(lambda m: Money(m, "EUR")),
    st.integers(1, 12),
    st.integers(0, 200 * 24).map(lambda h: NOW - timedelta(hours=h)),
)


@given(paid=st.integers(0, 10**9), quantity=st.integers(1, 1000))
def test_a_unit_is_the_line_over_its_units_rounded_once_half_up(paid: int, quantity: int) -> None:
    unit = unit_paid(Sale(Money(paid, "EUR"), quantity, NOW)).minor
    assert abs(unit * quantity - paid) * 2 <= quantity  # within half a cent a unit
    assert unit == (2 * paid + quantity) // (2 * quantity)  # half-up, exactly


@given(st.lists(sales, max_size=12), st.integers(1, 365))
def test_lowest_sold_is_the_lowest_unit_in_the_period_or_a_refusal(
        found: list[Sale], days: int) -> None:
    policy = Policy(no_receipt_period_days=days)
    inside = [s for s in found if s.placed_at >= NOW - timedelta(days=days)]
    if not inside:
        with pytest.raises(NoReceiptRefusedError) as refused:
            unit_value(policy, found, PRICE, NOW, sku="T-S-M")
        assert refused.value.code == "no_receipt_not_sold"
        assert refused.value.params == {"sku": "T-S-M", "days": days}
        return
    value = unit_value(policy, found, PRICE, NOW)
    assert value.basis is ValuationBasis.LOWEST_SOLD
    assert value.unit == min(unit_paid(s) for s in inside)
    assert value.sold_at is not None and value.sold_at >= NOW - timedelta(days=days)
    assert any(unit_paid(s) == value.unit and s.placed_at == value.sold_at for s in inside)


@given(st.lists(sales, max_size=5))
def test_current_price_ignores_the_sales(found: list[Sale]) -> None:
    value = unit_value(Policy(no_receipt_basis="current_price"), found, PRICE, NOW)
    assert (value.unit, value.basis, value.sold_at) == (PRICE, ValuationBasis.CURRENT_PRICE,
                                                        None)


def test_sales_in_another_currency_do_not_count() -> None:
    with pytest.raises(NoReceiptRefusedError):
        unit_value(Policy(), [Sale(Money(100, "USD"), 1, NOW)], PRICE, NOW)


@given(unit=st.integers(0, 10**6), quantity=st.integers(1, 50),
       rate=st.sampled_from(["0", "5.5", "10", "20"]))
def test_a_line_credits_its_units_and_the_tax_inside(unit: int, quantity: int,
                                                     rate: str) -> None:
    credit, tax = line_credit(Money(unit, "EUR"), quantity, Decimal(rate))
    assert credit.minor == unit * quantity and 0 <= tax.minor <= credit.minor


@given(customer_limit=st.integers(0, 50_000), customer_used=st.integers(0, 60_000),
       day_limit=st.integers(0, 50_000), day_used=st.integers(0, 60_000),
       count=st.integers(0, 5), count_limit=st.integers(0, 5), asked=st.integers(1, 60_000))
def test_limits_refuse_exactly_what_is_over_them(customer_limit: int, customer_used: int,
                                                 day_limit: int, day_used: int, count: int,
                                                 count_limit: int, asked: int) -> None:
    policy = Policy(no_receipt_customer_limit_minor=customer_limit,
                    no_receipt_day_limit_minor=day_limit, no_receipt_day_count=count_limit)
    limits = limits_left(policy, "EUR", customer_used=customer_used, day_used=day_used,
                         day_count=count)
    customer_left = max(0, customer_limit - customer_used)
    day_left = max(0, day_limit - day_used)
    assert limits.customer_left.minor == customer_left and limits.day_left.minor == day_left
    counted_out = count_limit > 0 and count >= count_limit
    if asked > customer_left:
        code = "no_receipt_customer_limit"
    elif asked > day_left or counted_out:
        code = "no_receipt_day_limit"
    else:
        assert check_limits(limits, [Money(asked, "EUR")]) == Money(asked, "EUR")
        return
    with pytest.raises(NoReceiptRefusedError) as refused:
        check_limits(limits, [Money(asked, "EUR")])
    assert refused.value.code == code
    assert refused.value.params["asked"] == Money(asked, "EUR")


def test_reason_refund_method_and_customer_are_required() -> None:
    assert check_reason(NoReceiptReason("lost_receipt")).as_text() == "lost_receipt"
    assert check_reason(NoReceiptReason("other", " tache ")).as_text() == "other: tache"
    for bad in (None, NoReceiptReason(""), NoReceiptReason("whim"), NoReceiptReason("other")):
        with pytest.raises(NoReceiptRefusedError) as refused:
            check_reason(bad)
        assert refused.value.code == "no_receipt_reason_required"
    assert check_refund_method("store_credit") is TenderMethod.STORE_CREDIT
    assert check_refund_method(TenderMethod.NEW_GIFT_CARD) is TenderMethod.NEW_GIFT_CARD
    for method in ("cash", TenderMethod.CARD, TenderMethod.ORIGINAL_PAYMENT, "bitcoin"):
        with pytest.raises(NoReceiptRefusedError) as refused:
            check_refund_method(method)
        assert refused.value.code == "no_receipt_refund_method"
    check_customer(customer_id=7, name="", email="", phone="")
    check_customer(customer_id=None, name="Inès", email="", phone="0611")
    for name, email, phone in (("", "a@b.fr", ""), ("Inès", "", ""), (" ", " ", " ")):
        with pytest.raises(NoReceiptRefusedError) as refused:
            check_customer(customer_id=None, name=name, email=email, phone=phone)
        assert refused.value.code == "no_receipt_customer_required"


def test_the_policy_keeps_and_checks_the_no_receipt_settings() -> None:
    policy = Policy(no_receipt_basis="current_price", no_receipt_period_days=30,
                    no_receipt_customer_limit_minor=5000, no_receipt_day_count=3)
    assert Policy.from_settings(policy.to_settings()) == policy
    assert Policy.from_settings({}).no_receipt_basis == "lowest_sold"
    with pytest.raises(PolicySettingsError):
        Policy(no_receipt_basis="highest_sold")
    with pytest.raises(PolicySettingsError):
        Policy.from_settings({"no_receipt_day_limit_minor": "-1"})
