"""The PIN pad: digits in, dots shown, the PIN out once on OK; big keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from pos.ui.pin_pad import KEY_SIZE, MASK, PinPad


def key(pad: PinPad, name: str) -> QPushButton:
    return pad.findChild(QPushButton, name)


def press(qtbot: QtBot, pad: PinPad, *names: str) -> None:
    for name in names:
        qtbot.mouseClick(key(pad, name), Qt.MouseButton.LeftButton)


def test_a_masked_pad_shows_dots_and_hands_the_pin_over_once(qtbot: QtBot) -> None:
    pad = PinPad()
    qtbot.addWidget(pad)
    press(qtbot, pad, "pinKey2", "pinKey5", "pinKey8", "pinKey0")
    display = pad.findChild(QLabel, "pinDisplay")
    assert display.text() == MASK * 4 and "2580" not in display.text()
    assert pad.value == ""  # a PIN never leaves through a getter
    with qtbot.waitSignal(pad.submitted) as signal:
        press(qtbot, pad, "pinOk")
    assert signal.args == ["2580"]
    assert pad.length == 0 and display.text() == ""


def test_back_clear_and_the_length_limit(qtbot: QtBot) -> None:
    pad = PinPad(masked=False, max_length=3)
    qtbot.addWidget(pad)
    press(qtbot, pad, "pinKey1", "pinKey2", "pinKey3", "pinKey4")
    assert pad.value == "123"
    press(qtbot, pad, "pinBack")
    assert pad.value == "12"
    with qtbot.waitSignal(pad.length_changed) as signal:
        press(qtbot, pad, "pinClear")
    assert signal.args == [0] and pad.value == ""
    assert not key(pad, "pinOk").isEnabled()  # nothing to submit


def test_an_unmasked_pad_keeps_its_figure_after_ok_and_takes_keyboard_digits(
    qtbot: QtBot,
) -> None:
    pad = PinPad(masked=False, accept_text="Adjust")
    qtbot.addWidget(pad)
    qtbot.keyClicks(pad, "42")
    assert key(pad, "pinOk").text() == "Adjust"
    with qtbot.waitSignal(pad.submitted) as signal:
        qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert signal.args == ["42"] and pad.value == "42"


def test_every_key_is_at_least_64_px(qtbot: QtBot) -> None:
    pad = PinPad()
    qtbot.addWidget(pad)
    pad.show()
    keys = pad.findChildren(QPushButton)
    assert len(keys) == 13  # ten digits, clear, back, OK
    for button in keys:
        assert button.minimumWidth() >= KEY_SIZE and button.minimumHeight() >= KEY_SIZE
        assert button.height() >= KEY_SIZE
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
