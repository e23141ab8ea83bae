"""Sync throughput: the backlog of an offline week pushed to the fake Wix, within its rate limit.

The backlog: 1,000 counter documents (exchanges, refunds, cancellations; orders placed on the
fake and recorded locally, documents committed through `ReturnsService.commit` while offline)
and 10,000 direct stock deltas over 2,000 variants, pushed the way a sync tick pushes them
(`Pusher.run_once(limit=50)` then `StockPusher.run_once()`, no pulls) through one `WixClient`
whose `RateLimiter` is the site's budget, against the fake Wix with 50 ms latency and 200
requests per rate window. Reports requests per document (reads and writes by endpoint)
against the fewest each recipe allows, total requests, wall time, the busiest rate window
seen by the fake (`fake.log.max_in_window`), 429s, and Wix's final state checked document by
document (`benchmarks/sync_bench_docs.py`).

200 requests a minute would make the backlog take over half an hour, so the combined run is
time-compressed: the fake's rate window and the client limiter's are shortened together
(`--window 20`, the default: 200 requests per 20 s, 3x faster). The real-time figure is the same run
replayed with a 60 s window: every gap between two requests (the pusher's own work, the 50 ms
latency) is kept as measured and the limiter's waits are recomputed. The stock part alone is
also run uncompressed (60 s window) first. Prints JSON and keeps it in results/sync.json.

    .venv/bin/python benchmarks/sync_bench.py [--documents 1000] [--deltas 10000]
        [--variants 2000] [--window 20] [--progress]
    .venv/bin/python benchmarks/sync_bench.py --mixes [--rounds 5]   # quick: payment mixes
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from benchmarks import sync_bench_docs as docs_part  # noqa: E402
from pos.db import outbox  # noqa: E402
from pos.db.engine import make_engine, make_sessions  # noqa: E402
from pos.db.migrate import upgrade  # noqa: E402
from pos.db.records import (  # noqa: E402
    ProductRecord,
    StockLevelRecord,
    StockMovementRecord,
    VariantRecord,
)
from pos.db.sync_review import count_waiting  # noqa: E402
from pos.domain.clock import SystemClock  # noqa: E402
from pos.sync.client import RateLimiter, WixClient  # noqa: E402
from pos.sync.credentials import WixCredentials  # noqa: E402
from pos.sync.push import Pusher, PushReport  # noqa: E402
from pos.sync.stock_push import StockPusher  # noqa: E402
from tests.fakes.wix import FakeWix  # noqa: E402

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
RPM = 200  # Wix's limit per site (the fake enforces it per window)
CLIENT_RPM = 180  # the client's budget (RateLimiter's default): a margin under Wix's 200
REAL_WINDOW = 60.0
PUSH_LIMIT = 50  # SyncRunner's default push_limit
START_QUANTITY = 500
PER_PRODUCT = 10
MAX_PUSH_SECONDS = 1800


def seed(fake: FakeWix, sessions, variants: int) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """`variants` SKUs on the fake and linked locally; returns sku -> local variant id."""
    ids: dict[str, int] = {}
    for first in range(0, variants, PER_PRODUCT):
        skus = [f"B-{n:05d}" for n in range(first, min(first + PER_PRODUCT, variants))]
        specs = [
            (sku, f"9{n:012d}", "10.00", {"Taille": sku}, START_QUANTITY)
            for n, sku in enumerate(skus)
        ]
        product = fake.state.add_product(f"Produit {first}", variants=specs)
        with sessions.begin() as s:
            record = ProductRecord(wix_id=product.id, name=product.name)
            s.add(record)
            s.flush()
            for variant in product.variants:
                local = VariantRecord(
                    product_id=record.id,
                    wix_variant_id=variant.id,
                    sku=variant.sku,
                    price_minor=1000,
                    currency="EUR",
                )
                s.add(local)
                s.flush()
                s.add(
                    StockLevelRecord(
                        variant_id=local.id,
                        on_hand=START_QUANTITY,
                        wix_quantity=START_QUANTITY,
                        updated_at=NOW,
                    )
                )
                ids[variant.sku] = local.id
    return ids


def queue_deltas(sessions, ids: dict[str, int], deltas: int, rng: random.Random) -> Counter:  # type: ignore[no-untyped-def]
    """`deltas` movements and their outbox messages, spread over the variants."""
    skus = sorted(ids)
    expected: Counter[str] = Counter()
    messages, movements = [], []
    for n in range(deltas):
        sku = skus[n % len(skus)] if n < len(skus) else rng.choice(skus)
        delta = rng.choice((-3, -2, -1, 1, 2, 3))
        expected[sku] += delta
        movements.append(
            {
                "variant_id": ids[sku],
                "delta": delta,
                "reason": "adjust",
                "owner": "pos",
                "note": "",
                "created_at": NOW,
            }
        )
        messages.append(
            {
                "destination": "wix",
                "kind": "wix.stock_delta",
                "object_key": f"stock:{ids[sku]}",
                "document_id": None,
                "payload": {
                    "variant_id": ids[sku],
                    "sku": sku,
                    "product_id": None,
                    "wix_variant_id": None,
                    "delta": delta,
                    "reason": "adjust",
                    "document_id": None,
                },
            }
        )
    with sessions.begin() as s:
        s.execute(insert(StockMovementRecord), movements)
        outbox.enqueue_all(s, messages, now=NOW)
    return expected


class TimedLimiter(RateLimiter):
    """The site's limiter, remembering when each request asked for a slot and got it."""

    def __init__(self, per_minute: int, *, window_s: float) -> None:
        super().__init__(per_minute, window_s=window_s)
        self.marks: list[tuple[float, float]] = []  # (asked, granted), time.monotonic()

    def acquire(self) -> None:
        asked = time.monotonic()
        super().acquire()
        self.marks.append((asked, time.monotonic()))


