"""Gift cards outside a document: a paper card registered, balances read, chosen codes honoured."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pos.domain.money import Money
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.roles import Role
from pos.domain.settlement import Tender, TenderMethod
from pos.services.errors import PermissionDeniedError
from pos.services.gift_cards import GiftCardError
from pos.wiring import Store
from tests.support.clock import FakeClock
from tests.sync.test_wix_orders import eur_order, eur_transactions

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


@pytest.fixture
def store(db_url: str):  # type: ignore[no-untyped-def]
    with Store.open(db_url, terminal_id="T3", clock=FakeClock(NOW)) as opened:
        opened.users.add_user(None, "admin", "Alex Admin", Role.ADMIN, "7391")
        admin = opened.users.login("admin", "7391")
        opened.users.add_user(admin, "camille", "Camille", Role.CASHIER, "2580")
        opened.users.add_user(admin, "maxime", "Maxime", Role.MANAGER, "4826")
        opened.cash.open(admin, eur(0))  # a counter document needs T3's drawer open
        yield opened


def test_a_paper_card_is_registered_then_read_and_spent_at_the_counter(store: Store) -> None:
    manager = store.users.login("maxime", "4826")
    card = store.gift_cards.register(manager, "gc-2019 0042", eur(2500), note="register p. 12")
    assert (card.code, card.kind, card.balance) == ("GC20190042", "gift_card", eur(2500))
    assert store.gift_cards.balance(" Gc-2019-0042 ").balance == eur(2500)
    # Spent at the counter on an exchange that costs more: typed the way it is printed.
    store.catalogue.record_variant(sku="TSH-M", product_name="T-shirt", price=eur(2990),
                                   tax_rate="20", on_hand=5)  # fmt: skip
    store.catalogue.record_variant(sku="SWT-L", product_name="Sweat", price=eur(5990),
                                   tax_rate="20", on_hand=5)  # fmt: skip
    order_id = store.orders.record_wix_order(eur_order(), eur_transactions())
    line = store.history.order_detail(order_id).lines[0]
    draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(str(line.line_id), 1),),
                  (store.returns.new_item(order_id=order_id, code="SWT-L"),))  # fmt: skip
    due = store.returns.quote(order_id, draft).to_collect
    cashier = store.users.login("camille", "2580")
    store.returns.commit(cashier, order_id, draft, [
        Tender(TenderMethod.GIFT_CARD, eur(2000), gift_card_code="GC-2019-0042"),
        Tender(TenderMethod.CASH, due - eur(2000))])  # fmt: skip
    assert store.gift_cards.balance("GC20190042").balance == eur(500)


def test_registering_is_refused_for_a_cashier_a_taken_code_or_a_bad_one(store: Store) -> None:
    manager, cashier = store.users.login("maxime", "4826"), store.users.login("camille", "2580")
    with pytest.raises(PermissionDeniedError):
        store.gift_cards.register(cashier, "PAPER0001", eur(1000))
    store.gift_cards.register(manager, "PAPER0001", eur(1000), kind="store_credit")
    refusals = {
        "gift_card_code_taken": lambda: store.gift_cards.register(manager, "paper-0001", eur(5)),
        "gift_card_code_invalid": lambda: store.gift_cards.register(manager, "é!", eur(5)),
        "gift_card_amount_invalid": lambda: store.gift_cards.register(manager, "P0002", eur(0)),
        "gift_card_kind_invalid": lambda: store.gift_cards.register(
            manager, "P0003", eur(5), kind="voucher"),
        "gift_card_not_found": lambda: store.gift_cards.balance("NOPE1234"),
    }  # fmt: skip
    for code, action in refusals.items():
        with pytest.raises(GiftCardError) as refused:
            action()
        assert refused.value.code == code
    assert store.gift_cards.balance("PAPER0001").kind == "store_credit"


def _refund_one_tee(store: Store) -> tuple[int, Draft]:
    store.catalogue.record_variant(sku="TSH-M", product_name="T-shirt", price=eur(2990),
                                   tax_rate="20", on_hand=5)  # fmt: skip
    order_id = store.orders.record_wix_order(eur_order(), eur_transactions())
    line = store.history.order_detail(order_id).lines[0]
    return order_id, Draft(DocumentKind.REFUND, (ReturnRequest(str(line.line_id), 1),))


def test_a_new_gift_card_takes_the_code_of_the_card_the_cashier_chose(store: Store) -> None:
    order_id, draft = _refund_one_tee(store)
    cashier = store.users.login("camille", "2580")
    refund = store.returns.quote(order_id, draft).to_refund
    done = store.returns.commit(cashier, order_id, draft, [
        Tender(TenderMethod.NEW_GIFT_CARD, refund, gift_card_code="shop-card 0007")])
    assert [card.code for card in done.issued_cards] == ["SHOPCARD0007"]
    assert store.gift_cards.balance("SHOPCARD0007").balance == refund


def test_a_chosen_code_already_on_a_card_is_refused_and_nothing_is_written(store: Store) -> None:
    order_id, draft = _refund_one_tee(store)
    manager, cashier = store.users.login("maxime", "4826"), store.users.login("camille", "2580")
    store.gift_cards.register(manager, "SHOPCARD0007", eur(1000))
    refund = store.returns.quote(order_id, draft).to_refund
    for tenders, code in (
        ([Tender(TenderMethod.STORE_CREDIT, refund, gift_card_code="shopcard0007")],
         "gift_card_code_taken"),
        ([Tender(TenderMethod.NEW_GIFT_CARD, eur(1000), gift_card_code="NEW00001"),
          Tender(TenderMethod.NEW_GIFT_CARD, refund - eur(1000), gift_card_code="new-00001")],
         "gift_card_code_taken"),
        ([Tender(TenderMethod.NEW_GIFT_CARD, refund, gift_card_code="**")],
         "gift_card_code_invalid"),
    ):  # fmt: skip
        with pytest.raises(GiftCardError) as refused:
            store.returns.commit(cashier, order_id, draft, tenders)
        assert refused.value.code == code
    assert store.history.order_detail(order_id).documents == ()
    assert store.gift_cards.balance("SHOPCARD0007").balance == eur(1000)
