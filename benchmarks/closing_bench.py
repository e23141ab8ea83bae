"""Closing the day at scale: a busy shop's year of Zs, a month's archive, audit verify.

1. A year of one busy shop on one terminal (default 200,000 counter documents over 365 days,
   each with a return line, a tender, a new line for every third one, and its audit entry in
   the chain), written day by day with a `ClosingService.close_z` every evening (grouped sums,
   signature, closure, audit entry). Reported: the last day's X and Z with a year behind
   them (target <= 1 s), the daily Zs' p50 and max, the yearly closure built from the Zs.
   The worst case too: nobody closed a day all year and one Z sums all 200,000 documents.
2. `ArchiveService.export` of one month of that year (target <= 10 s), and `verify_archive`
   of the file it wrote; the full `audit verify` of that shop.
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
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from pos.db.audit import GENESIS_HASH  # noqa: E402
from pos.db.engine import make_engine, make_sessions  # noqa: E402
from pos.db.migrate import upgrade  # noqa: E402
from pos.db.records import AuditEntryRecord  # noqa: E402
from pos.domain.roles import Operator  # noqa: E402
from pos.services.archive import ArchiveService, verify_archive  # noqa: E402
from pos.services.cash import CashService  # noqa: E402
from pos.services.closing import ClosingService  # noqa: E402
from pos.services.integrity import IntegrityService  # noqa: E402
from pos.services.signing import file_signer  # noqa: E402
from tests.support.bulk_documents import BATCH, BulkDocuments, chain  # noqa: E402
from tests.support.shop import build_shop  # noqa: E402

YEAR_START = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
ADMIN = Operator.local_admin("bench")


class BusyYear(BulkDocuments):
    """The shop of the tests on a fresh SQLite file, then its documents written in bulk."""

    def __init__(self, url: str) -> None:
        engine = make_engine(url)
        upgrade(engine)
        self.sessions = make_sessions(engine)
        shop = build_shop(self.sessions, stock=10**6)
        self.clock = shop.clock
        super().__init__(shop)

    @property
    def path(self) -> Path:
        return Path(str(self.engine.url.database))

    def close_drawer(self) -> None:
        """Count the drawer and close it, as the counter does (its figures are kept)."""
        CashService(sessions=self.sessions, clock=self.clock, terminal_id="T1").close(ADMIN, {})


def _timed(action):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    result = action()
    return result, round(time.perf_counter() - t0, 3)


def _size_mb(path: Path) -> float:
    files = (path, Path(f"{path}-wal"))
    return round(sum(p.stat().st_size for p in files if p.exists()) / 2**20, 1)


def daily_zs(folder: Path, documents: int, days: int) -> dict[str, object]:
    """A year written day by day, a Z every evening; the last day's X and Z, then the year."""
    t0 = time.perf_counter()
    year = BusyYear(f"sqlite:///{folder / 'daily.sqlite3'}")
    signer = file_signer(folder / "keys")
    signer.sign(b"warm")  # the key is made once per shop, not per Z
    closing = ClosingService(sessions=year.sessions, clock=year.clock, terminal_id="T1",
                             signer=signer)
    per_day, z_times = documents // days, []
    year.close_drawer()
    for day in range(days):
        opening = YEAR_START + timedelta(days=day)
        year.write(per_day, opening, timedelta(hours=10))
        year.clock._now = opening + timedelta(hours=11)  # the evening's Z, on the shop's clock
        if day == days - 1:
            x, x_s = _timed(lambda: closing.x_report(ADMIN))
        _, z_s = _timed(lambda: closing.close_z(ADMIN))
        z_times.append(z_s)
    generated = time.perf_counter() - t0
    closed, year_s = _timed(lambda: closing.close_period(ADMIN, "year", "2026"))
    assert closed.report.documents == year.written and x.documents == per_day
    archives = ArchiveService(sessions=year.sessions, clock=year.clock, signer=signer)
    archive, export_s = _timed(lambda: archives.export(ADMIN, "2026-06", folder / "out"))
    check, verify_s = _timed(lambda: verify_archive(archive))
    assert check.ok, check.problems
    integrity, integrity_s = _timed(lambda: IntegrityService(sessions=year.sessions).verify())
    assert integrity.ok, integrity.findings
    ordered = sorted(z_times)
    return {
        "documents": year.written, "days": days, "documents_per_day": per_day,
        "closures": closed.number, "generation_with_daily_zs_s": round(generated, 1),
        "database_mb": _size_mb(year.path),
        "last_day_x_s": x_s, "last_day_z_s": z_s, "z_target_s": 1.0,
        "daily_z_p50_s": ordered[len(ordered) // 2], "daily_z_max_s": ordered[-1],
        "year_closure_from_zs_s": year_s,
        "year_net_eur": closed.report.net["EUR"] / 100,
        "year_grand_total_eur": closed.report.grand_total["EUR"] / 100,
        "archive_month": "2026-06", "archive_rows": check.rows,
        "archive_mb": round(archive.stat().st_size / 2**20, 2),
        "archive_export_s": export_s, "archive_target_s": 10.0,
        "archive_verify_s": verify_s,
        "audit_verify_with_closures_s": integrity_s,
        "audit_entries": integrity.chain.entries_checked,
    }


def one_z_for_the_year(folder: Path, documents: int) -> dict[str, object]:
    """The worst case: nobody closed a day all year; one Z sums every document."""
    year = BusyYear(f"sqlite:///{folder / 'whole.sqlite3'}")
    year.write(documents, YEAR_START, timedelta(days=365))
    year.close_drawer()
    year.clock._now = YEAR_START + timedelta(days=365, hours=12)
    closing = ClosingService(sessions=year.sessions, clock=year.clock, terminal_id="T1",
                             signer=file_signer(folder / "keys"))
    x, x_s = _timed(lambda: closing.x_report(ADMIN))
    z, z_s = _timed(lambda: closing.close_z(ADMIN))
    assert z.report.documents == x.documents == documents
    return {"documents": documents, "x_s": x_s, "z_s": z_s}


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
            prev = chain(rows, prev)
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
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--no-whole-year", action="store_true",
                        help="skip the worst case (one Z over every document of the year)")
    parser.add_argument("--whole-year-only", action="store_true",
                        help="only the worst case (one Z over every document of the year)")
    parser.add_argument("--sizes", default="100000,300000,1000000")
    parser.add_argument("--out", type=Path,
                        default=ROOT / "benchmarks" / "results" / "closing.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="closing-bench-") as tmp:
        folder = Path(tmp)
        if args.whole_year_only:
            print(json.dumps(one_z_for_the_year(folder, args.documents), indent=2))
            return
        result = {"daily_z_year_closure_archive": daily_zs(folder, args.documents, args.days),
                  "one_z_for_a_whole_year": None if args.no_whole_year
                  else one_z_for_the_year(folder, args.documents),
                  "audit_verify": [audit_chain(folder, int(size))
                                   for size in args.sizes.split(",")]}
    text = json.dumps(result, indent=2)
    print(text)
    args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
