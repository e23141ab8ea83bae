"""Cards and customers at settle, in the whole counter on both databases: a card of the
customer's spent without typing its code, and a new card given to another customer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pos.db.records import GiftCardRecord
from pos.domain.money import Money
from pos.domain.settlement import TenderMethod
from pos.hardware.transports import VirtualPrinter
from pos.services.customers import CustomerService
from pos.ui.dialogs.customer_picker import CustomerPickerDialog
from pos.ui.main_window import MainWindow
from tests.services.test_customers import paul
from tests.support.shop import Shop, sell
from tests.ui.screens.customer.test_screen import refund_to_store_credit, tap_row
from tests.ui.screens.returns.support import click, line_rows, type_amount, wait_quote
from tests.ui.test_window_sizes import draft_jeans, log_in, open_order


def in_dialog(qtbot: QtBot, steps: Callable[[CustomerPickerDialog], None]) -> None:
    """Run `steps` in the picker's own event loop; never leave it open after a failure."""
    dialog = QApplication.activeModalWidget()
    try:
        assert isinstance(dialog, CustomerPickerDialog)
        steps(dialog)
    finally:
        if dialog is not None and dialog.isVisible():
            dialog.reject()


def committed(qtbot: QtBot, window: MainWindow):  # type: ignore[no-untyped-def]
    flow = window.counter.returns
    click(qtbot, flow.settle_screen, "commitButton")
    vm = flow.settle_screen.view_model
    qtbot.waitUntil(lambda: vm.result is not None or "Saving" not in vm.status_text, timeout=8000)
    assert vm.result is not None, vm.status_text
    return vm.result


def jeans_refunded_on_a_card(qtbot: QtBot, window: MainWindow, shop: Shop, number: str,
                             method: str) -> QWidget:  # fmt: skip
    """Camille opens Hélène's order `number` (jeans, sold yesterday), refunds them and settles
    on a new card (`method`: its button) instead of the original payment; the settle screen."""
    sell(shop, number, [("JEA-M", 1)], days_ago=1)
    log_in(qtbot, window, "Camille", "2580", None)
    window.search_screen.findChild(QLineEdit, "searchBox").setText(number)
    open_order(qtbot, window, number)
    click(qtbot, window.order_screen, "refundButton")
    flow = window.counter.returns
    qtbot.waitUntil(lambda: window.current_screen() is flow and len(line_rows(flow)) == 1)
    click(qtbot, line_rows(flow)[0], "plusButton")
    wait_quote(qtbot, flow)
    click(qtbot, flow.returns_screen, "continueButton")
    settle = flow.settle_screen
    click(qtbot, settle, "removeTenderButton")  # not back to the card it was paid with
    click(qtbot, settle, method)
    return settle


def test_store_credit_is_spent_from_the_customer_s_cards(
    qtbot: QtBot, counter: tuple[MainWindow, Shop, VirtualPrinter]
) -> None:
    window, shop, _printer = counter
    # Hélène has 29.90 of store credit from an earlier refund.
    code = refund_to_store_credit(shop, sell(shop, "87001", [("T-S-L", 1)], days_ago=8))
    sell(shop, "87002", [("T-S-M", 1), ("JEA-M", 1)], days_ago=2)
    log_in(qtbot, window, "Camille", "2580", None)
    window.search_screen.findChild(QLineEdit, "searchBox").setText("87002")
    open_order(qtbot, window, "87002")
    # Her T-shirt comes back for jeans: 50.00 to collect.
    flow = draft_jeans(qtbot, window)
    click(qtbot, flow.returns_screen, "continueButton")
    settle = flow.settle_screen

    def tap_her_card(dialog: CustomerPickerDialog) -> None:
        cards = dialog.findChild(QTableView, "customerCardsList")
        qtbot.waitUntil(lambda: cards.model().rowCount() == 1)
        assert cards.model().index(0, 0).data() == code
        assert cards.model().index(0, 2).data() == "€29.90"
        tap_row(qtbot, cards, 0)

    # "Find by customer" lists her cards first: one tap, no code typed.
    QTimer.singleShot(0, lambda: in_dialog(qtbot, tap_her_card))
    click(qtbot, settle, "findByCustomerButton")
    vm = settle.view_model
    qtbot.waitUntil(lambda: len(vm.tenders) == 1)
    [tender] = vm.tenders
    assert (tender.tender.method, tender.tender.gift_card_code, tender.tender.amount) == (
        TenderMethod.GIFT_CARD, code, Money(2990, "EUR"))
    type_amount(flow, "20.10")
    click(qtbot, settle, "cashButton")
    committed(qtbot, window)
    customers = CustomerService(sessions=shop.sessions, clock=shop.clock)
    [card] = customers.cards(customers.find("helene")[0].customer_id)
    assert (card.code, card.balance, card.usable) == (code, Money(0, "EUR"), False)


def test_a_new_card_is_given_to_the_customer_picked_at_settle(
    qtbot: QtBot, counter: tuple[MainWindow, Shop, VirtualPrinter]
) -> None:
    window, shop, _printer = counter
    paul_id = paul(shop)  # Paul Martin, a customer of his own
    # Hélène's jeans come back; she wants the gift card to go to Paul, whose birthday it is.
    settle = jeans_refunded_on_a_card(qtbot, window, shop, "88002", "newGiftCardButton")
    owner = settle.findChild(QPushButton, "changeCardOwnerButton")
    assert owner.isVisible() and owner.text() == "New card for:\nHélène Lefèvre"

    def pick_paul(dialog: CustomerPickerDialog) -> None:
        qtbot.keyClicks(dialog.findChild(QLineEdit, "customerQuery"), "paul.martin")
        dialog.findChild(QPushButton, "findCustomerButton").click()
        found = dialog.findChild(QTableView, "foundCustomers")
        qtbot.waitUntil(lambda: found.model().rowCount() == 1)
        assert found.model().index(0, 1).data() == "paul.martin@example.fr"
        tap_row(qtbot, found, 0)

    QTimer.singleShot(0, lambda: in_dialog(qtbot, pick_paul))
    qtbot.mouseClick(owner, Qt.MouseButton.LeftButton)
    assert owner.text() == "New card for:\nPaul Martin"
    document = committed(qtbot, window)
    [issued] = document.issued_cards
    customers = CustomerService(sessions=shop.sessions, clock=shop.clock)
    assert [c.code for c in customers.cards(paul_id)] == [issued.code]
    with shop.sessions() as s:
        assert s.scalar(select(GiftCardRecord.customer_id)
                        .where(GiftCardRecord.code == issued.code)) == paul_id


def test_a_new_card_can_go_to_nobody(
    qtbot: QtBot, counter: tuple[MainWindow, Shop, VirtualPrinter]
) -> None:
    window, shop, _printer = counter
    settle = jeans_refunded_on_a_card(qtbot, window, shop, "89001", "storeCreditButton")
    QTimer.singleShot(0, lambda: in_dialog(
        qtbot, lambda dialog: dialog.findChild(QPushButton, "noCustomerButton").click()))
    click(qtbot, settle, "changeCardOwnerButton")
    owner = settle.findChild(QPushButton, "changeCardOwnerButton")
    assert owner.text() == "New card for:\nnobody"
    [issued] = committed(qtbot, window).issued_cards
    with shop.sessions() as s:
        card = s.scalars(select(GiftCardRecord).where(GiftCardRecord.code == issued.code)).one()
    assert (card.kind, card.customer_id) == ("store_credit", None)
