"""Story: the network is down, Camille exchanges a T-shirt anyway; when Wix is back it syncs.

The order exists on the fake Wix and in the local database with the same ids; the sync runs
on its own thread as in the app, and the badge tells the counter what is going on.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from pos.db.engine import SessionFactory
from pos.sync.engine import SyncRunner
from pos.sync.service import SyncService
from pos.ui.screens.sync import SyncBadge
from pos.ui.sync_worker import SyncThread
from tests.fakes.wix import FakeWix
from tests.sync.conftest import RecordedSleep
from tests.sync.test_engine import Network
from tests.sync.test_push import WixShop, exchange, make_wix_shop, wix_id_of, wix_order


@pytest.fixture
def ws(sessions: SessionFactory, bare_wix: FakeWix) -> Iterator[WixShop]:
    made = make_wix_shop(sessions, bare_wix, RecordedSleep())
    yield made
    made.client.close()


@pytest.fixture
def network(bare_wix: FakeWix) -> Network:
    return Network(bare_wix, RecordedSleep())


@pytest.fixture
def sync(qtbot: QtBot, ws: WixShop, network: Network) -> Iterator[tuple[SyncThread, SyncBadge]]:
    shop = ws.shop

    def make_runner() -> SyncRunner:  # called on the sync thread, at its first tick
        return SyncRunner(sessions=shop.sessions, clock=shop.clock, client_factory=network)

    service = SyncService(make_runner, sessions=shop.sessions, clock=shop.clock)
    thread = SyncThread(make_sync=lambda: service, interval_ms=3_600_000)
    badge = SyncBadge()
    qtbot.addWidget(badge)
    thread.status_changed.connect(badge.show_status)
    yield thread, badge
    thread.stop()


def test_an_offline_exchange_reaches_wix_once_the_network_is_back(
    qtbot: QtBot, ws: WixShop, network: Network, sync: tuple[SyncThread, SyncBadge]
) -> None:
    thread, badge = sync
    # Hélène bought a T-shirt in M on the web shop; the order is at the counter too.
    order = wix_order(ws, [("T-S-M", 1)])
    original = wix_id_of(ws, order)
    # The shop's internet is down when the till starts.
    network.up = False
    thread.start()
    qtbot.waitUntil(lambda: badge.text() == "Offline", timeout=10_000)
    # Camille swaps the M for an L all the same: the exchange is kept in the queue.
    done = exchange(ws, order)
    thread.request_now()
    qtbot.waitUntil(lambda: badge.text().startswith("Offline — "), timeout=10_000)
    assert thread.status is not None and thread.status.pending > 0
    assert not thread.status.online and "cannot be reached" in (thread.status.last_error or "")
    assert ws.fake.state.get_transactions(original)["refunds"] == []
    # The network is back; a manager taps "Sync now".
    network.up = True
    thread.request_now()
    qtbot.waitUntil(lambda: badge.kind == "ok", timeout=20_000)
    assert badge.text() == "Online · up to date"
    assert thread.status.pending == 0 and thread.status.needs_review == 0
    # Wix has exactly one refund on the web order and one new order for the L.
    assert len(ws.fake.state.get_transactions(original)["refunds"]) == 1
    (replacement,) = ws.fake.state.orders_with_external_id(done.document_id)
    assert [line["physicalProperties"]["sku"] for line in replacement["lineItems"]] == ["T-S-L"]
