"""The settings tabs' touch-sized buttons, masked fields, form labels and field grids."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QWidget,
)

TOUCH_PX = 48  # STYLE.md: every action is at least this high
GRID_FIELD_MAX_WIDTH = 200  # px: a count or an amount; on a wide screen the cell keeps the rest


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


def field_grid(fields: Sequence[QLineEdit], *, columns: int) -> tuple[QGridLayout, list[QLabel]]:
    """`fields` `columns` to a row, each under its label (worded by the caller, wrapping), and
    the labels in the same order: half the height of a label beside each field, for the tabs
    that must fit 1024×768 with the status line shown."""
    grid = QGridLayout()
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(12)
    grid.setVerticalSpacing(8)
    labels = []
    for index, field in enumerate(fields):
        band, column = divmod(index, columns)
        label = QLabel(wordWrap=True)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        label.setBuddy(field)
        field.setMaximumWidth(GRID_FIELD_MAX_WIDTH)
        grid.addWidget(label, 2 * band, column)
        grid.addWidget(field, 2 * band + 1, column)
        labels.append(label)
    for column in range(columns):
        grid.setColumnStretch(column, 1)
    return grid, labels


class PageStack(QStackedWidget):
    """The tabs' pages, as tall as the page shown.

    Qt's stack asks for the height its tallest page needs at this width (the Users tab's
    list, the printer's models): with the status line shown, the window then scrolled at
    1024×768 on a tab that fits. Here only the page shown counts.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self.updateGeometry)

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        page = self.currentWidget()
        return page.hasHeightForWidth() if page is not None else super().hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        page = self.currentWidget()
        return page.heightForWidth(width) if page is not None else super().heightForWidth(width)
