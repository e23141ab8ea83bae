"""The demo-like shop, an in-memory keyring, and the settings screen over the real services."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos.db.engine import SessionFactory
from pos.domain.shop_identity import ShopIdentity
from pos.services.policy import PolicyService
from pos.services.settings import SettingsService
from pos.services.shop import ShopService
from pos.services.signing import Ed25519Signer
from pos.ui.screens.settings import SettingsScreen, create_settings_screen
from pos.ui.workers import TaskRunner
from tests.support.shop import Shop, build_shop
from tests.ui.screens.login.helpers import show


@pytest.fixture
def shop(sessions: SessionFactory) -> Shop:
    return build_shop(sessions)


@pytest.fixture
def keyring() -> dict[tuple[str, str], str]:
    return {}


@pytest.fixture
def settings(shop: Shop, keyring: dict, tmp_path: Path) -> SettingsService:
    return SettingsService(
        sessions=shop.sessions,
        clock=shop.clock,
        config_path=tmp_path / "terminal.json",
        keyring_set=lambda service, name, value: keyring.__setitem__((service, name), value),
        keyring_get=lambda service, name: keyring.get((service, name)),
        keyring_delete=lambda service, name: keyring.pop((service, name), None),
    )


@pytest.fixture
def printed() -> list[str]:
    return []


@pytest.fixture
def signer() -> Ed25519Signer:
    """The shop's closure-signing key: one for every run, so the screenshots stay the same."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519Signer(Ed25519PrivateKey.from_private_bytes(bytes(range(32))))


@pytest.fixture
def make_screen(
    qtbot: QtBot, shop: Shop, settings: SettingsService, runner: TaskRunner, printed: list[str],
    signer: Ed25519Signer,
) -> Callable[..., SettingsScreen]:
    def make(operator=None) -> SettingsScreen:  # type: ignore[no-untyped-def]
        screen = create_settings_screen(
            settings=settings,
            policy=PolicyService(sessions=shop.sessions, clock=shop.clock),
            users=shop.users,
            runner=runner,
            test_print=printed.append,
            shop=ShopService(sessions=shop.sessions, clock=shop.clock,
                             default=ShopIdentity("Comptoir")),
            signing_key=lambda: signer.public_key,
        )
        show(qtbot, screen)
        screen.set_operator(operator or shop.users.login("admin", "7391"))
        screen.activate()
        qtbot.waitUntil(lambda: screen.view_model.snapshot is not None)
        return screen

    return make
