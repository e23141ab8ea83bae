"""Taps per counter story on the real widgets, and primary actions out of view.

Each story starts on the order screen of the counter window (top bar, every screen) and is
played by touch only, on the real widgets: every tap is a mouse press on a button
(`QTest.mouseClick`), PIN digits included; a scanned barcode counts as one action. The
stories are those of issue 13, with the goals Shopify POS and Square set:

- ``equal_other_size``: the same T-shirt in another size (goal ≤ 6 taps to the receipt);
- ``refund_with_approval``: a refund outside the return window, a manager approves with
  their PIN (goal ≤ 12, the four digits included);
- ``higher_cash``: a T-shirt back for jeans, the difference paid in cash (goal ≤ 9);
- ``no_receipt_store_credit`` (issue 16): jeans back without a receipt, from the search
  screen, to store credit for a known customer found by three typed letters, a manager
  approving with their PIN (goal ≤ 18, the letters and the digits included).
- ``scan_authorisation_refund`` (issue 16): the customer shows the QR of an approved return
  request; from the search screen, scanned, the approved jeans are in the draft: Continue,
  Confirm, Done (goal ≤ 4, the scan included).
- ``higher_store_credit``: the same, paid first with the customer's store credit found by
  "Find by customer" (one tap on the card: no code typed), the rest in cash (goal ≤ 10).

After every tap, each primary action on screen (Continue, Confirm, Done, the approval's
Approve, the order's actions) must lie inside the window: ``offscreen_actions`` counts those
that do not, per window size (1024×768 and 1280×800; the goal is 0). The stories also run
as tests (`tests/ui/test_ui_taps.py`), on SQLite and PostgreSQL. Prints JSON and keeps it
in results/ui_taps.json.

    .venv/bin/python benchmarks/ui_taps.py
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QRect, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QTableView, QWidget  # noqa: E402

from pos.ui.main_window import MainWindow  # noqa: E402
from tests.support.counter import counter_window  # noqa: E402
from tests.support.shop import Shop, build_shop, sell  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "ui_taps.json"
SIZES = ((1024, 768), (1280, 800))
GOALS = {"equal_other_size": 6, "refund_with_approval": 12, "higher_cash": 9,
         "no_receipt_store_credit": 18, "scan_authorisation_refund": 4,
         "higher_store_credit": 10}
PRIMARY = (
    "exchangeButton", "refundButton", "cancelOrderButton", "continueButton", "commitButton",
    "doneButton", "approveButton", "otherSizeButton", "noReceiptButton", "validateButton",
)  # fmt: skip
TIMEOUT_S = 10.0
JEANS_L_BARCODE = "20000012"  # build_shop: 200000 + product 1 (jeans) + size 2 (L)
JEANS_M_BARCODE = "20000011"


class StoryError(RuntimeError):
    """A story could not go on (a button never appeared, a commit never ended)."""


@dataclass
class Counter:
    """The counter window on a small shop, driven by touch; taps and misplaced actions counted."""

    window: MainWindow
    shop: Shop
    number: str = ""  # the order's, or the authorisation's the story starts from
    taps: int = 0
    offscreen: set[str] = field(default_factory=set)

    def wait(self, ready: Callable[[], object], what: str) -> None:
        deadline = time.monotonic() + TIMEOUT_S
        while not ready():
            if time.monotonic() > deadline:
                raise StoryError(f"waited {TIMEOUT_S:.0f} s for {what}")
            QApplication.processEvents()
            time.sleep(0.002)

    def tap(self, parent: QWidget, name: str) -> None:
        """Wait for the button `name` under `parent` to be shown and enabled, then touch it."""
        def button() -> QPushButton | None:
            found = [b for b in parent.findChildren(QPushButton, name) if b.isVisible()]
            return found[0] if found and found[0].isEnabled() else None

        self.wait(button, name)
        self.look()
        QTest.mouseClick(button(), Qt.MouseButton.LeftButton)
        self.taps += 1
        QApplication.processEvents()

    def tap_row(self, view: QTableView, row: int) -> None:
        """Touch row `row` of a list (once it has that many rows)."""
        self.wait(lambda: view.isVisible() and view.model().rowCount() > row, view.objectName())
        self.look()
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.visualRect(view.model().index(row, 0)).center())  # fmt: skip
        self.taps += 1
        QApplication.processEvents()

    def scan(self, field_: QLineEdit, code: str) -> None:
        """A keyboard-wedge scanner: the code's keys in a burst, then Enter (one action)."""
        QTest.keyClicks(field_, code)
        QTest.keyClick(field_, Qt.Key.Key_Return)
        self.taps += 1

    def type(self, field_: QLineEdit, text: str) -> None:
        """Letters typed on the on-screen keyboard: one tap each."""
        QTest.keyClicks(field_, text)
        self.taps += len(text)

    def look(self) -> None:
        """Note every primary action on screen that lies outside the window."""
        window_rect = self.window.rect()
        top = QApplication.activeModalWidget()
        for root in (self.window, top) if top is not None else (self.window,):
            for button in root.findChildren(QPushButton):
                if button.objectName() in PRIMARY and button.isVisible():
                    corner = button.mapTo(self.window, button.rect().topLeft()) \
                        if root is self.window else button.mapToGlobal(button.rect().topLeft())
                    area = window_rect if root is self.window else _screen_rect(self.window)
                    if not area.contains(QRect(corner, button.size())):
                        self.offscreen.add(button.objectName())

    def open_order(self, number: str) -> None:
        """Log in as Camille and open the order (not counted: the story starts there)."""
        self.log_in()
        box = self.window.search_screen.findChild(QLineEdit, "searchBox")
        box.setText(number)
        QTest.keyClick(box, Qt.Key.Key_Return)
        order = self.window.order_screen
        self.wait(lambda: order.view_model.detail is not None
                  and order.view_model.detail.number == number, "the order")  # fmt: skip

    def log_in(self) -> None:
        """Camille logs in: the search screen (not counted)."""
        session = self.window.counter
        login = session.login
        self.wait(lambda: len(login.view_model.users) == 3, "the login list")
        view = login.findChild(QTableView, "usersTable")
        [row] = [r for r, u in enumerate(login.view_model.users) if u.display_name == "Camille"]
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.visualRect(view.model().index(row, 0)).center())  # fmt: skip
        for key in (*"2580", "ok"):
            QTest.mouseClick(login.findChild(QPushButton, f"key_{key}"), Qt.MouseButton.LeftButton)
        self.wait(lambda: self.window.current_screen() is self.window.search_screen, "search")

    def committed(self) -> None:
        settle = self.window.counter.returns.settle_screen
        self.wait(lambda: settle.view_model.result is not None, "the commit")


