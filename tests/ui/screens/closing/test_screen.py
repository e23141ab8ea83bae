"""The Closing screen on the real services: paid-out, count by taps, close, X, Z; refusals;
1024×768 in both languages, with screenshots (docs/screenshots/closing-*.png)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from pos.services.cash import CashService
from pos.services.closing import ClosingService
from pos.services.signing import Ed25519Signer
from pos.ui.format import locale_for
from pos.ui.keypad import AmountKeypad
from pos.ui.screens.closing import ClosingScreen, ClosingViewModel, create_closing_screen
from pos.ui.workers import TaskRunner
from tests.support.closing import cash_refund
from tests.support.shop import Shop, build_shop
from tests.ui.layout_checks import settle, target_problems, text_problems, window_problems
from tests.ui.screens.login.helpers import SCREENSHOTS, button, label, translated, type_digits


@pytest.fixture
def shop(sessions) -> Shop:  # type: ignore[no-untyped-def]
    return build_shop(sessions)


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    yield from translated(qapp, request.param)


def make_screen(qtbot: QtBot, shop: Shop, runner: TaskRunner, tmp_path: Path, *,
                locale: str = "en_GB", manager: bool = True,
                size: tuple[int, int] = (1024, 768)) -> ClosingScreen:
    from pos.app import load_stylesheet

    printed: list[int] = []
    vm = ClosingViewModel(
        cash=CashService(sessions=shop.sessions, clock=shop.clock, terminal_id="T1"),
        closing=ClosingService(sessions=shop.sessions, clock=shop.clock, terminal_id="T1",
                               signer=_fixed_key()),
        runner=runner, print_closure=lambda closure, _lang: printed.append(closure.number))
    screen = create_closing_screen(view_model=vm, locale=locale)
    screen.printed = printed  # type: ignore[attr-defined]
    screen.set_operator(shop.manager if manager else shop.cashier)
    qtbot.addWidget(screen)
    screen.setStyleSheet(load_stylesheet() + screen.styleSheet())
    screen.resize(*size)
    screen.show()
    screen.activate()
    qtbot.waitUntil(lambda: screen.view_model.session is not None)
    return screen


def _fixed_key() -> Ed25519Signer:
    """One key for every run: the screenshots show its public half and stay the same."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519Signer(Ed25519PrivateKey.from_private_bytes(bytes(range(32))))


def tap(qtbot: QtBot, widget: QPushButton) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def piece(screen: ClosingScreen, denomination: int) -> QPushButton:
    return screen._pieces[denomination]  # the buttons are made from the currency's pieces


def test_a_manager_pays_out_counts_closes_and_closes_the_day(
        qtbot: QtBot, shop: Shop, runner: TaskRunner, tmp_path: Path) -> None:
    cash_refund(shop, "90001")  # 29.90 out of the 200.00 float
    screen = make_screen(qtbot, shop, runner, tmp_path)
    assert label(screen, "drawerExpected").text() == "€170.10"
    type_digits(qtbot, screen.findChild(AmountKeypad), "12.50")  # typed as money
    qtbot.keyClicks(screen.findChild(QLineEdit, "moveReason"), "window cleaner")
    tap(qtbot, button(screen, "paidOutButton"))
    qtbot.waitUntil(lambda: label(screen, "drawerExpected").text() == "€157.60")
    tap(qtbot, button(screen, "countTab"))
    for denomination in (10000, 5000, 500, 200, 50, 10):  # 157.60
        tap(qtbot, piece(screen, denomination))
    tap(qtbot, piece(screen, 500))
    tap(qtbot, button(screen, "removeToggle"))
    tap(qtbot, piece(screen, 500))  # one 5 € note too many, taken off again
    assert "× 1" in piece(screen, 500).text()
    assert label(screen, "countVariance").text() == "€0.00"
    tap(qtbot, button(screen, "closeDrawerButton"))
    qtbot.waitUntil(lambda: screen.view_model.session is None)
    assert "closed" in label(screen, "closingStatus").text()
    tap(qtbot, button(screen, "reportTab"))
    tap(qtbot, button(screen, "zButton"))
    qtbot.waitUntil(lambda: screen.view_model.closure is not None)
    text = screen.findChild(QPlainTextEdit, "reportText").toPlainText()
    assert "Z number 1" in text and "Documents: 1" in text and "cash/out" in text
    assert screen.printed == [1]  # type: ignore[attr-defined]
    key = label(screen, "signingKey").text().split(": ")[1].replace(" ", "")
    assert key == screen.view_model.closure.public_key  # the key shown is the one that signed


def test_a_slip_that_does_not_print_is_said_and_the_z_stays(
        qtbot: QtBot, shop: Shop, runner: TaskRunner, tmp_path: Path) -> None:
    screen = make_screen(qtbot, shop, runner, tmp_path)
    screen.view_model._print_closure = _jammed
    tap(qtbot, button(screen, "countTab"))
    tap(qtbot, piece(screen, 10000))
    tap(qtbot, piece(screen, 10000))
    tap(qtbot, button(screen, "closeDrawerButton"))
    qtbot.waitUntil(lambda: screen.view_model.session is None)
    tap(qtbot, button(screen, "reportTab"))
    tap(qtbot, button(screen, "zButton"))
    qtbot.waitUntil(lambda: "did not print" in label(screen, "closingStatus").text())
    assert screen.view_model.closure.number == 1


def _jammed(closure, language) -> None:  # type: ignore[no-untyped-def]
    raise OSError("paper jam")


def test_a_cashier_is_told_a_manager_closes_the_day(
        qtbot: QtBot, shop: Shop, runner: TaskRunner, tmp_path: Path) -> None:
    screen = make_screen(qtbot, shop, runner, tmp_path, manager=False)
    tap(qtbot, button(screen, "reportTab"))
    tap(qtbot, button(screen, "xButton"))
    qtbot.waitUntil(lambda: "manager" in label(screen, "closingStatus").text())


def test_the_day_cannot_close_with_the_drawer_open(
        qtbot: QtBot, shop: Shop, runner: TaskRunner, tmp_path: Path) -> None:
    screen = make_screen(qtbot, shop, runner, tmp_path)
    tap(qtbot, button(screen, "reportTab"))
    tap(qtbot, button(screen, "zButton"))
    qtbot.waitUntil(lambda: "Count and close the drawer" in label(screen,
                                                                  "closingStatus").text())


@pytest.mark.parametrize("backend", ["sqlite"])
def test_every_page_fits_1024_by_768_with_screenshots(
        qtbot: QtBot, shop: Shop, runner: TaskRunner, tmp_path: Path, language: str) -> None:
    cash_refund(shop, "90002")
    screen = make_screen(qtbot, shop, runner, tmp_path, locale=locale_for(language))
    screen.view_model.read_x()
    qtbot.waitUntil(lambda: screen.view_model.report is not None)
    for denomination in (10000, 5000, 2000):
        tap(qtbot, piece(screen, denomination))
    for page, name in ((0, "drawer"), (1, "count"), (2, "report")):
        screen._show_page(page)
        settle()
        problems = (window_problems("closing", screen, (1024, 768))
                    + target_problems("closing", screen) + text_problems("closing", screen))
        assert problems == [], "\n".join(problems)
        image = screen.grab().toImage()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        assert image.save(str(SCREENSHOTS / f"closing-{name}-{language}.png"))
