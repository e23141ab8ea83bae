"""Return requests through the real counter window and services, on both databases (#16)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from pos.domain.return_requests import RequestState
from pos.ui.dialogs.approval import ApprovalDialog
from pos.ui.scanner import ScanRouter
from pos.ui.screens.requests.record_view_model import INBOX_VARIABLE
from tests.support.shop import sell
from tests.ui.screens.requests.support import (
    button,
    log_in,
    open_order,
    open_requests,
    record_from_order,
    recorded,
    requests_service,
    show_request,
    tiny_png,
    type_in_search,
)
from tests.ui.screens.returns.support import click, line_rows, wait_quote


def approve_as_maxime(qtbot: QtBot) -> None:
    """In the approval dialog's own loop: Maxime, a reason, his PIN, Approve."""
    dialog = QApplication.activeModalWidget()
    try:
        assert isinstance(dialog, ApprovalDialog)
        qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "manager_maxime") is not None)
        dialog.findChild(QPushButton, "manager_maxime").click()
        dialog.findChild(QLineEdit, "reasonField").setText("Demandes du jour")
        for digit in "4826":
            dialog.findChild(QPushButton, f"key_{digit}").click()
        dialog.findChild(QPushButton, "approveButton").click()
        qtbot.waitUntil(lambda: not dialog.isVisible())
    finally:
        if dialog is not None and dialog.isVisible():
            dialog.reject()  # never leave a modal loop running after a failure


def test_record_approve_scan_settle_and_the_request_is_used(
    qtbot: QtBot, counter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window, shop, _printer = counter
    sell(shop, "10234", [("T-S-M", 1), ("JEA-M", 2)], days_ago=3)
    # The customer's photo, saved in the counter's photo folder (and a file that is no photo).
    monkeypatch.setenv(INBOX_VARIABLE, str(tmp_path / "inbox"))
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "couture.png").write_bytes(tiny_png((200, 40, 40)))
    (tmp_path / "inbox" / "notes.txt").write_text("pas une photo")
    requests = window.counter.requests
    # Maxime records, at the counter, what the customer asked by phone: one of the two jeans.
    log_in(qtbot, window, "Maxime", "4826")
    qtbot.waitUntil(lambda: requests.badge.isVisible())
    assert requests.badge.count == 0
    open_order(qtbot, window, "10234")
    record = record_from_order(qtbot, window, line=1, units=1)
    qtbot.waitUntil(lambda: len(record.findChildren(QPushButton, "photoButton")) == 1)
    record.findChild(QPushButton, "photoButton").click()  # attached
    click(qtbot, record, "recordRequestButton")
    qtbot.waitUntil(lambda: record.view_model.status_kind == "ok", timeout=5000)
    # The badge counts it (to decide) without anyone opening the list.
    qtbot.waitUntil(lambda: requests.badge.count == 1, timeout=5000)
    assert "1" in requests.badge.text()
    # He opens the list, taps the request, reads it and approves it.
    screen = open_requests(qtbot, window)
    show_request(qtbot, screen, "to_decide")
    detail = screen.view_model.detail
    assert [(line.quantity, line.reason) for line in detail.lines] == [(1, "wrong_size")]
    assert detail.note == "Trop petit"
    assert "1 × Jean droit — Taille: M (Wrong size)" in screen.findChild(
        QLabel, "requestLines").text()
    assert len(detail.photos) == 1 and len(screen.view_model.thumbnails) == 1
    assert screen.findChild(QLabel, "requestPhoto").pixmap().width() > 0
    click(qtbot, screen, "approveRequestButton")
    qtbot.waitUntil(lambda: screen.view_model.status_kind == "ok", timeout=5000)
    qtbot.waitUntil(lambda: requests.badge.count == 0)
    assert screen.view_model.counts.approved == 1
    show_request(qtbot, screen, "approved")
    number = screen.view_model.detail.authorisation_number
    assert number and screen.findChild(QLabel, "authorisationNumber").isVisible()
    # Days later the customer comes with the e-mail's QR: scanned on the search screen, the
    # returns screen opens on the order with the approved jeans already in the draft.
    click(qtbot, screen, "backButton")
    qtbot.waitUntil(lambda: window.current_screen() is window.search_screen)
    window.findChild(ScanRouter).route(f"CPT:A:{number}")
    flow = window.counter.returns
    qtbot.waitUntil(lambda: window.current_screen() is flow, timeout=5000)
    vm = flow.returns_screen.view_model
    qtbot.waitUntil(lambda: len(line_rows(flow)) == 2)
    assert [(s.line.product_name, s.quantity) for s in vm.lines if s.quantity] == [
        ("Jean droit", 1)]
    assert vm.draft().return_request_id == detail.request_id
    # One jean of the two was approved: + stops there.
    [jeans] = [row for row in line_rows(flow) if "Jean" in row.findChild(QLabel, "lineName").text()]
    assert not button(jeans, "plusButton").isEnabled() and button(jeans, "minusButton").isEnabled()
    wait_quote(qtbot, flow)
    click(qtbot, flow.returns_screen, "continueButton")
    click(qtbot, flow.settle_screen, "commitButton")
    qtbot.waitUntil(lambda: flow.settle_screen.view_model.result is not None, timeout=8000)
    # The request is used: its number opens nothing any more, and says why.
    assert requests_service(shop).detail(detail.request_id).state is RequestState.USED
    click(qtbot, flow.settle_screen, "doneButton")
    click(qtbot, window.order_screen, "backButton")
    type_in_search(qtbot, window, number)
    status = window.search_screen.findChild(QLabel, "searchStatus")
    qtbot.waitUntil(lambda: "already used" in status.text(), timeout=5000)
    assert window.current_screen() is window.search_screen


