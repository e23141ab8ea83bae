"""Sales-history search latency at a million orders: SQLite FTS5, a naive LIKE scan, PostgreSQL.

Usage: .venv/bin/python benchmarks/search_bench.py [--db PATH] [--orders N] [--queries N]
[--seed N] [--pg-url URL [--pg-reuse] | --no-pg]. Prints JSON and writes
benchmarks/results/search.json.
Queries are drawn from the database itself with a fixed seed; every search goes through
`SalesHistoryService.search`, the function the counter screen calls.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from pos.db.engine import make_engine, make_sessions  # noqa: E402
from pos.db.migrate import upgrade  # noqa: E402
from pos.db.search import PG_DOCUMENT  # noqa: E402
from pos.domain.clock import SystemClock  # noqa: E402
from pos.domain.search_text import fold  # noqa: E402
from pos.services.history import SalesHistoryService  # noqa: E402

DEFAULT_DB = ROOT / "benchmarks" / "data" / "orders-1m.sqlite3"
RESULTS = ROOT / "benchmarks" / "results" / "search.json"
PAGE = 50
COUNTS = "(SELECT count(*) FROM orders), (SELECT count(*) FROM customers)"
TARGETS_MS = {
    "number_exact_p95": 1.0, "customer_p95": 10.0, "card_p95": 10.0, "speedup_min": 50.0,
}  # fmt: skip


def ensure_database(path: Path, orders: int, seed: int) -> None:
    """Generate `orders` orders into a new file with the demo generator, unless it exists."""
    if path.exists():
        return
    from pos.db.demo import generate

    engine = make_engine(str(path))
    upgrade(engine)
    started = time.perf_counter()
    generate(engine, orders=orders, seed=seed)
    engine.dispose()
    print(f"generated {orders} orders in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def upgrade_file(path: Path) -> float:
    """Bring the file to the current schema as the app does at start (its seconds; 0 if none)."""
    engine = make_engine(str(path))
    try:
        started = time.perf_counter()
        upgrade(engine)
        return round(time.perf_counter() - started, 1)
    finally:
        engine.dispose()


# Same definition as create_search_index() in migrations/versions/0001_initial_schema.py.
FTS_DEFINITION = (
    "CREATE VIRTUAL TABLE order_search USING fts5(doc, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6 7 8', "
    "detail = none, columnsize = 0)"
)


def ensure_index_definition(path: Path) -> bool:
    """Re-make the FTS5 table of a file generated before the index settings changed."""
    db = sqlite3.connect(path)
    try:
        current = db.execute("SELECT sql FROM sqlite_master WHERE name = 'order_search'")
        if current.fetchone()[0] == FTS_DEFINITION:
            return False
        started = time.perf_counter()
        db.execute("ALTER TABLE order_search RENAME TO order_search_old")
        db.execute(FTS_DEFINITION)
        db.execute("INSERT INTO order_search (rowid, doc) SELECT rowid, doc FROM order_search_old")
        db.execute("INSERT INTO order_search (order_search) VALUES ('optimize')")
        db.execute("DROP TABLE order_search_old")
        db.commit()
        db.execute("VACUUM")
        print(f"  index re-made in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        return True
    finally:
        db.close()


def pick_queries(path: Path, count: int, seed: int) -> dict[str, list[str]]:
    """Realistic queries drawn from the data: names, prefixes, e-mails, numbers."""
    rng = random.Random(seed)
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    max_customer = db.execute("SELECT max(id) FROM customers").fetchone()[0]
    people = []
    while len(people) < count:
        row = db.execute(
            "SELECT first_name, last_name, email FROM customers WHERE id >= ? LIMIT 1",
            (rng.randint(1, max_customer),),
        ).fetchone()
        if row and row[0] and row[1]:
            people.append(row)
    common = [
        name
        for (name,) in db.execute(
            "SELECT last_name FROM customers GROUP BY last_name ORDER BY count(*) DESC LIMIT 10"
        )
    ]
    customer = [_customer_query(rng, person, common) for person in people]
    max_order = db.execute("SELECT max(id) FROM orders").fetchone()[0]
    numbers = []
    while len(numbers) < count:
        row = db.execute(
            "SELECT number FROM orders WHERE id >= ? LIMIT 1", (rng.randint(1, max_order),)
        ).fetchone()
        if row:
            numbers.append(row[0])
    cards = _cards(db, rng, count)  # drawn last: the other kinds' queries stay as they were
    db.close()
    prefixes = [number[: rng.choice((3, 4))] for number in numbers]
    return {
        "number_exact": numbers,
        "number_prefix": prefixes,
        "customer": customer,
        "card": [_card_query(rng, last4, brand) for last4, brand in cards],
        "card_or_number": [last4 for last4, _ in cards],  # a bare "4242": card and number
    }


def _cards(db: sqlite3.Connection, rng: random.Random, count: int) -> list[tuple[str, str | None]]:
    """(last four digits, brand) of `count` card payments picked at random."""
    max_payment = db.execute("SELECT max(id) FROM payments").fetchone()[0] or 0
    cards: list[tuple[str, str | None]] = []
    while max_payment and len(cards) < count:
        row = db.execute(
            "SELECT card_last4, card_brand FROM payments WHERE id >= ? "
            "AND card_last4 IS NOT NULL LIMIT 1",
            (rng.randint(1, max_payment),),
        ).fetchone()
        if row:
            cards.append(row)
    return cards


def _card_query(rng: random.Random, last4: str, brand: str | None) -> str:
    """A card as a cashier types it: masked, or with its brand when the payment has one."""
    forms = [f"**** {last4}", f"•••• {last4}", f"XXXX-{last4}"]
    if brand:
        forms.append(f"{brand.capitalize()} {last4}")
    return rng.choice(forms)


def _customer_query(rng: random.Random, person: tuple[str, str, str], common: list[str]) -> str:
    first, last, email = person
    kind = rng.random()
    if kind < 0.15:
        return last  # a full last name, as stored (accents and all)
    if kind < 0.25:
        return fold(first)  # a first name typed without accents
    if kind < 0.45:
        return fold(last)[: rng.randint(1, 4)]  # the cashier is still typing
    if kind < 0.75:
        return f"{fold(first)[: rng.randint(2, 4)]} {fold(last)[: rng.randint(1, 4)]}"
    if kind < 0.85 and email:
        return email.split("@")[0][: rng.randint(4, 8)]
    return rng.choice(common)  # the commonest names: the most rows to skip


def time_calls(
    call: Callable[[str], object], queries: Sequence[str], *, warm_up: int | None = None
) -> list[float]:
    """Milliseconds of `call` per query, after an untimed warm-up pass (all by default)."""
    for query in queries[:warm_up]:
        call(query)
    samples = []
    for query in queries:
        started = time.perf_counter_ns()
        call(query)
        samples.append((time.perf_counter_ns() - started) / 1e6)
    return samples


def summarise(samples: Sequence[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "n": len(ordered),
        "p50_ms": round(statistics.median(ordered), 3),
        "p95_ms": round(p95, 3),
        "max_ms": round(ordered[-1], 3),
        "mean_ms": round(statistics.fmean(ordered), 3),
    }


def measure_service(engine: Engine, queries: dict[str, list[str]]) -> dict[str, object]:
    service = SalesHistoryService(sessions=make_sessions(engine), clock=SystemClock())
    rows: dict[str, list[int]] = {}
    cards: dict[str, int] = {}

    def card_rows(query: str) -> None:  # untimed: how many rows each card query finds
        cards[query] = sum(1 for row in service.search(query, limit=PAGE).results if row.card)


    def search(query: str) -> None:
        rows.setdefault(query, []).append(len(service.search(query, limit=PAGE).results))

    samples = {kind: time_calls(search, qs) for kind, qs in queries.items()}
    figures: dict[str, object] = {kind: summarise(ms) for kind, ms in samples.items()}
    found = [rows[q][0] for q in queries["customer"]]
    figures["customer_rows_mean"] = round(statistics.fmean(found), 1)
    figures["customer_queries_with_no_row"] = sum(1 for n in found if n == 0)
    for kind in ("card", "card_or_number"):
        for query in queries.get(kind, []):
            card_rows(query)
        found = [cards[q] for q in queries.get(kind, [])]
        figures[f"{kind}_card_rows_mean"] = round(statistics.fmean(found), 1) if found else 0
    figures["_customer_samples"] = samples["customer"]
    return figures


def naive_subset(queries: Sequence[str], count: int) -> list[int]:
    """Evenly spread positions of the customer queries replayed as a naive scan."""
    step = max(1, len(queries) // max(1, count))
    return list(range(0, len(queries), step))[:count]


def comparison(
    figures: dict[str, Any], naive_ms: Sequence[float], picked: Sequence[int]
) -> dict[str, Any]:
    """Naive scan vs the search on the very same queries: figures and speed-up factors."""
    samples = figures.pop("_customer_samples")
    same = summarise([samples[i] for i in picked])
    naive = summarise(naive_ms)
    return {
        "search_same_queries": same,
        "naive_scan": naive,
        "speedup_p50": round(naive["p50_ms"] / same["p50_ms"], 1),
        "speedup_p95": round(naive["p95_ms"] / same["p95_ms"], 1),
    }


NAIVE_SQL = """
SELECT o.id, o.number, o.placed_at, c.first_name, c.last_name, o.total_minor
FROM orders o JOIN customers c ON c.id = o.customer_id
WHERE {where} ORDER BY o.placed_at DESC LIMIT 50"""
NAIVE_WORD = (
    "(c.first_name {like} {p} OR c.last_name {like} {p} OR c.email {like} {p} "
    "OR c.phone {like} {p})"
)


def naive_sql(words: int, *, postgres: bool) -> str:
    like, param = ("ILIKE", "%s") if postgres else ("LIKE", "?")
    where = " AND ".join(NAIVE_WORD.format(like=like, p=param) for _ in range(words))
    return NAIVE_SQL.format(where=where)


def naive_params(query: str) -> list[str]:
    return [f"%{word}%" for word in query.split() for _ in range(4)]


def measure_naive(engine: Engine, queries: Sequence[str]) -> list[float]:
    """The naive scan, on a plain DBAPI cursor: no ORM cost is charged to it."""
    raw = engine.raw_connection()
    cursor = raw.cursor()
    postgres = engine.dialect.name == "postgresql"

    def scan(query: str) -> None:
        cursor.execute(naive_sql(len(query.split()), postgres=postgres), naive_params(query))
        cursor.fetchall()

    try:
        return time_calls(scan, queries, warm_up=2)
    finally:
        raw.close()


COPIED_TABLES = ("customers", "orders", "counter_documents")


PG_DATABASE = "comptoir_search_bench"


def reuse_postgres(pg_url: str) -> tuple[Engine, float] | None:
    """The database a previous run loaded, upgraded in place to head (and its upgrade time)."""
    admin = make_engine(pg_url)
    with admin.connect() as c:
        found = c.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": PG_DATABASE}
        ).first()
    admin.dispose()
    if found is None:
        return None
    url = make_url(pg_url).set(database=PG_DATABASE)
    engine = make_engine(url.render_as_string(hide_password=False))
    started = time.perf_counter()
    upgrade(engine)  # what a shop's server goes through: the migrations, in place
    return engine, round(time.perf_counter() - started, 1)


def load_postgres(sqlite_file: Path, pg_url: str) -> Engine:
    """A PostgreSQL database holding the same customers, orders and index as the file."""
    admin = make_engine(pg_url).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"DROP DATABASE IF EXISTS {PG_DATABASE}"))
        c.execute(text(f"CREATE DATABASE {PG_DATABASE}"))
    admin.dispose()
    url = make_url(pg_url).set(database=PG_DATABASE)
    engine = make_engine(url.render_as_string(hide_password=False))
    upgrade(engine)
    source = sqlite3.connect(f"file:{sqlite_file}?mode=ro", uri=True)
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("SET TimeZone = 'UTC'; SET maintenance_work_mem = '512MB'")
        for table in COPIED_TABLES:
            _copy_table(source, cursor, table)
        _copy_index(source, cursor)
        raw.commit()
        cursor.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()
        source.close()
    return engine


def _copy_table(source: sqlite3.Connection, cursor, table: str) -> None:  # type: ignore[no-untyped-def]
    names = ", ".join(row[1] for row in source.execute(f"PRAGMA table_info({table})"))
    with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in source.execute(f"SELECT {names} FROM {table}"):
            copy.write_row(row)


def _copy_index(source: sqlite3.Connection, cursor) -> None:  # type: ignore[no-untyped-def]
    """The index rows, re-made as index_rows makes them; secondary indexes rebuilt after."""
    cursor.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'order_search' "
        "AND indexname NOT LIKE '%pkey'"
    )
    indexes = cursor.fetchall()
    for name, _definition in indexes:
        cursor.execute(f"DROP INDEX {name}")
    cursor.execute("CREATE TEMP TABLE staging (k bigint, doc text)")
    with cursor.copy("COPY staging (k, doc) FROM STDIN") as copy:
        for row in source.execute("SELECT rowid, doc FROM order_search"):
            copy.write_row(row)
    cursor.execute(
        "INSERT INTO order_search (search_key, doc) "
        f"SELECT k, {PG_DOCUMENT.format('doc')} FROM staging"
    )
    for _name, definition in indexes:
        cursor.execute(definition)


def sqlite_figures(
    path: Path, queries: dict[str, list[str]], picked: Sequence[int]
) -> dict[str, object]:
    engine = make_engine(str(path))
    try:
        figures = measure_service(engine, queries)
        naive = measure_naive(engine, [queries["customer"][i] for i in picked])
        with engine.connect() as c:
            sizes = c.execute(text(f"SELECT {COUNTS}")).one()
    finally:
        engine.dispose()
    return {
        **dict(zip(("orders", "customers"), sizes, strict=True)),
        "search": figures,
        "vs_naive_like_scan": comparison(figures, naive, picked),
    }


def measure_round_trip(engine: Engine, count: int = 1000) -> dict[str, float]:
    """One empty statement (`;`) on an open connection: the network and wake-up floor."""
    raw = engine.raw_connection()
    try:
        raw.driver_connection.autocommit = True  # type: ignore[union-attr]
        cursor = raw.cursor()
        return summarise(time_calls(lambda _q: cursor.execute(";"), [""] * count))
    finally:
        # Back to the pool as it came: an autocommit connection would keep psycopg's prepared
        # statements (and the server's generic plans) for the searches measured next.
        raw.driver_connection.autocommit = False  # type: ignore[union-attr]
        raw.close()


def postgres_figures(
    path: Path,
    queries: dict[str, list[str]],
    picked: Sequence[int],
    pg_url: str | None,
    *,
    reuse: bool = False,
) -> dict[str, object]:
    from tests.support import postgres

    server = None if pg_url else postgres.start()
    try:
        started = time.perf_counter()
        reused = reuse_postgres(pg_url) if reuse and pg_url else None
        if reused is None:
            engine, upgrade_s = load_postgres(path, pg_url or server.url), None  # type: ignore[union-attr]
        else:
            engine, upgrade_s = reused
        load_s = round(time.perf_counter() - started)
        round_trip = measure_round_trip(engine)
        figures = measure_service(engine, queries)
        naive = measure_naive(engine, [queries["customer"][i] for i in picked])
        with engine.connect() as c:
            version, orders, _ = c.execute(text(f"SELECT version(), {COUNTS}")).one()
        engine.dispose()
    finally:
        if server is not None:
            server.stop()
    return {
        "server_version": version.split(" on ")[0],
        "orders": orders,
        "data": "same rows as the SQLite file (COPY), index rows re-made by the server",
        "load_seconds": load_s,
        "reused_loaded_database_upgrade_seconds": upgrade_s,
        "round_trip": round_trip,
        "search": figures,
        "vs_naive_ilike_scan": comparison(figures, naive, picked),
    }


def verdict(result: dict[str, Any]) -> dict[str, bool]:
    search, naive = result["search"], result["vs_naive_like_scan"]
    return {
        "number_exact_p95": search["number_exact"]["p95_ms"] <= TARGETS_MS["number_exact_p95"],
        "customer_p95": search["customer"]["p95_ms"] <= TARGETS_MS["customer_p95"],
        "card_p95": search["card"]["p95_ms"] <= TARGETS_MS["card_p95"],
        "speedup_min": naive["speedup_p95"] >= TARGETS_MS["speedup_min"],
    }


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="SQLite file (made if absent)")
    parser.add_argument("--orders", type=int, default=1_000_000, help="orders to generate")
    parser.add_argument("--queries", type=int, default=300, help="queries per kind")
    parser.add_argument(
        "--naive-queries", type=int, default=60, help="customer queries replayed as LIKE scans"
    )
    parser.add_argument("--seed", type=int, default=20261101)
    parser.add_argument("--pg-url", help="existing PostgreSQL server (superuser URL)")
    parser.add_argument(
        "--pg-reuse",
        action="store_true",
        help="with --pg-url: reuse the database a previous run loaded, upgraded in place",
    )
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    parser.add_argument("--out", type=Path, default=RESULTS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    ensure_database(args.db, args.orders, args.seed)
    upgrade_s = upgrade_file(args.db)
    rebuilt = ensure_index_definition(args.db)
    queries = pick_queries(args.db, args.queries, args.seed)
    picked = naive_subset(queries["customer"], args.naive_queries)
    result: dict[str, Any] = {
        "benchmark": "sales-history search",
        "run_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_1m_at_start": round(os.getloadavg()[0], 2),  # other jobs skew figures
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
        },
        "page_size": PAGE,
        "seed": args.seed,
        "queries_per_kind": args.queries,
        "query_examples": {kind: qs[:12] for kind, qs in queries.items()},
        "naive_queries": len(picked),
        "index_rebuilt_to_current_definition": rebuilt,
        "sqlite_upgrade_seconds": upgrade_s,
        "targets_ms": TARGETS_MS,
    }
    result["sqlite"] = sqlite_figures(args.db, queries, picked)
    result["targets_met"] = verdict(result["sqlite"])
    if not args.no_pg:
        result["postgresql"] = postgres_figures(
            args.db, queries, picked, args.pg_url, reuse=args.pg_reuse
        )
    result["machine"]["load_average_1m_at_end"] = round(os.getloadavg()[0], 2)
    output = json.dumps(result, indent=2, ensure_ascii=False)
    print(output)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(output + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
