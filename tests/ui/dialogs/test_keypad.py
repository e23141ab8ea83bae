"""Keypads: digits in, amounts as whole cents, PINs never shown."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from pos.domain.money import Money
from pos.ui.dialogs.keypad import AmountKeypad, CardApprovalDialog, Keypad, KeypadMode


def tap(widget, keys: list[str]) -> None:  # type: ignore[no-untyped-def]
    for key in keys:
        widget.findChild(QPushButton, f"key_{key}").click()


def test_amount_keypad_shifts_digits_in_as_cents(qtbot: QtBot) -> None:
    keypad = AmountKeypad(currency="EUR", locale="en_US")
    qtbot.addWidget(keypad)
    with qtbot.waitSignal(keypad.amount_changed):
        tap(keypad, ["1", "2", "5", "00"])
    assert keypad.amount() == Money(12500, "EUR")
    assert keypad.findChild(QLabel, "amountDisplay").text() == "€125.00"
    tap(keypad, ["⌫"])
    assert keypad.amount() == Money(1250, "EUR")
    keypad.set_amount(Money(2000, "EUR"))
    assert keypad.amount() == Money(2000, "EUR")


def test_pin_keypad_clears_and_caps_length(qtbot: QtBot) -> None:
    keypad = Keypad(mode=KeypadMode.PIN)
    qtbot.addWidget(keypad)
    tap(keypad, list("123456789"))
    assert keypad.text == "12345678"
    tap(keypad, ["C"])
    assert keypad.text == ""
    assert all(b.height() >= 48 or not b.isVisible() for b in keypad.findChildren(QPushButton))


def test_card_approval_dialog_upper_cases_the_code(qtbot: QtBot) -> None:
    dialog = CardApprovalDialog(amount=Money(-2000, "EUR"), reference="5001", locale="en_US")
    qtbot.addWidget(dialog)
    assert "Refund €20.00" in dialog.findChild(QLabel).text()
    qtbot.keyClicks(dialog.findChild(type(dialog._code), "approvalCode"), "ab12cd")
    assert dialog.code() == "AB12CD"
