"""The results list of the search screen as a Qt table model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from pos.services.history import OrderSummary
from pos.ui.format import format_datetime, format_money
from pos.ui.screens import AnyIndex, Column, LocalizedRowsModel, card_label, channel_label


class OrderResultsTableModel(LocalizedRowsModel[OrderSummary]):
    """Orders found, newest first: number, date, customer, contact, channel, total.

    An exact number match (typed or scanned) is shown in bold: it is the one the cashier
    is after. An order found by the card that paid it says so in the contact column
    ("Card •••• 4242"). `ROW_ROLE` gives the `OrderSummary` of a row.
    """

    CUSTOMER_COLUMN = 2

    def _make_columns(self) -> Sequence[Column[OrderSummary]]:
        locale = self.locale
        return (
            [
                Column(self.tr("Order"), lambda o: o.number),
                Column(self.tr("Date"), lambda o: format_datetime(o.placed_at, locale, tz=self.tz)),
                Column(self.tr("Customer"), lambda o: o.customer_name or self.tr("(no name)")),
                Column(self.tr("E-mail or phone"), _contact),
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


def _contact(order: OrderSummary) -> str:
    """The card it was found by, else the customer's e-mail or phone."""
    if order.card:
        return card_label(order.card)
    return order.email or order.phone or ""
