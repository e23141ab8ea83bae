"""Terminal settings in terminal.json, Wix credentials in the keyring: admins only, audited."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from sqlalchemy import select

from pos.db.engine import SessionFactory
from pos.db.records import AuditEntryRecord
from pos.domain.printer_uri import PrinterUriError, normalise_printer_uri
from pos.services.errors import PermissionDeniedError
from pos.services.settings import SettingsError, SettingsService
from tests.support.shop import Shop, build_shop

SECRET = "IST.eyJraWQiOiJQb3pIX2FDMiIsImFsZyI6IlJTMjU2In0-secret"


class MemoryKeyring:
    """The OS keyring as a dict; `broken` makes every call fail like a missing backend."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}
        self.broken = False

    def set(self, service: str, username: str, password: str) -> None:
        if self.broken:
            raise RuntimeError(f"no backend for {password}")
        self.items[service, username] = password

    def get(self, service: str, username: str) -> str | None:
        if self.broken:
            raise RuntimeError("no backend")
        return self.items.get((service, username))

    def delete(self, service: str, username: str) -> None:
        if self.broken:
            raise RuntimeError("no backend")
        self.items.pop((service, username), None)


@pytest.fixture
def shop(sessions: SessionFactory) -> Shop:
    return build_shop(sessions)


@pytest.fixture
def keyring() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def service(shop: Shop, keyring: MemoryKeyring, tmp_path: Path) -> SettingsService:
    return SettingsService(
        sessions=shop.sessions,
        clock=shop.clock,
        config_path=tmp_path / "terminal.json",
        keyring_set=keyring.set,
        keyring_get=keyring.get,
        keyring_delete=keyring.delete,
    )


def audit_actions(sessions: SessionFactory) -> list[tuple[str, dict]]:
    with sessions() as s:
        return [(e.action, e.data) for e in s.scalars(select(AuditEntryRecord))]


def test_printer_defaults_to_virtual_then_an_admin_sets_it(
    shop: Shop, service: SettingsService, tmp_path: Path
) -> None:
    assert service.printer_uri() == "virtual"
    admin = shop.users.login("admin", "7391")
    assert service.set_printer_uri(admin, "  tcp://192.168.1.50:9100 ") == "tcp://192.168.1.50:9100"
    assert service.printer_uri() == "tcp://192.168.1.50:9100"
    stored = json.loads((tmp_path / "terminal.json").read_text(encoding="utf-8"))
    assert stored["printer_uri"] == "tcp://192.168.1.50:9100"
    action, data = audit_actions(shop.sessions)[-1]
    assert (action, data["before"], data["after"]) == (
        "printer_changed",
        "virtual",
        "tcp://192.168.1.50:9100",
    )


def test_an_invalid_printer_is_refused_and_nothing_is_written(
    shop: Shop, service: SettingsService, tmp_path: Path
) -> None:
    admin = shop.users.login("admin", "7391")
    with pytest.raises(PrinterUriError) as refused:
        service.set_printer_uri(admin, "ipp://printer")
    assert refused.value.reason == "unknown_scheme"
    assert not (tmp_path / "terminal.json").exists()


def test_cashiers_and_managers_change_no_setting(
    shop: Shop, service: SettingsService, keyring: MemoryKeyring
) -> None:
    for operator in (shop.cashier, shop.manager):
        with pytest.raises(PermissionDeniedError):
            service.set_printer_uri(operator, "virtual")
        with pytest.raises(PermissionDeniedError):
            service.save_wix_credentials(operator, SECRET, "site-1")
        with pytest.raises(PermissionDeniedError):
            service.set_language(operator, "en")
    assert keyring.items == {}
    assert service.printer_uri() == "virtual"


