"""The settings tabs' touch-sized buttons, masked fields and form labels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

TOUCH_PX = 48  # STYLE.md: every action is at least this high


def touch_button(name: str, *, checkable: bool = False) -> QPushButton:
    button = QPushButton(objectName=name)
    button.setMinimumHeight(TOUCH_PX)
    button.setCheckable(checkable)
    return button


def secret_field(name: str, *, digits: bool = False) -> QLineEdit:
    """A field whose text is masked as it is typed (a PIN, a key, a secret)."""
    edit = QLineEdit(objectName=name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    if digits:
        edit.setMaxLength(8)
        edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    return edit


def set_field_label(form: QFormLayout, field: QWidget, text: str) -> None:
    """Word the label `form` shows beside `field`."""
    label = form.labelForField(field)
    if isinstance(label, QLabel):
        label.setText(text)