def test_a_manager_rejects_with_a_reason(qtbot: QtBot, counter) -> None:  # type: ignore[no-untyped-def]
    window, shop, _printer = counter
    order_id = sell(shop, "10235", [("T-S-M", 1)], days_ago=3)
    request = recorded(shop, order_id, approve=False)
    log_in(qtbot, window, "Maxime", "4826")
    qtbot.waitUntil(lambda: window.counter.requests.badge.count == 1, timeout=5000)
    screen = open_requests(qtbot, window)
    show_request(qtbot, screen, "to_decide")
    # Reject without a reason says what is missing; a reason chip fills it in.
    screen.findChild(QLineEdit, "rejectReason").clear()
    click(qtbot, screen, "rejectButton")
    assert "Say why" in screen.view_model.status_text
    screen.findChild(QWidget, "rejectChips").button("worn").click()
    assert screen.findChild(QLineEdit, "rejectReason").text() == "Worn or used"
    click(qtbot, screen, "rejectButton")
    qtbot.waitUntil(lambda: screen.view_model.status_kind == "ok", timeout=5000)
    view = requests_service(shop).detail(request.request_id)
    assert (view.state, view.decision_reason) == (RequestState.REJECTED, "Worn or used")
    assert screen.view_model.rows == () and window.counter.requests.badge.count == 0


def test_an_expired_approval_is_listed_and_scanning_it_says_so(qtbot: QtBot, counter) -> None:  # type: ignore[no-untyped-def]
    window, shop, _printer = counter
    order_id = sell(shop, "10236", [("T-S-M", 1)], days_ago=3)
    number = recorded(shop, order_id, approve=True).authorisation_number
    shop.clock.advance(timedelta(days=15))  # valid 14 days by default
    log_in(qtbot, window, "Maxime", "4826")
    qtbot.waitUntil(lambda: window.counter.requests.badge.count == 1, timeout=5000)
    screen = open_requests(qtbot, window)
    assert screen.view_model.counts.expired == 1
    show_request(qtbot, screen, "expired")
    assert screen.view_model.detail.authorisation_number == number
    assert not button(screen, "approveRequestButton").isVisible()
    click(qtbot, screen, "backButton")
    qtbot.waitUntil(lambda: window.current_screen() is window.search_screen)
    type_in_search(qtbot, window, number)
    status = window.search_screen.findChild(QLabel, "searchStatus")
    qtbot.waitUntil(lambda: "expired" in status.text(), timeout=5000)
    assert number in status.text() and window.current_screen() is window.search_screen


