"""Gift cards in the database: every code the db layer issues is one the scanner reads back."""

from __future__ import annotations

from pos.db.engine import SessionFactory
from pos.db.returns import gift_card_balance, issue_gift_card
from pos.domain.money import Money
from pos.domain.scan import ScanKind, ScanResult, classify_scan
from tests.support.builders import T0

# Were the db layer to drift from pos.domain.scan (a 0 or a 1 back in its alphabet, another
# length), a single code would show it more often than not; one of forty, all but surely.
CARDS = 40


def test_every_issued_code_is_recognised_when_scanned_and_found_again(
    sessions: SessionFactory,
) -> None:
    with sessions.begin() as s:
        issued = [
            issue_gift_card(s, amount=Money(1000 + n, "EUR"), kind="gift_card",
                            customer_id=None, document_id=None, now=T0)
            for n in range(CARDS)
        ]  # fmt: skip
    with sessions() as s:
        for n, (card_id, code) in enumerate(issued):
            typed = "-".join(code[i : i + 4] for i in range(0, len(code), 4)).lower()
            for text in (code, typed):  # scanned off the slip, or typed by a cashier
                scanned = classify_scan(text)
                assert scanned == ScanResult(ScanKind.GIFT_CARD, code)
                found = gift_card_balance(s, scanned.value, lock=False)
                assert found == (card_id, Money(1000 + n, "EUR"))
