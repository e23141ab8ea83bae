"""Exchange / Refund / Cancel under the order: a greyed action says why, in words (#13)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from pos.db.records import OrderRecord
from pos.services.history import SalesHistoryService
from pos.ui.screens.returns import OrderActionsBar
from pos.ui.workers import TaskRunner
from tests.support.shop import Shop, sell
from tests.ui.screens.order.test_screen import make_screen, opened


def bar_for(qtbot: QtBot, shop: Shop, runner: TaskRunner, number: str, **sold: object):  # type: ignore[no-untyped-def]
    history = SalesHistoryService(sessions=shop.sessions, clock=shop.clock)
    screen = make_screen(qtbot, history, runner)
    bar = OrderActionsBar(screen, parent=screen)
    screen.layout().addWidget(bar)
    opened(qtbot, screen, sell(shop, number, [("T-S-M", 1)], **sold))  # type: ignore[arg-type]
    return bar


def enabled(bar: OrderActionsBar) -> dict[str, bool]:
    names = ("exchangeButton", "refundButton", "cancelOrderButton")
    return {name: bar.findChild(QPushButton, name).isEnabled() for name in names}


def test_a_shipped_order_says_why_it_cannot_be_cancelled(
    qtbot: QtBot, shop: Shop, desk_runner: TaskRunner
) -> None:
    bar = bar_for(qtbot, shop, desk_runner, "7001", fulfilled=True)
    assert enabled(bar) == {"exchangeButton": True, "refundButton": True,
                            "cancelOrderButton": False}  # fmt: skip
    why = bar.findChild(QLabel, "actionsReason")
    assert why.isVisible() and why.text() == "Order shipped: cancellation impossible."
    # No counter receipt on this order yet: no Reprint to grey.
    assert not bar.findChild(QPushButton, "reprintButton").isVisible()


def test_in_french_the_reason_is_french(
    qtbot: QtBot, shop: Shop, desk_runner: TaskRunner, french: None
) -> None:
    bar = bar_for(qtbot, shop, desk_runner, "7002", fulfilled=True)
    assert bar.findChild(QLabel, "actionsReason").text() == (
        "Commande expédiée : annulation impossible."
    )


def test_an_order_not_shipped_allows_everything_and_says_nothing(
    qtbot: QtBot, shop: Shop, desk_runner: TaskRunner
) -> None:
    bar = bar_for(qtbot, shop, desk_runner, "7003", fulfilled=False)
    assert all(enabled(bar).values())
    assert not bar.findChild(QLabel, "actionsReason").isVisible()


def test_an_order_wix_cannot_cancel_says_why_in_french(
    qtbot: QtBot, shop: Shop, desk_runner: TaskRunner, french: None
) -> None:
    order_id = sell(shop, "7004", [("T-S-M", 1)], fulfilled=False)
    with shop.sessions.begin() as s:
        order = s.get(OrderRecord, order_id)
        assert order is not None
        order.status = "PENDING"  # paid by bank transfer, not received yet
    history = SalesHistoryService(sessions=shop.sessions, clock=shop.clock)
    screen = make_screen(qtbot, history, desk_runner)
    bar = OrderActionsBar(screen, parent=screen)
    screen.layout().addWidget(bar)
    opened(qtbot, screen, order_id)
    assert enabled(bar) == {"exchangeButton": True, "refundButton": True,
                            "cancelOrderButton": False}  # fmt: skip
    assert bar.findChild(QLabel, "actionsReason").text() == (
        "Paiement en attente sur Wix : annulation impossible."
    )
