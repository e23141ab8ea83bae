"""Four terminals take no-receipt returns at the same instant: the day's limit holds."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from pos.db.engine import make_engine, make_sessions
from pos.db.records import CounterDocumentRecord, GiftCardRecord
from pos.domain.no_receipt import NoReceiptReason
from pos.domain.settlement import TenderMethod
from pos.services.no_receipt import NoReceiptCustomer, NoReceiptLine, NoReceiptService
from pos.services.policy import PolicyService
from tests.support.concurrency import at_once
from tests.support.shop import build_shop, open_till, sell

TERMINALS = 4


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"], indirect=True)
def test_two_terminals_cannot_both_pass_the_day_limit(db_url: str) -> None:
    engine = make_engine(db_url)
    shop = build_shop(make_sessions(engine))
    sell(shop, "62001", [("T-S-M", 1)], days_ago=3)  # a T-shirt is worth 29.90
    policy = PolicyService(sessions=shop.sessions, clock=shop.clock)
    admin = shop.users.login("admin", "7391")
    policy.update(admin, replace(policy.current(), no_receipt_day_limit_minor=6000))  # two
    for n in range(1, TERMINALS):
        open_till(shop.sessions, shop.clock, f"T{n + 1}", shop.manager)
    approvals = [shop.users.approve("maxime", "4826", "no_receipt", "ID seen")
                 for _ in range(TERMINALS)]

    def terminal(n: int) -> None:
        own = make_engine(db_url)  # a terminal has its own connections
        try:
            service = NoReceiptService(sessions=make_sessions(own), clock=shop.clock,
                                       terminal_id=f"T{n + 1}")
            service.commit(shop.cashier, [NoReceiptLine(shop.variants["T-S-M"], 1)],
                           customer=NoReceiptCustomer(first_name=f"Client {n}",
                                                      phone=f"06000000{n:02d}"),
                           reason=NoReceiptReason("gift"), refund_as=TenderMethod.STORE_CREDIT,
                           approvals=[approvals[n]])
        finally:
            own.dispose()

    outcomes = at_once(TERMINALS, terminal)
    assert sorted(outcomes) == ["no_receipt_day_limit"] * 2 + ["ok"] * 2, outcomes
    with shop.sessions() as s:
        assert s.scalar(select(func.count()).select_from(CounterDocumentRecord)) == 2
        assert s.scalar(select(func.count()).select_from(GiftCardRecord)) == 2
    engine.dispose()
