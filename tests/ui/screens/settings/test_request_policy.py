"""The policy tab's return requests: how long an authorisation stays valid, and whether the
return window counts from the approval — saved through `PolicyService.update` by an
administrator re-checked in its transaction, shown again on a new screen, refused naming the
field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit

from pos.domain.roles import Role
from pos.services.policy import PolicyService
from tests.ui.screens.settings.test_screen import edit, tap, wait_status


def stored(shop):  # type: ignore[no-untyped-def]
    return PolicyService(sessions=shop.sessions, clock=shop.clock).current()


def test_admin_sets_the_requests_policy_and_a_new_screen_shows_it(  # type: ignore[no-untyped-def]
    qtbot, make_screen, shop
) -> None:
    screen = make_screen()
    screen.show_tab("policy")
    days = screen.findChild(QLineEdit, "approval_valid_days")
    tick = screen.findChild(QCheckBox, "windowFromApproval")
    # As stored: 14 days, the window from the purchase. The days open the keyboard's digits.
    assert (days.text(), tick.isChecked()) == ("14", False)
    assert days.inputMethodHints() & Qt.InputMethodHint.ImhDigitsOnly
    edit(screen, "approval_valid_days", "30")
    qtbot.mouseClick(tick, Qt.MouseButton.LeftButton, pos=tick.rect().center())
    assert tick.isChecked()
    tap(qtbot, screen, "policySave")
    assert wait_status(qtbot, screen, "ok") == "The return policy is saved."
    policy = stored(shop)
    assert (policy.approval_valid_days, policy.window_from_approval) == (30, True)
    assert policy.return_window_days == 30 and policy.no_receipt_period_days == 90  # kept
    # The app started again: a new screen over the same database shows what was saved.
    again = make_screen()
    again.show_tab("policy")
    assert again.findChild(QLineEdit, "approval_valid_days").text() == "30"
    assert again.findChild(QCheckBox, "windowFromApproval").isChecked()
    # Turned off again, and saved.
    again.findChild(QCheckBox, "windowFromApproval").setChecked(False)
    tap(qtbot, again, "policySave")
    wait_status(qtbot, again, "ok")
    assert stored(shop).window_from_approval is False


def test_a_bad_validity_is_refused_naming_the_field(qtbot, make_screen, shop) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen()
    screen.show_tab("policy")
    for text in ("0", "366", "deux", "", "-3"):
        screen.view_model.status_kind = ""
        edit(screen, "approval_valid_days", text)
        tap(qtbot, screen, "policySave")
        assert "Authorisation valid (days)" in wait_status(qtbot, screen, "error"), text
    assert stored(shop).approval_valid_days == 14  # nothing written
    edit(screen, "approval_valid_days", "365")  # a year is the most
    tap(qtbot, screen, "policySave")
    qtbot.waitUntil(lambda: screen.view_model.status_kind == "ok")
    assert stored(shop).approval_valid_days == 365


def test_the_refusal_names_the_field_in_french(qtbot, make_screen, shop, french) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen()
    screen.show_tab("policy")
    edit(screen, "approval_valid_days", "quinze")
    tap(qtbot, screen, "policySave")
    assert wait_status(qtbot, screen, "error") == (
        "Cette valeur n’est pas valide : Autorisation valable (jours). Corrigez-la puis "
        "enregistrez à nouveau."
    )
    assert screen.findChild(QCheckBox, "windowFromApproval").text() == (
        "Délai de retour compté depuis l’acceptation"
    )


def test_an_admin_disabled_since_the_login_saves_nothing(qtbot, make_screen, shop) -> None:  # type: ignore[no-untyped-def]
    admin = shop.users.login("admin", "7391")
    shop.users.add_user(admin, "sacha", "Sacha", Role.ADMIN, "5813")
    sacha = shop.users.login("sacha", "5813")
    screen = make_screen(sacha)
    screen.show_tab("policy")
    shop.users.disable(admin, "sacha")  # meanwhile, at another terminal
    edit(screen, "approval_valid_days", "21")
    screen.findChild(QCheckBox, "windowFromApproval").setChecked(True)
    tap(qtbot, screen, "policySave")
    wait_status(qtbot, screen, "error")
    policy = stored(shop)
    assert (policy.approval_valid_days, policy.window_from_approval) == (14, False)


def test_a_manager_is_refused(qtbot, make_screen, shop) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen(shop.manager)
    screen.show_tab("policy")
    edit(screen, "approval_valid_days", "21")
    tap(qtbot, screen, "policySave")
    assert "Only an administrator" in wait_status(qtbot, screen, "error")
    assert stored(shop).approval_valid_days == 14
