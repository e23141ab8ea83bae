"""Money: integer minor units, one rounding rule, allocation that never loses a cent."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.domain.money import CurrencyMismatchError, Money, allocate, ratio_round, total_of


def test_from_decimal_string_rounds_half_up_once() -> None:
    assert Money.from_decimal("12.50", "EUR") == Money(1250, "EUR")
    assert Money.from_decimal("0.125", "EUR") == Money(13, "EUR")
    assert Money.from_decimal("-0.125", "EUR") == Money(-13, "EUR")  # away from zero
    assert Money.from_decimal("1234", "JPY") == Money(1234, "JPY")


def test_floats_and_bools_are_refused() -> None:
    with pytest.raises(TypeError):
        Money(12.5, "EUR")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(True, "EUR")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(100, "EUR").times(1.2)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money.from_decimal(12.5, "EUR")  # type: ignore[arg-type]


def test_currencies_never_mix() -> None:
    with pytest.raises(CurrencyMismatchError):
        Money(100, "EUR") + Money(100, "USD")
    with pytest.raises(ValueError):
        Money(1, "eur")


def test_times_rounds_once_half_up() -> None:
    assert Money(999, "EUR").times(Decimal("0.15")) == Money(150, "EUR")  # 149.85 -> 150
    assert Money(10, "EUR").times(Decimal("0.05")) == Money(1, "EUR")  # 0.5 -> 1
    assert Money(333, "EUR").times(3) == Money(999, "EUR")


def test_to_decimal_is_exact() -> None:
    assert Money(1250, "EUR").to_decimal() == Decimal("12.50")
    assert Money(-5, "USD").to_decimal() == Decimal("-0.05")


def test_allocate_by_hand() -> None:
    assert allocate(100, [1, 1, 1]) == [34, 33, 33]  # leftover cent to the first part
    assert allocate(-100, [1, 1, 1]) == [-34, -33, -33]
    assert allocate(10, [0, 0]) == [5, 5]
    assert allocate(7, [3, 0, 1]) == [5, 0, 2]  # 5.25, 0, 1.75 -> remainders .25/.75
    assert allocate(0, []) == []
    with pytest.raises(ValueError):
        allocate(1, [])


def test_ratio_round_half_up_both_signs() -> None:
    assert ratio_round(5, 1, 2) == 3
    assert ratio_round(-5, 1, 2) == -3
    assert ratio_round(10, 1, 3) == 3


@given(st.integers(-10**9, 10**9), st.lists(st.integers(0, 10**6), min_size=1, max_size=20))
def test_allocation_always_adds_up_and_stays_fair(total: int, weights: list[int]) -> None:
    parts = allocate(total, weights)
    assert sum(parts) == total
    weight_sum = sum(weights) or len(weights)
    effective = weights if sum(weights) else [1] * len(weights)
    for part, weight in zip(parts, effective, strict=True):
        exact = Decimal(total) * weight / weight_sum
        assert abs(Decimal(part) - exact) < 1  # never off by a whole cent


@given(st.lists(st.integers(-10**7, 10**7), max_size=30))
def test_total_of_is_the_integer_sum(amounts: list[int]) -> None:
    assert total_of((Money(a, "EUR") for a in amounts), "EUR") == Money(sum(amounts), "EUR")
