"""The mail server stored from the Settings screen: keyring only, checked, admins only, and
read by the e-mail sender."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from pos.services.errors import PermissionDeniedError
from pos.services.settings import MailServer, SettingsError, SettingsService
from pos.sync.mail import SmtpSettings
from tests.services.test_settings import MemoryKeyring, audit_actions
from tests.services.test_settings import keyring as keyring  # noqa: F401  (fixtures)
from tests.services.test_settings import service as service  # noqa: F401
from tests.services.test_settings import shop as shop  # noqa: F401
from tests.support.shop import Shop

PASSWORD = "s3cret-Pa55word!"
SERVER = MailServer(host=" smtp.lumiere.example ", port="587", starttls=True,
                    username="boutique", sender="boutique@lumiere.example")  # fmt: skip


def test_the_mail_server_goes_to_the_keyring_and_the_sender_reads_it(
    shop: Shop, service: SettingsService, keyring: MemoryKeyring, tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    caplog.set_level(logging.DEBUG)
    admin = shop.users.login("admin", "7391")
    assert service.mail_server() == MailServer()
    assert not service.mail_server().configured

    service.save_mail_server(admin, SERVER, PASSWORD)

    assert keyring.items == {
        ("comptoir-smtp", "smtp-host"): "smtp.lumiere.example",
        ("comptoir-smtp", "smtp-port"): "587",
        ("comptoir-smtp", "smtp-starttls"): "true",
        ("comptoir-smtp", "smtp-user"): "boutique",
        ("comptoir-smtp", "smtp-from"): "boutique@lumiere.example",
        ("comptoir-smtp", "boutique"): PASSWORD,
    }
    stored = service.mail_server()
    assert stored.configured and stored.password_stored and stored.host == "smtp.lumiere.example"
    settings = SmtpSettings.from_environment({}, keyring_get=keyring.get)
    assert (settings.host, settings.port, settings.username, settings.password) == (
        "smtp.lumiere.example", 587, "boutique", PASSWORD)  # fmt: skip
    action, data = audit_actions(shop.sessions)[-1]
    assert action == "mail_server_saved" and PASSWORD not in json.dumps(data)
    assert PASSWORD not in caplog.text
    assert not list(tmp_path.glob("terminal.json"))  # nothing in the terminal's file


def test_the_stored_password_is_kept_until_the_login_changes(
    shop: Shop, service: SettingsService, keyring: MemoryKeyring
) -> None:
    admin = shop.users.login("admin", "7391")
    service.save_mail_server(admin, SERVER, PASSWORD)
    service.save_mail_server(admin, SERVER, "")  # the field is left empty: kept
    assert keyring.items[("comptoir-smtp", "boutique")] == PASSWORD

    with pytest.raises(SettingsError) as missing:
        service.save_mail_server(admin, MailServer(**{**_fields(SERVER), "username": "caisse"}),
                                 "")  # fmt: skip
    assert missing.value.code == "mail_password_missing"

    relay = MailServer(host="relay.lan", starttls=False, sender="caisse@lumiere.example")
    service.save_mail_server(admin, relay, "")  # no login: the old password goes
    assert keyring.items == {
        ("comptoir-smtp", "smtp-host"): "relay.lan",
        ("comptoir-smtp", "smtp-starttls"): "false",
        ("comptoir-smtp", "smtp-from"): "caisse@lumiere.example",
    }
    assert SmtpSettings.from_environment({}, keyring_get=keyring.get).port == 25


def _fields(server: MailServer) -> dict[str, object]:
    return {name: getattr(server, name) for name in
            ("host", "port", "starttls", "username", "sender")}  # fmt: skip


@pytest.mark.parametrize(("changes", "code"), [
    ({"host": ""}, "mail_host_invalid"),
    ({"host": "smtp example"}, "mail_host_invalid"),
    ({"port": "0"}, "mail_port_invalid"),
    ({"port": "70000"}, "mail_port_invalid"),
    ({"port": "25a"}, "mail_port_invalid"),
    ({"sender": "boutique"}, "mail_sender_invalid"),
    ({"sender": "@lumiere.example"}, "mail_sender_invalid"),
    ({"username": "smtp-host"}, "mail_user_invalid"),
    ({"starttls": False}, "mail_login_needs_starttls"),
])  # fmt: skip
def test_unusable_values_are_refused_and_nothing_is_stored(
    shop: Shop, service: SettingsService, keyring: MemoryKeyring, changes: dict[str, object],
    code: str,
) -> None:  # fmt: skip
    admin = shop.users.login("admin", "7391")
    with pytest.raises(SettingsError) as refused:
        service.save_mail_server(admin, MailServer(**{**_fields(SERVER), **changes}), PASSWORD)
    assert refused.value.code == code
    assert keyring.items == {}


def test_only_an_admin_sets_the_mail_server_and_a_broken_keyring_is_said(
    shop: Shop, service: SettingsService, keyring: MemoryKeyring
) -> None:
    with pytest.raises(PermissionDeniedError):
        service.save_mail_server(shop.manager, SERVER, PASSWORD)
    keyring.broken = True
    with pytest.raises(SettingsError) as refused:
        service.save_mail_server(shop.users.login("admin", "7391"), SERVER, PASSWORD)
    assert refused.value.code == "mail_keyring_unavailable"
    assert service.mail_server() == MailServer()
