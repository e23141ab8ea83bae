"""A gift card or store credit past its validity cannot pay, on both databases: the commit is
refused with the card's last valid day and nothing is written; its last valid day still pays
(counted in the shop's days); a validity of 0 months never ends; the balance says it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from pos.db.engine import SessionFactory
from pos.db.records import (
    AuditEntryRecord,
    CounterDocumentRecord,
    GiftCardEntryRecord,
    OutboxMessageRecord,
    PrintJobRecord,
    StockMovementRecord,
)
from pos.db.returns import issue_gift_card
from pos.domain.money import Money
from pos.domain.settlement import Tender, TenderMethod
from pos.domain.shop_identity import ShopIdentity
from pos.services.gift_cards import GiftCardError, GiftCardService
from pos.services.returns import CommittedDocument
from pos.wiring import Store
from tests.services.test_gift_card_tenders import balance, higher_exchange
from tests.support.shop import Shop, build_shop

ISSUED_LAST_YEAR = datetime(2025, 11, 19, 10, 0, tzinfo=UTC)  # valid until 19 Nov 2026
# 00:30 in Paris on 20 Nov 2025: the shop's day is the 20th, so the card pays until today.
ISSUED_LATE_EVENING_UTC = datetime(2025, 11, 19, 23, 30, tzinfo=UTC)


@pytest.fixture
def shop(sessions: SessionFactory) -> Shop:
    return build_shop(sessions)


def issue(shop: Shop, minor: int, when: datetime, kind: str = "store_credit") -> str:
    with shop.sessions.begin() as s:
        _, code = issue_gift_card(s, amount=Money(minor, "EUR"), kind=kind, customer_id=None,
                                  document_id=None, now=when)
    return code


def counts(shop: Shop) -> tuple[int, ...]:
    records = (CounterDocumentRecord, GiftCardEntryRecord, PrintJobRecord, OutboxMessageRecord,
               StockMovementRecord, AuditEntryRecord)
    with shop.sessions() as s:
        return tuple(s.scalar(select(func.count()).select_from(r)) or 0 for r in records)


def pay_with(shop: Shop, number: str, code: str) -> CommittedDocument:
    order, draft = higher_exchange(shop, number)  # 50.00 to collect
    return shop.returns.commit(shop.cashier, order, draft, [
        Tender(TenderMethod.GIFT_CARD, Money(3000, "EUR"), gift_card_code=code),
        Tender(TenderMethod.CASH, Money(2000, "EUR"))])


def test_a_card_past_its_validity_is_refused_and_nothing_is_written(shop: Shop) -> None:
    code = issue(shop, 5000, ISSUED_LAST_YEAR)  # 12 months: the default until Settings says
    before = counts(shop)
    with pytest.raises(GiftCardError) as refused:
        pay_with(shop, "91001", code.lower())
    assert refused.value.code == "gift_card_expired"
    assert refused.value.params == {"code": code, "valid_until": date(2026, 11, 19)}
    assert counts(shop) == before and balance(shop, code) == 5000
    view = GiftCardService(sessions=shop.sessions, clock=shop.clock).balance(code)
    assert (view.balance, view.valid_until, view.expired) == (
        Money(5000, "EUR"), date(2026, 11, 19), True)


def test_its_last_valid_day_in_the_shop_s_time_zone_still_pays(shop: Shop) -> None:
    code = issue(shop, 5000, ISSUED_LATE_EVENING_UTC, kind="gift_card")
    view = GiftCardService(sessions=shop.sessions, clock=shop.clock).balance(code)
    assert (view.valid_until, view.expired) == (date(2026, 11, 20), False)  # today
    pay_with(shop, "91002", code)
    assert balance(shop, code) == 2000


def test_a_validity_of_zero_months_never_ends(shop: Shop) -> None:
    code = issue(shop, 5000, datetime(2019, 3, 1, 12, 0, tzinfo=UTC))
    store = Store(sessions=shop.sessions, clock=shop.clock, terminal_id="T1")
    admin = shop.users.login("admin", "7391")
    store.shop.save(admin, ShopIdentity("Boutique Lumière", card_validity_months=0))
    view = store.gift_cards.balance(code)
    assert (view.valid_until, view.expired) == (None, False)
    pay_with(shop, "91003", code)
    assert balance(shop, code) == 2000
    # Back to 24 months: the 2019 card is past it again, and refused.
    store.shop.save(admin, ShopIdentity("Boutique Lumière", card_validity_months=24))
    with pytest.raises(GiftCardError) as refused:
        pay_with(shop, "91004", code)
    assert refused.value.params["valid_until"] == date(2021, 3, 1)