def replay(marks: list[tuple[float, float]], started: float, ended: float, window: float) -> float:
    """Seconds the same run takes with `window`: measured gaps kept, limiter waits recomputed."""
    moment = 0.0

    def sleep(seconds: float) -> None:
        nonlocal moment
        moment += seconds

    limiter = RateLimiter(CLIENT_RPM, window_s=window, clock=lambda: moment, sleep=sleep)
    previous = started
    for asked, granted in marks:
        moment += asked - previous  # the pusher's work and the last answer's latency
        limiter.acquire()
        previous = granted
    return moment + (ended - previous)


def _stock_fields(fake: FakeWix, by_path: Counter[str], expected: Counter[str], window: float,
                  deltas: int) -> dict[str, Any]:  # fmt: skip
    items = len(expected)
    wrong = [sku for sku, d in expected.items() if fake.state.stock(sku) != START_QUANTITY + d]
    return {
        "deltas": deltas,
        "variants": items,
        "total_requests": sum(by_path.values()),
        "requests_by_call": dict(sorted(by_path.items())),
        "update_calls": by_path["POST /stores/v3/bulk/inventory-items/update"],
        "update_calls_target": math.ceil(items / 300),
        "read_calls": by_path["POST /stores/v3/inventory-items/query"],
        "read_calls_target": math.ceil(items / 1000),
        "once_per_client_reads": by_path["GET /stores/v3/provision/version"]
        + by_path["GET /stores/v3/locations/default"],
        "wrong_quantities": len(wrong),
    }


def _session(tmp: str, name: str):  # type: ignore[no-untyped-def]
    engine = make_engine(str(Path(tmp) / f"{name}.sqlite"))
    upgrade(engine)
    return engine, make_sessions(engine)


def run_stock_alone(args: argparse.Namespace) -> dict[str, Any]:
    """The stock part alone, uncompressed (60 s window): StockPusher without pulls."""
    rng = random.Random(7)
    with (
        tempfile.TemporaryDirectory() as tmp,
        FakeWix(rpm_limit=RPM, rate_window_s=REAL_WINDOW, latency_ms=args.latency_ms) as fake,
    ):
        engine, sessions = _session(tmp, "stock")
        ids = seed(fake, sessions, args.variants)
        expected = queue_deltas(sessions, ids, args.deltas, rng)
        limiter = RateLimiter(CLIENT_RPM, window_s=REAL_WINDOW)
        credentials = WixCredentials(fake.api_key, fake.site_id)
        client = WixClient(base_url=fake.base_url, credentials=credentials, limiter=limiter)
        pusher = StockPusher(client=client, sessions=sessions, clock=SystemClock())
        fake.log.clear()
        started, rounds = time.perf_counter(), 0
        while rounds < 10:
            report = pusher.run_once()
            rounds += 1
            if not report.retry:
                break
        wall = time.perf_counter() - started
        client.close()
        with sessions() as s:
            left = count_waiting(s)
        engine.dispose()
        by_path = Counter(f"{e.method} {e.path}" for e in fake.log.entries)
        return {
            "scenario": "stock deltas alone through StockPusher (no pulls), uncompressed: "
            f"{RPM} requests per 60 s (fake), client limiter {CLIENT_RPM} per 60 s",
            "rounds": rounds,
            **_stock_fields(fake, by_path, expected, REAL_WINDOW, args.deltas),
            "wall_time_s": round(wall, 3),
            "left_pending": left,
            "max_requests_in_window": fake.log.max_in_window(REAL_WINDOW),
            "limit_never_exceeded": fake.log.max_in_window(REAL_WINDOW) <= RPM,
            "throttled_429": sum(1 for e in fake.log.entries if e.throttled),
        }


