"""Fuzzing the tender lists of `ReturnsService.commit` on both databases (hypothesis).

Each example sells an order, issues two gift cards with random balances, drafts an exchange or
a refund, and commits it with a random tender list: gift cards under any spelling of their
code (case, spaces, dashes, full-width letters), unknown cards, cash, card, new gift cards,
amounts that are zero, negative, too much, or exactly what is left. Whatever happens:

- no gift card's balance is ever below zero, and a card loses exactly what its tenders asked;
- money moves one way and is never negative (tenders > 0, change >= 0, tendered - change =
  what was due);
- a refusal is a `ServiceError` / `DomainError` with a code, and writes nothing at all;
- nothing else escapes (no IntegrityError, KeyError, ...).

Seeded and bounded: `EXAMPLES` cases per backend (2 x 150 = 300 commits), no example database,
so CI runs the same cases every time in about 15-40 s.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from hypothesis import event, given, seed, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from pos.db.engine import SessionFactory
from pos.db.records import (
    AuditEntryRecord,
    CounterDocumentRecord,
    DocumentTenderRecord,
    GiftCardEntryRecord,
    OutboxMessageRecord,
    PrintJobRecord,
    StockMovementRecord,
)
from pos.db.returns import gift_card_balance, issue_gift_card, load_context
from pos.domain.errors import DomainError
from pos.domain.money import Money
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.scan import normalise_gift_card_code
from pos.domain.settlement import Tender, TenderMethod
from pos.services.errors import ServiceError
from tests.support.shop import NOW, Shop, build_shop, sell

EXAMPLES = 150
_numbers = itertools.count(70000)

SPELLINGS: list[Callable[[str], str]] = [
    lambda c: c,
    str.lower,
    lambda c: f"  {c} ",
    lambda c: "-".join(c[i:i + 4] for i in range(0, 16, 4)).lower(),
    lambda c: " ".join(c[i:i + 4] for i in range(0, 16, 4)),
    lambda c: f"{c[:8]}\u2013{c[8:]}\u00a0",  # en dash, no-break space
    lambda c: "".join(chr(ord(ch) + 0xFEE0) for ch in c),  # full-width forms
]
# (sku of the new item, or None for a plain refund): higher, lower and equal balances.
SHAPES = [("JEA-M", 1)] * 3 + [("JEA-M", 3)] * 2 + [("ÉCH-M", 1)] * 2 + [("T-S-L", 1), (None, 0)]

# Weighted towards gift cards and amounts that fit, so most lists reach the balance checks.
METHODS = ["gift0"] * 6 + ["gift1"] * 3 + ["cash", "card", "card", "new_gift_card", "unknown"]
AMOUNTS = (["rest"] * 8 + ["card_balance"] * 4 + ["card_rest"] * 6 + ["half"] * 4
           + ["literal"] * 6 + ["zero", "-1"])
tender_specs = st.lists(st.tuples(
    st.sampled_from(METHODS), st.sampled_from(AMOUNTS), st.integers(1, 12000),
    st.sampled_from(range(len(SPELLINGS))),
), max_size=4)
# Often the list is closed by one more tender of exactly what is left (when anything is).
closers = st.sampled_from([None, "cash", "card", "gift0", "gift1"])


@pytest.fixture
def shop(sessions: SessionFactory) -> Shop:
    return build_shop(sessions, stock=10_000)


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def snapshot(shop: Shop) -> dict[str, object]:
    """Everything a commit writes, counted, and every card's balance."""
    with shop.sessions() as s:
        counts = {record.__tablename__: s.scalar(select(func.count()).select_from(record))
                  for record in (CounterDocumentRecord, DocumentTenderRecord, GiftCardEntryRecord,
                                 OutboxMessageRecord, PrintJobRecord, StockMovementRecord,
                                 AuditEntryRecord)}
        cards = dict(s.execute(select(GiftCardEntryRecord.gift_card_id,
                                      func.sum(GiftCardEntryRecord.amount_minor))
                               .group_by(GiftCardEntryRecord.gift_card_id)).all())
    return counts | {"cards": cards}


def card_balance(shop: Shop, code: str) -> int:
    with shop.sessions() as s:
        found = gift_card_balance(s, code, lock=False)
    assert found is not None
    return found[1].minor


