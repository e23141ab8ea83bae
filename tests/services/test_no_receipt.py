"""`NoReceiptService` on both databases: valuation, limits, approval, refund method, and that a
refused commit leaves nothing behind (every table a commit writes is counted before/after)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from pos.db.engine import SessionFactory
from pos.db.records import (
    ApprovalRecord,
    AuditEntryRecord,
    CounterDocumentRecord,
    CustomerRecord,
    DocumentReturnLineRecord,
    DocumentTenderRecord,
    GiftCardEntryRecord,
    GiftCardRecord,
    OutboxMessageRecord,
    PrintJobRecord,
    StockLevelRecord,
    StockMovementRecord,
    TerminalSequenceRecord,
)
from pos.domain.money import Money
from pos.domain.no_receipt import NoReceiptReason, NoReceiptRefusedError, ValuationBasis
from pos.domain.returns import Disposition, DocumentKind
from pos.domain.settlement import TenderMethod
from pos.services.errors import ApprovalRequiredError
from pos.services.no_receipt import NoReceiptCustomer, NoReceiptLine, NoReceiptService
from pos.services.policy import PolicyService
from pos.wiring import Store
from tests.support.shop import NOW, Shop, build_shop, on_hand, sell

COUNTED = (CounterDocumentRecord, DocumentReturnLineRecord, DocumentTenderRecord,
           StockMovementRecord, GiftCardRecord, GiftCardEntryRecord, OutboxMessageRecord,
           PrintJobRecord, AuditEntryRecord, CustomerRecord)
REASON = NoReceiptReason("gift")
NEW_CUSTOMER = NoReceiptCustomer(first_name="Inès", last_name="Moreau", phone="06 11 22 33 44")


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def set_policy(shop: Shop, **changes: object) -> None:
    admin = shop.users.login("admin", "7391")
    policy = PolicyService(sessions=shop.sessions, clock=shop.clock)
    from dataclasses import replace  # noqa: PLC0415

    policy.update(admin, replace(policy.current(), **changes))  # type: ignore[arg-type]


def footprint(shop: Shop) -> dict[str, object]:
    with shop.sessions() as s:
        found: dict[str, object] = {
            r.__tablename__: s.scalar(select(func.count()).select_from(r)) for r in COUNTED}
        found["stock"] = dict(s.execute(select(StockLevelRecord.variant_id,
                                               StockLevelRecord.on_hand)).all())
        found["sequences"] = dict(s.execute(select(
            TerminalSequenceRecord.terminal_id, TerminalSequenceRecord.next_number)).all())
        found["bound"] = s.scalar(select(func.count()).select_from(ApprovalRecord)
                                  .where(ApprovalRecord.document_id.is_not(None)))
    return found


@pytest.fixture
def shop(sessions: SessionFactory) -> Shop:
    shop = build_shop(sessions)
    # T-shirts (29.90) sold at full price 10 days ago, and two for 50.00 (25.00 each) 40 days
    # ago; a 20 % order discount 100 days ago is outside the 90-day period.
    sell(shop, "2001", [("T-S-M", 1)], days_ago=10)
    sell(shop, "2002", [("T-S-M", 2)], days_ago=40, order_discount_pct="16.3879598662")
    sell(shop, "2003", [("T-S-M", 1)], days_ago=100, order_discount_pct="50")
    return shop


@pytest.fixture
def service(shop: Shop) -> NoReceiptService:
    return Store(sessions=shop.sessions, clock=shop.clock, terminal_id="T1").no_receipt


def approval(shop: Shop):  # type: ignore[no-untyped-def]
    return shop.users.approve("maxime", "4826", "no_receipt", "no receipt, ID seen")


def test_value_is_the_lowest_unit_paid_in_the_period(shop: Shop, service: NoReceiptService) -> None:
    quote = service.value(code="T-S-M", quantity=2)
    whole = service.quote([NoReceiptLine(shop.variants["T-S-M"], 2)])
    assert whole.lines == (quote,) and whole.total == eur(5000)
    assert whole.limits.customer_left == eur(10000)
    assert quote.basis is ValuationBasis.LOWEST_SOLD
    assert quote.unit_value == eur(2500)  # 50.00 / 2 (the 100-day-old 14.95 is out)
    assert quote.total == eur(5000) and quote.tax == eur(833)  # 20 % inside, rounded once
    assert quote.sold_at == NOW - timedelta(days=40)
    set_policy(shop, no_receipt_basis="current_price")
    current = service.value(code="T-S-M")
    assert (current.basis, current.unit_value, current.sold_at) == (
        ValuationBasis.CURRENT_PRICE, eur(2990), None)


def test_never_sold_and_final_sale_are_refused(shop: Shop, service: NoReceiptService) -> None:
    with pytest.raises(NoReceiptRefusedError) as refused:
        service.value(code="JEA-M")
    assert refused.value.code == "no_receipt_not_sold"
    set_policy(shop, final_sale_categories=frozenset({"tops"}))
    with pytest.raises(NoReceiptRefusedError) as refused:
        service.value(code="T-S-M")
    assert refused.value.code == "no_receipt_final_sale"


def test_within_limits_issues_store_credit_and_restocks(shop: Shop,
                                                        service: NoReceiptService) -> None:
    before = on_hand(shop, "T-S-M")
    done = service.commit(shop.cashier, [NoReceiptLine(shop.variants["T-S-M"], 2)],
                          customer=NEW_CUSTOMER, reason=REASON,
                          refund_as=TenderMethod.STORE_CREDIT, approvals=[approval(shop)])
    assert done.kind is DocumentKind.NO_RECEIPT and done.number == "T1-000001"
    assert done.issued_cards[0].amount == eur(5000)
    assert on_hand(shop, "T-S-M") == before + 2
    with shop.sessions() as s:
        document = s.get(CounterDocumentRecord, done.document_id)
        assert document is not None and document.order_id is None
        assert document.kind == "no_receipt" and document.balance_minor == -5000
        customer = s.get(CustomerRecord, document.customer_id)
        assert customer is not None and customer.first_name == "Inès"
        card = s.scalar(select(GiftCardRecord))
        assert card is not None and (card.kind, card.customer_id) == ("store_credit",
                                                                      customer.id)
        line = s.scalar(select(DocumentReturnLineRecord))
        assert line is not None and (line.order_line_id, line.variant_id, line.tax_rate) == (
            None, shop.variants["T-S-M"], "20")
        movement = s.scalar(select(StockMovementRecord))
        assert movement is not None and (movement.variant_id, movement.delta, movement.reason,
                                         movement.owner, movement.document_id) == (
            shop.variants["T-S-M"], 2, "return", "pos", done.document_id)
        kinds = s.scalars(select(OutboxMessageRecord.kind)).all()
        assert list(kinds) == ["wix.stock_delta"]  # stock only on Wix: no order to refund
    left = service.limits(document.customer_id)
    assert left.customer_left == eur(10000 - 5000)
    assert left.day_left == eur(30000 - 5000)
    view = Store(sessions=shop.sessions, clock=shop.clock).gift_cards.balance(
        done.issued_cards[0].code)
    assert (view.kind, view.balance) == ("store_credit", eur(5000))  # spendable at once
    with shop.sessions() as s:
        (entry,) = s.scalars(select(AuditEntryRecord).where(
            AuditEntryRecord.action == "document_no_receipt")).all()
    assert entry.subject == done.number


def test_the_day_count_and_a_customers_earlier_credit_count(shop: Shop,
                                                            service: NoReceiptService) -> None:
    set_policy(shop, no_receipt_day_count=1, no_receipt_basis="current_price")
    first = service.commit(shop.manager, [NoReceiptLine(shop.variants["T-S-M"], 1)],
                           customer=NEW_CUSTOMER, reason=REASON,
                           refund_as=TenderMethod.STORE_CREDIT)
    with shop.sessions() as s:
        document = s.get(CounterDocumentRecord, first.document_id)
        assert document is not None
        customer_id = document.customer_id
    assert service.limits(customer_id).day_count_left == 0
    before = footprint(shop)
    with pytest.raises(NoReceiptRefusedError) as refused:
        service.commit(shop.manager, [NoReceiptLine(shop.variants["T-S-S"], 1)],
                       customer=NoReceiptCustomer(customer_id), reason=REASON,
                       refund_as=TenderMethod.STORE_CREDIT)
    assert (refused.value.code, refused.value.params["count_left"]) == (
        "no_receipt_day_limit", 0)
    assert footprint(shop) == before
    shop.clock.advance(timedelta(days=1))  # a new day; the customer's year still counts
    assert service.limits(customer_id).customer_left == eur(10000 - 2990)
    assert service.limits(customer_id).day_count_left == 1


def test_without_approval_cash_or_over_limits_nothing_is_written(
        shop: Shop, service: NoReceiptService) -> None:
    lines = [NoReceiptLine(shop.variants["T-S-M"], 1)]

    def refused(refund_as: TenderMethod = TenderMethod.STORE_CREDIT, *,
                approved: bool = True) -> Exception:
        approvals = [approval(shop)] if approved else []  # an approval is audited itself
        before = footprint(shop)
        with pytest.raises((NoReceiptRefusedError, ApprovalRequiredError)) as caught:
            service.commit(shop.cashier, lines, customer=NEW_CUSTOMER, reason=REASON,
                           refund_as=refund_as, approvals=approvals)
        assert footprint(shop) == before
        return caught.value

    missing = refused(approved=False)
    assert isinstance(missing, ApprovalRequiredError) and missing.rules == ("no_receipt",)
    cash = refused(TenderMethod.CASH)
    assert isinstance(cash, NoReceiptRefusedError) and cash.code == "no_receipt_refund_method"
    set_policy(shop, no_receipt_customer_limit_minor=2000)
    with pytest.raises(NoReceiptRefusedError) as quoted:  # the screen learns it before approval
        service.quote(lines)
    assert quoted.value.code == "no_receipt_customer_limit"
    over = refused()
    assert isinstance(over, NoReceiptRefusedError)
    assert (over.code, over.params["left"]) == ("no_receipt_customer_limit", eur(2000))
    set_policy(shop, no_receipt_customer_limit_minor=10000, no_receipt_day_limit_minor=2400)
    over = refused(TenderMethod.NEW_GIFT_CARD)
    assert isinstance(over, NoReceiptRefusedError)
    assert (over.code, over.params["left"]) == ("no_receipt_day_limit", eur(2400))
    set_policy(shop, no_receipt_basis="lowest_sold", no_receipt_period_days=5)
    never = refused()
    assert isinstance(never, NoReceiptRefusedError) and never.code == "no_receipt_not_sold"


def test_damaged_moves_no_stock_and_a_manager_passes_the_rule(
        shop: Shop, service: NoReceiptService) -> None:
    before = on_hand(shop, "T-S-M")
    done = service.commit(shop.manager, [NoReceiptLine(shop.variants["T-S-M"], 1,
                                                       Disposition.DAMAGED)],
                          customer=NEW_CUSTOMER, reason=NoReceiptReason("other", "tache"),
                          refund_as=TenderMethod.NEW_GIFT_CARD)
    assert on_hand(shop, "T-S-M") == before
    assert done.issued_cards[0].kind == "gift_card"
    with shop.sessions() as s:
        assert s.scalar(select(func.count()).select_from(OutboxMessageRecord)) == 0
    found = service.find_customers("ines moreau")
    assert [c.name for c in found] == ["Inès Moreau"]
    assert [c.name for c in service.find_customers("0611223344")] == ["Inès Moreau"]
