"""Settling a balance with tenders (DESIGN §3 rules 8–9): exact to the cent, change only in cash."""

from __future__ import annotations

import pytest

from pos.domain.errors import SettlementError
from pos.domain.money import Money
from pos.domain.settlement import (
    BalanceKind,
    PaymentMethod,
    PaymentSnapshot,
    Tender,
    TenderDirection,
    TenderMethod,
    settle,
)


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def usd(minor: int) -> Money:
    return Money(minor, "USD")


CARD = PaymentSnapshot("card", PaymentMethod.CARD, eur(12000), already_refunded=eur(3000))
GIFT = PaymentSnapshot("gift", PaymentMethod.GIFT_CARD, eur(5000), already_refunded=eur(0))
PAYMENTS = (CARD, GIFT)


def cash(minor: int) -> Tender:
    return Tender(TenderMethod.CASH, eur(minor))


def card(minor: int) -> Tender:
    return Tender(TenderMethod.CARD, eur(minor), reference="AUTH42")


def original(payment_id: str, minor: int) -> Tender:
    return Tender(TenderMethod.ORIGINAL_PAYMENT, eur(minor), payment_id=payment_id)


def gift(code: str, minor: int) -> Tender:
    return Tender(TenderMethod.GIFT_CARD, eur(minor), gift_card_code=code)


def refuse(balance: int, tenders: list[Tender], **kw: object) -> SettlementError:
    kind = BalanceKind.LOWER if balance < 0 else BalanceKind.HIGHER
    with pytest.raises(SettlementError) as caught:
        settle(eur(balance), kind, tenders, payments=PAYMENTS, **kw)  # type: ignore[arg-type]
    return caught.value


# ------------------------------------------------------------------ refunds (rule 8)


def test_refund_to_the_original_card_is_capped_at_what_it_can_still_take() -> None:
    # The card paid 120.00 and already got 30.00 back: 90.00 is its cap.
    done = settle(eur(-9000), BalanceKind.LOWER, [original("card", 9000)], payments=PAYMENTS)
    assert (done.direction, done.due, done.change_due) == (
        TenderDirection.REFUND,
        eur(9000),
        eur(0),
    )
    error = refuse(-9001, [original("card", 9001)])
    assert (error.code, error.params["refundable"], error.params["asked"]) == (
        "refund_exceeds_payment",
        eur(9000),
        eur(9001),
    )


def test_two_tenders_to_one_payment_are_added_up_against_its_cap() -> None:
    error = refuse(-9500, [original("card", 5000), original("card", 4500)])
    assert error.code == "refund_exceeds_payment"


def test_cash_and_new_gift_cards_are_limited_by_the_balance_alone() -> None:
    # 250.00 back: more than any payment could take, fine in cash + a new gift card.
    done = settle(
        eur(-25000), BalanceKind.LOWER, [cash(5000), Tender(TenderMethod.NEW_GIFT_CARD, eur(20000))]
    )
    assert done.tendered == eur(25000) and done.drawer_delta == eur(-5000)
    assert (
        settle(
            eur(-100), BalanceKind.LOWER, [Tender(TenderMethod.STORE_CREDIT, eur(100))]
        ).opens_drawer
        is False
    )


def test_gift_card_payment_is_refunded_whole_or_not_at_all() -> None:
    done = settle(
        eur(-6000), BalanceKind.LOWER, [original("gift", 5000), cash(1000)], payments=PAYMENTS
    )
    assert done.tendered == eur(6000)
    part = refuse(-6000, [original("gift", 3000), cash(3000)])
    assert (part.code, part.params["refundable"]) == ("gift_card_refund_must_be_whole", eur(5000))
    # 40.00 to refund, the gift-card payment was 50.00: it cannot be used at all.
    over = refuse(-4000, [original("gift", 4000)])
    assert (over.code, over.params["refundable"], over.params["due"]) == (
        "gift_card_payment_exceeds_refund",
        eur(5000),
        eur(4000),
    )


