"""The main window: hosts the screens in a stack and moves between them. Nothing else."""

from __future__ import annotations

from datetime import tzinfo
from typing import Protocol, runtime_checkable

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from pos.services.history import SalesHistoryService
from pos.ui.counter import CounterServices, CounterSession, install_counter
from pos.ui.retranslating import Retranslating
from pos.ui.scanner import ScanRouter, install_scanner, order_lookup_handler
from pos.ui.screens.order import OrderScreen, OrderViewModel
from pos.ui.screens.search import SearchScreen, SearchViewModel
from pos.ui.scroll_area import content_host
from pos.ui.workers import TaskRunner


@runtime_checkable
class LocaleAware(Protocol):
    """A screen showing money, dates or times that can re-format them on the spot."""

    def set_locale(self, locale: str) -> None: ...


class MainWindow(Retranslating, QMainWindow):
    """The app's only window: a stack of screens under an optional top bar.

    The search screen and the order screen it opens are always there; the counter's other
    screens (login, returns, printing, stock) are added by `pos.ui.counter`. The window owns
    the `TaskRunner` it is given and stops it when closed, so no task outlives the screens
    that would receive its result.

    Signals:
        closing(): the window is closing (runners, timers and devices stop).
    """

    closing = Signal()

    def __init__(
        self,
        *,
        search: SearchScreen,
        order: OrderScreen,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._search, self._order, self._runner = search, order, runner
        self.counter: CounterSession | None = None  # when the counter is installed
        runner.setParent(self)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(search)
        self._stack.addWidget(order)
        central = QWidget()
        self._layout = QVBoxLayout(central)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self._stack)
        # Scrollable from the start, with room under it for the on-screen keyboard: moving
        # the built screens into a scroll area later would re-style every widget (260 ms).
        self.setCentralWidget(content_host(central))
        self._connect_signals()
        self._retranslate_ui()

    @property
    def search_screen(self) -> SearchScreen:
        return self._search

    @property
    def order_screen(self) -> OrderScreen:
        return self._order

    @property
    def runner(self) -> TaskRunner:
        return self._runner

    def current_screen(self) -> QWidget | None:
        return self._stack.currentWidget()

    def add_screen(self, screen: QWidget) -> None:
        self._stack.addWidget(screen)

    def show_screen(self, screen: QWidget) -> None:
        self._stack.setCurrentWidget(screen)

    def set_locale(self, locale: str) -> None:
        """Show money, dates and times the `locale` way ("en_US") on every screen, now.

        Each `LocaleAware` screen re-formats what it already shows: nothing is read again.
        """
        for index in range(self._stack.count()):
            # `object`: mypy sees no QWidget that is LocaleAware (Shiboken's metaclass).
            screen: object = self._stack.widget(index)
            if isinstance(screen, LocaleAware):
                screen.set_locale(locale)

    def set_top_bar(self, bar: QWidget) -> None:
        """Put `bar` above every screen (the operator's name and the counter's actions)."""
        self._layout.insertWidget(0, bar)

    def show_search(self) -> None:
        self._stack.setCurrentWidget(self._search)
        self._search.activate()

    def _connect_signals(self) -> None:
        self._search.order_requested.connect(self._on_search_order_requested)
        self._order.back_requested.connect(self._on_order_back_requested)

    def _retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Comptoir — returns desk"))

    def _on_search_order_requested(self, order_id: int) -> None:
        self._order.view_model.load(order_id)
        self._stack.setCurrentWidget(self._order)

    def _on_order_back_requested(self) -> None:
        self.show_search()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        self._runner.shutdown()
        super().closeEvent(event)


def create_main_window(
    *,
    history: SalesHistoryService,
    locale: str,
    stylesheet: str = "",
    services: CounterServices | None = None,
    time_zone: tzinfo | None = None,
) -> MainWindow:
    """The window with its screens, view models and task runner, wired to `history`.

    Args:
        history: the sales-history service (any thread may call it).
        locale: Babel locale for money and dates ("fr_FR", "en_US").
        stylesheet: QSS applied to the window.
        services: the counter's other services; with them the window starts on the login
            screen and offers returns, printing and stock (`pos.ui.counter`).
        time_zone: the shop's, in which every screen shows dates and times (default: the
            services', else the machine's own).
    """
    tz = time_zone or (services.time_zone if services is not None else None)
    runner = TaskRunner()
    search_vm = SearchViewModel(history=history, runner=runner)
    order_vm = OrderViewModel(history=history, runner=runner, locale=locale, tz=tz)
    search = SearchScreen(view_model=search_vm, locale=locale, tz=tz)
    order = OrderScreen(view_model=order_vm, locale=locale, tz=tz)
    search_vm.setParent(search)
    order_vm.setParent(order)
    window = MainWindow(search=search, order=order, runner=runner)
    window.setStyleSheet(stylesheet)
    # A keyboard-wedge scanner's burst (receipt QR, barcode) goes to the screen's scan
    # handler instead of whichever field has the focus; hand typing is left alone.
    router = ScanRouter(parent=window)
    router.set_handler(order_lookup_handler(search_vm.submit))
    install_scanner(window, router)
    window.show_search()
    if services is not None:
        window.counter = install_counter(window, services=services, router=router,
                                         history=history, locale=locale)
    return window
