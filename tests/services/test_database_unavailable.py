"""A SQLite lock held past the busy timeout is `DatabaseUnavailableError`, and nothing is lost."""

from __future__ import annotations

import pytest

from pos.db.engine import DatabaseUnavailableError
from pos.db.returns import load_context
from pos.domain.money import Money
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.roles import Role
from pos.domain.settlement import Tender, TenderMethod
from tests.support.locks import LockedShop, document_count, locked_shop, write_lock_held
from tests.support.shop import sell


def test_a_commit_behind_a_held_lock_raises_the_documented_error(
    locked_shop: LockedShop,
) -> None:
    shop, sqlite_url = locked_shop.shop, locked_shop.url
    order = sell(shop, "9001", [("T-S-M", 1)])
    with shop.sessions() as s:
        line = load_context(s, order).snapshot.lines[0].line_id
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(line, 1),))
    cash = [Tender(TenderMethod.CASH, Money(2990, "EUR"))]
    with write_lock_held(sqlite_url), pytest.raises(DatabaseUnavailableError) as raised:
        shop.returns.commit(shop.cashier, order, draft, cash)
    error = raised.value
    assert (error.code, error.reason, error.where) == (
        "database_unavailable", "locked", sqlite_url.removeprefix("sqlite:///"))
    assert "stayed locked" in str(error) and "try again" in str(error)
    assert document_count(shop) == 0  # nothing half-written
    # The lock is gone: the very same call goes through.
    assert shop.returns.commit(shop.cashier, order, draft, cash).number == "T1-000001"
    assert document_count(shop) == 1


def test_any_write_behind_a_held_lock_raises_it(locked_shop: LockedShop) -> None:
    shop, sqlite_url = locked_shop.shop, locked_shop.url
    admin = shop.users.login("admin", "7391")
    with write_lock_held(sqlite_url), pytest.raises(DatabaseUnavailableError):
        shop.users.add_user(admin, "lea", "Léa", Role.CASHIER, "3691")
    with write_lock_held(sqlite_url):  # readers are not held up by a writer (WAL)
        assert len(shop.users.list_users()) == 3
    shop.users.add_user(admin, "lea", "Léa", Role.CASHIER, "3691")
    assert len(shop.users.list_users()) == 4


__all__ = ["locked_shop"]  # the fixture, imported for pytest
