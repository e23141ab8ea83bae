"""The order search index and `search_orders`: keys, re-indexing, pages, bounds; both backends."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from pos.db.engine import SessionFactory
from pos.db.orders import record_order
from pos.db.search import FTS_PREFIX_MAX, MAX_PAGE, search_orders
from pos.domain.search_text import chrono_base, parse_query
from pos.services.history import SalesHistoryService
from tests.support.builders import T0, order
from tests.support.clock import FakeClock

SURNAMES = ["Lefèvre", "Lefebvre", "Martin", "Martinez", "Dupont"]


def _search(sessions: SessionFactory, query: str, **options) -> list[str]:
    with sessions() as s:
        return [hit.number for hit in search_orders(s, parse_query(query), **options)]


def _index_rows(sessions: SessionFactory) -> int:
    with sessions() as s:
        return s.execute(text("SELECT count(*) FROM order_search")).scalar_one()


@pytest.fixture
def many(sessions: SessionFactory) -> list[str]:
    """57 orders, one every 7 hours, five surnames in turn; numbers 50000…50056."""
    with sessions.begin() as s:
        for n in range(57):
            record_order(
                s,
                order(
                    str(50000 + n),
                    first="Anne",
                    last=SURNAMES[n % len(SURNAMES)],
                    email=None,
                    at=T0 - timedelta(hours=7 * (57 - n)),
                ),
            )
    return [str(50000 + n) for n in reversed(range(57))]  # newest first


def test_one_index_row_per_order_and_recording_twice_changes_nothing(
    sessions: SessionFactory,
) -> None:
    for _ in range(2):
        with sessions.begin() as s:
            record_order(s, order("10234"))
    assert _index_rows(sessions) == 1
    assert _search(sessions, "hélène") == ["10234"]


def test_renamed_customer_is_re_indexed(sessions: SessionFactory) -> None:
    with sessions.begin() as s:
        record_order(s, order("10234", last="Lefèvre", email=None))
    with sessions.begin() as s:
        record_order(s, order("10234", last="Moreau", email=None))
    assert _index_rows(sessions) == 1
    assert _search(sessions, "moreau") == ["10234"]
    assert _search(sessions, "lefevre") == []


def test_orders_in_the_same_millisecond_are_all_found_newest_key_first(
    sessions: SessionFactory,
) -> None:
    with sessions.begin() as s:
        for n in range(4):
            record_order(s, order(str(70000 + n), at=T0))
    assert _search(sessions, "helene") == ["70003", "70002", "70001", "70000"]


def test_words_longer_than_the_prefix_index_are_checked_in_full(sessions: SessionFactory) -> None:
    with sessions.begin() as s:
        record_order(s, order("1", first="Maximilien", last="Roussel", email=None))
        record_order(
            s, order("2", first="Maximiliana", last="Rousseau", email=None, at=T0 + timedelta(1))
        )
    assert len("maximilien") > FTS_PREFIX_MAX
    assert _search(sessions, "maximili") == ["2", "1"]
    assert _search(sessions, "maximilien") == ["1"]
    assert _search(sessions, "maximiliana rou") == ["2"]
    assert _search(sessions, "maximiliens") == []


def test_pages_walk_every_match_once_newest_first(
    sessions: SessionFactory, many: list[str]
) -> None:
    seen: list[str] = []
    before = None
    with sessions() as s:
        while True:
            hits = search_orders(s, parse_query("anne"), limit=10, before=before)
            if not hits:
                break
            seen += [hit.number for hit in hits]
            before = hits[-1].search_key
    assert seen == many


def test_service_pages_are_stable_while_new_orders_arrive(
    sessions: SessionFactory, many: list[str]
) -> None:
    history = SalesHistoryService(sessions=sessions, clock=FakeClock(T0))
    seen: list[str] = []
    cursor = None
    for page_number in range(20):
        page = history.search("Anne", limit=8, before=cursor)
        seen += [row.number for row in page.results]
        with sessions.begin() as s:  # a web order lands while the cashier scrolls
            record_order(s, order(str(90000 + page_number), first="Anne", at=T0))
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert seen == many
    assert len(set(seen)) == len(seen)


def test_number_pages_list_the_exact_match_once(sessions: SessionFactory) -> None:
    with sessions.begin() as s:
        record_order(s, order("500", at=T0 - timedelta(days=30)))  # the oldest
        for n in range(10):
            record_order(s, order(str(5000 + n), at=T0 - timedelta(days=10 - n)))
        record_order(s, order("5010", at=T0))  # not a prefix match
    history = SalesHistoryService(sessions=sessions, clock=FakeClock(T0))
    seen, cursor = [], None
    while True:
        page = history.search("500", limit=5, before=cursor)
        seen += [(row.number, row.exact) for row in page.results]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert seen[0] == ("500", True)
    assert [number for number, _ in seen[1:]] == [str(5000 + n) for n in reversed(range(10))]


def test_date_bounds_are_key_bounds(sessions: SessionFactory, many: list[str]) -> None:
    newest = T0 - timedelta(hours=7)
    assert _search(sessions, "anne", since=newest) == ["50056"]
    assert _search(sessions, "anne", until=newest, limit=2) == ["50055", "50054"]
    assert _search(sessions, "anne", since=newest, until=newest) == []
    assert _search(sessions, "mart", since=newest - timedelta(hours=28)) == ["50053", "50052"]


def test_limit_is_clamped(sessions: SessionFactory, many: list[str]) -> None:
    assert len(_search(sessions, "anne", limit=0)) == 1
    assert len(_search(sessions, "anne", limit=10_000)) == min(57, MAX_PAGE)


def test_receipt_has_no_second_page(sessions: SessionFactory, many: list[str]) -> None:
    assert _search(sessions, "CPT:O:50003") == ["50003"]
    assert _search(sessions, "CPT:O:50003", before=2**61) == []


@pytest.mark.parametrize(
    "query", ['anne" OR "x', "anne*", "NEAR(anne martin)", "anne:* | x", "'); --", "\\x00"]
)
def test_query_syntax_never_reaches_the_index(
    sessions: SessionFactory, many: list[str], query: str
) -> None:
    assert isinstance(_search(sessions, query), list)


def test_a_search_in_an_open_transaction_sees_its_own_rows(sessions: SessionFactory) -> None:
    """A fresh session's search reads in autocommit on PostgreSQL; an open one reads in it."""
    with sessions.begin() as s:
        record_order(s, order("61000", last="Zanetti", email=None))
        assert [hit.number for hit in search_orders(s, parse_query("zanetti"))] == ["61000"]
        assert [hit.number for hit in search_orders(s, parse_query("61000"))] == ["61000"]
    assert _search(sessions, "zan") == ["61000"]
    assert _search(sessions, "61000") == ["61000"]


def test_later_pages_of_a_number_shared_by_several_orders_are_full(
    sessions: SessionFactory,
) -> None:
    """Exact matches are left out of later pages, however many there are (here 3)."""
    with sessions.begin() as s:
        for n in range(2):  # newer prefix matches
            record_order(s, order(f"70707{n}1", at=T0 - timedelta(days=1 + n)))
        for n, channel in enumerate(("WEB", "POS", "PHONE")):  # one number on three channels
            record_order(s, order("70707", channel=channel, at=T0 - timedelta(days=5 + n)))
        for n in range(4):  # older prefix matches
            record_order(s, order(f"70707{n}", at=T0 - timedelta(days=20 + n)))
    first = _search(sessions, "70707", limit=4)
    later = _search(sessions, "70707", limit=4, before=chrono_base(T0))
    assert first == ["70707"] * 3 + ["7070701"]
    assert later == ["7070701", "7070711", "707070", "707071"]
