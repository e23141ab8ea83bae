"""Who may do what at the counter: roles, permissions, the PIN and username rules.

The table is pure data, so the services enforce it (not only the UI hiding buttons) and a test
can read it like the policy it is (DESIGN §5).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Role(StrEnum):
    CASHIER = "cashier"
    MANAGER = "manager"
    ADMIN = "admin"


class Permission(StrEnum):
    # cashier
    LOOK_UP = "look_up"  # search the sales history, read an order
    EXCHANGE = "exchange"
    REFUND = "refund"  # within policy and under the threshold; beyond needs an approval
    # manager
    APPROVE = "approve"  # give a manager approval (PIN) for a rule a cashier cannot pass
    OVERRIDE_POLICY = "override_policy"  # out of window, final sale, fee waived...
    CANCEL = "cancel"  # cancel an order / void a counter document
    ADJUST_STOCK = "adjust_stock"
    REGISTER_GIFT_CARD = "register_gift_card"  # a card sold on paper before Comptoir
    VIEW_REPORTS = "view_reports"
    # admin
    MANAGE_USERS = "manage_users"
    MANAGE_WIX_CREDENTIALS = "manage_wix_credentials"
    MANAGE_DEVICES = "manage_devices"
    EDIT_POLICY = "edit_policy"


_CASHIER = frozenset({Permission.LOOK_UP, Permission.EXCHANGE, Permission.REFUND})
_MANAGER = _CASHIER | {
    Permission.APPROVE,
    Permission.OVERRIDE_POLICY,
    Permission.CANCEL,
    Permission.ADJUST_STOCK,
    Permission.REGISTER_GIFT_CARD,
    Permission.VIEW_REPORTS,
}
_ADMIN = _MANAGER | {
    Permission.MANAGE_USERS,
    Permission.MANAGE_WIX_CREDENTIALS,
    Permission.MANAGE_DEVICES,
    Permission.EDIT_POLICY,
}

PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CASHIER: _CASHIER,
    Role.MANAGER: frozenset(_MANAGER),
    Role.ADMIN: frozenset(_ADMIN),
}


def may(role: Role | str, permission: Permission | str) -> bool:
    """Whether `role` grants `permission`. Unknown roles or permissions grant nothing."""
    try:
        return Permission(permission) in PERMISSIONS[Role(role)]
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class Operator:
    """The person at the counter, as established by a successful login.

    `user_id` is None only for the local administrator of the command line, which acts with
    the machine's file permissions rather than a PIN (see docs/security.md).
    """

    user_id: int | None
    username: str
    display_name: str
    role: Role

    @classmethod
    def local_admin(cls, name: str = "cli") -> Operator:
        """The command line's administrator; audited under the actor name `name`."""
        return cls(None, name, "Command line", Role.ADMIN)

    def may(self, permission: Permission | str) -> bool:
        return may(self.role, permission)


@dataclass(frozen=True, slots=True)
class Approval:
    """A manager's approval of one rule, verified by PIN and recorded (`approval_id`)."""

    approval_id: int
    approver_id: int
    approver_username: str
    approver_name: str
    rule: str
    reason: str
    approved_at: datetime


# ---------------------------------------------------------------- PIN and username rules

PIN_MIN, PIN_MAX = 4, 8
_PIN = re.compile(r"[0-9]+")  # ASCII digits only: str.isdigit() would accept "١٢٣٤" and "²"
_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
_DIGITS = "0123456789"


def pin_problem(pin: str) -> str | None:
    """Why `pin` cannot be used, as a code, or None when it is acceptable.

    Codes: "not_digits", "length" (4 to 8 digits), "trivial" (one repeated digit, such as
    0000, or a straight run up or down, such as 1234 or 9876: the first PINs anyone tries).
    """
    if not isinstance(pin, str) or not _PIN.fullmatch(pin):
        return "not_digits"
    if not PIN_MIN <= len(pin) <= PIN_MAX:
        return "length"
    if len(set(pin)) == 1 or pin in _DIGITS or pin in _DIGITS[::-1]:
        return "trivial"
    return None


def normalise_username(username: str) -> str:
    return username.strip().lower()


def username_problem(username: str) -> str | None:
    """Why a (normalised) username cannot be used, as a code, or None.

    Usernames are 1–64 characters: lower-case ASCII letters, digits, '.', '_' and '-',
    starting with a letter or digit.
    """
    return None if _USERNAME.fullmatch(username) else "invalid_username"
