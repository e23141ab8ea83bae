"""Finding orders by the card that paid them: index words kept in step, search on both backends."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from pos.db.engine import SessionFactory
from pos.db.orders import record_order
from pos.db.search import search_orders
from pos.domain.money import Money
from pos.domain.orders import PaymentData
from pos.domain.search_text import parse_query
from pos.services.history import SalesHistoryService
from tests.support.builders import T0, order
from tests.support.clock import FakeClock
from tests.support.search_index import index_words


def _found(sessions: SessionFactory, query: str, **options) -> list[tuple[str, str]]:
    """(number, card it was found by) of each hit, newest first."""
    with sessions() as s:
        return [(hit.number, hit.card) for hit in search_orders(s, parse_query(query), **options)]


def _document(sessions: SessionFactory, number: str) -> set[str]:
    with sessions() as s:
        return index_words(s.connection())[number]


def _shop(sessions: SessionFactory) -> None:
    """Five orders a day apart, oldest first: three paid by Visa 4242, one by a Mastercard
    4242, and 42421, whose number starts with 4242, paid by a card ending 9999."""
    cards = [("4242", "visa"), ("4242", "mastercard"), ("9999", "visa"), ("4242", "visa"),
             ("4242", "visa")]  # fmt: skip
    numbers = ["10001", "10002", "42421", "10004", "10005"]
    with sessions.begin() as s:
        for n, (number, card) in enumerate(zip(numbers, cards, strict=True)):
            record_order(s, order(number, at=T0 + timedelta(days=n), card=card))


def test_masked_card_finds_the_orders_it_paid_newest_first_and_marked(
    sessions: SessionFactory,
) -> None:
    _shop(sessions)
    expected = [("10005", "4242"), ("10004", "4242"), ("10002", "4242"), ("10001", "4242")]
    for typed in ("**** 4242", "•••• 4242", "xxxx 4242", "XXXX-4242"):
        assert _found(sessions, typed) == expected
    assert _found(sessions, "visa 4242") == [("10005", "4242"), ("10004", "4242"),
                                             ("10001", "4242")]  # fmt: skip
    assert _found(sessions, "Mastercard •••• 4242") == [("10002", "4242")]
    assert _found(sessions, "**** 4243") == []


def test_a_card_search_keeps_to_the_date_range_and_pages_by_key(sessions: SessionFactory) -> None:
    _shop(sessions)
    since, until = T0 + timedelta(days=1), T0 + timedelta(days=4)
    assert _found(sessions, "**** 4242", since=since, until=until) == [
        ("10004", "4242"), ("10002", "4242")]  # fmt: skip
    history = SalesHistoryService(sessions=sessions, clock=FakeClock(T0))
    first = history.search("**** 4242", limit=3)
    assert [row.number for row in first.results] == ["10005", "10004", "10002"]
    assert first.next_cursor is not None
    rest = history.search("**** 4242", limit=3, before=first.next_cursor)
    assert [row.number for row in rest.results] == ["10001"] and rest.next_cursor is None


def test_a_bare_four_digit_number_merges_card_and_number_matches_newest_first(
    sessions: SessionFactory,
) -> None:
    """Only the orders the card paid are marked: 42421 is there for its number alone."""
    _shop(sessions)
    assert _found(sessions, "4242") == [
        ("10005", "4242"), ("10004", "4242"), ("42421", ""), ("10002", "4242"), ("10001", "4242")]
    assert _found(sessions, "4242", limit=2) == [("10005", "4242"), ("10004", "4242")]
    history = SalesHistoryService(sessions=sessions, clock=FakeClock(T0))
    first = history.search("4242", limit=2)
    rest = history.search("4242", limit=2, before=first.next_cursor)
    assert [(row.number, row.card) for row in rest.results] == [("42421", ""), ("10002", "4242")]


def test_a_card_search_never_takes_a_number_prefix_for_a_card(sessions: SessionFactory) -> None:
    _shop(sessions)
    assert _found(sessions, "**** 9999") == [("42421", "9999")]
    assert ("42421", "") in _found(sessions, "4242")  # its number, unmarked
    assert "42421" not in [number for number, _ in _found(sessions, "**** 4242")]
    assert _found(sessions, "car") == [] and _found(sessions, "card") == []  # no name prefix


def test_index_words_follow_the_order_imported_updated_and_paid_again(
    sessions: SessionFactory,
) -> None:
    # Imported: its card's words are indexed.
    first = order("10001", card=("4242", "visa"))
    with sessions.begin() as s:
        record_order(s, replace(first, payments=(replace(first.payments[0], wix_payment_id="p1"),)))
    assert {"0c4242", "0c4242visa"} <= _document(sessions, "10001")
    # Updated on Wix: the payment's card now reads 1111 (its brand unknown).
    card = replace(first.payments[0], wix_payment_id="p1", card_last4="1111", card_brand=None)
    with sessions.begin() as s:
        record_order(s, replace(first, payments=(card,)))
    words = _document(sessions, "10001")
    assert "0c1111" in words and not {w for w in words if w.startswith("0c4242")}
    assert _found(sessions, "**** 1111") == [("10001", "1111")]
    assert _found(sessions, "**** 4242") == []
    # A second payment added by another card: both cards find it.
    extra = PaymentData("card", Money(100, "EUR"), T0, reference="**** 5555",
                        wix_payment_id="p2", card_last4="5555", card_brand="amex")
    with sessions.begin() as s:
        record_order(s, replace(first, payments=(card, extra)))
    assert _found(sessions, "amex 5555") == [("10001", "5555")]
    assert {"0c1111", "0c5555", "0c5555amex"} <= _document(sessions, "10001")
    assert _found(sessions, "**** 1111") == [("10001", "1111")]


def test_renaming_the_customer_keeps_the_card_words_of_the_other_orders(
    sessions: SessionFactory,
) -> None:
    with sessions.begin() as s:
        record_order(s, order("10001", card=("4242", "visa"), email="anne@example.fr"))
        record_order(s, order("10002", card=("7777", "cb"), email="anne@example.fr",
                              at=T0 + timedelta(days=1)))  # fmt: skip
    with sessions.begin() as s:  # a new name on the newest order re-indexes the other
        record_order(s, order("10002", card=("7777", "cb"), email="anne@example.fr",
                              last="Moreau", at=T0 + timedelta(days=1)))  # fmt: skip
    assert [n for n, _ in _found(sessions, "moreau")] == ["10002", "10001"]
    assert _found(sessions, "visa 4242") == [("10001", "4242")]
    assert _found(sessions, "cb 7777") == [("10002", "7777")]
