"""Commit to last byte: from `ReturnsService.commit` returning to the receipt's last byte on paper.

Each round commits a cash exchange on a SQLite file (synchronous=FULL), wakes a print worker
thread (as the app does after a commit), which runs `PrintQueueService.run_once`: claim the
job, build the receipt from the database, render ESC/POS, send it over TCP to a loopback
printer (DLE EOT status first, then the job, then the end-of-job handshake) and record the
outcome. The clock stops when the loopback printer receives the job's last byte. Target
≤ 100 ms. Prints JSON and keeps it in results/print.json.

    .venv/bin/python benchmarks/print_bench.py [--documents 100]
"""

from __future__ import annotations

import argparse
import json
import platform
import queue
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pos.db.engine import make_engine, make_sessions  # noqa: E402
from pos.db.migrate import upgrade  # noqa: E402
from pos.db.returns import load_context  # noqa: E402
from pos.domain.money import Money  # noqa: E402
from pos.domain.receipt import ShopInfo  # noqa: E402
from pos.domain.returns import DocumentKind, Draft, ReturnRequest  # noqa: E402
from pos.domain.settlement import Tender, TenderMethod  # noqa: E402
from pos.hardware.printer import make_printer  # noqa: E402
from pos.services.printing import PrintQueueService  # noqa: E402
from pos.services.receipts import ReceiptService  # noqa: E402
from tests.support.shop import Shop, build_shop, sell  # noqa: E402
from tests.support.tcp_printer import TcpPrinter  # noqa: E402

TARGET_MS = 100.0
SHOP = ShopInfo("Boutique Lumière", ("12 rue des Lilas", "75011 Paris"), "FR12345678901",
                "01 23 45 67 89", ("Échanges sous 30 jours avec ce reçu.",))  # fmt: skip


def _drafts(shop: Shop, count: int) -> list[tuple[int, Draft]]:
    drafts = []
    for n in range(count):
        order = sell(shop, str(70000 + n), [("T-S-S", 1)])
        with shop.sessions() as s:
            (line,) = (line.line_id for line in load_context(s, order).snapshot.lines)
        new = (shop.returns.new_item(order_id=order, code="JEA-L"),)
        drafts.append((order, Draft(DocumentKind.EXCHANGE, (ReturnRequest(line, 1),), new)))
    return drafts


def _worker(service: PrintQueueService, wake: queue.Queue[bool], done: list[float]) -> None:
    while wake.get():
        started = time.perf_counter()
        report = service.run_once()
        assert report.ok and len(report.printed) == 1, report
        done.append(time.perf_counter() - started)


def measure(url: str, documents: int) -> dict[str, object]:
    engine = make_engine(url)
    upgrade(engine)
    shop = build_shop(make_sessions(engine), stock=100_000)
    drafts = _drafts(shop, documents + 5)
    cash = [Tender(TenderMethod.CASH, Money(5000, "EUR"))]
    receipts = ReceiptService(sessions=shop.sessions, clock=shop.clock, shop=SHOP)
    with TcpPrinter() as tcp:
        service = PrintQueueService(sessions=shop.sessions, clock=shop.clock, receipts=receipts,
                                    printers=lambda uri: make_printer(uri, timeout=1.0),
                                    default_printer=tcp.uri)  # fmt: skip
        wake: queue.Queue[bool] = queue.Queue()
        rounds: list[float] = []
        worker = threading.Thread(target=_worker, args=(service, wake, rounds), name="print")
        worker.start()
        latencies = []
        try:
            for n, (order, draft) in enumerate(drafts):
                shop.returns.commit(shop.cashier, order, draft, cash)
                committed = time.perf_counter()
                wake.put(True)  # what the app does once the commit is back
                job = tcp.wait_for_jobs(n + 1, timeout=5.0)[n]
                if n >= 5:  # the first rounds open connections, import, warm caches
                    latencies.append((job.last_byte_at - committed) * 1000)
                size = len(job.data)
        finally:
            wake.put(False)
            worker.join(timeout=10)
            service.close()
            engine.dispose()
    return _figures(latencies, rounds[5:], size)


def _figures(latencies: list[float], rounds: list[float], size: int) -> dict[str, object]:
    latencies.sort()
    p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
    return {
        "documents": len(latencies),
        "p50_ms": round(statistics.median(latencies), 3),
        "p95_ms": round(p95, 3),
        "max_ms": round(latencies[-1], 3),
        "mean_ms": round(statistics.fmean(latencies), 3),
        "run_once_p50_ms": round(statistics.median(rounds) * 1000, 3),
        "job_bytes": size,
        "meets_target": p95 <= TARGET_MS,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "print.json"))
    args = parser.parse_args()
    result: dict[str, object] = {
        "benchmark": "commit_to_last_byte",
        "shape": "cash exchange receipt (QR, drawer pulse, cut), TCP loopback printer "
        "answering DLE EOT, SQLite synchronous=FULL",
        "target_ms": TARGET_MS,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    with tempfile.TemporaryDirectory() as tmp:
        result["sqlite"] = measure(f"sqlite:///{tmp}/bench.sqlite3", args.documents)
    text = json.dumps(result, indent=2)
    print(text)
    Path(args.out).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
