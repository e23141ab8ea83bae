"""Screenshot of the login screen in French and English (docs/screenshots/login-*.png)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos.ui.format import locale_for
from pos.ui.screens.login import create_login_screen
from tests.ui.screens.login.helpers import label, save, show, translated
from tests.ui.screens.login.test_screen import enter_pin, pick


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    yield from translated(qapp, request.param)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_login_screenshot(qtbot: QtBot, shop, runner, language: str) -> None:  # type: ignore[no-untyped-def]
    screen = create_login_screen(
        users=shop.users, runner=runner, locale=locale_for(language), tz=UTC
    )
    show(qtbot, screen)
    screen.activate()
    qtbot.waitUntil(lambda: len(screen.view_model.users) == 3)
    pick(qtbot, screen, "Camille")
    enter_pin(qtbot, screen, "1111")
    status = label(screen, "loginStatus")
    qtbot.waitUntil(lambda: "4" in status.text())
    assert ("Code erroné" if language == "fr" else "Wrong PIN") in status.text()
    assert label(screen, "screenTitle").text() == (
        "Qui est au comptoir ?" if language == "fr" else "Who is at the counter?"
    )
    save(screen, f"login-{language}.png")
