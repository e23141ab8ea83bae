"""Gift cards and store credit outside a counter document: register a paper card, read a balance.

A card sold on paper before Comptoir is registered once with what it still holds (an
``issue`` entry with no document, audited); from then on it is redeemed at the counter like
any other card. Codes are normalised by `pos.domain.scan.card_code` (case, spaces and dashes
do not count), the same rule the returns desk uses for a pre-printed card it issues.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pos.db import returns as repo
from pos.db.audit import DbSession
from pos.db.customers import customer_exists
from pos.db.engine import SessionFactory
from pos.domain.clock import Clock
from pos.domain.money import Money
from pos.domain.roles import Operator, Permission
from pos.domain.scan import card_code
from pos.domain.settlement import Tender, TenderMethod
from pos.services.access import require
from pos.services.audit import audit_action
from pos.services.errors import ServiceError

KINDS = ("gift_card", "store_credit")


class GiftCardError(ServiceError):
    """A card refused. Codes: ``gift_card_code_invalid``, ``gift_card_code_taken``,
    ``gift_card_not_found``, ``gift_card_amount_invalid``, ``gift_card_kind_invalid``,
    ``customer_not_found``."""

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code  # one class, many codes (like ReturnsError)
        super().__init__(**params)


@dataclass(frozen=True, slots=True)
class GiftCardView:
    """A card and what it holds now (the sum of its ledger)."""

    code: str
    kind: str  # gift_card or store_credit
    balance: Money


class GiftCardService:
    """Register existing cards and read balances; one transaction per call."""

    def __init__(self, *, sessions: SessionFactory, clock: Clock) -> None:
        self._sessions, self._clock = sessions, clock

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
        return GiftCardView(normalised, kind, amount)

    def balance(self, code: str) -> GiftCardView:
        """What the card with this code holds now.

        Raises:
            GiftCardError: ``gift_card_code_invalid`` or ``gift_card_not_found``.
        """
        normalised = _code(code)
        with self._sessions() as s:
            found = repo.gift_card(s, normalised)
        if found is None:
            raise GiftCardError("gift_card_not_found", code=normalised)
        return GiftCardView(normalised, found[0], found[1])


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
