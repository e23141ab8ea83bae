"""Gift cards and store credit outside a counter document: register a paper card, read a balance.

A card sold on paper before Comptoir is registered once with what it still holds (an
``issue`` entry with no document, audited); from then on it is redeemed at the counter like
any other card. Codes are normalised by `pos.domain.scan.card_code` (case, spaces and dashes
do not count), the same rule the returns desk uses for a pre-printed card it issues.

A card is valid for Settings → Shop's `card_validity_months` from its issue day in the shop's
time zone (`card_validity`, what its slip printed as "valid until"; 0: no end date). Past that
day it can no longer pay: `check_usable` refuses it where cards are redeemed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from pos.db import returns as repo
from pos.db.audit import DbSession
from pos.db.customers import customer_exists
from pos.db.engine import SessionFactory
from pos.domain.clock import Clock
from pos.domain.money import Money
from pos.domain.roles import Operator, Permission
from pos.domain.scan import card_code
from pos.domain.settlement import Tender, TenderMethod
from pos.domain.shop_identity import ShopIdentity, card_valid_until
from pos.services.access import require
from pos.services.audit import audit_action
from pos.services.errors import ServiceError
from pos.services.shop import load_identity

KINDS = ("gift_card", "store_credit")


class GiftCardError(ServiceError):
    """A card refused. Codes: ``gift_card_code_invalid``, ``gift_card_code_taken``,
    ``gift_card_not_found``, ``gift_card_amount_invalid``, ``gift_card_kind_invalid``,
    ``customer_not_found``, ``gift_card_expired`` (params ``code``, ``valid_until``: a
    `date`, the card's last valid day)."""

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code  # one class, many codes (like ReturnsError)
        super().__init__(**params)


@dataclass(frozen=True, slots=True)
class GiftCardView:
    """A card and what it holds now (the sum of its ledger).

    Attributes:
        valid_until: Its last valid day; None when the shop's cards have no end date.
        expired: Past `valid_until`: the card can no longer pay, whatever it holds.
    """

    code: str
    kind: str  # gift_card or store_credit
    balance: Money
    valid_until: date | None = None
    expired: bool = False


def card_validity(s: DbSession, issued_at: datetime, now: datetime,
                  zone: ZoneInfo) -> tuple[date | None, bool]:
    """(last valid day, expired?) of a card issued at `issued_at`, as its slip printed it.

    The months are Settings → Shop's now (12 until an admin saves the identity, as receipts
    print them); the days are the shop's. Runs in the caller's transaction.
    """
    months = load_identity(s, ShopIdentity("")).card_validity_months
    until = card_valid_until(issued_at.astimezone(zone).date(), months)
    return until, until is not None and now.astimezone(zone).date() > until


def check_usable(s: DbSession, card: repo.StoredCard, now: datetime, zone: ZoneInfo) -> None:
    """Refuse a card past its validity, before anything is written (the caller's transaction).

    Raises:
        GiftCardError: ``gift_card_expired`` with the card's code and its last valid day.
    """
    until, expired = card_validity(s, card.issued_at, now, zone)
    if expired:
        raise GiftCardError("gift_card_expired", code=card.code, valid_until=until)


class GiftCardService:
    """Register existing cards and read balances; one transaction per call.

    Args:
        time_zone: The shop's, in which a card's issue day (hence its validity) is read.
    """

    def __init__(self, *, sessions: SessionFactory, clock: Clock,
                 time_zone: str = "Europe/Paris") -> None:
        self._sessions, self._clock, self._zone = sessions, clock, ZoneInfo(time_zone)

    def register(
        self, operator: Operator, code: str, amount: Money, *, kind: str = "gift_card",
        note: str = "", customer_id: int | None = None,
    ) -> GiftCardView:  # fmt: skip
        """Record a card sold before Comptoir (on paper) with the balance it still holds.

        Args:
            operator: A manager or an administrator (the CLI's local administrator too).
            code: The code printed on the card, as typed or scanned.
            amount: What the card still holds; more than zero.
            kind: ``"gift_card"`` or ``"store_credit"``.
            note: Kept in the audit entry (e.g. the paper register's page).
            customer_id: The customer the card belongs to (shown in their customer view).

        Raises:
            PermissionDeniedError: A cashier.
            GiftCardError: ``gift_card_code_invalid``, ``gift_card_code_taken``,
                ``gift_card_amount_invalid``, ``gift_card_kind_invalid`` or
                ``customer_not_found``.
        """
        require(operator, Permission.REGISTER_GIFT_CARD)
        normalised = _code(code)
        if amount.minor <= 0:
            raise GiftCardError("gift_card_amount_invalid", amount=str(amount))
        if kind not in KINDS:
            raise GiftCardError("gift_card_kind_invalid", kind=kind)
        now = self._clock.now()
        with self._sessions.begin() as s:
            if repo.gift_card_exists(s, normalised):
                raise GiftCardError("gift_card_code_taken", code=normalised)
            if customer_id is not None and not customer_exists(s, customer_id):
                raise GiftCardError("customer_not_found", customer_id=customer_id)
            repo.issue_gift_card(s, amount=amount, kind=kind, customer_id=customer_id,
                                 document_id=None, now=now, code=normalised)  # fmt: skip
            audit_action(s, operator=operator, action="gift_card_registered",
                         subject=normalised, now=now,
                         data={"amount": amount.minor, "currency": amount.currency,
                               "kind": kind, "note": note[:200],
                               "customer": customer_id})  # fmt: skip
            until, _ = card_validity(s, now, now, self._zone)
        return GiftCardView(normalised, kind, amount, until)

    def balance(self, code: str) -> GiftCardView:
        """What the card with this code holds now, and whether it can still pay.

        Raises:
            GiftCardError: ``gift_card_code_invalid`` or ``gift_card_not_found``.
        """
        normalised = _code(code)
        with self._sessions() as s:
            found = repo.stored_card(s, normalised)
            if found is None:
                raise GiftCardError("gift_card_not_found", code=normalised)
            until, expired = card_validity(s, found.issued_at, self._clock.now(), self._zone)
        return GiftCardView(normalised, found.kind, found.balance, until, expired)


def _code(text: str) -> str:
    code = card_code(text)
    if code is None:
        raise GiftCardError("gift_card_code_invalid", code=text[:40])
    return code


def chosen_card_codes(s: DbSession, tenders: Sequence[Tender]) -> list[str | None]:
    """Per tender, the code chosen for a new card (a pre-printed card), normalised; else None.

    Runs inside the returns desk's commit transaction (`s`).

    Raises:
        ServiceError: ``gift_card_code_invalid`` (not a card code) or ``gift_card_code_taken``
            (another card has it, or two new cards of this document would share it).
    """
    codes: list[str | None] = []
    for tender in tenders:
        new = tender.method in (TenderMethod.NEW_GIFT_CARD, TenderMethod.STORE_CREDIT)
        if not new or not tender.gift_card_code:
            codes.append(None)
            continue
        code = _code(tender.gift_card_code)
        if code in codes or repo.gift_card_exists(s, code):
            raise GiftCardError("gift_card_code_taken", code=code)
        codes.append(code)
    return codes
