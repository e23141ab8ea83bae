"""The settings screen's list of users, and every refusal of the settings in words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from pos.domain.errors import PolicySettingsError
from pos.domain.printer_uri import PrinterUriError
from pos.services.errors import (
    InvalidPinError,
    InvalidUserError,
    LastAdminError,
    OperatorRefusedError,
    PermissionDeniedError,
    ServiceError,
    UserExistsError,
)
from pos.services.users import UserView
from pos.ui.messages import QT_TRANSLATE_NOOP, error_text
from pos.ui.screens import Column, RowsTableModel
from pos.ui.screens.login.models import role_label

CONTEXT = "SettingsMessages"
NO_USER_CHOSEN = QT_TRANSLATE_NOOP(
    "SettingsMessages", "Tap a user in this list to disable or enable them, or to set their PIN."
)

_PRINTER: dict[str, str] = {
    "empty": QT_TRANSLATE_NOOP("SettingsMessages", "Type the printer's address."),
    "too_long": QT_TRANSLATE_NOOP("SettingsMessages", "This printer address is too long."),
    "unknown_scheme": QT_TRANSLATE_NOOP(
        "SettingsMessages",
        "A printer address starts with tcp://, usb://, serial:// or file://, or is “virtual”.",
    ),
    "no_host": QT_TRANSLATE_NOOP(
        "SettingsMessages", "Add the printer's network address, e.g. tcp://192.168.1.50:9100."
    ),
    "bad_port": QT_TRANSLATE_NOOP(
        "SettingsMessages", "The port must be a number from 1 to 65535 (usually 9100)."
    ),
    "bad_usb_ids": QT_TRANSLATE_NOOP(
        "SettingsMessages", "A USB printer is written usb://VENDOR:PRODUCT, e.g. usb://04b8:0e28."
    ),
    "no_path": QT_TRANSLATE_NOOP(
        "SettingsMessages", "Add the device path, e.g. serial:///dev/ttyUSB0."
    ),
    "bad_baudrate": QT_TRANSLATE_NOOP("SettingsMessages", "The baud rate must be a number."),
}

_SETTINGS: dict[str, str] = {
    "wix_key_invalid": QT_TRANSLATE_NOOP(
        "SettingsMessages", "Paste the whole Wix API key, without spaces."
    ),
    "wix_site_invalid": QT_TRANSLATE_NOOP(
        "SettingsMessages", "Type the Wix site ID (found in the site's dashboard URL)."
    ),
    "wix_app_invalid": QT_TRANSLATE_NOOP(
        "SettingsMessages",
        "Paste the Wix app's client ID, secret and instance ID, each in full and without spaces.",
    ),
    "keyring_unavailable": QT_TRANSLATE_NOOP(
        "SettingsMessages",
        "This computer's password store refused the Wix sign-in details. Unlock it, or ask "
        "your technician.",
    ),
    "mail_host_invalid": QT_TRANSLATE_NOOP(
        "SettingsMessages", "Type the mail server's name (smtp.example.com), without spaces."
    ),
    "mail_port_invalid": QT_TRANSLATE_NOOP(
        "SettingsMessages", "The port is a number from 1 to 65535, or empty for the usual one."
    ),
    "mail_sender_invalid": QT_TRANSLATE_NOOP(
        "SettingsMessages", "Type the shop's sender address in full (shop@example.com)."
    ),
    "mail_user_invalid": QT_TRANSLATE_NOOP(
        "SettingsMessages", "Type the mail server's user name without spaces, or leave it empty."
    ),
    "mail_login_needs_starttls": QT_TRANSLATE_NOOP(
        "SettingsMessages",
        "A login needs STARTTLS: the password is never sent unencrypted. Turn STARTTLS on.",
    ),
    "mail_password_missing": QT_TRANSLATE_NOOP(
        "SettingsMessages", "Type the password of this user name."
    ),
    "mail_keyring_unavailable": QT_TRANSLATE_NOOP(
        "SettingsMessages",
        "This computer's password store refused the mail server's details. Unlock it, or ask "
        "your technician.",
    ),
    "language_unknown": QT_TRANSLATE_NOOP("SettingsMessages", "This language is not available."),
    "terminal_file_unreadable": QT_TRANSLATE_NOOP(
        "SettingsMessages", "This terminal's settings file cannot be read ({path})."
    ),
    "terminal_file_unwritable": QT_TRANSLATE_NOOP(
        "SettingsMessages", "This terminal's settings file cannot be written ({path})."
    ),
}

_PINS: dict[str, str] = {
    "not_digits": QT_TRANSLATE_NOOP("SettingsMessages", "A PIN is made of digits only."),
    "length": QT_TRANSLATE_NOOP("SettingsMessages", "A PIN has 4 to 8 digits."),
    "trivial": QT_TRANSLATE_NOOP(
        "SettingsMessages", "This PIN is too easy to guess (like 1234 or 0000). Choose another."
    ),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def refusal_text(error: BaseException) -> str:
    """What to tell the administrator (or the person who is not one) about `error`."""
    if isinstance(error, OperatorRefusedError):  # the account changed since the login
        return error_text(error)
    if isinstance(error, PermissionDeniedError):
        return QCoreApplication.translate(
            "SettingsMessages", "Only an administrator can change the settings. Ask one to log in."
        )
    if isinstance(error, PrinterUriError):
        return _tr(_PRINTER.get(error.reason, _PRINTER["unknown_scheme"]))
    if isinstance(error, PolicySettingsError):
        return QCoreApplication.translate(
            "SettingsMessages", "This value is not valid: {field}. Correct it and save again."
        ).format(field=_field(error.params))
    if isinstance(error, ServiceError):
        return _service_text(error)
    reason = getattr(error, "reason", "")  # a device's own words (DeviceError)
    return QCoreApplication.translate(
        "SettingsMessages", "The printer did not print: {reason}."
    ).format(reason=reason or type(error).__name__)


def _service_text(error: ServiceError) -> str:
    if isinstance(error, InvalidPinError):
        return _tr(_PINS.get(error.reason, _PINS["length"]))
    if isinstance(error, UserExistsError):
        return QCoreApplication.translate(
            "SettingsMessages", "The username {username} is taken. Choose another."
        ).format(username=error.username)
    if isinstance(error, LastAdminError):
        return QCoreApplication.translate(
            "SettingsMessages", "{username} is the last administrator and must stay active."
        ).format(username=error.username)
    if isinstance(error, InvalidUserError):
        return QCoreApplication.translate(
            "SettingsMessages", "Check the name and username (letters, digits, dots; no spaces)."
        )
    text = _SETTINGS.get(error.code)
    if text is None:
        return QCoreApplication.translate(
            "SettingsMessages", "The change was refused ({code})."
        ).format(code=error.code)
    return _tr(text).format(**{k: v for k, v in error.params.items() if k == "path"})


def _field(params: dict[str, object]) -> str:
    label = policy_field_label(str(params.get("key", "")))
    category = params.get("category")
    return f"{label} ({category})" if category else label


def policy_field_label(key: str) -> str:
    """A policy setting's name as the Policy and Categories tabs show it."""
    labels = {
        "return_window_days": QT_TRANSLATE_NOOP("SettingsMessages", "Return window (days)"),
        "restocking_fee_pct": QT_TRANSLATE_NOOP("SettingsMessages", "Restocking fee (%)"),
        "flat_return_fee_minor": QT_TRANSLATE_NOOP("SettingsMessages", "Return fee"),
        "manager_refund_threshold_minor": QT_TRANSLATE_NOOP(
            "SettingsMessages", "Manager needed above"
        ),
        "return_prone_rate_pct": QT_TRANSLATE_NOOP(
            "SettingsMessages", "Return-prone above (% returned)"
        ),
        "return_prone_min_sold": QT_TRANSLATE_NOOP(
            "SettingsMessages", "Return-prone from (units sold)"
        ),
        "approval_valid_days": QT_TRANSLATE_NOOP(
            "SettingsMessages", "Authorisation valid (days)"
        ),
        "no_receipt_basis": QT_TRANSLATE_NOOP("SettingsMessages", "No receipt: value at"),
        "no_receipt_period_days": QT_TRANSLATE_NOOP(
            "SettingsMessages", "Lowest price over (days)"
        ),
        "no_receipt_customer_limit_minor": QT_TRANSLATE_NOOP(
            "SettingsMessages", "Most per customer"
        ),
        "no_receipt_customer_period_days": QT_TRANSLATE_NOOP(
            "SettingsMessages", "...over (days)"
        ),
        "no_receipt_day_limit_minor": QT_TRANSLATE_NOOP("SettingsMessages", "Most per day"),
        "no_receipt_day_count": QT_TRANSLATE_NOOP(
            "SettingsMessages", "Returns per day (0: any)"
        ),
        "restocking_fee_pct_by_category": QT_TRANSLATE_NOOP("SettingsMessages", "Fee %"),
        "vat_rate_by_category": QT_TRANSLATE_NOOP("SettingsMessages", "VAT %"),
        "vat_rate_by_currency": QT_TRANSLATE_NOOP("SettingsMessages", "Default VAT per currency"),
    }
    return _tr(labels[key]) if key in labels else key


class SettingsUsersTableModel(RowsTableModel[UserView]):
    """Everyone who has an account at this shop, active or not."""

    NAME_COLUMN = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.retranslate()

    def retranslate(self) -> None:
        """Re-read the column titles (the interface language changed)."""
        self.set_columns(
            [
                Column(self.tr("Name"), lambda user: user.display_name),
                Column(self.tr("Username"), lambda user: user.username),
                Column(self.tr("Role"), lambda user: role_label(user.role)),
                Column(self.tr("Status"), self._status),
            ]
        )

    def _status(self, user: UserView) -> str:
        if not user.active:
            return self.tr("Disabled")
        return self.tr("Locked") if user.locked_until is not None else self.tr("Active")


def user_actions_reason(user: UserView | None) -> str:
    """Why Disable / Enable and Set PIN are greyed ("" when a user is selected)."""
    return _tr(NO_USER_CHOSEN) if user is None else ""
