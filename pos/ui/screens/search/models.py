"""The results list of the search screen as a Qt table model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from pos.services.history import OrderSummary
from pos.ui.format import format_datetime, format_money
from pos.ui.screens import AnyIndex, Column, RowsTableModel, channel_label


class OrderResultsTableModel(RowsTableModel[OrderSummary]):
    """Orders found, newest first: number, date, customer, contact, channel, total.

    An exact number match (typed or scanned) is shown in bold: it is the one the cashier
    is after. `ROW_ROLE` gives the `OrderSummary` of a row.
    """

    CUSTOMER_COLUMN = 2

    def __init__(self, *, locale: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._locale = locale
        self.retranslate()

    def set_locale(self, locale: str) -> None:
        """Show dates and totals the `locale` way from now on (the rows stay as they are)."""
        self._locale = locale
        self.retranslate()

    def retranslate(self) -> None:
        """Re-read the column titles and re-format every cell (language or locale changed)."""
        locale = self._locale
        self.set_columns(
            [
                Column(self.tr("Order"), lambda o: o.number),
                Column(self.tr("Date"), lambda o: format_datetime(o.placed_at, locale)),
                Column(self.tr("Customer"), lambda o: o.customer_name or self.tr("(no name)")),
                Column(self.tr("E-mail or phone"), lambda o: o.email or o.phone or ""),
                Column(self.tr("Channel"), lambda o: channel_label(o.channel)),
                Column(self.tr("Total"), lambda o: format_money(o.total, locale), numeric=True),
            ]
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid() and index.row() < len(self.rows):
            if self.rows[index.row()].exact:
                font = QFont()
                font.setBold(True)
                return font
            return None
        return super().data(index, role)
