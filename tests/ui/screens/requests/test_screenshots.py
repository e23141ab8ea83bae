"""Screenshots of an approved return request at the counter (docs/screenshots/requests-*.png)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from pos.app import load_stylesheet
from pos.ui.format import locale_for
from tests.support.shop import sell
from tests.ui.layout_checks import settle
from tests.ui.screens.login.helpers import SCREENSHOTS, translated
from tests.ui.screens.requests.support import log_in, open_requests, recorded, show_request


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    yield from translated(qapp, request.param)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_an_approved_request_screenshot(qtbot: QtBot, counter, language: str) -> None:  # type: ignore[no-untyped-def]
    window, shop, _printer = counter
    window.setStyleSheet(load_stylesheet())
    window.set_locale(locale_for(language))
    recorded(shop, sell(shop, "10242", [("JEA-M", 1)], days_ago=4), approve=True)
    recorded(shop, sell(shop, "10243", [("T-S-M", 1)], days_ago=2), approve=False)
    log_in(qtbot, window, "Maxime", "4826")
    screen = open_requests(qtbot, window)
    show_request(qtbot, screen, "approved")
    # The number the customer got by e-mail, its expiry, and the way to the counter.
    number = screen.view_model.detail.authorisation_number
    assert number in screen.findChild(QLabel, "authorisationNumber").text()
    assert screen.findChild(QPushButton, "openAtCounterButton").isVisible()
    assert window.counter.requests.badge.text() == "↩ 1"  # the one still to decide
    settle()  # laid out as the next frame shows it
    path = SCREENSHOTS / f"requests-{language}.png"
    assert window.grab().save(str(path))
