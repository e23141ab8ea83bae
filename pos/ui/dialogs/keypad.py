"""On-screen keypads for numbers, PINs and amounts, and the card-approval-code dialog."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.domain.money import Money
from pos.ui.format import format_money

KEY_SIZE = 64  # px: a keypad key is a thumb, not a fingertip
MAX_DIGITS = {"numeric": 6, "pin": 8, "amount": 9}


class KeypadMode(StrEnum):
    NUMERIC = "numeric"  # a count
    PIN = "pin"  # digits, never shown
    AMOUNT = "amount"  # digits shift in as cents: 1, 2, 5, 0 -> 12.50


class Keypad(QWidget):
    """Ten digits, "00" (amounts), erase and clear; keeps the digits typed.

    Keys never take the focus, so a scanner keeps typing where it did.

    Signals:
        text_changed(str): the digits typed so far.
    """

    text_changed = Signal(str)

    def __init__(self, *, mode: KeypadMode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keypad")
        self._mode, self._text = mode, ""
        self._build_ui()

    @property
    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        """Replace the digits (non-digits are dropped)."""
        digits = "".join(ch for ch in text if ch.isascii() and ch.isdigit())
        self._text = digits[: MAX_DIGITS[self._mode]]
        self.text_changed.emit(self._text)

    def clear(self) -> None:
        self.set_text("")

    def _build_ui(self) -> None:
        grid = QGridLayout(self)
        grid.setSpacing(6)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, digit in enumerate("123456789"):
            grid.addWidget(self._key(digit), index // 3, index % 3)
        left = "00" if self._mode is KeypadMode.AMOUNT else "C"
        grid.addWidget(self._key(left), 3, 0)
        grid.addWidget(self._key("0"), 3, 1)
        grid.addWidget(self._key("⌫"), 3, 2)

    def _key(self, label: str) -> QPushButton:
        button = QPushButton(label, objectName=f"key_{label}")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumSize(KEY_SIZE, KEY_SIZE)
        button.setProperty("keypadKey", True)
        button.clicked.connect(lambda: self._on_key_clicked(label))
        return button

    def _on_key_clicked(self, label: str) -> None:
        if label == "⌫":
            self.set_text(self._text[:-1])
        elif label == "C":
            self.clear()
        else:
            self.set_text(self._text + label)


class AmountKeypad(QWidget):
    """An amount display over a keypad; the amount is whole minor units, never a float.

    Signals:
        amount_changed(object): the `Money` now shown.
    """

    amount_changed = Signal(object)

    def __init__(self, *, currency: str, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._currency, self._locale = currency, locale
        self._display = QLabel(objectName="amountDisplay")
        self._display.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._keypad = Keypad(mode=KeypadMode.AMOUNT, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._display)
        layout.addWidget(self._keypad)
        self._keypad.text_changed.connect(self._on_keypad_text_changed)
        self._on_keypad_text_changed("")

    def amount(self) -> Money:
        return Money(int(self._keypad.text or "0"), self._currency)

    def set_currency(self, currency: str) -> None:
        self._currency = currency
        self._on_keypad_text_changed(self._keypad.text)

    def set_amount(self, amount: Money) -> None:
        self._currency = amount.currency
        self._keypad.set_text(str(max(amount.minor, 0)) if amount.minor else "")

    def _on_keypad_text_changed(self, _text: str) -> None:
        amount = self.amount()
        self._display.setText(format_money(amount, self._locale))
        self.amount_changed.emit(amount)


class CardApprovalDialog(QDialog):
    """Asks for the approval code a stand-alone card terminal printed (`StandaloneTerminal`)."""

    def __init__(
        self, *, amount: Money, reference: str, locale: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cardApprovalDialog")
        self.setWindowTitle(self.tr("Card terminal"))
        self.setModal(True)
        self._build_ui(amount, reference, locale)

    @classmethod
    def ask(
        cls, parent: QWidget | None, *, amount: Money, reference: str, locale: str
    ) -> str | None:
        """The code typed, or None when cancelled. A negative `amount` is a card refund."""
        dialog = cls(amount=amount, reference=reference, locale=locale, parent=parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        code = dialog.code()
        dialog.deleteLater()
        return code if accepted else None

    def code(self) -> str:
        return self._code.text().strip().upper()

    def _build_ui(self, amount: Money, reference: str, locale: str) -> None:
        if amount.minor < 0:
            prompt = self.tr("Refund {amount} on the card terminal ({reference}).")
        else:
            prompt = self.tr("Charge {amount} on the card terminal ({reference}).")
        shown = format_money(Money(abs(amount.minor), amount.currency), locale)
        text = prompt.format(amount=shown, reference=reference)
        label = QLabel(text + "\n" + self.tr("Then type the approval code it prints."))
        label.setWordWrap(True)
        self._code = QLineEdit(objectName="approvalCode")
        self._code.setMaxLength(12)
        cancel = QPushButton(self.tr("Cancel"), objectName="cancelButton")
        ok = QPushButton(self.tr("Confirm"), objectName="confirmButton", default=True)
        ok.setProperty("primary", True)
        cancel.clicked.connect(self.reject)
        ok.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        buttons.addWidget(ok)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self._code)
        layout.addLayout(buttons)
