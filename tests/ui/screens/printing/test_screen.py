"""The print queue screen on real services and virtual printers: fail, retry, reprint, drawer."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTableView
from pytestqt.qtbot import QtBot

from pos.hardware.errors import PrinterOfflineError
from pos.hardware.transports import VirtualPrinter
from pos.services.printing import PrintQueueService
from pos.services.receipt_preview import ReceiptPreviewService
from pos.ui.screens.printing import PrintingScreen, create_printing_screen
from pos.ui.screens.printing.screen import DrawerReasonDialog, PrinterDialog
from pos.ui.workers import TaskRunner
from tests.support.shop import Shop
from tests.ui.screens.login.helpers import assert_touch_sized, button, label, show, table
from tests.ui.screens.printing.conftest import DEFAULT_PRINTER, exchange


def make_screen(
    qtbot: QtBot, queue: PrintQueueService, previews: ReceiptPreviewService, runner: TaskRunner
) -> PrintingScreen:
    screen = create_printing_screen(queue=queue, previews=previews, runner=runner)
    show(qtbot, screen)
    return screen


def failed_job(shop: Shop, queue: PrintQueueService, printers: dict[str, VirtualPrinter]) -> str:
    """A receipt the counter's printer refused (as the background printing would leave it)."""
    number = exchange(shop, "20001")
    queue.status()  # opens the counter's printer, so it can be told to fail
    printers[DEFAULT_PRINTER].fail_next(PrinterOfflineError())
    assert len(queue.run_once().failed) == 1
    return number


