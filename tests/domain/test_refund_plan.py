"""Placing a counter refund on an order's Wix payments: gift cards whole, nothing lost."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from pos.domain.refund_plan import (
    PaymentRefund,
    PaymentRoom,
    RefundRequest,
    plan_refund,
    plan_request,
)

GIFT, CARD, CARD2 = "gift", "card", "card2"


def test_counter_money_goes_on_the_card_before_a_gift_card_it_does_not_cover() -> None:
    plan = plan_refund(original=[], external=2990,
                       payments=[PaymentRoom(GIFT, True, 8000), PaymentRoom(CARD, False, 2980)])
    assert plan.refunds == (PaymentRefund(CARD, 2980, True),)
    assert (plan.unrecorded, plan.gift_card_blocked) == (10, True)


def test_a_gift_card_is_taken_whole_when_that_records_everything() -> None:
    plan = plan_refund(original=[], external=7990,
                       payments=[PaymentRoom(GIFT, True, 5000), PaymentRoom(CARD, False, 2990)])
    assert plan.refunds == (PaymentRefund(GIFT, 5000, True), PaymentRefund(CARD, 2990, True))
    assert plan.unrecorded == 0


def test_an_exact_fit_prefers_the_card_to_voiding_a_gift_card() -> None:
    plan = plan_refund(original=[], external=2990,
                       payments=[PaymentRoom(GIFT, True, 2990), PaymentRoom(CARD, False, 2990)])
    assert plan.refunds == (PaymentRefund(CARD, 2990, True),)


def test_refunds_to_original_payments_stay_where_the_cashier_put_them() -> None:
    plan = plan_refund(
        original=[PaymentRefund(CARD, 10000, False), PaymentRefund(CARD2, 5980, False)],
        external=0,
        payments=[PaymentRoom(CARD, False, 10000), PaymentRoom(CARD2, False, 5980)],
    )
    assert plan.refunds == (PaymentRefund(CARD, 10000, False), PaymentRefund(CARD2, 5980, False))


def test_a_card_refunded_online_since_takes_only_what_is_left() -> None:
    request = RefundRequest(original=(PaymentRefund(CARD, 7990, False),), external_minor=0,
                            payments=(PaymentRoom(CARD, False, 7990),))
    assert plan_request(request).refunds == (PaymentRefund(CARD, 7990, False),)
    plan = plan_request(request, {CARD: 4990})
    assert (plan.refunds, plan.unrecorded) == ((PaymentRefund(CARD, 4990, False),), 3000)


def test_part_of_a_gift_card_is_never_asked() -> None:
    plan = plan_refund(original=[PaymentRefund(GIFT, 1000, False)], external=0,
                       payments=[PaymentRoom(GIFT, True, 5980)])
    assert (plan.refunds, plan.unrecorded, plan.gift_card_blocked) == ((), 1000, True)


payments_st = st.lists(
    st.tuples(st.booleans(), st.integers(0, 20_000)), min_size=1, max_size=5
).map(lambda rows: [PaymentRoom(f"p{i}", gift, room) for i, (gift, room) in enumerate(rows)])


@given(payments=payments_st, external=st.integers(0, 60_000), data=st.data())
def test_the_plan_keeps_wix_rules_and_loses_no_cent(
    payments: list[PaymentRoom], external: int, data: st.DataObject
) -> None:
    original = [
        PaymentRefund(p.payment_id, data.draw(st.integers(1, 20_000)), False)
        for p in payments
        if data.draw(st.booleans())
    ]
    plan = plan_refund(original=original, external=external, payments=payments)
    asked = external + sum(r.amount for r in original)
    assert plan.recorded + plan.unrecorded == asked
    taken: Counter[str] = Counter()
    for refund in plan.refunds:
        assert refund.amount > 0
        taken[refund.payment_id] += refund.amount
    for payment in payments:
        assert taken[payment.payment_id] <= payment.room
        if payment.gift_card:  # whole or nothing
            assert taken[payment.payment_id] in (0, payment.room)
    # Counter money is left unrecorded only when no card payment has room left for it.
    placed_external = sum(r.amount for r in plan.refunds if r.external)
    left_on_cards = sum(p.room - taken[p.payment_id] for p in payments if not p.gift_card)
    assert placed_external >= external or left_on_cards == 0
