"""The e-mail telling a customer a manager's decision on their return request, as data.

Approved: the return authorisation number, its QR payload, the lines and the expiry date.
Rejected: the manager's reason. Built by `pos.services.return_requests` in the deciding
transaction, stored in the outbox as JSON (`request_mail_payload`), rendered and sent by the
mail dispatcher (`pos.sync.request_mail_compose`). Pure: no formatting, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pos.domain.mail import LANGUAGES, MailKind, MailLine, MailPayloadError
from pos.domain.money import Money

REQUEST_MAIL_KIND = "return_request_email"  # OutboxMessageRecord.kind (destination "mail")
REQUEST_PAYLOAD_VERSION = 1
DECISIONS = (MailKind.RETURN_APPROVED, MailKind.RETURN_REJECTED)


def request_mail_object_key(request_id: int) -> str:
    """The outbox object key of a request's decision e-mail (`mail:request:12`)."""
    return f"mail:request:{request_id}"


@dataclass(frozen=True, slots=True)
class RequestMail:
    """Everything the decision e-mail says.

    Attributes:
        authorisation_number, qr_payload, expires_at: Set for an approval only.
        reason: The manager's reason, for a rejection.
    """

    kind: MailKind  # RETURN_APPROVED or RETURN_REJECTED
    language: str
    shop_name: str
    request_id: int
    order_number: str
    customer_name: str
    customer_email: str
    lines: tuple[MailLine, ...]
    date: datetime  # aware: when the manager decided
    authorisation_number: str = ""
    qr_payload: str = ""
    expires_at: datetime | None = None
    reason: str = ""

    def __post_init__(self) -> None:
        _check(self.kind in DECISIONS, f"not a decision e-mail: {self.kind!r}")
        _check(self.language in LANGUAGES, f"unsupported language {self.language!r}")
        _check(self.date.tzinfo is not None, "the date must be timezone-aware")
        _check("@" in self.customer_email, "the customer e-mail address is not valid")
        for value in (self.shop_name, self.order_number, self.customer_name,
                      self.customer_email, self.authorisation_number, self.qr_payload):
            _check(not any(c in value for c in "\r\n"), "header values must be single lines")
        if self.kind is MailKind.RETURN_APPROVED:
            _check(bool(self.authorisation_number and self.qr_payload),
                   "an approval carries its authorisation number and QR payload")
            _check(self.expires_at is not None and self.expires_at.tzinfo is not None,
                   "an approval carries its aware expiry")

    @property
    def approved(self) -> bool:
        return self.kind is MailKind.RETURN_APPROVED


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise MailPayloadError(message)


def request_mail_payload(mail: RequestMail) -> dict[str, Any]:
    """The outbox payload of `mail`: JSON types only, money as minor units + currency."""
    currency = mail.lines[0].amount.currency if mail.lines else ""
    return {
        "version": REQUEST_PAYLOAD_VERSION, "kind": mail.kind.value, "language": mail.language,
        "shop_name": mail.shop_name, "request_id": mail.request_id,
        "order_number": mail.order_number, "customer_name": mail.customer_name,
        "customer_email": mail.customer_email, "currency": currency,
        "lines": [{"name": line.name, "options": line.options, "quantity": line.quantity,
                   "amount": line.amount.minor} for line in mail.lines],
        "date": mail.date.isoformat(), "authorisation_number": mail.authorisation_number,
        "qr_payload": mail.qr_payload,
        "expires_at": mail.expires_at.isoformat() if mail.expires_at else None,
        "reason": mail.reason,
    }


def request_mail_from_payload(payload: dict[str, Any]) -> RequestMail:
    """The `RequestMail` stored by `request_mail_payload`.

    Raises:
        MailPayloadError: an unknown version, or a malformed payload.
    """
    try:
        if payload.get("version") != REQUEST_PAYLOAD_VERSION:
            raise MailPayloadError(f"unknown payload version {payload.get('version')!r}")
        currency = str(payload["currency"])
        expires = payload.get("expires_at")
        return RequestMail(
            kind=MailKind(payload["kind"]), language=payload["language"],
            shop_name=str(payload["shop_name"]), request_id=int(payload["request_id"]),
            order_number=str(payload["order_number"]),
            customer_name=str(payload["customer_name"]),
            customer_email=str(payload["customer_email"]),
            lines=tuple(MailLine(str(i["name"]), str(i["options"]), int(i["quantity"]),
                                 Money(int(i["amount"]), currency)) for i in payload["lines"]),
            date=datetime.fromisoformat(payload["date"]),
            authorisation_number=str(payload.get("authorisation_number") or ""),
            qr_payload=str(payload.get("qr_payload") or ""),
            expires_at=datetime.fromisoformat(expires) if expires else None,
            reason=str(payload.get("reason") or ""))
    except MailPayloadError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise MailPayloadError(f"malformed payload ({type(error).__name__}: {error})") from error
