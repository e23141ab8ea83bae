"""Line valuation and partial-return credits (DESIGN §3, rules 1–4)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.domain.money import Money
from pos.domain.valuation import (
    LineTerms,
    OrderTerms,
    ValuationError,
    return_credit,
    tax_inside,
    value_order,
)

EUR = "EUR"


def eur(minor: int) -> Money:
    return Money(minor, EUR)


def usd(minor: int) -> Money:
    return Money(minor, "USD")


def test_tax_included_line_by_hand() -> None:
    # 3 × 19.99 € with 20 % VAT inside: paid 59.97, VAT = round(5997 × 20 / 120) = 999.5 -> 1000
    (line,) = value_order(OrderTerms(EUR, True, [LineTerms(3, eur(1999), Decimal(20))]))
    assert line.paid == eur(5997)
    assert line.tax == eur(1000)
    assert line.net == eur(4997)


def test_tax_added_line_by_hand() -> None:
    # 2 × $10.00 with 8.875 % sales tax on top: 2000 × 0.08875 = 177.5 -> 178
    (line,) = value_order(OrderTerms("USD", False, [LineTerms(2, usd(1000), Decimal("8.875"))]))
    assert line.tax == usd(178)
    assert line.paid == usd(2178)


def test_percent_order_discount_rounded_once_then_allocated() -> None:
    # lines after own discounts: 10.00, 10.00, 10.00 ; 10 % off 1.00 € (D = round(3000 × .1/3)...)
    # Use 33.33 % on 30.00: D = round(999.9) = 1000, split 334/333/333 (earlier line first).
    terms = OrderTerms(EUR, True, [LineTerms(1, eur(1000), Decimal(20))] * 3,
                       order_discount_pct=Decimal("33.33"))
    values = value_order(terms)
    assert [v.discount.minor for v in values] == [334, 333, 333]
    assert [v.paid.minor for v in values] == [666, 667, 667]
    assert sum(v.paid.minor for v in values) == 3000 - 1000


def test_line_percent_discount_then_order_discount_weights() -> None:
    # line A: 2 × 25.00 with 10 % line discount -> 45.00 ; line B: 1 × 15.00 -> 15.00
    # order 10 %: D = round(6000 × 0.10) = 600, weights 4500:1500 -> 450 / 150
    terms = OrderTerms(EUR, True, [
        LineTerms(2, eur(2500), Decimal(20), line_discount_pct=Decimal(10)),
        LineTerms(1, eur(1500), Decimal(20))], order_discount_pct=Decimal(10))
    a, b = value_order(terms)
    assert (a.discount, b.discount) == (eur(500 + 450), eur(150))
    assert (a.paid, b.paid) == (eur(4050), eur(1350))
    assert a.tax == tax_inside(eur(4050), Decimal(20)) == eur(675)


def test_tax_added_discount_applies_before_tax() -> None:
    terms = OrderTerms("USD", False, [LineTerms(1, usd(10000), Decimal(10))],
                       order_discount_pct=Decimal(15))
    (line,) = value_order(terms)
    assert line.discount == usd(1500)
    assert line.tax == usd(850)
    assert line.paid == usd(9350)


def test_stated_figures_are_used_as_given() -> None:
    terms = OrderTerms(EUR, True, [LineTerms(
        2, eur(2000), Decimal(20), stated_discount=eur(333), stated_paid=eur(3667),
        stated_tax=eur(611))], order_discount_pct=Decimal(50))
    (line,) = value_order(terms)
    assert (line.discount, line.paid, line.tax) == (eur(333), eur(3667), eur(611))


def test_partial_returns_by_hand_half_cent_to_the_earlier_visit() -> None:
    # 3 units paid 10.00 €: visits of 1, 1, 1 credit 3.33 + 3.34 + 3.33 (running totals
    # round(333.33)=333, round(666.67)=667, 1000).
    (line,) = value_order(OrderTerms(EUR, True, [LineTerms(3, eur(333), Decimal(20),
                                                           stated_paid=eur(1000))]))
    credits = [return_credit(line, r, 1).amount.minor for r in range(3)]
    assert credits == [333, 334, 333]
    # 2 units paid 0.05 €: the half cent goes to the first visit
    (small,) = value_order(OrderTerms(EUR, True, [LineTerms(2, eur(3), Decimal(0),
                                                            stated_paid=eur(5))]))
    assert [return_credit(small, r, 1).amount.minor for r in range(2)] == [3, 2]


def test_refusals_name_the_problem() -> None:
    (line,) = value_order(OrderTerms(EUR, True, [LineTerms(2, eur(1000), Decimal(20))]))
    with pytest.raises(ValuationError) as over:
        return_credit(line, 1, 2)
    assert over.value.code == "over_return" and over.value.params["returnable"] == 1
    with pytest.raises(ValuationError) as zero:
        return_credit(line, 0, 0)
    assert zero.value.code == "quantity_not_positive"
    with pytest.raises(ValuationError) as mixed:
        value_order(OrderTerms(EUR, True, [LineTerms(1, usd(100))]))
    assert mixed.value.code == "currency_mismatch"
    with pytest.raises(ValuationError):
        value_order(OrderTerms(EUR, True, [LineTerms(0, eur(100))]))


rates = st.sampled_from([Decimal(0), Decimal("5.5"), Decimal(10), Decimal(20), Decimal("8.875")])
pcts = st.one_of(st.none(), st.integers(0, 100).map(Decimal),
                 st.decimals(0, 100, places=2, allow_nan=False, allow_infinity=False))
line_terms = st.builds(
    lambda q, price, rate, pct: LineTerms(q, eur(price), rate, line_discount_pct=pct),
    st.integers(1, 50), st.integers(0, 500_000), rates, pcts)
orders = st.builds(lambda inc, lines, pct: OrderTerms(EUR, inc, lines, order_discount_pct=pct),
                   st.booleans(), st.lists(line_terms, min_size=1, max_size=8), pcts)


@given(orders)
def test_valuation_never_invents_money(terms: OrderTerms) -> None:
    values = value_order(terms)
    for value in values:
        assert 0 <= value.tax.minor <= value.paid.minor
        assert value.discount.minor <= value.gross.minor
    if terms.order_discount_pct is not None:
        after_own = sum(v.gross.minor for v in values) - sum(
            v.discount.minor for v in values)
        assert after_own >= 0


@given(orders, st.data())
def test_partial_returns_add_up_in_any_order(terms: OrderTerms, data: st.DataObject) -> None:
    for line in value_order(terms):
        sizes = []
        left = line.quantity
        while left:
            k = data.draw(st.integers(1, left))
            sizes.append(k)
            left -= k
        returned, credits, taxes = 0, 0, 0
        for k in sizes:
            credit = return_credit(line, returned, k)
            assert 0 <= credit.amount.minor <= line.paid.minor - credits
            assert 0 <= credit.tax.minor <= credit.amount.minor or line.tax.minor == 0
            returned += k
            credits += credit.amount.minor
            taxes += credit.tax.minor
        assert credits == line.paid.minor  # exactly what was paid, never more, never less
        assert taxes == line.tax.minor


@given(st.integers(1, 40), st.integers(0, 10**7), st.data())
def test_each_visit_is_fair_to_the_cent(quantity: int, paid: int, data: st.DataObject) -> None:
    (line,) = value_order(OrderTerms(EUR, True, [LineTerms(quantity, eur(0), Decimal(20),
                                                           stated_paid=eur(paid))]))
    already = data.draw(st.integers(0, quantity - 1))
    k = data.draw(st.integers(1, quantity - already))
    credit = return_credit(line, already, k).amount.minor
    exact = Decimal(paid) * k / quantity
    assert abs(Decimal(credit) - exact) <= 1
