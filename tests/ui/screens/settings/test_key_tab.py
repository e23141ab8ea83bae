"""The Signing key tab: the public key that signs closures, its fingerprint, copyable; FR/EN
(docs/screenshots/settings-key-*.png)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from pos.services.signing import Ed25519Signer
from tests.ui.screens.login.helpers import button, label, save, translated


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    yield from translated(qapp, request.param)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_key_that_signs_the_closures_is_shown_with_its_fingerprint_and_copied(
        qtbot: QtBot, make_screen, signer: Ed25519Signer, language: str) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen()
    qtbot.mouseClick(button(screen, "keyTab"), Qt.MouseButton.LeftButton)
    key_text = screen.findChild(QLineEdit, "keyText")
    qtbot.waitUntil(lambda: key_text.text() != "")
    assert key_text.isVisible() and key_text.isReadOnly()
    assert key_text.text() == signer.public_key  # the key every closure carries
    digest = hashlib.sha256(bytes.fromhex(signer.public_key)).hexdigest()[:32]
    assert label(screen, "keyFingerprint").text().replace(" ", "") == digest
    assert len(label(screen, "keyFingerprint").text().split()) == 8  # groups of four, on paper
    qtbot.mouseClick(button(screen, "keyCopy"), Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == signer.public_key
    words = {"fr": ("Clé", "Empreinte de la clé", "Copier la clé", "Copiée"),
             "en": ("Signing key", "Fingerprint", "Copy the key", "Copied")}[language]
    assert button(screen, "keyTab").text() == words[0]
    assert label(screen, "keyFingerprintLabel").text() == words[1]
    assert button(screen, "keyCopy").text() == words[2]
    assert label(screen, "keyState").text().startswith(words[3])
    save(screen, f"settings-key-{language}.png")  # docs/screenshots


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_key_that_cannot_be_read_is_said(qtbot: QtBot, shop, settings, runner) -> None:  # type: ignore[no-untyped-def]
    from pos.services.policy import PolicyService
    from pos.ui.screens.settings import create_settings_screen
    from tests.ui.screens.login.helpers import show

    def no_keyring() -> str:
        raise OSError("the keyring is locked")

    screen = create_settings_screen(
        settings=settings, policy=PolicyService(sessions=shop.sessions, clock=shop.clock),
        users=shop.users, runner=runner, signing_key=no_keyring)
    show(qtbot, screen)
    screen.set_operator(shop.users.login("admin", "7391"))
    screen.activate()
    screen.show_tab("key")
    qtbot.waitUntil(lambda: "cannot be read" in label(screen, "keyState").text())
    assert not button(screen, "keyCopy").isEnabled()
