"""The settings tabs' touch-sized buttons and masked fields."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

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
