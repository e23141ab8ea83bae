"""Closing the day: drawer counts, X/Z figures, VAT by rate, the grand total, the closure chain.

Pure values and arithmetic (DESIGN §13). The database sums the documents by group
(`pos.db.closing`); this module turns those groups into a report, merges daily reports into
monthly and yearly ones, counts a drawer by denomination and hashes a closure into its chain.
Every amount is integer minor units of the figure's own currency; a report never adds two
currencies together.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from pos.domain.errors import DomainError
from pos.domain.receipt import ShopInfo

GENESIS = "0" * 64

# Denominations in minor units, largest first; notes first, then coins (the touch pad's order).
DENOMINATIONS: dict[str, tuple[int, ...]] = {
    "EUR": (50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1),
    "CHF": (100000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5),
    "GBP": (5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1),
    "USD": (10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5, 1),
}
# The smallest note of each currency: below it, a denomination is a coin.
SMALLEST_NOTE = {"EUR": 500, "CHF": 1000, "GBP": 500, "USD": 100}


class ClosingError(DomainError):
    """A count, a move or a closure the rules refuse (code + numbers, never prose)."""


def denominations(currency: str) -> tuple[int, ...]:
    """The currency's notes and coins, largest first; `(1,)` (count the total) when unknown."""
    return DENOMINATIONS.get(currency, (1,))


def is_note(currency: str, denomination: int) -> bool:
    return denomination >= SMALLEST_NOTE.get(currency, 10**12)


def counted_total(currency: str, counts: Mapping[int, int]) -> int:
    """The drawer's total from a count by denomination (minor units).

    Raises:
        ClosingError: "unknown_denomination" or "negative_count".
    """
    allowed = set(denominations(currency))
    total = 0
    for denomination, count in counts.items():
        if denomination not in allowed:
            raise ClosingError("unknown_denomination", denomination=denomination,
                               currency=currency)
        if type(count) is not int or count < 0:
            raise ClosingError("negative_count", denomination=denomination, count=count)
        total += denomination * count
    return total


@dataclass(frozen=True, slots=True)
class CashFigures:
    """A drawer's figures for one session: what should be in it, what was counted."""

    currency: str
    opening_float: int
    cash_in: int  # cash collected by documents, change already taken off
    cash_out: int  # cash refunded by documents
    paid_in: int  # cash moves into the drawer (change fund top-up...)
    paid_out: int  # cash moves out of it (paid-outs, bank drop)
    counted: int | None = None

    @property
    def expected(self) -> int:
        return self.opening_float + self.cash_in - self.cash_out + self.paid_in - self.paid_out

    @property
    def variance(self) -> int | None:
        """Counted minus expected: negative when cash is missing; None before the count."""
        return None if self.counted is None else self.counted - self.expected


def needs_manager(variance: int, threshold: int) -> bool:
    """Whether a count's variance needs a manager's approval (strictly over the threshold)."""
    return abs(variance) > threshold


# ---------------------------------------------------------------- report figures


@dataclass(frozen=True, slots=True, order=True)
class Figure:
    """One line of a report: `count` items adding up to `amount` for one key and currency."""

    section: str  # kind, tender, reason, cashier, approver, refund_to, vat
    key: str
    currency: str
    count: int = 0
    amount: int = 0
    tax: int = 0  # VAT lines only: amount is the gross, tax its VAT part

    @property
    def base(self) -> int:
        return self.amount - self.tax


SECTIONS = ("kind", "tender", "refund_to", "reason", "cashier", "approver", "vat")


def combine(figures: Iterable[Figure]) -> tuple[Figure, ...]:
    """Add figures with the same section, key and currency; sorted by section then key."""
    totals: dict[tuple[str, str, str], list[int]] = {}
    for figure in figures:
        slot = totals.setdefault((figure.section, figure.key, figure.currency), [0, 0, 0])
        slot[0] += figure.count
        slot[1] += figure.amount
        slot[2] += figure.tax
    order = {name: index for index, name in enumerate(SECTIONS)}
    return tuple(sorted(
        (Figure(s, k, c, n, a, t) for (s, k, c), (n, a, t) in totals.items()),
        key=lambda f: (order.get(f.section, len(order)), f.section, f.key, f.currency)))


