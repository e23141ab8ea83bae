"""The pieces the Wix step messages share: field readers whose errors name the field, the
document reference, order-line quantities and the refund's payment entries.

The words are the ones a manager reads on a parked message ("the refund step has no valid
'order_id'"); `pos.domain.wix_steps` builds every message type from these.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pos.domain.refund_plan import PaymentRefund, PaymentRoom, RefundRequest


class StepPayloadError(ValueError):
    """A step's payload cannot be read as its message type; the words say why, plainly.

    Attributes:
        field: The payload field that is missing or malformed (None: the payload as a whole).
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class Fields:
    """The payload of one step, and what the step is called in an error (``"refund"``)."""

    payload: Mapping[str, Any]
    what: str

    def text(self, key: str) -> str:
        """A required, non-empty string."""
        value = self.payload.get(key)
        if not isinstance(value, str) or value == "":
            raise StepPayloadError(f"the {self.what} step has no valid '{key}'", key)
        return value

    def count(self, key: str, *, minimum: int, entry: Any = None) -> int:
        """A whole number (never a bool) of at least `minimum`, in the payload or `entry`."""
        source = self.payload if entry is None else entry
        value = source.get(key) if isinstance(source, Mapping) else None
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise StepPayloadError(f"the {self.what} step has an invalid '{key}' ({value!r})", key)
        return value

    def currency(self) -> str:
        """An ISO currency code (three capitals)."""
        currency = self.text("currency")
        if len(currency) != 3 or not currency.isupper():
            raise StepPayloadError(
                f"the {self.what} step's currency {currency!r} is not a currency code", "currency"
            )
        return currency


def loose_text(value: Any) -> str:
    """A free-text field the step can do without ("" when absent)."""
    return str(value or "")


def optional_text(value: Any) -> str | None:
    """A string, or None when absent or not a string."""
    return value if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """What every step of a counter document on a Wix order carries."""

    document_id: str | None
    document_number: str
    order_id: str
    currency: str

    def payload(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "document_number": self.document_number,
            "order_id": self.order_id,
            "currency": self.currency,
        }

    @classmethod
    def read(cls, f: Fields, *, order_id: bool, currency: bool) -> DocumentRef:
        """The reference; `order_id` / `currency` say whether the step cannot do without."""
        return cls(
            optional_text(f.payload.get("document_id")),
            loose_text(f.payload.get("document_number")),
            f.text("order_id") if order_id else loose_text(f.payload.get("order_id")),
            f.currency() if currency else loose_text(f.payload.get("currency")),
        )


@dataclass(frozen=True, slots=True)
class LineQuantity:
    """Units of one Wix order line (None: the line is not on Wix, so it cannot be sent)."""

    line_item_id: str | None
    quantity: int

    def payload(self) -> dict[str, Any]:
        return {"line_item_id": self.line_item_id, "quantity": self.quantity}


def read_lines(f: Fields, key: str) -> tuple[LineQuantity, ...]:
    entries = f.payload.get(key, [])
    if not isinstance(entries, list):
        raise StepPayloadError(f"the {f.what} step's '{key}' is not a list", key)
    lines = []
    for entry in entries:
        line_id = entry.get("line_item_id") if isinstance(entry, dict) else None
        if not isinstance(line_id, str) or not line_id:
            raise StepPayloadError(
                f"a line of the {f.what} step has no Wix line item id", f"{key}.line_item_id"
            )
        lines.append(LineQuantity(line_id, f.count("quantity", minimum=1, entry=entry)))
    return tuple(lines)


def request_payload(request: RefundRequest) -> dict[str, Any]:
    """A refund request as the refund step's payload keeps it."""
    return {
        "original": [
            {"payment_id": o.payment_id, "amount_minor": o.amount, "external": o.external}
            for o in request.original
        ],
        "external_minor": request.external_minor,
        "payments": [
            {"payment_id": p.payment_id, "gift_card": p.gift_card, "room": p.room}
            for p in request.payments
        ],
    }


def read_request(raw: Any) -> RefundRequest | None:
    """The stored request, or None when absent or not shaped so (the step is sent as planned)."""
    try:
        return RefundRequest(
            tuple(
                PaymentRefund(str(o["payment_id"]), int(o["amount_minor"]), bool(o["external"]))
                for o in raw["original"]
            ),
            int(raw["external_minor"]),
            tuple(
                PaymentRoom(str(p["payment_id"]), bool(p["gift_card"]), int(p["room"]))
                for p in raw["payments"]
            ),
        )
    except (KeyError, TypeError, ValueError):
        return None


def payment_refunds_payload(refunds: tuple[PaymentRefund, ...]) -> list[dict[str, Any]]:
    return [
        {"payment_id": r.payment_id, "amount_minor": r.amount, "external": r.external}
        for r in refunds
    ]


def read_payment_refunds(entries: Any) -> tuple[PaymentRefund, ...]:
    """The refund's payment entries: at least one, each on a Wix payment, each above zero."""
    if not isinstance(entries, list) or not entries:
        raise StepPayloadError(
            "the refund step names no payment to refund; Wix needs at least one", "payment_refunds"
        )
    refunds = []
    f = Fields({}, "refund")
    for entry in entries:
        payment_id = entry.get("payment_id") if isinstance(entry, dict) else None
        if not isinstance(payment_id, str) or not payment_id:
            raise StepPayloadError(
                "a payment of the refund step has no Wix payment id", "payment_refunds.payment_id"
            )
        minor = f.count("amount_minor", minimum=1, entry=entry)
        refunds.append(PaymentRefund(payment_id, minor, bool(entry.get("external", True))))
    return tuple(refunds)
