"""Errors the services raise for the person at the counter: a stable `code` plus `params`.

The UI maps `code` to translated text (Tryton's message ids); `params` are safe to show and to
log. A PIN is never a parameter, nor part of any message.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any


class ServiceError(Exception):
    """A refusal the user must see (as opposed to a bug). Subclasses set `code`."""

    code: str = "service_error"  # a class default; some subclasses set one per instance

    def __init__(self, **params: Any) -> None:
        self.params: dict[str, Any] = params
        detail = ", ".join(f"{key}={value!r}" for key, value in params.items())
        super().__init__(f"{self.code}({detail})" if detail else self.code)


class PermissionDeniedError(ServiceError):
    code = "permission_denied"

    def __init__(self, permission: str, role: str | None) -> None:
        super().__init__(permission=str(permission), role=None if role is None else str(role))
        self.permission, self.role = str(permission), role


class ApprovalRequiredError(ServiceError):
    """Some rules still need a manager's approval; `rules` names them, in order."""

    code = "approval_required"

    def __init__(self, rules: Iterable[str]) -> None:
        self.rules: tuple[str, ...] = tuple(rules)
        super().__init__(rules=self.rules)


class UnknownUserError(ServiceError):
    code = "unknown_user"

    def __init__(self, username: str) -> None:
        super().__init__(username=username)
        self.username = username


class UserDisabledError(ServiceError):
    code = "user_disabled"

    def __init__(self, username: str) -> None:
        super().__init__(username=username)
        self.username = username


class UserExistsError(ServiceError):
    code = "user_exists"

    def __init__(self, username: str) -> None:
        super().__init__(username=username)
        self.username = username


class WrongPinError(ServiceError):
    """The PIN did not match; `attempts_left` more failures are allowed before the lockout."""

    code = "wrong_pin"

    def __init__(self, attempts_left: int) -> None:
        super().__init__(attempts_left=attempts_left)
        self.attempts_left = attempts_left


class PinLockedError(ServiceError):
    """Too many wrong PINs: no PIN is checked for this user before `until` (aware UTC)."""

    code = "pin_locked"

    def __init__(self, until: datetime) -> None:
        super().__init__(until=until.isoformat())
        self.until = until


class InvalidPinError(ServiceError):
    """A new PIN breaks the PIN rules; `reason` is "not_digits", "length" or "trivial"."""

    code = "invalid_pin"

    def __init__(self, reason: str) -> None:
        super().__init__(reason=reason)
        self.reason = reason


class InvalidUserError(ServiceError):
    """A user's field is unusable; `field` names it, `reason` says why (a code)."""

    code = "invalid_user"

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(field=field, reason=reason)
        self.field, self.reason = field, reason


class LastAdminError(ServiceError):
    """Refused: this would leave the shop without an active administrator."""

    code = "last_admin"

    def __init__(self, username: str) -> None:
        super().__init__(username=username)
        self.username = username


class OperatorRefusedError(ServiceError):
    """The person logged in may no longer act: their account changed since the login.

    Raised by `pos.services.access.confirm_operator` inside the action's transaction, before
    anything is written; the screen should send the person back to the login.
    """


class OperatorDisabledError(OperatorRefusedError):
    """The account was disabled after its login."""

    code = "operator_disabled"

    def __init__(self, username: str) -> None:
        super().__init__(username=username)
        self.username = username


class OperatorUnknownError(OperatorRefusedError):
    """No user has this operator's id and username any more (deleted, or never existed)."""

    code = "operator_unknown"

    def __init__(self, username: str) -> None:
        super().__init__(username=username)
        self.username = username
