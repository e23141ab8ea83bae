"""Returns without a receipt through the real counter window, on both database backends."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pos.db.records import CounterDocumentRecord, PrintJobRecord, StockLevelRecord
from pos.domain.money import Money
from pos.domain.returns import Disposition, DocumentKind
from pos.domain.settlement import TenderMethod
from pos.hardware.transports import VirtualPrinter
from pos.services.gift_cards import GiftCardService
from pos.ui.chips import ChipGroup
from pos.ui.main_window import MainWindow
from tests.support.shop import Shop, on_hand, sell
from tests.ui.screens.no_receipt.support import (
    approve_in_dialog,
    cancel_dialog,
    chip,
    choose_customer,
    gift_cards,
    items_with_reason,
    log_in,
    no_receipt_documents,
    open_no_receipt,
    ready_to_validate,
    set_customer_limit,
    set_policy,
    validate,
)
from tests.ui.screens.returns.support import click

Counter = tuple[MainWindow, Shop, VirtualPrinter]


def test_jeans_without_a_receipt_become_store_credit(qtbot: QtBot, counter: Counter) -> None:
    window, shop, printer = counter
    # Hélène bought jeans ten days ago (79.90); today she brings a pair back with no receipt.
    sell(shop, "6001", [("JEA-M", 1)], days_ago=10)
    log_in(qtbot, window, "Camille", "2580")
    screen = open_no_receipt(qtbot, window)
    # Camille scans the jeans: valued at the lowest price they sold for, and why.
    items_with_reason(qtbot, screen, window)
    [line] = screen.view_model.lines
    assert line.item.unit_value == Money(7990, "EUR")
    value = screen.findChild(QLabel, "lineValue").text()
    assert value.startswith("lowest sold price over 90 days: €79.90, ")
    # She finds Hélène (no accents, no capitals) and sees what is left for her and today.
    choose_customer(qtbot, screen, "lefevre")
    limits = screen.customer_page.findChild(QLabel, "limitsLabel").text()
    assert "Left for Hélène Lefèvre: €100.00 (of €100.00 over 365 days)" in limits
    assert "Left today: €300.00" in limits
    # Store credit; Maxime approves with his PIN.
    chip(screen.customer_page, "refundChips", TenderMethod.STORE_CREDIT)
    validate(qtbot, screen, lambda: approve_in_dialog(qtbot))
    # Back on the search, which says what was given; the receipt is queued.
    qtbot.waitUntil(lambda: window.current_screen() is window.search_screen, timeout=8000)
    entry = window.counter.no_receipt.entry
    assert entry.confirmation.startswith("Return T1-000001 without a receipt: €79.90 as store "
                                         "credit ")  # fmt: skip
    with shop.sessions() as s:
        document = s.scalars(select(CounterDocumentRecord)).one()
        jobs = s.scalars(select(PrintJobRecord.kind).where(
            PrintJobRecord.document_id == document.id)).all()  # fmt: skip
    assert (document.kind, document.number) == (DocumentKind.NO_RECEIPT.value, "T1-000001")
    assert sorted(jobs) == ["gift_card_slip", "receipt"]
    code = entry.confirmation.split("store credit ")[1].split(".")[0]
    balance = GiftCardService(sessions=shop.sessions, clock=shop.clock).balance(code)
    assert balance.balance == Money(7990, "EUR")
    assert on_hand(shop, "JEA-M") == 6  # back on the shelf
    # The print queue prints both: the receipt with its own title, and the credit's slip.
    qtbot.waitUntil(lambda: len(printer.jobs) == 2, timeout=8000)
    receipt = next(job.text for job in printer.jobs if "RETOUR SANS TICKET" in job.text)
    assert "T1-000001" in receipt


def test_over_the_customer_s_limit_is_said_with_the_figures_and_nothing_is_written(
    qtbot: QtBot, counter: Counter
) -> None:
    window, shop, _printer = counter
    sell(shop, "6002", [("JEA-M", 1)], days_ago=10)
    set_customer_limit(shop, 5000)  # 50.00 per customer
    log_in(qtbot, window, "Camille", "2580")
    screen = open_no_receipt(qtbot, window)
    items_with_reason(qtbot, screen, window)
    choose_customer(qtbot, screen, "helene")
    chip(screen.customer_page, "refundChips", TenderMethod.STORE_CREDIT)
    # Before validating: the sentence with the amount left, and Validate greyed.
    limits = screen.customer_page.findChild(QLabel, "limitsLabel").text()
    assert ("Over this customer's limit without a receipt: €50.00 is left, €79.90 asked. "
            "Take fewer items back.") in limits  # fmt: skip
    assert not screen.view_model.can_commit
    assert (no_receipt_documents(shop), gift_cards(shop)) == (0, 0)


def test_a_limit_lowered_meanwhile_is_refused_at_validation(
    qtbot: QtBot, counter: Counter
) -> None:
    window, shop, _printer = counter
    screen = ready_to_validate(qtbot, window, shop, "6003", TenderMethod.NEW_GIFT_CARD)
    # The limits were read at 100.00; a manager lowers them to 50.00 in the back office.
    set_customer_limit(shop, 5000)
    validate(qtbot, screen, lambda: approve_in_dialog(qtbot))
    status = screen.customer_page.findChild(QLabel, "noReceiptStatus")
    qtbot.waitUntil(lambda: "limit" in status.text(), timeout=8000)
    assert status.text() == ("Over this customer's limit without a receipt: €50.00 is left, "
                             "€79.90 asked. Take fewer items back.")  # fmt: skip
    assert window.current_screen() is screen
    assert (no_receipt_documents(shop), gift_cards(shop)) == (0, 0)
    assert on_hand(shop, "JEA-M") == 5


def test_without_a_manager_nothing_is_written(qtbot: QtBot, counter: Counter) -> None:
    window, shop, _printer = counter
    screen = ready_to_validate(qtbot, window, shop, "6004", TenderMethod.STORE_CREDIT)
    # No manager comes: Camille closes the approval dialog.
    validate(qtbot, screen, cancel_dialog)
    status = screen.customer_page.findChild(QLabel, "noReceiptStatus")
    qtbot.waitUntil(lambda: bool(status.text()))
    assert status.text() == ("Nothing was done: a return without a receipt needs a manager's "
                             "approval.")  # fmt: skip
    assert (no_receipt_documents(shop), gift_cards(shop)) == (0, 0)


def test_a_new_customer_on_a_gift_card(qtbot: QtBot, counter: Counter) -> None:
    window, shop, _printer = counter
    sell(shop, "6005", [("JEA-M", 1)], days_ago=10)
    # Maxime, a manager, is at the till: he approves himself (no dialog).
    log_in(qtbot, window, "Maxime", "4826")
    screen = open_no_receipt(qtbot, window)
    items_with_reason(qtbot, screen, window, reason="gift")
    page = screen.customer_page
    # Back to the items: the pair is damaged, it will not go back on the shelf.
    click(qtbot, page, "itemsButton")
    damaged = screen.findChild(ChipGroup, "dispositionChips").button(Disposition.DAMAGED)
    qtbot.waitUntil(damaged.isVisible)
    damaged.click()
    assert screen.view_model.lines[0].disposition is Disposition.DAMAGED
    click(qtbot, screen, "continueButton")
    page.findChild(QLineEdit, "newCustomerName").setText("Paul Martin")
    page.findChild(QLineEdit, "newCustomerContact").setText("0611223344")
    page.findChild(QLineEdit, "newCustomerContact").textEdited.emit("0611223344")
    click(qtbot, page, "useNewCustomer")
    qtbot.waitUntil(lambda: screen.view_model.limits is not None)
    chip(page, "refundChips", TenderMethod.NEW_GIFT_CARD)
    click(qtbot, page, "validateButton")
    qtbot.waitUntil(lambda: window.current_screen() is window.search_screen, timeout=8000)
    assert "on the new gift card" in window.counter.no_receipt.entry.confirmation
    assert no_receipt_documents(shop) == 1
    assert on_hand(shop, "JEA-M") == 5  # damaged: not back in stock


def test_over_the_shop_s_day_limit_is_said_before_the_manager_is_asked(
    qtbot: QtBot, counter: Counter
) -> None:
    window, shop, _printer = counter
    set_policy(shop, no_receipt_day_limit_minor=6000)  # 60.00 a day for the whole shop
    screen = ready_to_validate(qtbot, window, shop, "6006", TenderMethod.STORE_CREDIT)
    limits = screen.customer_page.findChild(QLabel, "limitsLabel")
    qtbot.waitUntil(lambda: "today" in limits.text() and not screen.view_model.checking)
    assert ("Over the shop's limit for today without a receipt: €60.00 is left, €79.90 asked."
            in limits.text())  # fmt: skip
    assert not screen.customer_page.findChild(QPushButton, "validateButton").isEnabled()
    assert (no_receipt_documents(shop), gift_cards(shop)) == (0, 0)


def test_an_item_the_shop_has_none_of_can_still_come_back(qtbot: QtBot, counter: Counter) -> None:
    window, shop, _printer = counter
    sell(shop, "6007", [("JEA-S", 1)], days_ago=10)
    with shop.sessions.begin() as s:
        s.get(StockLevelRecord, shop.variants["JEA-S"]).on_hand = 0  # sold out
    log_in(qtbot, window, "Camille", "2580")
    screen = open_no_receipt(qtbot, window)
    qtbot.keyClicks(screen.picker.findChild(QLineEdit, "pickerSearch"), "jean")
    qtbot.waitUntil(lambda: screen.findChild(QPushButton, "variant_JEA-S") is not None)
    cell = screen.findChild(QPushButton, "variant_JEA-S")
    assert cell.isEnabled()  # greyed in an exchange's picker: here it is the item coming back
    click(qtbot, screen, "variant_JEA-S")
    qtbot.waitUntil(lambda: len(screen.view_model.lines) == 1)
    assert screen.view_model.lines[0].item.sku == "JEA-S"
