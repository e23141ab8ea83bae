"""`Store`: every service of one shop on one database, wired once (the composition root).

The app (`pos.app`), every `comptoir` sub-command, integration scripts (docs/api.md) and the
tests open the shop through `Store`: one session factory, one clock, this terminal's settings,
and the adapters the services' ports are given — the printers and receipt text of
`pos.hardware` (`pos.wiring.devices`), the Wix reader and sync of `pos.sync`
(`pos.wiring.sync`). Services that read the data directory or load drivers are built on
first use, so a command that needs none of them never pays for them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from functools import cached_property, partial
from pathlib import Path
from types import TracebackType
from typing import Any

from pos import config
from pos.db.engine import SessionFactory, make_engine, make_sessions
from pos.db.migrate import upgrade
from pos.domain.clock import Clock, SystemClock
from pos.domain.shop_identity import ShopIdentity
from pos.services.archive import ArchiveService
from pos.services.audit import AuditService
from pos.services.cash import CashService
from pos.services.catalogue import CatalogueService
from pos.services.catalogue_search import CatalogueSearchService
from pos.services.closing import ClosingService
from pos.services.customers import CustomerService, open_requests
from pos.services.gift_cards import GiftCardService
from pos.services.history import SalesHistoryService
from pos.services.integrity import IntegrityService
from pos.services.no_receipt import NoReceiptService
from pos.services.order_import import OrderImportService
from pos.services.policy import PolicyService
from pos.services.ports import OrderReader, PrinterFactory
from pos.services.printing import PrintQueueService
from pos.services.receipt_preview import ReceiptPreviewService
from pos.services.receipts import ReceiptService
from pos.services.reports import ReportsService
from pos.services.return_requests import ReturnRequestService
from pos.services.returns import ReturnsService
from pos.services.settings import SettingsService
from pos.services.shop import ShopService
from pos.services.signing import LazySigner, Signer
from pos.services.stock import StockService
from pos.services.users import UserService
from pos.wiring import devices
from pos.wiring.sync import LazySyncService, read_wix_order, wix_sync_service

TERMINAL_SETTINGS = "terminal.json"  # the terminal's own settings, in the data directory


def environment_options(environ: Mapping[str, str] = os.environ) -> dict[str, Any]:
    """`Store` options from ``COMPTOIR_TERMINAL`` (T1), ``COMPTOIR_SHOP_NAME`` (Comptoir),
    ``COMPTOIR_TIME_ZONE`` (Europe/Paris) and ``COMPTOIR_PRINTER`` (the terminal's setting,
    else the virtual printer): what the app and the CLI read alike."""
    return {
        "terminal_id": environ.get("COMPTOIR_TERMINAL") or "T1",
        "shop_name": environ.get("COMPTOIR_SHOP_NAME") or "Comptoir",
        "time_zone": environ.get("COMPTOIR_TIME_ZONE") or "Europe/Paris",
        "printer": environ.get("COMPTOIR_PRINTER") or None,
        "environ": environ,
    }


def shop_signer(data_dir: Callable[[], Path] = config.data_dir) -> LazySigner:
    """The shop's closing key: the keyring, else a 0600 file in the data directory
    (docs/closing.md), created at the first closure."""
    return LazySigner(data_dir)


class Store:
    """Every service of one shop on one database; a context manager that closes it.

    Attributes:
        users: Users, PIN logins and manager approvals (`UserService`).
        history: Search the sales history and read an order (`SalesHistoryService`).
        returns: Exchanges, refunds and cancellations: quote and commit (`ReturnsService`).
        return_requests: Return requests: record, approve or reject, find by authorisation
            number, the managers' lists and the badge's counts (`ReturnRequestService`).
        no_receipt: Returns without a receipt: value, limits, customers, commit
            (`NoReceiptService`).
        policy: The return policy (`PolicyService`).
        orders: Recording Wix orders in the sales history (`OrderImportService`).
        catalogue: Variants and stock (`CatalogueService`).
        gift_cards: Register a paper gift card, read any card's balance (`GiftCardService`).
        customers: A customer's orders, documents, return rate and cards; find a customer
            (`CustomerService`).
        cash: This terminal's drawer: open, paid-outs, count, close (`CashService`).
        closing: X and Z reports, signed closures (`ClosingService`).
        reports: What the returns say, and product rules (`ReportsService`).
        stock: Stock counts and inspections (`StockService`).
        audit, integrity: The audit chain, and every check of `comptoir audit verify`.
        archive, settings, catalogue_search, receipts, print_queue, previews, sync: built on
            first use (see their properties).
    """

    def __init__(
        self,
        *,
        sessions: SessionFactory,
        clock: Clock,
        terminal_id: str = "T1",
        shop_name: str = "Comptoir",
        on_close: Callable[[], None] | None = None,
        signer: Signer | None = None,
        time_zone: str = "Europe/Paris",
        currency: str = "EUR",
        printer: str | None = None,
        printers: PrinterFactory | None = None,
        read_order: OrderReader = read_wix_order,
        data_dir: Callable[[], Path] = config.data_dir,
        environ: Mapping[str, str] = os.environ,
    ) -> None:
        self.sessions, self.clock, self.terminal_id = sessions, clock, terminal_id
        self.shop_name, self.time_zone = shop_name, time_zone
        self._on_close, self._printer, self._printers = on_close, printer, printers
        self._data_dir, self._environ = data_dir, environ
        self.signer = signer or shop_signer(data_dir)
        self.users = UserService(sessions=sessions, clock=clock)
        self.history = SalesHistoryService(sessions=sessions, clock=clock)
        self.returns = ReturnsService(
            sessions=sessions, clock=clock, terminal_id=terminal_id, shop_name=shop_name,
            time_zone=time_zone,
        )
        self.return_requests = ReturnRequestService(sessions=sessions, clock=clock,
                                                    shop_name=shop_name)
        self.no_receipt = NoReceiptService(sessions=sessions, clock=clock, terminal_id=terminal_id,
                                           time_zone=time_zone, currency=currency)
        self.policy = PolicyService(sessions=sessions, clock=clock)
        self.orders = OrderImportService(sessions=sessions, read_order=read_order)
        self.catalogue = CatalogueService(sessions=sessions, clock=clock)
        self.gift_cards = GiftCardService(sessions=sessions, clock=clock, time_zone=time_zone)
        self.customers = CustomerService(sessions=sessions, clock=clock, time_zone=time_zone,
                                         shop_name=shop_name,
                                         requests=open_requests(self.return_requests))  # fmt: skip
        self.cash = CashService(sessions=sessions, clock=clock, terminal_id=terminal_id,
                                currency=currency)  # fmt: skip
        # The shop's identity is Settings' (in the database); `shop_name` is only what prints
        # until an admin saves one.
        self.shop = ShopService(sessions=sessions, clock=clock, default=ShopIdentity(shop_name))
        self.reports = ReportsService(sessions=sessions, clock=clock, time_zone=time_zone)
        self.stock = StockService(sessions=sessions, clock=clock)
        self.audit = AuditService(sessions=sessions)
        self.integrity = IntegrityService(sessions=sessions)

    @cached_property
    def closing(self) -> ClosingService:
        """X and Z reports and signed closures; a Z's slip is queued for this terminal's printer."""
        return ClosingService(sessions=self.sessions, clock=self.clock,
                              terminal_id=self.terminal_id, time_zone=self.time_zone,
                              signer=self.signer, printer=self.printer_uri)  # fmt: skip

    @cached_property
    def printers(self) -> PrinterFactory:
        """Receipt printers of the model and paper width chosen in Settings (unless given)."""
        if self._printers is not None:
            return self._printers
        return partial(devices.make_printer, model=self.settings.printer_model)

    @cached_property
    def archive(self) -> ArchiveService:
        """Signed period archives (`comptoir archive export`)."""
        return ArchiveService(sessions=self.sessions, clock=self.clock, signer=self.signer,
                              time_zone=self.time_zone)  # fmt: skip

    @cached_property
    def settings(self) -> SettingsService:
        """The terminal's settings (its file in the data directory) and the shop's."""
        return SettingsService(sessions=self.sessions, clock=self.clock,
                               config_path=self._data_dir() / TERMINAL_SETTINGS)  # fmt: skip

    @cached_property
    def catalogue_search(self) -> CatalogueSearchService:
        """Products by name, with the pictures the sync cached in the data directory."""
        return CatalogueSearchService(sessions=self.sessions,
                                      pictures=self._data_dir() / config.PICTURES_DIR)  # fmt: skip

    @cached_property
    def receipts(self) -> ReceiptService:
        """Receipts as data, in the shop's name and time zone."""
        return ReceiptService(sessions=self.sessions, clock=self.clock,
                              shop=self.shop.default.to_shop_info(),
                              time_zone=self.time_zone)  # fmt: skip

    @cached_property
    def printer_uri(self) -> str:
        """This terminal's receipt printer: the option, else its setting, else the virtual one."""
        return self._printer or self.settings.printer_uri() or "virtual"

    @cached_property
    def print_queue(self) -> PrintQueueService:
        """This terminal's print queue, on its receipt printer."""
        return PrintQueueService(sessions=self.sessions, clock=self.clock,
                                 receipts=self.receipts, printers=self.printers,
                                 terminal_id=self.terminal_id,
                                 default_printer=self.printer_uri,
                                 time_zone=self.time_zone)  # fmt: skip

    @cached_property
    def previews(self) -> ReceiptPreviewService:
        """A document's receipt as text, as it prints: on the paper chosen in Settings."""
        return ReceiptPreviewService(
            receipts=self.receipts, render_text=devices.render_text,
            columns=lambda: devices.printer_columns(*self.settings.printer_model()))

    @cached_property
    def sync(self) -> LazySyncService:
        """The Wix sync (`SyncPort`); it loads the keyring, httpx and the engine on first use."""
        return LazySyncService(
            lambda: wix_sync_service(self.sessions, clock=self.clock, environ=self._environ,
                                     pictures_dir=self._data_dir() / config.PICTURES_DIR))

    @classmethod
    def on_engine(cls, engine: Any, **options: Any) -> Store:
        """The shop on an open engine (`pos.db.opening.open_shop`); closing it disposes it."""
        options.setdefault("clock", SystemClock())
        return cls(sessions=make_sessions(engine), on_close=engine.dispose, **options)

    @classmethod
    def open(
        cls,
        url: str,
        *,
        terminal_id: str = "T1",
        clock: Clock | None = None,
        shop_name: str = "Comptoir",
        migrate: bool = True,
        signer: Signer | None = None,
        **options: Any,
    ) -> Store:
        """Open the shop's database at `url` (a SQLite file path or URL, or PostgreSQL).

        Args:
            url: ``sqlite:///path/shop.sqlite3``, a plain file path, or
                ``postgresql://user@host/db``.
            terminal_id: This terminal's prefix for document numbers (``T1-000001``).
            clock: Where time comes from; the system clock by default.
            shop_name: Shown in customer e-mails and on receipts.
            migrate: Upgrade the schema to the current version first (a SQLite file that
                already has data is backed up beside itself before).
            signer: Signs closures; by default the shop's key in the keyring (or the 0600
                key file in the data directory), created at the first closure.
            options: The other arguments of `Store` (``time_zone``, ``printer``, …).

        Raises:
            ValueError: The URL names an unsupported database.
        """
        engine = make_engine(url)
        try:
            if migrate:
                upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(sessions=make_sessions(engine), clock=clock or SystemClock(),
                   terminal_id=terminal_id, shop_name=shop_name, on_close=engine.dispose,
                   signer=signer, **options)  # fmt: skip

    def close(self) -> None:
        """Release the database connections (idempotent)."""
        on_close, self._on_close = self._on_close, None
        if on_close is not None:
            on_close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
