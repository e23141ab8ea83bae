"""Counter stories through the real widgets and services, on both database backends."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pos.db.records import ApprovalRecord, CounterDocumentRecord, DocumentReturnLineRecord
from pos.domain.money import Money
from pos.domain.returns import BalanceKind, Disposition, DocumentKind
from pos.domain.settlement import TenderMethod
from pos.hardware.card_terminals import SimulatedTerminal
from pos.services.policy import PolicyService
from pos.ui.chips import ChipGroup
from pos.ui.dialogs.approval import ApprovalDialog
from pos.ui.workers import TaskRunner
from tests.support.shop import Shop, on_hand, sell
from tests.ui.screens.returns.support import click, line_rows, make_flow, type_amount, wait_quote


def opened(qtbot: QtBot, flow, kind: DocumentKind, order_id: int) -> None:  # type: ignore[no-untyped-def]
    flow.start(kind, order_id)
    qtbot.waitUntil(lambda: len(line_rows(flow)) > 0)


def pick(qtbot: QtBot, flow, text: str, sku: str) -> None:  # type: ignore[no-untyped-def]
    search = flow.returns_screen.findChild(QLineEdit, "pickerSearch")
    qtbot.keyClicks(search, text)
    qtbot.waitUntil(
        lambda: flow.returns_screen.findChild(QPushButton, f"variant_{sku}") is not None
    )
    click(qtbot, flow.returns_screen, f"variant_{sku}")


def tshirt_for_jeans(qtbot: QtBot, shop: Shop, runner: TaskRunner, number: str, **flow_options):  # type: ignore[no-untyped-def]
    """A T-shirt (29.90) comes back for jeans (79.90): the settle screen, 50.00 to collect."""
    order_id = sell(shop, number, [("T-S-M", 1)])
    flow = make_flow(qtbot, shop, runner, **flow_options)
    opened(qtbot, flow, DocumentKind.EXCHANGE, order_id)
    click(qtbot, line_rows(flow)[0], "plusButton")
    pick(qtbot, flow, "jean", "JEA-L")
    qtbot.waitUntil(lambda: flow.returns_screen.view_model.replacements != ())
    wait_quote(qtbot, flow)
    assert flow.returns_screen.view_model.quote.to_collect == Money(5000, "EUR")
    click(qtbot, flow.returns_screen, "continueButton")
    return flow


def committed(qtbot: QtBot, flow):  # type: ignore[no-untyped-def]
    click(qtbot, flow.settle_screen, "commitButton")
    vm = flow.settle_screen.view_model
    qtbot.waitUntil(lambda: vm.result is not None or "Saving" not in vm.status_text, timeout=8000)
    assert vm.result is not None, vm.status_text
    return vm.result


def tap_the_original_payment(qtbot: QtBot, flow) -> None:  # type: ignore[no-untyped-def]
    """A refund settles to the order's payment: it is chosen already, nothing to tap."""
    [line] = flow.settle_screen.view_model.tenders
    assert line.tender.method is TenderMethod.ORIGINAL_PAYMENT


def result_text(flow) -> str:  # type: ignore[no-untyped-def]
    return flow.settle_screen.findChild(QLabel, "resultText").text()


def test_equal_exchange_of_a_size_commits_and_moves_stock(
    qtbot: QtBot, shop: Shop, desk_runner: TaskRunner
) -> None:
    # Hélène bought a T-shirt in M; she wants the L.
    order_id = sell(shop, "5001", [("T-S-M", 1)])
    flow = make_flow(qtbot, shop, desk_runner)
    opened(qtbot, flow, DocumentKind.EXCHANGE, order_id)
    # The M comes back, the L goes out: the same product keeps its price (rule 7).
    click(qtbot, line_rows(flow)[0], "plusButton")
    pick(qtbot, flow, "t-shirt", "T-S-L")
    wait_quote(qtbot, flow)
    qtbot.waitUntil(lambda: flow.returns_screen.view_model.replacements != ())
    wait_quote(qtbot, flow)
    assert flow.returns_screen.view_model.quote.balance_kind is BalanceKind.EQUAL
    balance = flow.returns_screen.findChild(QLabel, "balanceLabel")
    assert balance.text() == "Equal exchange: nothing to pay"
    click(qtbot, flow.returns_screen, "continueButton")
    # Nothing to pay: confirm straight away.
    document = committed(qtbot, flow)
    assert document.number == "T1-000001"
    assert "T1-000001" in result_text(flow)
    assert (on_hand(shop, "T-S-M"), on_hand(shop, "T-S-L")) == (6, 4)


