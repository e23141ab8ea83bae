"""The sync badge follows the sync thread; the panel lets a manager settle a change."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QStackedWidget, QTableView, QWidget
from pytestqt.qtbot import QtBot

from pos.domain.roles import Operator
from pos.services.sync_port import RefusedOrder
from pos.ui.screens.sync import SyncBadge, SyncViewModel, create_sync_panel, install_sync
from pos.ui.sync_worker import SyncThread
from pos.ui.workers import TaskRunner
from tests.ui.screens.login.helpers import assert_touch_sized, button, label, show
from tests.ui.screens.sync.support import (
    CASHIER,
    MANAGER,
    FakeSync,
    status,
    stock_item,
    with_review,
)


@pytest.fixture
def sync_thread(qtbot: QtBot) -> Iterator[tuple[SyncThread, FakeSync]]:
    fake = FakeSync(status())
    thread = SyncThread(make_sync=lambda: fake, interval_ms=60_000)
    yield thread, fake
    thread.stop()


def test_the_app_s_first_tick_waits_so_the_window_opens_first(qtbot: QtBot) -> None:
    """The status (the database) shows at once; the network tick comes `first_tick_ms` later."""
    fake = FakeSync(status(online=False, pending=3))
    thread = SyncThread(make_sync=lambda: fake, interval_ms=60_000, first_tick_ms=400)
    seen: list[object] = []
    thread.status_changed.connect(seen.append)
    try:
        started = time.monotonic()
        thread.start()
        qtbot.waitUntil(lambda: seen != [])
        assert fake.ticks == 0
        qtbot.waitUntil(lambda: fake.ticks == 1, timeout=3000)
        assert time.monotonic() - started >= 0.3  # (a coarse timer may fire 5 % early)
    finally:
        thread.stop()


def panel_for(qtbot: QtBot, tasks: TaskRunner, fake: FakeSync, operator: Operator | None):  # type: ignore[no-untyped-def]
    asked: list[str] = []
    vm = SyncViewModel(sync=fake, runner=tasks, request_now=lambda: asked.append("now"))
    panel = create_sync_panel(view_model=vm, locale="en_US")
    vm.set_operator(operator)
    vm.set_status(fake.current)
    show(qtbot, panel)
    return panel, asked


def tap_first_row(qtbot: QtBot, panel: QWidget) -> None:
    table = panel.findChild(QTableView, "reviewTable")
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_badge_follows_ticks_made_on_the_sync_thread(qtbot: QtBot, sync_thread) -> None:  # type: ignore[no-untyped-def]
    thread, fake = sync_thread
    badge = SyncBadge()
    qtbot.addWidget(badge)
    thread.status_changed.connect(badge.show_status)
    assert badge.text() == "Wix sync…" and badge.sizeHint().height() >= 48
    thread.start()
    qtbot.waitUntil(lambda: fake.ticks == 1 and badge.text() == "Online · up to date")
    fake.current = status(online=False, pending=12)
    thread.request_now()
    qtbot.waitUntil(lambda: badge.text() == "Offline — 12 changes waiting")
    assert badge.kind == "offline"
    assert threading.current_thread().name not in fake.tick_threads  # never the GUI thread
    thread.stop()
    assert fake.closed and not thread.is_running()


def test_a_manager_drops_a_change_with_a_reason(qtbot: QtBot, tasks: TaskRunner) -> None:
    fake = FakeSync(with_review(stock_item(41), online=False, pending=2))
    panel, asked = panel_for(qtbot, tasks, fake, MANAGER)
    assert_touch_sized(panel)
    assert "Wix shows 11" not in label(panel, "reviewReason").text()
    assert not button(panel, "dropButton").isEnabled()
    tap_first_row(qtbot, panel)
    assert "Wix shows 11, expected 12" in label(panel, "reviewReason").text()
    qtbot.mouseClick(button(panel, "dropButton"), Qt.MouseButton.LeftButton)
    assert label(panel, "syncMessage").text() == "Say why (it is kept in the log)."
    panel.findChild(QLineEdit, "reasonEdit").setText("counted on the shelf: 11 is right")
    qtbot.mouseClick(button(panel, "dropButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: label(panel, "syncMessage").text() == "Decision saved.")
    assert fake.decisions == [("maxime", 41, "drop", "counted on the shelf: 11 is right")]
    assert asked == ["now"]  # the badge catches up at once
    assert panel.view_model.items == ()
    assert label(panel, "emptyNote").isVisible()


def test_a_cashier_sees_the_list_read_only(qtbot: QtBot, tasks: TaskRunner) -> None:
    fake = FakeSync(with_review(stock_item(41)))
    panel, _ = panel_for(qtbot, tasks, fake, CASHIER)
    assert panel.findChild(QTableView, "reviewTable").isVisible()
    assert label(panel, "readOnlyNote").isVisible()
    assert not button(panel, "doneButton").isVisible()
    assert not panel.findChild(QLineEdit, "reasonEdit").isVisible()
    # Even if asked, the service refuses: the role is checked below the UI too.
    tap_first_row(qtbot, panel)
    panel.view_model.resolve("done", "I think so")
    qtbot.waitUntil(lambda: "Only a manager" in label(panel, "syncMessage").text())
    assert fake.decisions == []


def test_the_panel_shows_the_figures_and_the_last_error(qtbot: QtBot, tasks: TaskRunner) -> None:
    problem = (
        "Wix cannot be reached (no network?) — 3 changes wait and will be sent when it is back"
    )
    fake = FakeSync(
        status(online=False, pending=3, parked=1, last_error=problem, last_push_at=None)
    )
    panel, _ = panel_for(qtbot, tasks, fake, MANAGER)
    figures = {f.property("figure"): f.text() for f in panel.findChildren(QLabel, "syncFigure")}
    assert figures["pending"] == "3" and figures["parked"] == "1" and figures["push"] == "never"
    assert label(panel, "lastError").text() == f"Last problem (as recorded): {problem}"
    assert "cannot be reached" in label(panel, "syncState").text()


def test_the_panel_names_the_orders_wix_sent_that_were_not_recorded(
    qtbot: QtBot, tasks: TaskRunner
) -> None:
    reason = ("Wix sent an order Comptoir cannot read: refund_exceeds_payment at orderTransactions"
              ".refunds[0].transactions[0].amount (the refunds add up to more than the payment)")
    refused = tuple(RefusedOrder(f"order-{n}", reason) for n in range(5))
    panel, _ = panel_for(qtbot, tasks, FakeSync(status(refused_orders=refused)), MANAGER)
    shown = label(panel, "refusedOrders")
    assert shown.isVisibleTo(panel)
    assert shown.text().splitlines() == [
        "Orders from Wix not recorded: 5", *(f"order-{n}: {reason}" for n in range(3)),
        "… and 2 more"]
    quiet, _ = panel_for(qtbot, tasks, FakeSync(status()), MANAGER)
    assert not label(quiet, "refusedOrders").isVisibleTo(quiet)


class StubWindow(QStackedWidget):
    """What `install_sync` needs of the main window."""

    closing = Signal()

    def add_screen(self, screen: QWidget) -> None:
        self.addWidget(screen)

    def show_screen(self, screen: QWidget) -> None:
        self.setCurrentWidget(screen)

    def show_search(self) -> None:
        self.setCurrentIndex(0)


class StubSession(QObject):
    operator_changed = Signal(object)
    operator: Operator | None = None


def test_install_sync_puts_the_badge_in_the_bar_and_opens_the_panel(
    qtbot: QtBot, tasks: TaskRunner
) -> None:
    fake = FakeSync(with_review(stock_item(41), pending=3))
    window, bar, session = StubWindow(), QWidget(), StubSession()
    window.addWidget(QWidget())  # the search screen
    QHBoxLayout(bar).addWidget(QLabel("Camille"))
    qtbot.addWidget(window)
    qtbot.addWidget(bar)
    ui = install_sync(session, bar, window, fake, tasks, locale="en_US", interval_ms=60_000)
    try:
        assert bar.layout().indexOf(ui.badge) == 1
        qtbot.waitUntil(lambda: ui.badge.text() == "1 to check")
        session.operator_changed.emit(MANAGER)
        assert ui.panel.view_model.can_decide
        with qtbot.waitSignal(ui.panel.view_model.status_changed):  # it reads the status
            qtbot.mouseClick(ui.badge, Qt.MouseButton.LeftButton)
        assert window.currentWidget() is ui.panel
        qtbot.mouseClick(button(ui.panel, "backButton"), Qt.MouseButton.LeftButton)
        assert window.currentIndex() == 0
    finally:
        window.closing.emit()
    assert fake.closed and not ui.thread.is_running()
