"""Counter stories: exchanges settled equal, lower and higher (EUR, VAT included)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from pos.db.engine import SessionFactory
from pos.db.records import (
    AuditEntryRecord,
    CounterDocumentRecord,
    GiftCardEntryRecord,
    OutboxMessageRecord,
    PrintJobRecord,
)
from pos.domain.money import Money
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import BalanceKind, Tender, TenderMethod
from pos.services.returns import Notify
from tests.support.shop import build_shop, on_hand, sell


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


@pytest.fixture
def shop(sessions: SessionFactory):  # type: ignore[no-untyped-def]
    return build_shop(sessions)


def test_equal_exchange_swaps_a_size_and_writes_everything(shop) -> None:  # type: ignore[no-untyped-def]
    # Hélène bought a T-shirt in M three days ago and wants an L.
    order = sell(shop, "10001", [("T-S-M", 1)])
    line = _line_ids(shop, order)[0]
    replacement = shop.returns.new_item(order_id=order, code="T-S-L")
    draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(line, 1),), (replacement,))
    # The quote says: nothing to pay.
    quote = shop.returns.quote(order, draft)
    assert quote.balance_kind is BalanceKind.EQUAL and quote.balance == eur(0)
    # The cashier confirms; the customer gets an e-mail.
    done = shop.returns.commit(shop.cashier, order, draft, [],
                               notify=Notify("helene@example.fr"))
    assert done.number == "T1-000001"
    assert (on_hand(shop, "T-S-M"), on_hand(shop, "T-S-L")) == (6, 4)
    with shop.sessions() as s:
        kinds = s.scalars(select(OutboxMessageRecord.kind).order_by(OutboxMessageRecord.id)).all()
        assert kinds == ["wix.refund", "wix.create_replacement_order", "wix.add_payment",
                         "wix.comment", "wix.comment", "document_email"]
        assert s.scalar(select(func.count()).select_from(PrintJobRecord)) == 1
        assert s.scalar(select(AuditEntryRecord.action).order_by(
            AuditEntryRecord.id.desc()).limit(1)) == "document_exchange"


def test_lower_exchange_refunds_the_difference_on_a_new_gift_card(shop) -> None:  # type: ignore[no-untyped-def]
    # A jean (79.90) comes back for a T-shirt (29.90): 50.00 goes on a gift card.
    order = sell(shop, "10002", [("JEA-M", 1)])
    line = _line_ids(shop, order)[0]
    draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(line, 1),),
                  (shop.returns.new_item(order_id=order, code="T-S-M"),))
    quote = shop.returns.quote(order, draft)
    assert quote.balance == eur(-5000) and quote.balance_kind is BalanceKind.LOWER
    done = shop.returns.commit(shop.cashier, order, draft,
                               [Tender(TenderMethod.NEW_GIFT_CARD, eur(5000))])
    (card,) = done.issued_cards
    assert card.amount == eur(5000) and len(card.code) == 16
    with shop.sessions() as s:
        assert s.scalar(select(func.sum(GiftCardEntryRecord.amount_minor))) == 5000
        assert s.scalar(select(func.count()).select_from(PrintJobRecord)) == 2  # + slip


def test_higher_exchange_collects_cash_and_card_with_change(shop) -> None:  # type: ignore[no-untyped-def]
    # T-shirt (29.90) back, a jean (79.90) out: 50.00 due, 20.00 on card, 40.00 cash.
    order = sell(shop, "10003", [("T-S-S", 1)])
    line = _line_ids(shop, order)[0]
    draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(line, 1),),
                  (shop.returns.new_item(order_id=order, code="JEA-L"),))
    done = shop.returns.commit(shop.cashier, order, draft, [
        Tender(TenderMethod.CARD, eur(2000), reference="APPROVAL 1234"),
        Tender(TenderMethod.CASH, eur(4000))])
    assert done.quote.balance == eur(5000)
    assert done.change_due == eur(1000)
    assert on_hand(shop, "JEA-L") == 4


def test_a_refused_settlement_leaves_nothing_behind(shop) -> None:  # type: ignore[no-untyped-def]
    order = sell(shop, "10004", [("T-S-S", 1)])
    line = _line_ids(shop, order)[0]
    draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(line, 1),),
                  (shop.returns.new_item(order_id=order, code="JEA-L"),))
    with pytest.raises(Exception) as refused:
        shop.returns.commit(shop.cashier, order, draft, [Tender(TenderMethod.CARD, eur(4999))])
    assert getattr(refused.value, "code", None)
    with shop.sessions() as s:
        assert s.scalar(select(func.count()).select_from(CounterDocumentRecord)) == 0
        assert s.scalar(select(func.count()).select_from(OutboxMessageRecord)) == 0
    assert on_hand(shop, "JEA-L") == 5
    # and the next document still gets number 1: numbers are gapless
    done = shop.returns.commit(shop.cashier, order, draft, [Tender(TenderMethod.CARD, eur(5000))])
    assert done.number == "T1-000001"


def _line_ids(shop, order_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    from pos.db.returns import load_context

    with shop.sessions() as s:
        return [line.line_id for line in load_context(s, order_id).snapshot.lines]
