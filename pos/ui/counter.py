"""The counter around the search screen: login, returns, printing, stock, wired under the top bar.

`install_counter` adds these screens to the main window and moves between them; it holds the
logged-in operator (the services check roles themselves — the UI only hides what a role
cannot use). Receipts print on their own runner, so a slow printer never delays the
database work of the next customer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from pos.domain.returns import Draft
from pos.domain.roles import Operator
from pos.services.card_terminal import CardTerminal
from pos.services.cash import CashService
from pos.services.catalogue_search import CatalogueSearchService
from pos.services.closing import ClosingService
from pos.services.customers import CustomerService
from pos.services.history import OrderDetail, SalesHistoryService
from pos.services.no_receipt import NoReceiptService
from pos.services.policy import PolicyService
from pos.services.printing import PrintQueueService
from pos.services.receipt_preview import ReceiptPreviewService
from pos.services.receipts import ReceiptError
from pos.services.reports import ReportsService
from pos.services.return_requests import ReturnRequestService
from pos.services.returns import ReturnsService
from pos.services.settings import SettingsService
from pos.services.shop import ShopService
from pos.services.stock import StockService
from pos.services.sync_port import SyncPort
from pos.services.users import UserService
from pos.ui.format import LOCALES
from pos.ui.manager_places import ClosingPlace
from pos.ui.scanner import ScanRouter, order_lookup_handler
from pos.ui.screens.customer.place import CustomerPlace, install_customer
from pos.ui.screens.login.screen import create_login_screen
from pos.ui.screens.no_receipt.install import install_no_receipt
from pos.ui.screens.printing.screen import create_printing_screen
from pos.ui.screens.requests import RequestsUi, install_requests
from pos.ui.screens.returns import create_returns_flow, install_order_actions
from pos.ui.screens.settings.screen import create_settings_screen
from pos.ui.screens.stock.screen import create_stock_screen
from pos.ui.screens.sync import install_sync
from pos.ui.top_bar import TopBar
from pos.ui.workers import TaskRunner

if TYPE_CHECKING:
    from pos.ui.main_window import MainWindow
    from pos.ui.screens.closing import ClosingScreen
    from pos.ui.screens.reports import ReportsScreen

PRINT_RETRY_MS = 15_000  # failed receipts are tried again this often (the queue decides when)
WARM_UP_DELAY_MS = 300  # slow one-time loads wait for the window's first frames, not slow them


@dataclass(frozen=True, slots=True)
class CounterServices:
    """Everything the counter's screens call, built by the composition root (`pos.wiring`)."""

    users: UserService
    returns: ReturnsService
    catalogue: CatalogueSearchService
    stock: StockService
    print_queue: PrintQueueService
    previews: ReceiptPreviewService
    card_terminal: CardTerminal | None = None
    time_zone: tzinfo | None = None
    sync: SyncPort | None = None
    settings: SettingsService | None = None
    policy: PolicyService | None = None
    test_print: Callable[[str], None] | None = None
    warm_up: Callable[[], None] | None = None  # slow one-time loads, run once the window is up
    cash: CashService | None = None
    closing: ClosingService | None = None
    shop: ShopService | None = None  # the identity receipts print (Settings' Shop tab)
    reports: ReportsService | None = None
    return_requests: ReturnRequestService | None = None  # docs/return-requests.md
    no_receipt: NoReceiptService | None = None  # returns without a receipt (docs/no-receipt.md)
    customers: CustomerService | None = None  # the customer view, from the order screen


