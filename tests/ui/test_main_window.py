"""The main window: search, tap or scan, read the order, go back — the whole loop."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QScroller, QTableView
from pytestqt.qtbot import QtBot

from pos.db.engine import SessionFactory
from pos.ui.screens.order import OrderScreen
from pos.ui.screens.search import SearchScreen
from tests.support.builders import order
from tests.ui.conftest import record, rich_order


def results(window) -> QTableView:  # type: ignore[no-untyped-def]
    return window.search_screen.findChild(QTableView, "searchResults")


def test_tapping_a_result_opens_the_order_and_back_returns(
    qtbot: QtBot, sessions: SessionFactory, make_window
) -> None:
    record(
        sessions,
        rich_order(),
        order(
            "10100", days_ago=20, first="Marc", last="Leroy", email="marc@example.fr", phone=None
        ),
    )
    window = make_window()
    box = window.search_screen.findChild(QLineEdit, "searchBox")
    qtbot.keyClicks(box, "helene")
    view = results(window)
    qtbot.waitUntil(lambda: view.model().rowCount() == 1)
    cell = view.visualRect(view.model().index(0, 2)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert isinstance(window.current_screen(), OrderScreen)
    lines = window.order_screen.findChild(QTableView, "linesTable").model()
    qtbot.waitUntil(lambda: lines.rowCount() == 3)
    assert [lines.index(0, c).data() for c in (2, 3, 4)] == ["2", "1", "1"]
    qtbot.mouseClick(window.order_screen.findChild(QPushButton, "backButton"), Qt.LeftButton)
    assert isinstance(window.current_screen(), SearchScreen)
    assert box.text() == "helene" and box.selectedText() == "helene"  # ready for a scan
    assert view.model().rowCount() == 1


def test_scanning_a_receipt_opens_its_order(
    qtbot: QtBot, sessions: SessionFactory, make_window
) -> None:
    record(sessions, rich_order("10234"), order("102345", days_ago=2))
    window = make_window()
    box = window.search_screen.findChild(QLineEdit, "searchBox")
    qtbot.keyClicks(box, "CPT:O:10234")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.order_screen.view_model.detail is not None)
    assert isinstance(window.current_screen(), OrderScreen)
    assert window.order_screen.view_model.detail.number == "10234"


def test_everything_is_big_enough_for_a_finger(
    qtbot: QtBot, sessions: SessionFactory, make_window
) -> None:
    [order_id] = record(sessions, rich_order())
    window = make_window()
    window.order_screen.view_model.load(order_id)
    qtbot.waitUntil(lambda: window.order_screen.view_model.detail is not None)
    for screen in (window.search_screen, window.order_screen):
        window.show_screen(screen)
        for button in screen.findChildren(QPushButton):
            assert button.sizeHint().height() >= 48, button.objectName()
        for view in screen.findChildren(QTableView):
            assert view.verticalHeader().defaultSectionSize() >= 48
            assert QScroller.hasScroller(view.viewport())  # kinetic scrolling
    assert window.search_screen.findChild(QLineEdit).sizeHint().height() >= 48
