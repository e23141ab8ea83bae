"""The policy and categories tabs' fields as typed, read into a `Policy`; a bad one is named.

Amounts are typed in the shop's major units with either decimal point ("2,50"), percents from
0 to 100, counts of days or units as whole numbers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from pos.domain.errors import PolicySettingsError
from pos.domain.policy import NO_RECEIPT_BASES, Policy
from pos.ui.screens.settings.categories_tab import CategoryRule

MAX_VALIDITY_DAYS = 365  # an approved request's authorisation: at most a year


@dataclass(frozen=True, slots=True)
class PolicyForm:
    """The policy tab's fields as typed: amounts in the shop's major units ("2,50")."""

    return_window_days: str
    restocking_fee_pct: str
    flat_return_fee: str
    manager_threshold: str
    reasons_required: bool
    like_for_like_keeps_price: bool
    return_prone_rate_pct: str | None = None  # None: as it is (the Reports' return-prone list)
    return_prone_min_sold: str | None = None
    # Returns without a receipt, by policy key (`NoReceiptPolicyBox.values`); None: as it is.
    no_receipt: Mapping[str, str] | None = None
    # Return requests (`RequestPolicyBox`): days an authorisation stays valid, and whether a
    # document made from one counts its return window from the approval; None: as it is.
    approval_valid_days: str | None = None
    window_from_approval: bool | None = None


def minor_to_text(minor: int, decimal_point: str = ".") -> str:
    """100 → "1.00" (or "1,00" with a French `decimal_point`): an amount in the shop's major
    units, for an editable field that `parse_minor` reads back."""
    return f"{Decimal(minor) / 100:.2f}".replace(".", decimal_point)


def parse_minor(text: str) -> int:
    """ "2,50" or "2.50" → 250. Raises ValueError for anything else (or more than 2 decimals)."""
    try:
        value = Decimal(text.strip().replace(",", ".")) * 100
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite() or value != value.to_integral_value() or value < 0:
        raise ValueError(text)
    return int(value)


def policy_from_form(current: Policy, form: PolicyForm) -> Policy:
    """`current` with the form's fields. Raises PolicySettingsError naming the bad field."""
    fields: dict[str, Any] = {}
    parsers: tuple[tuple[str, str | None, Callable[[str], Any]], ...] = (
        ("return_window_days", form.return_window_days, _parse_days),
        ("restocking_fee_pct", form.restocking_fee_pct, _parse_pct),
        ("flat_return_fee_minor", form.flat_return_fee, parse_minor),
        ("manager_refund_threshold_minor", form.manager_threshold, parse_minor),
        ("return_prone_rate_pct", form.return_prone_rate_pct, _parse_pct),
        ("return_prone_min_sold", form.return_prone_min_sold, _parse_days),
        ("approval_valid_days", form.approval_valid_days, _parse_validity),
        *_no_receipt_parsers(form.no_receipt),
    )
    for key, text, parse in parsers:
        if text is None:
            continue
        try:
            fields[key] = parse(text)
        except ValueError:
            raise PolicySettingsError("policy_setting_invalid", key=key, value=text) from None
    if form.window_from_approval is not None:
        fields["window_from_approval"] = form.window_from_approval
    return dataclasses.replace(
        current,
        **fields,
        reasons_required=form.reasons_required,
        like_for_like_keeps_price=form.like_for_like_keeps_price,
    )


def policy_with_categories(
    current: Policy, rules: Sequence[CategoryRule], vat_defaults: str
) -> Policy:
    """`current` with the Categories tab's rules and VAT per currency.

    Raises:
        PolicySettingsError: Naming the bad figure (``key``, and ``category`` for a row's).
    """
    fees: dict[str, Decimal] = {}
    vats: dict[str, Decimal] = {}
    for rule in rules:
        for key, text, into in (("restocking_fee_pct_by_category", rule.fee_pct, fees),
                                ("vat_rate_by_category", rule.vat_pct, vats)):  # fmt: skip
            if text.strip():
                try:
                    into[rule.name] = _parse_pct(text)
                except ValueError:
                    raise PolicySettingsError("policy_setting_invalid", key=key, value=text,
                                              category=rule.name) from None  # fmt: skip
    return dataclasses.replace(
        current,
        final_sale_categories=frozenset(r.name for r in rules if r.final_sale),
        exchange_only_categories=frozenset(r.name for r in rules if r.exchange_only),
        store_credit_only_categories=frozenset(r.name for r in rules if r.store_credit_only),
        restocking_fee_pct_by_category=fees,
        vat_rate_by_category=vats,
        vat_rate_by_currency=parse_vat_defaults(vat_defaults),
    )


def parse_vat_defaults(text: str) -> dict[str, Decimal]:
    """ "EUR 20; CHF 8,1" → {"EUR": 20, "CHF": 8.1}. Raises PolicySettingsError."""
    rates: dict[str, Decimal] = {}
    for entry in text.replace("\n", ";").split(";"):
        if not entry.strip():
            continue
        code, _, rate = entry.strip().partition(" ")
        try:
            if len(code) != 3 or not code.isalpha():
                raise ValueError(code)
            rates[code.upper()] = _parse_pct(rate)
        except ValueError:
            raise PolicySettingsError("policy_setting_invalid", key="vat_rate_by_currency",
                                      value=entry.strip()) from None  # fmt: skip
    return rates


def _no_receipt_parsers(
    texts: Mapping[str, str] | None,
) -> tuple[tuple[str, str | None, Callable[[str], Any]], ...]:
    """The returns-without-a-receipt fields: a basis code, counts, and two amounts."""
    if texts is None:
        return ()
    return tuple((key, text, parse_minor if key.endswith("_minor")
                  else _parse_basis if key == "no_receipt_basis" else _parse_days)
                 for key, text in texts.items())  # fmt: skip


def _parse_basis(text: str) -> str:
    if text not in NO_RECEIPT_BASES:
        raise ValueError(text)
    return text


def _parse_days(text: str) -> int:  # a count of days, or of units
    if not text.strip().isdecimal():
        raise ValueError(text)
    return int(text)


def _parse_validity(text: str) -> int:
    """Days an approved request's authorisation stays valid: 1 to `MAX_VALIDITY_DAYS` (0 would
    expire it as it is given; more than a year is no return authorisation)."""
    days = _parse_days(text)
    if not 1 <= days <= MAX_VALIDITY_DAYS:
        raise ValueError(text)
    return days


def _parse_pct(text: str) -> Decimal:
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite() or not 0 <= value <= 100:
        raise ValueError(text)
    return value
