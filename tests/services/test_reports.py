"""The Reports' figures equal the documents' own, summed independently; managers only; the
return-prone list's rules are applied in one audited step and change the next quotes."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from pos.db.engine import SessionFactory
from pos.db.policy import write_settings
from pos.db.records import AuditEntryRecord, ProductRecord
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.services.errors import OperatorDisabledError, PermissionDeniedError
from pos.services.policy import load_policy
from pos.services.reports import ProductRule, ReportsError, ReportsService
from tests.support.reports import _lines, busy_week, independent_figures
from tests.support.shop import NOW, Shop, build_shop, sell


@pytest.fixture
def shop(sessions: SessionFactory) -> Shop:
    shop = build_shop(sessions, stock=50)
    busy_week(shop)
    return shop


def service(shop: Shop) -> ReportsService:
    return ReportsService(sessions=shop.sessions, clock=shop.clock)


def week(shop: Shop, reports: ReportsService):  # type: ignore[no-untyped-def]
    today = reports.today()
    return reports.returns_report(shop.manager, today - timedelta(days=6), today)


def test_every_figure_equals_the_documents_summed_independently(shop: Shop) -> None:
    view = week(shop, service(shop))
    expected = independent_figures(shop)
    for section in ("kind", "reason", "product", "size", "refund_to", "refund_by"):
        shown = {row.key: (row.count, row.amount.minor) for row in view.report.section(section)}
        assert shown == expected[section], section
    sold = {row.key: row.sold for row in view.report.section("product")}
    assert sold == {key: expected["sold"][key][0] for key in sold}
    # The figures a manager can check by eye: 4 documents, 8 units, 2 kinds.
    assert sum(row.count for row in view.report.section("kind")) == 5
    assert sum(row.count for row in view.report.section("size")) == 8


def test_return_rates_and_the_return_prone_list(shop: Shop) -> None:
    view = week(shop, service(shop))
    rates = {row.label: row.rate for row in view.report.section("product")}
    # T-shirts: 8 sold (4 M, 2 L, 2 S), 4 back; jeans 7 sold, 2 back; scarves 9 sold, 2 back.
    assert rates == {"T-shirt coton bio": Decimal("50.0"), "Jean droit": Decimal("28.6"),
                     "Écharpe laine": Decimal("22.2")}
    assert view.threshold_pct == Decimal(20) and view.min_sold == 5
    assert [row.label for row in view.return_prone] == [
        "T-shirt coton bio", "Jean droit", "Écharpe laine"]
    with shop.sessions.begin() as s:
        write_settings(s, replace(load_policy(s), return_prone_rate_pct=Decimal(25),
                                  return_prone_min_sold=8).to_settings())
    assert [row.label for row in week(shop, service(shop)).return_prone] == ["T-shirt coton bio"]


def test_a_period_without_documents_is_empty_and_today_counts_the_shop_day(shop: Shop) -> None:
    reports = service(shop)
    earlier = reports.returns_report(shop.manager, NOW.date() - timedelta(days=30),
                                     NOW.date() - timedelta(days=10))
    assert earlier.report.rows == ()
    today = reports.returns_report(shop.manager, reports.today(), reports.today())
    assert sum(row.count for row in today.report.section("kind")) == 5


def test_only_managers_read_reports_and_the_operator_is_read_again(shop: Shop) -> None:
    reports = service(shop)
    with pytest.raises(PermissionDeniedError):
        reports.returns_report(shop.cashier, reports.today(), reports.today())
    admin = shop.users.login("admin", "7391")
    shop.users.disable(admin, "maxime")
    with pytest.raises(OperatorDisabledError):
        week(shop, reports)
    with pytest.raises(ReportsError) as refused:
        reports.returns_report(admin, reports.today(), reports.today() - timedelta(days=1))
    assert refused.value.code == "bad_period"


def test_applying_exchange_only_and_the_flat_fee_changes_the_next_quotes(shop: Shop) -> None:
    reports = service(shop)
    with shop.sessions.begin() as s:
        write_settings(s, replace(load_policy(s), flat_return_fee_minor=300).to_settings())
        ids = {p.name: str(p.id) for p in s.scalars(select(ProductRecord))}
    tee, jean = ids["T-shirt coton bio"], ids["Jean droit"]
    with pytest.raises(PermissionDeniedError):
        reports.apply_rule(shop.cashier, [tee], ProductRule.EXCHANGE_ONLY)
    with pytest.raises(ReportsError) as refused:
        reports.apply_rule(shop.manager, [tee, "999999"], ProductRule.EXCHANGE_ONLY)
    assert refused.value.code == "unknown_products"
    reports.apply_rule(shop.manager, [tee], ProductRule.EXCHANGE_ONLY)
    policy = reports.apply_rule(shop.manager, [tee], ProductRule.FLAT_FEE)
    assert policy.exchange_only_products == policy.flat_fee_products == {tee}
    view = week(shop, reports)
    assert view.exchange_only == view.flat_fee == {tee} and view.flat_fee_minor == 300
    order = sell(shop, "80100", [("T-S-M", 1), ("JEA-S", 1)])
    t_line, j_line = _lines(shop, order)
    tee_quote = shop.returns.quote(order, Draft(DocumentKind.REFUND, (ReturnRequest(t_line, 1),)))
    assert tee_quote.returns[0].exchange_only and tee_quote.fees.flat.minor == 300
    jean_quote = shop.returns.quote(order, Draft(DocumentKind.REFUND,
                                                 (ReturnRequest(j_line, 1),)))
    assert not jean_quote.returns[0].exchange_only and jean_quote.fees.flat.minor == 0
    reports.apply_rule(shop.manager, [tee], ProductRule.FLAT_FEE, enabled=False)
    with shop.sessions() as s:
        assert load_policy(s).flat_fee_products == frozenset()
        assert jean not in load_policy(s).exchange_only_products
    with shop.sessions() as s:
        actions = s.scalars(select(AuditEntryRecord.action).where(
            AuditEntryRecord.action == "product_rule_applied")).all()
    assert len(actions) == 3
