"""What must never break a sale at the counter: the window's size, the next cashier's screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from tests.support.shop import sell
from tests.ui.screens.login.test_screen import enter_pin, pick


def log_in(qtbot: QtBot, window, name: str, pin: str) -> None:  # type: ignore[no-untyped-def]
    session = window.counter
    qtbot.waitUntil(lambda: len(session.login.view_model.users) == 3)
    pick(qtbot, session.login, name)
    enter_pin(qtbot, session.login, pin)
    qtbot.waitUntil(lambda: window.current_screen() is window.search_screen)


def inside(window: QWidget, widget: QWidget) -> bool:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return window.rect().contains(QRect(top_left, widget.size()))


def test_a_very_long_search_never_widens_the_window(qtbot: QtBot, counter) -> None:  # type: ignore[no-untyped-def]
    window, _shop, _printer = counter
    log_in(qtbot, window, "Camille", "2580")
    box = window.search_screen.findChild(QLineEdit, "searchBox")
    box.setText("x" * 400 + " " + "é" * 300)  # a scanner gone mad, or a cat on the keyboard
    qtbot.keyClick(box, Qt.Key.Key_Return)
    status = window.search_screen.findChild(QLabel, "searchStatus")
    qtbot.waitUntil(lambda: "No sale found" in status.text())
    qtbot.wait(50)  # let the layouts settle
    assert window.width() == 1280
    assert window.minimumSizeHint().width() <= 1024
    for button in window.counter.top_bar.findChildren(QPushButton):
        if button.isVisible():
            assert inside(window, button), button.objectName()
    assert inside(window, status)


def test_logging_out_leaves_nothing_of_the_last_cashier_on_screen(qtbot: QtBot, counter) -> None:  # type: ignore[no-untyped-def]
    window, shop, _printer = counter
    sell(shop, "10234", [("T-S-M", 1)])
    log_in(qtbot, window, "Camille", "2580")
    box = window.search_screen.findChild(QLineEdit, "searchBox")
    box.setText("10234")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.order_screen.view_model.detail is not None, timeout=5000)
    qtbot.mouseClick(window.counter.top_bar.button("logout"), Qt.MouseButton.LeftButton)
    log_in(qtbot, window, "Maxime", "4826")
    # Maxime starts on an empty search: no number, no results, no customer, no order.
    assert window.current_screen() is window.search_screen
    assert box.text() == ""
    assert window.search_screen.findChild(QTableView, "searchResults").model().rowCount() == 0
    assert window.order_screen.view_model.detail is None
    assert window.search_screen.findChild(QLabel, "searchStatus").text().startswith("Type the")


def test_every_screen_tells_the_time_of_the_shop(qtbot: QtBot, counter) -> None:  # type: ignore[no-untyped-def]
    window, shop, _printer = counter
    sell(shop, "10234", [("T-S-M", 1)], days_ago=3)  # placed 2026-11-17 15:00 UTC = 16:00 Paris
    log_in(qtbot, window, "Camille", "2580")
    box = window.search_screen.findChild(QLineEdit, "searchBox")
    qtbot.keyClicks(box, "10234")
    results = window.search_screen.findChild(QTableView, "searchResults").model()
    qtbot.waitUntil(lambda: results.rowCount() == 1)
    assert results.index(0, 1).data() == "11/17/26, 4:00\u202fPM"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.order_screen.view_model.header() is not None, timeout=5000)
    fields = dict(window.order_screen.view_model.header().fields)
    assert fields["Date"] == "11/17/26, 4:00\u202fPM"
