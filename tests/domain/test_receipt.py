"""Receipt values refuse what no layout could print."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from pos.domain.money import Money
from pos.domain.receipt import ReceiptGiftCard, ReceiptKind
from tests.hardware.test_receipt_render import base


def test_receipts_are_checked() -> None:
    receipt = base()
    with pytest.raises(ValueError):
        replace(receipt, language="de")
    with pytest.raises(ValueError):
        replace(receipt, created_at=datetime(2026, 11, 20, 15, 5))
    with pytest.raises(ValueError):
        replace(receipt, balance_kind="sideways")
    with pytest.raises(ValueError):
        replace(receipt, kind=ReceiptKind.GIFT_CARD_SLIP)
    assert receipt.currency == "EUR" and receipt.shop.footer("en")[0].startswith("Exchanges")


def test_gift_cards_are_checked() -> None:
    card = ReceiptGiftCard("ABCD", Money(500, "EUR"), "gift_card")
    assert card.current_balance == Money(500, "EUR")
    with pytest.raises(ValueError):
        ReceiptGiftCard("ABCD", Money(500, "EUR"), "voucher")
    with pytest.raises(ValueError):
        ReceiptGiftCard("", Money(500, "EUR"), "gift_card")
