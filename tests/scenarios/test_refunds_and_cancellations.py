"""Counter stories: refunds with approvals, cancellations, tax-added orders."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from pos.db.engine import SessionFactory
from pos.db.records import (
    ApprovalRecord,
    AuditEntryRecord,
    CounterDocumentRecord,
    OutboxMessageRecord,
)
from pos.db.returns import load_context
from pos.domain.errors import DomainError
from pos.domain.money import Money
from pos.domain.returns import Disposition, DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import BalanceKind, Tender, TenderMethod
from pos.services.errors import ApprovalRequiredError, PermissionDeniedError, WrongPinError
from pos.services.returns import Notify, ReturnsError
from tests.support.shop import Shop, build_shop, on_hand, sell


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


@pytest.fixture
def shop(sessions: SessionFactory) -> Shop:
    return build_shop(sessions)


def lines_and_payments(shop: Shop, order_id: int) -> tuple[list[str], list[str]]:
    with shop.sessions() as s:
        snapshot = load_context(s, order_id).snapshot
    return [line.line_id for line in snapshot.lines], [p.payment_id for p in snapshot.payments]


def test_refund_over_the_threshold_needs_a_manager_pin(shop: Shop) -> None:
    # Two jeans (2 × 79.90 = 159.80) come back; above 100.00 a manager must approve.
    order = sell(shop, "20001", [("JEA-M", 2)])
    (line,), (payment,) = lines_and_payments(shop, order)
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(line, 2, reason="too small"),))
    quote = shop.returns.quote(order, draft)
    assert quote.balance == eur(-15980) and quote.balance_kind is BalanceKind.LOWER
    assert [rule.value for rule in quote.approvals_needed] == ["over_threshold"]
    refund = [Tender(TenderMethod.ORIGINAL_PAYMENT, eur(15980), payment_id=payment)]
    # The cashier tries alone: refused, nothing written.
    with pytest.raises(ApprovalRequiredError) as missing:
        shop.returns.commit(shop.cashier, order, draft, refund)
    assert missing.value.rules == ("over_threshold",)
    # The manager types a wrong PIN, then the right one.
    with pytest.raises(WrongPinError):
        shop.users.approve("maxime", "0000", "over_threshold", "customer unhappy")
    approval = shop.users.approve("maxime", "4826", "over_threshold", "customer unhappy")
    done = shop.returns.commit(shop.cashier, order, draft, refund, approvals=[approval])
    assert done.settlement.tenders[0].amount == eur(15980)
    assert on_hand(shop, "JEA-M") == 7
    with shop.sessions() as s:
        bound = s.scalar(select(ApprovalRecord.document_id).where(
            ApprovalRecord.id == approval.approval_id))
        assert bound == done.document_id
    # The same approval cannot cover a second document.
    order2 = sell(shop, "20002", [("JEA-S", 2)])
    (line2,), (payment2,) = lines_and_payments(shop, order2)
    with pytest.raises(ApprovalRequiredError):
        shop.returns.commit(shop.cashier, order2, Draft(DocumentKind.REFUND, (
            ReturnRequest(line2, 2),)), [Tender(TenderMethod.ORIGINAL_PAYMENT, eur(15980),
                                                 payment_id=payment2)], approvals=[approval])


def test_a_line_never_refunds_more_than_it_paid_across_visits(shop: Shop) -> None:
    # 3 T-shirts at 29.90 with 10 % off the order (80.73 paid): back one by one.
    order = sell(shop, "20003", [("T-S-M", 3)], order_discount_pct="10")
    (line,), _ = lines_and_payments(shop, order)
    credits = []
    for _ in range(3):
        draft = Draft(DocumentKind.REFUND, (ReturnRequest(line, 1),))
        amount = -shop.returns.quote(order, draft).balance
        shop.returns.commit(shop.cashier, order, draft,
                            [Tender(TenderMethod.CASH, amount)])
        credits.append(amount.minor)
    assert credits == [2691, 2691, 2691] and sum(credits) == 8073
    with pytest.raises(DomainError) as over:
        shop.returns.quote(order, Draft(DocumentKind.REFUND, (ReturnRequest(line, 1),)))
    assert over.value.code == "over_return"


def test_refund_to_the_card_is_capped_at_what_it_can_still_take(shop: Shop) -> None:
    # Paid 20.00 by gift card and 39.80 by card; 2 T-shirts back (59.80).
    order = sell(shop, "20004", [("T-S-L", 2)], payments=[("gift_card", 2000), ("card", 3980)])
    (line,), (gift, card) = lines_and_payments(shop, order)
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(line, 2),))
    with pytest.raises(DomainError) as capped:
        shop.returns.commit(shop.cashier, order, draft,
                            [Tender(TenderMethod.ORIGINAL_PAYMENT, eur(5980), payment_id=card)])
    assert capped.value.code.startswith("refund_exceeds")
    done = shop.returns.commit(shop.cashier, order, draft, [
        Tender(TenderMethod.ORIGINAL_PAYMENT, eur(3980), payment_id=card),
        Tender(TenderMethod.ORIGINAL_PAYMENT, eur(2000), payment_id=gift)])
    with shop.sessions() as s:
        payload = s.scalar(select(OutboxMessageRecord.payload).where(
            OutboxMessageRecord.kind == "wix.refund"))
    assert payload["restock_line_items"] == [{"line_item_id": "wl-20004-0", "quantity": 2}]
    assert sorted(r["amount_minor"] for r in payload["payment_refunds"]) == [2000, 3980]
    assert done.number == "T1-000001"


def test_damaged_items_are_refunded_but_not_restocked(shop: Shop) -> None:
    order = sell(shop, "20005", [("T-S-S", 1)])
    (line,), _ = lines_and_payments(shop, order)
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(line, 1, Disposition.DAMAGED, "torn"),))
    shop.returns.commit(shop.cashier, order, draft, [Tender(TenderMethod.CASH, eur(2990))])
    assert on_hand(shop, "T-S-S") == 5


def test_cancellation_needs_a_manager_and_restocks_everything(shop: Shop) -> None:
    order = sell(shop, "20006", [("T-S-M", 1), ("JEA-L", 1)], fulfilled=False)
    _, (payment,) = lines_and_payments(shop, order)
    draft = Draft(DocumentKind.CANCELLATION, note="Commande annulée à votre demande")
    quote = shop.returns.quote(order, draft)
    assert quote.balance == eur(-10980)
    refund = [Tender(TenderMethod.ORIGINAL_PAYMENT, eur(10980), payment_id=payment)]
    with pytest.raises(ApprovalRequiredError):
        shop.returns.commit(shop.cashier, order, draft, refund)
    done = shop.returns.commit(shop.manager, order, draft, refund,
                               notify=Notify("helene@example.fr", "fr"))
    assert (on_hand(shop, "T-S-M"), on_hand(shop, "JEA-L")) == (6, 6)
    with shop.sessions() as s:
        kinds = s.scalars(select(OutboxMessageRecord.kind).order_by(OutboxMessageRecord.id)).all()
        cancel = s.scalar(select(OutboxMessageRecord.payload).where(
            OutboxMessageRecord.kind == "wix.cancel"))
    assert kinds == ["wix.cancel", "wix.refund", "document_email"]
    assert cancel["restock_all_items"] is True
    with shop.sessions() as s:
        audit = s.scalars(select(AuditEntryRecord).where(
            AuditEntryRecord.action == "document_cancellation")).one()
    assert audit.actor_id == shop.manager.user_id
    # 109.80 back is over the 100.00 threshold too; the manager passes both rules himself.
    assert audit.data["rules"] == ["over_threshold", "cancellation"]
    assert audit.data["overridden_by_operator"] is True
    assert cancel["custom_message"] == "Commande annulée à votre demande"
    assert done.kind is DocumentKind.CANCELLATION


def test_cancellation_without_refund_takes_no_tender(shop: Shop) -> None:
    order = sell(shop, "20007", [("T-S-M", 2)], fulfilled=False)
    draft = Draft(DocumentKind.CANCELLATION, with_refund=False, note="paid elsewhere")
    done = shop.returns.commit(shop.manager, order, draft, [])
    assert done.quote.balance_kind is BalanceKind.NONE
    assert done.settlement.tenders == ()
    with shop.sessions() as s:  # Wix is told to cancel (and restock), not to refund anything
        kinds = s.scalars(select(OutboxMessageRecord.kind)).all()
    assert kinds == ["wix.cancel"]
    with pytest.raises(ReturnsError) as again:
        shop.returns.commit(shop.manager, order, draft, [])
    assert again.value.code == "order_cancelled"


def test_usd_tax_added_exchange_higher(sessions: SessionFactory) -> None:
    # US shop, 8.875 % sales tax added: T-shirt 29.90 + tax back, jean 79.90 + tax out.
    shop = build_shop(sessions, currency="USD", rate="8.875")
    order = sell(shop, "30001", [("T-S-M", 1)], tax_included=False, currency="USD",
                 rate="8.875")
    (line,), _ = lines_and_payments(shop, order)
    draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(line, 1),),
                  (shop.returns.new_item(order_id=order, code="JEA-M"),))
    quote = shop.returns.quote(order, draft)
    # back: 2990 + round(265.36) = 3255 ; out: 7990 + round(709.11) = 8699 ; due 54.44
    assert quote.returned_credit == Money(3255, "USD")
    assert quote.new_items_total == Money(8699, "USD")
    assert quote.balance == Money(5444, "USD")
    done = shop.returns.commit(shop.cashier, order, draft,
                               [Tender(TenderMethod.CASH, Money(6000, "USD"))])
    assert done.change_due == Money(556, "USD")


def test_a_cashier_cannot_cancel_nor_work_logged_out(shop: Shop) -> None:
    order = sell(shop, "20008", [("T-S-M", 1)])
    (line,), _ = lines_and_payments(shop, order)
    with pytest.raises(PermissionDeniedError):
        shop.returns.commit(None, order, Draft(DocumentKind.REFUND, (  # type: ignore[arg-type]
            ReturnRequest(line, 1),)), [Tender(TenderMethod.CASH, eur(2990))])
    with shop.sessions() as s:
        assert s.scalar(select(func.count()).select_from(CounterDocumentRecord)) == 0
