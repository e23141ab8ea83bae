"""What can go wrong talking to Wix, sorted by what it means for a write (DESIGN §7).

`WixRefusedError` (and its `WixBusyError`): Wix definitely did not apply the request.
`WixAmbiguousError`: nobody knows; read Wix back before sending again. `WixResponseError`:
Wix said 2xx but the body is unreadable; for a write that means Wix probably applied it, so
treat it like an ambiguous outcome. `message` is plain words for a manager; `code`, `status`,
`request_id` are for logs and support. No error ever carries the API key.
"""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

# Statuses whose outcome is unknown (wix-api.md §3.4): the request may have been applied.
AMBIGUOUS_STATUSES = frozenset({500, 502, 504})
# Statuses that mean "not applied, try later" (wix-api.md §1.3, §1.4).
BUSY_STATUSES = frozenset({429, 503})

_STATUS_CODES = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    409: "CONFLICT",
    428: "FAILED_PRECONDITION",
    429: "TOO_MANY_REQUESTS",
    500: "INTERNAL",
    501: "NOT_IMPLEMENTED",
    502: "BAD_GATEWAY",
    503: "UNAVAILABLE",
    504: "GATEWAY_TIMEOUT",
}

_PLAIN = {
    400: "Wix refused the request as invalid",
    401: "Wix did not accept Comptoir's credentials; check the Wix API key (or app) in Settings",
    403: "Wix refused access to this site; check the site ID and the API key's permissions",
    404: "Wix could not find what was asked for",
    409: "Wix refused because the item changed meanwhile or the step was already done",
    428: "Wix refused the change (a shop rule or the state of the item prevents it)",
    429: "Wix is busy (too many requests); nothing was changed, it will be tried again later",
    503: "Wix is temporarily unavailable; nothing was changed, it will be tried again later",
}
_AMBIGUOUS_PLAIN = "Wix had a server error; it is not known whether the change was made"


@dataclass(frozen=True, slots=True)
class FieldViolation:
    """One entry of a Wix ``validationError.fieldViolations`` list."""

    field: str
    description: str
    rule: str


class WixError(Exception):
    """A Wix call that did not succeed.

    Attributes:
        status: HTTP status, or None when no response arrived.
        code: Wix's application code (``INSUFFICIENT_INVENTORY``) or one derived from the
            status or failure (``TOO_MANY_REQUESTS``, ``TIMEOUT``, ``CONNECTION_LOST``).
        message: Plain words for a manager.
        request_id: Wix's ``X-Wix-Request-Id``, for support, when a response arrived.
        path: The request path (``/ecom/v1/orders/search``), no host, no query string.
        method: The HTTP method.
        retry_after: Seconds to wait before trying again (only `WixBusyError` sets it).
        violations: Wix's field violations of a 400 validation error.
        wix_message: Wix's own description, as sent (already stripped of any secret).
    """

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str = "",
        request_id: str | None = None,
        path: str = "",
        method: str = "",
        retry_after: float | None = None,
        violations: tuple[FieldViolation, ...] = (),
        wix_message: str = "",
    ) -> None:
        self.message, self.status, self.code = message, status, code
        self.request_id, self.path, self.method = request_id, path, method
        self.retry_after, self.violations, self.wix_message = retry_after, violations, wix_message
        super().__init__(message)

    def __str__(self) -> str:
        where = f"{self.method} {self.path}".strip()
        status = f"HTTP {self.status} " if self.status is not None else ""
        request = f", request {self.request_id}" if self.request_id else ""
        return f"{self.message} [{status}{self.code}, {where}{request}]"


class WixRefusedError(WixError):
    """Definitely not applied: 4xx (400, 401, 403, 404, 409, 428, ...). Retrying as is fails."""


class WixAuthError(WixRefusedError):
    """Not applied: Wix did not accept the credentials (401, 403, a refused app token).

    Nothing else will work until a manager fixes the settings, so a sync round stops here
    instead of setting each change aside one by one.
    """


