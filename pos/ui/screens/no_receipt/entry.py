"""The search screen's way into a return without a receipt, and the last one's confirmation."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from pos.ui.retranslating import Retranslating
from pos.ui.screens.managed import show_status
from pos.ui.screens.search import SearchScreen

ENTRY_QSS = """
#noReceiptConfirmation[kind="ok"] { background: #e1f2e4; color: #1e5c2c; padding: 8px 12px;
                                    border-radius: 6px; font-size: 17px; }
"""


class NoReceiptEntry(Retranslating, QWidget):
    """Under the sales found: "No receipt" (the sale cannot be found), and the confirmation
    of the return just taken without one.

    An adapter, like the order screen's actions: the search screen itself knows nothing of it.

    Signals:
        requested(): the cashier starts a return without a receipt.
    """

    requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noReceiptEntry")
        self.setStyleSheet(ENTRY_QSS)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._confirmation = QLabel(objectName="noReceiptConfirmation", wordWrap=True)
        self._button = QPushButton(objectName="noReceiptButton")
        self._button.setMinimumHeight(56)
        self._button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._confirmation, 1)
        layout.addStretch(0)  # the button keeps to the right when there is nothing to say
        layout.addWidget(self._button)
        self._button.clicked.connect(self.requested)
        self.show_confirmation("")
        self._retranslate_ui()

    def _retranslate_ui(self) -> None:
        self._button.setText(self.tr("No receipt  ›"))

    @property
    def confirmation(self) -> str:
        return self._confirmation.text()

    def show_confirmation(self, text: str) -> None:
        """Say what the last return without a receipt gave ("" hides the line)."""
        show_status(self._confirmation, text, "ok" if text else "")


def install_no_receipt_entry(search: SearchScreen) -> NoReceiptEntry:
    """Put the "No receipt" entry at the foot of the search screen."""
    entry = NoReceiptEntry(parent=search)
    layout = search.layout()
    assert layout is not None
    layout.addWidget(entry)
    return entry
