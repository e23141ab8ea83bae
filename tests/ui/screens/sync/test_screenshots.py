"""Screenshot of the sync panel under a top bar with its badge (docs/screenshots/sync-*.png)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from pos.ui.format import locale_for
from pos.ui.screens.sync import SyncBadge, SyncViewModel, create_sync_panel
from pos.ui.workers import TaskRunner
from tests.ui.screens.login.helpers import save, show, translated
from tests.ui.screens.sync.support import MANAGER, FakeSync, status, stock_item
from tests.ui.screens.sync.test_screen import tap_first_row

PROBLEM = "Wix cannot be reached (no network?) — 12 changes wait and will be sent when it is back"


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    yield from translated(qapp, request.param)


def test_sync_screenshot(qtbot: QtBot, tasks: TaskRunner, language: str) -> None:
    refused = replace(stock_item(63), kind="wix.refund", object_key="order:w-1", numbers=(),
                      state="parked", reason="Wix refused the change: payment not refundable")
    items = (stock_item(41), stock_item(57, "JEA-L"), refused)  # fmt: skip
    fake = FakeSync(status(needs_review=2, parked=1, review_items=items, online=False, noted=1,
                           pending=12, last_error=PROBLEM))  # fmt: skip
    vm = SyncViewModel(sync=fake, runner=tasks, request_now=lambda: None)
    panel = create_sync_panel(view_model=vm, locale=locale_for(language), tz=UTC)
    vm.set_operator(MANAGER)
    vm.set_status(fake.current)
    badge = SyncBadge()
    badge.show_status(fake.current)
    bar = QHBoxLayout()
    bar.addWidget(QLabel("Maxime"), 1)
    bar.addWidget(badge)
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addLayout(bar)
    layout.addWidget(panel, 1)
    show(qtbot, page)
    tap_first_row(qtbot, panel)
    panel.findChild(QLineEdit, "reasonEdit").setText(
        "compté en rayon : 11" if language == "fr" else "counted on the shelf: 11"
    )
    assert badge.text() == ("3 à vérifier" if language == "fr" else "3 to check")
    assert badge.testAttribute(Qt.WidgetAttribute.WA_WState_Visible)
    save(page, f"sync-{language}.png")
