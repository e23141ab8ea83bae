"""The requests screen's list as a Qt table model."""

from __future__ import annotations

from collections.abc import Sequence

from pos.services.return_requests import RequestSummary
from pos.ui.format import format_date, format_money
from pos.ui.screens import Column, LocalizedRowsModel


class RequestsTableModel(LocalizedRowsModel[RequestSummary]):
    """Requests of one list: order, customer, units, amount, the day recorded (or, once
    approved, the day it expires)."""

    CUSTOMER_COLUMN = 1

    def _make_columns(self) -> Sequence[Column[RequestSummary]]:
        locale, tz = self.locale, self.tz

        def when(row: RequestSummary) -> str:
            moment = row.expires_at or row.recorded_at
            return format_date(moment, locale, tz=tz)

        return [
            Column(self.tr("Order"), lambda r: r.order_number),
            Column(self.tr("Customer"), lambda r: r.customer_name or self.tr("(no name)")),
            Column(self.tr("Qty"), lambda r: str(r.lines_count), numeric=True),
            Column(self.tr("Amount"), lambda r: format_money(r.amount, locale), numeric=True),
            Column(self.tr("Date"), when),
        ]
