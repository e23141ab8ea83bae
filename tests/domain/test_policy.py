"""The return policy: defaults, lookups, and its key/value text storage."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.domain.errors import PolicySettingsError
from pos.domain.policy import Policy


def test_defaults_follow_design() -> None:
    policy = Policy()
    assert policy.return_window_days == 30
    assert policy.restocking_fee_pct == 0 and policy.flat_return_fee_minor == 0
    assert policy.manager_refund_threshold_minor == 10_000
    assert policy.reasons_required is False and policy.like_for_like_keeps_price is True


def test_category_lookups() -> None:
    policy = Policy(
        restocking_fee_pct=Decimal(10),
        restocking_fee_pct_by_category={"shoes": Decimal("15.5"), "sale": Decimal(0)},
        final_sale_categories=frozenset({"sale"}),
        exchange_only_categories=frozenset({"underwear"}),
    )
    assert policy.restocking_pct_for("shoes") == Decimal("15.5")
    assert policy.restocking_pct_for("sale") == 0
    assert policy.restocking_pct_for("tops") == 10
    assert policy.is_final_sale("sale") and not policy.is_final_sale("tops")
    assert policy.is_exchange_only("underwear")


def test_the_policy_is_frozen_even_if_the_callers_dict_changes() -> None:
    rates = {"shoes": Decimal(5)}
    policy = Policy(restocking_fee_pct_by_category=rates)
    rates["shoes"] = Decimal(50)
    assert policy.restocking_pct_for("shoes") == 5
    assert hash(policy) == hash(Policy(restocking_fee_pct_by_category={"shoes": Decimal(5)}))


def test_settings_text_by_hand() -> None:
    policy = Policy(
        restocking_fee_pct=Decimal("12.5"),
        restocking_fee_pct_by_category={"chaussures été": Decimal(5)},
        final_sale_categories=frozenset({"soldes", "b"}),
        reasons_required=True,
    )
    settings = policy.to_settings()
    assert settings["restocking_fee_pct"] == "12.5"
    assert settings["restocking_fee_pct_by_category"] == '{"chaussures été": "5"}'
    assert settings["final_sale_categories"] == '["b", "soldes"]'
    assert settings["reasons_required"] == "true"
    assert settings["manager_refund_threshold_minor"] == "10000"
    assert Policy.from_settings(settings) == policy


def test_missing_keys_keep_their_default() -> None:
    assert Policy.from_settings({}) == Policy()
    assert Policy.from_settings({"return_window_days": "14"}).return_window_days == 14


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("return_window_days", "-1"),
        ("return_window_days", "30.5"),
        ("return_window_days", "thirty"),
        ("restocking_fee_pct", "101"),
        ("restocking_fee_pct", "-1"),
        ("restocking_fee_pct", "NaN"),
        ("restocking_fee_pct", "abc"),
        ("restocking_fee_pct_by_category", '{"shoes": 5}'),  # a JSON number would be a float
        ("restocking_fee_pct_by_category", '{"shoes": "150"}'),
        ("restocking_fee_pct_by_category", "[]"),
        ("final_sale_categories", '"sale"'),
        ("final_sale_categories", "[1, 2]"),
        ("final_sale_categories", "not json"),
        ("flat_return_fee_minor", "2.00"),
        ("reasons_required", "yes"),
    ],
)
def test_bad_settings_are_refused_with_their_key(key: str, value: str) -> None:
    with pytest.raises(PolicySettingsError) as caught:
        Policy.from_settings({key: value})
    assert caught.value.code == "policy_setting_invalid"
    assert str(caught.value.params["key"]).startswith(key)


def test_unknown_setting_is_refused() -> None:
    with pytest.raises(PolicySettingsError) as caught:
        Policy.from_settings({"return_windw_days": "30"})
    assert (caught.value.code, caught.value.params) == (
        "policy_setting_unknown",
        {"key": "return_windw_days"},
    )


def test_constructor_validates_too() -> None:
    with pytest.raises(PolicySettingsError):
        Policy(return_window_days=-3)
    with pytest.raises(PolicySettingsError):
        Policy(restocking_fee_pct=Decimal("100.01"))


pcts = st.decimals(0, 100, places=3, allow_nan=False, allow_infinity=False)
names = st.text(min_size=1, max_size=12)
CURRENCIES = ["EUR", "CHF", "GBP", "USD"]


policies = st.builds(
    Policy,
    return_window_days=st.integers(0, 3650),
    restocking_fee_pct=pcts,
    restocking_fee_pct_by_category=st.dictionaries(names, pcts, max_size=4),
    flat_return_fee_minor=st.integers(0, 10**6),
    final_sale_categories=st.frozensets(names, max_size=4),
    exchange_only_categories=st.frozensets(names, max_size=4),
    store_credit_only_categories=st.frozensets(names, max_size=4),
    vat_rate_by_currency=st.dictionaries(st.sampled_from(CURRENCIES), pcts, max_size=3),
    vat_rate_by_category=st.dictionaries(names, pcts, max_size=4),
    manager_refund_threshold_minor=st.integers(0, 10**8),
    reasons_required=st.booleans(),
    like_for_like_keeps_price=st.booleans(),
)


@given(policies)
def test_settings_round_trip(policy: Policy) -> None:
    assert Policy.from_settings(policy.to_settings()) == policy