def make_tenders(specs, close, codes: list[str], balances: list[int], due: int) -> list[Tender]:  # type: ignore[no-untyped-def]
    tenders, so_far = [], 0
    for method, kind, literal, spelling in specs:
        card = {"gift0": 0, "gift1": 1}.get(method)
        amount = {"rest": due - so_far, "card_balance": balances[card] if card is not None
                  else due, "half": (due + 1) // 2, "literal": literal, "zero": 0, "-1": -1,
                  "card_rest": min(balances[card if card is not None else 0], due - so_far)}[kind]
        if amount <= 0 and kind not in ("zero", "-1"):
            amount = literal  # the balance is reached (or zero): a further tender overshoots it
        if method in ("gift0", "gift1", "unknown"):
            code = codes[card] if card is not None else "ZZZZ2222ZZZZ2222"
            tender = Tender(TenderMethod.GIFT_CARD, eur(amount),
                            gift_card_code=SPELLINGS[spelling](code))
        else:
            tender = Tender(TenderMethod(method), eur(amount))
        tenders.append(tender)
        so_far += amount
    if close is not None and due > so_far:
        tenders.extend(make_tenders([(close, "rest", 1, 0)], None, codes, balances, due - so_far))
    return tenders


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)
@seed(20261207)
@settings(max_examples=EXAMPLES, database=None)
@given(shape=st.sampled_from(SHAPES), card_minor=st.tuples(st.integers(1, 12000),
                                                            st.integers(1, 12000)),
       specs=tender_specs, close=closers)
def test_any_tender_list_keeps_the_money_invariants(shop: Shop, shape, card_minor, specs,  # type: ignore[no-untyped-def]
                                                    close) -> None:
    sku, quantity = shape
    order = sell(shop, str(next(_numbers)), [("T-S-M", 1)])
    with shop.sessions.begin() as s:
        codes = [issue_gift_card(s, amount=eur(minor), kind="gift_card", customer_id=None,
                                 document_id=None, now=NOW)[1] for minor in card_minor]
        line = load_context(s, order).snapshot.lines[0].line_id
    returns = (ReturnRequest(line, 1),)
    if sku is None:
        draft = Draft(DocumentKind.REFUND, returns)
    else:
        new = shop.returns.new_item(order_id=order, code=sku, quantity=quantity)
        draft = Draft(DocumentKind.EXCHANGE, returns, (new,))
    balance = shop.returns.quote(order, draft).balance.minor
    tenders = make_tenders(specs, close, codes, list(card_minor), abs(balance))
    before = snapshot(shop)
    try:
        done = shop.returns.commit(shop.cashier, order, draft, tenders)
    except (ServiceError, DomainError) as refusal:
        assert isinstance(refusal.code, str) and refusal.code  # type: ignore[attr-defined]
        event(f"refused: {refusal.code}")  # type: ignore[attr-defined]
        assert snapshot(shop) == before, refusal  # nothing written on refusal
        assert [card_balance(shop, c) for c in codes] == list(card_minor)
        return
    event("accepted")
    # Accepted: each card lost exactly what its tenders asked, and never went below zero.
    for code, start in zip(codes, card_minor, strict=True):
        asked = sum(t.amount.minor for t in tenders if t.method is TenderMethod.GIFT_CARD
                    and t.gift_card_code == normalise_gift_card_code(code))
        assert card_balance(shop, code) == start - asked >= 0
    with shop.sessions() as s:
        negative = s.scalar(select(func.count()).select_from(
            select(GiftCardEntryRecord.gift_card_id).group_by(GiftCardEntryRecord.gift_card_id)
            .having(func.sum(GiftCardEntryRecord.amount_minor) < 0).subquery()))
        stored = s.execute(select(DocumentTenderRecord.direction,
                                  DocumentTenderRecord.amount_minor,
                                  DocumentTenderRecord.change_minor)
                           .where(DocumentTenderRecord.document_id == done.document_id)).all()
    assert negative == 0
    assert all(amount > 0 and change >= 0 for _, amount, change in stored)
    paid = sum(amount - change for _, amount, change in stored)
    assert paid == abs(balance) >= 0
    assert {direction for direction, _, _ in stored} <= {"in" if balance > 0 else "out"}
