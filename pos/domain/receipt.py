"""A receipt as data: what the counter prints for a committed document, nothing about how.

`pos.services.receipts` builds these values from the database; `pos.hardware.receipt_render`
turns them into ESC/POS bytes (or plain text) with pure code, so every layout is testable
byte for byte. Amounts are `Money`; the time is an aware instant shown in `time_zone`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from pos.domain.money import Money

LANGUAGES = ("fr", "en")
BALANCE_KINDS = ("equal", "lower", "higher", "none")
CARD_KINDS = ("gift_card", "store_credit")


class ReceiptKind(StrEnum):
    """Which layout: one per counter document kind, plus the gift-card / store-credit slip."""

    EXCHANGE = "exchange"
    REFUND = "refund"
    CANCELLATION = "cancellation"
    NO_RECEIPT = "no_receipt"  # a return without a receipt: no order, a customer
    GIFT_CARD_SLIP = "gift_card_slip"


@dataclass(frozen=True, slots=True)
class ShopInfo:
    """The shop header and the policy footer (one tuple of lines per language).

    Set once in Settings (`pos.domain.shop_identity`); `card_validity_months` is how long a
    gift card or store credit is valid from its issue (0: no end date), printed on its slip.
    """

    name: str
    address_lines: tuple[str, ...] = ()
    vat_id: str = ""
    phone: str = ""
    footer_fr: tuple[str, ...] = ()
    footer_en: tuple[str, ...] = ()
    siret: str = ""
    card_validity_months: int = 0

    def footer(self, language: str) -> tuple[str, ...]:
        """The policy footer in `language` ("fr" or "en")."""
        return self.footer_en if language == "en" else self.footer_fr


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    """One printed line: an item (returned or new) or a fee; `amount` is for all units.

    An item prints as "2 x name"; quantity 0 marks a charge that is not an item (shipping).
    A fee's `name` is its kind ("restocking", "flat_return"), worded by the renderer.
    A line returned without a receipt says how it was valued: `basis` (a
    `pos.domain.no_receipt.ValuationBasis` value) and, for the lowest price sold, `sold_on`.
    """

    name: str
    options: str
    quantity: int
    amount: Money
    basis: str = ""
    sold_on: date | None = None


@dataclass(frozen=True, slots=True)
class ReceiptVat:
    """The document's VAT at one rate, signed like the balance (new items minus returned).

    `total` (TTC) is what the lines at this rate add up to, `amount` (TVA) their tax and
    `base` (HT) the difference: base + amount == total exactly.
    """

    rate: Decimal  # percent
    amount: Money  # the tax (TVA)
    total: Money  # tax included (TTC)

    @property
    def base(self) -> Money:
        """Without tax (HT)."""
        return self.total - self.amount


def vat_breakdown(
    lines: Iterable[tuple[Decimal, int, int]], currency: str
) -> tuple[ReceiptVat, ...]:
    """One `ReceiptVat` per rate from `(rate, signed amount tax in, signed tax)` lines.

    Sums of integer minor units, nothing re-rounded: the TVA column adds up to the lines'
    tax and HT + TVA to TTC, to the cent. Highest rate first; a rate whose lines cancel out
    (an even like-for-like swap) is left out, and so is everything when no line carries a
    rate (a shop that charges no VAT).
    """
    totals: dict[Decimal, list[int]] = {}
    for rate, amount, tax in lines:
        entry = totals.setdefault(rate.normalize(), [0, 0])
        entry[0] += amount
        entry[1] += tax
    if all(rate == 0 for rate in totals) and all(tax == 0 for _, tax in totals.values()):
        return ()  # no line carries VAT
    return tuple(
        ReceiptVat(rate, Money(tax, currency), Money(amount, currency))
        for rate, (amount, tax) in sorted(totals.items(), reverse=True)
        if amount or tax
    )


@dataclass(frozen=True, slots=True)
class ReceiptTender:
    """Money moved: `method` is a `TenderMethod` value; `reference` an approval or a code."""

    method: str
    amount: Money
    reference: str = ""


@dataclass(frozen=True, slots=True)
class ReceiptGiftCard:
    """A card issued by the document: its full code, issued amount and current balance."""

    code: str
    amount: Money
    kind: str  # gift_card or store_credit
    balance: Money | None = None  # None: the issued amount (a fresh card)
    valid_until: date | None = None  # the last day it is accepted; None: no end date

    def __post_init__(self) -> None:
        if self.kind not in CARD_KINDS:
            raise ValueError(f"unknown card kind {self.kind!r}")
        if not self.code:
            raise ValueError("a gift card needs a code")

    @property
    def current_balance(self) -> Money:
        """What the card holds now (the issued amount when not told otherwise)."""
        return self.amount if self.balance is None else self.balance


@dataclass(frozen=True, slots=True)
class Receipt:
    """Everything one receipt prints. `balance` is signed like the document's (< 0: owed back).

    `qr_payload` is scanned back into the sales-history search (`CPT:D:<number>`);
    `open_drawer` kicks the cash drawer after printing.
    """

    kind: ReceiptKind
    language: str
    shop: ShopInfo
    document_number: str
    created_at: datetime
    terminal_id: str
    cashier_name: str
    approver_names: tuple[str, ...]
    order_number: str
    returned: tuple[ReceiptLine, ...]
    new_items: tuple[ReceiptLine, ...]
    fees: tuple[ReceiptLine, ...]
    balance: Money
    balance_kind: str
    tenders: tuple[ReceiptTender, ...]
    change_due: Money
    gift_card: ReceiptGiftCard | None
    qr_payload: str
    duplicate: bool = False
    open_drawer: bool = False
    note: str = ""
    time_zone: str = "Europe/Paris"
    vat: tuple[ReceiptVat, ...] = ()  # per rate, highest first; empty prints no VAT table
    customer_name: str = ""  # a no-receipt return's customer (it has no order)

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise ValueError(f"receipts are printed in {LANGUAGES}, not {self.language!r}")
        if self.created_at.tzinfo is None:
            raise ValueError("created_at must be timezone-aware")
        if self.balance_kind not in BALANCE_KINDS:
            raise ValueError(f"unknown balance kind {self.balance_kind!r}")
        if self.kind is ReceiptKind.GIFT_CARD_SLIP and self.gift_card is None:
            raise ValueError("a gift card slip needs its gift card")

    @property
    def currency(self) -> str:
        """The document's currency."""
        return self.balance.currency


__all__ = [
    "Receipt",
    "ReceiptGiftCard",
    "ReceiptKind",
    "ReceiptLine",
    "ReceiptTender",
    "ReceiptVat",
    "ShopInfo",
    "vat_breakdown",
]
