"""Random sequences of partial returns and exchanges, committed on a real database.

Whatever the visits, no cent is created or lost: a line's refunds add up to at most what it
paid (exactly that when it all came back), tenders always equal the balance, and stock moves
by exactly the units returned to stock and issued.
"""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from pos.db.engine import SessionFactory
from pos.db.records import DocumentReturnLineRecord, DocumentTenderRecord, StockMovementRecord
from pos.db.returns import load_context
from pos.domain.money import Money
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from tests.support.shop import build_shop, sell

SKUS = ("T-S-S", "T-S-M", "JEA-L", "ÉCH-M")
numbers = itertools.count(50000)
visit = st.tuples(st.integers(0, 2), st.integers(1, 3), st.sampled_from((*SKUS, None)))


@settings(max_examples=12)
@given(quantities=st.lists(st.integers(1, 4), min_size=1, max_size=3),
       discount=st.sampled_from([None, "10", "33"]), visits=st.lists(visit, max_size=5))
def test_random_visits_keep_every_cent(sessions: SessionFactory, quantities, discount, visits
                                       ) -> None:  # type: ignore[no-untyped-def]
    shop = _shop(sessions)
    items = [(SKUS[i], q) for i, q in enumerate(quantities)]
    order = sell(shop, str(next(numbers)), items, order_discount_pct=discount)
    for line_index, quantity, replacement in visits:
        with shop.sessions() as s:
            lines = load_context(s, order).snapshot.lines
        line = lines[line_index % len(lines)]
        quantity = min(quantity, line.returnable)
        if quantity == 0:
            continue
        new = (shop.returns.new_item(order_id=order, code=replacement),) if replacement else ()
        kind = DocumentKind.EXCHANGE if new else DocumentKind.REFUND
        draft = Draft(kind, (ReturnRequest(line.line_id, quantity),), new)
        quote = shop.returns.quote(order, draft)
        done = shop.returns.commit(shop.manager, order, draft, _tenders(quote.balance))
        assert (done.settlement.tendered - done.change_due).minor == abs(quote.balance.minor)
    _check_invariants(shop, order)


def _shop(sessions: SessionFactory):  # type: ignore[no-untyped-def]
    cache = _shop.__dict__.setdefault("shops", {})
    key = id(sessions)
    if key not in cache:
        cache.clear()
        cache[key] = build_shop(sessions, stock=1000)
    return cache[key]


def _tenders(balance: Money) -> list[Tender]:
    if balance.minor == 0:
        return []
    return [Tender(TenderMethod.CASH, Money(abs(balance.minor), balance.currency))]


def _check_invariants(shop, order_id: int) -> None:  # type: ignore[no-untyped-def]
    with shop.sessions() as s:
        snapshot = load_context(s, order_id).snapshot
        for line in snapshot.lines:
            credited = s.scalar(select(func.coalesce(func.sum(
                DocumentReturnLineRecord.credit_minor), 0)).where(
                DocumentReturnLineRecord.order_line_id == int(line.line_id)))
            assert 0 <= credited <= line.value.paid.minor
            if line.already_returned == line.value.quantity:
                assert credited == line.value.paid.minor
        moved = s.scalar(select(func.coalesce(func.sum(StockMovementRecord.delta), 0)))
        back = s.scalar(select(func.coalesce(func.sum(DocumentReturnLineRecord.quantity), 0)))
        out = s.scalar(select(func.coalesce(func.sum(StockMovementRecord.delta), 0)).where(
            StockMovementRecord.delta < 0))
        assert moved == back + out  # every return restocked, every new item issued
        cash = s.scalar(select(func.count()).select_from(DocumentTenderRecord).where(
            DocumentTenderRecord.amount_minor <= 0))
        assert cash == 0
