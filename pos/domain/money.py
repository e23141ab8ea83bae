"""Money as integer minor units with a currency, and the project's single rounding rule.

The rule (DESIGN §3): amounts are integers of the currency's minor unit; any product with a
rate or a quantity is rounded **once**, half-up (away from zero on .5), with `ROUNDING`.
Splits never round: they allocate by largest remainder, so no cent is lost or invented.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

ROUNDING = ROUND_HALF_UP
ONE = Decimal(1)

# ISO 4217 minor-unit exponents for the currencies a Wix shop may sell in; anything not
# listed has 2 decimals. Kept here (not Babel) so the domain stays dependency-free.
# The largest amount Comptoir records, in minor units: 1,000,000,000,000,000.00 in a two-decimal
# currency (Wix's own ceiling, 1e15). A 64-bit column (PostgreSQL BIGINT, SQLite INTEGER) holds
# 9.2 × 10^18, so 92 such amounts still add up inside one (docs/money.md, "The bound").
MAX_MINOR = 10**17
_EXPONENTS = {"JPY": 0, "KRW": 0, "CLP": 0, "ISK": 0, "HUF": 2, "BHD": 3, "KWD": 3, "TND": 3}


class CurrencyMismatchError(ValueError):
    """Two amounts in different currencies were combined."""

    code = "currency_mismatch"


def exponent(currency: str) -> int:
    """Number of decimals of `currency`'s minor unit."""
    return _EXPONENTS.get(currency, 2)


def round_half_up(value: Decimal) -> int:
    """Round a Decimal number of minor units to an int with the project's rule."""
    return int(value.quantize(ONE, rounding=ROUNDING))


def ratio_round(amount: int, numerator: int, denominator: int) -> int:
    """`round(amount * numerator / denominator)` in exact integer arithmetic, half-up.

    Half-up means away from zero on an exact half, for negative amounts too.
    """
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    product = amount * numerator
    sign = -1 if product < 0 else 1
    quotient, remainder = divmod(abs(product), denominator)
    if 2 * remainder >= denominator:
        quotient += 1
    return sign * quotient


@dataclass(frozen=True, slots=True, order=True)
class Money:
    """An amount of money: integer minor units (cents) of an ISO 4217 currency."""

    minor: int
    currency: str

    def __post_init__(self) -> None:
        if type(self.minor) is not int:  # bool, float and Decimal are all bugs here
            raise TypeError(f"Money.minor must be int, got {type(self.minor).__name__}")
        if len(self.currency) != 3 or not self.currency.isupper():
            raise ValueError(f"not an ISO 4217 currency code: {self.currency!r}")

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    @classmethod
    def from_decimal(cls, amount: Decimal | str, currency: str) -> Money:
        """From a major-unit decimal such as Wix's "12.50"; rounds once with ROUNDING."""
        value = Decimal(amount) if isinstance(amount, str) else amount
        if not isinstance(value, Decimal):
            raise TypeError("amount must be a Decimal or a decimal string")
        return cls(round_half_up(value.scaleb(exponent(currency))), currency)

    def to_decimal(self) -> Decimal:
        """The amount in major units, exact (e.g. Decimal('12.50'))."""
        return Decimal(self.minor).scaleb(-exponent(self.currency))

    def _check(self, other: Money) -> None:
        if not isinstance(other, Money):
            raise TypeError("can only combine Money with Money")
        if other.currency != self.currency:
            raise CurrencyMismatchError(f"{self.currency} and {other.currency} cannot be combined")

    def __add__(self, other: Money) -> Money:
        self._check(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._check(other)
        return Money(self.minor - other.minor, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.minor, self.currency)

    def __bool__(self) -> bool:
        return self.minor != 0

    def is_zero(self) -> bool:
        return self.minor == 0

    def is_negative(self) -> bool:
        return self.minor < 0

    def times(self, factor: Decimal | int) -> Money:
        """Multiply by a quantity or rate, rounding exactly once with ROUNDING."""
        if isinstance(factor, int) and not isinstance(factor, bool):
            return Money(self.minor * factor, self.currency)
        if not isinstance(factor, Decimal):
            raise TypeError("factor must be int or Decimal (never float)")
        return Money(round_half_up(self.minor * factor), self.currency)

    def share(self, numerator: int, denominator: int) -> Money:
        """`round(self * numerator / denominator)`, exact, half-up."""
        return Money(ratio_round(self.minor, numerator, denominator), self.currency)

    def allocate(self, weights: Sequence[int]) -> list[Money]:
        """Split proportionally to integer weights; see `allocate`."""
        return [Money(part, self.currency) for part in allocate(self.minor, weights)]


def allocate(total: int, weights: Sequence[int]) -> list[int]:
    """Split `total` over `weights` by largest remainder; ties go to the earlier part.

    The parts always add up to `total` exactly. Weights must be >= 0; when they are all
    zero the total is split evenly (again earliest first), so nothing is ever dropped.
    """
    if not weights:
        if total:
            raise ValueError("cannot allocate a non-zero total over no weights")
        return []
    if any(w < 0 for w in weights):
        raise ValueError("weights must not be negative")
    weight_sum = sum(weights)
    if weight_sum == 0:
        weights, weight_sum = [1] * len(weights), len(weights)
    sign = -1 if total < 0 else 1
    magnitude = abs(total)
    floors = []
    remainders = []
    for index, weight in enumerate(weights):
        quotient, remainder = divmod(magnitude * weight, weight_sum)
        floors.append(quotient)
        remainders.append((-remainder, index))
    leftover = magnitude - sum(floors)
    for _, index in sorted(remainders)[:leftover]:
        floors[index] += 1
    return [sign * part for part in floors]


def total_of(amounts: Iterable[Money], currency: str) -> Money:
    """Sum of `amounts` (all in `currency`); zero when empty."""
    result = Money.zero(currency)
    for amount in amounts:
        result = result + amount
    return result
