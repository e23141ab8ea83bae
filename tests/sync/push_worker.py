"""Run as a subprocess by test_push_crash: push a database's outbox to a fake Wix in a loop.

``python -m tests.sync.push_worker --db URL --base-url URL --api-key KEY --site-id ID``; exits 0
when nothing it sends is pending or in flight (stock deltas are the stock pusher's). Its clock
runs a minute ahead per loop so retries come due at once; the test kills it with SIGKILL at
random moments.
"""

from __future__ import annotations

import argparse
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from pos.db import outbox
from pos.db.engine import make_engine, make_sessions
from pos.db.records import OutboxMessageRecord
from pos.sync.client import RateLimiter, WixClient
from pos.sync.credentials import WixCredentials
from pos.sync.push import Pusher


class SkippingClock:
    """Real time plus an offset that grows by a minute per loop (never goes backwards)."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    for name in ("--db", "--base-url", "--api-key", "--site-id"):
        parser.add_argument(name, required=True)
    args = parser.parse_args(argv)
    engine = make_engine(args.db)
    sessions = make_sessions(engine)
    clock = SkippingClock()
    no_wait = lambda seconds: None  # noqa: E731 - reads retry at once
    client = WixClient(base_url=args.base_url, timeout=5.0, sleep=no_wait,
                       credentials=WixCredentials(args.api_key, args.site_id),
                       limiter=RateLimiter(10_000, sleep=no_wait))  # fmt: skip
    with client:
        pusher = Pusher(client=client, sessions=sessions, clock=clock)
        while True:
            pusher.run_once()
            with sessions() as session:
                left = session.scalar(select(func.count()).select_from(OutboxMessageRecord).where(
                    OutboxMessageRecord.destination == "wix",
                    OutboxMessageRecord.kind != "wix.stock_delta",  # the stock pusher's
                    OutboxMessageRecord.state.in_((outbox.PENDING, outbox.IN_FLIGHT))))
            if not left:
                return 0
            clock.offset += timedelta(minutes=1)
            time.sleep(0.002)


if __name__ == "__main__":
    raise SystemExit(main())
