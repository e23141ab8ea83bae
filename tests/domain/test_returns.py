"""Quotes for exchanges, refunds and cancellations: counter stories with hand-computed numbers.

Two shops: a French one (EUR, 20 % VAT included in prices) and a New York one (USD, 8.875 %
sales tax added). Each story's comments show the arithmetic (DESIGN §3 rules 1–7 and 10).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from pos.domain.errors import ReturnRefusedError
from pos.domain.money import Money
from pos.domain.policy import ApprovalRule, Policy
from pos.domain.returns import (
    BalanceKind,
    Disposition,
    DocumentKind,
    Draft,
    NewItem,
    OrderSnapshot,
    PricingBasis,
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

PLACED = datetime(2025, 3, 1, 10, 0, tzinfo=UTC)
SOON = PLACED + timedelta(days=4)
VAT = Decimal(20)
NY_TAX = Decimal("8.875")


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def usd(minor: int) -> Money:
    return Money(minor, "USD")


def paris_order(*, returned: tuple[int, int] = (0, 0), fulfilled: bool = True) -> OrderSnapshot:
    """2 tees at 25.00 + jeans at 79.90, 10 % off the order, shipping 4.90, all VAT included.

    Order discount D = round(129.90 × 10 %) = 12.99, split 5000:7990 -> 5.00 / 7.99.
    Tees paid 45.00 (VAT round(4500 × 20/120) = 7.50); jeans 71.91 (VAT 1198.5 -> 11.99).
    Shipping 4.90 (VAT 81.67 -> 0.82). Card paid 45.00 + 71.91 + 4.90 = 121.81.
    """
    tees, jeans = value_order(
        OrderTerms(
            "EUR",
            True,
            [LineTerms(2, eur(2500), VAT), LineTerms(1, eur(7990), VAT)],
            order_discount_pct=Decimal(10),
        )
    )
    assert (tees.paid, tees.tax, jeans.paid, jeans.tax) == (
        eur(4500),
        eur(750),
        eur(7191),
        eur(1199),
    )
    lines = (
        SoldLine("L1", "P-TEE", "M", "Tee M", tees, returned[0], category="tops"),
        SoldLine("L2", "P-JEANS", "32", "Jeans 32", jeans, returned[1], category="bottoms"),
    )
    card = PaymentSnapshot("pay-1", PaymentMethod.CARD, eur(12181), eur(0))
    return OrderSnapshot(
        "o-paris", "1001", "EUR", PLACED, fulfilled, lines, (card,), eur(490), eur(82)
    )


def ny_order(*, returned: int = 0, payments: tuple[PaymentSnapshot, ...] = ()) -> OrderSnapshot:
    """3 sneakers at $59.99 + socks at $12.00, 10 % off, 8.875 % tax added after discount.

    D = round(191.97 × 10 %) = 19.20, split 17997:1200 -> 17.99(.98) / 1.20(.02); the leftover
    cent goes to the larger remainder: 18.00 / 1.20. Sneakers net 161.97, tax
    round(16197 × 8.875 %) = round(1437.48) = 14.37, paid 176.34. Socks net 10.80, tax
    round(95.85) = 0.96, paid 11.76.
    """
    sneakers, socks = value_order(
        OrderTerms(
            "USD",
            False,
            [LineTerms(3, usd(5999), NY_TAX), LineTerms(1, usd(1200), NY_TAX)],
            order_discount_pct=Decimal(10),
        )
    )
    assert (sneakers.paid, sneakers.tax, socks.paid) == (usd(17634), usd(1437), usd(1176))
    lines = (
        SoldLine("S1", "P-SNK", "9", "Sneaker 9", sneakers, returned, category="shoes"),
        SoldLine("S2", "P-SOCK", "one", "Socks", socks, category="socks"),
    )
    return OrderSnapshot("o-ny", "2002", "USD", PLACED, True, lines, payments)


def tee(variant: str = "L", quantity: int = 1) -> NewItem:
    return NewItem("P-TEE", variant, quantity, eur(2500), VAT, True, name=f"Tee {variant}")


def sneaker(size: str = "10", quantity: int = 1) -> NewItem:
    return NewItem("P-SNK", size, quantity, usd(5999), NY_TAX, False, name=f"Sneaker {size}")


def refund(*returns: ReturnRequest, **extra: object) -> Draft:
    return Draft(DocumentKind.REFUND, returns, **extra)  # type: ignore[arg-type]


def exchange(returns: tuple[ReturnRequest, ...], *items: NewItem) -> Draft:
    return Draft(DocumentKind.EXCHANGE, returns, items)


# ------------------------------------------------------------------ exchanges, EUR


def test_size_swap_nets_to_exactly_zero() -> None:
    # Tee M back: credit round(4500 × 1/2) = 22.50, VAT round(750/2) = 3.75.
    # Tee L like-for-like: priced 22.50 with 3.75 VAT (not the current 25.00): balance 0.
    q = quote(paris_order(), exchange((ReturnRequest("L1", 1),), tee("L")), Policy(), SOON)
    assert (q.returned_credit, q.returned_tax) == (eur(2250), eur(375))
    (new,) = q.new_items
    assert (new.basis, new.total, new.tax, new.replaces_line_id) == (
        PricingBasis.LIKE_FOR_LIKE,
        eur(2250),
        eur(375),
        "L1",
    )
    assert q.balance == eur(0) and q.balance_kind is BalanceKind.EQUAL
    assert q.approvals_needed == () and q.settlement_methods == ()
    assert settle(q.balance, q.balance_kind, ()).tenders == ()


def test_same_variant_replacement_keeps_the_paid_price_too() -> None:
    # A faulty tee M swapped for a new tee M: the customer never pays for the price rise.
    q = quote(paris_order(), exchange((ReturnRequest("L1", 1),), tee("M")), Policy(), SOON)
    assert q.balance == eur(0)


def test_lower_exchange_refunds_the_difference_to_card_cash_or_gift_card() -> None:
    # Jeans back: 71.91. Tee L is another product: current price 25.00 (VAT 416.67 -> 4.17).
    # Balance 25.00 − 71.91 = −46.91: lower.
    q = quote(paris_order(), exchange((ReturnRequest("L2", 1),), tee("L")), Policy(), SOON)
    (new,) = q.new_items
    assert (new.basis, new.total, new.tax) == (PricingBasis.CURRENT_PRICE, eur(2500), eur(417))
    assert q.balance == eur(-4691) and q.balance_kind is BalanceKind.LOWER
    assert q.to_refund == eur(4691)
    assert TenderMethod.ORIGINAL_PAYMENT in q.settlement_methods
    payments = paris_order().payments
    for tenders in (
        [Tender(TenderMethod.ORIGINAL_PAYMENT, eur(4691), payment_id="pay-1")],
        [Tender(TenderMethod.CASH, eur(4691))],
        [Tender(TenderMethod.NEW_GIFT_CARD, eur(4691))],
        [
            Tender(TenderMethod.CASH, eur(2000)),
            Tender(TenderMethod.ORIGINAL_PAYMENT, eur(2691), payment_id="pay-1"),
        ],
    ):
        done = settle(q.balance, q.balance_kind, tenders, payments=payments)
        assert done.tendered == eur(4691) and done.change_due == eur(0)


def test_higher_exchange_collects_cash_with_change_or_a_split() -> None:
    # Tee back 22.50; jacket 129.00 at current price: balance 129.00 − 22.50 = 106.50.
    jacket = NewItem("P-JACKET", "M", 1, eur(12900), VAT, True, name="Jacket")
    q = quote(paris_order(), exchange((ReturnRequest("L1", 1),), jacket), Policy(), SOON)
    assert q.new_items[0].tax == eur(2150)  # 12900 × 20/120
    assert q.balance == eur(10650) and q.balance_kind is BalanceKind.HIGHER
    cash = settle(q.balance, q.balance_kind, [Tender(TenderMethod.CASH, eur(11000))])
    assert cash.change_due == eur(350) and cash.drawer_delta == eur(10650)
    split = settle(
        q.balance,
        q.balance_kind,
        [Tender(TenderMethod.CARD, eur(5000)), Tender(TenderMethod.CASH, eur(6000))],
    )
    assert split.change_due == eur(350)


# ------------------------------------------------------------------ exchanges, USD


def test_like_for_like_on_a_later_visit_uses_that_visits_credit() -> None:
    # One sneaker came back earlier. This one: round(17634 × 2/3) − round(17634/3)
    # = 11756 − 5878 = 58.78; tax round(1437 × 2/3) − round(1437/3) = 958 − 479 = 4.79.
    q = quote(ny_order(returned=1), exchange((ReturnRequest("S1", 1),), sneaker()), Policy(), SOON)
    assert (q.returned_credit, q.returned_tax) == (usd(5878), usd(479))
    assert (q.new_items[0].total, q.new_items[0].tax) == (usd(5878), usd(479))
    assert q.balance == usd(0)


def test_policy_off_prices_the_replacement_at_the_current_price() -> None:
    # Current price 59.99 + round(5999 × 8.875 %) = round(532.41) = 5.32 -> 65.31;
    # credit 58.78: the customer pays 6.53.
    policy = Policy(like_for_like_keeps_price=False)
    q = quote(ny_order(), exchange((ReturnRequest("S1", 1),), sneaker()), policy, SOON)
    assert q.new_items[0].basis is PricingBasis.CURRENT_PRICE
    assert (q.new_items[0].total, q.new_items[0].tax) == (usd(6531), usd(532))
    assert q.balance == usd(653) and q.balance_kind is BalanceKind.HIGHER


def test_more_replacements_than_returns_pair_unit_by_unit() -> None:
    # 1 sneaker back (58.78), 2 size 10 taken: one paired at 58.78/4.79, one at 65.31/5.32.
    q = quote(ny_order(), exchange((ReturnRequest("S1", 1),), sneaker(quantity=2)), Policy(), SOON)
    paired, rest = q.new_items
    assert (paired.quantity, paired.basis, paired.total) == (
        1,
        PricingBasis.LIKE_FOR_LIKE,
        usd(5878),
    )
    assert (rest.quantity, rest.basis, rest.total, rest.tax) == (
        1,
        PricingBasis.CURRENT_PRICE,
        usd(6531),
        usd(532),
    )
    assert q.balance == usd(6531)
    done = settle(q.balance, q.balance_kind, [Tender(TenderMethod.CASH, usd(7000))])
    assert done.change_due == usd(469)


def test_fewer_replacements_than_returns_refund_the_unpaired_units() -> None:
    # 2 sneakers back: 117.56 (tax 9.58); 1 size 10 paired with the first unit: 58.78.
    q = quote(ny_order(), exchange((ReturnRequest("S1", 2),), sneaker()), Policy(), SOON)
    assert q.returned_credit == usd(11756)
    assert q.new_items[0].total == usd(5878)
    assert q.balance == usd(-5878) and q.balance_kind is BalanceKind.LOWER


def test_price_override_needs_a_manager_and_is_never_paired() -> None:
    item = NewItem("P-SNK", "10", 1, usd(5999), NY_TAX, False, override_unit_price=usd(5000))
    q = quote(ny_order(), exchange((ReturnRequest("S1", 1),), item), Policy(), SOON)
    # 50.00 + round(443.75) = 4.44 -> 54.44; credit 58.78: refund 4.34.
    assert (q.new_items[0].basis, q.new_items[0].total) == (PricingBasis.OVERRIDE, usd(5444))
    assert q.balance == usd(-434)
    assert q.approvals_needed == (ApprovalRule.PRICE_OVERRIDE,)


# ------------------------------------------------------------------ refunds and fees


def test_refund_with_restocking_and_flat_fee_eur() -> None:
    # Everything back: 45.00 + 71.91 = 116.91. Restocking 10 %: round(1169.1) = 11.69;
    # flat fee 2.00. Refund 116.91 − 13.69 = 103.22 > 100.00: a manager must approve.
    policy = Policy(restocking_fee_pct=Decimal(10), flat_return_fee_minor=200)
    q = quote(paris_order(), refund(ReturnRequest("L1", 2), ReturnRequest("L2", 1)), policy, SOON)
    assert q.returned_credit == eur(11691) and q.returned_tax == eur(1949)
    assert (q.fees.restocking, q.fees.flat) == (eur(1169), eur(200))
    assert q.balance == eur(-10322) and q.balance_kind is BalanceKind.LOWER
    assert q.approvals_needed == (ApprovalRule.OVER_THRESHOLD,)


def test_refund_with_fees_usd_split_over_gift_card_payment_and_card() -> None:
    # 2 sneakers back: 117.56. Restocking 10 %: round(1175.6) = 11.76; flat 5.00.
    # Refund 117.56 − 16.76 = 100.80: the gift card's 50.00 whole + 50.80 to the card.
    payments = (
        PaymentSnapshot("gc", PaymentMethod.GIFT_CARD, usd(5000), usd(0)),
        PaymentSnapshot("cc", PaymentMethod.CARD, usd(13810), usd(0)),
    )
    policy = Policy(restocking_fee_pct=Decimal(10), flat_return_fee_minor=500)
    q = quote(ny_order(payments=payments), refund(ReturnRequest("S1", 2)), policy, SOON)
    assert (q.fees.restocking, q.fees.flat, q.balance) == (usd(1176), usd(500), usd(-10080))
    done = settle(
        q.balance,
        q.balance_kind,
        [
            Tender(TenderMethod.ORIGINAL_PAYMENT, usd(5000), payment_id="gc"),
            Tender(TenderMethod.ORIGINAL_PAYMENT, usd(5080), payment_id="cc"),
        ],
        payments=payments,
    )
    assert done.tendered == usd(10080)


def test_restocking_percent_per_category_is_rounded_once_per_document() -> None:
    # Two lines of 45.05 at 10 %: 4.505 + 4.505 = 9.01 once, not 4.51 + 4.51 = 9.02.
    a, b = value_order(OrderTerms("EUR", True, [LineTerms(1, eur(4505), VAT)] * 2))
    order = OrderSnapshot(
        "o",
        "9",
        "EUR",
        PLACED,
        True,
        (
            SoldLine("A", "PA", "1", "A", a, category="tops"),
            SoldLine("B", "PB", "1", "B", b, category="tops"),
        ),
    )
    policy = Policy(restocking_fee_pct_by_category={"tops": Decimal(10)})
    q = quote(order, refund(ReturnRequest("A", 1), ReturnRequest("B", 1)), policy, SOON)
    assert q.fees.restocking == eur(901)
    assert quote(order, refund(ReturnRequest("A", 1)), Policy(), SOON).fees.restocking == eur(0)


def test_fees_never_exceed_the_credit() -> None:
    # A sock back (11.76) with a 20.00 flat fee: the fee stops at 11.76, refund 0, still lower.
    policy = Policy(flat_return_fee_minor=2000)
    q = quote(ny_order(), refund(ReturnRequest("S2", 1)), policy, SOON)
    assert q.fees.total == usd(1176) and q.balance == usd(0)
    assert q.balance_kind is BalanceKind.LOWER and q.settlement_methods == ()


def test_fees_apply_to_exchanges_too() -> None:
    policy = Policy(restocking_fee_pct=Decimal(10))
    q = quote(paris_order(), exchange((ReturnRequest("L1", 1),), tee("L")), policy, SOON)
    assert q.fees.restocking == eur(225) and q.balance == eur(225)


def test_shipping_refund_is_whole_with_its_tax_and_needs_a_manager() -> None:
    q = quote(paris_order(), refund(ReturnRequest("L1", 1), refund_shipping=True), Policy(), SOON)
    assert (q.shipping_refund, q.shipping_refund_tax) == (eur(490), eur(82))
    assert q.balance == eur(-2740)  # 22.50 + 4.90
    assert q.approvals_needed == (ApprovalRule.SHIPPING_REFUND,)


# ------------------------------------------------------------------ cancellations


def test_cancellation_without_refund_brings_everything_back_with_no_balance() -> None:
    policy = Policy(restocking_fee_pct=Decimal(10), flat_return_fee_minor=200)
    draft = Draft(DocumentKind.CANCELLATION, with_refund=False, note="customer changed mind")
    q = quote(paris_order(fulfilled=False), draft, policy, SOON)
    assert q.returned_quantities() == {"L1": 2, "L2": 1}
    assert all(part.disposition is Disposition.RESTOCK for part in q.returns)
    assert q.returned_credit == eur(11691) and q.fees.total == eur(0)
    assert q.balance == eur(0) and q.balance_kind is BalanceKind.NONE
    assert q.approvals_needed == (ApprovalRule.CANCELLATION,) and q.settlement_methods == ()
    assert settle(q.balance, q.balance_kind, ()).direction == "none"


def test_cancellation_with_refund_and_shipping_and_a_damaged_unit() -> None:
    # One tee was already returned; the other is damaged; the jeans go back to stock.
    # Refund 22.50 + 71.91 + shipping 4.90 = 99.31 (no fee on a cancellation).
    draft = Draft(
        DocumentKind.CANCELLATION,
        (ReturnRequest("L1", 1, Disposition.DAMAGED),),
        refund_shipping=True,
    )
    policy = Policy(restocking_fee_pct=Decimal(10))
    q = quote(paris_order(returned=(1, 0), fulfilled=False), draft, policy, SOON)
    assert [(p.line_id, p.quantity, p.disposition) for p in q.returns] == [
        ("L1", 1, Disposition.DAMAGED),
        ("L2", 1, Disposition.RESTOCK),
    ]
    assert q.balance == eur(-9931) and q.fees.total == eur(0)
    assert q.approvals_needed == (ApprovalRule.SHIPPING_REFUND, ApprovalRule.CANCELLATION)
    done = settle(
        q.balance,
        q.balance_kind,
        [Tender(TenderMethod.ORIGINAL_PAYMENT, eur(9931), payment_id="pay-1")],
        payments=paris_order().payments,
    )
    assert done.tendered == eur(9931)


# ------------------------------------------------------------------ approvals


def test_return_window_counts_calendar_days_in_the_shops_time_zone() -> None:
    paris = timezone(timedelta(hours=2))
    order = paris_order()  # placed 1 March 10:00 UTC
    draft = refund(ReturnRequest("L1", 1))
    day_30 = datetime(2025, 3, 31, 23, 0, tzinfo=paris)
    day_31 = datetime(2025, 4, 1, 9, 0, tzinfo=paris)
    assert quote(order, draft, Policy(), day_30).days_since_purchase == 30
    assert quote(order, draft, Policy(), day_30).approvals_needed == ()
    late = quote(order, draft, Policy(), day_31)
    assert late.days_since_purchase == 31
    assert late.approvals_needed == (ApprovalRule.OUTSIDE_WINDOW,)


def test_final_sale_and_exchange_only_need_a_manager() -> None:
    policy = Policy(
        final_sale_categories=frozenset({"bottoms"}), exchange_only_categories=frozenset({"tops"})
    )
    order = paris_order()
    final = quote(order, refund(ReturnRequest("L2", 1)), policy, SOON)
    assert final.approvals_needed == (ApprovalRule.FINAL_SALE,)
    refunded_tee = quote(order, refund(ReturnRequest("L1", 1)), policy, SOON)
    assert refunded_tee.approvals_needed == (ApprovalRule.EXCHANGE_ONLY,)
    exchanged_tee = quote(order, exchange((ReturnRequest("L1", 1),), tee()), policy, SOON)
    assert exchanged_tee.approvals_needed == ()
    # Exchanged for something cheaper: money goes back for an exchange-only tee.
    socks = NewItem("P-SOCKS", "one", 1, eur(900), VAT, True)
    cheaper = quote(order, exchange((ReturnRequest("L1", 1),), socks), policy, SOON)
    assert cheaper.approvals_needed == (ApprovalRule.EXCHANGE_ONLY,)


def test_duplicate_requests_add_up_and_continue_the_running_total() -> None:
    # 1 + 1 sneakers in one request: 58.78 + 58.78 = round(17634 × 2/3) = 117.56.
    draft = refund(ReturnRequest("S1", 1), ReturnRequest("S1", 1, Disposition.INSPECT))
    q = quote(ny_order(), draft, Policy(), SOON)
    assert [p.credit for p in q.returns] == [usd(5878), usd(5878)]
    assert [p.returned_before for p in q.returns] == [0, 1]
    assert q.returned_credit == usd(11756)


# ------------------------------------------------------------------ refusals (rule 10)


def refused(order: OrderSnapshot, draft: Draft, policy: Policy | None = None) -> ReturnRefusedError:
    with pytest.raises(ReturnRefusedError) as caught:
        quote(order, draft, policy or Policy(), SOON)
    return caught.value


def test_a_zero_or_negative_quantity_refuses_the_whole_request() -> None:
    error = refused(paris_order(), refund(ReturnRequest("L2", 1), ReturnRequest("L1", 0)))
    assert (error.code, error.params) == ("quantity_not_positive", {"line_id": "L1", "quantity": 0})
    assert refused(paris_order(), refund(ReturnRequest("L1", -1))).code == "quantity_not_positive"
    bad_item = exchange((ReturnRequest("L1", 1),), tee(quantity=0))
    assert refused(paris_order(), bad_item).code == "quantity_not_positive"


def test_duplicates_are_added_up_before_the_returnable_check() -> None:
    error = refused(
        paris_order(returned=(1, 0)), refund(ReturnRequest("L1", 1), ReturnRequest("L1", 1))
    )
    assert error.code == "over_return"
    assert error.params == {"line_id": "L1", "name": "Tee M", "returnable": 1, "requested": 2}


def test_unknown_line_and_other_currency_are_refused() -> None:
    assert refused(paris_order(), refund(ReturnRequest("nope", 1))).params == {"line_id": "nope"}
    dollars = NewItem("P-TEE", "L", 1, usd(2500), VAT, True, name="Tee L")
    error = refused(paris_order(), exchange((ReturnRequest("L1", 1),), dollars))
    assert (error.code, error.params["currency"], error.params["expected"]) == (
        "currency_mismatch",
        "USD",
        "EUR",
    )


def test_document_shape_refusals() -> None:
    order = paris_order()
    assert refused(order, Draft(DocumentKind.REFUND)).code == "empty_draft"
    assert refused(order, Draft(DocumentKind.EXCHANGE, (), (tee(),))).code == "nothing_returned"
    assert refused(order, exchange((ReturnRequest("L1", 1),))).code == "exchange_without_new_items"
    with_items = Draft(DocumentKind.REFUND, (ReturnRequest("L1", 1),), (tee(),))
    assert refused(order, with_items).code == "new_items_not_allowed"
    cancel = Draft(DocumentKind.CANCELLATION)
    assert refused(order, cancel).code == "cancellation_of_fulfilled_order"
    everything_back = paris_order(returned=(2, 1), fulfilled=False)
    assert refused(everything_back, cancel).code == "nothing_to_cancel"
    with pytest.raises(ValueError):
        Draft(DocumentKind.REFUND, with_refund=False)


def test_reasons_required() -> None:
    policy = Policy(reasons_required=True)
    error = refused(paris_order(), refund(ReturnRequest("L1", 1, reason="  ")), policy)
    assert (error.code, error.params) == ("reason_required", {"line_id": "L1"})
    assert quote(paris_order(), refund(ReturnRequest("L1", 1, reason="too small")), policy, SOON)
    cancel = Draft(DocumentKind.CANCELLATION, with_refund=False)
    assert refused(paris_order(fulfilled=False), cancel, policy).code == "note_required"


def test_shipping_refusals() -> None:
    order = paris_order()
    twice = OrderSnapshot(
        order.order_id,
        order.number,
        "EUR",
        PLACED,
        True,
        order.lines,
        order.payments,
        eur(490),
        eur(82),
        shipping_already_refunded=True,
    )
    draft = refund(ReturnRequest("L1", 1), refund_shipping=True)
    assert refused(twice, draft).code == "shipping_already_refunded"
    assert refused(ny_order(), refund(ReturnRequest("S1", 1), refund_shipping=True)).code == (
        "no_shipping_to_refund"
    )
    cancel = Draft(DocumentKind.CANCELLATION, with_refund=False, refund_shipping=True)
    assert refused(paris_order(fulfilled=False), cancel).code == "shipping_refund_without_refund"


def test_new_item_price_and_rate_refusals() -> None:
    negative = NewItem("P-TEE", "L", 1, eur(-1), VAT, True)
    assert refused(paris_order(), exchange((ReturnRequest("L1", 1),), negative)).code == (
        "price_negative"
    )
    bad_rate = NewItem("P-TEE", "L", 1, eur(100), Decimal(-5), True)
    assert refused(paris_order(), exchange((ReturnRequest("L1", 1),), bad_rate)).code == (
        "tax_rate_invalid"
    )


def test_a_disposition_given_by_its_value_is_the_disposition() -> None:
    # A widget's choice may come back as the plain string; the commit stores `.value`.
    request = ReturnRequest("L1", 1, "damaged")  # type: ignore[arg-type]
    assert request.disposition is Disposition.DAMAGED
    with pytest.raises(ValueError):
        ReturnRequest("L1", 1, "lost")  # type: ignore[arg-type]


def test_the_window_counts_from_a_return_requests_approval_when_the_policy_says_so() -> None:
    order = paris_order()  # placed 1 March
    approved = PLACED + timedelta(days=25)
    draft = refund(ReturnRequest("L1", 1), return_request_id=7, approved_at=approved)
    later = PLACED + timedelta(days=40)
    assert quote(order, draft, Policy(), later).approvals_needed == (ApprovalRule.OUTSIDE_WINDOW,)
    from_approval = quote(order, draft, Policy(window_from_approval=True), later)
    assert from_approval.days_since_purchase == 15 and from_approval.approvals_needed == ()
    plain = refund(ReturnRequest("L1", 1))  # no request: the purchase, whatever the policy
    assert quote(order, plain, Policy(window_from_approval=True), later).days_since_purchase == 40
