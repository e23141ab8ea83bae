"""The whole counter window (top bar, login, every screen) on a `build_shop` database."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from pos.domain.receipt import ShopInfo
from pos.hardware.receipt_render import render_text
from pos.hardware.transports import VirtualPrinter
from pos.services.catalogue_search import CatalogueSearchService
from pos.services.history import SalesHistoryService
from pos.services.printing import PrintQueueService
from pos.services.receipt_preview import ReceiptPreviewService
from pos.services.receipts import ReceiptService
from pos.services.stock import StockService
from pos.ui.counter import CounterServices
from pos.ui.main_window import MainWindow, create_main_window
from tests.support.shop import Shop


class SharedVirtualPrinter:
    """What `make_printer("virtual")` gives the app, kept so the test can read the paper."""

    def __init__(self) -> None:
        self.device = VirtualPrinter()

    def __call__(self, uri: str):  # type: ignore[no-untyped-def]
        from pos.hardware.printer import make_printer  # noqa: PLC0415

        return make_printer(uri, transport=self.device)


def counter_window(shop: Shop) -> tuple[MainWindow, VirtualPrinter]:
    """The app's main window on `shop` (not shown), and the virtual printer it prints on."""
    sessions = shop.sessions
    printer = SharedVirtualPrinter()
    receipts = ReceiptService(sessions=sessions, clock=shop.clock, shop=ShopInfo("Lumière"))
    services = CounterServices(
        users=shop.users, returns=shop.returns,
        catalogue=CatalogueSearchService(sessions=sessions),
        stock=StockService(sessions=sessions, clock=shop.clock),
        print_queue=PrintQueueService(sessions=sessions, clock=shop.clock, receipts=receipts,
                                      printers=printer, default_printer="virtual"),
        previews=ReceiptPreviewService(receipts=receipts,
                                       render_text=lambda r, c: render_text(r, columns=c)),
        time_zone=ZoneInfo("Europe/Paris"))  # a Paris shop on a terminal kept in UTC
    window = create_main_window(history=SalesHistoryService(sessions=sessions, clock=shop.clock),
                                locale="en_US", services=services)
    return window, printer.device
