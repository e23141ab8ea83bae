"""`PinPad`: a touch keypad for a PIN (masked) or a count (shown): 0–9, clear, back, OK."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

KEY_SIZE = 64  # px: a key for a thumb (STYLE.md asks >= 48 px for any target)
MASK = "●"
_ROWS = ("123", "456", "789")
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# The pad's own look, whatever screen hosts it (the app's buttons are wider than a key).
PAD_QSS = """
QPushButton { min-width: 64px; padding: 0; font-size: 26px; }
#pinDisplay { font-size: 34px; background: #ffffff; border: 2px solid #9aa5ae;
              border-radius: 10px; }
"""


class PinPad(QWidget):
    """A keypad that collects digits and hands them over on OK.

    The digits live only here and leave through `submitted`; a masked pad shows one dot per
    digit and never the digits. Digits typed on a keyboard work too.

    Args:
        masked: show dots (a PIN) or the digits (a count).
        max_length: digits accepted; more are ignored.
        accept_text: the OK key's text; a translated "OK" when None.

    Signals:
        submitted(str): OK was pressed with at least one digit; the pad is cleared (masked).
        length_changed(int): the number of digits entered changed.
    """

    submitted = Signal(str)
    length_changed = Signal(int)

    def __init__(
        self,
        *,
        masked: bool = True,
        max_length: int = 8,
        accept_text: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pinPad")
        self.setStyleSheet(PAD_QSS)
        self._masked, self._max_length, self._accept_text = masked, max_length, accept_text
        self._digits = ""
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()
        self._render()

    @property
    def length(self) -> int:
        return len(self._digits)

    @property
    def value(self) -> str:
        """The digits of an unmasked pad (a count); "" for a masked one (a PIN stays inside)."""
        return "" if self._masked else self._digits

    def set_accept_text(self, text: str) -> None:
        """Name the OK key after what it does ("Log in", "Adjust"); already translated."""
        self._accept_text = text
        self._ok_button.setText(text)

    def clear(self) -> None:
        """Forget the digits."""
        self._set_digits("")

    def set_value(self, digits: str) -> None:
        """Show `digits` (an unmasked pad's starting figure); non-digits are dropped."""
        self._set_digits("".join(c for c in digits if c.isascii() and c.isdigit()))

    def _build_ui(self) -> None:
        self._display = QLabel(objectName="pinDisplay")
        self._display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._display.setMinimumHeight(KEY_SIZE)
        self._keys: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        for row, digits in enumerate((*_ROWS, "C0<")):
            for column, key in enumerate(digits):
                button = self._key(key)
                grid.addWidget(button, row, column)
        self._ok_button = self._key("OK")
        self._ok_button.setProperty("primary", True)
        grid.addWidget(self._ok_button, len(_ROWS) + 1, 0, 1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._display)
        layout.addLayout(grid)

    def _key(self, key: str) -> QPushButton:
        names = {"C": "pinClear", "<": "pinBack", "OK": "pinOk"}
        button = QPushButton(key, objectName=names.get(key, f"pinKey{key}"))
        button.setMinimumSize(KEY_SIZE, KEY_SIZE)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a scanner keeps its own field
        self._keys[key] = button
        return button

    def _connect_signals(self) -> None:
        for key, button in self._keys.items():
            if key.isdigit():
                button.clicked.connect(lambda _=False, k=key: self._on_digit_clicked(k))
        self._keys["C"].clicked.connect(self._on_clear_button_clicked)
        self._keys["<"].clicked.connect(self._on_back_button_clicked)
        self._ok_button.clicked.connect(self._on_ok_button_clicked)

    def _retranslate_ui(self) -> None:
        self._keys["C"].setText(self.tr("Clear"))
        self._keys["<"].setText("⌫")
        self._keys["<"].setToolTip(self.tr("Remove the last digit"))
        self._ok_button.setText(self._accept_text or self.tr("OK"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_ui()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isascii() and text.isdigit() and len(text) == 1:
            self._on_digit_clicked(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self._on_back_button_clicked()
        elif event.key() in _ENTER_KEYS:
            self._on_ok_button_clicked()
        else:
            super().keyPressEvent(event)

    def _on_digit_clicked(self, digit: str) -> None:
        if len(self._digits) < self._max_length:
            self._set_digits(self._digits + digit)

    def _on_clear_button_clicked(self) -> None:
        self.clear()

    def _on_back_button_clicked(self) -> None:
        self._set_digits(self._digits[:-1])

    def _on_ok_button_clicked(self) -> None:
        if not self._digits:
            return
        digits = self._digits
        if self._masked:
            self.clear()  # the PIN leaves the pad once, never lingers on screen
        self.submitted.emit(digits)

    def _set_digits(self, digits: str) -> None:
        changed = len(digits) != len(self._digits)
        self._digits = digits
        self._render()
        if changed:
            self.length_changed.emit(len(digits))

    def _render(self) -> None:
        shown = MASK * len(self._digits) if self._masked else self._digits
        self._display.setText(shown)
        self._ok_button.setEnabled(bool(self._digits))
