"""The sync runner: offline status in plain words, online sales kept, the sync lead."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from pos.db.engine import SessionFactory, make_engine, make_sessions
from pos.sync.client import WixClient
from pos.sync.engine import SyncRunner
from pos.sync.problems import Problem
from tests.fakes.wix import FakeWix
from tests.support.clock import FakeClock
from tests.sync.conftest import RecordedSleep, make_client
from tests.sync.test_stock_push import NOW, link, queue


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Network:
    """A client factory whose clients reach the fake only while `up` is True."""

    def __init__(self, fake: FakeWix, sleep: RecordedSleep) -> None:
        self.fake, self.sleep, self.up = fake, sleep, True
        self.dead_url = f"http://127.0.0.1:{closed_port()}"

    def __call__(self) -> WixClient:
        url = self.fake.base_url if self.up else self.dead_url
        return make_client(self.fake, self.sleep, base_url=url, max_read_attempts=2)


@pytest.fixture
def network(fake_wix: FakeWix, waits: RecordedSleep) -> Network:
    return Network(fake_wix, waits)


@pytest.fixture
def runner(sessions: SessionFactory, network: Network) -> Iterator[SyncRunner]:
    with SyncRunner(sessions=sessions, clock=FakeClock(NOW), client_factory=network) as made:
        yield made


def test_offline_status_says_why_in_plain_words_and_counts_the_queue(
    fake_wix: FakeWix, sessions: SessionFactory, network: Network, runner: SyncRunner
) -> None:
    ids = link(sessions, fake_wix, ["TS-M"])
    for delta in (1, 2, -1):
        queue(sessions, ids["TS-M"], delta)
    network.up = False
    status = runner.run_once()
    assert not status.online and status.leader
    assert status.pending == 3
    assert status.last_error == (
        "Wix cannot be reached (no network?) — 3 changes wait and will be sent when it is back"
    )
    assert status.last_problem == Problem("unreachable", {"pending": 3})  # for the screen
    assert runner.status() == status  # the cheap read gives the same picture


def test_an_online_sale_during_an_offline_period_is_kept(
    fake_wix: FakeWix, sessions: SessionFactory, network: Network, runner: SyncRunner
) -> None:
    ids = link(sessions, fake_wix, ["TS-M", "TS-L"])
    network.up = False
    queue(sessions, ids["TS-M"], 2)  # a return put back on the shelf
    queue(sessions, ids["TS-L"], 3)
    assert not runner.run_once().online
    fake_wix.state.sell_online([("TS-M", 4)])  # meanwhile on the web shop: 10 -> 6
    network.up = True
    status = runner.run_once()
    assert status.online and status.last_error is None and status.pending == 0
    assert fake_wix.state.stock("TS-M") == 10 - 4 + 2  # both kept
    assert fake_wix.state.stock("TS-L") == 2 + 3
    assert status.last_push_at == NOW
    assert runner.reports["stock"].done == 2


def test_missing_puller_and_pusher_are_skipped_with_a_note(
    fake_wix: FakeWix, runner: SyncRunner
) -> None:
    status = runner.run_once()
    assert status.online
    notes = " ".join(runner.notes)
    try:
        import pos.sync.pull  # noqa: F401
    except ModuleNotFoundError:
        assert "pulling from Wix is not available" in notes
    try:
        import pos.sync.push  # noqa: F401
    except ModuleNotFoundError:
        assert "sending counter documents" in notes


def test_needs_review_items_are_in_the_status(
    fake_wix: FakeWix, sessions: SessionFactory, runner: SyncRunner, network: Network
) -> None:
    from tests.sync.test_stock_push import make_review_case

    ids = link(sessions, fake_wix, ["TS-M"])
    sent = queue(sessions, ids["TS-M"], 2)
    runner._client = network()  # a client the test can wrap
    make_review_case(fake_wix, runner._client)
    status = runner.run_once()
    assert status.needs_review == 1
    (item,) = status.review_items
    assert item.message_id == sent and item.kind == "wix.stock_delta"
    numbers = dict(item.numbers)
    assert numbers["expected_quantity"] == 12 and numbers["found_quantity"] == 11
    assert "Wix shows 11" in item.reason
    assert item.problem == Problem("stock_changed", {"name": "SKU TS-M", "cause": "lost",
                                                     "detail": item.problem.params["detail"]})


@pytest.mark.parametrize("backend", ["postgresql"])
def test_only_one_runner_leads_on_postgresql(
    db_url: str, fake_wix: FakeWix, network: Network
) -> None:
    engine = make_engine(db_url)
    sessions = make_sessions(engine)
    first = SyncRunner(sessions=sessions, clock=FakeClock(NOW), client_factory=network)
    second = SyncRunner(sessions=sessions, clock=FakeClock(NOW), client_factory=network)
    try:
        assert first.run_once().leader
        requests = len(fake_wix.log.entries)
        follower = second.run_once()
        assert not follower.leader and len(fake_wix.log.entries) == requests  # stays quiet
        assert first.run_once().leader  # the lead is kept between ticks
        first.close()
        assert second.run_once().leader  # and handed over when the leader stops
    finally:
        first.close()
        second.close()
        engine.dispose()


def test_sqlite_runner_is_always_leader(
    fake_wix: FakeWix, sessions: SessionFactory, network: Network, backend: str
) -> None:
    if backend != "sqlite":
        pytest.skip("SQLite only")
    with SyncRunner(sessions=sessions, clock=FakeClock(NOW), client_factory=network) as other:
        with SyncRunner(sessions=sessions, clock=FakeClock(NOW), client_factory=network) as one:
            assert one.run_once().leader and other.run_once().leader
