"""Quick-cash amounts: exact first, then round sums above, never below what is due."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from pos.domain.money import Money
from pos.domain.quick_cash import MAX_OFFERS, quick_cash


def euros(*amounts: str) -> tuple[Money, ...]:
    return tuple(Money.from_decimal(a, "EUR") for a in amounts)


def test_the_exact_amount_then_the_next_notes() -> None:
    assert quick_cash(Money(4730, "EUR")) == euros("47.30", "50", "60")
    assert quick_cash(Money(5000, "EUR")) == euros("50", "60")  # 50 + a 10
    assert quick_cash(Money(1, "EUR")) == euros("0.01", "5", "10", "20")
    assert quick_cash(Money(12, "JPY")) == tuple(Money(m, "JPY") for m in (12, 15, 20, 50))


def test_nothing_due_offers_nothing() -> None:
    assert quick_cash(Money(0, "EUR")) == ()


@given(st.integers(min_value=1, max_value=10**9))
def test_every_offer_covers_the_amount_and_they_rise(minor: int) -> None:
    offers = quick_cash(Money(minor, "EUR"))
    assert offers[0] == Money(minor, "EUR")
    assert all(a.minor < b.minor for a, b in pairwise(offers))
    assert 1 <= len(offers) <= MAX_OFFERS
