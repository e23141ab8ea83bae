"""The one on-screen keypad (`Keypad`) and its PIN and amount configurations."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from pos.domain.money import Money, exponent
from pos.ui.format import format_money
from pos.ui.retranslating import Retranslating

KEY_SIZE = 64  # px: a key for a thumb (STYLE.md asks >= 48 px for any target)
MASK = "●"
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# The pad's own look, whatever hosts it (the app's buttons are wider than a key). An amount's
# display is styled by the screen showing it (#amountDisplay in the returns desk's rules).
PAD_QSS = """
QPushButton { min-width: 64px; padding: 0; font-size: 26px; }
#pinDisplay, #countDisplay { font-size: 34px; background: #ffffff; border: 2px solid #9aa5ae;
                             border-radius: 10px; }
"""


class KeypadMode(StrEnum):
    """What the digits are: it decides the display, the key left of 0 and the length limit."""

    PIN = "pin"  # shown as dots; the digits leave once, then the pad forgets them
    COUNT = "count"  # shown as typed
    AMOUNT = "amount"  # money: 1, 2, ",", 5 -> 12.50; the decimal separator instead of Clear


MAX_DIGITS = {KeypadMode.PIN: 8, KeypadMode.COUNT: 6, KeypadMode.AMOUNT: 9}
MAX_WHOLE_DIGITS = 7  # an amount typed at the counter: up to 9,999,999 before the decimals
SEPARATOR_KEY = "separator"


class Keypad(Retranslating, QWidget):
    """A display over 1–9, Clear (or "00"), 0, erase and, unless the host has its own, OK.

    Keys never take the focus, so a scanner keeps typing where it did; digits, Backspace and
    Enter typed on a keyboard work too. A PIN's digits leave only through `submitted` or
    `take()`, and the pad forgets them as they go.

    Args:
        mode: what the digits are.
        max_length: digits accepted (more are ignored); the mode's `MAX_DIGITS` when None.
        accept_text: the OK key's text, already translated; a translated "OK" when None.
        with_ok: False when the host has its own button and reads the digits with `take()`.

    Signals:
        submitted(str): OK (or Enter) with at least one digit; see `take()`.
        length_changed(int): the number of digits entered changed.
    """

    submitted = Signal(str)
    length_changed = Signal(int)

    def __init__(
        self,
        *,
        mode: KeypadMode,
        max_length: int | None = None,
        accept_text: str | None = None,
        with_ok: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._mode, self._accept_text, self._with_ok = mode, accept_text, with_ok
        self._max_length = MAX_DIGITS[mode] if max_length is None else max_length
        self._digits = ""
        self.setObjectName("keypad")
        self.setStyleSheet(PAD_QSS)
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()
        self._render()

    @property
    def length(self) -> int:
        return len(self._digits)

    @property
    def value(self) -> str:
        """The digits of a count or an amount; "" for a PIN (it stays inside)."""
        return "" if self._mode is KeypadMode.PIN else self._digits

    def take(self) -> str:
        """The digits, handed over; a PIN pad forgets them so they never linger on screen."""
        digits = self._digits
        if self._mode is KeypadMode.PIN:
            self.clear()
        return digits

    def set_value(self, digits: str) -> None:
        """Start from `digits` (non-digits are dropped, the excess cut)."""
        kept = "".join(ch for ch in digits if ch.isascii() and ch.isdigit())
        self._set_digits(kept[: self._max_length])

    def clear(self) -> None:
        """Forget the digits."""
        self._set_digits("")

    def set_accept_text(self, text: str) -> None:
        """Name the OK key after what it does ("Log in", "Adjust"); already translated."""
        self._accept_text = text
        self._retranslate_ui()

    def _build_ui(self) -> None:
        self._display = QLabel(objectName=f"{self._mode}Display")
        self._display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._display.setMinimumHeight(KEY_SIZE)
        corner = SEPARATOR_KEY if self._mode is KeypadMode.AMOUNT else "clear"
        self._keys = {name: self._key(name) for name in (*"1234567890", corner, "back")}
        grid = QGridLayout()
        grid.setSpacing(8)
        for index, name in enumerate((*"123456789", corner, "0", "back")):
            grid.addWidget(self._keys[name], index // 3, index % 3)
        if self._with_ok:
            self._keys["ok"] = self._key("ok")
            self._keys["ok"].setProperty("primary", True)
            grid.addWidget(self._keys["ok"], 4, 0, 1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._display)
        layout.addLayout(grid)

    def _key(self, name: str) -> QPushButton:
        button = QPushButton(name if name.isdigit() else "", objectName=f"key_{name}")
        button.setMinimumSize(KEY_SIZE, KEY_SIZE)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a scanner keeps its own field
        return button

    def _connect_signals(self) -> None:
        for name, button in self._keys.items():
            button.clicked.connect(lambda _=False, n=name: self._on_key_clicked(n))

    def _retranslate_ui(self) -> None:
        if "clear" in self._keys:
            self._keys["clear"].setText(self.tr("Clear"))
        self._keys["back"].setText("⌫")
        self._keys["back"].setToolTip(self.tr("Remove the last digit"))
        if self._with_ok:
            self._keys["ok"].setText(self._accept_text or self.tr("OK"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if len(text) == 1 and text.isascii() and text.isdigit():
            self._on_key_clicked(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self._on_key_clicked("back")
        elif event.key() in _ENTER_KEYS and self._with_ok:
            self._on_key_clicked("ok")
        else:
            super().keyPressEvent(event)  # Enter without OK: the host's default button

    def _on_key_clicked(self, name: str) -> None:
        if name == "clear":
            self.clear()
        elif name == "back":
            self._set_digits(self._digits[:-1])
        elif name == "ok":
            if self._digits:
                self.submitted.emit(self.take())
        else:
            self._set_digits((self._digits + name)[: self._max_length])

    def _set_digits(self, digits: str) -> None:
        changed = len(digits) != len(self._digits)
        self._digits = digits
        self._render()
        if changed:
            self.length_changed.emit(len(digits))

    def _render(self) -> None:
        """Show the digits; called whenever they are set."""
        shown = MASK * len(self._digits) if self._mode is KeypadMode.PIN else self._digits
        self._display.setText(shown)
        if self._with_ok:
            self._keys["ok"].setEnabled(bool(self._digits))


class PinPad(Keypad):
    """The PIN configuration: one dot a digit; the PIN leaves once, by `submitted` or `take()`."""

    def __init__(
        self,
        *,
        accept_text: str | None = None,
        with_ok: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            mode=KeypadMode.PIN, accept_text=accept_text, with_ok=with_ok, parent=parent
        )


class AmountKeypad(Keypad):
    """The amount configuration: typed as money ("50" is 50.00, "12,5" is 12.50), never a float.

    The corner key is the decimal separator of the locale ("," or "."); a currency without
    minor units (JPY) has none. At most the currency's number of decimals can be typed, and
    `MAX_WHOLE_DIGITS` before them.

    Signals:
        amount_changed(object): the `Money` now shown.
    """

    amount_changed = Signal(object)

    def __init__(self, *, currency: str, locale: str, parent: QWidget | None = None) -> None:
        self._currency, self._locale = currency, locale  # read by the first `_render`
        super().__init__(mode=KeypadMode.AMOUNT, with_ok=False, parent=parent)
        self._display.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._render_separator()

    def amount(self) -> Money:
        """What is typed, in minor units: "12.5" in EUR is Money(1250, "EUR")."""
        whole, _, fraction = self._digits.partition(".")
        places = exponent(self._currency)
        return Money(int((whole or "0") + fraction.ljust(places, "0")[:places]), self._currency)

    def set_locale(self, locale: str) -> None:
        """Show the amount the `locale` way ("fr_FR") from now on; the digits stay."""
        self._locale = locale
        self._render_separator()
        self._render()

    def set_amount(self, amount: Money) -> None:
        """Show `amount` (nothing typed for zero or less); typing goes on from it."""
        self._currency = amount.currency
        self._render_separator()
        if amount.minor <= 0:
            self._set_digits("")
            return
        whole, _, fraction = f"{amount.to_decimal():f}".partition(".")
        fraction = fraction.rstrip("0")
        self._set_digits(f"{whole}.{fraction}" if fraction else whole)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text() in (",", "."):
            self._on_key_clicked(SEPARATOR_KEY)
        else:
            super().keyPressEvent(event)

    def _on_key_clicked(self, name: str) -> None:
        digits, places = self._digits, exponent(self._currency)
        whole, dot, fraction = digits.partition(".")
        if name == SEPARATOR_KEY:
            if places and not dot:
                self._set_digits((digits or "0") + ".")
        elif name.isdigit():
            if dot and len(fraction) < places:
                self._set_digits(digits + name)
            elif not dot and len(whole) < MAX_WHOLE_DIGITS:
                self._set_digits((digits + name).lstrip("0") or "0")
        else:
            super()._on_key_clicked(name)  # erase

    def _render_separator(self) -> None:
        key = self._keys[SEPARATOR_KEY]
        key.setText(QLocale(self._locale).decimalPoint())  # Qt's: no Babel load at start-up
        key.setEnabled(exponent(self._currency) > 0)

    def _render(self) -> None:
        amount = self.amount()
        if self.isVisible():  # money is worded when seen: Babel's first call costs ~50 ms
            self._display.setText(format_money(amount, self._locale))
        self.amount_changed.emit(amount)

    def showEvent(self, event: QShowEvent) -> None:
        self._display.setText(format_money(self.amount(), self._locale))
        super().showEvent(event)
