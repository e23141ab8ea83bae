"""What the returns say: a period's returns by reason, product and size, rates, and CSV.

Pure values (DESIGN §13's figures, seen from the returns side). The database sums the
documents and order lines by group (`pos.db.reports`); this module folds those groups into a
`ReturnsReport`, computes each product's return rate (units returned / units sold, exact
`Decimal`), picks the return-prone products, and writes and reads the report as CSV with
amounts as decimal strings (never floats).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pos.domain.money import Money

HUNDRED = Decimal(100)
SECTIONS = ("kind", "reason", "product", "size", "refund_to", "refund_by")
CSV_HEADER = ("section", "key", "label", "count", "amount", "currency", "sold", "rate_pct")


@dataclass(frozen=True, slots=True, order=True)
class ReportRow:
    """One line of a section: what it counts (units or documents) and its amount.

    Attributes:
        section: One of `SECTIONS`.
        key: What the row is about: a kind, a reason ("-" for none), a product id, a size,
            a tender method, a cashier's username.
        label: What a person reads (a product's name; else the key).
        count: Documents (kind), units returned (reason, product, size) or tenders (refunds).
        amount: Balance (kind), credit given (reason, product, size) or money refunded.
        sold: Units sold in the period (product rows only; 0 elsewhere).
    """

    section: str
    key: str
    label: str
    count: int
    amount: Money
    sold: int = 0

    @property
    def rate(self) -> Decimal | None:
        """Units returned / units sold, as a percent rounded to 0.1 (None: none sold)."""
        if not self.sold:
            return None
        return (Decimal(self.count) * HUNDRED / Decimal(self.sold)).quantize(Decimal("0.1"))


@dataclass(frozen=True, slots=True)
class ReturnsReport:
    """A period's returns (first and last day included, in the shop's time zone)."""

    first_day: date
    last_day: date
    currency: str
    rows: tuple[ReportRow, ...]

    def section(self, name: str) -> tuple[ReportRow, ...]:
        """The section's rows, largest count first (then by label)."""
        return tuple(sorted((row for row in self.rows if row.section == name),
                            key=lambda row: (-row.count, -abs(row.amount.minor), row.label)))

    def return_prone(self, threshold_pct: Decimal, min_sold: int) -> tuple[ReportRow, ...]:
        """Products whose rate is above `threshold_pct`, with at least `min_sold` sold."""
        rows = [row for row in self.section("product")
                if row.sold >= max(min_sold, 1) and row.rate is not None
                and row.rate > threshold_pct]
        return tuple(sorted(rows, key=lambda row: (-(row.rate or 0), row.label)))


def fold(section: str, rows: Iterable[tuple[str, str, int, int]], currency: str,
         sold: dict[str, int] | None = None) -> list[ReportRow]:
    """Add up `(key, label, count, amount)` groups of one currency that share a key."""
    counts: dict[str, list[int]] = {}
    labels: dict[str, str] = {}
    for key, label, count, amount in rows:
        total = counts.setdefault(key, [0, 0])
        total[0] += count
        total[1] += amount
        labels.setdefault(key, label)
    sold = sold or {}
    return [ReportRow(section, key, labels[key], count, Money(amount, currency),
                      sold.get(key, 0)) for key, (count, amount) in counts.items()]


def to_csv(report: ReturnsReport, sections: Sequence[str] = SECTIONS) -> str:
    """The figures as CSV (UTF-8 text, a header line, amounts as decimal strings)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for name in sections:
        for row in report.section(name):
            rate = row.rate
            writer.writerow((row.section, row.key, row.label, row.count,
                             f"{row.amount.to_decimal():f}", row.amount.currency,
                             row.sold if row.section == "product" else "",
                             "" if rate is None else f"{rate:f}"))
    return out.getvalue()


def from_csv(text: str) -> tuple[ReportRow, ...]:
    """Read rows written by `to_csv` back (rates are derived, so they are not read).

    Raises:
        ValueError: the text is not a report's CSV.
    """
    reader = csv.reader(io.StringIO(text))
    if tuple(next(reader, ())) != CSV_HEADER:
        raise ValueError("not a returns report")
    return tuple(ReportRow(section, key, label, int(count),
                           Money.from_decimal(amount, currency), int(sold or 0))
                 for section, key, label, count, amount, currency, sold, _rate in reader)
