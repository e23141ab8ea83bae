"""Exchange commit latency: 2 lines back, 2 out, a split tender, everything it writes.

Each commit is one `ReturnsService.commit` — document with its number, lines, tenders, stock
movements, audit entry, Wix outbox steps, e-mail and print job — on a SQLite file with
synchronous=FULL (the embedded default) and on PostgreSQL. Prints JSON and keeps it in
results/commit.json.

    .venv/bin/python benchmarks/commit_bench.py [--commits 300] [--no-pg] [--pg-url URL]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pos.db.engine import make_engine, make_sessions  # noqa: E402
from pos.db.migrate import upgrade  # noqa: E402
from pos.db.returns import load_context  # noqa: E402
from pos.domain.money import Money  # noqa: E402
from pos.domain.returns import DocumentKind, Draft, ReturnRequest  # noqa: E402
from pos.domain.settlement import Tender, TenderMethod  # noqa: E402
from pos.services.returns import Notify  # noqa: E402
from tests.support.shop import build_shop, sell  # noqa: E402


def measure(url: str, commits: int) -> dict[str, object]:
    engine = make_engine(url)
    upgrade(engine)
    shop = build_shop(make_sessions(engine), stock=100_000)
    # Each exchange: a T-shirt S and a scarf S back (69.80); a jean L and the scarf in L out
    # (79.90 + 39.90 like-for-like): 50.00 due, 30.00 on card + 20.00 cash.
    orders = [sell(shop, str(60000 + n), [("T-S-S", 1), ("ÉCH-S", 1)]) for n in range(commits)]
    drafts = []
    for order in orders:
        with shop.sessions() as s:
            lines = [line.line_id for line in load_context(s, order).snapshot.lines]
        new = (shop.returns.new_item(order_id=order, code="JEA-L"),
               shop.returns.new_item(order_id=order, code="ÉCH-L"))
        drafts.append(Draft(DocumentKind.EXCHANGE, tuple(ReturnRequest(line, 1) for line in lines),
                            new))
    tenders = [Tender(TenderMethod.CARD, Money(3000, "EUR"), reference="AUTH 42"),
               Tender(TenderMethod.CASH, Money(2000, "EUR"))]
    timings = []
    for order, draft in zip(orders, drafts, strict=True):
        start = time.perf_counter()
        shop.returns.commit(shop.cashier, order, draft, tenders,
                            notify=Notify("helene@example.fr"))
        timings.append((time.perf_counter() - start) * 1000)
    engine.dispose()
    timings.sort()
    return {"commits": commits, "p50_ms": round(statistics.median(timings), 3),
            "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 3),
            "max_ms": round(timings[-1], 3), "mean_ms": round(statistics.fmean(timings), 3)}


def plain_sqlite_floor(path: str, commits: int) -> dict[str, object]:
    """The same number of rows written with plain sqlite3, synchronous=FULL: the disk's floor."""
    import sqlite3

    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE t (a INTEGER, b INTEGER, c TEXT)")
    timings = []
    for n in range(commits):
        start = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        for row in range(30):  # an exchange writes about 30 rows and updates
            connection.execute("INSERT INTO t VALUES (?, ?, ?)", (n, row, "x" * 60))
        connection.execute("COMMIT")
        timings.append((time.perf_counter() - start) * 1000)
    connection.close()
    timings.sort()
    return {"commits": commits, "p50_ms": round(statistics.median(timings), 3),
            "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=300)
    parser.add_argument("--no-pg", action="store_true")
    parser.add_argument("--pg-url", help="an existing PostgreSQL server (superuser URL)")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "commit.json"))
    args = parser.parse_args()
    result: dict[str, object] = {"benchmark": "exchange_commit",
                                 "shape": "2 lines back, 2 out, card + cash"}
    with tempfile.TemporaryDirectory() as tmp:
        result["sqlite_synchronous_full"] = measure(f"sqlite:///{tmp}/bench.sqlite3",
                                                    args.commits)
        result["plain_sqlite3_30_rows_full_fsync"] = plain_sqlite_floor(f"{tmp}/floor.sqlite3",
                                                                        args.commits)
    if not args.no_pg:
        result["postgresql"] = _postgres(args)
    text = json.dumps(result, indent=2)
    print(text)
    Path(args.out).write_text(text + "\n", encoding="utf-8")
    return 0


def _postgres(args: argparse.Namespace) -> dict[str, object]:
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from tests.support import postgres

    server = postgres.start() if not args.pg_url else postgres.PostgresServer(
        args.pg_url, lambda: None)
    try:
        admin = make_engine(server.url).execution_options(isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(text("DROP DATABASE IF EXISTS comptoir_commit_bench"))
            c.execute(text("CREATE DATABASE comptoir_commit_bench"))
        admin.dispose()
        url = make_url(server.url).set(database="comptoir_commit_bench")
        figures = measure(url.render_as_string(hide_password=False), args.commits)
        figures["server"] = "throwaway local server (fsync off)" if not args.pg_url else "given"
        return figures
    finally:
        server.stop()


if __name__ == "__main__":
    raise SystemExit(main())
