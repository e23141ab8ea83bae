"""The shop's return policy (DESIGN §5) and the rules that need a manager's approval.

Stored as key/value text (`policy_settings` table): `Policy.to_settings` / `Policy.from_settings`
round-trip exactly, and every value is validated so a bad setting is refused with its key.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from pos.domain.errors import PolicySettingsError

HUNDRED = Decimal(100)


class ApprovalRule(StrEnum):
    """A policy rule that a manager must approve for one document (DESIGN §4 step 3)."""

    OVER_THRESHOLD = "over_threshold"
    OUTSIDE_WINDOW = "outside_window"
    FINAL_SALE = "final_sale"
    EXCHANGE_ONLY = "exchange_only"
    SHIPPING_REFUND = "shipping_refund"
    CANCELLATION = "cancellation"
    PRICE_OVERRIDE = "price_override"
    CASH_VARIANCE = "cash_variance"  # a drawer count off by more than the policy allows


def _empty_rates() -> Mapping[str, Decimal]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Policy:
    """Return policy settings. Amounts in minor units of the shop's currency.

    Attributes:
        return_window_days: Calendar days after purchase during which returns need no manager.
        restocking_fee_pct: Percent of returned merchandise credit kept as a fee (rule 5).
        restocking_fee_pct_by_category: Overrides of `restocking_fee_pct` per category.
        flat_return_fee_minor: Fee once per refund or exchange returning at least one unit.
        final_sale_categories: Categories whose items need a manager to be taken back.
        exchange_only_categories: Categories whose items need a manager to be refunded.
        store_credit_only_categories: Categories whose items give money back only as a new
            gift card or store credit (never cash nor the original payment).
        vat_rate_by_currency: The shop's default VAT rate (percent) per currency it sells
            in, for Wix items whose rate no recent order shows (docs/sync-pull.md).
        vat_rate_by_category: VAT rate (percent) of a category's Wix items, before the
            currency's default.
        manager_refund_threshold_minor: Refunds above this need a manager.
        reasons_required: Every returned line needs a reason (a cancellation needs a note).
        like_for_like_keeps_price: Rule 7: another variant of the same product keeps the
            price paid for the returned unit.
        cash_variance_threshold_minor: A drawer count off by more than this (either way)
            needs a manager's approval to close the session.
        exchange_only_products: Products (ids, as `SoldLine.product_id`) whose items need a
            manager to be refunded, like an exchange-only category (set from Reports).
        flat_fee_products: Products the flat return fee is limited to: when the set is
            empty the fee applies to every document returning a unit (rule 5); when not,
            only to documents returning a unit of one of these products.
        return_prone_rate_pct: A product whose return rate (units returned / units sold)
            is above this percent is listed as return-prone on the Reports screen.
        return_prone_min_sold: ...and only once at least this many units were sold in the
            period (two sold, one returned is not a trend).
        approval_valid_days: Days an approved return request stays valid (its number
            expires after that).
        window_from_approval: The return window of a document made from an approved request
            counts from the approval's date instead of the purchase's.
    """

    return_window_days: int = 30
    restocking_fee_pct: Decimal = Decimal(0)
    # hash=False: a mapping is not hashable, and the frozensets identify a policy well enough.
    restocking_fee_pct_by_category: Mapping[str, Decimal] = field(
        default_factory=_empty_rates, hash=False
    )
    flat_return_fee_minor: int = 0
    final_sale_categories: frozenset[str] = frozenset()
    exchange_only_categories: frozenset[str] = frozenset()
    store_credit_only_categories: frozenset[str] = frozenset()
    vat_rate_by_currency: Mapping[str, Decimal] = field(default_factory=_empty_rates, hash=False)
    vat_rate_by_category: Mapping[str, Decimal] = field(default_factory=_empty_rates, hash=False)
    manager_refund_threshold_minor: int = 10_000
    reasons_required: bool = False
    like_for_like_keeps_price: bool = True
    cash_variance_threshold_minor: int = 500
    exchange_only_products: frozenset[str] = frozenset()
    flat_fee_products: frozenset[str] = frozenset()
    return_prone_rate_pct: Decimal = Decimal(20)
    return_prone_min_sold: int = 5
    approval_valid_days: int = 14
    window_from_approval: bool = False

    def __post_init__(self) -> None:
        _check_count("return_window_days", self.return_window_days)
        _check_count("flat_return_fee_minor", self.flat_return_fee_minor)
        _check_count("manager_refund_threshold_minor", self.manager_refund_threshold_minor)
        _check_count("cash_variance_threshold_minor", self.cash_variance_threshold_minor)
        _check_count("return_prone_min_sold", self.return_prone_min_sold)
        _check_count("approval_valid_days", self.approval_valid_days)
        _check_pct("restocking_fee_pct", self.restocking_fee_pct)
        _check_pct("return_prone_rate_pct", self.return_prone_rate_pct)
        for name in ("restocking_fee_pct_by_category", "vat_rate_by_currency",
                     "vat_rate_by_category"):  # fmt: skip
            for key, pct in getattr(self, name).items():
                _check_pct(f"{name}[{key}]", pct)
            # Frozen means frozen: a caller's dict must not change the policy behind our back.
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))
        for name in ("final_sale_categories", "exchange_only_categories",
                     "store_credit_only_categories", "exchange_only_products",
                     "flat_fee_products"):  # fmt: skip
            object.__setattr__(self, name, frozenset(getattr(self, name)))

    def restocking_pct_for(self, *categories: str) -> Decimal:
        """The restocking percent for an item in `categories`.

        An item in several categories (a Wix product in many collections) pays the highest
        of their overrides; the default when none has one.
        """
        rates = [self.restocking_fee_pct_by_category[c] for c in categories
                 if c in self.restocking_fee_pct_by_category]  # fmt: skip
        return max(rates) if rates else self.restocking_fee_pct

    def is_final_sale(self, *categories: str) -> bool:
        """True when any of the item's categories is final sale."""
        return not self.final_sale_categories.isdisjoint(categories)

    def is_exchange_only(self, *categories: str, product_id: str = "") -> bool:
        """True when any of the item's categories, or its product, is exchange-only."""
        return (product_id in self.exchange_only_products
                or not self.exchange_only_categories.isdisjoint(categories))

    def flat_fee_applies(self, product_ids: Iterable[str]) -> bool:
        """Whether a document returning units of `product_ids` pays the flat fee (rule 5)."""
        return not self.flat_fee_products or not self.flat_fee_products.isdisjoint(product_ids)

    def is_store_credit_only(self, *categories: str) -> bool:
        return not self.store_credit_only_categories.isdisjoint(categories)

    def vat_rate_for(self, currency: str, *categories: str) -> Decimal | None:
        """The rate a Wix item gets when no recent order states one (None: none set).

        The highest rate among its categories that have one, else the currency's default.
        """
        rates = [self.vat_rate_by_category[c] for c in categories if c in self.vat_rate_by_category]
        return max(rates) if rates else self.vat_rate_by_currency.get(currency)

    def to_settings(self) -> dict[str, str]:
        """Every setting as text, for the `policy_settings` key/value table."""
        return {
            "return_window_days": str(self.return_window_days),
            "restocking_fee_pct": str(self.restocking_fee_pct),
            "restocking_fee_pct_by_category": _json_rates(self.restocking_fee_pct_by_category),
            "flat_return_fee_minor": str(self.flat_return_fee_minor),
            "final_sale_categories": _json_list(self.final_sale_categories),
            "exchange_only_categories": _json_list(self.exchange_only_categories),
            "store_credit_only_categories": _json_list(self.store_credit_only_categories),
            "vat_rate_by_currency": _json_rates(self.vat_rate_by_currency),
            "vat_rate_by_category": _json_rates(self.vat_rate_by_category),
            "manager_refund_threshold_minor": str(self.manager_refund_threshold_minor),
            "reasons_required": _bool_text(self.reasons_required),
            "like_for_like_keeps_price": _bool_text(self.like_for_like_keeps_price),
            "cash_variance_threshold_minor": str(self.cash_variance_threshold_minor),
            "exchange_only_products": _json_list(self.exchange_only_products),
            "flat_fee_products": _json_list(self.flat_fee_products),
            "return_prone_rate_pct": str(self.return_prone_rate_pct),
            "return_prone_min_sold": str(self.return_prone_min_sold),
            "approval_valid_days": str(self.approval_valid_days),
            "window_from_approval": _bool_text(self.window_from_approval),
        }

    @classmethod
    def from_settings(cls, settings: Mapping[str, str]) -> Policy:
        """Read settings written by `to_settings`; a missing key keeps its default.

        Raises:
            PolicySettingsError: ``policy_setting_unknown`` (a key this version does not know;
                refused so a typo never silently drops a rule) or ``policy_setting_invalid``
                (params ``key`` and ``value``).
        """
        unknown = sorted(set(settings) - set(_PARSERS))
        if unknown:
            raise PolicySettingsError("policy_setting_unknown", key=unknown[0])
        values: dict[str, Any] = {}  # each parser returns its own field's type
        for key, text in settings.items():
            try:
                values[key] = _PARSERS[key](text)
            except (ValueError, TypeError, InvalidOperation) as error:
                raise PolicySettingsError("policy_setting_invalid", key=key, value=text) from error
        return cls(**values)