def tap_row(qtbot: QtBot, screen: PrintingScreen, row: int) -> None:
    view = screen.findChild(QTableView, "jobsTable")
    cell = view.visualRect(view.model().index(row, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)


def status_shows(qtbot: QtBot, screen: PrintingScreen, text: str) -> None:
    qtbot.waitUntil(lambda: text in label(screen, "printStatus").text())


def preview(screen: PrintingScreen) -> str:
    return screen.findChild(QPlainTextEdit, "receiptPreview").toPlainText()


def test_a_failed_job_shows_why_and_retry_prints_it(
    qtbot, shop, queue, previews, printers, runner
) -> None:  # type: ignore[no-untyped-def]
    number = failed_job(shop, queue, printers)
    screen = make_screen(qtbot, queue, previews, runner)
    screen.activate()
    qtbot.waitUntil(lambda: len(screen.view_model.jobs) == 1)
    [row] = table(screen, "jobsTable")
    assert row == [number, "Failed", "1", "The printer does not answer.", "This counter's"]
    assert not button(screen, "retryButton").isEnabled()  # a job first, and it says so
    assert label(screen, "actionsReason").text() == (
        "Tap a receipt in the list to retry it or send it elsewhere."
    )
    tap_row(qtbot, screen, 0)
    qtbot.waitUntil(lambda: number in preview(screen))  # what the job prints
    assert not label(screen, "actionsReason").isVisible()
    qtbot.mouseClick(button(screen, "retryButton"), Qt.MouseButton.LeftButton)
    status_shows(qtbot, screen, "Printed.")
    assert screen.view_model.jobs == () and label(screen, "emptyNote").isVisible()
    assert not button(screen, "retryButton").isEnabled()
    assert label(screen, "actionsReason").text() == "Nothing to retry."
    [printed] = printers[DEFAULT_PRINTER].jobs
    assert number in printed.text
    assert_touch_sized(screen)


def test_a_retry_that_fails_again_says_what_to_do(
    qtbot, shop, queue, previews, printers, runner
) -> None:  # type: ignore[no-untyped-def]
    failed_job(shop, queue, printers)
    printers[DEFAULT_PRINTER].fail_next(PrinterOfflineError())
    screen = make_screen(qtbot, queue, previews, runner)
    screen.activate()
    qtbot.waitUntil(lambda: len(screen.view_model.jobs) == 1)
    tap_row(qtbot, screen, 0)
    qtbot.mouseClick(button(screen, "retryButton"), Qt.MouseButton.LeftButton)
    status_shows(qtbot, screen, "Not printed: The printer does not answer.")
    assert "then tap Retry" in label(screen, "printStatus").text()
    qtbot.waitUntil(lambda: table(screen, "jobsTable")[0][2] == "2")


def test_send_to_prints_on_another_printer(
    qtbot, shop, queue, previews, printers, runner, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    number = failed_job(shop, queue, printers)
    asked: list[str] = []

    def ask(parent, *, current: str) -> str:  # type: ignore[no-untyped-def]
        asked.append(current)
        return "virtual://back-office"

    monkeypatch.setattr(PrinterDialog, "ask", ask)
    screen = make_screen(qtbot, queue, previews, runner)
    screen.activate()
    qtbot.waitUntil(lambda: len(screen.view_model.jobs) == 1)
    tap_row(qtbot, screen, 0)
    qtbot.mouseClick(button(screen, "sendToButton"), Qt.MouseButton.LeftButton)
    status_shows(qtbot, screen, "Printed.")
    assert asked == [DEFAULT_PRINTER]
    [printed] = printers["virtual://back-office"].jobs
    assert number in printed.text and printers[DEFAULT_PRINTER].jobs == ()


def test_reprint_prints_a_duplicate_and_previews_it(
    qtbot, shop, queue, previews, printers, runner
) -> None:  # type: ignore[no-untyped-def]
    number = exchange(shop, "20002")
    queue.run_once()  # the original is printed
    screen = make_screen(qtbot, queue, previews, runner)
    box = screen.findChild(QLineEdit, "documentEdit")
    qtbot.keyClicks(box, number)
    qtbot.mouseClick(button(screen, "reprintButton"), Qt.MouseButton.LeftButton)
    status_shows(qtbot, screen, "Printed.")
    qtbot.waitUntil(lambda: number in preview(screen))
    assert "*** DUPLICATA ***" in preview(screen)  # the customer's language: French
    original, copy = printers[DEFAULT_PRINTER].jobs
    assert "DUPLICATA" in copy.text and "DUPLICATA" not in original.text


def tap_document(qtbot: QtBot, screen: PrintingScreen, row: int) -> None:
    view = screen.findChild(QTableView, "todayTable")
    cell = view.visualRect(view.model().index(row, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)


def test_today_s_receipts_are_listed_newest_first_and_reprinted_with_two_taps(
    qtbot, shop, queue, previews, printers, runner
) -> None:  # type: ignore[no-untyped-def]
    yesterday = exchange(shop, "20003")
    shop.clock.advance(timedelta(days=1))
    first, second = exchange(shop, "20004"), exchange(shop, "20005", cash=True)
    queue.run_once()  # the originals are printed
    screen = make_screen(qtbot, queue, previews, runner)
    screen.activate()
    view = screen.findChild(QTableView, "todayTable")
    qtbot.waitUntil(lambda: view.model().rowCount() == 2)
    rows = [[view.model().index(r, c).data() for c in range(4)] for r in range(2)]
    assert [row[1] for row in rows] == [second, first]  # newest first; yesterday's is not here
    assert yesterday not in {row[1] for row in rows}
    assert rows[0][2] == "Exchange · order 20005" and rows[0][3] == "50,00\xa0€"
    # Tap: the receipt is previewed as printed (no DUPLICATE mark).
    tap_document(qtbot, screen, 1)
    qtbot.waitUntil(lambda: first in preview(screen))
    assert "DUPLICATA" not in preview(screen)
    # Reprint: a copy of the receipt tapped, nothing typed.
    assert screen.findChild(QLineEdit, "documentEdit").text() == first
    qtbot.mouseClick(button(screen, "reprintButton"), Qt.MouseButton.LeftButton)
    status_shows(qtbot, screen, "Printed.")
    copy = printers[DEFAULT_PRINTER].jobs[-1]
    assert first in copy.text and "DUPLICATA" in copy.text


def test_no_receipt_today_says_so(qtbot, queue, previews, runner) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen(qtbot, queue, previews, runner)
    screen.activate()
    qtbot.waitUntil(lambda: screen.findChild(QTableView, "todayTable").isHidden())
    assert "No receipt yet today" in screen.findChildren(QLabel, "emptyNote")[1].text()


def test_reprinting_an_unknown_number_says_what_to_check(qtbot, queue, previews, runner) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen(qtbot, queue, previews, runner)
    qtbot.keyClicks(screen.findChild(QLineEdit, "documentEdit"), "T1-999999")
    qtbot.keyClick(screen.findChild(QLineEdit, "documentEdit"), Qt.Key.Key_Return)
    status_shows(qtbot, screen, "No receipt numbered “T1-999999”. Check the number")


def test_the_drawer_opens_for_a_manager_and_not_for_a_cashier(
    qtbot, shop, queue, previews, runner, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(DrawerReasonDialog, "ask", lambda parent: "Change for the float")
    screen = make_screen(qtbot, queue, previews, runner)
    screen.set_operator(shop.cashier)
    qtbot.mouseClick(button(screen, "drawerButton"), Qt.MouseButton.LeftButton)
    status_shows(qtbot, screen, "Only a manager can open the drawer without a sale.")
    screen.set_operator(shop.manager)
    qtbot.mouseClick(button(screen, "drawerButton"), Qt.MouseButton.LeftButton)
    status_shows(qtbot, screen, "The drawer is open.")
