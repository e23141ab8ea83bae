"""Driving the return-request places of the counter window by touch (tests and tours)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from pos.services.return_requests import RequestedLine, RequestView
from pos.ui.main_window import MainWindow
from pos.ui.screens.requests.record import RequestLineRow
from pos.wiring import Store
from tests.support.shop import Shop
from tests.ui.screens.login.test_screen import enter_pin, pick
from tests.ui.screens.returns.support import click


def requests_service(shop: Shop):  # type: ignore[no-untyped-def]
    """The shop's `ReturnRequestService`, as the app wires it."""
    return Store(sessions=shop.sessions, clock=shop.clock, terminal_id="T1").return_requests


def recorded(shop: Shop, order_id: int, *, approve: bool) -> RequestView:
    """Maxime records a request for the order's first line (one unit), approved or not."""
    service = requests_service(shop)
    from pos.services.history import SalesHistoryService  # noqa: PLC0415

    line = SalesHistoryService(sessions=shop.sessions, clock=shop.clock).order_detail(
        order_id).lines[0]  # fmt: skip
    view = service.record(shop.manager, order_id, [RequestedLine(line.line_id, 1, "faulty")],
                          reason="faulty", note="Couture défaite")  # fmt: skip
    return service.approve(shop.manager, view.request_id) if approve else view


def log_in(qtbot: QtBot, window: MainWindow, name: str, pin: str) -> None:
    session = window.counter
    qtbot.waitUntil(lambda: len(session.login.view_model.users) == 3)
    pick(qtbot, session.login, name)
    enter_pin(qtbot, session.login, pin)
    qtbot.waitUntil(lambda: window.current_screen() is window.search_screen)


def type_in_search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    box = window.search_screen.findChild(QLineEdit, "searchBox")
    box.setText(text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def open_order(qtbot: QtBot, window: MainWindow, number: str) -> None:
    type_in_search(qtbot, window, number)
    vm = window.order_screen.view_model
    qtbot.waitUntil(lambda: vm.detail is not None and vm.detail.number == number, timeout=5000)


def tap_row(qtbot: QtBot, table: QTableView, row: int) -> None:
    cell = table.visualRect(table.model().index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)


def record_from_order(qtbot: QtBot, window: MainWindow, *, line: int, units: int) -> QWidget:
    """From the order on screen: Return request, `units` of `line`, Wrong size, a note."""
    click(qtbot, window.order_screen, "requestButton")
    record = window.counter.requests.record
    qtbot.waitUntil(lambda: window.current_screen() is record
                    and len(record.findChildren(RequestLineRow)) > line)  # fmt: skip
    row = record.findChildren(RequestLineRow)[line]
    for _ in range(units):
        click(qtbot, row, "plusButton")
    row.findChild(QWidget, "reasonChips").button("wrong_size").click()
    note = record.findChild(QLineEdit, "requestNote")
    qtbot.keyClicks(note, "Trop petit")
    qtbot.waitUntil(lambda: record.view_model.note == "Trop petit")  # the scan filter's pause
    return record


def open_requests(qtbot: QtBot, window: MainWindow) -> QWidget:
    """Tap the top bar's badge (a manager is at the till): the lists, read."""
    requests = window.counter.requests
    qtbot.mouseClick(requests.badge, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_screen() is requests.screen)
    qtbot.waitUntil(lambda: requests.screen.view_model.counts is not None)
    return requests.screen


def show_request(qtbot: QtBot, screen: QWidget, tab: str, row: int = 0) -> None:
    """Tap the list `tab`, then its request at `row`: its detail shows."""
    vm = screen.view_model
    screen.findChild(QWidget, "requestTabs").button(tab).click()
    qtbot.waitUntil(lambda: len(vm.rows) > row)
    tap_row(qtbot, screen.findChild(QTableView, "requestsTable"), row)
    qtbot.waitUntil(lambda: vm.detail is not None)


def button(parent: QWidget, name: str) -> QPushButton:
    found = parent.findChild(QPushButton, name)
    assert found is not None, name
    return found


def tiny_png(rgb: tuple[int, int, int], size: int = 48) -> bytes:
    """A plain PNG of one colour (what a customer's photo is to the counter: bytes)."""
    row = b"\x00" + bytes(rgb) * size
    body = zlib.compress(row * size)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))  # fmt: skip

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body)
            + chunk(b"IEND", b""))  # fmt: skip


def seed_requests(shop: Shop, order_id: int, photo_folder: Path) -> None:
    """A request to decide on `order_id` (with two photos) and two photos in the counter's
    folder, as the tours show them."""
    from pos.services.history import SalesHistoryService  # noqa: PLC0415

    lines = SalesHistoryService(sessions=shop.sessions, clock=shop.clock).order_detail(
        order_id).lines  # fmt: skip
    requests_service(shop).record(
        shop.manager, order_id, [RequestedLine(lines[-1].line_id, 1, "faulty")],
        reason="faulty", note="La couture a lâché au premier lavage",
        photos=[tiny_png((200, 60, 60)), tiny_png((60, 120, 200))])  # fmt: skip
    photo_folder.mkdir(parents=True, exist_ok=True)
    for name, rgb in (("jean-couture.png", (90, 90, 160)), ("etiquette.png", (220, 200, 80))):
        (photo_folder / name).write_bytes(tiny_png(rgb))