def run_backlog(args: argparse.Namespace) -> dict[str, Any]:
    """Documents and stock deltas together, time-compressed, through one budgeted client."""
    rng = random.Random(7)
    window = args.window
    with (
        tempfile.TemporaryDirectory() as tmp,
        FakeWix(rpm_limit=RPM, rate_window_s=window, latency_ms=args.latency_ms) as fake,
    ):
        engine, sessions = _session(tmp, "backlog")
        built = time.perf_counter()
        docs = docs_part.build_documents(fake, sessions, args.documents, rng)
        ids = seed(fake, sessions, args.variants)  # after: the shop mirrors its own catalogue
        expected = queue_deltas(sessions, ids, args.deltas, rng)
        build_s = time.perf_counter() - built
        with sessions() as s:
            queued = outbox.counts(s, destination="wix")
        doc_skus = sorted({sku for d in docs for sku in d.stock})
        stock_before = {sku: fake.state.stock(sku) for sku in doc_skus}
        messages = _message_kinds(sessions)
        assert not fake.log.entries, "nothing may reach Wix while the week is offline"

        limiter = TimedLimiter(CLIENT_RPM, window_s=window)
        credentials = WixCredentials(fake.api_key, fake.site_id)
        client = WixClient(base_url=fake.base_url, credentials=credentials, limiter=limiter)
        clock = SystemClock()
        pusher = Pusher(client=client, sessions=sessions, clock=clock, rng=random.Random(1))
        stock_pusher = StockPusher(client=client, sessions=sessions, clock=clock)
        started = time.monotonic()
        ticks, total, idle = 0, PushReport(), 0
        while time.monotonic() - started < MAX_PUSH_SECONDS:
            report = pusher.run_once(limit=PUSH_LIMIT)
            stock_report = stock_pusher.run_once()
            total, ticks = total + report, ticks + 1
            with sessions() as s:
                counts = outbox.counts(s, destination="wix")
            if not counts.get("pending") and not counts.get("in_flight"):
                break
            if report == PushReport() and not stock_report.done:
                idle += 1
                time.sleep(1.0)  # only messages waiting for a later attempt are left
            if args.progress:
                print(f"tick {ticks}: {len(fake.log)} requests, {counts}, "
                      f"{time.monotonic() - started:.0f} s", file=sys.stderr)  # fmt: skip
        ended = time.monotonic()
        client.close()
        with sessions() as s:
            final = outbox.counts(s, destination="wix")
            left = count_waiting(s)
        entries = fake.log.entries
        per_doc, stock_calls, unattributed = docs_part.attribute(entries, docs, sessions)
        engine.dispose()
        wall = ended - started
        real = replay(limiter.marks, started, ended, REAL_WINDOW)
        waited = sum(granted - asked for asked, granted in limiter.marks)
        doc_requests = sum(sum(c.values()) for c in per_doc.values())
        by_endpoint = Counter(docs_part.endpoint_of(e) for e in entries)
        max_window = fake.log.max_in_window(window)
        factor = REAL_WINDOW / window
        return {
            "scenario": "offline week backlog (counter documents + direct stock deltas) pushed "
            "together to the fake Wix (V3 catalogue), a sync tick at a time without pulls: "
            f"Pusher.run_once(limit={PUSH_LIMIT}) then StockPusher.run_once(), one WixClient "
            "and one RateLimiter for both (the site's budget)",
            "latency_ms": args.latency_ms,
            "rate_limit": f"{RPM} requests per {window:g} s window (fake), client limiter "
            f"{CLIENT_RPM} per {window:g} s (same window, one budget for both pushers)",
            "time_compression": {
                "window_s": window,
                "factor": round(factor, 3),
                "meaning": f"{RPM} requests per {window:g} s stand for {RPM} per 60 s; the "
                "latency (50 ms) and the pusher's own work are not compressed",
            },
            "backlog": {
                "documents": len(docs),
                "stock_deltas": args.deltas,
                "stock_variants": len(expected),
                "outbox_messages": queued,
                "messages_by_kind": messages,
                "built_offline_s": round(build_s, 1),
            },
            "totals": {
                "requests": len(entries),
                "document_requests": doc_requests,
                "stock_requests": sum(stock_calls.values()),
                "unattributed_requests": unattributed,
                "reads": sum(c for e, c in by_endpoint.items() if docs_part.is_read(e)),
                "writes": sum(c for e, c in by_endpoint.items() if not docs_part.is_read(e)),
                "requests_by_endpoint": dict(sorted(by_endpoint.items())),
                "ticks": ticks,
                "push_report": {
                    "sent": total.sent,
                    "done_by_readback": total.done_by_readback,
                    "retried": total.retried,
                    "parked": total.parked,
                    "needs_review": total.needs_review,
                },
                "outbox_after": final,
                "left_waiting": left,
            },
            "rate": {
                "max_requests_in_window": max_window,
                "window_s": window,
                "limit": RPM,
                "limit_never_exceeded": max_window <= RPM,
                "throttled_429": sum(1 for e in entries if e.throttled),
                "non_2xx": dict(
                    Counter(str(e.status) for e in entries if e.status is None or e.status >= 300)
                ),
            },
            "time": {
                "wall_time_s_compressed": round(wall, 1),
                "limiter_wait_s_compressed": round(waited, 1),
                "working_s": round(wall - waited, 1),
                "mean_s_per_request_excluding_waits": round((wall - waited) / len(entries), 4),
                "wall_time_s_real_time_equivalent": round(real, 1),
                "wall_time_min_real_time_equivalent": round(real / 60, 1),
                "naive_compressed_x_factor_s": round(wall * factor, 1),
                "floor_at_client_budget_min": round(len(entries) / CLIENT_RPM, 1),
                "floor_at_wix_limit_min": round(len(entries) / RPM, 1),
                "how": "real-time equivalent = the measured run replayed through a "
                f"{CLIENT_RPM}-per-60 s limiter with every measured gap between requests kept "
                "(pusher work + 50 ms latency), only the limiter's waits recomputed",
            },
            "documents": docs_part.summarise(docs, per_doc),
            "stock": _stock_fields(fake, stock_calls, expected, window, args.deltas),
            "wix_final_state": docs_part.verify(fake, docs, stock_before),
        }