def _screen_rect(window: QWidget) -> QRect:
    return QRect(window.mapToGlobal(window.rect().topLeft()), window.size())


def equal_other_size(counter: Counter) -> None:
    """Hélène's M is too small: Exchange, Other size, the L, Continue, Confirm, Done."""
    flow = counter.window.counter.returns
    counter.tap(counter.window.order_screen, "exchangeButton")
    counter.wait(lambda: flow.returns_screen.findChildren(QPushButton, "otherSizeButton"), "lines")
    counter.tap(flow.returns_screen, "otherSizeButton")
    counter.tap(flow.returns_screen, "variant_T-S-L")
    counter.wait(lambda: flow.returns_screen.view_model.quote is not None
                 and flow.returns_screen.view_model.replacements, "the quote")  # fmt: skip
    counter.tap(flow.returns_screen, "continueButton")
    counter.tap(flow.settle_screen, "commitButton")
    counter.committed()
    counter.tap(flow.settle_screen, "doneButton")


def refund_with_approval(counter: Counter) -> None:
    """Forty days after: Refund, +, Continue; Maxime taps his name, a reason, his PIN,
    Approve; the card is chosen already: Confirm, Done."""
    flow = counter.window.counter.returns
    counter.tap(counter.window.order_screen, "refundButton")
    counter.wait(lambda: flow.returns_screen.findChildren(QPushButton, "plusButton"), "lines")
    counter.tap(flow.returns_screen, "plusButton")
    counter.wait(lambda: flow.returns_screen.view_model.quote is not None, "the quote")

    def approve() -> None:
        counter.wait(QApplication.activeModalWidget, "the approval")
        dialog = QApplication.activeModalWidget()
        counter.tap(dialog, "manager_maxime")
        counter.tap(dialog, "chip")  # the first reason offered
        for digit in "4826":
            counter.tap(dialog, f"key_{digit}")
        counter.tap(dialog, "approveButton")

    QTimer.singleShot(0, approve)
    counter.tap(flow.returns_screen, "continueButton")  # the approval runs in its own loop
    counter.wait(lambda: flow.currentWidget() is flow.settle_screen, "settle")
    counter.tap(flow.settle_screen, "commitButton")
    counter.committed()
    counter.tap(flow.settle_screen, "doneButton")


