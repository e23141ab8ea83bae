"""State of the settings screen: what is stored, what the admin typed, what the services said."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QObject, Signal

from pos.domain.errors import PolicySettingsError
from pos.domain.policy import Policy
from pos.domain.printer_uri import PrinterUriError, normalise_printer_uri
from pos.domain.roles import Operator
from pos.services.errors import ServiceError
from pos.services.policy import PolicyService
from pos.services.settings import SettingsService
from pos.services.users import UserService, UserView
from pos.ui.screens.settings.models import refusal_text
from pos.ui.workers import TaskRunner

log = logging.getLogger(__name__)

TestPrint = Callable[[str], None]  # prints a test page on the printer at this URI, or raises
LOAD_KEY = "settings-load"


@dataclass(frozen=True, slots=True)
class PolicyForm:
    """The policy tab's fields as typed: amounts in the shop's major units ("2,50")."""

    return_window_days: str
    restocking_fee_pct: str
    flat_return_fee: str
    manager_threshold: str
    reasons_required: bool
    like_for_like_keeps_price: bool


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything the screen shows, read in one task off the GUI thread."""

    printer_uri: str
    language: str
    wix_configured: bool
    wix_site_id: str
    policy: Policy
    users: tuple[UserView, ...]


def minor_to_text(minor: int) -> str:
    """100 → "1.00": an amount in the shop's major units, for an editable field."""
    return f"{Decimal(minor) / 100:.2f}"


def parse_minor(text: str) -> int:
    """ "2,50" or "2.50" → 250. Raises ValueError for anything else (or more than 2 decimals)."""
    try:
        value = Decimal(text.strip().replace(",", ".")) * 100
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite() or value != value.to_integral_value() or value < 0:
        raise ValueError(text)
    return int(value)


def policy_from_form(current: Policy, form: PolicyForm) -> Policy:
    """`current` with the form's six fields. Raises PolicySettingsError naming the bad field."""
    fields: dict[str, Any] = {}
    parsers: tuple[tuple[str, str, Callable[[str], Any]], ...] = (
        ("return_window_days", form.return_window_days, _parse_days),
        ("restocking_fee_pct", form.restocking_fee_pct, _parse_pct),
        ("flat_return_fee_minor", form.flat_return_fee, parse_minor),
        ("manager_refund_threshold_minor", form.manager_threshold, parse_minor),
    )
    for key, text, parse in parsers:
        try:
            fields[key] = parse(text)
        except ValueError:
            raise PolicySettingsError("policy_setting_invalid", key=key, value=text) from None
    return dataclasses.replace(
        current,
        **fields,
        reasons_required=form.reasons_required,
        like_for_like_keeps_price=form.like_for_like_keeps_price,
    )


def _parse_days(text: str) -> int:
    if not text.strip().isdecimal():
        raise ValueError(text)
    return int(text)


def _parse_pct(text: str) -> Decimal:
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite() or not 0 <= value <= 100:
        raise ValueError(text)
    return value


class SettingsViewModel(QObject):
    """Reads and changes the settings through the services, on the task runner.

    Every change goes to the service with the logged-in operator; the services refuse
    anyone but an administrator, and that refusal is shown in words (`status_text`).

    Signals:
        loaded(): re-read `snapshot`.
        status_changed(): re-read `status_text` and `status_kind` ("ok", "error", "").
        language_requested(str): "fr" or "en" was chosen; the app switches its translators.
    """

    loaded = Signal()
    status_changed = Signal()
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

    @property
    def can_test_print(self) -> bool:
        return self._test_print is not None

    def set_operator(self, operator: Operator | None) -> None:
        self.operator = operator

    def load(self) -> None:
        """Read every tab's values again (after each change, and when the screen is shown)."""
        settings, policy, users = self._settings, self._policy, self._users

        def read() -> Snapshot:
            return Snapshot(
                settings.printer_uri(),
                settings.language(),
                settings.wix_configured(),
                settings.wix_site_id(),
                policy.current(),
                users.list_users(),
            )

        self._runner.submit(
            read, key=LOAD_KEY, on_success=self._on_loaded, on_error=self._on_failed
        )

    # ------------------------------------------------------------ intents

    def save_printer(self, uri: str) -> None:
        operator = self.operator
        self._change(
            lambda: self._settings.set_printer_uri(operator, uri),  # type: ignore[arg-type]
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

    def save_wix(self, api_key: str, site_id: str) -> None:
        """Store the credentials in the keyring; the key is not kept anywhere here."""
        operator, settings = self.operator, self._settings
        self._change(
            lambda: settings.save_wix_credentials(operator, api_key, site_id),  # type: ignore[arg-type]
            self.tr("The Wix connection is saved."),
        )

    def save_policy(self, form: PolicyForm) -> None:
        if self.snapshot is None:
            return
        try:
            policy = policy_from_form(self.snapshot.policy, form)
        except PolicySettingsError as error:
            self._on_failed(error)
            return
        operator = self.operator
        self._change(
            lambda: self._policy.update(operator, policy),  # type: ignore[arg-type]
            self.tr("The return policy is saved."),
        )

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
            lambda: users.set_pin(operator, user.username, pin),  # type: ignore[arg-type]
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
            lambda: change(operator, user.username),  # type: ignore[arg-type]
            done.format(name=user.display_name),
        )

    def choose_language(self, language: str) -> None:
        """Make `language` the terminal's language and switch the interface to it now."""
        operator = self.operator

        def switched(_: object) -> None:
            self.language_requested.emit(language)
            self._on_changed(self.tr("The language is saved."))

        self._runner.submit(
            lambda: self._settings.set_language(operator, language),  # type: ignore[arg-type]
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
        self.snapshot = snapshot
        self.loaded.emit()

    def _on_failed(self, error: BaseException) -> None:
        if not isinstance(error, ServiceError | PolicySettingsError | PrinterUriError):
            log.info("settings: %s", type(error).__name__)  # a device's refusal, shown below
        self._set_status(refusal_text(error), "error")

    def _set_status(self, text: str, kind: str) -> None:
        self.status_text, self.status_kind = text, kind
        self.status_changed.emit()
