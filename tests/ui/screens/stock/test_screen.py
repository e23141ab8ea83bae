"""The stock screen on the real stock service: count, refuse a cashier, settle inspections."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from pos.db.returns import load_context
from pos.domain.money import Money
from pos.domain.returns import Disposition, DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from pos.services.stock import StockService
from pos.ui.keypad import Keypad
from pos.ui.screens.stock import StockScreen, create_stock_screen
from pos.ui.workers import TaskRunner
from tests.support.shop import Shop, on_hand, sell
from tests.ui.screens.login.helpers import (
    assert_touch_sized,
    button,
    label,
    show,
    table,
    type_digits,
)


def make_screen(
    qtbot: QtBot, shop: Shop, runner: TaskRunner, *, manager: bool = True
) -> StockScreen:
    stock = StockService(sessions=shop.sessions, clock=shop.clock)
    screen = create_stock_screen(stock=stock, runner=runner, locale="en_GB")
    screen.set_operator(shop.manager if manager else shop.cashier)
    show(qtbot, screen)
    screen.activate()
    return screen


def refund_to_inspect(shop: Shop, number: str, sku: str) -> None:
    """Sell one `sku` (its line named after it) and refund it, set aside to inspect."""
    order = sell(shop, number, [(sku, 1)])
    with shop.sessions() as s:
        snapshot = load_context(s, order).snapshot  # type: ignore[union-attr]
    line, payment = snapshot.lines[0].line_id, snapshot.payments[0].payment_id
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(line, 1, Disposition.INSPECT),))
    due = shop.returns.quote(order, draft).balance
    tender = Tender(
        TenderMethod.ORIGINAL_PAYMENT, Money(-due.minor, due.currency), payment_id=payment
    )
    shop.returns.commit(shop.cashier, order, draft, [tender])


def look_up(qtbot: QtBot, screen: StockScreen, code: str) -> None:
    box = screen.findChild(QLineEdit, "codeEdit")
    qtbot.keyClicks(box, code)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.view_model.variant is not None)


def count(qtbot: QtBot, screen: StockScreen, counted: str, reason: str) -> None:
    qtbot.mouseClick(
        next(b for b in screen.findChildren(type(button(screen, "findButton")), "quickReason")
             if b.text() == reason), Qt.MouseButton.LeftButton)  # fmt: skip
    pad = screen.findChild(Keypad)
    type_digits(qtbot, pad, counted)
    qtbot.mouseClick(button(pad, "key_ok"), Qt.MouseButton.LeftButton)


def status_shows(qtbot: QtBot, screen: StockScreen, text: str) -> None:
    qtbot.waitUntil(lambda: text in label(screen, "stockStatus").text())


def test_a_manager_corrects_a_count_and_the_figures_refresh(
    qtbot: QtBot, shop: Shop, runner: TaskRunner
) -> None:
    screen = make_screen(qtbot, shop, runner)
    look_up(qtbot, screen, "20000000")  # the T-shirt's barcode, size S
    assert label(screen, "variantName").text() == "T-shirt coton bio — S   (T-S-S)"
    assert label(screen, "stockOnHand").text() == "5"
    assert label(screen, "stockWix").text() == "not read yet"
    assert label(screen, "stockPending").text() == "+0"
    count(qtbot, screen, "7", "Damaged")
    # Said by the product's name and size, never a bare SKU (#13).
    status_shows(qtbot, screen, "T-shirt coton bio — S: stock corrected from 5 to 7.")
    assert on_hand(shop, "T-S-S") == 7
    assert label(screen, "stockOnHand").text() == "7"
    assert label(screen, "stockPending").text() == "+2"  # waiting to be sent to Wix
    assert_touch_sized(screen)


def test_a_cashier_is_refused_by_the_service_and_told_so(
    qtbot: QtBot, shop: Shop, runner: TaskRunner
) -> None:
    screen = make_screen(qtbot, shop, runner, manager=False)
    look_up(qtbot, screen, "JEA-M")
    count(qtbot, screen, "2", "Shelf count")
    status_shows(qtbot, screen, "Only a manager can change the stock.")
    assert label(screen, "stockStatus").property("kind") == "error"
    assert on_hand(shop, "JEA-M") == 5


def test_an_unknown_code_says_what_to_check(qtbot: QtBot, shop: Shop, runner: TaskRunner) -> None:
    screen = make_screen(qtbot, shop, runner)
    box = screen.findChild(QLineEdit, "codeEdit")
    qtbot.keyClicks(box, "NOPE-42")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    status_shows(qtbot, screen, "No item with the code “NOPE-42”.")


def test_a_count_needs_a_reason(qtbot: QtBot, shop: Shop, runner: TaskRunner) -> None:
    screen = make_screen(qtbot, shop, runner)
    look_up(qtbot, screen, "JEA-M")
    pad = screen.findChild(Keypad)
    type_digits(qtbot, pad, "3")
    qtbot.mouseClick(button(pad, "key_ok"), Qt.MouseButton.LeftButton)
    status_shows(qtbot, screen, "Say why the count changes")
    assert on_hand(shop, "JEA-M") == 5


@pytest.mark.parametrize(("action", "stock_after", "said"), [
    ("restockButton", 6, "Jean droit — Taille: M: back in stock (+1)."),
    ("writeOffButton", 5, "Jean droit — Taille: M: written off; the stock did not change."),
])  # fmt: skip
def test_an_item_set_aside_is_settled(
    qtbot: QtBot, shop: Shop, runner: TaskRunner, action: str, stock_after: int, said: str
) -> None:
    refund_to_inspect(shop, "20001", "JEA-M")
    screen = make_screen(qtbot, shop, runner)
    qtbot.mouseClick(button(screen, "inspectTab"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(screen.view_model.inspections) == 1)
    assert button(screen, "inspectTab").text() == "To inspect (1)"
    [row] = table(screen, "inspectionTable")
    assert row[:3] == ["Jean droit — Taille: M", "JEA-M", "1"]  # named as the order named it
    assert label(screen, "actionsReason").text() == "Tap an item in the list first."
    view = screen.findChild(QTableView, "inspectionTable")
    cell = view.visualRect(view.model().index(0, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert not label(screen, "actionsReason").isVisible()
    qtbot.mouseClick(button(screen, action), Qt.MouseButton.LeftButton)
    status_shows(qtbot, screen, said)
    assert screen.view_model.inspections == () and label(screen, "emptyNote").isVisible()
    assert label(screen, "actionsReason").text() == "Nothing to decide."
    assert on_hand(shop, "JEA-M") == stock_after
