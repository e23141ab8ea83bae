"""The whole counter in one window: log in, find the sale, exchange it, the receipt prints."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from pos.domain.returns import BalanceKind
from tests.support.shop import on_hand, sell
from tests.ui.screens.login.test_screen import enter_pin, pick
from tests.ui.screens.returns.support import click, line_rows, wait_quote


def test_the_counter_starts_on_login_and_hides_manager_places(qtbot: QtBot, counter) -> None:  # type: ignore[no-untyped-def]
    window, _shop, _printer = counter
    session = window.counter
    assert window.current_screen() is session.login
    assert not session.top_bar.isVisible()
    qtbot.waitUntil(lambda: len(session.login.view_model.users) == 3)
    pick(qtbot, session.login, "Camille")
    enter_pin(qtbot, session.login, "2580")
    qtbot.waitUntil(lambda: window.current_screen() is window.search_screen)
    assert session.operator.username == "camille"
    assert session.top_bar.isVisible()
    assert not session.top_bar.button("stock").isVisible()  # a cashier has no stock screen
    qtbot.mouseClick(session.top_bar.button("logout"), Qt.MouseButton.LeftButton)
    assert window.current_screen() is session.login and session.operator is None


def test_find_by_number_exchange_equal_and_the_receipt_prints(qtbot: QtBot, counter) -> None:  # type: ignore[no-untyped-def]
    window, shop, printer = counter
    session = window.counter
    order_id = sell(shop, "10234", [("T-S-M", 1)])
    # Camille logs in and types the order number from the customer's e-mail.
    qtbot.waitUntil(lambda: len(session.login.view_model.users) == 3)
    pick(qtbot, session.login, "Camille")
    enter_pin(qtbot, session.login, "2580")
    qtbot.waitUntil(lambda: window.current_screen() is window.search_screen)
    box = window.search_screen.findChild(QLineEdit, "searchBox")
    box.setText("10234")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_screen() is window.order_screen, timeout=5000)
    qtbot.waitUntil(lambda: window.order_screen.view_model.detail is not None)
    # Exchange: the M comes back, the L goes out; nothing to pay.
    exchange = window.order_screen.findChild(QPushButton, "exchangeButton")
    qtbot.waitUntil(exchange.isEnabled)
    qtbot.mouseClick(exchange, Qt.MouseButton.LeftButton)
    flow = session.returns
    qtbot.waitUntil(lambda: window.current_screen() is flow and len(line_rows(flow)) == 1)
    click(qtbot, line_rows(flow)[0], "plusButton")
    flow.returns_screen.view_model.add_item(code="T-S-L")
    qtbot.waitUntil(lambda: flow.returns_screen.view_model.replacements != ())
    wait_quote(qtbot, flow)
    assert flow.returns_screen.view_model.quote.balance_kind is BalanceKind.EQUAL
    click(qtbot, flow.returns_screen, "continueButton")
    click(qtbot, flow.settle_screen, "commitButton")
    qtbot.waitUntil(lambda: flow.settle_screen.view_model.result is not None, timeout=8000)
    assert (on_hand(shop, "T-S-M"), on_hand(shop, "T-S-L")) == (6, 4)
    # The receipt came out of the printer, with the QR that brings the document back.
    qtbot.waitUntil(lambda: len(printer.jobs) == 1, timeout=8000)
    (job,) = printer.jobs
    assert any("T1-000001" in line for line in job.lines)
    assert job.qr_payloads[-1] == "CPT:D:T1-000001"
    assert order_id
    # Back on the order, the customer wants a copy: Reprint prints a DUPLICATE.
    click(qtbot, flow.settle_screen, "doneButton")
    qtbot.waitUntil(lambda: window.current_screen() is window.order_screen)
    reprint = window.order_screen.findChild(QPushButton, "reprintButton")
    qtbot.waitUntil(reprint.isVisible)  # shown once the order has a counter receipt
    qtbot.mouseClick(reprint, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(printer.jobs) == 2, timeout=8000)
    assert any("DUPLICA" in line for line in printer.jobs[1].lines)


def test_the_top_bar_speaks_french(qtbot: QtBot, counter, qapp) -> None:  # type: ignore[no-untyped-def]
    from pos.app import install_translators  # noqa: PLC0415

    translators = install_translators(qapp, "fr")
    try:
        bar = type(counter[0].counter.top_bar)()
        qtbot.addWidget(bar)
        assert bar.button("logout").text() == "Se déconnecter"
        assert bar.button("printing").text() == "Reçus"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