def _jeans_to_settle(counter: Counter):  # type: ignore[no-untyped-def]
    """Exchange, +, scan the jeans, Continue: the returns flow, on its settle screen."""
    flow = counter.window.counter.returns
    counter.tap(counter.window.order_screen, "exchangeButton")
    counter.wait(lambda: flow.returns_screen.findChildren(QPushButton, "plusButton"), "lines")
    counter.tap(flow.returns_screen, "plusButton")
    counter.scan(flow.returns_screen.findChild(QLineEdit, "pickerSearch"), JEANS_L_BARCODE)
    counter.wait(lambda: flow.returns_screen.view_model.replacements
                 and flow.returns_screen.view_model.quote is not None
                 and flow.returns_screen.view_model.quote.to_collect.minor > 0,
                 "the quote")  # fmt: skip
    counter.tap(flow.returns_screen, "continueButton")
    return flow


def higher_cash(counter: Counter) -> None:
    """A T-shirt back for jeans: Exchange, +, scan the jeans, Continue, the exact cash,
    Confirm, Done."""
    flow = _jeans_to_settle(counter)
    counter.tap(flow.settle_screen, "quickCash_5000")
    counter.tap(flow.settle_screen, "commitButton")
    counter.committed()
    counter.tap(flow.settle_screen, "doneButton")


def no_receipt_store_credit(counter: Counter) -> None:
    """No sale to find (the story starts on the search screen): No receipt, scan the jeans,
    a reason, Customer and refund, "lef" typed, her row, Store credit, Validate; Maxime
    taps his name, a reason, his PIN, Approve; back on the search."""
    window = counter.window
    window.counter.top_bar.button("search").click()  # not counted: the search is the start
    counter.tap(window.search_screen, "noReceiptButton")
    screen = window.counter.no_receipt.screen
    counter.wait(lambda: window.current_screen() is screen, "the no-receipt screen")
    counter.scan(screen.picker.findChild(QLineEdit, "pickerSearch"), JEANS_M_BARCODE)
    counter.wait(lambda: screen.view_model.lines, "the jeans valued")
    counter.tap(screen.findChild(QWidget, "reasonChips"), "chip")  # the first: a gift
    counter.tap(screen, "continueButton")
    page = screen.customer_page
    counter.type(page.findChild(QLineEdit, "customerSearch"), "lef")
    table = page.findChild(QTableView, "customersTable")
    counter.wait(lambda: table.model().rowCount() > 0, "the customers found")
    counter.tap_row(table, 0)
    counter.wait(lambda: screen.view_model.limits is not None, "the limits")
    counter.tap(page.findChild(QWidget, "refundChips"), "chip")  # the first: store credit

    def approve() -> None:
        counter.wait(QApplication.activeModalWidget, "the approval")
        dialog = QApplication.activeModalWidget()
        counter.tap(dialog, "manager_maxime")
        counter.tap(dialog, "chip")
        for digit in "4826":
            counter.tap(dialog, f"key_{digit}")
        counter.tap(dialog, "approveButton")

    QTimer.singleShot(0, approve)
    counter.tap(page, "validateButton")
    counter.wait(lambda: window.current_screen() is window.search_screen, "the commit")


def scan_authorisation_refund(counter: Counter) -> None:
    """From the search screen: the e-mail's QR scanned, the approved jeans already drafted;
    Continue, Confirm (back to the card), Done."""
    flow = counter.window.counter.returns
    box = counter.window.search_screen.findChild(QLineEdit, "searchBox")
    counter.scan(box, f"CPT:A:{counter.number}")
    counter.wait(lambda: counter.window.current_screen() is flow
                 and flow.returns_screen.view_model.quote is not None, "the draft")  # fmt: skip
    counter.tap(flow.returns_screen, "continueButton")
    counter.tap(flow.settle_screen, "commitButton")
    counter.committed()
    counter.tap(flow.settle_screen, "doneButton")


def higher_store_credit(counter: Counter) -> None:
    """A T-shirt back for jeans: Exchange, +, scan the jeans, Continue; Find by customer, her
    card; the exact cash for the rest, Confirm, Done."""
    flow = _jeans_to_settle(counter)

    def pick_her_card() -> None:
        counter.wait(QApplication.activeModalWidget, "the customer's cards")
        dialog = QApplication.activeModalWidget()
        counter.tap_row(dialog.findChild(QTableView, "customerCardsList"), 0)

    QTimer.singleShot(0, pick_her_card)
    counter.tap(flow.settle_screen, "findByCustomerButton")  # the list runs in its own loop
    counter.wait(lambda: len(flow.settle_screen.view_model.tenders) == 1, "the card's tender")
    counter.tap(flow.settle_screen, "quickCash_2010")
    counter.tap(flow.settle_screen, "commitButton")
    counter.committed()
    counter.tap(flow.settle_screen, "doneButton")


