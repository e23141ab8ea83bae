"""Closing the day at scale: a Z over a busy shop's year, a month's archive, audit verify.

1. A year of one busy shop on one terminal (default 200,000 counter documents, each with a
   return line, a tender, and a new line for every third one, its audit entry in the chain),
   all in one drawer session, then one `ClosingService.close_z` over all of them: the grouped
   sums, the signature, the closure and its audit entry (target <= 1 s). The X before it
   reads the same figures.
2. `ArchiveService.export` of one month of that year (target <= 10 s), and `verify_archive`
   of the file it wrote.
3. `audit verify` (`verify_chain` plus the closure and document checks) over chains of
   100,000, 300,000 and 1,000,000 entries, to show how it scales.

Rows are written with Core in bulk (the generation is not what is measured). SQLite files
with the embedded settings; prints JSON and keeps it in results/closing.json.

    .venv/bin/python benchmarks/closing_bench.py [--documents 200000] [--sizes 100000,...]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, select, update  # noqa: E402

from pos.db.audit import GENESIS_HASH, entry_hash  # noqa: E402
from pos.db.engine import make_engine, make_sessions  # noqa: E402
from pos.db.migrate import upgrade  # noqa: E402
from pos.db.records import (  # noqa: E402
    AuditEntryRecord,
    CashSessionRecord,
    CounterDocumentRecord,
    DocumentNewLineRecord,
    DocumentReturnLineRecord,
    DocumentTenderRecord,
    OrderLineRecord,
    TerminalSequenceRecord,
    VariantRecord,
)
from pos.domain.clock import FakeClock  # noqa: E402
from pos.domain.roles import Operator  # noqa: E402
from pos.services.archive import ArchiveService, verify_archive  # noqa: E402
from pos.services.closing import ClosingService  # noqa: E402
from pos.services.integrity import IntegrityService  # noqa: E402
from pos.services.signing import file_signer  # noqa: E402
from tests.support.shop import build_shop, sell  # noqa: E402

YEAR_START = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
BATCH = 20_000
ADMIN = Operator.local_admin("bench")


def _chain(rows: list[dict[str, object]], prev: str) -> str:
    """Give each audit row its prev_hash and hash, in order; returns the last hash."""
    for row in rows:
        row["prev_hash"] = prev
        row["hash"] = prev = entry_hash(prev, created_at=row["created_at"],  # type: ignore[arg-type]
                                        actor_id=None, action=row["action"],  # type: ignore[arg-type]
                                        subject=row["subject"], data=row["data"])  # type: ignore[arg-type]
    return prev


def _busy_year(url: str, documents: int) -> tuple[object, FakeClock, Path]:
    """The shop of the tests, then `documents` refunds and exchanges over a year."""
    engine = make_engine(url)
    upgrade(engine)
    sessions = make_sessions(engine)
    shop = build_shop(sessions, stock=10**6)
    order = sell(shop, "1", [("T-S-M", 1), ("JEA-M", 1)])
    with sessions.begin() as s:
        lines = list(s.scalars(select(OrderLineRecord.id).where(OrderLineRecord.order_id == order)))
        variant = s.scalar(select(VariantRecord.id).where(VariantRecord.sku == "JEA-L"))
        drawer = s.scalar(select(CashSessionRecord.id))
        prev = s.scalar(select(AuditEntryRecord.hash).order_by(AuditEntryRecord.id.desc()).limit(1))
    step = timedelta(days=365) / documents
    with engine.begin() as connection:
        for start in range(0, documents, BATCH):
            docs, returned, new, tenders, audit = [], [], [], [], []
            for n in range(start, min(start + BATCH, documents)):
                doc_id, number = str(uuid.uuid4()), f"T1-{n + 1:06d}"
                when = YEAR_START + step * n
                exchange = n % 3 == 0
                balance = 5000 if exchange else -2990
                docs.append({"id": doc_id, "number": number, "number_norm": number,
                             "terminal_id": "T1", "kind": "exchange" if exchange else "refund",
                             "status": "completed", "order_id": order, "cashier_id": None,
                             "currency": "EUR", "returned_credit_minor": 2990,
                             "new_items_minor": 7990 if exchange else 0, "fees_minor": 0,
                             "shipping_refund_minor": 0, "balance_minor": balance,
                             "customer_note": "", "language": "fr", "created_at": when,
                             "sequence": n + 1, "cash_session_id": drawer})
                returned.append({"document_id": doc_id, "order_line_id": lines[0],
                                 "quantity": 1, "credit_minor": 2990, "tax_minor": 498,
                                 "disposition": "restock", "reason": ("trop petit", "défaut",
                                                                      "")[n % 3]})
                if exchange:
                    new.append({"document_id": doc_id, "variant_id": variant, "quantity": 1,
                                "unit_price_minor": 7990, "total_minor": 7990, "tax_minor": 1332,
                                "tax_rate": "20", "pricing_basis": "current_price"})
                tenders.append({"document_id": doc_id, "method": ("card", "cash")[n % 2],
                                "direction": "in" if exchange else "out",
                                "amount_minor": abs(balance), "change_minor": 0, "reference": ""})
                audit.append({"created_at": when, "actor_id": None,
                              "action": "document_exchange" if exchange else "document_refund",
                              "subject": number, "data": {"balance": balance}})
            prev = _chain(audit, prev)
            for record, rows in ((CounterDocumentRecord, docs),
                                 (DocumentReturnLineRecord, returned),
                                 (DocumentNewLineRecord, new), (DocumentTenderRecord, tenders),
                                 (AuditEntryRecord, audit)):
                if rows:
                    connection.execute(insert(record.__table__), rows)
        connection.execute(update(TerminalSequenceRecord.__table__)
                           .values(next_number=documents + 1))
        connection.execute(update(CashSessionRecord.__table__).values(
            state="closed", counts={}, counted_minor=0, expected_minor=0, variance_minor=0))
    clock = FakeClock(YEAR_START + timedelta(days=365, hours=12))
    return sessions, clock, Path(str(engine.url.database))


def z_and_archive(folder: Path, documents: int) -> dict[str, object]:
    t0 = time.perf_counter()
    sessions, clock, path = _busy_year(f"sqlite:///{folder / 'year.sqlite3'}", documents)
    generated = time.perf_counter() - t0
    signer = file_signer(folder / "keys")
    closing = ClosingService(sessions=sessions, clock=clock, terminal_id="T1", signer=signer)
    signer.sign(b"warm")  # the key is made once per shop, not per Z
    t0 = time.perf_counter()
    x = closing.x_report(ADMIN)
    x_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    z = closing.close_z(ADMIN)
    z_s = time.perf_counter() - t0
    assert z.report.documents == x.documents == documents
    archives = ArchiveService(sessions=sessions, clock=clock, signer=signer)
    t0 = time.perf_counter()
    archive = archives.export(ADMIN, "2026-06", folder / "out")
    export_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    check = verify_archive(archive)
    verify_s = time.perf_counter() - t0
    assert check.ok, check.problems
    t0 = time.perf_counter()
    integrity = IntegrityService(sessions=sessions).verify()
    integrity_s = time.perf_counter() - t0
    assert integrity.ok, integrity.findings
    return {
        "documents": documents, "generation_s": round(generated, 1),
        "database_mb": round(sum(p.stat().st_size for p in (path, Path(f"{path}-wal"))
                                 if p.exists()) / 2**20, 1),
        "x_report_s": round(x_s, 3), "z_close_s": round(z_s, 3), "z_target_s": 1.0,
        "z_net_eur": z.report.net["EUR"] / 100,
        "archive_month": "2026-06", "archive_rows": check.rows,
        "archive_mb": round(archive.stat().st_size / 2**20, 2),
        "archive_export_s": round(export_s, 3), "archive_target_s": 10.0,
        "archive_verify_s": round(verify_s, 3),
        "audit_verify_with_closures_s": round(integrity_s, 3),
        "audit_entries": integrity.chain.entries_checked,
    }


def audit_chain(folder: Path, entries: int) -> dict[str, object]:
    """A chain of `entries` entries on a fresh file, then the full `audit verify` checks."""
    engine = make_engine(f"sqlite:///{folder / f'audit-{entries}.sqlite3'}")
    upgrade(engine)
    prev, when = GENESIS_HASH, YEAR_START
    with engine.begin() as connection:
        for start in range(0, entries, BATCH * 2):
            rows = [{"created_at": when + timedelta(seconds=n), "actor_id": None,
                     "action": "document_refund", "subject": f"T9-{n:07d}",
                     "data": {"balance": -2990, "n": n}}
                    for n in range(start, min(start + BATCH * 2, entries))]
            prev = _chain(rows, prev)
            connection.execute(insert(AuditEntryRecord.__table__), rows)
    sessions = make_sessions(engine)
    t0 = time.perf_counter()
    report = IntegrityService(sessions=sessions).verify()
    seconds = time.perf_counter() - t0
    engine.dispose()
    assert report.chain.ok and report.chain.entries_checked == entries
    return {"entries": entries, "verify_s": round(seconds, 2),
            "us_per_entry": round(seconds / entries * 1e6, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200_000)
    parser.add_argument("--sizes", default="100000,300000,1000000")
    parser.add_argument("--out", type=Path,
                        default=ROOT / "benchmarks" / "results" / "closing.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="closing-bench-") as tmp:
        folder = Path(tmp)
        result = {"z_and_archive": z_and_archive(folder, args.documents),
                  "audit_verify": [audit_chain(folder, int(size))
                                   for size in args.sizes.split(",")]}
    text = json.dumps(result, indent=2)
    print(text)
    args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
