"""The requests screen's list as a Qt table model."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from PySide6.QtCore import QObject

from pos.services.return_requests import RequestSummary
from pos.ui.format import format_date, format_money
from pos.ui.screens import Column, LocalizedRowsModel


class RequestsTableModel(LocalizedRowsModel[RequestSummary]):
    """Requests of one list: order, customer, units, amount, and the day that matters there
    (recorded, for a request to decide; valid until, or expired on, once approved)."""

    CUSTOMER_COLUMN = 1

    def __init__(self, *, locale: str, tz: tzinfo | None = None,
                 parent: QObject | None = None) -> None:  # fmt: skip
        self._tab = "to_decide"
        super().__init__(locale=locale, tz=tz, parent=parent)

    def set_tab(self, tab: str) -> None:
        """The list shown ("to_decide", "approved", "expired"): its day column follows."""
        if tab != self._tab:
            self._tab = tab
            self.retranslate()

    def _make_columns(self) -> Sequence[Column[RequestSummary]]:
        locale, tz, deciding = self.locale, self.tz, self._tab == "to_decide"

        def day(row: RequestSummary) -> str:
            moment = row.recorded_at if deciding or row.expires_at is None else row.expires_at
            return format_date(moment, locale, tz=tz)

        titles = {"to_decide": self.tr("Recorded"), "approved": self.tr("Valid until"),
                  "expired": self.tr("Expired on")}  # fmt: skip
        return [
            Column(self.tr("Order"), lambda r: r.order_number),
            Column(self.tr("Customer"), lambda r: r.customer_name or self.tr("(no name)")),
            Column(self.tr("Qty"), lambda r: str(r.lines_count), numeric=True),
            Column(self.tr("Amount"), lambda r: format_money(r.amount, locale), numeric=True),
            Column(titles.get(self._tab, titles["to_decide"]), day),
        ]
