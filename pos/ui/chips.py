"""`ChipGroup`: a touch choice among a few values, as large buttons instead of a drop-down."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QPushButton, QWidget

CHIP_HEIGHT = 48  # px: a finger's width (STYLE.md)


class ChipGroup(QWidget):
    """One checked chip among `values`, laid out `columns` to a row.

    A drop-down hands its choices back through Qt's variants, which turn a `StrEnum` into a
    plain `str` (a disposition arrived in the service as `"damaged"` and the commit failed);
    a chip keeps the Python value itself, so what is chosen is exactly what was offered.

    Signals:
        chosen(object): the value of the chip the person tapped (not emitted by `select`).
    """

    chosen = Signal(object)

    def __init__(
        self,
        values: Sequence[Hashable],
        *,
        columns: int,
        object_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._values = tuple(values)
        self._group = QButtonGroup(self)  # exclusive: one chip at a time
        self._buttons: list[QPushButton] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for index, value in enumerate(self._values):
            button = QPushButton(objectName="chip", checkable=True)
            button.setMinimumHeight(CHIP_HEIGHT)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a tap never takes the keyboard
            button.clicked.connect(lambda _=False, v=value: self.chosen.emit(v))
            self._group.addButton(button, index)
            grid.addWidget(button, index // columns, index % columns)
            self._buttons.append(button)

    @property
    def value(self) -> Hashable | None:
        """The checked chip's value, or None when none is checked."""
        index = self._group.checkedId()
        return self._values[index] if index >= 0 else None

    def button(self, value: Hashable) -> QPushButton:
        """The chip showing `value` (tests tap it like a finger)."""
        return self._buttons[self._values.index(value)]

    def select(self, value: Hashable | None) -> None:
        """Check the chip of `value` (None or an unknown value: none checked)."""
        if value in self._values:
            self._buttons[self._values.index(value)].setChecked(True)
            return
        self._group.setExclusive(False)  # an exclusive group cannot be emptied otherwise
        for button in self._buttons:
            button.setChecked(False)
        self._group.setExclusive(True)

    def set_texts(self, texts: Mapping[Any, str]) -> None:
        """Word every chip (called again when the language changes)."""
        for value, button in zip(self._values, self._buttons, strict=True):
            button.setText(texts[value])
