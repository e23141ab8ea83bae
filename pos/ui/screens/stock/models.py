"""The stock screen's table: returned items waiting for a manager's inspection."""

from __future__ import annotations

from PySide6.QtCore import QObject

from pos.services.stock import InspectionItem
from pos.ui.format import format_date
from pos.ui.screens import Column, RowsTableModel


class InspectionTableModel(RowsTableModel[InspectionItem]):
    """Items set aside to inspect: what, from which return, why it came back."""

    PRODUCT_COLUMN = 0

    def __init__(self, *, locale: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._locale = locale
        self.retranslate()

    def set_locale(self, locale: str) -> None:
        """Show dates the `locale` way from now on (the rows stay as they are)."""
        self._locale = locale
        self.retranslate()

    def retranslate(self) -> None:
        """Re-read the column titles (the interface language changed)."""
        self.set_columns(
            [
                Column(self.tr("Product"), _product),
                Column(self.tr("SKU"), lambda item: item.sku or "—"),
                Column(self.tr("Qty"), lambda item: str(item.quantity), numeric=True),
                Column(self.tr("Reason"), lambda item: item.reason or "—"),
                Column(self.tr("Return"), lambda item: item.document_number),
                Column(self.tr("Date"), lambda item: format_date(item.returned_at, self._locale)),
            ]
        )


def _product(item: InspectionItem) -> str:
    return f"{item.product_name} — {item.options_text}" if item.options_text else item.product_name
