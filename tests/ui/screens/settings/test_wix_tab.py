"""The Wix tab: an admin chooses how Comptoir signs in to Wix (an API key or a Wix app), types
that way's values and saves; secrets go to the keyring and are never shown back or logged."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from pos.ui.screens.settings import SettingsScreen
from pos.ui.top_bar import TopBar
from tests.ui.screens.login.helpers import button, label, translated

SECRET = "wix-app-secret-4f9a1c77e0b2"  # the client secret
API_KEY = "IST.wix-secret-key-0123456789"
SERVICE = "comptoir-wix"
APP_STORED = {
    (SERVICE, "client-id"): "app-42",
    (SERVICE, "client-secret"): SECRET,
    (SERVICE, "instance-id"): "inst-7",
}
KEY_STORED = {(SERVICE, "api-key"): API_KEY, (SERVICE, "site-id"): "3f1b-site"}


def tap(qtbot: QtBot, screen: QWidget, name: str) -> None:
    qtbot.mouseClick(button(screen, name), Qt.MouseButton.LeftButton)


def field(screen: QWidget, name: str) -> QLineEdit:
    found = screen.findChild(QLineEdit, name)
    assert found is not None, name
    return found


def type_into(qtbot: QtBot, screen: QWidget, name: str, text: str) -> QLineEdit:
    """Tap the field and type `text` on the keyboard, key by key."""
    found = field(screen, name)
    qtbot.mouseClick(found, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(found, text)
    return found


def wix_state(screen: QWidget) -> str:
    return label(screen, "wixState").text()


def all_texts(screen: QWidget) -> list[str]:
    """Every text a widget of `screen` holds or would show: fields, hints, labels, buttons."""
    texts = []
    for widget in screen.findChildren(QWidget):
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.displayText(), widget.placeholderText()]
        elif isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
    return texts


def open_wix_tab(qtbot: QtBot, screen: SettingsScreen) -> None:
    tap(qtbot, screen, "wixTab")
    assert screen.findChild(QWidget, "wixSettings").isVisible()


def test_an_admin_signs_in_as_a_wix_app_typed_on_the_keyboard(
    qtbot, make_screen, keyring, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    keyring.update(KEY_STORED)
    screen = make_screen()
    open_wix_tab(qtbot, screen)
    # The API key is stored: its way is chosen, its site shown back, the key is not.
    assert wix_state(screen) == "Signed in with an API key for site 3f1b-site."
    ways = button(screen, "wixWay_api_key"), button(screen, "wixWay_app")
    assert [way.text() for way in ways] == ["API key", "Wix app"]
    assert [way.isChecked() for way in ways] == [True, False]
    assert all(way.height() >= 48 and way.width() >= 48 for way in ways)
    assert field(screen, "wixSiteId").text() == "3f1b-site"
    assert field(screen, "wixApiKey").text() == "" and field(screen, "wixApiKey").isVisible()
    assert not any(API_KEY in text for text in all_texts(screen))

    # Alex taps "Wix app": its three fields replace the key's; saving will replace the key.
    tap(qtbot, screen, "wixWay_app")
    assert [way.isChecked() for way in ways] == [False, True]
    assert not field(screen, "wixApiKey").isVisible()
    assert label(screen, "wixHint").text().endswith("Saving replaces the API key stored now.")
    assert field(screen, "wixClientSecret").echoMode() == QLineEdit.EchoMode.Password
    type_into(qtbot, screen, "wixClientId", "app-42")
    secret = type_into(qtbot, screen, "wixClientSecret", SECRET)
    assert secret.displayText() != SECRET  # masked as it is typed
    type_into(qtbot, screen, "wixInstanceId", "inst-7")
    tap(qtbot, screen, "wixSave")
    qtbot.waitUntil(lambda: screen.view_model.status_kind == "ok")
    assert label(screen, "settingsStatus").text() == "The Wix connection is saved."

    # The keyring holds the app alone; the tab says so, naming the client and the instance.
    assert keyring == APP_STORED
    qtbot.waitUntil(lambda: wix_state(screen).startswith("Signed in as a Wix app"))
    assert wix_state(screen) == "Signed in as a Wix app (client app-42, instance inst-7)."
    assert field(screen, "wixClientId").text() == "app-42"
    assert field(screen, "wixInstanceId").text() == "inst-7"
    assert secret.text() == ""
    assert not any(SECRET in text for text in all_texts(screen))
    assert SECRET not in caplog.text
    assert not any(SECRET in str(record.args) for record in caplog.records)


def test_back_to_an_api_key_removes_the_app(qtbot, make_screen, keyring) -> None:  # type: ignore[no-untyped-def]
    keyring.update(APP_STORED)
    screen = make_screen()
    open_wix_tab(qtbot, screen)
    assert wix_state(screen) == "Signed in as a Wix app (client app-42, instance inst-7)."
    assert button(screen, "wixWay_app").isChecked()
    assert field(screen, "wixClientId").text() == "app-42"
    assert field(screen, "wixClientSecret").text() == ""
    tap(qtbot, screen, "wixWay_api_key")
    assert label(screen, "wixHint").text().endswith("Saving replaces the Wix app stored now.")
    key = type_into(qtbot, screen, "wixApiKey", API_KEY)
    assert key.echoMode() == QLineEdit.EchoMode.Password
    type_into(qtbot, screen, "wixSiteId", "site-42")
    tap(qtbot, screen, "wixSave")
    qtbot.waitUntil(lambda: wix_state(screen).startswith("Signed in with an API key"))
    assert wix_state(screen) == "Signed in with an API key for site site-42."
    assert keyring == {(SERVICE, "api-key"): API_KEY, (SERVICE, "site-id"): "site-42"}
    assert key.text() == "" and button(screen, "wixWay_api_key").isChecked()
    assert not any(API_KEY in text or SECRET in text for text in all_texts(screen))


def test_a_bad_app_value_is_refused_in_plain_words(qtbot, make_screen, keyring) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen()
    open_wix_tab(qtbot, screen)
    assert wix_state(screen) == "Not connected to Wix yet."
    assert button(screen, "wixWay_api_key").isChecked()  # nothing stored: the usual way first
    tap(qtbot, screen, "wixWay_app")
    type_into(qtbot, screen, "wixClientId", "my app")  # a space: not a client ID
    type_into(qtbot, screen, "wixClientSecret", SECRET)
    type_into(qtbot, screen, "wixInstanceId", "inst-7")
    tap(qtbot, screen, "wixSave")
    qtbot.waitUntil(lambda: screen.view_model.status_kind == "error")
    assert label(screen, "settingsStatus").text() == (
        "Paste the Wix app's client ID, secret and instance ID, each in full and without spaces."
    )
    assert keyring == {} and wix_state(screen) == "Not connected to Wix yet."
    assert field(screen, "wixClientId").text() == "my app"  # left to correct
    assert not any(SECRET in text for text in all_texts(screen))


def test_the_chosen_way_stays_until_the_screen_is_opened_again(qtbot, make_screen, keyring) -> None:  # type: ignore[no-untyped-def]
    keyring.update(KEY_STORED)
    screen = make_screen()
    open_wix_tab(qtbot, screen)
    tap(qtbot, screen, "wixWay_app")
    type_into(qtbot, screen, "wixClientSecret", SECRET)
    screen.view_model.save_printer("virtual")  # another tab's save reads everything again
    qtbot.waitUntil(lambda: screen.view_model.status_kind == "ok")
    assert button(screen, "wixWay_app").isChecked()
    screen.activate()  # the admin leaves and comes back: the stored way, nothing typed left
    qtbot.waitUntil(lambda: button(screen, "wixWay_api_key").isChecked())
    assert field(screen, "wixClientSecret").text() == ""


@pytest.mark.parametrize("who", ["cashier", "manager"])
def test_a_non_admin_never_sees_the_wix_tab(qtbot, make_screen, shop, keyring, who) -> None:  # type: ignore[no-untyped-def]
    operator = getattr(shop, who)
    bar = TopBar()
    qtbot.addWidget(bar)
    bar.show_operator(operator)
    assert bar.button("settings").isHidden()  # the way in is not offered to them
    screen = make_screen(operator)  # and should they reach the screen, no Wix tab either
    assert button(screen, "wixTab").isHidden()
    screen.show_tab("wix")
    assert button(screen, "printerTab").isChecked()
    assert not screen.findChild(QWidget, "wixSettings").isVisible()
    screen.view_model.save_wix_app("app-42", SECRET, "inst-7")  # the service refuses anyway
    qtbot.waitUntil(lambda: screen.view_model.status_kind == "error")
    assert "Only an administrator" in label(screen, "settingsStatus").text()
    assert keyring == {}


def test_the_wix_tab_goes_when_the_admin_logs_out(qtbot, make_screen, shop) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen()
    bar = TopBar()
    qtbot.addWidget(bar)
    bar.show_operator(shop.users.login("admin", "7391"))
    assert not bar.button("settings").isHidden()
    open_wix_tab(qtbot, screen)
    type_into(qtbot, screen, "wixApiKey", API_KEY)
    screen.set_operator(shop.manager)
    assert button(screen, "wixTab").isHidden() and button(screen, "printerTab").isChecked()
    assert field(screen, "wixApiKey").text() == ""


@pytest.fixture
def french(qapp: QApplication) -> Iterator[str]:
    yield from translated(qapp, "fr")


def test_the_wix_tab_in_french(qtbot, make_screen, keyring, french) -> None:  # type: ignore[no-untyped-def]
    keyring.update(APP_STORED)
    screen = make_screen()
    open_wix_tab(qtbot, screen)
    assert button(screen, "wixTab").text() == "Wix"
    assert wix_state(screen) == (
        "Connecté en tant qu’application Wix (client app-42, instance inst-7)."
    )
    assert button(screen, "wixWay_api_key").text() == "Clé API"
    assert button(screen, "wixWay_app").text() == "Application Wix"
    shown = {w.text() for w in screen.findChildren(QLabel) if w.isVisible()}
    assert {"ID client", "Secret client", "ID d’instance"} <= shown
    assert label(screen, "wixHint").text().startswith("Une application Wix installée")
    assert field(screen, "wixClientSecret").placeholderText() == (
        "Collez le secret de l’application ; il n’est jamais réaffiché"
    )
    assert button(screen, "wixSave").text() == "Enregistrer la connexion Wix"
    tap(qtbot, screen, "wixWay_api_key")
    hint = label(screen, "wixHint").text()
    assert hint.endswith("Enregistrer remplace l’application Wix enregistrée.")
    shown = {w.text() for w in screen.findChildren(QLabel) if w.isVisible()}
    assert {"Clé API", "ID du site"} <= shown
    tap(qtbot, screen, "wixWay_app")
    field(screen, "wixInstanceId").setText("")
    type_into(qtbot, screen, "wixClientSecret", SECRET)
    tap(qtbot, screen, "wixSave")
    qtbot.waitUntil(lambda: screen.view_model.status_kind == "error")
    assert label(screen, "settingsStatus").text() == (
        "Collez l’ID client, le secret et l’ID d’instance de l’application Wix, chacun en entier "
        "et sans espaces."
    )
    keyring.clear()
    screen.activate()
    tap(qtbot, screen, "wixTab")
    qtbot.waitUntil(lambda: wix_state(screen) == "Pas encore connecté à Wix.")
    keyring.update(KEY_STORED)
    screen.activate()
    tap(qtbot, screen, "wixTab")
    qtbot.waitUntil(
        lambda: wix_state(screen) == "Connecté avec une clé API pour le site 3f1b-site."
    )
