"""Properties of the returns engine over random orders and random sequences of documents.

Each document is quoted against the order as the previous ones left it (`already_returned`
fed forward), then settled with a random split of tenders. Guards: no cent created or lost,
a return never exceeds what was paid, fees never exceed the credit, tenders settle exactly.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from pos.domain.money import Money
from pos.domain.policy import Policy
from pos.domain.returns import (
    BalanceKind,
    DocumentKind,
    Draft,
    NewItem,
    OrderSnapshot,
    PricingBasis,
    Quote,
    ReturnRequest,
    SoldLine,
    quote,
)
from pos.domain.settlement import (
    PaymentMethod,
    PaymentSnapshot,
    Tender,
    TenderMethod,
    settle,
)
from pos.domain.valuation import LineTerms, OrderTerms, value_order

PLACED = datetime(2025, 6, 1, tzinfo=UTC)
NOW = PLACED + timedelta(days=3)
PRODUCTS = ("P1", "P2", "P3")
CATEGORIES = ("tops", "shoes", "misc")

rates = st.sampled_from([Decimal(0), Decimal("5.5"), Decimal(20), Decimal("8.875")])
pcts = st.one_of(st.none(), st.decimals(0, 60, places=2, allow_nan=False, allow_infinity=False))
fee_pcts = st.sampled_from([Decimal(0), Decimal(10), Decimal("12.5"), Decimal(100)])


@st.composite
def orders(draw: st.DrawFn) -> OrderSnapshot:
    currency, included = draw(st.sampled_from([("EUR", True), ("USD", False)]))
    count = draw(st.integers(1, 5))
    terms = [
        LineTerms(
            draw(st.integers(1, 12)),
            Money(draw(st.integers(0, 50_000)), currency),
            draw(rates),
            line_discount_pct=draw(pcts),
        )
        for _ in range(count)
    ]
    values = value_order(OrderTerms(currency, included, terms, order_discount_pct=draw(pcts)))
    lines = tuple(
        SoldLine(
            f"L{index}",
            draw(st.sampled_from(PRODUCTS)),
            f"V{index}",
            f"Item {index}",
            value,
            category=draw(st.sampled_from(CATEGORIES)),
        )
        for index, value in enumerate(values)
    )
    total = sum(value.paid.minor for value in values)
    card = PaymentSnapshot("card", PaymentMethod.CARD, Money(total, currency), Money(0, currency))
    return OrderSnapshot("o", "1", currency, PLACED, True, lines, (card,))


policies = st.builds(
    Policy,
    restocking_fee_pct=fee_pcts,
    restocking_fee_pct_by_category=st.dictionaries(st.sampled_from(CATEGORIES), fee_pcts),
    flat_return_fee_minor=st.integers(0, 3000),
    like_for_like_keeps_price=st.booleans(),
)


@st.composite
def drafts(draw: st.DrawFn, order: OrderSnapshot) -> Draft:
    """A refund or exchange of some still-returnable units, sometimes as duplicate requests."""
    open_lines = [line for line in order.lines if line.returnable]
    chosen = draw(st.lists(st.sampled_from(open_lines), min_size=1, unique_by=id))
    requests: list[ReturnRequest] = []
    for line in chosen:
        quantity = draw(st.integers(1, line.returnable))
        first = draw(st.integers(1, quantity))
        requests.append(ReturnRequest(line.line_id, first))
        if quantity > first:  # a duplicate line in the same request
            requests.append(ReturnRequest(line.line_id, quantity - first))
    if draw(st.booleans()):
        return Draft(DocumentKind.REFUND, tuple(requests))
    items = draw(st.lists(new_items(order.currency), min_size=1, max_size=3))
    return Draft(DocumentKind.EXCHANGE, tuple(requests), tuple(items))


def new_items(currency: str) -> st.SearchStrategy[NewItem]:
    return st.builds(
        NewItem,
        product_id=st.sampled_from((*PRODUCTS, "OTHER")),
        variant_id=st.sampled_from(("V9", "V8")),
        quantity=st.integers(1, 4),
        unit_price=st.integers(0, 40_000).map(lambda minor: Money(minor, currency)),
        tax_rate=rates,
        tax_included=st.booleans(),
    )


def tenders_for(q: Quote, data: st.DataObject) -> list[Tender]:
    """A random split of the balance into tenders the rules allow."""
    due = abs(q.balance.minor)
    currency = q.currency
    cuts = sorted(data.draw(st.lists(st.integers(0, due), max_size=2)))
    parts = [b - a for a, b in zip([0, *cuts], [*cuts, due], strict=True) if b > a]
    if q.balance_kind is BalanceKind.LOWER:
        methods = [TenderMethod.CASH, TenderMethod.NEW_GIFT_CARD, TenderMethod.ORIGINAL_PAYMENT]
        return [
            Tender(method, Money(part, currency), payment_id="card")
            for method, part in zip(methods, parts, strict=False)
        ]
    extra = data.draw(st.integers(0, 5000))  # only the last part, in cash, may exceed
    methods = [TenderMethod.CARD, TenderMethod.GIFT_CARD, TenderMethod.CASH]
    tenders = [
        Tender(method, Money(part, currency), gift_card_code="GC")
        for method, part in zip(methods, parts, strict=False)  # fewer parts than methods
    ]
    if tenders and tenders[-1].method is TenderMethod.CASH:
        tenders[-1] = Tender(TenderMethod.CASH, Money(parts[-1] + extra, currency))
    return tenders


def check_quote(q: Quote, order: OrderSnapshot, credited: dict[str, int]) -> None:
    zero = Money.zero(q.currency)
    for part in q.returns:
        line = order.line(part.line_id)
        assert line is not None
        credited[part.line_id] += part.credit.minor
        assert 0 <= part.credit.minor and credited[part.line_id] <= line.value.paid.minor
    assert zero <= q.fees.restocking and zero <= q.fees.flat
    assert q.fees.total <= q.returned_credit
    assert q.balance == q.new_items_total - q.returned_credit + q.fees.total - q.shipping_refund
    if q.kind is DocumentKind.REFUND:
        assert q.balance_kind is BalanceKind.LOWER and q.balance <= zero


def check_settlement(q: Quote, order: OrderSnapshot, data: st.DataObject) -> None:
    tenders = tenders_for(q, data)
    gift = {"GC": Money(10**9, q.currency)}
    done = settle(
        q.balance, q.balance_kind, tenders, payments=order.payments, gift_card_balances=gift
    )
    assert done.tendered - done.change_due == Money(abs(q.balance.minor), q.currency)
    if done.change_due:
        cash = [t.amount for t in tenders if t.method is TenderMethod.CASH]
        assert len(cash) == 1 and done.change_due < cash[0]


@given(orders(), policies, st.data())
def test_documents_one_after_another_never_create_or_lose_a_cent(
    order: OrderSnapshot, policy: Policy, data: st.DataObject
) -> None:
    credited = {line.line_id: 0 for line in order.lines}
    for _ in range(data.draw(st.integers(0, 4))):
        if not any(line.returnable for line in order.lines):
            break
        q = quote(order, data.draw(drafts(order)), policy, NOW)
        check_quote(q, order, credited)
        card = order.payments[0]
        check_settlement(
            q,
            dataclasses.replace(
                order, payments=(dataclasses.replace(card, amount=Money(10**9, q.currency)),)
            ),
            data,
        )
        order = returned_forward(order, q)
    # Whatever is left comes back in one last refund: every line is then paid back exactly.
    rest = tuple(
        ReturnRequest(line.line_id, line.returnable) for line in order.lines if line.returnable
    )
    if rest:
        check_quote(quote(order, Draft(DocumentKind.REFUND, rest), policy, NOW), order, credited)
    for line in order.lines:
        assert credited[line.line_id] == line.value.paid.minor


def returned_forward(order: OrderSnapshot, q: Quote) -> OrderSnapshot:
    back = q.returned_quantities()
    lines = tuple(
        dataclasses.replace(
            line, already_returned=line.already_returned + back.get(line.line_id, 0)
        )
        for line in order.lines
    )
    return dataclasses.replace(order, lines=lines)


@given(orders(), st.data())
def test_returned_tax_adds_up_to_each_lines_tax(order: OrderSnapshot, data: st.DataObject) -> None:
    taxes = {line.line_id: 0 for line in order.lines}
    while any(line.returnable for line in order.lines):
        returns = data.draw(drafts(order)).returns
        q = quote(order, Draft(DocumentKind.REFUND, returns), Policy(), NOW)
        for part in q.returns:
            taxes[part.line_id] += part.tax.minor
        order = returned_forward(order, q)
    assert all(taxes[line.line_id] == line.value.tax.minor for line in order.lines)


@given(orders(), st.data())
def test_like_for_like_swaps_net_to_exactly_zero(order: OrderSnapshot, data: st.DataObject) -> None:
    # Every returned unit replaced by another variant of its product, no fees: balance 0.
    draft = data.draw(drafts(order))
    items = tuple(
        NewItem(
            order.lines[int(r.line_id[1:])].product_id,
            "V-other",
            r.quantity,
            Money(data.draw(st.integers(0, 90_000)), order.currency),
            Decimal(20),
            True,
        )
        for r in draft.returns
    )
    q = quote(order, Draft(DocumentKind.EXCHANGE, draft.returns, items), Policy(), NOW)
    assert all(line.basis is PricingBasis.LIKE_FOR_LIKE for line in q.new_items)
    assert q.new_items_tax == q.returned_tax
    assert q.balance == Money.zero(order.currency) and q.balance_kind is BalanceKind.EQUAL
