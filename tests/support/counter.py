"""The whole counter window (top bar, login, every screen) on a `build_shop` database."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from pos.hardware.transports import VirtualPrinter
from pos.services.catalogue_search import CatalogueSearchService
from pos.ui.counter import CounterServices
from pos.ui.main_window import MainWindow, create_main_window
from pos.wiring import Store, devices
from tests.support.shop import Shop


def counter_window(shop: Shop) -> tuple[MainWindow, VirtualPrinter]:
    """The app's main window on `shop` (not shown), and the virtual printer it prints on."""
    printer = VirtualPrinter()  # what `make_printer("virtual")` gives the app, kept to read
    store = Store(sessions=shop.sessions, clock=shop.clock, shop_name="Lumière",
                  printer="virtual", printers=devices.printer_factory("virtual", printer))
    services = CounterServices(
        users=shop.users, returns=shop.returns,
        catalogue=CatalogueSearchService(sessions=shop.sessions),  # no pictures directory
        stock=store.stock, print_queue=store.print_queue, previews=store.previews,
        time_zone=ZoneInfo("Europe/Paris"))  # a Paris shop on a terminal kept in UTC
    window = create_main_window(history=store.history, locale="en_US", services=services)
    return window, printer