class CounterSession(QObject):
    """The counter's screens wired together around the logged-in operator.

    Signals:
        operator_changed(object): someone logged in (an `Operator`) or out (None).
    """

    operator_changed = Signal(object)

    def __init__(self, *, window: MainWindow, services: CounterServices, router: ScanRouter,
                 history: SalesHistoryService, locale: str) -> None:
        super().__init__(window)
        self._window, self._services, self._router = window, services, router
        self._history, self._locale = history, locale
        self.operator: Operator | None = None
        self._print_runner = TaskRunner(parent=self)  # devices never wait behind the database
        self._closed = False
        self._timer = QTimer(self)
        self._build_screens(locale)
        self._connect_signals()
        self._timer.start(PRINT_RETRY_MS)
        self.log_out()
        if services.warm_up is not None:  # e.g. the printer drivers, before the first receipt
            QTimer.singleShot(WARM_UP_DELAY_MS, self._warm_up)

    def _build_screens(self, locale: str) -> None:
        services, runner = self._services, self._window.runner
        self.top_bar = TopBar()
        self.login = create_login_screen(users=services.users, runner=runner, locale=locale,
                                         tz=services.time_zone)
        self.printing = create_printing_screen(queue=services.print_queue,
                                               previews=services.previews, runner=runner,
                                               locale=locale, tz=services.time_zone)
        self.stock = create_stock_screen(stock=services.stock, runner=runner, locale=locale,
                                         tz=services.time_zone)
        self.returns = create_returns_flow(
            returns=services.returns, catalogue=services.catalogue, users=services.users,
            history=self._history, runner=runner, locale=locale,
            card_terminal=services.card_terminal, operator_provider=lambda: self.operator,
            customers=services.customers)
        self.settings = (create_settings_screen(
            settings=services.settings, policy=services.policy, users=services.users,
            runner=runner, test_print=services.test_print, shop=services.shop,
            signing_key=_public_key_of(services.closing))
            if services.settings is not None and services.policy is not None else None)
        self.manager_places = ClosingPlace(  # the Closing and Reports, made on first use
            window=self._window, cash=services.cash, closing=services.closing,
            reports=services.reports, print_queue=services.print_queue,
            print_runner=self._print_runner, locale=self._current_locale,
            show_search=self._show_search)  # fmt: skip
        self.top_bar.closing_available = self.manager_places.has_closing
        self.top_bar.reports_available = self.manager_places.has_reports
        screens = (self.login, self.printing, self.stock, self.returns, self.settings)
        for screen in screens:
            if screen is not None:
                self._window.add_screen(screen)
        self._window.set_top_bar(self.top_bar)
        self.sync = (install_sync(self, self.top_bar, self._window, services.sync, runner,
                                  locale=locale, tz=services.time_zone)
                     if services.sync is not None else None)
        self.order_actions = install_order_actions(self._window.order_screen, self.returns,
                                                   show=self._show_returns)
        self.no_receipt = install_no_receipt(self, self._window, services=services,
                                             router=self._router, locale=locale,
                                             show_search=self._show_search,
                                             print_pending=self.print_pending)  # fmt: skip
        self.requests = self._install_requests(locale)
        self._window.search_screen.view_model.set_document_finder(self._has_no_order)
        if self.requests is not None:
            self.manager_places.link_requests(self.requests)  # on the Closing, with its count
        self.customer: CustomerPlace | None = None if services.customers is None else (
            install_customer(window=self._window, customers=services.customers,
                             previews=services.previews, locale=self._current_locale,
                             tz=services.time_zone, show_order=self._show_order))

    def _install_requests(self, locale: str) -> RequestsUi | None:
        """Return requests: the badge, the lists, *Return request* under an order, and
        authorisation numbers typed or scanned on the search screen."""
        services, window = self._services, self._window
        if services.return_requests is None:
            return None
        ui = install_requests(
            self, top_bar=self.top_bar, order_screen=window.order_screen,
            requests=services.return_requests, users=services.users, history=self._history,
            runner=window.runner, locale=locale, tz=services.time_zone,
            current_order=lambda: window.order_screen.view_model.detail,
            add_screen=window.add_screen)  # fmt: skip
        window.search_screen.view_model.set_code_handler(ui.controller.open_authorisation)
        return ui

    @property
    def closing(self) -> ClosingScreen | None:
        """The Closing screen, once a manager has opened it."""
        return self.manager_places.closing

    @property
    def reports(self) -> ReportsScreen | None:
        return self.manager_places.reports

    def _has_no_order(self, number: str) -> bool:
        """Whether `number` is a counter document (so one without an order: the search found
        none) — a return without a receipt. On the runner."""
        try:
            self._services.previews.preview(number)
        except ReceiptError:
            return False
        return True

    def open_returns_draft(self, detail: OrderDetail, draft: Draft) -> None:
        """The returns screen on `detail` with `draft`'s lines (an approved return request)."""
        self._window.order_screen.view_model.load(detail.order_id)  # Back lands on it
        self.returns.start_with_draft(detail, draft)
        self._show_returns(self.returns)

    def show_screen(self, screen: QWidget) -> None:
        """A place of its own (no scans there)."""
        self._router.set_handler(None)
        self._window.show_screen(screen)

    def show_search(self) -> None:
        self._show_search()

    def show_search_message(self, text: str) -> None:
        """The search screen, saying `text` where the results go."""
        self._window.search_screen.view_model.show_message(text)
        self._show_search()

    def show_order(self) -> None:
        self._show_order()

    def _connect_signals(self) -> None:
        self.login.logged_in.connect(self._on_login_logged_in)
        self.top_bar.logout_requested.connect(self.log_out)
        self.top_bar.search_requested.connect(self._show_search)
        self.top_bar.print_queue_requested.connect(self._on_top_bar_print_queue_requested)
        self.top_bar.stock_requested.connect(self._on_top_bar_stock_requested)
        self.printing.back_requested.connect(self._show_search)
        self.stock.back_requested.connect(self._show_search)
        self.top_bar.closing_requested.connect(self.manager_places.show_closing)
        self.top_bar.reports_requested.connect(
            lambda: self.manager_places.show_reports(from_closing=False))
        if self.settings is not None:
            self.top_bar.settings_requested.connect(self._on_top_bar_settings_requested)
            self.settings.back_requested.connect(self._show_search)
            self.settings.language_requested.connect(self.login.language_requested)
        self.returns.document_committed.connect(self._on_returns_document_committed)
        self.order_actions.reprint_requested.connect(self._on_order_actions_reprint_requested)
        self.returns.closed.connect(self._show_order)
        self.returns.cancelled.connect(self._show_order)
        self._timer.timeout.connect(self.print_pending)
        self._window.closing.connect(self._on_window_closing)

    def log_out(self) -> None:
        """Back to the login, with nothing of the last cashier's customers left on screen."""
        self._set_operator(None)
        self._window.search_screen.clear()
        self._window.order_screen.view_model.clear()
        if self.customer is not None:
            self.customer.clear()
        self._window.show_screen(self.login)
        self.login.activate()

    def _warm_up(self) -> None:
        warm_up = self._services.warm_up
        if warm_up is not None and not self._closed:
            self._print_runner.submit(warm_up, on_success=self._on_printed,
                                      on_error=self._on_printed)

    def print_pending(self) -> None:
        """Print what is queued, on the printing runner (never on the GUI thread)."""
        if self._closed:  # a timer or a commit may still call in while the window closes
            return
        queue = self._services.print_queue
        self._print_runner.submit(queue.run_once, on_success=self._on_printed,
                                  on_error=self._on_printed, key="print-queue")

    def _set_operator(self, operator: Operator | None) -> None:
        self.operator = operator
        self.top_bar.show_operator(operator)
        self.printing.set_operator(operator)
        self.stock.set_operator(operator)
        self.manager_places.set_operator(operator)
        if self.settings is not None:
            self.settings.set_operator(operator)
        self.operator_changed.emit(operator)

    def _scans_look_up_orders(self) -> None:
        """A scan on the search and order screens is a receipt: look its order up."""
        self._router.set_handler(order_lookup_handler(self._window.search_screen.view_model.submit))

    def _show_search(self) -> None:
        self._scans_look_up_orders()
        self._window.show_search()

    def _show_order(self, *_: object) -> None:
        self._scans_look_up_orders()
        self._window.show_screen(self._window.order_screen)

    def _show_returns(self, flow: QWidget) -> None:
        self._router.set_handler(self.returns.on_scan)  # items and gift cards, not orders
        self._window.show_screen(flow)

    def _on_login_logged_in(self, operator: Operator) -> None:
        self._set_operator(operator)
        self._show_search()

    def _on_top_bar_print_queue_requested(self) -> None:
        self._router.set_handler(self.printing.on_scan)
        self._window.show_screen(self.printing)
        self.printing.activate()

    def _on_top_bar_stock_requested(self) -> None:
        self._router.set_handler(self.stock.on_scan)
        self._window.show_screen(self.stock)
        self.stock.activate()

    def _current_locale(self) -> str:
        """The locale screens show now: a language switch sets Qt's default one."""
        name = QLocale().name()
        return name if name in LOCALES.values() else self._locale

    def _on_top_bar_settings_requested(self) -> None:
        if self.settings is not None:
            self._window.show_screen(self.settings)
            self.settings.activate()

    def _on_returns_document_committed(self, _number: str) -> None:
        self.print_pending()
        if self.requests is not None:
            self.requests.controller.poll()  # a request may have been used
        order_vm = self._window.order_screen.view_model
        if order_vm.detail is not None:
            order_vm.load(order_vm.detail.order_id)

    def _on_order_actions_reprint_requested(self, number: str) -> None:
        """Queue a DUPLICATE of the document and print it, on the printing runner."""
        if self._closed:
            return
        queue = self._services.print_queue

        def reprint() -> object:
            queue.reprint(number)
            return queue.run_once()

        self._print_runner.submit(reprint, on_success=self._on_printed,
                                  on_error=self._on_printed)

    def _on_printed(self, _result: object) -> None:
        """The print screen re-reads the queue when shown; failures stay queued with reasons."""

    def _on_window_closing(self) -> None:
        self._closed = True
        self._timer.stop()
        if self.requests is not None:
            self.requests.controller.stop()
        self._print_runner.shutdown()
        self._services.print_queue.close()


def _public_key_of(closing: ClosingService | None) -> Callable[[], str] | None:
    """What reads the shop's public signing key (on the runner: the keyring may be slow)."""
    return None if closing is None else (lambda: closing.public_key)


def install_counter(window: MainWindow, *, services: CounterServices, router: ScanRouter,
                    history: SalesHistoryService, locale: str) -> CounterSession:
    """Add login, returns, printing and stock to `window`; it starts on the login screen."""
    return CounterSession(window=window, services=services, router=router, history=history,
                          locale=locale)
