"""The manager places share one screen protocol (`pos.ui.screens.managed`)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from pos.ui.screens.closing.screen import ClosingScreen
from pos.ui.screens.login.screen import LoginScreen
from pos.ui.screens.managed import ManagedScreen, StatusScreen, show_status
from pos.ui.screens.printing.screen import PrintingScreen
from pos.ui.screens.reports.screen import ReportsScreen
from pos.ui.screens.stock.screen import StockScreen


def test_the_manager_places_and_the_login_share_the_protocol() -> None:
    for place in (ClosingScreen, PrintingScreen, StockScreen, ReportsScreen):
        assert issubclass(place, ManagedScreen)
    assert issubclass(LoginScreen, StatusScreen) and not issubclass(LoginScreen, ManagedScreen)


def test_a_status_line_says_its_kind_and_hides_when_empty(qtbot: QtBot) -> None:
    label = QLabel(wordWrap=True)
    qtbot.addWidget(label)
    label.show()
    show_status(label, "Printed again.", "ok", wrap_width=300)
    assert (label.text(), label.property("kind"), label.isVisible()) == (
        "Printed again.",
        "ok",
        True,
    )
    assert label.minimumHeight() == label.heightForWidth(300) > 0
    show_status(label, "", "")
    assert not label.isVisible()
