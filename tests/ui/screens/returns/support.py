"""Helpers for the returns-desk UI tests: the real flow on a `build_shop` database."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from pos.domain.roles import Operator
from pos.services.card_terminal import CardTerminal
from pos.services.catalogue_search import CatalogueSearchService
from pos.services.history import SalesHistoryService
from pos.ui.keypad import AmountKeypad
from pos.ui.screens.returns import ReturnsFlow, create_returns_flow
from pos.ui.screens.returns.screen import LineRow
from pos.ui.workers import TaskRunner
from tests.support.shop import Shop


def make_flow(
    qtbot: QtBot,
    shop: Shop,
    runner: TaskRunner,
    *,
    operator: Operator | None = None,
    terminal: CardTerminal | None = None,
    locale: str = "en_US",
) -> ReturnsFlow:
    flow = create_returns_flow(
        returns=shop.returns,
        catalogue=CatalogueSearchService(sessions=shop.sessions),
        users=shop.users,
        history=SalesHistoryService(sessions=shop.sessions, clock=shop.clock),
        runner=runner,
        locale=locale,
        card_terminal=terminal,
        operator_provider=lambda: operator or shop.cashier,
    )
    qtbot.addWidget(flow)
    flow.resize(1280, 800)
    flow.show()
    return flow


def click(qtbot: QtBot, parent: QWidget, name: str) -> None:
    button = parent.findChild(QPushButton, name)
    assert button is not None, name
    qtbot.waitUntil(lambda: button.isVisible() and button.isEnabled())
    button.click()


def line_rows(flow: ReturnsFlow) -> list[LineRow]:
    return flow.returns_screen.findChildren(LineRow)


def type_amount(flow: ReturnsFlow, amount: str) -> None:
    """Clear the settle keypad, then tap `amount` as money ("30" is 30.00, "12.5" 12.50)."""
    keypad = flow.settle_screen.findChild(AmountKeypad)
    for _ in range(12):
        keypad.findChild(QPushButton, "key_back").click()
    for key in amount:
        name = "separator" if key in ".," else key
        keypad.findChild(QPushButton, f"key_{name}").click()


def wait_quote(qtbot: QtBot, flow: ReturnsFlow) -> None:
    vm = flow.returns_screen.view_model
    qtbot.waitUntil(lambda: vm.quote is not None and vm.quote == _fresh(vm), timeout=5000)


def _fresh(vm):  # type: ignore[no-untyped-def]
    return vm.quote  # the view model drops stale quotes itself; non-None means current
