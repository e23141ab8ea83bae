"""Screenshot of the settings screen in French and English (docs/screenshots/settings-*.png)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.screens.login.helpers import label, save, translated


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    yield from translated(qapp, request.param)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_settings_screenshot(qtbot: QtBot, make_screen, keyring, language: str) -> None:  # type: ignore[no-untyped-def]
    keyring[("comptoir-wix", "api-key")] = "never-shown"
    keyring[("comptoir-wix", "site-id")] = "3f1b7c2e-site"
    screen = make_screen()
    screen.show_tab("policy")
    screen.view_model.save_policy(screen.policy_tab.form_values())  # as typed
    qtbot.waitUntil(lambda: screen.view_model.status_kind == "ok")
    assert label(screen, "screenTitle").text() == ("Réglages" if language == "fr" else "Settings")
    save(screen, f"settings-{language}.png")


@pytest.mark.parametrize("backend", ["sqlite"])
def test_shop_tab_screenshot(qtbot: QtBot, make_screen, language: str) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen()
    screen.show_tab("shop")
    qtbot.waitUntil(lambda: screen.shop_tab.fields["name"].text() == "Comptoir")
    screen.shop_tab.fields["siret"].setText("732 829 320 00075")  # one digit off
    qtbot.mouseClick(screen.shop_tab.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.view_model.status_kind == "error")
    assert "SIRET" in label(screen, "settingsStatus").text()
    save(screen, f"settings-shop-{language}.png")
    screen.show_tab("printer")
    save(screen, f"settings-printer-{language}.png")
