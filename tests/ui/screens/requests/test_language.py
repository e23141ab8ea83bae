"""The return-request screens speak French and English, and follow a switch on the spot."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from tests.support.shop import sell
from tests.ui.screens.requests.support import (
    log_in,
    open_order,
    open_requests,
    record_from_order,
    recorded,
    show_request,
)
from tests.ui.screens.returns.support import click
from tests.ui.test_language_switch import still_english, switch


@pytest.fixture
def translators(qapp: QApplication) -> Iterator[list[QTranslator]]:
    """Filled by the switches; whatever is left installed is removed afterwards."""
    previous, installed = QLocale(), []
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(previous)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_requests_screens_follow_a_switch_to_french_and_back(
    qtbot: QtBot, qapp: QApplication, counter, translators: list[QTranslator]  # type: ignore[no-untyped-def]
) -> None:
    window, shop, _printer = counter
    recorded(shop, sell(shop, "10241", [("T-S-M", 1), ("JEA-M", 1)], days_ago=3), approve=False)
    log_in(qtbot, window, "Maxime", "4826")
    screen = open_requests(qtbot, window)
    show_request(qtbot, screen, "to_decide")
    english = [button.text() for button in screen.findChildren(QPushButton)]
    switch(qapp, window, translators, "fr")
    assert screen.findChild(QLabel, "screenTitle").text() == "Demandes de retour"
    tabs = screen.findChild(QWidget, "requestTabs")
    assert tabs.button("to_decide").text() == "À décider (1)"
    assert screen.findChild(QPushButton, "approveRequestButton").text() == "Accepter"
    table = screen.findChild(QTableView, "requestsTable")
    assert table.model().headerData(0, table.horizontalHeader().orientation()) == "Commande"
    badge = window.counter.requests.badge
    assert badge.accessibleName() == "Demandes de retour à voir : 1"
    assert still_english(screen) == []
    # The recording screen, and the order's button, in French too.
    click(qtbot, screen, "backButton")
    open_order(qtbot, window, "10241")
    assert window.order_screen.findChild(QPushButton, "requestButton").text() == (
        "Demande de retour")
    record = record_from_order(qtbot, window, line=0, units=1)
    assert still_english(record) == []
    # And back: the words the screens were built with.
    switch(qapp, window, translators, "en")
    click(qtbot, record, "backButton")
    screen = open_requests(qtbot, window)
    assert [button.text() for button in screen.findChildren(QPushButton)] == english
