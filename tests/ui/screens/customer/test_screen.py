"""The customer screen in the whole counter, on both databases: from the order to the customer
and back, an order and a document of theirs tapped, and the figures it shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pos.domain.money import Money
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from pos.hardware.transports import VirtualPrinter
from pos.services.customers import ORDERS_PAGE
from pos.ui.chips import ChipGroup
from pos.ui.main_window import MainWindow
from tests.services.test_returns import first_line
from tests.support.shop import Shop, sell
from tests.ui.screens.returns.support import click
from tests.ui.test_window_sizes import log_in, open_order


def tap_row(qtbot: QtBot, view: QTableView, row: int) -> None:
    cell = view.visualRect(view.model().index(row, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)


def refund_to_store_credit(shop: Shop, order_id: int) -> str:
    """One unit of the order's first line back as store credit; the card's code."""
    line, _ = first_line(shop, order_id)
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(line, 1),))
    due = -shop.returns.quote(order_id, draft).balance.minor
    done = shop.returns.commit(shop.cashier, order_id, draft,
                               [Tender(TenderMethod.STORE_CREDIT, Money(due, "EUR"))])
    return done.issued_cards[0].code


def test_from_the_order_to_the_customer_and_back(
    qtbot: QtBot, counter: tuple[MainWindow, Shop, VirtualPrinter]
) -> None:
    window, shop, _printer = counter
    # Hélène bought twice; a T-shirt of the first order came back as store credit.
    first = sell(shop, "86001", [("T-S-M", 2)], days_ago=6)
    sell(shop, "86002", [("JEA-M", 1)], days_ago=2)
    code = refund_to_store_credit(shop, first)
    log_in(qtbot, window, "Camille", "2580", None)
    window.search_screen.findChild(QLineEdit, "searchBox").setText("86001")
    open_order(qtbot, window, "86001")
    # The customer is named on the order: a tap opens them.
    click(qtbot, window.order_screen, "customerLink")
    place = window.counter.customer
    screen = place.screen
    qtbot.waitUntil(lambda: screen.view_model.view is not None)
    assert window.current_screen() is screen
    assert screen.findChild(QLabel, "screenTitle").text() == "Customer — Hélène Lefèvre"
    figures = {key: screen.findChild(QLabel, f"figure_{key}").text()
               for key in ("orders", "spent", "rate", "balance")}
    assert figures == {"orders": "2", "spent": "€139.70", "rate": "33.3%",
                       "balance": "€29.90"}
    orders = screen.findChild(QTableView, "customerOrders")
    ModelTester(None).check(orders.model())
    assert [orders.model().index(r, 0).data() for r in range(2)] == ["86002", "86001"]
    # Documents: a tap shows the receipt beside the list.
    chips = screen.findChild(ChipGroup, "customerSections")
    assert chips.button("documents").text() == "Documents (1)"
    chips.button("documents").click()
    documents = screen.findChild(QTableView, "customerDocuments")
    assert documents.model().rowCount() == 1
    tap_row(qtbot, documents, 0)
    preview = screen.findChild(QPlainTextEdit, "documentPreview")
    qtbot.waitUntil(lambda: "T1-000001" in preview.toPlainText())
    chips.button("cards").click()
    cards = screen.findChild(QTableView, "customerCards")
    assert cards.model().index(0, 0).data() == code
    # An order of theirs opens on the order screen; Back there goes to the search.
    chips.button("orders").click()
    tap_row(qtbot, orders, 0)
    vm = window.order_screen.view_model
    qtbot.waitUntil(lambda: vm.detail is not None and vm.detail.number == "86002")
    assert window.current_screen() is window.order_screen
    # And Back on the customer screen returns to the order.
    click(qtbot, window.order_screen, "customerLink")
    qtbot.waitUntil(lambda: window.current_screen() is screen)
    click(qtbot, screen, "backButton")
    assert window.current_screen() is window.order_screen
    assert vm.detail is not None and vm.detail.number == "86002"


def test_more_orders_adds_the_next_page(
    qtbot: QtBot, counter: tuple[MainWindow, Shop, VirtualPrinter]
) -> None:
    window, shop, _printer = counter
    for index in range(ORDERS_PAGE + 2):  # one page and two more
        sell(shop, f"9{index:04d}", [("T-S-M", 1)], days_ago=60 - index % 60)
    log_in(qtbot, window, "Camille", "2580", None)
    window.search_screen.findChild(QLineEdit, "searchBox").setText("90000")
    open_order(qtbot, window, "90000")
    click(qtbot, window.order_screen, "customerLink")
    screen = window.counter.customer.screen
    qtbot.waitUntil(lambda: screen.view_model.view is not None)
    orders = screen.findChild(QTableView, "customerOrders")
    assert orders.model().rowCount() == ORDERS_PAGE
    assert screen.findChild(QLabel, "figure_orders").text() == str(ORDERS_PAGE + 2)
    click(qtbot, screen, "moreOrdersButton")
    qtbot.waitUntil(lambda: orders.model().rowCount() == ORDERS_PAGE + 2)
    numbers = [orders.model().index(r, 0).data() for r in range(ORDERS_PAGE + 2)]
    assert len(set(numbers)) == ORDERS_PAGE + 2  # no order twice
    assert not screen.findChild(QPushButton, "moreOrdersButton").isVisible()
