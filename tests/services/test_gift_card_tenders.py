"""Gift cards at the commit: one card however its code is typed, never below zero."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from pos.db.engine import SessionFactory
from pos.db.records import CounterDocumentRecord, DocumentTenderRecord, GiftCardEntryRecord
from pos.db.returns import gift_card_balance, issue_gift_card, load_context
from pos.domain.errors import SettlementError
from pos.domain.money import Money
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from tests.support.shop import NOW, Shop, build_shop, sell


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


@pytest.fixture
def shop(sessions: SessionFactory) -> Shop:
    return build_shop(sessions)


def issue(shop: Shop, minor: int) -> str:
    with shop.sessions.begin() as s:
        _, code = issue_gift_card(s, amount=eur(minor), kind="gift_card", customer_id=None,
                                  document_id=None, now=NOW)
    return code


def balance(shop: Shop, code: str) -> int:
    with shop.sessions() as s:
        found = gift_card_balance(s, code, lock=False)
    assert found is not None
    return found[1].minor


def higher_exchange(shop: Shop, number: str) -> tuple[int, Draft]:
    """T-shirt M (29.90) back, jean M (79.90) out: 50.00 to collect."""
    order = sell(shop, number, [("T-S-M", 1)])
    with shop.sessions() as s:
        line = load_context(s, order).snapshot.lines[0].line_id
    new = shop.returns.new_item(order_id=order, code="JEA-M")
    return order, Draft(DocumentKind.EXCHANGE, (ReturnRequest(line, 1),), (new,))


def spoken(code: str) -> str:
    """The same code as a cashier might type it: lower case, grouped, padded."""
    return f"  {code[:4].lower()}-{code[4:8]} {code[8:12].lower()}-{code[12:]} "


@pytest.mark.parametrize(("first", "second", "spelling"), [
    (1500, 1500, str.lower), (2000, 2000, lambda code: f" {code} "), (1500, 1500, spoken)])
def test_one_card_typed_two_ways_cannot_pay_twice(shop: Shop, first: int, second: int,
                                                  spelling: Callable[[str], str]) -> None:
    # A 29.90 card, asked for 15.00 + 15.00 (or 20 + 20) under two spellings of its code:
    # each tender alone fits the balance, together they do not (it ended at -0.10 / -10.10).
    code = issue(shop, 2990)
    order, draft = higher_exchange(shop, "50001")
    tenders = [Tender(TenderMethod.GIFT_CARD, eur(first), gift_card_code=code),
               Tender(TenderMethod.GIFT_CARD, eur(second), gift_card_code=spelling(code)),
               Tender(TenderMethod.CASH, eur(5000 - first - second))]
    with pytest.raises(SettlementError) as refused:
        shop.returns.commit(shop.cashier, order, draft, tenders)
    assert refused.value.code == "gift_card_insufficient"
    assert refused.value.params["gift_card_code"] == code
    assert refused.value.params["asked"] == eur(first + second)
    assert balance(shop, code) == 2990
    with shop.sessions() as s:
        assert s.scalar(select(func.count()).select_from(CounterDocumentRecord)) == 0
        assert s.scalar(select(func.count()).select_from(GiftCardEntryRecord)) == 1  # the issue


def test_tenders_on_one_card_add_up_and_the_code_is_stored_once(shop: Shop) -> None:
    code = issue(shop, 4000)
    order, draft = higher_exchange(shop, "50002")
    done = shop.returns.commit(shop.cashier, order, draft, [
        Tender(TenderMethod.GIFT_CARD, eur(1500), gift_card_code=code.lower()),
        Tender(TenderMethod.GIFT_CARD, eur(2500), gift_card_code=spoken(code)),
        Tender(TenderMethod.CASH, eur(1000))])
    assert [t.gift_card_code for t in done.settlement.tenders] == [code, code, None]
    assert balance(shop, code) == 0
    with shop.sessions() as s:
        references = s.scalars(select(DocumentTenderRecord.reference)
                               .where(DocumentTenderRecord.method == "gift_card")).all()
    assert references == [code, code]


def test_a_code_typed_with_spaces_and_dashes_finds_its_card(shop: Shop) -> None:
    code = issue(shop, 6000)
    order, draft = higher_exchange(shop, "50003")
    shop.returns.commit(shop.cashier, order, draft,
                        [Tender(TenderMethod.GIFT_CARD, eur(5000), gift_card_code=spoken(code))])
    assert balance(shop, code) == 1000
