"""The results list of the search screen as a Qt table model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from pos.services.history import OrderSummary
from pos.ui.format import format_datetime, format_money
from pos.ui.screens import AnyIndex, Column, LocalizedRowsModel, channel_label


class OrderResultsTableModel(LocalizedRowsModel[OrderSummary]):
    """Orders found, newest first: number, date, customer, contact, channel, total.

    An exact number match (typed or scanned) is shown in bold: it is the one the cashier
    is after. `ROW_ROLE` gives the `OrderSummary` of a row.
    """

    CUSTOMER_COLUMN = 2

    def _make_columns(self) -> Sequence[Column[OrderSummary]]:
        locale = self.locale
        return (
            [
                Column(self.tr("Order"), lambda o: o.number),
                Column(self.tr("Date"), lambda o: format_datetime(o.placed_at, locale, tz=self.tz)),
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
