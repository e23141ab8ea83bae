"""Each refusal of a return without a receipt is a sentence with its figures, in both languages."""

from __future__ import annotations

import pytest

from pos.domain.money import Money
from pos.domain.no_receipt import NoReceiptRefusedError
from pos.services.errors import ApprovalRequiredError
from pos.ui.messages import code_text, error_text, has_text

CODES = ["no_receipt_not_sold", "no_receipt_final_sale", "no_receipt_quantity",
         "no_receipt_customer_limit", "no_receipt_day_limit", "no_receipt_reason_required",
         "no_receipt_customer_required", "no_receipt_refund_method", "no_receipt_disposition",
         "customer_not_found", "no_cash_session"]  # fmt: skip


@pytest.mark.parametrize("code", CODES)
def test_every_code_has_its_own_sentence(code: str) -> None:
    assert has_text(code)
    assert code_text(code, {}, "en_US") != code_text("no_such_code", {}, "en_US")


def test_the_limits_are_said_with_what_is_left_and_asked() -> None:
    error = NoReceiptRefusedError("no_receipt_day_limit", left=Money(2010, "EUR"),
                                  asked=Money(7990, "EUR"), count_left=3)  # fmt: skip
    assert error_text(error, "en_US") == (
        "Over the shop's limit for today without a receipt: €20.10 is left, €79.90 asked. "
        "Take fewer items back, or come back tomorrow.")  # fmt: skip


def test_a_day_whose_count_is_used_up_says_so_not_an_amount() -> None:
    error = NoReceiptRefusedError("no_receipt_day_limit", left=Money(30000, "EUR"),
                                  asked=Money(7990, "EUR"), count_left=0)  # fmt: skip
    assert error_text(error, "en_US") == (
        "The shop has taken back today all the returns without a receipt it allows. Come back "
        "tomorrow, or call a manager.")  # fmt: skip


@pytest.mark.usefixtures("french")
def test_in_french_with_french_amounts() -> None:
    error = NoReceiptRefusedError("no_receipt_customer_limit", left=Money(5000, "EUR"),
                                  asked=Money(7990, "EUR"))  # fmt: skip
    text = error_text(error, "fr_FR").replace("\u202f", " ").replace("\xa0", " ")
    assert text == ("Au-delà du plafond sans ticket de ce client : il reste 50,00 €, 79,90 € "
                    "demandés. Reprenez moins d'articles.")  # fmt: skip
    approval = ApprovalRequiredError(("no_receipt",))
    assert "retour sans ticket" in error_text(approval, "fr_FR")
