"""Eight terminals on one PostgreSQL database: exact stock, no gift card spent twice."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from pos.db.engine import make_engine, make_sessions
from pos.db.records import CounterDocumentRecord, GiftCardEntryRecord
from pos.db.returns import issue_gift_card, load_context
from pos.domain.money import Money
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from pos.services.returns import ReturnsService
from tests.support.concurrency import at_once
from tests.support.shop import NOW, build_shop, on_hand, open_till, sell

TERMINALS = 8


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"], indirect=True)
def test_eight_terminals_exchange_at_once(db_url: str) -> None:
    engine = make_engine(db_url)
    shop = build_shop(make_sessions(engine), stock=5)
    orders = [sell(shop, str(40000 + n), [("T-S-M", 1)]) for n in range(TERMINALS)]
    with shop.sessions.begin() as s:  # a 100.00 gift card the customers share
        _, code = issue_gift_card(s, amount=Money(10000, "EUR"), kind="gift_card",
                                  customer_id=None, document_id=None, now=NOW)  # type: ignore[arg-type]
    for n in range(1, TERMINALS):
        open_till(shop.sessions, shop.clock, f"T{n + 1}", shop.manager)

    def terminal(n: int) -> None:
        own = make_engine(db_url)  # a terminal has its own connections
        try:
            service = ReturnsService(sessions=make_sessions(own), clock=shop.clock,
                                     terminal_id=f"T{n + 1}")
            with make_sessions(own)() as s:
                line = load_context(s, orders[n]).snapshot.lines[0].line_id
            # T-shirt M (29.90) back, jean M (79.90) out: 50.00 due, all on the shared card.
            draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(line, 1),),
                          (service.new_item(order_id=orders[n], code="JEA-M"),))
            service.commit(shop.cashier, orders[n], draft, [
                Tender(TenderMethod.GIFT_CARD, Money(5000, "EUR"), gift_card_code=code)])
        finally:
            own.dispose()

    outcomes = at_once(TERMINALS, terminal)
    succeeded = outcomes.count("ok")
    # The card pays for exactly two exchanges; everyone else is refused, never half-done.
    assert len(outcomes) == TERMINALS and succeeded == 2, outcomes
    assert set(outcomes) == {"ok", "gift_card_insufficient"}, outcomes
    with shop.sessions() as s:
        balance = s.scalar(select(func.sum(GiftCardEntryRecord.amount_minor)))
        documents = s.scalar(select(func.count()).select_from(CounterDocumentRecord))
    assert balance == 10000 - 5000 * succeeded >= 0
    assert documents == succeeded
    assert on_hand(shop, "JEA-M") == 5 - succeeded
    assert on_hand(shop, "T-S-M") == 5 + succeeded
    engine.dispose()
