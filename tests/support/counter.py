"""The whole counter window (top bar, login, every screen) on a `build_shop` database."""

from __future__ import annotations

from pathlib import Path

from pos.hardware.transports import VirtualPrinter
from pos.services.signing import file_signer
from pos.ui.main_window import MainWindow, create_main_window
from pos.wiring import Store, devices
from pos.wiring.counter import counter_services
from tests.support.shop import Shop


def counter_window(shop: Shop, data_dir: Path) -> tuple[MainWindow, VirtualPrinter]:
    """The app's main window on `shop` (not shown), and the virtual printer it prints on.

    Wired as the demo app is (`counter_services(demo=True)`: a simulated card terminal, no
    Wix), for a Paris shop on a terminal kept in UTC, without product pictures; the
    terminal's settings and closing key live in `data_dir`.
    """
    printer = VirtualPrinter()  # what `make_printer("virtual")` gives the app, kept to read
    store = Store(sessions=shop.sessions, clock=shop.clock, shop_name="Lumière",
                  printer="virtual", printers=devices.printer_factory("virtual", printer),
                  time_zone="Europe/Paris", data_dir=lambda: data_dir,
                  signer=file_signer(data_dir / "keys"))  # fmt: skip
    services = counter_services(store, demo=True, pictures=False)
    window = create_main_window(history=store.history, locale="en_US", services=services)
    return window, printer
