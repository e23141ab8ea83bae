"""The main window: hosts the screens in a stack and moves between them. Nothing else."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from pos.services.history import SalesHistoryService
from pos.ui.scanner import ScanRouter, install_scanner, order_lookup_handler
from pos.ui.screens.order import OrderScreen, OrderViewModel
from pos.ui.screens.search import SearchScreen, SearchViewModel
from pos.ui.workers import TaskRunner


class MainWindow(QMainWindow):
    """The app's only window: the search screen, and the order screen it opens.

    The window owns the `TaskRunner` it is given and stops it when closed, so no task
    outlives the screens that would receive its result.
    """

    def __init__(
        self,
        *,
        search: SearchScreen,
        order: OrderScreen,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Comptoir — returns desk"))
        self._search, self._order, self._runner = search, order, runner
        runner.setParent(self)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(search)
        self._stack.addWidget(order)
        self.setCentralWidget(self._stack)
        self._connect_signals()

    @property
    def search_screen(self) -> SearchScreen:
        return self._search

    @property
    def order_screen(self) -> OrderScreen:
        return self._order

    @property
    def runner(self) -> TaskRunner:
        return self._runner

    def current_screen(self) -> QWidget:
        return self._stack.currentWidget()

    def show_search(self) -> None:
        self._stack.setCurrentWidget(self._search)
        self._search.activate()

    def _connect_signals(self) -> None:
        self._search.order_requested.connect(self._on_search_order_requested)
        self._order.back_requested.connect(self._on_order_back_requested)

    def _on_search_order_requested(self, order_id: int) -> None:
        self._order.view_model.load(order_id)
        self._stack.setCurrentWidget(self._order)

    def _on_order_back_requested(self) -> None:
        self.show_search()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._runner.shutdown()
        super().closeEvent(event)


def create_main_window(
    *, history: SalesHistoryService, locale: str, stylesheet: str = ""
) -> MainWindow:
    """The window with its screens, view models and task runner, wired to `history`.

    Args:
        history: the sales-history service (any thread may call it).
        locale: Babel locale for money and dates ("fr_FR", "en_US").
        stylesheet: QSS applied to the window.
    """
    runner = TaskRunner()
    search_vm = SearchViewModel(history=history, runner=runner)
    order_vm = OrderViewModel(history=history, runner=runner, locale=locale)
    search = SearchScreen(view_model=search_vm, locale=locale)
    order = OrderScreen(view_model=order_vm, locale=locale)
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
    return window
