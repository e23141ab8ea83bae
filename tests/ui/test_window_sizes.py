"""Every screen of the whole counter at 1024×768 and 1920×1080, in French and English.

The real main window over real services on a SQLite file is driven through login, search,
an order, an exchange with the catalogue picker, settlement, a refund that needs a manager
(the approval dialog), both pages of a return without a receipt, a cancellation, the print
queue, stock, the six settings tabs and the sync panel (a real `SyncService` whose runner
finds Wix offline), the return requests' list (a request to decide, with photos) and the
recording of one from an order. On each screen the checks of `tests.ui.layout_checks` run:
touch targets ≥ 48 px inside the window, no clipped text, a minimum window size that fits
the smallest screen. Screenshots go to the test's tmp dir.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pos.app import build_main_window, install_translators
from pos.db.engine import SessionFactory
from pos.db.records import OutboxMessageRecord
from pos.domain.money import Money
from pos.domain.orders import OrderData, PaymentData
from pos.domain.scan import ScanKind
from pos.domain.settlement import TenderMethod
from pos.hardware.errors import PrinterStatus
from pos.hardware.transports import VirtualPrinter
from pos.services.history import SalesHistoryService
from pos.services.settings import SettingsService
from pos.services.signing import file_signer
from pos.sync.problems import CAUSE_INTERRUPTED, STOCK_CHANGED, UNREACHABLE, Problem
from pos.sync.service import SyncService
from pos.sync.status import SyncStatus, read_status, save_marks
from pos.ui.chips import ChipGroup
from pos.ui.counter import CounterServices
from pos.ui.dialogs.approval import ApprovalDialog
from pos.ui.dialogs.customer_picker import CustomerPickerDialog
from pos.ui.main_window import MainWindow
from pos.ui.screens.requests.record_view_model import INBOX_VARIABLE
from pos.wiring import Store, devices
from pos.wiring import counter as wiring
from pos.wiring.store import TERMINAL_SETTINGS
from tests.support.builders import T0
from tests.support.shop import NOW, Shop, build_shop, sell
from tests.ui.conftest import add_counter_refund, record, rich_order
from tests.ui.layout_checks import (
    name_of,
    scroll_problems,
    settle,
    target_problems,
    text_problems,
    window_problems,
)
from tests.ui.screens.login.test_screen import enter_pin, pick
from tests.ui.screens.requests.support import (
    open_requests,
    record_from_order,
    seed_requests,
    show_request,
)
from tests.ui.screens.returns.support import click, line_rows, type_amount, wait_quote

SIZES = [(1024, 768), (1280, 800), (1920, 1080)]
DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "window"
DOC_SIZES = {(1024, 768), (1280, 800)}  # the whole window, top bar included, for docs/
DOC_SCREENS = {"login", "search", "order", "returns", "settle", "settle-result", "approval",
               "settle-refund", "printing", "stock", "settings-printer", "sync",
               "closing-drawer", "no-receipt", "no-receipt-customer",
               "settings-policy", "requests", "record-request", "customer",
               "customer-documents", "customer-picker"}  # fmt: skip
SCREENS = [
    "login", "search", "order", "returns", "settle", "settle-tendered", "settle-result",
    "order-with-documents", "customer", "customer-documents", "returns-refund", "approval",
    "settle-refund", "customer-picker", "no-receipt", "no-receipt-customer", "returns-cancel",
    "printing", "stock", "stock-inspect", "settings-printer", "settings-wix", "settings-policy",
    "settings-categories", "settings-users", "settings-language", "settings-key", "sync",
    "closing-drawer",
    "closing-count", "closing-report", "requests", "record-request",
]  # fmt: skip
OFFLINE = "Wix cannot be reached (no network?): 3 changes wait and will be sent when it is back"


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translators = install_translators(qapp, request.param)
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)


class OfflineRunner:
    """The sync engine's part the service uses, as when Wix cannot be reached: the status
    comes from the database (marks and the review list), nothing is sent."""

    def __init__(self, sessions: SessionFactory) -> None:
        self._sessions = sessions

    def run_once(self) -> SyncStatus:
        return read_status(self._sessions, leader=True)

    def close(self) -> None:
        """Nothing to close: no HTTP client."""


def seed_sync(shop: Shop) -> None:
    """Wix is offline since the last pull, and two stock changes wait for a manager."""
    save_marks(shop.sessions, shop.clock, {
        "online": "0", "last_error": OFFLINE,
        "last_error_code": Problem(UNREACHABLE, {"pending": 3}).encode(),
        "last_pull_at": (NOW - timedelta(hours=2)).isoformat()})  # fmt: skip
    with shop.sessions.begin() as s:
        for sku, found in (("JEA-M", 11), ("T-S-L", 3)):
            s.add(OutboxMessageRecord(
                created_at=NOW, destination="wix", kind="wix.stock_delta",
                object_key=f"stock:{sku}", state="needs_review",
                journal={"sku": sku, "delta": 2, "quantity_before": 10,
                         "expected_quantity": 12, "found_quantity": found,
                         # the first as the sync stores it now; the second as before codes
                         **({"review_code": STOCK_CHANGED, "review_params": {
                             "name": f"SKU {sku}", "cause": CAUSE_INTERRUPTED}}
                            if sku == "JEA-M" else {})},
                last_error=f"the stock change may have been applied: Wix shows {found}, "
                           "expected 12"))  # fmt: skip


def counter_services(shop: Shop, printer: VirtualPrinter, tmp_path: Path) -> CounterServices:
    """The app's counter (`pos.wiring.counter`) on `shop`, for a Paris shop: receipts on the
    virtual `printer`, Wix offline (the status `seed_sync` left), no pictures, the terminal's
    settings and closing key in `tmp_path`, and a keyring that is a dict (never the OS's)."""
    sessions, clock = shop.sessions, shop.clock
    store = Store(sessions=sessions, clock=clock, shop_name="Lumière", printer="virtual",
                  printers=devices.printer_factory("virtual", printer), time_zone="Europe/Paris",
                  data_dir=lambda: tmp_path, signer=file_signer(tmp_path / "keys"))  # fmt: skip
    offline = SyncService(lambda: OfflineRunner(sessions), sessions=sessions, clock=clock)
    keyring: dict[tuple[str, str], str] = {}
    settings = SettingsService(
        sessions=sessions, clock=clock, config_path=tmp_path / TERMINAL_SETTINGS,
        keyring_set=lambda service, name, value: keyring.__setitem__((service, name), value),
        keyring_get=lambda service, name: keyring.get((service, name)))  # fmt: skip
    services = wiring.counter_services(store, demo=False, pictures=False, sync=offline)
    return replace(services, settings=settings)  # the keyring is a seam the store keeps


@pytest.fixture
def shop(sessions: SessionFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Shop:
    shop = build_shop(sessions)
    for number, days in (("10231", 2), ("10198", 9), ("10150", 21)):
        sell(shop, number, [("ÉCH-M", 1)], days_ago=days)
    order_id = sell(shop, "10234", [("T-S-M", 1), ("JEA-M", 2)], days_ago=3)  # exchanged
    # A return request to decide on it, with photos; the counter's photo folder has two more.
    monkeypatch.setenv(INBOX_VARIABLE, str(tmp_path / "photos"))
    seed_requests(shop, order_id, tmp_path / "photos")
    sell(shop, "10240", [("ÉCH-L", 1), ("T-S-S", 2)], days_ago=1, fulfilled=False)
    record(sessions, rich_order("10233"))  # two payments with references, a Wix refund
    seed_sync(shop)
    return shop


@pytest.fixture
def make_counter(qtbot: QtBot, shop: Shop, tmp_path: Path) -> Iterator:
    """`make_counter(locale, size)`: the whole counter, styled as the app, shown at `size`."""
    windows: list[MainWindow] = []
    printer = VirtualPrinter()
    printer.set_status(PrinterStatus.PAPER_OUT)  # receipts stay in the print queue

    def make(locale: str, size: tuple[int, int]) -> MainWindow:
        history = SalesHistoryService(sessions=shop.sessions, clock=shop.clock)
        window = build_main_window(history, locale, counter_services(shop, printer, tmp_path))
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()  # stops the runners and the sync thread before the database goes


class Inspector:
    """Checks each screen it is shown and keeps a screenshot of it."""

    def __init__(self, window: MainWindow, size: tuple[int, int], language: str,
                 folder: Path) -> None:  # fmt: skip
        self.window, self.size, self.language, self.folder = window, size, language, folder
        self.problems: list[str] = []
        self.screens: list[str] = []

    def check(self, screen: str) -> None:
        settle()
        label = f"{screen} {self.size[0]}×{self.size[1]} {self.language}"
        self.problems += window_problems(label, self.window, self.size)
        self.problems += target_problems(label, self.window)
        self.problems += text_problems(label, self.window)
        self.problems += scroll_problems(label, self.window)
        self.save(self.window, screen)

    def check_dialog(self, screen: str, dialog: QDialog) -> None:
        """A dialog opens at its size hint, at most 2/3 of the screen (Qt's rule) and never
        below its minimum; all of it must fit on the screen."""
        width, height = self.size
        wanted = dialog.sizeHint().boundedTo(QSize(width * 2 // 3, height * 2 // 3))
        dialog.resize(wanted.expandedTo(dialog.minimumSizeHint()))
        settle()
        label = f"{screen} {width}×{height} {self.language}"
        if dialog.width() > width or dialog.height() > height:
            self.problems.append(f"{label}: {name_of(dialog)} is {dialog.width()}×"
                                 f"{dialog.height()} px, larger than the screen")  # fmt: skip
        self.problems += target_problems(label, dialog)
        self.problems += text_problems(label, dialog)
        self.save(dialog, screen)

    def save(self, widget: QWidget, screen: str) -> None:
        self.screens.append(screen)
        name = f"{screen}-{self.size[0]}x{self.size[1]}-{self.language}.png"
        assert widget.grab().save(str(self.folder / name))
        if self.size in DOC_SIZES and screen in DOC_SCREENS:
            DOCS.mkdir(parents=True, exist_ok=True)
            assert self.grab_all(widget).save(str(DOCS / name))

    def grab_all(self, widget: QWidget) -> QPixmap:
        """A dialog over the dimmed window, as the person sees it; else the window."""
        if widget is self.window:
            return widget.grab()
        shot = self.window.grab()
        painter = QPainter(shot)
        painter.drawPixmap(self.window.mapFromGlobal(widget.mapToGlobal(QPoint(0, 0))),
                           widget.grab())  # fmt: skip
        painter.end()
        return shot


def log_in(qtbot: QtBot, window: MainWindow, name: str, pin: str, look: Inspector | None) -> None:
    session = window.counter
    qtbot.waitUntil(lambda: len(session.login.view_model.users) == 3)
    pick(qtbot, session.login, name)
    if look is not None:
        look.check("login")
    enter_pin(qtbot, session.login, pin)
    qtbot.waitUntil(lambda: window.current_screen() is window.search_screen)


def search(qtbot: QtBot, window: MainWindow, look: Inspector) -> None:
    box = window.search_screen.findChild(QLineEdit, "searchBox")
    qtbot.keyClicks(box, "lefevre")
    view = window.search_screen.findChild(QTableView, "searchResults")
    qtbot.waitUntil(lambda: view.model().rowCount() == 6)
    look.check("search")


def open_order(qtbot: QtBot, window: MainWindow, number: str) -> None:
    """Tap the order's row in the search results."""
    view = window.search_screen.findChild(QTableView, "searchResults")
    model = view.model()
    numbers = lambda: [model.index(r, 0).data() for r in range(model.rowCount())]  # noqa: E731
    qtbot.waitUntil(lambda: number in numbers())
    row = numbers().index(number)
    cell = view.visualRect(model.index(row, 2)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    vm = window.order_screen.view_model
    qtbot.waitUntil(lambda: vm.detail is not None and vm.detail.number == number)


def draft_jeans(qtbot: QtBot, window: MainWindow):  # type: ignore[no-untyped-def]
    """From the order on screen: the T-shirt comes back for jeans (the returns flow)."""
    click(qtbot, window.order_screen, "exchangeButton")
    flow = window.counter.returns
    qtbot.waitUntil(lambda: window.current_screen() is flow and len(line_rows(flow)) == 2)
    click(qtbot, line_rows(flow)[0], "plusButton")
    qtbot.keyClicks(flow.returns_screen.findChild(QLineEdit, "pickerSearch"), "jean")
    qtbot.waitUntil(lambda: flow.findChild(QPushButton, "variant_JEA-L") is not None)
    click(qtbot, flow.returns_screen, "variant_JEA-L")
    qtbot.waitUntil(lambda: flow.returns_screen.view_model.replacements != ())
    wait_quote(qtbot, flow)
    return flow


def exchange_for_jeans(qtbot: QtBot, window: MainWindow, look: Inspector) -> None:
    """The T-shirt comes back for jeans: 50.00 to collect, paid with 60.00 in cash."""
    flow = draft_jeans(qtbot, window)
    look.check("returns")
    click(qtbot, flow.returns_screen, "continueButton")
    look.check("settle")
    type_amount(flow, "60")
    click(qtbot, flow.settle_screen, "cashButton")
    qtbot.waitUntil(lambda: flow.settle_screen.view_model.change_due.minor == 1000)
    look.check("settle-tendered")
    click(qtbot, flow.settle_screen, "commitButton")
    qtbot.waitUntil(lambda: flow.settle_screen.view_model.result is not None, timeout=8000)
    look.check("settle-result")
    click(qtbot, flow.settle_screen, "doneButton")
    qtbot.waitUntil(lambda: window.current_screen() is window.order_screen)
    vm = window.order_screen.view_model
    qtbot.waitUntil(lambda: vm.detail is not None and bool(vm.detail.documents))
    look.check("order-with-documents")


def customer_view(qtbot: QtBot, window: MainWindow, look: Inspector) -> None:
    """From the order, its customer: figures and orders, then a document's receipt; back."""
    click(qtbot, window.order_screen, "customerLink")
    screen = window.counter.customer.screen
    qtbot.waitUntil(lambda: screen.view_model.view is not None)
    look.check("customer")
    screen.findChild(ChipGroup, "customerSections").button("documents").click()
    documents = screen.findChild(QTableView, "customerDocuments")
    cell = documents.visualRect(documents.model().index(0, 0)).center()
    qtbot.mouseClick(documents.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    preview = screen.findChild(QPlainTextEdit, "documentPreview")
    qtbot.waitUntil(lambda: "T1-000001" in preview.toPlainText())
    look.check("customer-documents")
    click(qtbot, screen, "backButton")
    qtbot.waitUntil(lambda: window.current_screen() is window.order_screen)


def pick_a_customer(qtbot: QtBot, look: Inspector) -> None:
    """In the customer picker's own event loop: search, check it, then leave it."""
    dialog = QApplication.activeModalWidget()
    try:
        assert isinstance(dialog, CustomerPickerDialog)
        dialog.findChild(QLineEdit, "customerQuery").setText("lefevre")
        dialog.findChild(QPushButton, "findCustomerButton").click()
        found = dialog.findChild(QTableView, "foundCustomers")
        qtbot.waitUntil(lambda: found.model().rowCount() > 0)
        look.check_dialog("customer-picker", dialog)
    finally:
        if dialog is not None and dialog.isVisible():
            dialog.reject()


def approve(qtbot: QtBot, look: Inspector) -> None:
    """In the dialog's own event loop: check it, then Maxime approves with his PIN."""
    dialog = QApplication.activeModalWidget()
    try:
        assert isinstance(dialog, ApprovalDialog)
        qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "manager_maxime") is not None)
        dialog.findChild(QPushButton, "manager_maxime").click()
        look.check_dialog("approval", dialog)
        dialog.findChild(QLineEdit, "reasonField").setText("Jean trop petit, client fidèle")
        for digit in "4826":
            dialog.findChild(QPushButton, f"key_{digit}").click()
        dialog.findChild(QPushButton, "approveButton").click()
        qtbot.waitUntil(lambda: not dialog.isVisible())
    finally:
        if dialog is not None and dialog.isVisible():
            dialog.reject()  # never leave a modal loop running after a failure


def draft_web_refund(qtbot: QtBot, window: MainWindow):  # type: ignore[no-untyped-def]
    """The web order 10233 found, its jeans and a T-shirt drafted for a refund (over the
    cashier's limit: Continue asks a manager)."""
    open_order(qtbot, window, "10233")
    click(qtbot, window.order_screen, "refundButton")
    flow = window.counter.returns
    qtbot.waitUntil(lambda: window.current_screen() is flow and len(line_rows(flow)) == 3)
    for row in line_rows(flow)[:2]:
        click(qtbot, row, "plusButton")
    wait_quote(qtbot, flow)
    return flow


def refund_with_approval(qtbot: QtBot, window: MainWindow, look: Inspector) -> None:
    """Jeans and a T-shirt of the web order come back: over the cashier's limit, a manager
    approves; the refund goes back to the card and the gift card it was paid with."""
    click(qtbot, window.order_screen, "backButton")
    flow = draft_web_refund(qtbot, window)
    look.check("returns-refund")
    QTimer.singleShot(0, lambda: approve(qtbot, look))
    click(qtbot, flow.returns_screen, "continueButton")
    assert "approval" in look.screens
    qtbot.waitUntil(lambda: flow.currentWidget() is flow.settle_screen)
    payments = [b for b in flow.settle_screen.findChildren(QPushButton)
                if b.objectName().startswith("payment_")]  # fmt: skip
    qtbot.waitUntil(lambda: len(payments) == 2 and all(b.isVisible() for b in payments))
    look.check("settle-refund")
    QTimer.singleShot(0, lambda: pick_a_customer(qtbot, look))
    click(qtbot, flow.settle_screen, "changeCardOwnerButton")
    assert "customer-picker" in look.screens
    click(qtbot, flow.settle_screen, "backButton")
    click(qtbot, flow.returns_screen, "backButton")


def no_receipt_return(qtbot: QtBot, window: MainWindow, look: Inspector) -> None:
    """Jeans come back without a receipt: both pages of the no-receipt screen, filled in, then
    left (nothing is written: the print queue below holds one receipt)."""
    qtbot.mouseClick(window.counter.top_bar.button("search"), Qt.MouseButton.LeftButton)
    click(qtbot, window.search_screen, "noReceiptButton")
    screen = window.counter.no_receipt.screen
    qtbot.waitUntil(lambda: window.current_screen() is screen)
    screen.on_scan(ScanKind.ITEM, "JEA-M")
    qtbot.waitUntil(lambda: len(screen.view_model.lines) == 1)
    screen.findChild(ChipGroup, "reasonChips").button("lost_receipt").click()
    qtbot.keyClicks(screen.picker.findChild(QLineEdit, "pickerSearch"), "jean")
    qtbot.waitUntil(lambda: screen.findChild(QPushButton, "variant_JEA-L") is not None)
    look.check("no-receipt")
    click(qtbot, screen, "continueButton")
    page = screen.customer_page
    qtbot.keyClicks(page.findChild(QLineEdit, "customerSearch"), "lefevre")
    table = page.findChild(QTableView, "customersTable")
    qtbot.waitUntil(lambda: table.model().rowCount() >= 1)
    screen.view_model.choose_customer(0)
    qtbot.waitUntil(lambda: screen.view_model.limits is not None)
    page.findChild(ChipGroup, "refundChips").button(TenderMethod.STORE_CREDIT).click()
    look.check("no-receipt-customer")
    click(qtbot, page, "itemsButton")
    click(qtbot, screen, "backButton")
    qtbot.waitUntil(lambda: window.current_screen() is window.search_screen)


def cancel_an_unsent_order(qtbot: QtBot, window: MainWindow, look: Inspector) -> None:
    """The parcel never left: Alex opens a cancellation (every unit comes back), then leaves."""
    window.search_screen.findChild(QLineEdit, "searchBox").setText("10240")
    open_order(qtbot, window, "10240")
    click(qtbot, window.order_screen, "cancelOrderButton")
    flow = window.counter.returns
    qtbot.waitUntil(lambda: window.current_screen() is flow and len(line_rows(flow)) == 2)
    wait_quote(qtbot, flow)
    look.check("returns-cancel")
    click(qtbot, flow.returns_screen, "backButton")


def open_sync_review(qtbot: QtBot, window: MainWindow) -> QWidget:
    """From the badge, the sync panel with the first change waiting for review tapped."""
    sync = window.counter.sync
    qtbot.waitUntil(lambda: sync.badge.kind == "review", timeout=10_000)
    qtbot.mouseClick(sync.badge, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(sync.panel.view_model.items) == 2)
    table = sync.panel.findChild(QTableView, "reviewTable")
    cell = table.visualRect(table.model().index(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.waitUntil(lambda: sync.panel.view_model.selected is not None)
    return sync.panel


def manager_places(qtbot: QtBot, window: MainWindow, look: Inspector) -> None:
    """The administrator's screens: receipts, stock, settings, sync."""
    bar = window.counter.top_bar
    qtbot.mouseClick(bar.button("printing"), Qt.MouseButton.LeftButton)
    printing = window.counter.printing
    qtbot.waitUntil(lambda: len(printing.view_model.jobs) == 1)
    view = printing.findChild(QTableView, "jobsTable")
    cell = view.visualRect(view.model().index(0, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    preview = printing.findChild(QPlainTextEdit, "receiptPreview")
    qtbot.waitUntil(lambda: "T1-000001" in preview.toPlainText())
    click(qtbot, printing, "retryButton")
    qtbot.waitUntil(lambda: printing.view_model.status_kind == "error")
    look.check("printing")
    qtbot.mouseClick(bar.button("stock"), Qt.MouseButton.LeftButton)
    stock = window.counter.stock
    stock.findChild(QLineEdit, "codeEdit").setText("JEA-M")
    click(qtbot, stock, "findButton")
    qtbot.waitUntil(lambda: stock.view_model.variant is not None)
    look.check("stock")
    click(qtbot, stock, "inspectTab")
    look.check("stock-inspect")
    qtbot.mouseClick(bar.button("settings"), Qt.MouseButton.LeftButton)
    settings = window.counter.settings
    qtbot.waitUntil(lambda: settings.view_model.snapshot is not None)
    for tab in ("printer", "wix", "policy", "categories", "users", "language", "key"):
        click(qtbot, settings, f"{tab}Tab")
        look.check(f"settings-{tab}")
    open_sync_review(qtbot, window)
    look.check("sync")
    qtbot.mouseClick(bar.button("closing"), Qt.MouseButton.LeftButton)
    closing = window.counter.closing
    qtbot.waitUntil(lambda: closing.view_model.session is not None)
    requests_link = closing.findChild(QPushButton, "requestsLink")  # the request to decide
    qtbot.waitUntil(lambda: requests_link.text().endswith(": 1  ›"))
    look.check("closing-drawer")
    click(qtbot, closing, "countTab")
    look.check("closing-count")
    click(qtbot, closing, "reportTab")
    click(qtbot, closing, "xButton")
    qtbot.waitUntil(lambda: closing.view_model.report is not None)
    look.check("closing-report")
    return_requests(qtbot, window, look)


def return_requests(qtbot: QtBot, window: MainWindow, look: Inspector) -> None:
    """The requests badge: the request to decide, tapped; then one recorded from an order."""
    screen = open_requests(qtbot, window)
    show_request(qtbot, screen, "to_decide")
    qtbot.waitUntil(lambda: len(screen.view_model.thumbnails) == 2)
    look.check("requests")
    click(qtbot, screen, "backButton")
    window.search_screen.findChild(QLineEdit, "searchBox").setText("10234")
    open_order(qtbot, window, "10234")
    record = record_from_order(qtbot, window, line=1, units=1)
    qtbot.waitUntil(lambda: len(record.view_model.photos) == 2)
    record.findChildren(QPushButton, "photoButton")[0].click()
    look.check("record-request")
    click(qtbot, record, "backButton")


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_screen_fits_the_window(qtbot: QtBot, shop: Shop, make_counter, size: tuple[int, int],
                                      language: str, tmp_path: Path) -> None:  # fmt: skip
    window = make_counter("fr_FR" if language == "fr" else "en_US", size)
    look = Inspector(window, size, language, tmp_path)
    # Camille finds an order and exchanges its T-shirt for jeans; on a web order she refunds
    # more than she may alone, and Maxime approves.
    log_in(qtbot, window, "Camille", "2580", look)
    search(qtbot, window, look)
    open_order(qtbot, window, "10234")
    look.check("order")
    exchange_for_jeans(qtbot, window, look)
    customer_view(qtbot, window, look)
    refund_with_approval(qtbot, window, look)
    no_receipt_return(qtbot, window, look)
    # Alex, the administrator, goes through the back-office places.
    qtbot.mouseClick(window.counter.top_bar.button("logout"), Qt.MouseButton.LeftButton)
    log_in(qtbot, window, "Alex Admin", "7391", None)
    cancel_an_unsent_order(qtbot, window, look)
    manager_places(qtbot, window, look)
    assert look.screens == SCREENS
    assert not look.problems, "\n".join(look.problems)


def paid_three_ways(number: str) -> OrderData:
    """The rich order, its 50 € gift card topped up with 20 € in cash: three payments."""
    order = rich_order(number)
    card, gift_card = order.payments
    card = replace(card, amount=card.amount - Money(2000, "EUR"))
    cash = PaymentData("cash", Money(2000, "EUR"), T0)
    return replace(order, payments=(card, gift_card, cash))


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_big_order_scrolls_at_1024x768_and_keeps_its_actions_in_view(
    qtbot: QtBot, shop: Shop, make_counter, language: str, tmp_path: Path
) -> None:
    # An order paid three ways, each of its three lines already brought back at the counter.
    [order_id] = record(shop.sessions, paid_three_ways("10250"))
    for line in range(3):
        add_counter_refund(shop.sessions, order_id, line=line, quantity=1, number=f"T1-00005{line}")
    size = (1024, 768)
    window = make_counter("fr_FR" if language == "fr" else "en_US", size)
    look = Inspector(window, size, language, tmp_path)
    log_in(qtbot, window, "Camille", "2580", None)
    window.search_screen.findChild(QLineEdit, "searchBox").setText("10250")
    open_order(qtbot, window, "10250")
    screen = window.order_screen
    qtbot.waitUntil(lambda: screen.findChild(QTableView, "documentsTable").model().rowCount() == 3)
    look.check("order-big")
    assert not look.problems, "\n".join(look.problems)
    # The details scroll; Exchange, Refund, Cancel and Reprint stay on screen below them.
    scroll = screen.findChild(QScrollArea, "orderScroll")
    assert scroll.verticalScrollBar().maximum() > 0
    for name in ("reprintButton", "cancelOrderButton", "refundButton", "exchangeButton"):
        button = screen.findChild(QPushButton, name)
        assert button.isVisible() and not scroll.isAncestorOf(button)
    # Scrolled to the end, the three earlier documents are all in view.
    documents = screen.findChild(QTableView, "documentsTable")
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    settle()
    top = documents.mapTo(scroll.viewport(), documents.rect().topLeft()).y()
    assert 0 <= top and top + documents.height() <= scroll.viewport().height()
    assert documents.viewport().height() >= 3 * documents.verticalHeader().defaultSectionSize()
