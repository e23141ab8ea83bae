"""Screenshot of the settings screen in French and English (docs/screenshots/settings-*.png)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
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
    screen.view_model.save_policy(screen._policy_form_values())  # noqa: SLF001 (as typed)
    qtbot.waitUntil(lambda: screen.view_model.status_kind == "ok")
    assert label(screen, "screenTitle").text() == ("Réglages" if language == "fr" else "Settings")
    save(screen, f"settings-{language}.png")
