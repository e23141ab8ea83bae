"""The sync panel over the real service and database: a change Wix refused is settled there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pos.db.engine import SessionFactory
from pos.db.records import AuditEntryRecord, OutboxMessageRecord
from pos.sync.service import SyncService
from pos.ui.screens.sync import SyncViewModel, create_sync_panel
from pos.ui.workers import TaskRunner
from tests.support.shop import build_shop
from tests.ui.screens.login.helpers import button, label, show
from tests.ui.screens.sync.test_screen import tap_first_row


def test_a_manager_drops_a_refund_wix_refused_and_the_order_s_next_step_goes(
    qtbot: QtBot, tasks: TaskRunner, sessions: SessionFactory
) -> None:
    shop = build_shop(sessions)
    now = shop.clock.now()
    with sessions.begin() as s:  # a refund Wix refused, and the comment waiting behind it
        for kind, state, error in (("wix.refund", "parked", "Wix refused the change: no"),
                                   ("wix.comment", "pending", "")):  # fmt: skip
            s.add(OutboxMessageRecord(created_at=now, destination="wix", kind=kind,
                                      object_key="order:w-1", payload={}, state=state,
                                      attempts=1, journal={}, last_error=error))  # fmt: skip
    service = SyncService(None, sessions=sessions, clock=shop.clock)
    vm = SyncViewModel(sync=service, runner=tasks, request_now=lambda: None)
    panel = create_sync_panel(view_model=vm, locale="en_US")
    vm.set_operator(shop.manager)
    vm.set_status(service.status())
    show(qtbot, panel)
    table = panel.findChild(QTableView, "reviewTable")
    assert table.model().index(0, 0).data() == "Refund (refused by Wix)"
    tap_first_row(qtbot, panel)
    assert "Wix refused the change" in label(panel, "reviewReason").text()
    panel.findChild(QLineEdit, "reasonEdit").setText("refunded by hand on the dashboard")
    qtbot.mouseClick(button(panel, "dropButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: label(panel, "syncMessage").text() == "Decision saved.")
    with sessions() as s:
        states = s.scalars(select(OutboxMessageRecord.state).order_by(OutboxMessageRecord.id))
        assert list(states) == ["done", "pending"]  # the comment is free to go
        audit = s.scalars(select(AuditEntryRecord).where(
            AuditEntryRecord.action == "sync_review_resolved")).one()  # fmt: skip
    assert audit.data["actor"] == "maxime" and audit.data["decision"] == "drop"
    assert service.status().parked == 0 and service.status().noted == 1
    qtbot.waitUntil(lambda: label(panel, "syncNotes").isVisible())
    assert label(panel, "syncNotes").text().startswith("1 change settled with a note")
