"""Wix-shaped errors (wix-api.md §1.3): handlers raise `WixError`, the server renders it."""

from __future__ import annotations

from typing import Any


class WixError(Exception):
    """An error response: HTTP status plus the Wix JSON body.

    Attributes:
        status: HTTP status code.
        body: ``{"message", "details": {"applicationError" | "validationError"}}``.
        headers: Extra response headers (e.g. ``Retry-After``).
    """

    def __init__(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None):
        super().__init__(f"{status} {body.get('message', '')}")
        self.status, self.body, self.headers = status, body, headers or {}


def app_error(
    status: int, code: str, description: str, data: dict[str, Any] | None = None
) -> WixError:
    """An ``applicationError`` body (business rule, not-found, conflict...)."""
    return WixError(
        status,
        {
            "message": description,
            "details": {
                "applicationError": {"code": code, "description": description, "data": data or {}}
            },
        },
    )


def not_found(code: str, description: str, **data: Any) -> WixError:
    return app_error(404, code, description, data)


def precondition(code: str, description: str, **data: Any) -> WixError:
    """428 FAILED_PRECONDITION: a business rule refused the request."""
    return app_error(428, code, description, data)


def conflict(code: str, description: str, **data: Any) -> WixError:
    return app_error(409, code, description, data)


def violation(
    field: str, description: str, rule: str = "VALIDATION", **data: Any
) -> dict[str, Any]:
    """One ``fieldViolations`` entry."""
    entry: dict[str, Any] = {"field": field, "description": description, "violatedRule": rule}
    if data:
        entry["data"] = data
    return entry


def invalid(violations: list[dict[str, Any]]) -> WixError:
    """400 with ``validationError.fieldViolations``."""
    first = violations[0]
    return WixError(
        400,
        {
            "message": f"INVALID_ARGUMENT: {first['field']} {first['description']}",
            "details": {"validationError": {"fieldViolations": violations}},
        },
    )


def bad_field(field: str, description: str, rule: str = "VALIDATION", **data: Any) -> WixError:
    return invalid([violation(field, description, rule, **data)])


def plain(status: int, message: str, code: str) -> WixError:
    """A transport-level error (401, 403, 429, 5xx) carrying an application code."""
    return app_error(status, code, message)
