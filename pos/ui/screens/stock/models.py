"""The stock screen's table: returned items waiting for a manager's inspection."""

from __future__ import annotations

from collections.abc import Sequence

from pos.services.stock import InspectionItem
from pos.ui.format import format_date
from pos.ui.screens import Column, LocalizedRowsModel


class InspectionTableModel(LocalizedRowsModel[InspectionItem]):
    """Items set aside to inspect: what, from which return, why it came back."""

    PRODUCT_COLUMN = 0

    def _make_columns(self) -> Sequence[Column[InspectionItem]]:
        return (
            [
                Column(self.tr("Product"), product_text),
                Column(self.tr("SKU"), lambda item: item.sku or "—"),
                Column(self.tr("Qty"), lambda item: str(item.quantity), numeric=True),
                Column(self.tr("Reason"), lambda item: item.reason or "—"),
                Column(self.tr("Return"), lambda item: item.document_number),
                Column(self.tr("Date"), self._returned_on),
            ]
        )

    def _returned_on(self, item: InspectionItem) -> str:
        return format_date(item.returned_at, self.locale, tz=self.tz)


def product_text(item: InspectionItem) -> str:
    """The item as the order named it: the product, then its options ("Jean droit — Taille: M")."""
    return f"{item.product_name} — {item.options_text}" if item.options_text else item.product_name
