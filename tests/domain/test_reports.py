"""The returns report's pure parts: folding groups, rates, the return-prone list, CSV."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest

from pos.domain.money import Money
from pos.domain.reports import CSV_HEADER, ReportRow, ReturnsReport, fold, from_csv, to_csv


def report() -> ReturnsReport:
    rows = [*fold("product", [("1", "T-shirt « bio »", 4, -11960), ("2", "Jean, droit", 1, -7990),
                              ("1", "T-shirt « bio »", 1, -2990), ("3", "Écharpe", 3, -11970)],
                  "EUR", {"1": 8, "2": 2, "3": 30}),
            *fold("refund_to", [("cash", "cash", 2, 12345)], "EUR"),
            *fold("kind", [("refund", "refund", 3, -7), ("exchange", "exchange", 1, 5000)], "EUR")]
    return ReturnsReport(date(2026, 11, 1), date(2026, 11, 30), "EUR", tuple(rows))


def test_groups_sharing_a_key_are_added_up_and_rates_are_exact() -> None:
    products = {row.key: row for row in report().section("product")}
    assert products["1"].count == 5 and products["1"].amount == Money(-14950, "EUR")
    assert products["1"].rate == Decimal("62.5")
    assert products["2"].rate == Decimal("50.0")
    assert products["3"].rate == Decimal("10.0")
    assert ReportRow("product", "9", "x", 1, Money(0, "EUR")).rate is None


def test_the_return_prone_list_needs_the_rate_above_and_enough_sold() -> None:
    assert [r.key for r in report().return_prone(Decimal(20), 1)] == ["1", "2"]
    assert [r.key for r in report().return_prone(Decimal(20), 5)] == ["1"]
    assert [r.key for r in report().return_prone(Decimal("62.5"), 1)] == []


def test_csv_round_trips_with_decimal_amounts_and_a_header() -> None:
    text = to_csv(report())
    lines = list(csv.reader(io.StringIO(text)))
    assert tuple(lines[0]) == CSV_HEADER
    assert ["kind", "refund", "refund", "3", "-0.07", "EUR", "", ""] in lines
    assert ["product", "1", "T-shirt « bio »", "5", "-149.50", "EUR", "8", "62.5"] in lines
    assert ["refund_to", "cash", "cash", "2", "123.45", "EUR", "", ""] in lines
    assert set(from_csv(text)) == set(report().rows)
    text.encode("utf-8")  # written as UTF-8 by the screen


def test_text_that_is_not_a_report_is_refused() -> None:
    with pytest.raises(ValueError):
        from_csv("a,b\n1,2\n")
