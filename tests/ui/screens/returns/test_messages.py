"""Every refusal code of docs/returns-rules.md and every service error has a sentence."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pos.domain.errors import ReturnRefusedError, SettlementError
from pos.domain.money import Money
from pos.domain.policy import ApprovalRule
from pos.services.errors import (
    ApprovalRequiredError,
    OperatorDisabledError,
    OperatorUnknownError,
    PinLockedError,
    WrongPinError,
)
from pos.services.returns import ReturnsError
from pos.ui.messages import code_text, error_text, has_text, rule_text

RULES_DOC = Path(__file__).resolve().parents[4] / "docs" / "returns-rules.md"
SERVICE_CODES = [
    "order_not_found",
    "order_cancelled",
    "variant_not_found",
    "gift_card_not_found",
    "not_enough_stock",
    "permission_denied",
    "approval_required",
    "unknown_user",
    "user_disabled",
    "wrong_pin",
    "pin_locked",
    "card_declined",
    "card_terminal_timeout",
    "card_cancelled",
    "approval_code_invalid",
    "card_terminal_error",
    "database_unavailable",
    "operator_disabled",
    "operator_unknown",
]


def documented_codes() -> list[str]:
    table = [
        line
        for line in RULES_DOC.read_text(encoding="utf-8").splitlines()
        if line.startswith("| `")
    ]
    return sorted(
        {code for line in table for code in re.findall(r"`([a-z_]+)`", line.split("|")[1])}
    )


def test_the_table_of_codes_is_read() -> None:
    assert len(documented_codes()) >= 35


@pytest.mark.parametrize("code", documented_codes() + SERVICE_CODES)
def test_every_code_has_its_own_sentence(code: str) -> None:
    assert has_text(code)
    assert code_text(code, {}, "en_US") != code_text("no_such_code", {}, "en_US")


def test_amounts_are_formatted_for_the_locale() -> None:
    error = SettlementError(
        "gift_card_insufficient",
        gift_card_code="GC-1",
        balance=Money(2000, "EUR"),
        asked=Money(3000, "EUR"),
    )
    assert error_text(error, "en_US") == (
        "Gift card GC-1 holds only €20.00 (€30.00 asked). "
        "Lower the amount and take the rest another way."
    )


def test_refusals_say_what_to_do_next() -> None:
    error = ReturnRefusedError("over_return", line_id="1", name="Tee M", returnable=1, requested=2)
    assert error_text(error, "en_US") == (
        "Only 1 × “Tee M” can still come back (2 asked). Lower the quantity."
    )
    assert "search by name" in error_text(ReturnsError("variant_not_found", code="X1"), "en_US")


def test_pin_errors_count_down_and_lock() -> None:
    assert "3 tries are left" in error_text(WrongPinError(3), "en_US")
    assert "One more wrong try" in error_text(WrongPinError(1), "en_US")
    locked = error_text(PinLockedError(datetime(2026, 11, 20, 15, 5, tzinfo=UTC)), "en_US")
    assert "locked until" in locked and "?" not in locked


def test_approvals_name_their_rules() -> None:
    text = error_text(ApprovalRequiredError(["over_threshold", "final_sale"]), "en_US")
    assert "refund above the limit, final-sale item" in text
    assert all(rule_text(rule) != rule.value for rule in ApprovalRule)


def test_a_bug_gets_a_safe_sentence(caplog: pytest.LogCaptureFixture) -> None:
    assert "nothing was saved" in error_text(RuntimeError("boom"), "en_US")
    assert "unexpected error" in caplog.text


def test_an_account_changed_since_login_is_worded_on_every_screen(qapp) -> None:  # type: ignore[no-untyped-def]
    from pos.app import install_translators  # noqa: PLC0415
    from pos.ui.screens.settings.models import refusal_text  # noqa: PLC0415

    disabled, gone = OperatorDisabledError("camille"), OperatorUnknownError("ghost")
    assert error_text(disabled, "en_US") == (
        "camille's account has been switched off: nothing was saved. Log out and ask a manager.")
    assert error_text(gone, "en_US").startswith("The account ghost no longer exists")
    assert refusal_text(disabled) == error_text(disabled, "en_US")  # settings say the same
    translators = install_translators(qapp, "fr")
    try:
        assert error_text(disabled, "fr_FR") == (
            "Le compte de camille a été désactivé : rien n'a été enregistré. Déconnectez-vous "
            "et demandez à un responsable.")
        assert error_text(gone, "fr_FR").startswith("Le compte ghost n'existe plus")
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