def test_lower_exchange_issues_a_new_gift_card(
    qtbot: QtBot, shop: Shop, desk_runner: TaskRunner
) -> None:
    # Jeans (79.90) come back for a T-shirt (29.90): 50.00 goes back on a new gift card.
    order_id = sell(shop, "5002", [("JEA-M", 1)])
    flow = make_flow(qtbot, shop, desk_runner)
    opened(qtbot, flow, DocumentKind.EXCHANGE, order_id)
    click(qtbot, line_rows(flow)[0], "plusButton")
    pick(qtbot, flow, "T-S-M", "T-S-M")
    qtbot.waitUntil(lambda: flow.returns_screen.view_model.replacements != ())
    wait_quote(qtbot, flow)
    assert flow.returns_screen.view_model.quote.to_refund == Money(5000, "EUR")
    click(qtbot, flow.returns_screen, "continueButton")
    click(qtbot, flow.settle_screen, "removeTenderButton")  # not back to the card: a gift card
    click(qtbot, flow.settle_screen, "newGiftCardButton")
    document = committed(qtbot, flow)
    [card] = document.issued_cards
    assert card.amount == Money(5000, "EUR")
    assert card.code in result_text(flow)


def test_higher_exchange_split_card_and_cash_gives_change(
    qtbot: QtBot, shop: Shop, desk_runner: TaskRunner
) -> None:
    terminal = SimulatedTerminal()
    flow = tshirt_for_jeans(qtbot, shop, desk_runner, "5003", terminal=terminal)
    # 30.00 on the card terminal, then 30.00 in cash for the 20.00 left: 10.00 change.
    settle = flow.settle_screen.view_model
    type_amount(flow, "30")
    click(qtbot, flow.settle_screen, "cardButton")
    qtbot.waitUntil(lambda: len(settle.tenders) == 1)
    assert settle.remaining == Money(2000, "EUR")
    type_amount(flow, "30")
    click(qtbot, flow.settle_screen, "cashButton")
    assert settle.change_due == Money(1000, "EUR")
    document = committed(qtbot, flow)
    assert document.change_due == Money(1000, "EUR")
    assert flow.settle_screen.findChild(QLabel, "resultChange").text() == "Change: €10.00"
    assert [call.amount for call in terminal.calls] == [Money(3000, "EUR")]


def drive_approval(qtbot: QtBot, seen: list[str]) -> None:
    """The manager picks their name, mistypes the PIN, then types it right."""
    dialog = QApplication.activeModalWidget()
    try:
        assert isinstance(dialog, ApprovalDialog)
        # A modal over the dimmed screen: a veil covers the whole window behind it.
        window = dialog.parentWidget().window()
        veil = window.findChild(QWidget, "modalDimmer")
        assert veil is not None and veil.isVisible() and veil.geometry() == window.rect()
        seen.append("dimmed")
        qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "manager_maxime") is not None)
        dialog.findChild(QPushButton, "manager_maxime").click()
        dialog.findChild(QLineEdit, "reasonField").setText("Jean trop petit, client fidèle")
        for digit in "1397":
            dialog.findChild(QPushButton, f"key_{digit}").click()
        dialog.findChild(QPushButton, "approveButton").click()
        error = dialog.findChild(QLabel, "dialogError")
        qtbot.waitUntil(lambda: error.isVisible() and "Wrong PIN" in error.text())
        seen.append(error.text())
        for digit in "4826":
            dialog.findChild(QPushButton, f"key_{digit}").click()
        dialog.findChild(QPushButton, "approveButton").click()
        qtbot.waitUntil(lambda: not dialog.isVisible())
    finally:
        if dialog is not None and dialog.isVisible():
            dialog.reject()  # never leave a modal loop running after a failure


def test_refund_over_the_threshold_needs_a_manager(
    qtbot: QtBot, shop: Shop, desk_runner: TaskRunner
) -> None:
    # Two jeans (159.80) come back: above the 100.00 limit, a manager must approve.
    order_id = sell(shop, "5004", [("JEA-M", 2)])
    flow = make_flow(qtbot, shop, desk_runner)
    opened(qtbot, flow, DocumentKind.REFUND, order_id)
    row = line_rows(flow)[0]
    click(qtbot, row, "plusButton")
    click(qtbot, row, "plusButton")
    wait_quote(qtbot, flow)
    assert (
        "refund above the limit" in flow.returns_screen.findChild(QLabel, "approvalsLabel").text()
    )
    seen: list[str] = []
    QTimer.singleShot(0, lambda: drive_approval(qtbot, seen))
    click(qtbot, flow.returns_screen, "continueButton")
    assert seen[0] == "dimmed" and "tries are left" in seen[1]
    veil = flow.window().findChild(QWidget, "modalDimmer")
    qtbot.waitUntil(lambda: veil is None or not veil.isVisible())  # gone with the dialog
    assert flow.currentWidget() is flow.settle_screen
    # The whole refund goes back to the card it was paid with.
    tap_the_original_payment(qtbot, flow)
    document = committed(qtbot, flow)
    assert document.quote.to_refund == Money(15980, "EUR")
    with shop.sessions() as s:
        bound = s.scalars(select(ApprovalRecord.document_id)).all()
    assert bound == [document.document_id]


