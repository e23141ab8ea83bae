"""State of the settings screen: what is stored, what the admin typed, what the services said."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from pos.domain.errors import PolicySettingsError
from pos.domain.policy import Policy
from pos.domain.printer_uri import PrinterUriError, normalise_printer_uri
from pos.domain.roles import Operator
from pos.services.errors import ServiceError
from pos.services.policy import PolicyService
from pos.services.settings import MailServer, SettingsService
from pos.services.users import UserService, UserView
from pos.ui.screens.settings.categories_tab import CategoryRule
from pos.ui.screens.settings.models import refusal_text
from pos.ui.screens.settings.policy_form import PolicyForm, policy_from_form, policy_with_categories
from pos.ui.workers import TaskRunner

log = logging.getLogger(__name__)

TestPrint = Callable[[str], None]  # prints a test page on the printer at this URI, or raises
LOAD_KEY = "settings-load"
API_KEY, WIX_APP = "api_key", "app"  # the ways to sign in to Wix (`SettingsService.wix_sign_in`)
WIX_WAYS = (API_KEY, WIX_APP)


@dataclass(frozen=True, slots=True)
class WixConnection:
    """How Comptoir signs in to Wix, as stored; never a secret, only the IDs shown back.

    `sign_in` is "api_key" (with `site_id`), "app" (with `client_id` and `instance_id`) or ""
    when nothing complete is stored.
    """

    sign_in: str
    site_id: str = ""
    client_id: str = ""
    instance_id: str = ""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything the screen shows, read in one task off the GUI thread."""

    printer_uri: str
    language: str
    wix: WixConnection
    policy: Policy
    users: tuple[UserView, ...]
    mail: MailServer
    categories: tuple[str, ...] = ()  # the catalogue's categories (Wix collections / categories)


