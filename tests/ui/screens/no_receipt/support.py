"""Helpers for the no-receipt stories: the real counter window, driven as a finger does."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from pos.db.records import CounterDocumentRecord, GiftCardRecord
from pos.domain.returns import DocumentKind
from pos.domain.settlement import TenderMethod
from pos.services.policy import PolicyService
from pos.ui.chips import ChipGroup
from pos.ui.dialogs.approval import ApprovalDialog
from pos.ui.main_window import MainWindow
from pos.ui.scanner import ScanRouter
from pos.ui.screens.no_receipt import NoReceiptScreen
from tests.support.shop import Shop, sell
from tests.ui.screens.login.test_screen import enter_pin, pick
from tests.ui.screens.returns.support import click

JEANS_M = "20000011"  # the barcode of Jean droit, size M (`build_shop`)


def log_in(qtbot: QtBot, window: MainWindow, name: str, pin: str) -> None:
    login = window.counter.login
    qtbot.waitUntil(lambda: len(login.view_model.users) == 3)
    pick(qtbot, login, name)
    enter_pin(qtbot, login, pin)
    qtbot.waitUntil(lambda: window.current_screen() is window.search_screen)


def open_no_receipt(qtbot: QtBot, window: MainWindow) -> NoReceiptScreen:
    """From the search screen: "No receipt"."""
    click(qtbot, window.search_screen, "noReceiptButton")
    screen = window.counter.no_receipt.screen
    qtbot.waitUntil(lambda: window.current_screen() is screen)
    return screen


def scan(window: MainWindow, code: str) -> None:
    """What a keyboard-wedge scanner's burst does: the router hands it to the screen."""
    window.findChild(ScanRouter).route(code)


def chip(screen: NoReceiptScreen, group: str, value: object) -> None:
    screen.findChild(ChipGroup, group).button(value).click()


def items_with_reason(qtbot: QtBot, screen: NoReceiptScreen, window: MainWindow,
                      reason: str = "lost_receipt") -> None:  # fmt: skip
    """The jeans scanned, a reason tapped, on to the customer."""
    scan(window, JEANS_M)
    qtbot.waitUntil(lambda: len(screen.view_model.lines) == 1)
    chip(screen, "reasonChips", reason)
    click(qtbot, screen, "continueButton")


def choose_customer(qtbot: QtBot, screen: NoReceiptScreen, text: str) -> None:
    """Type part of the name, tap the first customer found, wait for the limits."""
    page = screen.customer_page
    qtbot.keyClicks(page.findChild(QLineEdit, "customerSearch"), text)
    table = page.findChild(QTableView, "customersTable")
    qtbot.waitUntil(lambda: table.model().rowCount() >= 1)
    cell = table.visualRect(table.model().index(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.waitUntil(lambda: screen.view_model.limits is not None)


def approve_in_dialog(qtbot: QtBot, manager: str = "maxime", pin: str = "4826") -> None:
    """In the dialog's own event loop: the manager taps their name and PIN, then Approve."""
    dialog = QApplication.activeModalWidget()
    try:
        assert isinstance(dialog, ApprovalDialog)
        qtbot.waitUntil(lambda: dialog.findChild(QPushButton, f"manager_{manager}") is not None)
        dialog.findChild(QPushButton, f"manager_{manager}").click()
        dialog.findChild(QLineEdit, "reasonField").setText("Cliente connue, ticket perdu")
        for digit in pin:
            dialog.findChild(QPushButton, f"key_{digit}").click()
        dialog.findChild(QPushButton, "approveButton").click()
        qtbot.waitUntil(lambda: not dialog.isVisible())
    finally:
        if dialog is not None and dialog.isVisible():
            dialog.reject()


def cancel_dialog() -> None:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ApprovalDialog)
    dialog.reject()


def validate(qtbot: QtBot, screen: NoReceiptScreen, then) -> None:  # type: ignore[no-untyped-def]
    """Tap Validate; `then` runs inside the approval dialog's loop."""
    QTimer.singleShot(0, then)
    click(qtbot, screen.customer_page, "validateButton")


def no_receipt_documents(shop: Shop) -> int:
    with shop.sessions() as s:
        return s.scalar(select(func.count()).select_from(CounterDocumentRecord).where(
            CounterDocumentRecord.kind == DocumentKind.NO_RECEIPT.value)) or 0


def gift_cards(shop: Shop) -> int:
    with shop.sessions() as s:
        return s.scalar(select(func.count()).select_from(GiftCardRecord)) or 0


def set_customer_limit(shop: Shop, minor: int) -> None:
    """An administrator lowers what one customer may get without a receipt."""
    set_policy(shop, no_receipt_customer_limit_minor=minor)


def set_policy(shop: Shop, **changes: object) -> None:
    """An administrator changes the return policy's `changes`."""
    policy = PolicyService(sessions=shop.sessions, clock=shop.clock)
    admin = shop.users.login("admin", "7391")
    policy.update(admin, replace(policy.current(), **changes))  # type: ignore[arg-type]


def ready_to_validate(qtbot: QtBot, window: MainWindow, shop: Shop, number: str,
                      method: TenderMethod) -> NoReceiptScreen:  # fmt: skip
    """Jeans sold ten days ago (order `number`); Camille takes a pair back without a receipt
    for Hélène, refunded as `method`: everything chosen, Validate next."""
    sell(shop, number, [("JEA-M", 1)], days_ago=10)
    log_in(qtbot, window, "Camille", "2580")
    screen = open_no_receipt(qtbot, window)
    items_with_reason(qtbot, screen, window)
    choose_customer(qtbot, screen, "lefevre")
    chip(screen.customer_page, "refundChips", method)
    return screen
