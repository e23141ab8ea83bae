"""`CustomerLink`: the order's customer as a button on the order screen; a tap opens them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from pos.ui.retranslating import Retranslating
from pos.ui.screens.order import OrderViewModel


class CustomerLink(Retranslating, QPushButton):
    """Names the shown order's customer; hidden when the order has none.

    Signals:
        customer_requested(int): the customer's id, tapped.
    """

    customer_requested = Signal(int)

    def __init__(self, order: OrderViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerLink")
        self.setMinimumHeight(48)
        self._order = order
        order.detail_changed.connect(self._retranslate_ui)
        self.clicked.connect(self._on_clicked)
        self._retranslate_ui()

    def _retranslate_ui(self) -> None:
        detail = self._order.detail
        self.setVisible(detail is not None and detail.customer_id is not None)
        # The details beside it name the customer; the button says where it leads.
        self.setText(self.tr("Customer file  ›"))

    def _on_clicked(self) -> None:
        detail = self._order.detail
        if detail is not None and detail.customer_id is not None:
            self.customer_requested.emit(detail.customer_id)
