"""An approved return request that expires between the scan and Confirm: the settle screen
says so in words, with the day it expired, and nothing is written (#16). On the real counter
window and services, on both databases, in English and French."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from pos.app import switch_language
from pos.db.records import CounterDocumentRecord
from pos.domain.return_requests import RequestState
from pos.hardware.transports import VirtualPrinter
from pos.services.return_requests import RequestView
from pos.ui.format import format_datetime
from pos.ui.main_window import MainWindow
from pos.ui.scanner import ScanRouter
from tests.support.shop import Shop, sell
from tests.ui.screens.requests.support import log_in, recorded, requests_service
from tests.ui.screens.returns.support import click, line_rows, wait_quote

Counter = tuple[MainWindow, Shop, VirtualPrinter]


def documents(shop: Shop) -> int:
    with shop.sessions() as s:
        return s.scalar(select(func.count()).select_from(CounterDocumentRecord)) or 0


def expired_at_confirm(qtbot: QtBot, window: MainWindow, shop: Shop) -> tuple[RequestView, QLabel]:
    """The customer's QR scanned, the approved T-shirt drafted and taken to settle; then the
    approval runs out (15 days: it was valid 14) before the cashier taps Confirm."""
    order_id = sell(shop, "10401", [("T-S-M", 1)], days_ago=3)
    request = recorded(shop, order_id, approve=True)
    log_in(qtbot, window, "Camille", "2580")
    window.findChild(ScanRouter).route(f"CPT:A:{request.authorisation_number}")
    flow = window.counter.returns
    qtbot.waitUntil(lambda: window.current_screen() is flow, timeout=5000)
    qtbot.waitUntil(lambda: len(line_rows(flow)) == 1)
    wait_quote(qtbot, flow)
    click(qtbot, flow.returns_screen, "continueButton")
    qtbot.waitUntil(lambda: flow.currentWidget() is flow.settle_screen)
    shop.clock.advance(timedelta(days=15))
    click(qtbot, flow.settle_screen, "commitButton")
    status = flow.settle_screen.findChild(QLabel, "settleStatus")
    qtbot.waitUntil(lambda: request.authorisation_number in status.text(), timeout=8000)
    assert flow.settle_screen.view_model.result is None
    assert window.current_screen() is flow and flow.currentWidget() is flow.settle_screen
    assert documents(shop) == 0  # nothing written
    view = requests_service(shop).detail(request.request_id)
    assert view.effective is RequestState.EXPIRED  # not used
    return view, status


def test_said_on_the_settle_screen_with_its_day(qtbot: QtBot, counter: Counter) -> None:
    window, shop, _printer = counter
    view, status = expired_at_confirm(qtbot, window, shop)
    assert view.expires_at is not None
    day = format_datetime(view.expires_at, "en_US")
    assert status.text() == (f"Return authorisation {view.authorisation_number} expired on "
                             f"{day}. A manager can record a new request for this order.")


def test_said_in_french(qtbot: QtBot, counter: Counter, qapp: QApplication) -> None:
    window, shop, _printer = counter
    translators: list[QTranslator] = []
    previous = QLocale()
    switch_language(qapp, window, translators, "fr")  # as a French shop's counter runs
    try:
        view, status = expired_at_confirm(qtbot, window, shop)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(previous)
    assert view.expires_at is not None
    day = format_datetime(view.expires_at, "fr_FR")
    assert status.text() == (f"L'autorisation de retour {view.authorisation_number} a expiré le "
                             f"{day}. Un responsable peut enregistrer une nouvelle demande pour "
                             "cette commande.")
