"""Settling through the real widgets: the lines in view before Valider, the customer's
receipt (print, e-mail, both, none) and the change in large type (issue #13)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pos.db.records import OutboxMessageRecord, PrintJobRecord
from pos.domain.money import Money
from pos.hardware.card_terminals import SimulatedTerminal
from pos.ui.chips import ChipGroup
from pos.ui.workers import TaskRunner
from tests.support.shop import Shop
from tests.ui.screens.returns.support import click, type_amount
from tests.ui.test_return_stories import committed, result_text, tshirt_for_jeans


def jobs(shop: Shop, document_id: str) -> list[str]:
    with shop.sessions() as s:
        return list(s.scalars(select(PrintJobRecord.kind)
                              .where(PrintJobRecord.document_id == document_id)))  # fmt: skip


def mails(shop: Shop, document_id: str) -> int:
    with shop.sessions() as s:
        return len(list(s.scalars(select(OutboxMessageRecord.id).where(
            OutboxMessageRecord.document_id == document_id,
            OutboxMessageRecord.destination == "mail"))))  # fmt: skip


def choose_receipt(qtbot: QtBot, flow, choice: str) -> None:  # type: ignore[no-untyped-def]
    chips = flow.settle_screen.findChild(ChipGroup, "receiptChips")
    chips.button(choice).click()


def test_the_lines_are_summed_up_before_valider(
    qtbot: QtBot, shop: Shop, desk_runner: TaskRunner
) -> None:
    flow = tshirt_for_jeans(qtbot, shop, desk_runner, "6001")
    summary = flow.settle_screen.findChild(QLabel, "settleSummary")
    assert summary.isVisible()
    assert summary.text().splitlines() == [
        "Back: 1 × T-shirt coton bio — Taille: M (€29.90)",  # named as the order names it
        "New: 1 × Jean droit L (€79.90)",
    ]


def test_cash_change_is_shown_large_and_no_receipt_still_opens_the_drawer(
    qtbot: QtBot, shop: Shop, desk_runner: TaskRunner
) -> None:
    flow = tshirt_for_jeans(qtbot, shop, desk_runner, "6002")
    # The customer pays 60.00 in cash for the 50.00 due and wants no receipt.
    choose_receipt(qtbot, flow, "none")
    assert not flow.settle_screen.findChild(QLineEdit, "emailField").isVisible()
    type_amount(flow, "60")
    click(qtbot, flow.settle_screen, "cashButton")
    document = committed(qtbot, flow)
    change = flow.settle_screen.findChild(QLabel, "resultChange")
    assert change.isVisible() and change.text() == "Change: €10.00"
    assert change.font().pixelSize() >= 48 or change.fontInfo().pixelSize() >= 48
    assert "No receipt, as the customer asked." in result_text(flow)
    assert jobs(shop, document.document_id) == ["drawer"]  # the drawer opens, nothing prints


def test_an_e_mailed_receipt_is_not_printed(
    qtbot: QtBot, shop: Shop, desk_runner: TaskRunner
) -> None:
    flow = tshirt_for_jeans(qtbot, shop, desk_runner, "6003", terminal=SimulatedTerminal())
    choose_receipt(qtbot, flow, "email")
    email = flow.settle_screen.findChild(QLineEdit, "emailField")
    assert email.isVisible()
    email.clear()
    click(qtbot, flow.settle_screen, "cardButton")
    qtbot.waitUntil(lambda: flow.settle_screen.view_model.remaining == Money(0, "EUR"))
    # No address yet: the cashier is told, nothing is written.
    click(qtbot, flow.settle_screen, "commitButton")
    assert "Type the customer's e-mail" in flow.settle_screen.view_model.status_text
    qtbot.keyClicks(email, "helene@example.fr")
    document = committed(qtbot, flow)
    assert jobs(shop, document.document_id) == []
    assert mails(shop, document.document_id) == 1
    assert "goes by e-mail to helene@example.fr" in result_text(flow)
