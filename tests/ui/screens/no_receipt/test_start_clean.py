"""Each return without a receipt starts on a clean screen: nothing of the last one is left,
not the catalogue picker's search, its products or its size grid (#16), on both databases."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from pos.domain.settlement import TenderMethod
from pos.hardware.transports import VirtualPrinter
from pos.ui.chips import ChipGroup
from pos.ui.main_window import MainWindow
from pos.ui.screens.no_receipt import NoReceiptScreen
from pos.ui.screens.returns.picker import DEBOUNCE_MS
from tests.support.shop import Shop, sell
from tests.ui.screens.no_receipt.support import (
    chip,
    choose_customer,
    log_in,
    no_receipt_documents,
    open_no_receipt,
    set_customer_limit,
)
from tests.ui.screens.returns.support import click

Counter = tuple[MainWindow, Shop, VirtualPrinter]


def variant_cells(screen: NoReceiptScreen) -> list[str]:
    """The size grid's cells the cashier can see."""
    return [cell.objectName() for cell in screen.picker.findChildren(QPushButton)
            if cell.objectName().startswith("variant_") and cell.isVisible()]  # fmt: skip


def picked_from_the_catalogue(qtbot: QtBot, screen: NoReceiptScreen, size: str) -> None:
    """"jean" typed in the picker, the size tapped in its grid: a line comes back."""
    qtbot.keyClicks(screen.picker.findChild(QLineEdit, "pickerSearch"), "jean")
    qtbot.waitUntil(lambda: f"variant_JEA-{size}" in variant_cells(screen))
    before = len(screen.view_model.lines)
    click(qtbot, screen, f"variant_JEA-{size}")
    qtbot.waitUntil(lambda: len(screen.view_model.lines) == before + 1)


def assert_clean(qtbot: QtBot, screen: NoReceiptScreen) -> None:
    """What a new return shows: nothing chosen, nothing typed, nothing found."""
    picker = screen.picker
    assert picker.findChild(QLineEdit, "pickerSearch").text() == ""
    assert picker.findChild(QTableView, "pickerResults").model().rowCount() == 0
    assert picker.view_model.grid is None
    assert picker.findChild(QLabel, "gridTitle").text() == ""
    qtbot.waitUntil(lambda: variant_cells(screen) == [])  # the grid's cells are deleted later
    assert screen.view_model.lines == ()
    assert screen.findChild(QLabel, "noLinesHint").isVisible()
    assert screen.findChild(ChipGroup, "reasonChips").value is None
    assert screen.findChild(QLineEdit, "reasonWords").text() == ""
    page = screen.customer_page
    assert page.findChild(QLineEdit, "customerSearch").text() == ""
    assert page.findChild(QTableView, "customersTable").model().rowCount() == 0
    assert screen.view_model.customer is None and screen.view_model.refund_as is None


def test_two_returns_without_a_receipt_in_a_row(qtbot: QtBot, counter: Counter) -> None:
    window, shop, _printer = counter
    sell(shop, "6101", [("JEA-M", 1), ("JEA-L", 1)], days_ago=10)
    set_customer_limit(shop, 20_000)  # two pairs for the same customer stay within it
    log_in(qtbot, window, "Maxime", "4826")  # a manager at the till approves himself
    # The first: jeans in L found in the catalogue, a reason, Hélène, store credit.
    screen = open_no_receipt(qtbot, window)
    picked_from_the_catalogue(qtbot, screen, "L")
    chip(screen, "reasonChips", "wrong_size")
    screen.findChild(QLineEdit, "reasonWords").setText("Trop grand")
    screen.findChild(QLineEdit, "reasonWords").textEdited.emit("Trop grand")
    click(qtbot, screen, "continueButton")
    choose_customer(qtbot, screen, "lefevre")
    chip(screen.customer_page, "refundChips", TenderMethod.STORE_CREDIT)
    click(qtbot, screen.customer_page, "validateButton")
    qtbot.waitUntil(lambda: window.current_screen() is window.search_screen, timeout=8000)
    assert no_receipt_documents(shop) == 1
    # The next customer: the screen is as new, the picker too.
    screen = open_no_receipt(qtbot, window)
    assert_clean(qtbot, screen)
    # And it works as the first did: jeans in M this time.
    picked_from_the_catalogue(qtbot, screen, "M")
    assert [line.item.sku for line in screen.view_model.lines] == ["JEA-M"]
    chip(screen, "reasonChips", "lost_receipt")
    click(qtbot, screen, "continueButton")
    choose_customer(qtbot, screen, "lefevre")
    chip(screen.customer_page, "refundChips", TenderMethod.STORE_CREDIT)
    click(qtbot, screen.customer_page, "validateButton")
    qtbot.waitUntil(lambda: no_receipt_documents(shop) == 2, timeout=8000)


def test_left_half_way_the_next_one_starts_clean(qtbot: QtBot, counter: Counter) -> None:
    window, shop, _printer = counter
    sell(shop, "6102", [("JEA-L", 1)], days_ago=10)  # the jeans have a price to come back at
    log_in(qtbot, window, "Camille", "2580")
    screen = open_no_receipt(qtbot, window)
    picked_from_the_catalogue(qtbot, screen, "L")
    click(qtbot, screen, "backButton")  # the customer changed her mind: nothing written
    screen = open_no_receipt(qtbot, window)
    assert_clean(qtbot, screen)
    # Searched and left before the answer came: that answer never fills the next screen.
    search = screen.picker.findChild(QLineEdit, "pickerSearch")
    qtbot.keyClicks(search, "jean")
    qtbot.keyClick(search, Qt.Key.Key_Return)  # searched now, on the worker
    click(qtbot, screen, "backButton")
    screen = open_no_receipt(qtbot, window)
    qtbot.wait(DEBOUNCE_MS * 2)  # a search typed but not yet run would have run by now
    qtbot.waitUntil(lambda: window.runner.pending == 0)
    assert_clean(qtbot, screen)