def _approved_request(shop: Shop) -> str:
    """Order 8005's jeans, asked back by e-mail and approved: its authorisation number."""
    from tests.ui.screens.requests.support import recorded  # noqa: PLC0415

    order_id = sell(shop, "8005", [("JEA-M", 1)], days_ago=5)
    return str(recorded(shop, order_id, approve=True).authorisation_number)


START_ON_SEARCH = {"scan_authorisation_refund"}  # the story begins with the customer's scan

def _with_store_credit(shop: Shop) -> str:
    """Hélène holds 29.90 of store credit (an earlier T-shirt, refunded at the counter)."""
    from pos.domain.money import Money  # noqa: PLC0415
    from pos.domain.returns import DocumentKind, Draft, ReturnRequest  # noqa: PLC0415
    from pos.domain.settlement import Tender, TenderMethod  # noqa: PLC0415

    earlier = sell(shop, "8009", [("T-S-L", 1)], days_ago=10)
    with shop.sessions() as s:
        from pos.db.returns import load_context  # noqa: PLC0415

        line_id = load_context(s, earlier).snapshot.lines[0].line_id
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(line_id, 1),))
    due = -shop.returns.quote(earlier, draft).balance.minor
    shop.returns.commit(shop.cashier, earlier, draft,
                        [Tender(TenderMethod.STORE_CREDIT, Money(due, "EUR"))])
    return _sold(shop, "8004", "T-S-M", 3)


STORIES: dict[str, tuple[Callable[[Counter], None], Callable[[Shop], str]]] = {
    "equal_other_size": (equal_other_size, lambda shop: _sold(shop, "8001", "T-S-M", 3)),
    "refund_with_approval": (refund_with_approval, lambda shop: _sold(shop, "8002", "T-S-M", 40)),
    "higher_cash": (higher_cash, lambda shop: _sold(shop, "8003", "T-S-M", 3)),
    "no_receipt_store_credit": (no_receipt_store_credit,
                                lambda shop: _sold(shop, "8004", "JEA-M", 10)),
    "scan_authorisation_refund": (scan_authorisation_refund, _approved_request),
    "higher_store_credit": (higher_store_credit, _with_store_credit),
}


def _sold(shop: Shop, number: str, sku: str, days_ago: int) -> str:
    sell(shop, number, [(sku, 1)], days_ago=days_ago)
    return number


def play(name: str, shop: Shop, size: tuple[int, int]) -> Counter:
    """Play story `name` on `shop` in a window of `size`; the counter holds what it cost."""
    story, order = STORIES[name]
    number = order(shop)
    with tempfile.TemporaryDirectory() as data_dir:
        window, _printer = counter_window(shop, Path(data_dir))
        window.resize(*size)
        window.show()
        counter = Counter(window=window, shop=shop, number=number)
        try:
            if name in START_ON_SEARCH:
                counter.log_in()
            else:
                counter.open_order(number)
            story(counter)
        finally:
            window.close()
            window.deleteLater()
            QApplication.processEvents()
    return counter


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from pos.db.engine import make_engine, make_sessions  # noqa: PLC0415
    from pos.db.migrate import upgrade  # noqa: PLC0415

    app = QApplication.instance() or QApplication(sys.argv)
    stories: dict[str, dict[str, object]] = {}
    offscreen = {f"{w}x{h}": set() for w, h in SIZES}
    with tempfile.TemporaryDirectory() as tmp:
        for name in STORIES:
            for width, height in SIZES:
                engine = make_engine(f"sqlite:///{Path(tmp) / f'{name}-{width}.sqlite3'}")
                upgrade(engine)
                counter = play(name, build_shop(make_sessions(engine)), (width, height))
                engine.dispose()
                offscreen[f"{width}x{height}"] |= {f"{name}:{b}" for b in counter.offscreen}
                stories[name] = {"taps": counter.taps, "goal": GOALS[name]}
    result = {
        "stories": stories,
        "offscreen_actions": {size: len(names) for size, names in offscreen.items()},
        "offscreen_names": {size: sorted(names) for size, names in offscreen.items()},
    }
    text = json.dumps(result, indent=2)
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text + "\n")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
