"""What the returns say (managers): a period's returns by reason, product and size, return
rates, refunds by tender and cashier; and the product rules set from the return-prone list.

Reading is one read-only transaction: the operator is re-read, then the database sums the
documents (the Closing's own sections for kinds, reasons and tenders; `pos.db.reports` for
units per variant and refunds per cashier) and `pos.domain.reports` folds them into a
`ReturnsReport`. Applying a rule to return-prone products is one audited transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum
from zoneinfo import ZoneInfo

from pos.db import reports as repo
from pos.db.closing import DocumentRange, grouped_figures
from pos.db.closing_blocks import report_range
from pos.db.engine import SessionFactory
from pos.db.policy import write_settings
from pos.domain.clock import Clock
from pos.domain.closing import Figure
from pos.domain.errors import DomainError
from pos.domain.policy import Policy
from pos.domain.reports import ReportRow, ReturnsReport, fold
from pos.domain.roles import Operator, Permission
from pos.services.access import confirm_operator, require
from pos.services.audit import audit_action
from pos.services.policy import load_policy

# Option names that hold a size, compared case-insensitively (Wix options are free text).
SIZE_OPTIONS = ("taille", "size", "pointure", "größe", "talla", "taglia")
MAX_DAYS = 366 * 2  # a longer period is a slip of the finger, not a report


class ProductRule(StrEnum):
    """What a manager applies to return-prone products in one step."""

    EXCHANGE_ONLY = "exchange_only"
    FLAT_FEE = "flat_fee"


class ReportsError(DomainError):
    """A request the Reports refuse: ``bad_period`` (params first, last), ``no_products``,
    ``unknown_products`` (param ids)."""


@dataclass(frozen=True, slots=True)
class ReportsView:
    """A report with the policy's return-prone threshold and the products' rules now."""

    report: ReturnsReport
    threshold_pct: Decimal
    min_sold: int
    exchange_only: frozenset[str]
    flat_fee: frozenset[str]
    flat_fee_minor: int

    @property
    def return_prone(self) -> tuple[ReportRow, ...]:
        return self.report.return_prone(self.threshold_pct, self.min_sold)


def _size(options: dict[str, object]) -> str:
    for name, value in options.items():
        if str(name).casefold() in SIZE_OPTIONS:
            return str(value)
    return "-"


class ReportsService:
    """Reads the shop's returns for a period (every terminal) and sets product rules."""

    def __init__(self, *, sessions: SessionFactory, clock: Clock, currency: str = "EUR",
                 time_zone: str = "Europe/Paris") -> None:
        self._sessions, self._clock = sessions, clock
        self._currency, self._zone = currency, ZoneInfo(time_zone)

    def today(self) -> date:
        """The shop's business date now."""
        return self._clock.now().astimezone(self._zone).date()

    def returns_report(self, operator: Operator | None, first_day: date,
                       last_day: date) -> ReportsView:
        """The returns of the days `first_day`..`last_day` (both included, shop time).

        Raises:
            PermissionDeniedError: the operator may not view reports.
            OperatorDisabledError, OperatorUnknownError: the operator, re-read, may no longer act.
            ReportsError: bad_period (last before first, or longer than two years).
        """
        require(operator, Permission.VIEW_REPORTS)
        if last_day < first_day or (last_day - first_day).days > MAX_DAYS:
            raise ReportsError("bad_period", first=str(first_day), last=str(last_day))
        start = datetime.combine(first_day, time(), self._zone)
        end = datetime.combine(last_day + timedelta(days=1), time(), self._zone)
        scope = DocumentRange(None, start=start, end=end)
        with self._sessions() as s:
            confirm_operator(s, operator, Permission.VIEW_REPORTS)
            figures = grouped_figures(s, scope, ("kind",))  # the Closing's own GROUP BY
            returned, refunds = report_range(s, scope)  # sealed blocks where they cover it
            sold = repo.sold_by_variant(s, start, end)
            catalogue = repo.variants(s, (row.variant_id for row in (*returned, *sold)
                                          if row.variant_id is not None))
            policy = load_policy(s)
        rows = self._rows(figures, returned, sold, catalogue, refunds)
        report = ReturnsReport(first_day, last_day, self._currency, tuple(rows))
        return ReportsView(report, policy.return_prone_rate_pct, policy.return_prone_min_sold,
                           policy.exchange_only_products, policy.flat_fee_products,
                           policy.flat_return_fee_minor)

    def _rows(self, figures: list[Figure], returned: list[repo.VariantUnits],
              sold: list[repo.VariantUnits], catalogue: dict[int, repo.VariantInfo],
              refunds: list[repo.Refunds]) -> list[ReportRow]:
        """Every section's rows in the report's currency, folded from the database's groups."""
        currency = self._currency
        rows = fold("kind", ((f.key, f.key, f.count, f.amount) for f in figures
                             if f.section == "kind" and f.currency == currency), currency)
        mine_refunds = [r for r in refunds if r.currency == currency]
        rows += fold("refund_to", ((r.method, r.method, r.tenders, r.amount)
                                   for r in mine_refunds), currency)
        rows += fold("refund_by", ((r.username, r.display_name, r.tenders, r.amount)
                                   for r in mine_refunds), currency)

        def product(units: repo.VariantUnits) -> tuple[str, str]:
            info = catalogue.get(units.variant_id) if units.variant_id is not None else None
            if info is None:
                return f"name:{units.product_name}", units.product_name
            return str(info.product_id), info.product_name

        units_sold: dict[str, int] = {}
        for units in sold:
            if units.currency == currency:
                key = product(units)[0]
                units_sold[key] = units_sold.get(key, 0) + units.units
        mine_returned = [units for units in returned if units.currency == currency]
        rows += fold("reason", ((u.reason or "-", u.reason or "-", u.units, u.amount)
                                for u in mine_returned), currency)
        rows += fold("product", ((*product(u), u.units, u.amount) for u in mine_returned),
                     currency, units_sold)
        sizes = (_size(catalogue[u.variant_id].options) if u.variant_id in catalogue else "-"
                 for u in mine_returned)
        rows += fold("size", ((size, size, u.units, u.amount)
                              for size, u in zip(sizes, mine_returned, strict=True)), currency)
        return rows

    def apply_rule(self, operator: Operator | None, product_ids: Iterable[str], rule: ProductRule,
                   *, enabled: bool = True) -> Policy:
        """Make `rule` apply (or, with `enabled` False, no longer apply) to the products.

        One transaction: the policy's product set is changed and the change audited.

        Raises:
            PermissionDeniedError: the operator is not a manager.
            OperatorDisabledError, OperatorUnknownError: the operator, re-read, may no longer act.
            ReportsError: no_products, or unknown_products (ids not in the catalogue).
        """
        require(operator, Permission.OVERRIDE_POLICY)
        ids = sorted(set(product_ids))
        if not ids:
            raise ReportsError("no_products")
        numbers = [int(i) for i in ids if i.isdecimal()]
        with self._sessions.begin() as s:
            operator = confirm_operator(s, operator, Permission.OVERRIDE_POLICY)
            unknown = sorted(set(ids) - {str(i) for i in repo.existing_products(s, numbers)})
            if unknown:
                raise ReportsError("unknown_products", ids=", ".join(unknown))
            policy = load_policy(s)
            exchange = rule is ProductRule.EXCHANGE_ONLY
            before = policy.exchange_only_products if exchange else policy.flat_fee_products
            after = frozenset(before | set(ids) if enabled else before - set(ids))
            policy = (replace(policy, exchange_only_products=after) if exchange
                      else replace(policy, flat_fee_products=after))
            write_settings(s, policy.to_settings())
            audit_action(s, operator=operator, action="product_rule_applied", subject="policy",
                         data={"rule": rule.value, "enabled": enabled, "products": ids},
                         now=self._clock.now())
        return policy
