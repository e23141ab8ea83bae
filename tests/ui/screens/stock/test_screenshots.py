"""Screenshot of the stock screen in French and English (docs/screenshots/stock-*.png)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos.services.stock import StockService
from pos.ui.format import locale_for
from pos.ui.keypad import Keypad
from pos.ui.screens.stock import create_stock_screen
from tests.ui.screens.login.helpers import button, label, save, show, translated, type_digits
from tests.ui.screens.stock.test_screen import look_up, refund_to_inspect


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    yield from translated(qapp, request.param)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_stock_screenshot(qtbot: QtBot, shop, runner, language: str) -> None:  # type: ignore[no-untyped-def]
    refund_to_inspect(shop, "20001", "JEA-M")
    refund_to_inspect(shop, "20002", "T-S-L")
    stock = StockService(sessions=shop.sessions, clock=shop.clock)
    screen = create_stock_screen(stock=stock, runner=runner, locale=locale_for(language))
    screen.set_operator(shop.manager)
    show(qtbot, screen)
    screen.activate()
    look_up(qtbot, screen, "JEA-M")
    qtbot.waitUntil(lambda: len(screen.view_model.inspections) == 2)
    reasons = [b for b in screen.findChildren(type(button(screen, "findButton")), "quickReason")]
    qtbot.mouseClick(reasons[1], Qt.MouseButton.LeftButton)
    type_digits(qtbot, screen.findChild(Keypad), "4")
    assert label(screen, "stockOnHand").text() == "5"
    save(screen, f"stock-{language}.png")
    qtbot.mouseClick(button(screen, "inspectTab"), Qt.MouseButton.LeftButton)
    save(screen, f"stock-inspect-{language}.png")