class SettingsViewModel(QObject):
    """Reads and changes the settings through the services, on the task runner.

    Every change goes to the service with the logged-in operator; the services refuse
    anyone but an administrator, and that refusal is shown in words (`status_text`).

    The Wix tab offers two ways to sign in; `wix_way` is the one whose fields are shown. It
    follows the way stored whenever that changes (and when the screen is opened again), and
    the administrator's choice in between.

    Signals:
        loaded(): re-read `snapshot` (and `wix_way`).
        status_changed(): re-read `status_text` and `status_kind` ("ok", "error", "").
        wix_way_changed(): re-read `wix_way`.
        language_requested(str): "fr" or "en" was chosen; the app switches its translators.
    """

    loaded = Signal()
    status_changed = Signal()
    wix_way_changed = Signal()
    language_requested = Signal(str)

    def __init__(
        self,
        *,
        settings: SettingsService,
        policy: PolicyService,
        users: UserService,
        runner: TaskRunner,
        test_print: TestPrint | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings, self._policy, self._users = settings, policy, users
        self._runner, self._test_print = runner, test_print
        self.operator: Operator | None = None
        self.snapshot: Snapshot | None = None
        self.status_text, self.status_kind = "", ""
        self.wix_way = API_KEY
        self._wix_way_follows_stored = True

    @property
    def can_test_print(self) -> bool:
        return self._test_print is not None

    def set_operator(self, operator: Operator | None) -> None:
        self.operator = operator

    def reopen(self) -> None:
        """The screen is shown again: no message, the stored values, the stored Wix way."""
        self._set_status("", "")
        self._wix_way_follows_stored = True
        self.load()

    def load(self) -> None:
        """Read every tab's values again (after each change, and when the screen is shown)."""
        settings, policy, users = self._settings, self._policy, self._users

        def read() -> Snapshot:
            wix = WixConnection(
                settings.wix_sign_in(), settings.wix_site_id(), *settings.wix_app_ids()
            )
            return Snapshot(
                settings.printer_uri(),
                settings.language(),
                wix,
                policy.current(),
                users.list_users(),
                settings.mail_server(),
                policy.catalogue_categories(),
            )

        self._runner.submit(
            read, key=LOAD_KEY, on_success=self._on_loaded, on_error=self._on_failed
        )

    # ------------------------------------------------------------ intents

    def save_printer(self, uri: str) -> None:
        operator = self.operator
        self._change(
            lambda: self._settings.set_printer_uri(operator, uri),
            self.tr("The printer is saved."),
        )

    def test_print(self, uri: str) -> None:
        """Print a test page on `uri` (as typed, not yet saved)."""
        if self._test_print is None:
            return
        try:
            uri = normalise_printer_uri(uri)
        except PrinterUriError as error:
            self._on_failed(error)
            return
        test_print = self._test_print
        self._set_status(self.tr("Printing a test page…"), "")
        self._runner.submit(
            lambda: test_print(uri),
            key="settings-test-print",
            on_success=lambda _: self._set_status(
                self.tr("The test page was sent to the printer."), "ok"
            ),
            on_error=self._on_failed,
        )

    def choose_wix_way(self, way: str) -> None:
        """Show the fields of `way` ("api_key" or "app"); nothing is stored until Save."""
        if way in WIX_WAYS and way != self.wix_way:
            self.wix_way = way
            self.wix_way_changed.emit()

    def save_wix(self, api_key: str, site_id: str) -> None:
        """Sign in with the site owner's API key from now on (a Wix app stored is removed).

        The key goes to the keyring through the service; it is not kept anywhere here.
        """
        operator, settings = self.operator, self._settings
        self._change(
            lambda: settings.save_wix_credentials(operator, api_key, site_id),
            self.tr("The Wix connection is saved."),
        )

    def save_wix_app(self, client_id: str, client_secret: str, instance_id: str) -> None:
        """Sign in as a Wix app from now on (an API key stored is removed).

        The secret goes to the keyring through the service; it is not kept anywhere here.
        """
        operator, settings = self.operator, self._settings
        self._change(
            lambda: settings.save_wix_app(operator, client_id, client_secret, instance_id),
            self.tr("The Wix connection is saved."),
        )

    def save_mail_server(self, server: MailServer, password: str) -> None:
        """Send the customer e-mails through `server` from now on (the sync thread reads it at
        its next tick); `password` "" keeps the one stored. It goes to the keyring through the
        service and is not kept anywhere here."""
        operator, settings = self.operator, self._settings
        self._change(
            lambda: settings.save_mail_server(operator, server, password),
            self.tr("The mail server is saved."),
        )

    def save_policy(self, form: PolicyForm) -> None:
        self._save_policy(lambda current: policy_from_form(current, form),
                          self.tr("The return policy is saved."))  # fmt: skip

    def save_categories(self, rules: Sequence[CategoryRule], vat_defaults: str) -> None:
        """Store the categories' rules and the default VAT per currency (admins only)."""
        self._save_policy(lambda current: policy_with_categories(current, rules, vat_defaults),
                          self.tr("The categories are saved."))  # fmt: skip

    def _save_policy(self, change: Callable[[Policy], Policy], done: str) -> None:
        """The stored policy changed by `change` (a refusal names the bad field), saved."""
        if self.snapshot is None:
            return
        try:
            policy = change(self.snapshot.policy)
        except PolicySettingsError as error:
            self._on_failed(error)
            return
        operator = self.operator
        self._change(lambda: self._policy.update(operator, policy), done)

    def add_user(self, username: str, display_name: str, role: str, pin: str, again: str) -> None:
        if pin != again:
            self._set_status(self.tr("The two PINs are not the same. Type them again."), "error")
            return
        operator, users = self.operator, self._users
        self._change(
            lambda: users.add_user(operator, username, display_name, role, pin),
            self.tr("{name} can now log in.").format(name=display_name.strip()),
        )

    def set_pin(self, user: UserView, pin: str, again: str) -> None:
        if pin != again:
            self._set_status(self.tr("The two PINs are not the same. Type them again."), "error")
            return
        operator, users = self.operator, self._users
        self._change(
            lambda: users.set_pin(operator, user.username, pin),
            self.tr("{name} has a new PIN.").format(name=user.display_name),
        )

    def set_active(self, user: UserView, active: bool) -> None:
        operator, users = self.operator, self._users
        change = users.enable if active else users.disable
        done = (
            self.tr("{name} can log in again.")
            if active
            else self.tr("{name} can no longer log in.")
        )
        self._change(
            lambda: change(operator, user.username),
            done.format(name=user.display_name),
        )

    def choose_language(self, language: str) -> None:
        """Make `language` the terminal's language and switch the interface to it now."""
        operator = self.operator

        def switched(_: object) -> None:
            self.language_requested.emit(language)
            self._on_changed(self.tr("The language is saved."))

        self._runner.submit(
            lambda: self._settings.set_language(operator, language),
            on_success=switched,
            on_error=self._on_failed,
        )

    # ------------------------------------------------------------ outcomes

    def _change(self, action: Callable[[], object], done: str) -> None:
        self._runner.submit(
            action, on_success=lambda _: self._on_changed(done), on_error=self._on_failed
        )

    def _on_changed(self, done: str) -> None:
        self._set_status(done, "ok")
        self.load()

    def _on_loaded(self, snapshot: Snapshot) -> None:
        stored_before = self.snapshot.wix.sign_in if self.snapshot is not None else None
        self.snapshot = snapshot
        if self._wix_way_follows_stored or snapshot.wix.sign_in != stored_before:
            self._wix_way_follows_stored = False
            self.wix_way = snapshot.wix.sign_in or API_KEY
        self.loaded.emit()

    def _on_failed(self, error: BaseException) -> None:
        if not isinstance(error, ServiceError | PolicySettingsError | PrinterUriError):
            log.info("settings: %s", type(error).__name__)  # a device's refusal, shown below
        self._set_status(refusal_text(error), "error")

    def show_status(self, text: str, kind: str) -> None:
        """Show another part of the screen's outcome (the Shop tab's) on the status line."""
        self._set_status(text, kind)

    def _set_status(self, text: str, kind: str) -> None:
        self.status_text, self.status_kind = text, kind
        self.status_changed.emit()
