"""A veil over the window while a modal dialog is open: what waits behind shows, dimmed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

VEIL = QColor(20, 28, 36, 120)  # the screen stays readable, the dialog stands out


class Dimmer(QWidget):
    """Covers `window` (a child over its content) and follows its size."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("modalDimmer")
        self.setGeometry(window.rect())
        window.installEventFilter(self)

    def paintEvent(self, event: QPaintEvent) -> None:
        QPainter(self).fillRect(self.rect(), VEIL)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False


@contextmanager
def dimmed(parent: QWidget | None) -> Iterator[None]:
    """Dim `parent`'s window while the block runs (a modal dialog's `exec`)."""
    window = parent.window() if parent is not None else None
    if window is None:
        yield
        return
    veil = Dimmer(window)
    veil.show()
    veil.raise_()
    try:
        yield
    finally:
        window.removeEventFilter(veil)
        veil.hide()
        veil.deleteLater()
