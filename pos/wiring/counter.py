"""The counter's services for its screens (`CounterServices`), taken from one `Store`."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from zoneinfo import ZoneInfo

from pos.domain.money import Money
from pos.domain.roles import Operator
from pos.services.catalogue_search import CatalogueSearchService
from pos.services.sync_port import SyncPort
from pos.ui.counter import CounterServices
from pos.ui.format import LOCALES, format_datetime, format_money
from pos.wiring import devices
from pos.wiring.store import Store

DEMO_FLOAT = Money(15000, "EUR")  # the demo's drawer opens with 150.00


def counter_services(
    store: Store, *, demo: bool, pictures: bool = True, sync: SyncPort | None = None
) -> CounterServices:
    """Everything the counter's screens call, on `store`.

    The demo uses a simulated card terminal and never talks to a real shop (even with Wix
    variables set in the shell); a real shop confirms the stand-alone terminal's approval
    code on screen. The printer, the time zone and the data directory are `store`'s options.

    Args:
        pictures: False: products are shown without pictures (no data directory is read).
        sync: The sync the counter shows instead of the store's (a test's offline runner);
            the demo shows none either way.
    """
    catalogue = (
        store.catalogue_search if pictures else CatalogueSearchService(sessions=store.sessions)
    )
    return CounterServices(
        users=store.users,
        returns=store.returns,
        catalogue=catalogue,
        stock=store.stock,
        print_queue=store.print_queue,
        previews=store.previews,
        card_terminal=devices.simulated_terminal() if demo else None,
        time_zone=ZoneInfo(store.time_zone),
        sync=None if demo else sync or store.sync,
        settings=store.settings,
        policy=store.policy,
        test_print=partial(devices.test_print, printers=store.printers),
        warm_up=warm_up,
        cash=store.cash,
        closing=store.closing,
        shop=store.shop,
        reports=store.reports,
        return_requests=store.return_requests,
        no_receipt=store.no_receipt,
        customers=store.customers,
    )


def warm_up() -> None:
    """Slow first-time loads, on the printing thread while the cashier logs in.

    The printer drivers (python-escpos's profiles), and Babel's locale data: the first
    amount or date worded in a language takes ~50 ms, which would otherwise fall on the GUI
    thread with the first search results.
    """
    devices.warm_up()
    for locale in LOCALES.values():
        format_money(Money(0, "EUR"), locale)
        format_datetime(datetime.now(UTC), locale)


def open_demo_drawer(store: Store) -> None:
    """The demo takes documents at once: its drawer opens with a 150.00 float if closed."""
    if store.cash.current() is None:
        store.cash.open(Operator.local_admin("demo"), DEMO_FLOAT)
