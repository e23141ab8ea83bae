"""The receipt's VAT table adds up to the document's tax, to the cent, whatever the rates.

Orders are valued by `pos.domain.valuation` (tax included or added, line and order discounts,
partial returns by the running total), then the returned lines (minus) and new lines (plus)
go through `vat_breakdown` as the receipt service feeds it.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from pos.domain.money import Money
from pos.domain.receipt import ReceiptVat, vat_breakdown
from pos.domain.valuation import LineTerms, OrderTerms, return_credit, value_order

RATES = st.sampled_from([Decimal(0), Decimal("2.1"), Decimal("5.5"), Decimal(10), Decimal(20),
                         Decimal("8.1"), Decimal("7.7")])  # fmt: skip


@st.composite
def orders(draw: st.DrawFn) -> tuple[OrderTerms, list[tuple[int, int]]]:
    """An order and, per line, (units returned before, units returned now)."""
    count = draw(st.integers(1, 6))
    lines = tuple(
        LineTerms(
            unit_price=Money(draw(st.integers(1, 500_00)), "EUR"),
            quantity=draw(st.integers(1, 5)),
            tax_rate=draw(RATES),
            line_discount_pct=draw(st.sampled_from([None, Decimal(10), Decimal("33.3")])),
        )
        for _ in range(count)
    )
    terms = OrderTerms(currency="EUR", tax_included=draw(st.booleans()), lines=lines,
                       order_discount_pct=draw(st.sampled_from([None, Decimal(15)])))  # fmt: skip
    returns = []
    for line in lines:
        before = draw(st.integers(0, line.quantity - 1))
        returns.append((before, draw(st.integers(0, line.quantity - before))))
    return terms, returns


@given(orders(), orders())
def test_vat_lines_add_up_to_the_documents_tax_and_ht_plus_tva_is_ttc(
    returned_order: tuple[OrderTerms, list[tuple[int, int]]],
    new_order: tuple[OrderTerms, list[tuple[int, int]]],
) -> None:
    terms, returns = returned_order
    lines, document_tax, document_total = [], 0, 0
    for line, value, (before, now) in zip(terms.lines, value_order(terms), returns, strict=True):
        if now:
            credit = return_credit(value, before, now)
            lines.append((line.tax_rate, -credit.amount.minor, -credit.tax.minor))
            document_tax -= credit.tax.minor
            document_total -= credit.amount.minor
    new_terms, _ = new_order  # new items are valued like order lines (tax in or added)
    for line, value in zip(new_terms.lines, value_order(new_terms), strict=True):
        lines.append((line.tax_rate, value.paid.minor, value.tax.minor))
        document_tax += value.tax.minor
        document_total += value.paid.minor
    table = vat_breakdown(lines, "EUR")
    if any(rate for rate, _, _ in lines):
        assert sum(vat.amount.minor for vat in table) == document_tax
        assert sum(vat.total.minor for vat in table) == document_total
    for vat in table:
        assert vat.base + vat.amount == vat.total
        assert vat.base.minor == vat.total.minor - vat.amount.minor
    assert [vat.rate for vat in table] == sorted({vat.rate for vat in table}, reverse=True)


def test_one_line_per_rate_highest_first() -> None:
    lines = [(Decimal("5.5"), 950, 50), (Decimal(20), -2990, -498), (Decimal("20.0"), 7990, 1332)]
    assert vat_breakdown(lines, "EUR") == (
        ReceiptVat(Decimal(20), Money(834, "EUR"), Money(5000, "EUR")),
        ReceiptVat(Decimal("5.5"), Money(50, "EUR"), Money(950, "EUR")),
    )
    assert vat_breakdown(lines, "EUR")[0].base == Money(4166, "EUR")


def test_an_even_swap_and_a_shop_without_vat_print_no_table() -> None:
    # Another size of the same tee (like for like): every rate nets to nothing.
    assert vat_breakdown([(Decimal(20), -2990, -498), (Decimal(20), 2990, 498)], "EUR") == ()
    assert vat_breakdown([(Decimal(0), -2990, 0), (Decimal(0), 1000, 0)], "EUR") == ()
