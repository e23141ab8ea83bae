"""Category rules on products in several categories (Wix collections / categories).

A Wix product may sit in many collections; the policy's rules apply to each of them:
final sale, exchange only, store credit only (money back only as a new gift card or
store credit), the restocking fee (the highest override) and the VAT rate for new items.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from pos.domain.errors import PolicySettingsError, SettlementError
from pos.domain.policy import ApprovalRule, Policy
from pos.domain.returns import ReturnRequest, quote
from pos.domain.settlement import BalanceKind, Tender, TenderMethod, settle
from tests.domain.test_returns import SOON, eur, exchange, paris_order, refund, tee

POLICY = Policy(
    final_sale_categories=frozenset({"Soldes"}),
    exchange_only_categories=frozenset({"Lingerie"}),
    store_credit_only_categories=frozenset({"Fin de série"}),
    restocking_fee_pct_by_category={"Denim": Decimal(5), "Fin de série": Decimal(10)},
    vat_rate_by_currency={"EUR": Decimal(20), "CHF": Decimal("8.1")},
    vat_rate_by_category={"Livres": Decimal("5.5")},
)


def order_in(*categories: str):  # type: ignore[no-untyped-def]
    """The Paris order with the jeans (L2) in `categories` as well as "bottoms"."""
    order = paris_order()
    jeans = dataclasses.replace(order.lines[1], categories=categories)
    return dataclasses.replace(order, lines=(order.lines[0], jeans))


def test_any_category_of_a_line_makes_it_final_sale_or_exchange_only() -> None:
    q = quote(order_in("Denim", "Soldes"), refund(ReturnRequest("L2", 1)), POLICY, SOON)
    assert ApprovalRule.FINAL_SALE in q.approvals_needed
    q = quote(order_in("Lingerie"), refund(ReturnRequest("L2", 1)), POLICY, SOON)
    assert ApprovalRule.EXCHANGE_ONLY in q.approvals_needed
    q = quote(order_in("Denim"), refund(ReturnRequest("L2", 1)), POLICY, SOON)
    assert ApprovalRule.FINAL_SALE not in q.approvals_needed


def test_the_highest_restocking_override_of_a_line_applies() -> None:
    # Jeans 71.91 in Denim (5 %) and Fin de série (10 %): round(719.1) = 7.19.
    q = quote(order_in("Denim", "Fin de série"), refund(ReturnRequest("L2", 1)), POLICY, SOON)
    assert q.fees.restocking == eur(719)


def test_store_credit_only_refunds_go_to_a_new_card_or_store_credit_only() -> None:
    q = quote(order_in("Fin de série"), refund(ReturnRequest("L2", 1)), POLICY, SOON)
    assert q.store_credit_only and q.returns[0].store_credit_only
    assert q.settlement_methods == (TenderMethod.NEW_GIFT_CARD, TenderMethod.STORE_CREDIT)
    due = q.to_refund  # 71.91 − 7.19 = 64.72
    assert due == eur(6472)
    for method in (TenderMethod.CASH, TenderMethod.ORIGINAL_PAYMENT):
        with pytest.raises(SettlementError) as refused:
            settle(q.balance, q.balance_kind, [Tender(method, due, payment_id="pay-1")],
                   payments=paris_order().payments, store_credit_only=True)  # fmt: skip
        assert refused.value.code == "refund_store_credit_only"
    done = settle(q.balance, q.balance_kind, [Tender(TenderMethod.STORE_CREDIT, due)],
                  store_credit_only=True)  # fmt: skip
    assert done.due == due


def test_store_credit_only_does_not_touch_an_exchange_the_customer_pays_for() -> None:
    # The jeans (store credit only) back for four tees at 25.00: the customer pays.
    q = quote(order_in("Fin de série"),
              exchange((ReturnRequest("L2", 1),), tee("L", 4)), POLICY, SOON)  # fmt: skip
    assert q.balance_kind is BalanceKind.HIGHER
    assert TenderMethod.CASH in q.settlement_methods


def test_vat_rate_for_a_new_wix_item() -> None:
    assert POLICY.vat_rate_for("EUR") == 20
    assert POLICY.vat_rate_for("CHF", "Tops") == Decimal("8.1")
    assert POLICY.vat_rate_for("EUR", "Livres", "Tops") == Decimal("5.5")
    assert POLICY.vat_rate_for("USD") is None


def test_the_new_settings_round_trip_and_bad_rates_are_refused() -> None:
    assert Policy.from_settings(POLICY.to_settings()) == POLICY
    assert Policy.from_settings(POLICY.to_settings()).vat_rate_by_category == {
        "Livres": Decimal("5.5")}
    with pytest.raises(PolicySettingsError):
        Policy(vat_rate_by_currency={"EUR": Decimal(120)})
    with pytest.raises(PolicySettingsError):
        Policy.from_settings({"vat_rate_by_category": '{"Livres": 5.5}'})  # a float
