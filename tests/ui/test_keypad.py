"""The keypad: PINs shown as dots and handed over once, counts, amounts as whole cents."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from pos.app import install_translators
from pos.domain.money import Money
from pos.ui.keypad import KEY_SIZE, MASK, AmountKeypad, Keypad, KeypadMode, PinPad


def key(pad: Keypad, name: str) -> QPushButton:
    found = pad.findChild(QPushButton, f"key_{name}")
    assert found is not None, name
    return found


def tap(qtbot: QtBot, pad: Keypad, *names: str) -> None:
    for name in names:
        qtbot.mouseClick(key(pad, name), Qt.MouseButton.LeftButton)


def test_a_pin_pad_shows_dots_and_hands_the_pin_over_once(qtbot: QtBot) -> None:
    pad = PinPad()
    qtbot.addWidget(pad)
    tap(qtbot, pad, "2", "5", "8", "0")
    display = pad.findChild(QLabel, "pinDisplay")
    assert display.text() == MASK * 4 and "2580" not in display.text()
    assert pad.value == ""  # a PIN never leaves through a getter
    with qtbot.waitSignal(pad.submitted) as signal:
        tap(qtbot, pad, "ok")
    assert signal.args == ["2580"]
    assert pad.length == 0 and display.text() == ""


def test_a_pin_pad_without_ok_caps_clears_and_is_taken_once(qtbot: QtBot) -> None:
    pad = PinPad(with_ok=False)  # the host's own button takes the PIN (manager approval)
    qtbot.addWidget(pad)
    assert pad.findChild(QPushButton, "key_ok") is None
    tap(qtbot, pad, *"123456789")
    assert pad.length == 8
    assert pad.take() == "12345678" and pad.length == 0
    tap(qtbot, pad, "4", "2")
    with qtbot.waitSignal(pad.length_changed) as signal:
        tap(qtbot, pad, "clear")
    assert signal.args == [0]


def test_back_clear_and_the_length_limit(qtbot: QtBot) -> None:
    pad = Keypad(mode=KeypadMode.COUNT, max_length=3)
    qtbot.addWidget(pad)
    tap(qtbot, pad, "1", "2", "3", "4")
    assert pad.value == "123"
    tap(qtbot, pad, "back")
    assert pad.value == "12"
    with qtbot.waitSignal(pad.length_changed) as signal:
        tap(qtbot, pad, "clear")
    assert signal.args == [0] and pad.value == ""
    assert not key(pad, "ok").isEnabled()  # nothing to submit


def test_a_count_keeps_its_figure_after_ok_and_takes_keyboard_digits(qtbot: QtBot) -> None:
    pad = Keypad(mode=KeypadMode.COUNT, accept_text="Adjust")
    qtbot.addWidget(pad)
    qtbot.keyClicks(pad, "42")
    assert key(pad, "ok").text() == "Adjust"
    assert pad.findChild(QLabel, "countDisplay").text() == "42"
    with qtbot.waitSignal(pad.submitted) as signal:
        qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert signal.args == ["42"] and pad.value == "42"


def test_an_amount_is_typed_as_money_not_cents(qtbot: QtBot) -> None:
    keypad = AmountKeypad(currency="EUR", locale="en_US")
    qtbot.addWidget(keypad)
    keypad.show()
    assert keypad.findChild(QPushButton, "key_clear") is None  # the separator sits left of 0
    assert key(keypad, "separator").text() == "."
    with qtbot.waitSignal(keypad.amount_changed):
        tap(qtbot, keypad, "5", "0")
    assert keypad.amount() == Money(5000, "EUR")  # "50" is fifty euros
    assert keypad.findChild(QLabel, "amountDisplay").text() == "€50.00"
    tap(qtbot, keypad, "back", "back", "1", "2", "separator", "5", "separator", "5", "9")
    assert keypad.amount() == Money(1255, "EUR")  # one separator, two decimals at most
    tap(qtbot, keypad, "back")
    assert keypad.amount() == Money(1250, "EUR")
    keypad.set_amount(Money(2000, "EUR"))
    assert keypad.amount() == Money(2000, "EUR")
    tap(qtbot, keypad, "0")  # typing goes on from the amount shown: 20 -> 200
    assert keypad.amount() == Money(20000, "EUR")
    keypad.set_locale("fr_FR")  # the language switched: same amount, French money
    assert keypad.findChild(QLabel, "amountDisplay").text() == "200,00\xa0€"
    assert key(keypad, "separator").text() == ","


def test_an_amount_in_a_currency_without_cents_has_no_separator(qtbot: QtBot) -> None:
    keypad = AmountKeypad(currency="JPY", locale="en_US")
    qtbot.addWidget(keypad)
    tap(qtbot, keypad, "1", "separator", "5")
    assert keypad.amount() == Money(15, "JPY")
    assert not key(keypad, "separator").isEnabled()


def test_an_amount_set_while_hidden_is_shown_with_the_keypad(qtbot: QtBot) -> None:
    """Money is worded when the keypad is seen (not while the app starts)."""
    keypad = AmountKeypad(currency="EUR", locale="fr_FR")
    qtbot.addWidget(keypad)
    keypad.set_amount(Money(4990, "EUR"))
    keypad.show()
    assert keypad.findChild(QLabel, "amountDisplay").text() == "49,90\xa0€"


def test_an_amount_takes_keyboard_digits_and_backspace(qtbot: QtBot) -> None:
    keypad = AmountKeypad(currency="EUR", locale="en_US")
    keypad.show()
    qtbot.addWidget(keypad)
    qtbot.keyClicks(keypad, "19,995")
    qtbot.keyClick(keypad, Qt.Key.Key_Backspace)
    assert keypad.amount() == Money(1990, "EUR")
    assert keypad.findChild(QLabel, "amountDisplay").text() == "€19.90"


CONFIGURATIONS: dict[str, tuple[Callable[[], Keypad], int]] = {
    "pin": (PinPad, 13),  # ten digits, clear, back, OK
    "pin without OK": (lambda: PinPad(with_ok=False), 12),
    "count": (lambda: Keypad(mode=KeypadMode.COUNT), 13),
    "amount": (lambda: AmountKeypad(currency="EUR", locale="en_US"), 12),  # ".", no clear/OK
}


@pytest.mark.parametrize("configuration", CONFIGURATIONS)
def test_every_key_is_at_least_64_px_and_never_takes_the_focus(
    qtbot: QtBot, configuration: str
) -> None:
    make, count = CONFIGURATIONS[configuration]
    pad = make()
    qtbot.addWidget(pad)
    pad.show()
    keys = pad.findChildren(QPushButton)
    assert len(keys) == count
    for button in keys:
        assert button.minimumWidth() >= KEY_SIZE and button.minimumHeight() >= KEY_SIZE
        assert button.height() >= KEY_SIZE
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_the_keys_are_retranslated_when_the_language_changes(
    qtbot: QtBot, qapp: QApplication
) -> None:
    pad = PinPad()
    qtbot.addWidget(pad)
    translators = install_translators(qapp, "fr")
    try:
        qtbot.waitUntil(lambda: key(pad, "clear").text() == "Effacer")  # LanguageChange is posted
        assert key(pad, "back").toolTip() == "Effacer le dernier chiffre"
        assert key(pad, "ok").text() == "OK"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    qtbot.waitUntil(lambda: key(pad, "clear").text() == "Clear")