def test_wix_credentials_go_to_the_keyring_only(
    shop: Shop,
    service: SettingsService,
    keyring: MemoryKeyring,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    admin = shop.users.login("admin", "7391")
    assert not service.wix_configured()
    service.set_printer_uri(admin, "virtual")  # the terminal file exists too
    service.save_wix_credentials(admin, f" {SECRET}\n", "3f1b-site")
    assert keyring.items == {
        ("comptoir-wix", "api-key"): SECRET,
        ("comptoir-wix", "site-id"): "3f1b-site",
    }
    assert service.wix_configured() and service.wix_site_id() == "3f1b-site"
    assert SECRET not in (tmp_path / "terminal.json").read_text(encoding="utf-8")
    assert SECRET not in caplog.text
    action, data = audit_actions(shop.sessions)[-1]
    assert action == "wix_credentials_saved" and SECRET not in json.dumps(data)


def test_a_bad_key_or_a_broken_keyring_is_said_without_the_key(
    shop: Shop,
    service: SettingsService,
    keyring: MemoryKeyring,
    caplog: pytest.LogCaptureFixture,
) -> None:
    admin = shop.users.login("admin", "7391")
    with pytest.raises(SettingsError) as refused:
        service.save_wix_credentials(admin, "two words", "site")
    assert refused.value.code == "wix_key_invalid" and "two" not in str(refused.value)
    with pytest.raises(SettingsError) as refused:
        service.save_wix_credentials(admin, SECRET, "")
    assert refused.value.code == "wix_site_invalid"
    keyring.broken = True
    with caplog.at_level(logging.ERROR), pytest.raises(SettingsError) as refused:
        service.save_wix_credentials(admin, SECRET, "site")
    assert refused.value.code == "keyring_unavailable"
    assert refused.value.__cause__ is None and SECRET not in str(refused.value)
    assert not service.wix_configured()  # a broken keyring holds nothing


def test_language_is_kept_per_terminal(shop: Shop, service: SettingsService) -> None:
    admin = shop.users.login("admin", "7391")
    assert service.language() == "fr"
    service.set_language(admin, "en")
    assert service.language() == "en"
    with pytest.raises(SettingsError) as refused:
        service.set_language(admin, "de")
    assert refused.value.code == "language_unknown"


def test_an_unreadable_terminal_file_is_said(service: SettingsService, tmp_path: Path) -> None:
    (tmp_path / "terminal.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(SettingsError) as refused:
        service.printer_uri()
    assert refused.value.code == "terminal_file_unreadable"


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("virtual", "virtual"),
        ("virtual://", "virtual"),
        ("virtual://training", "virtual://training"),
        ("tcp://10.0.0.7", "tcp://10.0.0.7"),
        ("usb://04b8:0e28", "usb://04b8:0e28"),
        ("serial:///dev/ttyUSB0?baudrate=9600", "serial:///dev/ttyUSB0?baudrate=9600"),
        ("file:///dev/usb/lp0", "file:///dev/usb/lp0"),
    ],
)
def test_printer_uris_accepted(uri: str, expected: str) -> None:
    assert normalise_printer_uri(uri) == expected


@pytest.mark.parametrize(
    ("uri", "reason"),
    [
        ("", "empty"),
        ("  ", "empty"),
        ("x" * 301, "too_long"),
        ("lp0", "unknown_scheme"),
        ("tcp://", "no_host"),
        ("tcp://host:99999", "bad_port"),
        ("tcp://host:abc", "bad_port"),
        ("usb://04b8", "bad_usb_ids"),
        ("usb://zz:01", "bad_usb_ids"),
        ("file://", "no_path"),
        ("serial:///dev/ttyS0?baudrate=fast", "bad_baudrate"),
    ],
)
def test_printer_uris_refused(uri: str, reason: str) -> None:
    with pytest.raises(PrinterUriError) as refused:
        normalise_printer_uri(uri)
    assert refused.value.reason == reason


def test_an_admin_switches_to_a_wix_app_and_back_one_way_stored_at_a_time(
    shop: Shop, service: SettingsService, keyring: MemoryKeyring, tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    admin = shop.users.login("admin", "7391")
    service.save_wix_credentials(admin, SECRET, "3f1b-site")
    assert service.wix_sign_in() == "api_key"
    with caplog.at_level(logging.DEBUG):
        service.save_wix_app(admin, " app-42 ", SECRET, "inst-7")
    assert service.wix_sign_in() == "app" and service.wix_configured()
    assert service.wix_app_ids() == ("app-42", "inst-7")
    assert keyring.items == {  # the key and site are gone: only one way is ever stored
        ("comptoir-wix", "client-id"): "app-42",
        ("comptoir-wix", "client-secret"): SECRET,
        ("comptoir-wix", "instance-id"): "inst-7",
    }
    action, data = audit_actions(shop.sessions)[-1]
    assert action == "wix_app_saved" and data == {"client_id": "app-42", "instance_id": "inst-7"}
    assert SECRET not in caplog.text and not (tmp_path / "terminal.json").exists()
    service.save_wix_credentials(admin, SECRET, "3f1b-site")
    assert service.wix_sign_in() == "api_key" and service.wix_app_ids() == ("", "")


def test_a_bad_app_value_or_a_cashier_is_refused(
    shop: Shop, service: SettingsService, keyring: MemoryKeyring
) -> None:
    admin = shop.users.login("admin", "7391")
    for values in (("", SECRET, "inst"), ("app", "two words", "inst"), ("app", SECRET, " ")):
        with pytest.raises(SettingsError) as refused:
            service.save_wix_app(admin, *values)
        assert refused.value.code == "wix_app_invalid" and "two" not in str(refused.value)
    cashier = shop.users.login("camille", "2580")
    with pytest.raises(PermissionDeniedError):
        service.save_wix_app(cashier, "app", SECRET, "inst")
    keyring.broken = True
    with pytest.raises(SettingsError) as refused:
        service.save_wix_app(admin, "app", SECRET, "inst")
    assert refused.value.code == "keyring_unavailable" and SECRET not in str(refused.value)
    keyring.broken = False
    assert service.wix_sign_in() == "" and keyring.items == {}
