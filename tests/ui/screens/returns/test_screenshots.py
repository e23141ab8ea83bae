"""Screenshots of the returns, settle and approval screens in French and English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from pos.app import TRANSLATIONS, install_translators, load_stylesheet
from pos.db.engine import SessionFactory
from pos.domain.returns import DocumentKind
from pos.hardware.card_terminals import SimulatedTerminal
from pos.ui.dialogs.approval import ApprovalDialog
from pos.ui.workers import TaskRunner
from tests.support.shop import build_shop, sell
from tests.ui.screens.returns.support import click, line_rows, make_flow, type_amount, wait_quote

SCREENSHOTS = Path(__file__).resolve().parents[4] / "docs" / "screenshots"
SIZE = (1280, 800)


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translators = install_translators(qapp, request.param)
    if request.param == "fr":
        returns = QTranslator(qapp)
        assert returns.load("returns_fr", str(TRANSLATIONS))
        qapp.installTranslator(returns)
        translators.append(returns)
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_screenshots(qtbot: QtBot, sessions: SessionFactory, language: str) -> None:
    shop = build_shop(sessions)
    order_id = sell(shop, "10234", [("T-S-M", 1), ("JEA-M", 1)])
    runner = TaskRunner()
    try:
        locale = "fr_FR" if language == "fr" else "en_US"
        flow = make_flow(qtbot, shop, runner, terminal=SimulatedTerminal(), locale=locale)
        flow.setStyleSheet(load_stylesheet())
        flow.setFixedSize(*SIZE)
        flow.start(DocumentKind.EXCHANGE, order_id)
        qtbot.waitUntil(lambda: len(line_rows(flow)) == 2)
        click(qtbot, line_rows(flow)[0], "plusButton")
        qtbot.keyClicks(flow.returns_screen.findChild(QLineEdit, "pickerSearch"), "jean")
        qtbot.waitUntil(lambda: flow.findChild(QPushButton, "variant_JEA-L") is not None)
        click(qtbot, flow.returns_screen, "variant_JEA-L")
        qtbot.waitUntil(lambda: flow.returns_screen.view_model.replacements != ())
        wait_quote(qtbot, flow)
        balance = flow.returns_screen.findChild(QLabel, "balanceLabel")
        assert balance.text() == (
            "À encaisser : 50,00\u00a0€" if language == "fr" else "To collect: €50.00"
        )
        save(flow, f"returns-{language}.png")
        click(qtbot, flow.returns_screen, "continueButton")
        type_amount(flow, "30")
        click(qtbot, flow.settle_screen, "cardButton")
        qtbot.waitUntil(lambda: len(flow.settle_screen.view_model.tenders) == 1)
        save(flow, f"settle-{language}.png")
        dialog = ApprovalDialog(
            rules=["over_threshold", "outside_window"],
            users=shop.users,
            runner=runner,
            locale=locale,
            parent=flow,  # as in the app: the window's style sheet applies to its dialogs
        )
        dialog.show()
        qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "manager_maxime") is not None)
        dialog.findChild(QPushButton, "manager_maxime").click()
        assert dialog.findChild(QPushButton, "manager_maxime").height() >= 48  # styled
        dialog.grab().toImage().save(str(SCREENSHOTS / f"approval-{language}.png"))
    finally:
        runner.shutdown()


def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    QApplication.processEvents()
    image = widget.grab().toImage()
    assert (image.width(), image.height()) == SIZE
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert image.save(str(SCREENSHOTS / name))