def test_refund_refusals() -> None:
    assert refuse(-100, [original("nope", 100)]).code == "unknown_payment"
    assert refuse(-100, [Tender(TenderMethod.ORIGINAL_PAYMENT, eur(100))]).code == (
        "original_payment_not_chosen"
    )
    spent = PaymentSnapshot("spent", PaymentMethod.CARD, eur(100), already_refunded=eur(100))
    with pytest.raises(SettlementError) as caught:
        settle(eur(-100), BalanceKind.LOWER, [original("spent", 100)], payments=(spent,))
    assert caught.value.code == "payment_not_refundable"
    assert refuse(-100, [card(100)]).code == "method_not_for_refund"
    assert refuse(-100, [gift("GC1", 100)]).code == "method_not_for_refund"
    assert refuse(-200, [cash(100), cash(100)]).code == "more_than_one_cash_tender"
    short = refuse(-4691, [original("card", 4690)])
    assert (short.code, short.params["difference"]) == ("tenders_do_not_match_balance", eur(1))
    over = refuse(-4691, [cash(4692)])  # no change on a refund
    assert (over.code, over.params["difference"]) == ("tenders_do_not_match_balance", eur(-1))


# ------------------------------------------------------------------ collecting (rule 9)


def test_cash_may_exceed_what_remains_and_gives_change() -> None:
    done = settle(eur(10650), BalanceKind.HIGHER, [card(5000), cash(6000)])
    assert (done.direction, done.change_due, done.drawer_delta) == (
        TenderDirection.COLLECT,
        eur(350),
        eur(5650),
    )
    assert done.opens_drawer


def test_gift_card_is_used_only_if_it_covers_what_is_asked() -> None:
    balances = {"GC1": eur(5000)}
    done = settle(
        eur(10650), BalanceKind.HIGHER, [gift("GC1", 5000), card(5650)], gift_card_balances=balances
    )
    assert done.change_due == eur(0)
    error = refuse(10650, [gift("GC1", 6000), cash(4650)], gift_card_balances=balances)
    assert (error.code, error.params["balance"], error.params["asked"]) == (
        "gift_card_insufficient",
        eur(5000),
        eur(6000),
    )
    twice = refuse(
        10650, [gift("GC1", 3000), gift("GC1", 3000), cash(4650)], gift_card_balances=balances
    )
    assert twice.code == "gift_card_insufficient"
    assert refuse(100, [gift("GC9", 100)], gift_card_balances=balances).code == "unknown_gift_card"
    assert refuse(100, [Tender(TenderMethod.GIFT_CARD, eur(100))]).code == "gift_card_code_missing"
    dollars = {"GC1": usd(5000)}
    assert refuse(100, [gift("GC1", 100)], gift_card_balances=dollars).code == (
        "gift_card_currency_mismatch"
    )


def test_collect_refusals() -> None:
    assert refuse(10650, [card(11000)]).code == "non_cash_exceeds_due"
    short = refuse(10650, [card(5000), cash(5649)])
    assert (short.code, short.params["difference"]) == ("tenders_do_not_match_balance", eur(1))
    assert refuse(10650, [card(10649)]).code == "tenders_do_not_match_balance"
    assert refuse(10650, [cash(5000), cash(6000)]).code == "more_than_one_cash_tender"
    assert refuse(10650, [card(10650), cash(500)]).code == "cash_not_needed"
    assert refuse(100, [original("card", 100)]).code == "method_not_for_collect"
    assert refuse(100, [Tender(TenderMethod.NEW_GIFT_CARD, eur(100))]).code == (
        "method_not_for_collect"
    )


def test_amount_and_currency_refusals() -> None:
    assert refuse(100, [cash(0)]).code == "tender_not_positive"
    assert refuse(-100, [cash(-100)]).code == "tender_not_positive"
    mixed = refuse(100, [Tender(TenderMethod.CASH, usd(100))])
    assert (mixed.code, mixed.params["currency"], mixed.params["expected"]) == (
        "tender_currency_mismatch",
        "USD",
        "EUR",
    )


def test_an_equal_exchange_or_a_cancellation_without_refund_takes_no_tender() -> None:
    for kind in (BalanceKind.EQUAL, BalanceKind.NONE, BalanceKind.LOWER):
        done = settle(eur(0), kind, ())
        assert (done.direction, done.tenders, done.due) == (TenderDirection.NONE, (), eur(0))
        with pytest.raises(SettlementError) as caught:
            settle(eur(0), kind, [cash(100)])
        assert caught.value.code == "no_tender_expected"


def test_kind_must_agree_with_the_balance() -> None:
    with pytest.raises(ValueError):
        settle(eur(100), BalanceKind.LOWER, [cash(100)])
    with pytest.raises(ValueError):
        settle(eur(-100), BalanceKind.EQUAL, ())
    with pytest.raises(ValueError):
        settle(eur(0), BalanceKind.HIGHER, ())
