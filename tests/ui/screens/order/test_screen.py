"""The order screen over the real sales history: header, lines, payments, documents."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QLabel, QTableView, QWidget
from pytestqt.qtbot import QtBot

from pos.db.engine import SessionFactory
from pos.services.history import SalesHistoryService
from pos.ui.screens.order import OrderScreen, OrderViewModel
from pos.ui.workers import TaskRunner
from tests.support.clock import FakeClock
from tests.ui.conftest import add_counter_refund, record, rich_order


def make_screen(qtbot: QtBot, history: SalesHistoryService, runner: TaskRunner) -> OrderScreen:
    vm = OrderViewModel(history=history, runner=runner, locale="en_US")
    screen = OrderScreen(view_model=vm, locale="en_US")
    vm.setParent(screen)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    return screen


def table(screen: QWidget, name: str) -> list[list[str]]:
    model = screen.findChild(QTableView, f"{name}Table").model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def header(screen: QWidget) -> dict[str, str]:
    labels = screen.findChildren(QLabel, "fieldLabel")
    values = screen.findChildren(QLabel, "fieldValue")
    return {label.text(): value.text() for label, value in zip(labels, values, strict=True)}


def opened(qtbot: QtBot, screen: OrderScreen, order_id: int) -> None:
    screen.view_model.load(order_id)
    qtbot.waitUntil(lambda: screen.view_model.detail is not None)


def test_the_order_shows_what_was_sold_returned_and_still_returnable(
    qtbot: QtBot, sessions: SessionFactory, history: SalesHistoryService, runner: TaskRunner
) -> None:
    [order_id] = record(sessions, rich_order())
    add_counter_refund(sessions, order_id, line=1, quantity=1)
    screen = make_screen(qtbot, history, runner)
    opened(qtbot, screen, order_id)
    assert screen.findChild(QLabel, "screenTitle").text() == "Order 10234"
    assert table(screen, "lines") == [
        ["T-shirt coton bio", "M / Bleu", "2", "1", "1", "€24.95", "€49.90"],
        ["Jean slim", "38 / Brut", "1", "1", "0", "€89.00", "€89.00"],
        ["Écharpe laine", "Gris chiné", "1", "0", "1", "€34.50", "€34.50"],
    ]
    assert table(screen, "payments") == [
        ["Card", "Visa •••• 4242", "€123.40", "€24.95", "€98.45"],
        ["Gift card", "GC-7Q2K-9F", "€50.00", "€0.00", "€50.00"],
    ]
    [document] = table(screen, "documents")
    assert document[:2] == ["T1-000042", "Refund"] and document[3] == "-€89.00"


def test_the_header_names_the_customer_and_the_return_window(
    qtbot: QtBot, sessions: SessionFactory, history: SalesHistoryService, runner: TaskRunner
) -> None:
    [order_id] = record(sessions, rich_order())
    screen = make_screen(qtbot, history, runner)
    opened(qtbot, screen, order_id)
    fields = header(screen)
    assert fields["Customer"] == "Hélène Lefèvre"
    assert fields["E-mail"] == "helene.lefevre@example.fr"
    assert fields["Phone"] == "+33 6 12 34 56 78"
    assert fields["Channel"] == "Online shop"
    assert fields["Total"] == "€173.40"
    assert fields["Already refunded"] == "€24.95"
    window = screen.findChild(QLabel, "returnWindow")
    assert window.text() == "Bought 12 days ago — within the 30-day return window."
    assert window.property("within") is True
    assert screen.findChild(QLabel, "emptyNote").isVisible()  # no counter document yet


def test_an_old_order_is_outside_the_return_window(
    qtbot: QtBot,
    sessions: SessionFactory,
    history: SalesHistoryService,
    runner: TaskRunner,
    clock: FakeClock,
) -> None:
    [order_id] = record(sessions, rich_order())
    clock.advance(timedelta(days=40))
    screen = make_screen(qtbot, history, runner)
    opened(qtbot, screen, order_id)
    window = screen.findChild(QLabel, "returnWindow")
    assert window.text().startswith("Bought 52 days ago — outside the 30-day return window")
    assert window.property("within") is False


def test_an_unknown_order_says_so(
    qtbot: QtBot, history: SalesHistoryService, runner: TaskRunner
) -> None:
    screen = make_screen(qtbot, history, runner)
    screen.view_model.load(987654)
    status = screen.findChild(QLabel, "orderStatus")
    qtbot.waitUntil(lambda: "no longer" in status.text())
    assert status.isVisible() and not screen.findChild(QWidget, "orderContent").isVisible()


def test_back_asks_for_the_search(
    qtbot: QtBot, history: SalesHistoryService, runner: TaskRunner
) -> None:
    screen = make_screen(qtbot, history, runner)
    with qtbot.waitSignal(screen.back_requested):
        screen.findChild(QWidget, "backButton").click()
