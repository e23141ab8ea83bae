"""Closing arithmetic: drawer counts, report figures, daily -> monthly merges, closure hashes."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.domain.closing import (
    DENOMINATIONS,
    GENESIS,
    CashFigures,
    ClosingError,
    ClosureBody,
    Figure,
    Report,
    build_report,
    closure_hash,
    combine,
    counted_total,
    denominations,
    is_note,
    merge_reports,
    needs_manager,
    valid_period,
)

CURRENCIES = st.sampled_from(["EUR", "CHF"])
SECTIONS = st.sampled_from(["kind", "tender", "reason", "cashier", "vat"])
figures = st.builds(Figure, SECTIONS, st.sampled_from(["a", "b", "c"]), CURRENCIES,
                    st.integers(0, 50), st.integers(-10**7, 10**7), st.integers(-10**5, 10**5))


def test_euro_notes_and_coins() -> None:
    assert denominations("EUR")[:3] == (50000, 20000, 10000) and denominations("EUR")[-1] == 1
    assert is_note("EUR", 500) and not is_note("EUR", 200)
    assert denominations("XOF") == (1,)  # unknown currency: the total is counted directly


@given(st.dictionaries(st.sampled_from(DENOMINATIONS["EUR"]), st.integers(0, 500)))
def test_a_count_is_the_sum_of_its_denominations(counts: dict[int, int]) -> None:
    assert counted_total("EUR", counts) == sum(d * n for d, n in counts.items())


def test_a_count_refuses_unknown_denominations_and_negative_counts() -> None:
    with pytest.raises(ClosingError) as unknown:
        counted_total("EUR", {300: 1})
    assert unknown.value.code == "unknown_denomination"
    with pytest.raises(ClosingError) as negative:
        counted_total("EUR", {100: -1})
    assert negative.value.code == "negative_count"


@given(st.integers(0, 10**6), st.integers(0, 10**6), st.integers(0, 10**6),
       st.integers(0, 10**6), st.integers(0, 10**6), st.integers(0, 10**7))
def test_expected_cash_and_variance(opening: int, cash_in: int, cash_out: int, paid_in: int,
                                    paid_out: int, counted: int) -> None:
    figures = CashFigures("EUR", opening, cash_in, cash_out, paid_in, paid_out, counted)
    assert figures.expected == opening + cash_in - cash_out + paid_in - paid_out
    assert figures.variance == counted - figures.expected
    assert CashFigures("EUR", opening, cash_in, cash_out, paid_in, paid_out).variance is None


def test_the_manager_threshold_is_strict_and_both_ways() -> None:
    assert not needs_manager(500, 500) and not needs_manager(-500, 500)
    assert needs_manager(501, 500) and needs_manager(-501, 500)


@given(st.lists(figures, max_size=40), st.randoms())
def test_combining_keeps_every_cent_in_any_order(items: list[Figure], rng) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(items)
    rng.shuffle(shuffled)
    combined = combine(items)
    assert combined == combine(shuffled)
    assert sum(f.amount for f in combined) == sum(f.amount for f in items)
    assert sum(f.tax for f in combined) == sum(f.tax for f in items)
    assert len({(f.section, f.key, f.currency) for f in combined}) == len(combined)


@given(st.lists(st.lists(figures, max_size=12), min_size=1, max_size=8),
       st.dictionaries(CURRENCIES, st.integers(-10**8, 10**8)))
def test_a_month_from_its_days_equals_the_month_at_once(days: list[list[Figure]],
                                                        start: dict[str, int]) -> None:
    grand, daily = dict(start), []
    for number, day in enumerate(days):
        report = build_report(documents=len(day), first_number=f"T1-{number}",
                              last_number=f"T1-{number}", figures=day,
                              previous_grand_total=grand)
        grand = dict(report.grand_total)
        daily.append(report)
    month = merge_reports(daily)
    whole = build_report(documents=sum(map(len, days)), first_number=None, last_number=None,
                         figures=[f for day in days for f in day], previous_grand_total=start)
    assert month.figures == whole.figures and month.net == whole.net
    assert month.grand_total == whole.grand_total
    assert month.documents == whole.documents


@given(st.lists(figures, max_size=20))
def test_a_report_survives_json(items: list[Figure]) -> None:
    cash = (CashFigures("EUR", 100, 2, 3, 4, 5, 98),)
    report = build_report(documents=3, first_number="T1-000001", last_number="T1-000003",
                          figures=items, previous_grand_total={"EUR": 7}, cash=cash)
    assert Report.from_json(json.loads(json.dumps(report.to_json()))) == report


def _body(**changes: object) -> ClosureBody:
    fields = {"number": 1, "kind": "z", "terminal_id": "T1", "period": "2026-11-20",
              "closed_at": "2026-11-20T18:00:00+00:00", "closed_by": "maxime",
              "prev_hash": GENESIS, "audit_head_hash": "a" * 64, "audit_count": 12,
              "first_sequence": 1, "last_sequence": 5, "report": {"net": {"EUR": 100}}}
    return ClosureBody(**(fields | changes))  # type: ignore[arg-type]


@pytest.mark.parametrize("change", [
    {"number": 2}, {"prev_hash": "1" * 64}, {"audit_count": 11}, {"last_sequence": 4},
    {"report": {"net": {"EUR": 101}}}, {"closed_by": "camille"}])
def test_any_change_to_a_closure_changes_its_hash(change: dict[str, object]) -> None:
    assert closure_hash(_body(**change)) != closure_hash(_body())
    assert closure_hash(_body().to_json()) == closure_hash(_body())


@pytest.mark.parametrize(("kind", "period", "ok"), [
    ("day", "2026-11-20", True), ("day", "2026-02-30", False), ("month", "2026-11", True),
    ("month", "2026-13", False), ("year", "2026", True), ("year", "26", False),
    ("week", "2026-47", False)])
def test_periods_are_checked(kind: str, period: str, ok: bool) -> None:
    assert valid_period(kind, period) is ok
