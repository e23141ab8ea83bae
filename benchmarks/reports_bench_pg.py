"""The Reports' latency on PostgreSQL: `reports_bench.py`'s year, on a throwaway server.

The server is the tests' own (`tests/support/postgres.py`: PostgreSQL binaries on PATH or in
/usr/lib/postgresql, or COMPTOIR_TEST_POSTGRES_URL). Prints JSON; results/reports_pg.json.

    .venv/bin/python benchmarks/reports_bench_pg.py
"""

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import reports_bench as rb  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from pos.db.engine import make_engine  # noqa: E402
from tests.support.postgres import start  # noqa: E402


def main() -> None:
    server = start()
    try:
        run(server.url)
    finally:
        server.stop()


def run(server_url: str) -> None:
    admin = make_engine(server_url).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text("CREATE DATABASE reports_bench"))
    url = make_url(server_url).set(database="reports_bench").render_as_string(hide_password=False)
    original = rb.BusyYear  # BusyYear takes a URL: point the seeding at PostgreSQL
    rb.BusyYear = lambda _url: original(url)  # type: ignore[assignment, misc]
    t0 = time.perf_counter()
    year = rb.seed(Path(tempfile.mkdtemp()), 200_000, 300_000)
    with year.engine.begin() as c:
        c.execute(text("ANALYZE"))
    generated = time.perf_counter() - t0
    result = {"backend": "postgresql", "documents": 200_000, "orders": 300_000,
              "generation_s": round(generated, 1), "report": rb.report_latency(year, 3)}
    year.engine.dispose()
    out = json.dumps(result, indent=2)
    print(out)
    (ROOT / "benchmarks" / "results" / "reports_pg.json").write_text(out + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
