"""The customer's confirmation e-mail as data, and its JSON-safe outbox payload.

A `DocumentMail` is built by the returns service when a counter document commits and is stored
in the outbox as a plain JSON payload (`mail_payload`); the mail dispatcher reads it back with
`mail_from_payload` and renders it (`pos.sync.mail_compose`). Pure: no formatting, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from pos.domain.money import Money
from pos.domain.settlement import BalanceKind

MAIL_DESTINATION = "mail"  # OutboxMessageRecord.destination
DOCUMENT_MAIL_KIND = "document_email"  # OutboxMessageRecord.kind
PAYLOAD_VERSION = 1
# The shop's mail server as the Settings screen stores it: OS keyring service `SMTP_KEYRING`,
# one entry per setting (the names below, read by `pos.sync.mail` when no COMPTOIR_SMTP_*
# variable says otherwise); the password under the user name, as `keyring set` would.
SMTP_KEYRING = "comptoir-smtp"
SMTP_ENTRIES = {"HOST": "smtp-host", "PORT": "smtp-port", "STARTTLS": "smtp-starttls",
                "USER": "smtp-user", "FROM": "smtp-from"}  # fmt: skip
LANGUAGES = ("fr", "en")


def mail_object_key(document_number: str) -> str:
    """The outbox object key of a document's e-mail (`mail:T1-000123`)."""
    return f"mail:{document_number}"


class MailKind(StrEnum):
    EXCHANGE = "exchange"
    REFUND = "refund"
    CANCELLATION = "cancellation"
    # A return request's decision (`pos.domain.request_mail`, outbox kind REQUEST_MAIL_KIND).
    RETURN_APPROVED = "return_approved"
    RETURN_REJECTED = "return_rejected"


class MailPayloadError(ValueError):
    """A stored payload (or the data given) cannot make a valid e-mail.

    Attributes:
        code: a stable code for logs and the UI.
    """

    code = "mail_payload_invalid"


@dataclass(frozen=True, slots=True)
class MailLine:
    """A returned or new item as the customer reads it; `amount` is for all units."""

    name: str
    options: str
    quantity: int
    amount: Money


@dataclass(frozen=True, slots=True)
class MailFee:
    """A fee or a credit of the document: restocking, flat_return, shipping_refund, …"""

    kind: str
    amount: Money


@dataclass(frozen=True, slots=True)
class MailTender:
    """How the balance was settled: a method code (cash, card, gift_card, …) and its amount.

    `reference` is what the customer may recognise (card last digits, gift-card code).
    """

    method: str
    amount: Money
    reference: str = ""


@dataclass(frozen=True, slots=True)
class DocumentMail:
    """Everything the confirmation e-mail of a counter document says."""

    kind: MailKind
    language: str  # "fr" | "en"
    shop_name: str
    document_number: str
    order_number: str
    customer_name: str
    customer_email: str
    returned_lines: tuple[MailLine, ...]
    new_lines: tuple[MailLine, ...]
    fees: tuple[MailFee, ...]
    balance: Money
    balance_kind: BalanceKind  # pos.domain.settlement's: equal, lower, higher, none
    tenders: tuple[MailTender, ...]
    gift_card_code: str | None
    note: str
    date: datetime  # aware; shown in its own time zone (the shop's)

    def __post_init__(self) -> None:
        _check(self.language in LANGUAGES, f"unsupported language {self.language!r}")
        _check(self.date.tzinfo is not None, "the date must be timezone-aware")
        _check("@" in self.customer_email, "the customer e-mail address is not valid")
        for label, value in self._header_values().items():
            _check(not any(c in value for c in "\r\n"), f"{label} must be a single line")
        currency = self.balance.currency
        for money in self._amounts():
            _check(money.currency == currency, "all amounts must be in the document's currency")

    def _header_values(self) -> dict[str, str]:
        return {
            "shop name": self.shop_name,
            "document number": self.document_number,
            "order number": self.order_number,
            "customer name": self.customer_name,
            "customer e-mail": self.customer_email,
        }

    def _amounts(self) -> list[Money]:
        lines = (*self.returned_lines, *self.new_lines)
        return [
            *(line.amount for line in lines),
            *(fee.amount for fee in self.fees),
            *(tender.amount for tender in self.tenders),
        ]


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise MailPayloadError(message)


# ---------------------------------------------------------------- payload (JSON-safe)


def mail_payload(mail: DocumentMail) -> dict[str, Any]:
    """The outbox payload of `mail`: JSON types only, money as minor units + one currency."""
    return {
        "version": PAYLOAD_VERSION,
        "kind": mail.kind.value,
        "language": mail.language,
        "shop_name": mail.shop_name,
        "document_number": mail.document_number,
        "order_number": mail.order_number,
        "customer_name": mail.customer_name,
        "customer_email": mail.customer_email,
        "currency": mail.balance.currency,
        "returned_lines": [_line_out(line) for line in mail.returned_lines],
        "new_lines": [_line_out(line) for line in mail.new_lines],
        "fees": [{"kind": fee.kind, "amount": fee.amount.minor} for fee in mail.fees],
        "balance": mail.balance.minor,
        "balance_kind": mail.balance_kind.value,
        "tenders": [
            {"method": t.method, "amount": t.amount.minor, "reference": t.reference}
            for t in mail.tenders
        ],
        "gift_card_code": mail.gift_card_code,
        "note": mail.note,
        "date": mail.date.isoformat(),
    }


def _line_out(line: MailLine) -> dict[str, Any]:
    return {
        "name": line.name,
        "options": line.options,
        "quantity": line.quantity,
        "amount": line.amount.minor,
    }


def mail_from_payload(payload: dict[str, Any]) -> DocumentMail:
    """The `DocumentMail` stored by `mail_payload`.

    Raises:
        MailPayloadError: the payload is not a version this code reads, or is malformed.
    """
    try:
        if payload.get("version") != PAYLOAD_VERSION:
            raise MailPayloadError(f"unknown payload version {payload.get('version')!r}")
        return _mail_in(payload, payload["currency"])
    except MailPayloadError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise MailPayloadError(f"malformed payload ({type(error).__name__}: {error})") from error


def _mail_in(data: dict[str, Any], currency: str) -> DocumentMail:
    def money(minor: Any) -> Money:
        return Money(minor, currency)

    def lines(items: list[dict[str, Any]]) -> tuple[MailLine, ...]:
        return tuple(
            MailLine(str(i["name"]), str(i["options"]), int(i["quantity"]), money(i["amount"]))
            for i in items
        )

    return DocumentMail(
        kind=MailKind(data["kind"]),
        language=data["language"],
        shop_name=str(data["shop_name"]),
        document_number=str(data["document_number"]),
        order_number=str(data["order_number"]),
        customer_name=str(data["customer_name"]),
        customer_email=str(data["customer_email"]),
        returned_lines=lines(data["returned_lines"]),
        new_lines=lines(data["new_lines"]),
        fees=tuple(MailFee(str(f["kind"]), money(f["amount"])) for f in data["fees"]),
        balance=money(data["balance"]),
        balance_kind=BalanceKind(data["balance_kind"]),
        tenders=tuple(
            MailTender(str(t["method"]), money(t["amount"]), str(t.get("reference", "")))
            for t in data["tenders"]
        ),
        gift_card_code=data.get("gift_card_code") or None,
        note=str(data.get("note", "")),
        date=datetime.fromisoformat(data["date"]),
    )
