"""The Shop tab and the printer's model: an admin sets the identity receipts print, a wrong
SIRET is refused in a sentence, and the printer's model and width are chosen by chips."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from pos.services.settings import SettingsService
from pos.services.shop import ShopService
from pos.ui.screens.settings import SettingsScreen
from tests.ui.screens.login.helpers import assert_touch_sized, label


def type_in(screen: SettingsScreen, key: str, text: str) -> None:
    field = screen.shop_tab.fields[key]
    if isinstance(field, QPlainTextEdit):
        field.setPlainText(text)
    else:
        assert isinstance(field, QLineEdit)
        field.setText(text)


def save_and_wait(qtbot: QtBot, screen: SettingsScreen, kind: str) -> str:
    screen.view_model.status_kind = ""
    qtbot.mouseClick(screen.shop_tab.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.view_model.status_kind == kind)
    return label(screen, "settingsStatus").text()


def test_admin_sets_the_shops_identity_and_a_wrong_siret_is_refused(
    qtbot, make_screen, shop
) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen()
    screen.show_tab("shop")
    assert_touch_sized(screen)
    qtbot.waitUntil(lambda: screen.shop_tab.fields["name"].text() == "Comptoir")
    for key, text in (("name", "Boutique Lumière"), ("address", "12 rue des Lilas\n75011 Paris"),
                      ("siret", "732 829 320 00075"), ("vat_id", "FR44732829320"),
                      ("footer_fr", "Échanges sous 30 jours.")):  # fmt: skip
        type_in(screen, key, text)
    assert save_and_wait(qtbot, screen, "error") == (
        "This SIRET is not valid: 14 digits, as on the Kbis extract.")
    service = ShopService(sessions=shop.sessions, clock=shop.clock,
                          default=screen.shop_tab.identity())  # fmt: skip
    assert service.identity().siret == "732 829 320 00075"  # nothing stored: the default
    type_in(screen, "siret", "732 829 320 00074")
    assert save_and_wait(qtbot, screen, "ok") == (
        "The shop's identity is saved: the next receipts print it.")
    stored = service.identity()
    assert (stored.name, stored.siret, stored.vat_id) == (
        "Boutique Lumière", "73282932000074", "FR44732829320")
    qtbot.waitUntil(lambda: screen.shop_tab.fields["siret"].text() == "73282932000074")


def test_a_cashier_is_told_only_an_admin_may(qtbot, make_screen, shop) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen(shop.cashier)
    screen.show_tab("shop")
    qtbot.waitUntil(lambda: screen.shop_tab.fields["name"].text() == "Comptoir")
    assert "administrator" in save_and_wait(qtbot, screen, "error")


def test_the_printer_model_and_width_by_chips(
    qtbot, make_screen, settings: SettingsService
) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen()
    panel = screen.printer_model
    qtbot.waitUntil(lambda: panel.models.value == "TM-T88V")
    assert panel.widths.value == "auto"
    qtbot.mouseClick(panel.models.button("NT-5890K"), Qt.MouseButton.LeftButton)
    assert [w for w in (32, 42, 48) if panel.widths.button(w).isVisible()] == [32]
    qtbot.mouseClick(panel.models.button("TM-T20II"), Qt.MouseButton.LeftButton)
    assert [w for w in (32, 42, 48) if panel.widths.button(w).isVisible()] == [42, 48]
    qtbot.mouseClick(panel.widths.button(48), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.view_model.status_kind == "ok")
    assert label(screen, "settingsStatus").text() == "The printer model is saved."
    assert settings.printer_model() == ("TM-T20II", 48)