def test_cancellation_with_a_note(qtbot: QtBot, shop: Shop, desk_runner: TaskRunner) -> None:
    # The parcel never left: the manager cancels the order and refunds the card.
    order_id = sell(shop, "5005", [("ÉCH-M", 1)], fulfilled=False)
    flow = make_flow(qtbot, shop, desk_runner, operator=shop.manager)
    opened(qtbot, flow, DocumentKind.CANCELLATION, order_id)
    note = flow.returns_screen.findChild(QLineEdit, "cancelNote")
    qtbot.keyClicks(note, "Rupture chez le transporteur")
    wait_quote(qtbot, flow)
    assert flow.returns_screen.view_model.quote.to_refund == Money(3990, "EUR")
    click(qtbot, flow.returns_screen, "continueButton")
    assert flow.settle_screen.findChild(QLineEdit, "noteField").text() == (
        "Rupture chez le transporteur"
    )
    tap_the_original_payment(qtbot, flow)
    document = committed(qtbot, flow)
    assert document.kind is DocumentKind.CANCELLATION
    with shop.sessions() as s:
        record = s.scalars(select(CounterDocumentRecord)).one()
    assert record.customer_note == "Rupture chez le transporteur"
    assert on_hand(shop, "ÉCH-M") == 6


def test_a_damaged_return_chosen_by_touch_commits_and_stays_off_the_shelf(
    qtbot: QtBot, shop: Shop, desk_runner: TaskRunner
) -> None:
    # The T-shirt came back torn: the cashier taps "Damaged" and "Faulty", then refunds the card.
    order_id = sell(shop, "5006", [("T-S-M", 1)])
    before = on_hand(shop, "T-S-M")
    flow = make_flow(qtbot, shop, desk_runner)
    opened(qtbot, flow, DocumentKind.REFUND, order_id)
    row = line_rows(flow)[0]
    click(qtbot, row, "plusButton")
    row.findChild(ChipGroup, "dispositionChips").button(Disposition.DAMAGED).click()
    row.findChild(ChipGroup, "reasonChips").button("faulty").click()
    wait_quote(qtbot, flow)
    click(qtbot, flow.returns_screen, "continueButton")
    tap_the_original_payment(qtbot, flow)
    document = committed(qtbot, flow)
    with shop.sessions() as s:
        line = s.scalars(select(DocumentReturnLineRecord)).one()
    assert (line.document_id, line.disposition, line.reason) == (
        document.document_id, "damaged", "faulty"
    )
    assert on_hand(shop, "T-S-M") == before  # a damaged unit is not sold again


def test_the_size_grid_shows_the_stock_left_after_a_commit(
    qtbot: QtBot, shop: Shop, desk_runner: TaskRunner
) -> None:
    # Hélène swaps her M for the L (5 in stock); the next customer sees 4 Ls left.
    first = sell(shop, "5007", [("T-S-M", 1)])
    second = sell(shop, "5008", [("T-S-S", 1)])
    flow = make_flow(qtbot, shop, desk_runner)
    opened(qtbot, flow, DocumentKind.EXCHANGE, first)
    click(qtbot, line_rows(flow)[0], "plusButton")
    pick(qtbot, flow, "t-shirt", "T-S-L")
    cell = flow.returns_screen.findChild(QPushButton, "variant_T-S-L")
    assert cell.text() == "L\n5 in stock"
    qtbot.waitUntil(lambda: flow.returns_screen.view_model.replacements != ())
    wait_quote(qtbot, flow)
    click(qtbot, flow.returns_screen, "continueButton")
    committed(qtbot, flow)
    assert on_hand(shop, "T-S-L") == 4
    with qtbot.waitSignal(flow.returns_screen.view_model.quote_changed):  # the empty draft's
        opened(qtbot, flow, DocumentKind.EXCHANGE, second)

    def l_cell_text() -> str:
        cell = flow.returns_screen.findChild(QPushButton, "variant_T-S-L")
        return cell.text() if cell is not None else ""

    qtbot.waitUntil(lambda: l_cell_text() == "L\n4 in stock", timeout=3000)


