"""The settings screen: an admin changes each tab; anyone else is told why not."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from pos.services.policy import PolicyService
from pos.services.settings import SettingsService
from pos.ui.screens.settings import SettingsScreen
from tests.ui.screens.login.helpers import assert_touch_sized, button, label, table

SECRET = "IST.wix-secret-key-0123456789"


def tap(qtbot: QtBot, screen: QWidget, name: str) -> None:
    qtbot.mouseClick(button(screen, name), Qt.MouseButton.LeftButton)


def edit(screen: QWidget, name: str, text: str) -> QLineEdit:
    found = screen.findChild(QLineEdit, name)
    assert found is not None, name
    found.setText(text)
    return found


def wait_status(qtbot: QtBot, screen: SettingsScreen, kind: str) -> str:
    qtbot.waitUntil(lambda: screen.view_model.status_kind == kind)
    return label(screen, "settingsStatus").text()


def test_admin_sets_and_test_prints_the_printer(
    qtbot, make_screen, settings: SettingsService, printed
) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen()
    assert_touch_sized(screen)
    assert screen.findChild(QLineEdit, "printerUri").text() == "virtual"
    edit(screen, "printerUri", "tcp://10.0.0.9:9100")
    tap(qtbot, screen, "testPrint")
    assert wait_status(qtbot, screen, "ok") == "The test page was sent to the printer."
    assert printed == ["tcp://10.0.0.9:9100"]
    screen.view_model.status_kind = ""
    tap(qtbot, screen, "printerSave")
    assert wait_status(qtbot, screen, "ok") == "The printer is saved."
    assert settings.printer_uri() == "tcp://10.0.0.9:9100"
    edit(screen, "printerUri", "lpt1")
    tap(qtbot, screen, "printerSave")
    assert "tcp://" in wait_status(qtbot, screen, "error")


def test_admin_edits_the_policy(qtbot, make_screen, shop) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen()
    screen.show_tab("policy")
    assert screen.findChild(QLineEdit, "manager_refund_threshold_minor").text() == "100.00"
    edit(screen, "return_window_days", "14")
    edit(screen, "restocking_fee_pct", "10,5")
    edit(screen, "flat_return_fee_minor", "2,50")
    screen.findChild(QCheckBox, "reasonsRequired").setChecked(True)
    tap(qtbot, screen, "policySave")
    wait_status(qtbot, screen, "ok")
    policy = PolicyService(sessions=shop.sessions, clock=shop.clock).current()
    assert (policy.return_window_days, policy.restocking_fee_pct) == (14, Decimal("10.5"))
    assert (policy.flat_return_fee_minor, policy.reasons_required) == (250, True)
    edit(screen, "return_window_days", "-3")
    tap(qtbot, screen, "policySave")
    assert "Return window (days)" in wait_status(qtbot, screen, "error")


def test_amounts_show_the_interface_language_s_decimal_point(qtbot, make_screen, shop) -> None:  # type: ignore[no-untyped-def]
    before = QLocale()
    QLocale.setDefault(QLocale("fr_FR"))  # as `pos.app.switch_language` sets it
    try:
        screen = make_screen()
        screen.show_tab("policy")
        assert screen.findChild(QLineEdit, "manager_refund_threshold_minor").text() == "100,00"
        assert screen.findChild(QLineEdit, "flat_return_fee_minor").text() == "0,00"
        tap(qtbot, screen, "policySave")  # what is shown reads back as it was
        wait_status(qtbot, screen, "ok")
        policy = PolicyService(sessions=shop.sessions, clock=shop.clock).current()
        assert policy.manager_refund_threshold_minor == 10000
    finally:
        QLocale.setDefault(before)


def test_admin_sets_what_the_reports_call_return_prone(qtbot, make_screen, shop) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen()
    screen.show_tab("policy")
    assert screen.findChild(QLineEdit, "return_prone_rate_pct").text() == "20"
    assert screen.findChild(QLineEdit, "return_prone_min_sold").text() == "5"
    edit(screen, "return_prone_rate_pct", "12,5")
    edit(screen, "return_prone_min_sold", "8")
    tap(qtbot, screen, "policySave")
    wait_status(qtbot, screen, "ok")
    policy = PolicyService(sessions=shop.sessions, clock=shop.clock).current()
    assert (policy.return_prone_rate_pct, policy.return_prone_min_sold) == (Decimal("12.5"), 8)
    edit(screen, "return_prone_rate_pct", "120")
    tap(qtbot, screen, "policySave")
    assert "Return-prone above (% returned)" in wait_status(qtbot, screen, "error")
    edit(screen, "return_prone_rate_pct", "12.5")
    edit(screen, "return_prone_min_sold", "beaucoup")
    tap(qtbot, screen, "policySave")
    assert "Return-prone from (units sold)" in wait_status(qtbot, screen, "error")


def test_admin_adds_disables_and_sets_a_pin(qtbot, make_screen, shop) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen()
    screen.show_tab("users")
    edit(screen, "newUsername", "lea")
    edit(screen, "newDisplayName", "Léa")
    combo = screen.findChild(QComboBox, "newRole")
    combo.setCurrentIndex(combo.findData("cashier"))
    edit(screen, "newPin", "2468")
    edit(screen, "newPinAgain", "2469")
    tap(qtbot, screen, "addUser")
    assert "not the same" in wait_status(qtbot, screen, "error")
    edit(screen, "newPin", "2468")
    edit(screen, "newPinAgain", "2468")
    tap(qtbot, screen, "addUser")
    assert wait_status(qtbot, screen, "ok") == "Léa can now log in."
    qtbot.waitUntil(lambda: any(row[0] == "Léa" for row in table(screen, "settingsUsers")))
    shop.users.login("lea", "2468")
    row = [r[1] for r in table(screen, "settingsUsers")].index("lea")
    screen.findChild(QWidget, "settingsUsers").selectRow(row)
    tap(qtbot, screen, "toggleUser")
    qtbot.waitUntil(lambda: table(screen, "settingsUsers")[row][3] == "Disabled")
    assert button(screen, "toggleUser").text() == "Enable selected user"
    tap(qtbot, screen, "toggleUser")
    qtbot.waitUntil(lambda: table(screen, "settingsUsers")[row][3] == "Active")
    edit(screen, "pin", "8642")
    edit(screen, "pinAgain", "8642")
    tap(qtbot, screen, "setPin")
    qtbot.waitUntil(lambda: label(screen, "settingsStatus").text() == "Léa has a new PIN.")
    shop.users.login("lea", "8642")


def test_the_greyed_user_actions_say_why_until_a_user_is_tapped(
    qtbot, make_screen, french
) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen()
    screen.show_tab("users")
    why = label(screen, "actionsReason")
    assert not button(screen, "toggleUser").isEnabled() and not button(screen, "setPin").isEnabled()
    assert why.isVisible() and why.text() == (
        "Touchez un utilisateur dans cette liste pour le désactiver, le réactiver ou changer son "
        "code."
    )
    qtbot.waitUntil(lambda: len(table(screen, "settingsUsers")) > 0)
    screen.findChild(QWidget, "settingsUsers").selectRow(0)
    assert button(screen, "toggleUser").isEnabled() and not why.isVisible()


def test_language_is_saved_and_requested(qtbot, make_screen, settings) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen()
    screen.show_tab("language")
    with qtbot.waitSignal(screen.language_requested) as switched:
        tap(qtbot, screen, "language_en")
    assert switched.args == ["en"] and settings.language() == "en"


def test_a_manager_is_told_only_an_admin_may(qtbot, make_screen, shop, settings, keyring) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen(shop.manager)
    edit(screen, "printerUri", "tcp://10.0.0.9")
    tap(qtbot, screen, "printerSave")
    assert "Only an administrator" in wait_status(qtbot, screen, "error")
    screen.view_model.status_kind = ""
    screen.view_model.save_wix(SECRET, "site")  # no Wix tab for them (test_wix_tab.py)
    qtbot.waitUntil(lambda: screen.view_model.status_kind == "error")
    assert settings.printer_uri() == "virtual" and keyring == {}