def _message_kinds(sessions) -> dict[str, int]:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from pos.db.records import OutboxMessageRecord

    with sessions() as s:
        rows = s.execute(
            select(OutboxMessageRecord.kind, func.count()).group_by(OutboxMessageRecord.kind)
        ).all()
    return {kind: n for kind, n in sorted(rows)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1_000)
    parser.add_argument("--deltas", type=int, default=10_000)
    parser.add_argument("--variants", type=int, default=2_000)
    parser.add_argument("--latency-ms", type=int, default=50)
    parser.add_argument(
        "--window",
        type=float,
        default=20.0,
        help="rate window of the combined run in seconds (60 = real time)",
    )
    parser.add_argument("--skip-stock-alone", action="store_true")
    parser.add_argument("--mixes", action="store_true",
                        help="quick form: only the payment mixes of issue 11 (requests per "
                        "document), into results/sync_mixes.json")  # fmt: skip
    parser.add_argument("--rounds", type=int, default=5, help="with --mixes: each mix n times")
    parser.add_argument("--progress", action="store_true", help="a line per tick on stderr")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "sync.json"))
    args = parser.parse_args()
    if args.mixes:
        from benchmarks.sync_bench_mixes import run_mixes  # noqa: PLC0415

        text = json.dumps(run_mixes(args.rounds), indent=2, ensure_ascii=False)
        print(text)
        (ROOT / "benchmarks" / "results" / "sync_mixes.json").write_text(text + "\n")
        return
    result: dict[str, Any] = {}
    if not args.skip_stock_alone:
        result["stock_alone"] = run_stock_alone(args)
    result["backlog"] = run_backlog(args)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    Path(args.out).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
