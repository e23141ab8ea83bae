"""`comptoir gift-card`: register a paper card, read balances, refusals as sentences and codes."""

from __future__ import annotations

import json

import pytest

from pos.cli import main


def test_register_then_read_the_balance(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["gift-card", "register", "gc-2019 0042", "25,00", "--currency", "eur", "--db", db_url]
    assert main([*args, "--note", "paper register p. 12"]) == 0
    assert capsys.readouterr().out.split() == ["GC20190042", "gift_card", "25.00", "EUR"]
    assert main(["gift-card", "balance", "GC-2019-0042", "--db", db_url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "code": "GC20190042", "kind": "gift_card", "balance": "25.00", "currency": "EUR"}


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