def test_a_cashier_sees_the_badge_and_a_manager_opens_the_list(qtbot: QtBot, counter) -> None:  # type: ignore[no-untyped-def]
    window, shop, _printer = counter
    recorded(shop, sell(shop, "10237", [("T-S-M", 1)], days_ago=3), approve=False)
    requests = window.counter.requests
    log_in(qtbot, window, "Camille", "2580")
    qtbot.waitUntil(lambda: requests.badge.count == 1, timeout=5000)

    QTimer.singleShot(0, lambda: approve_as_maxime(qtbot))
    qtbot.mouseClick(requests.badge, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_screen() is requests.screen, timeout=5000)
    qtbot.waitUntil(lambda: len(requests.screen.view_model.rows) == 1, timeout=5000)
    # Back at the counter, Camille is herself again: the list is not hers to read.
    click(qtbot, requests.screen, "backButton")
    assert not requests.screen.view_model.can_decide


def test_open_at_the_counter_from_the_approved_list(qtbot: QtBot, counter) -> None:  # type: ignore[no-untyped-def]
    window, shop, _printer = counter
    order_id = sell(shop, "10238", [("T-S-M", 1)], days_ago=3)
    request = recorded(shop, order_id, approve=True)
    log_in(qtbot, window, "Maxime", "4826")
    screen = open_requests(qtbot, window)
    show_request(qtbot, screen, "approved")
    assert not button(screen, "rejectButton").isVisible()
    click(qtbot, screen, "openAtCounterButton")
    flow = window.counter.returns
    qtbot.waitUntil(lambda: window.current_screen() is flow, timeout=5000)
    vm = flow.returns_screen.view_model
    assert vm.draft().return_request_id == request.request_id
    assert [(s.quantity, s.reason) for s in vm.lines] == [(1, "faulty")]
    # Back goes to the order the request is on.
    click(qtbot, flow.returns_screen, "backButton")
    qtbot.waitUntil(lambda: window.current_screen() is window.order_screen)
    qtbot.waitUntil(lambda: window.order_screen.view_model.detail is not None)
    assert window.order_screen.view_model.detail.number == "10238"


def test_a_cashier_records_a_request_with_a_manager_s_pin(qtbot: QtBot, counter) -> None:  # type: ignore[no-untyped-def]
    window, shop, _printer = counter
    sell(shop, "10239", [("T-S-M", 1)], days_ago=3)
    log_in(qtbot, window, "Camille", "2580")
    open_order(qtbot, window, "10239")
    record = record_from_order(qtbot, window, line=0, units=1)
    # Cancelled at the PIN: nothing is recorded, the screen stays as it was.
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    click(qtbot, record, "recordRequestButton")
    assert record.view_model.status_text == "" and not requests_lists(shop).to_decide
    QTimer.singleShot(0, lambda: approve_as_maxime(qtbot))
    click(qtbot, record, "recordRequestButton")
    qtbot.waitUntil(lambda: record.view_model.status_kind == "ok", timeout=5000)
    [row] = requests_lists(shop).to_decide
    assert row.order_number == "10239"
    assert requests_service(shop).detail(row.request_id).recorded_by == "Maxime"
    assert not button(record, "recordRequestButton").isEnabled()  # recorded once


def requests_lists(shop):  # type: ignore[no-untyped-def]
    return requests_service(shop).lists(shop.manager)