def _check_count(key: str, value: int) -> None:
    if type(value) is not int or value < 0:
        raise PolicySettingsError("policy_setting_invalid", key=key, value=str(value))


def _check_pct(key: str, value: Decimal) -> None:
    if not isinstance(value, Decimal) or not value.is_finite() or not 0 <= value <= HUNDRED:
        raise PolicySettingsError("policy_setting_invalid", key=key, value=str(value))


def _bool_text(value: bool) -> str:
    return "true" if value else "false"


def _json_list(values: frozenset[str]) -> str:
    return json.dumps(sorted(values), ensure_ascii=False)


def _json_rates(rates: Mapping[str, Decimal]) -> str:
    return json.dumps({key: str(pct) for key, pct in sorted(rates.items())}, ensure_ascii=False)


def _parse_int(text: str) -> int:
    if not text.strip().isdecimal():  # no sign, no decimals, no "1e3"
        raise ValueError(text)
    return int(text)


def _parse_pct(text: str) -> Decimal:
    value = Decimal(text.strip())
    if not value.is_finite():
        raise ValueError(text)
    return value


def _parse_bool(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered not in ("true", "false"):
        raise ValueError(text)
    return lowered == "true"


def _parse_categories(text: str) -> frozenset[str]:
    items = json.loads(text)
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise ValueError(text)
    return frozenset(items)


def _parse_rates(text: str) -> Mapping[str, Decimal]:
    items = json.loads(text)
    if not isinstance(items, dict) or not all(isinstance(v, str) for v in items.values()):
        raise ValueError(text)  # percents are stored as strings: a JSON number would be a float
    return {str(key): _parse_pct(value) for key, value in items.items()}


_PARSERS: dict[str, Callable[[str], object]] = {
    "return_window_days": _parse_int,
    "restocking_fee_pct": _parse_pct,
    "restocking_fee_pct_by_category": _parse_rates,
    "flat_return_fee_minor": _parse_int,
    "final_sale_categories": _parse_categories,
    "exchange_only_categories": _parse_categories,
    "store_credit_only_categories": _parse_categories,
    "vat_rate_by_currency": _parse_rates,
    "vat_rate_by_category": _parse_rates,
    "manager_refund_threshold_minor": _parse_int,
    "reasons_required": _parse_bool,
    "like_for_like_keeps_price": _parse_bool,
    "cash_variance_threshold_minor": _parse_int,
    "exchange_only_products": _parse_categories,
    "flat_fee_products": _parse_categories,
    "return_prone_rate_pct": _parse_pct,
    "return_prone_min_sold": _parse_int,
    "approval_valid_days": _parse_int,
    "window_from_approval": _parse_bool,
}
