"""A day at the counter, closed: float, refunds, exchanges both ways, gift cards, a paid-out,
a count with a variance, then the X and the signed Z — on both databases."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pos.db.records import ClosureRecord, CounterDocumentRecord
from pos.db.returns import load_context
from pos.domain.closing import GENESIS, closure_hash
from pos.domain.money import Money
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from pos.services.cash import CashError, CashService
from pos.services.closing import ClosingService
from pos.services.errors import ApprovalRequiredError, PermissionDeniedError
from pos.services.returns import CommittedDocument, ReturnsError
from pos.services.signing import file_signer, verify_signature
from tests.support.shop import Shop, build_shop, open_till, sell


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


@pytest.fixture
def shop(sessions) -> Shop:  # type: ignore[no-untyped-def]
    return build_shop(sessions)


@pytest.fixture
def closing(shop: Shop, tmp_path: Path) -> ClosingService:
    return ClosingService(sessions=shop.sessions, clock=shop.clock, terminal_id="T1",
                          signer=file_signer(tmp_path / "keys"))


def _line(shop: Shop, order: int) -> str:
    with shop.sessions() as s:
        return load_context(s, order).snapshot.lines[0].line_id


def _payment(shop: Shop, order: int) -> str:
    with shop.sessions() as s:
        return load_context(s, order).snapshot.payments[0].payment_id


def _day(shop: Shop) -> list[CommittedDocument]:
    """Five documents: a refund to the card, a cash refund, an exchange paid in cash with
    change, an exchange down to a new gift card, an exchange paid with that gift card."""
    done = []
    order = sell(shop, "50001", [("T-S-M", 1)])
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(_line(shop, order), 1, reason="trop petit"),))
    done.append(shop.returns.commit(shop.cashier, order, draft, [
        Tender(TenderMethod.ORIGINAL_PAYMENT, eur(2990), payment_id=_payment(shop, order))]))
    order = sell(shop, "50002", [("ÉCH-M", 1)])
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(_line(shop, order), 1, reason="défaut"),))
    done.append(shop.returns.commit(shop.cashier, order, draft,
                                    [Tender(TenderMethod.CASH, eur(3990))]))
    order = sell(shop, "50003", [("T-S-S", 1)])
    draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(_line(shop, order), 1),),
                  (shop.returns.new_item(order_id=order, code="JEA-L"),))
    done.append(shop.returns.commit(shop.cashier, order, draft,
                                    [Tender(TenderMethod.CASH, eur(6000))]))  # 10.00 change
    order = sell(shop, "50004", [("JEA-S", 1)])
    draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(_line(shop, order), 1),),
                  (shop.returns.new_item(order_id=order, code="T-S-L"),))
    down = shop.returns.commit(shop.cashier, order, draft,
                               [Tender(TenderMethod.NEW_GIFT_CARD, eur(5000))])
    done.append(down)
    order = sell(shop, "50005", [("T-S-L", 1)])
    draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(_line(shop, order), 1),),
                  (shop.returns.new_item(order_id=order, code="JEA-M"),))
    done.append(shop.returns.commit(shop.cashier, order, draft, [Tender(
        TenderMethod.GIFT_CARD, eur(5000), gift_card_code=down.issued_cards[0].code)]))
    return done


def _expected(done: list[CommittedDocument]) -> tuple[Counter, Counter, int]:
    """By kind and by tender, summed from what each commit returned (not from the database)."""
    by_kind: Counter = Counter()
    by_tender: Counter = Counter()
    for document in done:
        by_kind[document.kind.value] += document.quote.balance.minor
        direction = "out" if document.quote.balance.minor < 0 else "in"
        for tender in document.settlement.tenders:
            change = document.change_due.minor if tender.method is TenderMethod.CASH else 0
            by_tender[f"{tender.method.value}/{direction}"] += tender.amount.minor - change
    return by_kind, by_tender, sum(by_kind.values())


def test_a_day_closes_with_z_totals_equal_to_the_documents(shop: Shop,
                                                            closing: ClosingService) -> None:
    cash = CashService(sessions=shop.sessions, clock=shop.clock, terminal_id="T1")
    done = _day(shop)
    cash.move(shop.cashier, "paid_out", eur(1250), "window cleaner")
    by_kind, by_tender, net = _expected(done)
    # The drawer: 200.00 float, -39.90 refund, +50.00 exchange (60 - 10 change), -12.50.
    expected_cash = 20000 - 3990 + 5000 - 1250
    assert cash.current().figures.expected == expected_cash
    x = closing.x_report(shop.manager)
    assert x.documents == 5 and x.net == {"EUR": net}
    by_date = closing.x_report(shop.manager, day=date(2026, 11, 20))  # the shop's day (Paris)
    assert by_date.figures == x.figures
    assert closing.x_report(shop.manager, day=date(2026, 11, 19)).documents == 0
    with pytest.raises(CashError) as still_open:
        closing.close_z(shop.manager)
    assert still_open.value.code == "session_open"
    # The cashier counts 10.00 short: over the policy's 5.00, a manager must approve.
    counts = {10000: 1, 5000: 1, 2000: 1, 1000: 1, 500: 1, 200: 1, 50: 1, 10: 1}
    counted = 18760
    result = cash.count(counts)
    assert result.variance.minor == counted - expected_cash and result.needs_manager
    with pytest.raises(ApprovalRequiredError) as needs:
        cash.close(shop.cashier, counts)
    assert needs.value.rules == ("cash_variance",)
    approval = shop.users.approve("maxime", "4826", "cash_variance", "recount done")
    cash.close(shop.cashier, counts, [approval])
    with pytest.raises(PermissionDeniedError):
        closing.close_z(shop.cashier)
    z = closing.close_z(shop.manager)
    report = z.report
    assert report.documents == 5 and (report.first_number, report.last_number) == (
        "T1-000001", "T1-000005")
    assert {f.key: f.amount for f in report.section("kind")} == dict(by_kind)
    assert {f.key: f.amount for f in report.section("tender")} == dict(by_tender)
    assert report.net == {"EUR": net} and report.grand_total == {"EUR": net}
    # VAT lines add up to the net (fees and shipping refunds carried as their own lines).
    assert sum(f.amount for f in report.section("vat")) == net
    # Every item here is at 20 %: its VAT is what the documents' lines say, rate by rate.
    assert {f.key for f in report.section("vat")} == {"20%"}
    assert report.section("vat")[0].tax == sum(
        item.tax.minor for d in done for item in d.quote.new_items) - sum(
        part.tax.minor for d in done for part in d.quote.returns)
    assert report.amount("refund_to", "original_payment") == 2990
    assert report.amount("refund_to", "cash") == 3990
    assert report.amount("refund_to", "new_gift_card") == 5000
    assert report.amount("reason", "trop petit") == 2990
    assert {f.key: f.count for f in report.section("cashier")} == {"camille": 5}
    (drawer,) = report.cash
    assert drawer.expected == expected_cash and drawer.variance == counted - expected_cash
    # The closure: number 1, first of the chain, signed, naming the audit head.
    assert (z.number, z.kind, z.prev_hash) == (1, "z", GENESIS)
    assert verify_signature(closing.public_key, z.hash.encode(), z.signature)
    with shop.sessions() as s:
        record = s.scalar(select(ClosureRecord))
        body = {name: getattr(record, name) for name in (
            "number", "kind", "terminal_id", "period", "closed_by", "prev_hash",
            "audit_head_hash", "audit_count", "first_sequence", "last_sequence", "report")}
        body["closed_at"] = record.closed_at.isoformat()
    assert closure_hash(body) == z.hash


def test_the_next_z_continues_the_chain_and_the_grand_total(shop: Shop,
                                                             closing: ClosingService) -> None:
    cash = CashService(sessions=shop.sessions, clock=shop.clock, terminal_id="T1")
    first_day = _day(shop)
    cash.close(shop.manager, {10000: 2, 1000: 1, 10: 1})  # 210.10, as expected
    first = closing.close_z(shop.manager)
    shop.clock.advance(timedelta(days=1))
    # No drawer open: no document can be taken.
    order = sell(shop, "60001", [("T-S-M", 1)], days_ago=1)
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(_line(shop, order), 1),))
    with pytest.raises(ReturnsError) as refused:
        shop.returns.commit(shop.cashier, order, draft, [Tender(TenderMethod.CASH, eur(2990))])
    assert refused.value.code == "no_cash_session"
    cash.open(shop.cashier, eur(10000))
    shop.returns.commit(shop.cashier, order, draft, [Tender(TenderMethod.CASH, eur(2990))])
    cash.close(shop.manager, {5000: 1, 2000: 1, 10: 1})  # 70.10 for 70.10 expected
    second = closing.close_z(shop.manager)
    assert (second.number, second.prev_hash) == (2, first.hash)
    assert second.report.documents == 1 and second.report.first_number == "T1-000006"
    net_first = _expected(first_day)[2]
    assert second.report.grand_total == {"EUR": net_first - 2990}
    assert second.report.cash[0].variance == 0
    # The month, then the year, built from the Zs; a period closes once.
    month = closing.close_period(shop.manager, "month", first.period[:7])
    assert month.number == 3 and month.report.documents == 6
    assert month.report.net == {"EUR": net_first - 2990}
    assert month.report.grand_total == second.report.grand_total
    year = closing.close_period(shop.manager, "year", first.period[:4])
    assert year.report.documents == 6 and year.prev_hash == month.hash
    with pytest.raises(CashError) as twice:
        closing.close_period(shop.manager, "month", first.period[:7])
    assert twice.value.code == "period_already_closed"
    with shop.sessions() as s:
        assert s.scalar(select(func.count()).select_from(CounterDocumentRecord)) == 6


def test_a_second_terminal_has_its_own_drawer_and_z(shop: Shop, tmp_path: Path) -> None:
    open_till(shop.sessions, shop.clock, "T2", shop.manager, opening_float=5000)
    with pytest.raises(CashError) as again:
        open_till(shop.sessions, shop.clock, "T2", shop.manager)
    assert again.value.code == "session_already_open"
    t2 = ClosingService(sessions=shop.sessions, clock=shop.clock, terminal_id="T2",
                        signer=file_signer(tmp_path))
    assert t2.x_report(shop.manager).documents == 0
    assert t2.x_report(shop.manager).cash[0].expected == 5000


def test_a_manager_disabled_since_login_is_refused(shop: Shop, closing: ClosingService) -> None:
    from pos.services.errors import UserDisabledError

    admin = shop.users.login("admin", "7391")
    shop.users.disable(admin, "maxime")  # maxime is still "logged in" at the till
    cash = CashService(sessions=shop.sessions, clock=shop.clock, terminal_id="T1")
    with pytest.raises(UserDisabledError):
        closing.x_report(shop.manager)
    with pytest.raises(UserDisabledError):
        cash.move(shop.manager, "paid_out", eur(100), "stamps")
    assert closing.x_report(admin).documents == 0
