"""`comptoir gift-card`: register a paper card, read balances, refusals as sentences and codes."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from pos.cli import main


def test_register_then_read_the_balance(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["gift-card", "register", "gc-2019 0042", "25,00", "--currency", "eur", "--db", db_url]
    assert main([*args, "--note", "paper register p. 12"]) == 0
    assert capsys.readouterr().out.split() == ["GC20190042", "gift_card", "25.00", "EUR"]
    assert main(["gift-card", "balance", "GC-2019-0042", "--db", db_url, "--json"]) == 0
    card = json.loads(capsys.readouterr().out)
    assert {k: card[k] for k in ("code", "kind", "balance", "currency", "expired")} == {
        "code": "GC20190042", "kind": "gift_card", "balance": "25.00", "currency": "EUR",
        "expired": False}
    assert date.fromisoformat(card["valid_until"]) > date.today()  # 12 months from today


def test_the_balance_of_an_expired_card_says_it_can_no_longer_pay(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from pos.db.returns import issue_gift_card
    from pos.domain.money import Money
    from pos.wiring import Store

    with Store.open(db_url) as store, store.sessions.begin() as s:  # a card sold in 2019
        issue_gift_card(s, amount=Money(2500, "EUR"), kind="gift_card", customer_id=None,
                        document_id=None, now=datetime(2019, 3, 1, 12, 0, tzinfo=UTC),
                        code="OLD2019")
    assert main(["gift-card", "balance", "old-2019", "--db", db_url]) == 0
    assert capsys.readouterr().out.strip() == (
        "OLD2019  gift_card  25.00 EUR  expired (valid until 2020-03-01): it can no longer pay")
    assert main(["gift-card", "balance", "OLD2019", "--db", db_url, "--json"]) == 0
    card = json.loads(capsys.readouterr().out)
    assert (card["balance"], card["valid_until"], card["expired"]) == ("25.00", "2020-03-01",
                                                                       True)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["balance", "NOPE1234"], "no card has the code NOPE1234"),
        (["balance", "!!"], "!! is not a card code"),
        (["register", "P0001", "0", "--currency", "EUR"], "more than zero"),
        (["register", "P0001", "1.005", "--currency", "EUR"], "more decimals than EUR has"),
        (["register", "P0001", "5", "--currency", "euros"], "not a currency code"),
    ],
)
def test_refusals_are_one_sentence_and_exit_1(
    db_url: str, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["gift-card", *argv, "--db", db_url]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_a_code_already_registered_is_refused(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["gift-card", "register", "P0001", "5", "--currency", "EUR", "--db", db_url]
    assert main(args) == 0
    assert main(args) == 1
    assert "already registered" in capsys.readouterr().err


def test_an_unusable_database_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gift-card", "balance", "P0001", "--db", "mysql://nowhere/shop"]) == 2
    assert capsys.readouterr().err.startswith("comptoir gift-card balance: ")


def test_a_paper_card_is_registered_to_the_customer_named(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from pos.db.orders import record_order
    from pos.services.gift_cards import GiftCardError
    from pos.wiring import Store
    from tests.support.builders import order

    with Store.open(db_url) as store, store.sessions.begin() as s:
        record_order(s, order("20001", email="helene.lefevre@example.fr"))
        record_order(s, order("20002", first="Hélène", last="Martin",
                              email="helene.martin@example.fr", phone=None))
    args = ["gift-card", "register", "--currency", "EUR", "--db", db_url]
    assert main([*args, "P0001", "5", "--customer", "HELENE.LEFEVRE@example.fr"]) == 0
    assert main([*args, "P0002", "5", "--customer", "helene"]) == 1
    assert "2 customers match helene" in capsys.readouterr().err
    assert main([*args, "P0003", "5", "--customer", "nobody@example.fr"]) == 1
    assert "no customer matches nobody@example.fr" in capsys.readouterr().err
    with Store.open(db_url) as store:
        [lefevre] = store.customers.find("lefevre")
        assert [c.code for c in store.customers.cards(lefevre.customer_id)] == ["P0001"]
        with pytest.raises(GiftCardError):  # refused before anything was written
            store.gift_cards.balance("P0002")