class WixBusyError(WixRefusedError):
    """Not applied, try later: 429 or 503 (``retry_after`` in seconds when Wix said)."""


class WixUnreachableError(WixBusyError):
    """No connection could be made (offline, DNS, TLS): the request never left."""


class WixAmbiguousError(WixError):
    """Unknown whether applied: timeout, dropped connection, 500/502/504. Read back first."""


class WixResponseError(WixError):
    """A 2xx answer whose body is not JSON or not of the expected shape."""


def code_for_status(status: int) -> str:
    """The code Wix's SDK would derive from a bare HTTP status."""
    return _STATUS_CODES.get(status, f"HTTP_{status}")


def parse_retry_after(value: str | None, *, now: Callable[[], float] = time.time) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date); None if absent."""
    if not value:
        return None
    try:
        return max(0.0, float(value.strip()))
    except ValueError:
        pass
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - now())


def error_from_response(
    status: int,
    content: bytes,
    headers: Mapping[str, str],
    *,
    method: str,
    path: str,
    redact: Callable[[str], str] = lambda text: text,
) -> WixError:
    """The `WixError` for a non-2xx response, its class chosen by what the status means.

    Args:
        status: The HTTP status (not 2xx).
        content: The raw body: a Wix error body (wix-api.md §1.3) or anything else.
        headers: Response headers (``X-Wix-Request-Id``, ``Retry-After``).
        method: The request method.
        path: The request path.
        redact: Removes secrets from any text Wix sent back.

    Returns:
        A `WixBusyError`, `WixAuthError`, `WixRefusedError` or `WixAmbiguousError` (never
        raised here).
    """
    body = _json_object(content)
    details = given if isinstance(given := body.get("details"), dict) else {}
    app = (
        app_error if isinstance(app_error := details.get("applicationError"), dict) else {}
    )
    violations = _violations(details, redact)
    wix_text = redact(str(app.get("description") or body.get("message") or ""))
    code = str(app.get("code") or body.get("errorCode") or "") or code_for_status(status)
    kind, plain = _classify(status)
    if violations:
        plain += ": " + "; ".join(f"{v.field} {v.description}".strip() for v in violations[:3])
    elif wix_text and status not in (401, 403):  # Wix's words add nothing to an auth failure
        plain += f" ({wix_text})"
    retry_after = parse_retry_after(headers.get("Retry-After")) if kind is WixBusyError else None
    return kind(
        plain, status=status, code=code, request_id=headers.get("X-Wix-Request-Id"), path=path,
        method=method, retry_after=retry_after, violations=violations, wix_message=wix_text,
    )  # fmt: skip


def _classify(status: int) -> tuple[type[WixError], str]:
    if status in BUSY_STATUSES:
        return WixBusyError, _PLAIN[status]
    if status in AMBIGUOUS_STATUSES or (status >= 500 and status != 501):
        return WixAmbiguousError, _AMBIGUOUS_PLAIN
    if status == 501:
        return WixRefusedError, "Wix does not offer this operation"
    if status in (401, 403):
        return WixAuthError, _PLAIN[status]
    return WixRefusedError, _PLAIN.get(status, f"Wix refused the request (HTTP {status})")


def _json_object(content: bytes) -> dict[str, Any]:
    try:
        value = json.loads(content)
    except (ValueError, UnicodeDecodeError):
        return {}
    return value if isinstance(value, dict) else {}


def _violations(
    details: dict[str, Any], redact: Callable[[str], str]
) -> tuple[FieldViolation, ...]:
    validation = details.get("validationError")
    raw = validation.get("fieldViolations") if isinstance(validation, dict) else None
    if not isinstance(raw, list):
        return ()
    return tuple(
        FieldViolation(
            field=str(item.get("field") or ""),
            description=redact(str(item.get("description") or "")),
            rule=str(item.get("violatedRule") or ""),
        )
        for item in raw
        if isinstance(item, dict)
    )
