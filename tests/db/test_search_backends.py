"""SQLite and PostgreSQL give the same search results on the same generated shop.

The queries are the benchmark's kinds (benchmarks/search_bench.py), drawn from the shop: full
last names as stored, first names without accents, 1–4 letter prefixes, two-word prefixes,
e-mail prefixes, the commonest surnames, exact order numbers and number prefixes, cards (masked,
with their brand, four bare digits). PostgreSQL
reads the newest keys in order and older ones through GIN: a small window makes both paths
(and the seam between them) answer on a shop of this size.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, text

from pos.db.demo import generate
from pos.db.engine import SessionFactory, make_engine, make_sessions
from pos.db.search import search_orders
from pos.domain.search_text import fold, parse_query
from pos.services.history import SalesHistoryService
from tests.support.clock import FakeClock
from tests.support.databases import DatabaseFactory

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
ORDERS = 2_000
WINDOWS = (1, 37, 400, None)  # all through GIN … the default windows


@pytest.fixture(scope="module")
def shops(database_factory: DatabaseFactory) -> Iterator[dict[str, Engine]]:
    engines = {}
    for backend in ("sqlite", "postgresql"):
        engines[backend] = make_engine(database_factory.new_url(backend))
        generate(engines[backend], orders=ORDERS, seed=11, now=NOW)
    yield engines
    for engine in engines.values():
        engine.dispose()


def _queries(engine: Engine) -> list[str]:
    rng = random.Random(5)
    with engine.connect() as connection:
        people = connection.execute(
            text("SELECT first_name, last_name, email FROM customers ORDER BY id")
        ).all()
        common = connection.scalars(
            text(
                "SELECT last_name FROM customers GROUP BY last_name "
                "ORDER BY count(*) DESC, last_name LIMIT 5"
            )
        ).all()
        numbers = connection.scalars(text("SELECT number FROM orders ORDER BY id")).all()
        cards = connection.execute(text(
            "SELECT card_last4, card_brand FROM payments WHERE card_last4 IS NOT NULL ORDER BY id"
        )).all()
    queries = list(common)
    for first, last, email in rng.sample(people, 12):
        queries += [
            last,
            fold(first),
            fold(last)[: rng.randint(1, 4)],
            f"{fold(first)[: rng.randint(2, 4)]} {fold(last)[: rng.randint(1, 4)]}",
        ]
        if email:
            queries.append(email.split("@")[0][: rng.randint(4, 8)])
    for number in rng.sample(numbers, 8):
        queries += [number, number[: rng.choice((3, 4))]]
    for last4, brand in rng.sample(cards, 6):  # masked, with its brand, bare (+ numbers)
        queries += [f"**** {last4}", f"{brand} {last4}", last4]
    return [*queries, "zzzz", "a b", "0", "33"]


def _pages(sessions: SessionFactory, query: str, window: int | None
           ) -> list[tuple[str, bool, str]]:  # fmt: skip
    """Every hit, page after page of 20 (the keyset seam between pages included)."""
    seen: list[tuple[str, bool, str]] = []
    before = None
    with sessions() as session:
        while True:
            hits = search_orders(
                session, parse_query(query), limit=20, before=before, window=window
            )
            seen += [(hit.number, hit.exact, hit.card) for hit in hits]
            paged = [hit for hit in hits if not hit.exact]
            if len(hits) < 20 or not paged or len(seen) > 300:
                return seen
            before = paged[-1].search_key


def test_every_benchmark_kind_of_query_gives_the_same_orders(shops: dict[str, Engine]) -> None:
    queries = _queries(shops["sqlite"])
    sqlite, postgres = (make_sessions(shops[name]) for name in ("sqlite", "postgresql"))
    found = 0
    for query in queries:
        expected = _pages(sqlite, query, None)
        found += bool(expected)
        for window in WINDOWS:
            assert _pages(postgres, query, window) == expected, (query, window)
    assert found >= len(queries) - 3  # the drawn queries do find orders


def test_service_pages_and_date_bounds_agree(shops: dict[str, Engine]) -> None:
    services = {
        name: SalesHistoryService(sessions=make_sessions(engine), clock=FakeClock(NOW))
        for name, engine in shops.items()
    }
    since, until = datetime(2025, 6, 1, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC)
    for query in _queries(shops["sqlite"])[::3]:
        pages = {}
        for name, service in services.items():
            page = service.search(query, limit=50, since=since, until=until)
            after = (
                service.search(query, limit=50, before=page.next_cursor)
                if (page.next_cursor)
                else None
            )
            pages[name] = (page, after)
        assert pages["sqlite"] == pages["postgresql"], query
