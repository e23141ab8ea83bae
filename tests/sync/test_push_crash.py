"""Kill the pusher at random moments (SIGKILL, a real subprocess): nothing lost, nothing doubled."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pos.db import outbox
from pos.db.engine import make_engine, make_sessions
from pos.sync.push import Pusher
from pos.sync.stock_push import StockPusher
from tests.fakes.wix import FakeWix
from tests.support.clock import FakeClock
from tests.support.databases import DatabaseFactory
from tests.support.wix_site import TEST_KEY
from tests.sync.conftest import RecordedSleep
from tests.sync.test_push import WixShop, make_wix_shop
from tests.sync.test_push_faults import assert_three_on_wix, commit_three
from tests.sync.test_push_gift_cards import assert_mixes_on_wix, commit_mixes, stock_round

ROOT = Path(__file__).resolve().parents[2]
KILLS = 3


def start_worker(url: str, fake: FakeWix) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "tests.sync.push_worker",
        "--db",
        url,
        "--base-url",
        fake.base_url,
        "--api-key",
        fake.api_key,
        "--site-id",
        fake.site_id,
    ]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)  # fmt: skip


def kill_after_requests(worker: subprocess.Popen[bytes], fake: FakeWix, count: int) -> None:
    """SIGKILL the worker once Wix has seen `count` more requests (or it finished)."""
    target = len(fake.log.entries) + count
    deadline = time.monotonic() + 30
    while len(fake.log.entries) < target and worker.poll() is None:
        assert time.monotonic() < deadline, "the worker made no progress"
        time.sleep(0.0005)
    worker.kill()
    _, errors = worker.communicate(timeout=10)
    assert worker.returncode in (0, -9), errors.decode()


def finish(ws: WixShop) -> None:
    """An in-process pusher, its clock past every retry the worker planned, drains the rest
    (with the stock pusher: a return Wix cannot refund is restocked by us)."""
    clock = FakeClock(datetime.now(UTC) + timedelta(days=3650))
    pusher = Pusher(client=ws.client, sessions=ws.shop.sessions, clock=clock)
    stock = StockPusher(client=ws.client, sessions=ws.shop.sessions, clock=clock)
    for _ in range(100):
        pusher.run_once()
        stock_round(stock)
        with ws.shop.sessions() as s:
            counts = outbox.counts(s, destination="wix")
        if not counts.get("pending") and not counts.get("in_flight"):
            return
        clock.advance(timedelta(hours=1))
    raise AssertionError(f"the outbox did not drain: {counts}")


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(10))
def test_a_killed_pusher_loses_and_doubles_nothing(
    database_factory: DatabaseFactory, seed: int
) -> None:
    rng = random.Random(seed)
    url = database_factory.new_url("sqlite")
    engine = make_engine(url)
    with FakeWix(api_key=TEST_KEY, latency_ms=rng.choice([0, 2, 5])) as fake:
        ws = make_wix_shop(make_sessions(engine), fake, RecordedSleep())
        docs = commit_three(ws)
        # The worker is killed three times, after a random number of Wix requests.
        for _ in range(KILLS):
            kill_after_requests(start_worker(url, fake), fake, rng.randint(1, 12))
        finish(ws)
        with ws.shop.sessions() as s:
            assert outbox.counts(s, destination="wix") == {"done": 8}
        assert_three_on_wix(ws, docs)
        ws.client.close()
    engine.dispose()


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
@pytest.mark.parametrize("seed", range(4))
def test_a_killed_pusher_writes_every_payment_mix_once(
    database_factory: DatabaseFactory, backend: str, seed: int
) -> None:
    rng = random.Random(100 + seed)
    url = database_factory.new_url(backend)
    engine = make_engine(url)
    with FakeWix(api_key=TEST_KEY, latency_ms=rng.choice([0, 2, 5])) as fake:
        ws = make_wix_shop(make_sessions(engine), fake, RecordedSleep())
        mixes = commit_mixes(ws)
        for _ in range(KILLS):
            kill_after_requests(start_worker(url, fake), fake, rng.randint(1, 20))
        finish(ws)
        assert_mixes_on_wix(ws, mixes)
        ws.client.close()
    engine.dispose()
