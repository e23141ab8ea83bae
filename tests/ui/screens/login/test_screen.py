"""The login screen over the real users service: pick a name, PIN, lockout, language."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from pos.domain.roles import Operator, Role
from pos.ui.keypad import PinPad
from pos.ui.screens.login import LoginScreen, create_login_screen
from pos.ui.workers import TaskRunner
from tests.support.shop import Shop
from tests.ui.screens.login.helpers import assert_touch_sized, button, label, show, table


def make_screen(qtbot: QtBot, shop: Shop, runner: TaskRunner) -> LoginScreen:
    screen = create_login_screen(users=shop.users, runner=runner, locale="en_GB", tz=UTC)
    show(qtbot, screen)
    screen.activate()
    qtbot.waitUntil(lambda: len(screen.view_model.users) == 3)
    return screen


def pick(qtbot: QtBot, screen: LoginScreen, name: str) -> None:
    view = screen.findChild(QTableView, "usersTable")
    [row] = [r for r, user in enumerate(screen.view_model.users) if user.display_name == name]
    cell = view.visualRect(view.model().index(row, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)


def enter_pin(qtbot: QtBot, screen: LoginScreen, pin: str) -> None:
    pad = screen.findChild(PinPad)
    for digit in pin:
        qtbot.mouseClick(button(pad, f"key_{digit}"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(pad, "key_ok"), Qt.MouseButton.LeftButton)


def status_shows(qtbot: QtBot, screen: LoginScreen, text: str) -> None:
    qtbot.waitUntil(lambda: text in label(screen, "loginStatus").text())


def test_the_shop_s_people_are_listed_with_their_role(
    qtbot: QtBot, shop: Shop, runner: TaskRunner
) -> None:
    screen = make_screen(qtbot, shop, runner)
    assert table(screen, "usersTable") == [
        ["Alex Admin", "Administrator", ""],
        ["Camille", "Cashier", ""],
        ["Maxime", "Manager", ""],
    ]
    assert not screen.findChild(PinPad).isEnabled()  # a name first
    assert_touch_sized(screen)


def test_the_right_pin_logs_the_person_in(qtbot: QtBot, shop: Shop, runner: TaskRunner) -> None:
    screen = make_screen(qtbot, shop, runner)
    pick(qtbot, screen, "Maxime")
    assert label(screen, "sectionTitle").text() == "Maxime, type your PIN."
    with qtbot.waitSignal(screen.logged_in) as signal:
        enter_pin(qtbot, screen, "4826")
    operator = signal.args[0]
    assert isinstance(operator, Operator)
    assert (operator.username, operator.role) == ("maxime", Role.MANAGER)


def test_a_wrong_pin_says_how_many_tries_are_left(
    qtbot: QtBot, shop: Shop, runner: TaskRunner
) -> None:
    screen = make_screen(qtbot, shop, runner)
    pick(qtbot, screen, "Camille")
    enter_pin(qtbot, screen, "1111")
    status_shows(qtbot, screen, "Wrong PIN. 4 tries left before the account is locked.")
    assert label(screen, "loginStatus").property("kind") == "error"


def test_five_wrong_pins_lock_the_account_until_a_time_shown(
    qtbot: QtBot, shop: Shop, runner: TaskRunner
) -> None:
    screen = make_screen(qtbot, shop, runner)
    pick(qtbot, screen, "Camille")
    for left in (4, 3, 2):
        enter_pin(qtbot, screen, "1111")
        status_shows(qtbot, screen, f"{left} tries left")
    enter_pin(qtbot, screen, "1111")
    status_shows(qtbot, screen, "One more wrong try locks the account.")
    enter_pin(qtbot, screen, "1111")
    # The shop's clock says 15:00 UTC; the lockout lasts five minutes.
    status_shows(qtbot, screen, "Too many wrong PINs: Camille is locked until 15:05.")
    status = label(screen, "loginStatus")
    assert "ask an administrator to set a new PIN" in status.text()
    assert status.property("kind") == "locked"
    qtbot.waitUntil(lambda: table(screen, "usersTable")[1][2] == "Locked until 15:05")
    enter_pin(qtbot, screen, "2580")  # even the right PIN waits for the lockout to end
    status_shows(qtbot, screen, "locked until 15:05")


def test_the_language_buttons_ask_for_a_language(
    qtbot: QtBot, shop: Shop, runner: TaskRunner
) -> None:
    screen = make_screen(qtbot, shop, runner)
    with qtbot.waitSignal(screen.language_requested) as signal:
        qtbot.mouseClick(button(screen, "language_fr"), Qt.MouseButton.LeftButton)
    assert signal.args == ["fr"]
    assert button(screen, "language_fr").isChecked()
    assert not button(screen, "language_en").isChecked()
    assert screen.view_model.locale == "fr_FR"
