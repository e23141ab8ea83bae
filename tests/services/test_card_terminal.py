"""The card-terminal port: the stand-alone terminal's typed approval code, the simulated one."""

from __future__ import annotations

import pytest

from pos.domain.money import Money
from pos.hardware.card_terminals import SimulatedTerminal, TerminalCall
from pos.services.card_terminal import (
    CardResult,
    CardStatus,
    CardTerminal,
    StandaloneTerminal,
    as_card_result,
)

EUR = Money(4250, "EUR")


class Cashier:
    """The confirmation dialog's seam: answers in turn, remembers what it was asked."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.asked: list[tuple[Money, str]] = []

    def __call__(self, amount: Money, reference: str) -> str | None:
        self.asked.append((amount, reference))
        return self.answers.pop(0)


def test_the_cashier_types_the_approval_code() -> None:
    cashier = Cashier(" a1b2c3 ")
    result = StandaloneTerminal(cashier).charge(EUR, reference="T1-000042")
    assert result == CardResult(CardStatus.APPROVED, approval_code="A1B2C3")
    assert result.approved and result.status == "approved"
    assert cashier.asked == [(EUR, "T1-000042")]


def test_a_refund_is_asked_with_a_negative_amount() -> None:
    cashier = Cashier("123456")
    result = StandaloneTerminal(cashier).refund(EUR, reference="T1-000043")
    assert result.approved
    assert cashier.asked == [(Money(-4250, "EUR"), "T1-000043")]


def test_cancelling_the_dialog_cancels_the_payment() -> None:
    result = StandaloneTerminal(Cashier(None)).charge(EUR, reference="T1-1")
    assert result == CardResult(CardStatus.CANCELLED, message_code="card_cancelled")


@pytest.mark.parametrize(
    "code", ["", "123", "1234567890123", "12 34", "ABC-123", "ÉCLAIR", "１２３４"]
)
def test_an_implausible_code_is_declined(code: str) -> None:
    result = StandaloneTerminal(Cashier(code)).charge(EUR, reference="T1-1")
    assert result == CardResult(CardStatus.DECLINED, message_code="approval_code_invalid")


@pytest.mark.parametrize("code", ["1234", "123456789012", "0a9Z"])
def test_codes_of_four_to_twelve_letters_or_digits_are_accepted(code: str) -> None:
    result = StandaloneTerminal(Cashier(code)).charge(EUR, reference="T1-1")
    assert result.approval_code == code.upper()


@pytest.mark.parametrize("terminal", [StandaloneTerminal(Cashier()), SimulatedTerminal()])
@pytest.mark.parametrize("amount", [Money(0, "EUR"), Money(-1, "EUR")])
def test_amounts_must_be_positive(terminal: CardTerminal, amount: Money) -> None:
    with pytest.raises(ValueError, match="positive"):
        terminal.charge(amount, reference="T1-1")
    with pytest.raises(ValueError, match="positive"):
        terminal.refund(amount, reference="T1-1")


def test_the_simulated_terminal_follows_its_script_round_and_round() -> None:
    terminal: CardTerminal = SimulatedTerminal(("approve", "decline", "timeout", "cancel"))
    results = [as_card_result(terminal.charge(EUR, reference=f"D{i}")) for i in range(5)]
    assert results == [
        CardResult(CardStatus.APPROVED, "SIM000001"),
        CardResult(CardStatus.DECLINED, message_code="card_declined"),
        CardResult(CardStatus.TIMEOUT, message_code="card_terminal_timeout"),
        CardResult(CardStatus.CANCELLED, message_code="card_cancelled"),
        CardResult(CardStatus.APPROVED, "SIM000002"),
    ]


def test_the_simulated_terminal_records_calls_and_waits_its_delay() -> None:
    waits: list[float] = []
    terminal = SimulatedTerminal(delay_ms=1500, sleep=waits.append)
    assert as_card_result(terminal.refund(EUR, reference="T1-9")).approval_code == "SIM000001"
    assert terminal.calls == [TerminalCall("refund", EUR, "T1-9")]
    assert waits == [1.5]


@pytest.mark.parametrize("script", [(), ("approve", "explode")])
def test_a_bad_script_is_refused(script: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="script"):
        SimulatedTerminal(script)


def test_an_unknown_status_from_a_driver_is_a_decline_never_an_approval() -> None:
    class Odd:
        status, approval_code, message_code = "maybe", "X1234", ""

    assert as_card_result(Odd()) == CardResult(
        CardStatus.DECLINED, message_code="card_terminal_error"
    )
