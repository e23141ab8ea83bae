"""Refusals of the domain: a stable code plus the numbers a cashier needs, never prose.

The UI maps `code` to translated text and formats `params` (amounts stay `Money`, counts stay
`int`), so the domain never carries a language (STYLE.md, "Naming, comments, docstrings").
"""

from __future__ import annotations


class DomainError(Exception):
    """A business rule refused an action.

    Attributes:
        code: Stable snake_case identifier, e.g. ``"over_return"``.
        params: What the message needs, e.g. ``{"returnable": 2, "requested": 3}``.
    """

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(f"{code}: {params}" if params else code)
        self.code = code
        self.params: dict[str, object] = params


class PolicySettingsError(DomainError):
    """Stored or entered policy settings are not valid."""


class ReturnRefusedError(DomainError):
    """A return, exchange or cancellation request cannot be quoted (DESIGN §3 rule 10)."""


class SettlementError(DomainError):
    """Tenders do not settle a balance under DESIGN §3 rules 8–9."""
