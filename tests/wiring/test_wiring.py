"""The one composition root: the app, every command and the tests take their services here."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from pos.db.engine import SessionFactory, make_engine, make_sessions
from pos.domain.orders import OrderData
from pos.hardware.card_terminals import SimulatedTerminal
from pos.services.ports import PrinterStatus
from pos.wiring import Store, devices, environment_options
from pos.wiring.counter import counter_services
from pos.wiring.sync import read_wix_order
from tests.support.clock import FakeClock
from tests.sync.test_wix_orders import eur_order, eur_transactions

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


@pytest.fixture
def unopened() -> Iterator[SessionFactory]:
    """Sessions on a database nobody touches: wiring alone reads nothing."""
    engine = make_engine("sqlite://")
    yield make_sessions(engine)
    engine.dispose()


def test_the_app_and_the_commands_read_the_terminal_from_the_same_variables(
    unopened: SessionFactory, tmp_path: Path
) -> None:
    environ = {"COMPTOIR_TERMINAL": "T3", "COMPTOIR_SHOP_NAME": "Lumière",
               "COMPTOIR_TIME_ZONE": "America/Montreal", "COMPTOIR_PRINTER": "tcp://10.0.0.5"}
    store = Store(sessions=unopened, clock=FakeClock(NOW), data_dir=lambda: tmp_path,
                  **environment_options(environ))  # fmt: skip
    assert (store.terminal_id, store.shop_name, store.time_zone) == (
        "T3", "Lumière", "America/Montreal")
    assert store.cash.terminal_id == "T3"
    assert store.printer_uri == "tcp://10.0.0.5"  # before the terminal's own setting


def test_without_variables_a_terminal_is_t1_on_its_setting_or_the_virtual_printer(
    unopened: SessionFactory, tmp_path: Path
) -> None:
    store = Store(sessions=unopened, clock=FakeClock(NOW), data_dir=lambda: tmp_path,
                  **environment_options({}))  # fmt: skip
    assert (store.terminal_id, store.shop_name, store.time_zone) == (
        "T1", "Comptoir", "Europe/Paris")
    assert store.printer_uri == "virtual"
    assert not (tmp_path / "terminal.json").exists()  # reading a setting writes nothing


def test_the_print_queue_reaches_its_printer_through_the_factory_it_is_given(
    unopened: SessionFactory, tmp_path: Path
) -> None:
    asked: list[str] = []

    def printers(uri: str) -> devices.EscposReceiptPrinter:
        asked.append(uri)
        return devices.make_printer(uri)

    store = Store(sessions=unopened, clock=FakeClock(NOW), printer="virtual", printers=printers,
                  data_dir=lambda: tmp_path)  # fmt: skip
    try:
        assert store.print_queue.status() is PrinterStatus.ONLINE
    finally:
        store.print_queue.close()
    assert asked == ["virtual"]


def test_the_order_importer_reads_wix_json_through_the_port_it_is_given(
    sessions: SessionFactory,
) -> None:
    read: list[str] = []

    def reader(order_json: Mapping[str, Any],
               transactions_json: Mapping[str, Any] | None = None) -> OrderData:  # fmt: skip
        read.append(str(order_json["number"]))
        return read_wix_order(order_json, transactions_json)

    store = Store(sessions=sessions, clock=FakeClock(NOW), read_order=reader)
    order_id = store.orders.record_wix_order(eur_order(), eur_transactions())
    assert read == [str(eur_order()["number"])]
    assert store.history.order_detail(order_id).number == str(eur_order()["number"])


def test_the_counter_takes_every_service_from_one_store(
    unopened: SessionFactory, tmp_path: Path
) -> None:
    store = Store(sessions=unopened, clock=FakeClock(NOW), printer="virtual",
                  data_dir=lambda: tmp_path)  # fmt: skip
    counter = counter_services(store, demo=False)
    assert counter.users is store.users and counter.returns is store.returns
    assert counter.print_queue is store.print_queue and counter.previews is store.previews
    assert counter.cash is store.cash and counter.closing is store.closing
    assert counter.settings is store.settings and counter.stock is store.stock
    assert counter.sync is store.sync and counter.card_terminal is None
    assert counter.return_requests is store.return_requests

    demo = counter_services(store, demo=True)  # no Wix, a simulated card terminal
    assert demo.sync is None and isinstance(demo.card_terminal, SimulatedTerminal)


def test_the_tests_counter_is_the_apps_without_pictures_or_with_its_own_sync(
    unopened: SessionFactory, tmp_path: Path
) -> None:
    store = Store(sessions=unopened, clock=FakeClock(NOW), printer="virtual",
                  data_dir=lambda: tmp_path)  # fmt: skip
    assert counter_services(store, demo=False).catalogue is store.catalogue_search
    bare = counter_services(store, demo=False, pictures=False)
    assert bare.catalogue is not store.catalogue_search and bare.catalogue._pictures is None
    offline = store.sync  # any SyncPort: the window-size tour gives an offline runner's
    other = counter_services(Store(sessions=unopened, clock=FakeClock(NOW)), demo=False,
                             sync=offline)  # fmt: skip
    assert other.sync is offline
    assert counter_services(store, demo=True, sync=offline).sync is None  # the demo: no Wix