def test_cash_by_quick_amounts_adds_up_and_says_the_change(
    qtbot: QtBot, shop: Shop, desk_runner: TaskRunner
) -> None:
    # 50.00 to collect, paid with a 20 and a 50.
    flow = tshirt_for_jeans(qtbot, shop, desk_runner, "5009")
    settle = flow.settle_screen.view_model
    offered = [b.text() for b in flow.settle_screen.findChildren(QPushButton)
               if b.objectName().startswith("quickCash_") and b.isVisible()]  # fmt: skip
    assert offered == ["€50.00", "€60.00"]
    type_amount(flow, "20")  # a 20 note first...
    click(qtbot, flow.settle_screen, "cashButton")
    assert settle.remaining == Money(3000, "EUR")
    type_amount(flow, "50")  # ...then a 50: one cash tender of 70.00, 20.00 back
    click(qtbot, flow.settle_screen, "cashButton")
    assert [line.tender.amount for line in settle.tenders] == [Money(7000, "EUR")]
    assert settle.change_due == Money(2000, "EUR")
    document = committed(qtbot, flow)
    assert document.change_due == Money(2000, "EUR")


def test_a_quick_cash_amount_is_one_tap(
    qtbot: QtBot, shop: Shop, desk_runner: TaskRunner
) -> None:
    flow = tshirt_for_jeans(qtbot, shop, desk_runner, "5010")
    click(qtbot, flow.settle_screen, "quickCash_6000")  # the customer hands over 60.00
    assert flow.settle_screen.view_model.change_due == Money(1000, "EUR")
    assert committed(qtbot, flow).change_due == Money(1000, "EUR")


def test_same_item_other_size_in_four_taps_from_the_draft(
    qtbot: QtBot, shop: Shop, desk_runner: TaskRunner
) -> None:
    # Hélène's M is too small: "Other size", the L, Continue, Confirm.
    order_id = sell(shop, "5011", [("T-S-M", 1)])
    flow = make_flow(qtbot, shop, desk_runner)
    opened(qtbot, flow, DocumentKind.EXCHANGE, order_id)
    click(qtbot, line_rows(flow)[0], "otherSizeButton")
    qtbot.waitUntil(lambda: flow.returns_screen.findChild(QPushButton, "variant_T-S-L") is not None)
    click(qtbot, flow.returns_screen, "variant_T-S-L")
    qtbot.waitUntil(lambda: flow.returns_screen.view_model.replacements != ())
    wait_quote(qtbot, flow)
    assert flow.returns_screen.view_model.quote.balance_kind is BalanceKind.EQUAL
    click(qtbot, flow.returns_screen, "continueButton")
    document = committed(qtbot, flow)
    assert document.kind is DocumentKind.EXCHANGE
    assert (on_hand(shop, "T-S-M"), on_hand(shop, "T-S-L")) == (6, 4)


def test_other_size_is_offered_on_exchanges_only(
    qtbot: QtBot, shop: Shop, desk_runner: TaskRunner
) -> None:
    order_id = sell(shop, "5012", [("T-S-M", 1)])
    flow = make_flow(qtbot, shop, desk_runner)
    opened(qtbot, flow, DocumentKind.REFUND, order_id)
    button = line_rows(flow)[0].findChild(QPushButton, "otherSizeButton")
    assert not button.isVisible()
def test_a_store_credit_only_item_is_refunded_only_as_a_card(
    qtbot: QtBot, shop: Shop, desk_runner: TaskRunner
) -> None:
    # The scarf's category ("sale") gives money back only as store credit or a gift card.
    policies = PolicyService(sessions=shop.sessions, clock=shop.clock)
    admin = shop.users.login("admin", "7391")
    policies.update(admin, dataclasses.replace(
        policies.current(), store_credit_only_categories=frozenset({"sale"})))  # fmt: skip
    order_id = sell(shop, "5009", [("ÉCH-M", 1)])
    flow = make_flow(qtbot, shop, desk_runner)
    opened(qtbot, flow, DocumentKind.REFUND, order_id)
    click(qtbot, line_rows(flow)[0], "plusButton")
    wait_quote(qtbot, flow)
    click(qtbot, flow.returns_screen, "continueButton")
    # No cash, no refund to the card it was paid with: only the two kinds of card.
    buttons = {b.objectName() for b in flow.settle_screen.findChildren(QPushButton)
               if b.isVisible()}  # fmt: skip
    assert {"newGiftCardButton", "storeCreditButton"} <= buttons
    assert "cashButton" not in buttons and not any(b.startswith("payment_") for b in buttons)
    click(qtbot, flow.settle_screen, "storeCreditButton")
    document = committed(qtbot, flow)
    assert [card.kind for card in document.issued_cards] == ["store_credit"]
