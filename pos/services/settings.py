"""This terminal's settings (printer, language), the shop's Wix credentials and mail server;
admins only.

Terminal settings live in a small JSON file (`terminal.json` in the data directory), not in
the database: several counters may share one database (PostgreSQL) while each has its own
printer and language, and a terminal must still know its printer when the database is
unreachable. The Wix API key goes to the OS keyring only (service ``comptoir-wix``, the
entries `pos.sync.credentials` reads), never to the database, a file or a log line; the
audit chain records that it was changed, not what it is. The policy and the users have
their own services (`PolicyService`, `UserService`). The mail server for the customer e-mails
is kept in the keyring too (service ``comptoir-smtp``, the entries `pos.sync.mail` reads when
no ``COMPTOIR_SMTP_*`` variable is set), its password under the user name.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pos.db.audit import DbSession
from pos.db.engine import SessionFactory
from pos.domain.clock import Clock
from pos.domain.mail import SMTP_ENTRIES, SMTP_KEYRING
from pos.domain.printer_models import (
    DEFAULT_PROFILE,
    PrinterModelError,
    check_width,
    printer_model,
)
from pos.domain.printer_uri import normalise_printer_uri
from pos.domain.roles import Operator, Permission
from pos.services.access import confirm_operator, require
from pos.services.audit import audit_action
from pos.services.errors import ServiceError

log = logging.getLogger(__name__)

KEYRING_SERVICE = "comptoir-wix"  # the names `pos.sync.credentials` reads
KEYRING_API_KEY = "api-key"
KEYRING_SITE_ID = "site-id"
KEYRING_CLIENT_ID = "client-id"  # a Wix app (OAuth client credentials) instead of a key
KEYRING_CLIENT_SECRET = "client-secret"
KEYRING_INSTANCE_ID = "instance-id"
TERMINAL_FILE = "terminal.json"
LANGUAGES = ("fr", "en")
# printer_columns "": the profile's own width (pos.hardware.receipt_render.profile_columns).
DEFAULTS: dict[str, str] = {"printer_uri": "virtual", "language": "fr",
                            "printer_profile": DEFAULT_PROFILE, "printer_columns": ""}
MAX_KEY_LENGTH = 4096
MAX_SITE_ID_LENGTH = 100
MAX_MAIL_FIELD_LENGTH = 254  # an e-mail address's limit; host and user names fit

KeyringSet = Callable[[str, str, str], None]
KeyringGet = Callable[[str, str], str | None]
KeyringDelete = Callable[[str, str], None]


class SettingsError(ServiceError):
    """A setting refused or not stored. Codes: ``wix_key_invalid``, ``wix_site_invalid``,
    ``wix_app_invalid``, ``mail_host_invalid``, ``mail_port_invalid``,
    ``mail_sender_invalid``, ``mail_user_invalid``, ``mail_login_needs_starttls``,
    ``mail_password_missing``, ``language_unknown``, ``keyring_unavailable``,
    ``mail_keyring_unavailable``,
    ``terminal_file_unreadable``, ``terminal_file_unwritable``."""

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code  # one class, many codes (like PrintQueueError)
        super().__init__(**params)


@dataclass(frozen=True, slots=True)
class MailServer:
    """The mail server as stored from the Settings screen; the password is never returned.

    Attributes:
        port: "" for the default (587 with STARTTLS, else 25).
        password_stored: A password is in the keyring for `username`.
    """

    host: str = ""
    port: str = ""
    starttls: bool = True
    username: str = ""
    sender: str = ""
    password_stored: bool = False

    @property
    def configured(self) -> bool:
        return bool(self.host and self.sender)


def _keyring_set(service: str, username: str, password: str) -> None:
    import keyring  # loaded when an admin saves, not at start-up

    keyring.set_password(service, username, password)


def _keyring_get(service: str, username: str) -> str | None:
    import keyring

    return keyring.get_password(service, username)


def _keyring_delete(service: str, username: str) -> None:
    import keyring
    from keyring.errors import PasswordDeleteError

    try:
        keyring.delete_password(service, username)
    except PasswordDeleteError:  # nothing stored under that name: already gone
        pass


class SettingsService:
    """Terminal settings in `config_path`, Wix credentials in the keyring; changes audited.

    Args:
        sessions: the database, for the audit chain only.
        clock: time of the audit entries.
        config_path: the terminal's JSON file (`<data dir>/terminal.json`).
        keyring_set: `keyring.set_password` by default (tests pass an in-memory stand-in).
        keyring_get: `keyring.get_password` by default.
        keyring_delete: `keyring.delete_password` by default (a missing entry is no error).
    """

    def __init__(
        self,
        *,
        sessions: SessionFactory,
        clock: Clock,
        config_path: Path,
        keyring_set: KeyringSet | None = None,
        keyring_get: KeyringGet | None = None,
        keyring_delete: KeyringDelete | None = None,
    ) -> None:
        self._sessions, self._clock, self._path = sessions, clock, Path(config_path)
        self._keyring_set = keyring_set or _keyring_set
        self._keyring_get = keyring_get or _keyring_get
        self._keyring_delete = keyring_delete or _keyring_delete

    # ------------------------------------------------------------ terminal

    def printer_uri(self) -> str:
        """The receipt printer of this terminal ("virtual" until an admin sets one)."""
        return self._read()["printer_uri"]

    def set_printer_uri(self, operator: Operator | None, uri: str) -> str:
        """Check and store the printer; returns it as stored.

        Raises:
            PermissionDeniedError: not an admin. PrinterUriError (domain): the URI is invalid.
            OperatorDisabledError, OperatorUnknownError: the operator, re-read, may no longer act.
            SettingsError: ``terminal_file_unwritable``.
        """
        require(operator, Permission.MANAGE_DEVICES)
        uri = normalise_printer_uri(uri)
        self._change(operator, Permission.MANAGE_DEVICES, "printer_uri", uri,
                     action="printer_changed")
        return uri

    def printer_model(self) -> tuple[str, int | None]:
        """This terminal's printer profile and line width (None: the profile's own width)."""
        settings = self._read()
        profile, columns = settings["printer_profile"], settings["printer_columns"]
        try:  # a file edited by hand: an unknown model or width is the default's
            return profile, check_width(profile, int(columns) if columns.isdigit() else None)
        except PrinterModelError:
            return DEFAULT_PROFILE, None

    def set_printer_model(self, operator: Operator | None, profile: str,
                          columns: int | None) -> None:  # fmt: skip
        """Store the printer's model (a `PRINTER_MODELS` profile) and paper width.

        Raises:
            PermissionDeniedError, OperatorDisabledError, OperatorUnknownError,
            PrinterModelError (domain): unknown profile or a width its paper does not have.
            SettingsError: ``terminal_file_unwritable``.
        """
        require(operator, Permission.MANAGE_DEVICES)
        printer_model(profile)
        width = "" if (checked := check_width(profile, columns)) is None else str(checked)
        with self._sessions.begin() as s:
            operator = confirm_operator(s, operator, Permission.MANAGE_DEVICES)
            settings = self._read()
            before = {k: settings[k] for k in ("printer_profile", "printer_columns")}
            settings.update(printer_profile=profile, printer_columns=width)
            self._write(settings)
            self._audit(s, operator, "printer_model_changed",
                        {"before": before, "after": {"printer_profile": profile,
                                                     "printer_columns": width}})  # fmt: skip

    def language(self) -> str:
        """The terminal's interface language at start-up: "fr" or "en"."""
        language = self._read()["language"]
        return language if language in LANGUAGES else DEFAULTS["language"]

    def set_language(self, operator: Operator | None, language: str) -> None:
        """Make `language` this terminal's default.

        Raises:
            PermissionDeniedError, OperatorDisabledError, OperatorUnknownError,
            SettingsError (``language_unknown``).
        """
        require(operator, Permission.MANAGE_DEVICES)
        if language not in LANGUAGES:
            raise SettingsError("language_unknown", language=language)
        self._change(operator, Permission.MANAGE_DEVICES, "language", language,
                     action="language_changed")

    # ------------------------------------------------------------ Wix

    def save_wix_credentials(self, operator: Operator | None, api_key: str, site_id: str) -> None:
        """Store the Wix API key and site ID in the OS keyring (nowhere else); a Wix app stored
        before is removed.

        Raises:
            PermissionDeniedError: not an admin.
            OperatorDisabledError, OperatorUnknownError: the operator, re-read, may no longer act.
            SettingsError: ``wix_key_invalid``, ``wix_site_invalid`` or
                ``keyring_unavailable`` (no keyring backend, locked keyring).
        """
        require(operator, Permission.MANAGE_WIX_CREDENTIALS)
        api_key, site_id = api_key.strip(), site_id.strip()
        if not api_key or len(api_key) > MAX_KEY_LENGTH or any(c.isspace() for c in api_key):
            raise SettingsError("wix_key_invalid")  # no params: the key is never repeated
        if not site_id or len(site_id) > MAX_SITE_ID_LENGTH or " " in site_id:
            raise SettingsError("wix_site_invalid")
        with self._sessions.begin() as s:
            operator = confirm_operator(s, operator, Permission.MANAGE_WIX_CREDENTIALS)
            self._store_wix({KEYRING_API_KEY: api_key, KEYRING_SITE_ID: site_id},
                            replacing=(KEYRING_CLIENT_ID, KEYRING_CLIENT_SECRET,
                                       KEYRING_INSTANCE_ID))
            self._audit(s, operator, "wix_credentials_saved", {"site_id": site_id})

    def save_wix_app(
        self, operator: Operator | None, client_id: str, client_secret: str, instance_id: str
    ) -> None:
        """Store a Wix app's client ID, secret and instance ID in the OS keyring instead of a key.

        Comptoir then signs in with access tokens (OAuth client credentials); the API key and
        site ID stored before are removed, so only one way of signing in is ever stored.

        Raises:
            PermissionDeniedError: not an admin.
            OperatorDisabledError, OperatorUnknownError: the operator, re-read, may no longer act.
            SettingsError: ``wix_app_invalid`` (a value empty, too long or with spaces) or
                ``keyring_unavailable``.
        """
        require(operator, Permission.MANAGE_WIX_CREDENTIALS)
        values = [value.strip() for value in (client_id, client_secret, instance_id)]
        if any(not v or len(v) > MAX_KEY_LENGTH or any(c.isspace() for c in v) for v in values):
            raise SettingsError("wix_app_invalid")  # no params: the secret is never repeated
        client_id, client_secret, instance_id = values
        with self._sessions.begin() as s:
            operator = confirm_operator(s, operator, Permission.MANAGE_WIX_CREDENTIALS)
            self._store_wix({KEYRING_CLIENT_ID: client_id, KEYRING_CLIENT_SECRET: client_secret,
                             KEYRING_INSTANCE_ID: instance_id},
                            replacing=(KEYRING_API_KEY, KEYRING_SITE_ID))  # fmt: skip
            self._audit(s, operator, "wix_app_saved", {"client_id": client_id,
                                                       "instance_id": instance_id})  # fmt: skip

    def wix_configured(self) -> bool:
        """Whether the keyring holds a complete way to sign in (no secret is returned)."""
        return self.wix_sign_in() != ""

    def wix_sign_in(self) -> str:
        """How Comptoir signs in to Wix: "api_key", "app", or "" when nothing is stored."""
        if self._keyring_value(KEYRING_API_KEY) and self.wix_site_id():
            return "api_key"
        if all(self._keyring_value(name) for name in (KEYRING_CLIENT_ID, KEYRING_CLIENT_SECRET,
                                                      KEYRING_INSTANCE_ID)):  # fmt: skip
            return "app"
        return ""

    def wix_app_ids(self) -> tuple[str, str]:
        """The stored app's client ID and instance ID (not secrets), "" when none."""
        return self._keyring_value(KEYRING_CLIENT_ID), self._keyring_value(KEYRING_INSTANCE_ID)

    def wix_site_id(self) -> str:
        """The stored site ID ("" when none): not a secret, shown to the admin."""
        return self._keyring_value(KEYRING_SITE_ID)

    # ------------------------------------------------------------ mail server

    def mail_server(self) -> MailServer:
        """The mail server stored for the customer e-mails (empty fields when none)."""
        values = {name: self._keyring_value(entry, service=SMTP_KEYRING)
                  for name, entry in SMTP_ENTRIES.items()}  # fmt: skip
        username = values["USER"]
        return MailServer(
            host=values["HOST"],
            port=values["PORT"],
            starttls=values["STARTTLS"] != "false",
            username=username,
            sender=values["FROM"],
            password_stored=bool(username and self._keyring_value(username,
                                                                  service=SMTP_KEYRING)),
        )  # fmt: skip

    def save_mail_server(self, operator: Operator | None, server: MailServer,
                         password: str) -> None:
        """Store the mail server in the OS keyring; `password` "" keeps the one stored.

        Raises:
            PermissionDeniedError: not an admin.
            OperatorDisabledError, OperatorUnknownError: the operator, re-read, may no longer act.
            SettingsError: ``mail_host_invalid``, ``mail_port_invalid``,
                ``mail_sender_invalid``, ``mail_user_invalid``, ``mail_login_needs_starttls``
                (a password never travels in clear), ``mail_password_missing`` or
                ``mail_keyring_unavailable``.
        """
        require(operator, Permission.MANAGE_WIX_CREDENTIALS)
        server = _checked_mail_server(server)
        before = self.mail_server()
        if server.username and not password and (
                server.username != before.username or not before.password_stored):  # fmt: skip
            raise SettingsError("mail_password_missing")
        starttls = "true" if server.starttls else "false"
        fields = {"HOST": server.host, "PORT": server.port, "STARTTLS": starttls,
                  "USER": server.username, "FROM": server.sender}  # fmt: skip
        values = {SMTP_ENTRIES[name]: value for name, value in fields.items()}
        if server.username and password:
            values[server.username] = password
        gone = [name for name, value in values.items() if not value]
        if before.username and before.username != server.username:
            gone.append(before.username)  # the old login's password goes with it
        with self._sessions.begin() as s:
            operator = confirm_operator(s, operator, Permission.MANAGE_WIX_CREDENTIALS)
            self._store({k: v for k, v in values.items() if v}, replacing=tuple(gone),
                        service=SMTP_KEYRING, refusal="mail_keyring_unavailable")  # fmt: skip
            self._audit(s, operator, "mail_server_saved", {
                "host": server.host, "port": server.port, "user": server.username,
                "sender": server.sender})  # fmt: skip

    # ------------------------------------------------------------ helpers

    def _store_wix(self, values: dict[str, str], *, replacing: tuple[str, ...]) -> None:
        self._store(values, replacing=replacing, service=KEYRING_SERVICE)

    def _store(self, values: dict[str, str], *, replacing: tuple[str, ...], service: str,
               refusal: str = "keyring_unavailable") -> None:  # fmt: skip
        try:
            for username, value in values.items():
                self._keyring_set(service, username, value)
            for username in replacing:
                self._keyring_delete(service, username)
        except Exception as error:  # any backend failure; its text could hold a secret
            log.warning("the keyring refused the %s entries (%s)", service, type(error).__name__)
            raise SettingsError(refusal) from None

    def _keyring_value(self, username: str, *, service: str = KEYRING_SERVICE) -> str:
        try:
            return (self._keyring_get(service, username) or "").strip()
        except Exception as error:  # no backend: nothing is configured here
            log.info("no usable keyring (%s)", type(error).__name__)
            return ""

    def _read(self) -> dict[str, str]:
        try:
            stored: Any = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return dict(DEFAULTS)
        except (OSError, ValueError):
            raise SettingsError("terminal_file_unreadable", path=str(self._path)) from None
        if not isinstance(stored, dict):
            raise SettingsError("terminal_file_unreadable", path=str(self._path))
        known = {k: str(v) for k, v in stored.items() if k in DEFAULTS and isinstance(v, str)}
        return {**DEFAULTS, **known}

    def _change(self, operator: Operator | None, permission: Permission, key: str, value: str, *,
                action: str) -> None:  # fmt: skip
        """Re-read the operator, then write the file and audit, in one transaction."""
        with self._sessions.begin() as s:
            operator = confirm_operator(s, operator, permission)  # refused: file untouched
            settings = self._read()
            before, settings[key] = settings[key], value
            self._write(settings)
            self._audit(s, operator, action, {"before": before, "after": value})

    def _write(self, settings: dict[str, str]) -> None:
        """Replace the file atomically (a crash leaves the old or the new file, not half)."""
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".terminal-", dir=self._path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                json.dump(settings, file, indent=2, sort_keys=True)
            os.replace(temp, self._path)
        except OSError:
            raise SettingsError("terminal_file_unwritable", path=str(self._path)) from None

    def _audit(self, s: DbSession, operator: Operator, action: str,
               data: dict[str, object]) -> None:  # fmt: skip
        audit_action(
            s, operator=operator, action=action, subject="terminal", data=data,
            now=self._clock.now(),
        )


def _checked_mail_server(server: MailServer) -> MailServer:
    """`server` with its fields trimmed, or the first refusal (codes of `save_mail_server`)."""
    host, port = server.host.strip(), server.port.strip()
    username, sender = server.username.strip(), server.sender.strip()

    def bad(value: str) -> bool:
        return len(value) > MAX_MAIL_FIELD_LENGTH or any(c.isspace() for c in value)

    if not host or bad(host):
        raise SettingsError("mail_host_invalid")
    if port and not (port.isdecimal() and 0 < int(port) < 65536):
        raise SettingsError("mail_port_invalid")
    local, _, domain = sender.rpartition("@")
    if not local or "." not in domain or bad(sender):
        raise SettingsError("mail_sender_invalid")
    if bad(username) or username in SMTP_ENTRIES.values():  # the settings' own entry names
        raise SettingsError("mail_user_invalid")
    if username and not server.starttls:
        raise SettingsError("mail_login_needs_starttls")
    return MailServer(host, port, server.starttls, username, sender)