@dataclass(frozen=True, slots=True)
class Report:
    """An X or Z report (or a monthly / yearly closure built from Z reports).

    `net` is what the documents collected minus what they paid out, per currency (their
    balances); `grand_total` is the perpetual total since the first document, never reset.
    """

    documents: int
    first_number: str | None
    last_number: str | None
    figures: tuple[Figure, ...]
    net: Mapping[str, int]
    grand_total: Mapping[str, int]
    cash: tuple[CashFigures, ...] = field(default=())

    def section(self, name: str) -> tuple[Figure, ...]:
        return tuple(f for f in self.figures if f.section == name)

    def amount(self, section: str, key: str, currency: str = "EUR") -> int:
        return sum(f.amount for f in self.figures
                   if (f.section, f.key, f.currency) == (section, key, currency))

    def to_json(self) -> dict[str, Any]:
        """The report as JSON-able data (what is hashed, signed, archived and printed)."""
        return {
            "documents": self.documents, "first_number": self.first_number,
            "last_number": self.last_number,
            "figures": [asdict(f) for f in self.figures],
            "net": dict(sorted(self.net.items())),
            "grand_total": dict(sorted(self.grand_total.items())),
            "cash": [asdict(c) | {"expected": c.expected, "variance": c.variance}
                     for c in self.cash]}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Report:
        cash = tuple(CashFigures(**{k: v for k, v in c.items()
                                    if k not in ("expected", "variance")})
                     for c in data.get("cash", ()))
        return cls(data["documents"], data["first_number"], data["last_number"],
                   tuple(Figure(**f) for f in data["figures"]), dict(data["net"]),
                   dict(data["grand_total"]), cash)


def add_totals(*totals: Mapping[str, int]) -> dict[str, int]:
    """Per-currency sums."""
    result: dict[str, int] = {}
    for total in totals:
        for currency, amount in total.items():
            result[currency] = result.get(currency, 0) + amount
    return dict(sorted(result.items()))


def build_report(*, documents: int, first_number: str | None, last_number: str | None,
                 figures: Iterable[Figure], previous_grand_total: Mapping[str, int],
                 cash: Iterable[CashFigures] = ()) -> Report:
    """A report from the grouped figures of its documents, continuing the grand total."""
    combined = combine(figures)
    net = add_totals(*({f.currency: f.amount} for f in combined if f.section == "kind"))
    return Report(documents, first_number, last_number, combined, net,
                  add_totals(previous_grand_total, net), tuple(cash))


def merge_reports(reports: Iterable[Report]) -> Report:
    """A monthly or yearly report from daily ones, in order (the grand total is the last's)."""
    ordered = list(reports)
    if not ordered:
        return Report(0, None, None, (), {}, {})
    numbers = [r for r in ordered if r.documents]
    return Report(sum(r.documents for r in ordered),
                  numbers[0].first_number if numbers else None,
                  numbers[-1].last_number if numbers else None,
                  combine(f for r in ordered for f in r.figures),
                  add_totals(*(r.net for r in ordered)), dict(ordered[-1].grand_total),
                  tuple(c for r in ordered for c in r.cash))


# ---------------------------------------------------------------- the closure chain


def key_fingerprint(public_key_hex: str) -> str:
    """A signing key's fingerprint to note on paper: the first 128 bits of the SHA-256 of
    its raw bytes, in eight groups of four hex digits ("3f2a 9c1e ...")."""
    digest = hashlib.sha256(bytes.fromhex(public_key_hex)).hexdigest()[:32]
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


def canonical_json(value: Any) -> str:
    """JSON with sorted keys, no spaces, UTF-8 text; NaN and infinities refused."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)


@dataclass(frozen=True, slots=True)
class ClosureBody:
    """What a closure states and signs: its place in the chain and the report it closes."""

    number: int
    kind: str  # z (a terminal's day), day (the shop's), month, year
    terminal_id: str  # "" for the shop
    period: str  # 2026-11-20, 2026-11, 2026
    closed_at: str  # ISO UTC
    closed_by: str
    prev_hash: str
    audit_head_hash: str
    audit_count: int
    first_sequence: int  # documents covered (terminal Z: its number range; else 0)
    last_sequence: int
    report: Mapping[str, Any]

    def to_json(self) -> dict[str, Any]:
        return asdict(self) | {"report": dict(self.report)}


def closure_hash(body: ClosureBody | Mapping[str, Any]) -> str:
    """sha256(prev_hash + canonical JSON of the body): what the signature covers."""
    data = body.to_json() if isinstance(body, ClosureBody) else dict(body)
    return hashlib.sha256((data["prev_hash"] + canonical_json(data)).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class ClosureSlip:
    """What the printed Z (or period) slip shows: the closure and its report, in a language."""

    shop_name: str
    number: int
    kind: str
    terminal_id: str
    period: str
    closed_at: str  # ISO UTC
    closed_by: str
    hash: str
    signature: str
    report: Report
    language: str = "fr"
    shop: ShopInfo | None = None  # the identity under the name (address, SIRET, VAT number)
    duplicate: bool = False  # a copy printed again: it says DUPLICATA / DUPLICATE


def valid_period(kind: str, period: str) -> bool:
    """Whether `period` names a `kind` period: day 2026-11-20, month 2026-11, year 2026."""
    shapes = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-(0[1-9]|1[0-2])", "year": r"\d{4}"}
    if kind not in shapes or not re.fullmatch(shapes[kind], period):
        return False
    if kind == "day":
        try:
            date.fromisoformat(period)
        except ValueError:
            return False
    return True
