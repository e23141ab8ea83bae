"""The card-terminal port, and the stand-alone terminal whose approval code the cashier types.

A terminal charges or refunds one amount and answers with a `CardOutcome`; the approval code
it gives goes into `Tender.reference` (pos/domain/settlement.py). Drivers (pos/hardware) satisfy
`CardTerminal` structurally and are injected by pos/app.py; services never import them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from pos.domain.money import Money

APPROVAL_CODE = re.compile(r"[A-Z0-9]{4,12}")  # what terminals print: 6 is usual, 4–12 seen


class CardStatus(StrEnum):
    APPROVED = "approved"
    DECLINED = "declined"
    TIMEOUT = "timeout"  # no answer: the charge may or may not have gone through
    CANCELLED = "cancelled"  # the cashier (or the customer) gave up; nothing was charged


class CardOutcome(Protocol):
    """What any terminal answers; `CardResult` is the canonical one (see `as_card_result`)."""

    @property
    def status(self) -> str: ...

    @property
    def approval_code(self) -> str: ...

    @property
    def message_code(self) -> str: ...


@dataclass(frozen=True, slots=True)
class CardResult:
    """The answer of a card terminal.

    Attributes:
        status: How it ended.
        approval_code: The terminal's approval code when approved (for `Tender.reference`).
        message_code: Why it was not approved, for the UI to translate ("" when approved).
    """

    status: CardStatus
    approval_code: str = ""
    message_code: str = ""

    @property
    def approved(self) -> bool:
        return self.status is CardStatus.APPROVED


class CardTerminal(Protocol):
    """A card terminal. Calls block until the terminal answers: never on the GUI thread,
    except `StandaloneTerminal`, whose answer *is* a dialog on the GUI thread."""

    def charge(self, amount: Money, *, reference: str) -> CardOutcome:
        """Collect `amount` (positive) for the counter document `reference`."""
        ...

    def refund(self, amount: Money, *, reference: str) -> CardOutcome:
        """Give back `amount` (positive) to the card, for the counter document `reference`."""
        ...


def as_card_result(outcome: CardOutcome) -> CardResult:
    """The canonical `CardResult` of any terminal's answer; a status we do not know is a
    decline (`card_terminal_error`), never an approval."""
    try:
        status = CardStatus(outcome.status)
    except ValueError:
        return CardResult(CardStatus.DECLINED, message_code="card_terminal_error")
    code = outcome.approval_code if status is CardStatus.APPROVED else ""
    return CardResult(status, code, outcome.message_code)


ConfirmApproval = Callable[[Money, str], "str | None"]


class StandaloneTerminal:
    """A terminal not connected to the till: the cashier keys the amount on it, then types
    the approval code it prints into Comptoir.

    `confirm(amount, reference)` asks the cashier (the UI passes a dialog's `ask`) and returns
    the code typed, or None when cancelled. A refund is asked with a negative amount, as
    balances are signed elsewhere (negative: money to the customer), so one dialog can say
    "Charge" or "Refund". The code is upper-cased and must be 4–12 letters or digits.
    """

    def __init__(self, confirm: ConfirmApproval) -> None:
        self._confirm = confirm

    def charge(self, amount: Money, *, reference: str) -> CardResult:
        _check_positive(amount)
        return self._ask(amount, reference)

    def refund(self, amount: Money, *, reference: str) -> CardResult:
        _check_positive(amount)
        return self._ask(-amount, reference)

    def _ask(self, signed: Money, reference: str) -> CardResult:
        answer = self._confirm(signed, reference)
        if answer is None:
            return CardResult(CardStatus.CANCELLED, message_code="card_cancelled")
        code = answer.strip().upper() if isinstance(answer, str) else ""
        if not APPROVAL_CODE.fullmatch(code):
            return CardResult(CardStatus.DECLINED, message_code="approval_code_invalid")
        return CardResult(CardStatus.APPROVED, approval_code=code)


def _check_positive(amount: Money) -> None:
    if amount.minor <= 0:  # tenders are positive (settlement.py): anything else is a bug
        raise ValueError(f"card amounts must be positive, got {amount}")
