"""Return requests: the top bar's badge (`counts`), the managers' lists, a scanned number.

A shop after years of requests: `--closed` decided ones (used, rejected, long expired) and
`--open` to decide plus as many approved, on 100 orders, then `ReturnRequestService.counts()`
(polled by the badge), `lists(manager)` and `find_authorisation(number)` timed on a SQLite
file and on PostgreSQL. Prints JSON and keeps it in results/requests.json.

    .venv/bin/python benchmarks/requests_bench.py [--closed 20000] [--open 50] [--no-pg]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, select  # noqa: E402

from pos.db.engine import make_engine, make_sessions  # noqa: E402
from pos.db.migrate import upgrade  # noqa: E402
from pos.db.records import (  # noqa: E402
    OrderLineRecord,
    ReturnRequestLineRecord,
    ReturnRequestRecord,
)
from pos.domain.return_requests import new_authorisation_number  # noqa: E402
from pos.services.return_requests import ReturnRequestService  # noqa: E402
from tests.support.shop import NOW, build_shop, sell  # noqa: E402


def _timed(action: Callable[[], object], runs: int) -> dict[str, float]:
    action()  # warm: the terminal has been open all day
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {"runs": runs, "p50_ms": round(statistics.median(timings), 3),
            "p95_ms": round(timings[max(int(runs * 0.95) - 1, 0)], 3),
            "max_ms": round(timings[-1], 3)}


def _fill(shop_sessions: object, lines: list[tuple[int, int]], closed: int, open_: int,
          rng: random.Random) -> list[str]:
    """Insert the requests; returns the numbers of the approved, still valid ones."""
    sessions = shop_sessions  # a SessionFactory
    rows, numbers = [], []
    states = ["used", "rejected", "approved"]  # the closed approvals expired long ago
    for n in range(closed + 2 * open_):
        order_id, _ = lines[n % len(lines)]
        if n < closed:
            state, expires = states[n % 3], NOW - timedelta(days=400 - n % 300)
        elif n < closed + open_:
            state, expires = "requested", None
        else:
            state, expires = "approved", NOW + timedelta(days=10)
        number = new_authorisation_number(rng.choice) if state != "requested" else None
        if state == "approved" and n >= closed:
            numbers.append(number)
        rows.append({"order_id": order_id, "customer_email": "helene@example.fr",
                     "language": "fr", "reason": "size", "note": "", "state": state,
                     "recorded_at": NOW - timedelta(days=30), "decision_reason": "",
                     "authorisation_number": number, "expires_at": expires})
    with sessions.begin() as s:  # type: ignore[attr-defined]
        s.execute(insert(ReturnRequestRecord), rows)
        ids = s.scalars(select(ReturnRequestRecord.id).order_by(ReturnRequestRecord.id)).all()
        s.execute(insert(ReturnRequestLineRecord), [
            {"request_id": request_id, "order_line_id": lines[n % len(lines)][1],
             "quantity": 1, "reason": ""} for n, request_id in enumerate(ids)])
    return numbers


def measure(url: str, closed: int, open_: int) -> dict[str, object]:
    engine = make_engine(url)
    upgrade(engine)
    sessions = make_sessions(engine)
    shop = build_shop(sessions)
    orders = [sell(shop, str(70000 + n), [("T-S-M", 2)]) for n in range(100)]
    with sessions() as s:
        lines = [(order, s.scalar(select(OrderLineRecord.id)
                                  .where(OrderLineRecord.order_id == order)))
                 for order in orders]
    numbers = _fill(sessions, lines, closed, open_, random.Random(5))  # type: ignore[arg-type]
    service = ReturnRequestService(sessions=sessions, clock=shop.clock)
    picks = iter(random.Random(6).choices(numbers, k=1000))
    figures = {
        "requests": closed + 2 * open_,
        "counts": _timed(service.counts, 300),
        "lists": _timed(lambda: service.lists(shop.manager), 30),
        "find_authorisation": _timed(lambda: service.find_authorisation(next(picks)), 300),
    }
    engine.dispose()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--closed", type=int, default=20_000)
    parser.add_argument("--open", type=int, default=50, dest="open_")
    parser.add_argument("--no-pg", action="store_true")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "requests.json"))
    args = parser.parse_args()
    result: dict[str, object] = {"benchmark": "return_requests",
                                 "shape": f"{args.closed} closed, {args.open_} to decide, "
                                          f"{args.open_} approved, on 100 orders"}
    with tempfile.TemporaryDirectory() as tmp:
        result["sqlite"] = measure(f"sqlite:///{tmp}/bench.sqlite3", args.closed, args.open_)
    if not args.no_pg:
        from tests.support import postgres

        server = postgres.start()
        try:
            result["postgresql"] = measure(server.url, args.closed, args.open_)
        finally:
            server.stop()
    text = json.dumps(result, indent=2)
    print(text)
    Path(args.out).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
