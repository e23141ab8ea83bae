"""The returns screen's tables: replacement items, and products found by the picker."""

from __future__ import annotations

from PySide6.QtCore import QObject

from pos.domain.returns import NewItem
from pos.services.catalogue_search import ProductView
from pos.ui.format import format_money
from pos.ui.screens import Column, RowsTableModel


class ReplacementsTableModel(RowsTableModel[NewItem]):
    """New items the customer takes: name, SKU, units and the current unit price."""

    NAME_COLUMN = 0

    def __init__(self, *, locale: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._locale = locale
        self.retranslate()

    def set_locale(self, locale: str) -> None:
        """Show prices the `locale` way from now on (the rows stay as they are)."""
        self._locale = locale
        self.retranslate()

    def retranslate(self) -> None:
        """Re-read the column titles and re-format every cell (language or locale changed)."""
        locale = self._locale
        self.set_columns(
            [
                Column(self.tr("New item"), lambda item: item.name),
                Column(self.tr("SKU"), lambda item: item.sku),
                Column(self.tr("Qty"), lambda item: str(item.quantity), numeric=True),
                Column(
                    self.tr("Price"),
                    lambda item: format_money(item.unit_price, locale),
                    numeric=True,
                ),
            ]
        )


class ProductsTableModel(RowsTableModel[ProductView]):
    """Products found by name, SKU or barcode, with the lowest price and units on hand."""

    NAME_COLUMN = 0

    def __init__(self, *, locale: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._locale = locale
        self.retranslate()

    def set_locale(self, locale: str) -> None:
        """Show prices the `locale` way from now on (the rows stay as they are)."""
        self._locale = locale
        self.retranslate()

    def retranslate(self) -> None:
        """Re-read the column titles and re-format every cell (language or locale changed)."""
        locale = self._locale
        self.set_columns(
            [
                Column(self.tr("Product"), lambda p: p.name),
                Column(self.tr("From"), lambda p: format_money(p.price_from, locale), numeric=True),
                Column(self.tr("In stock"), lambda p: str(p.on_hand), numeric=True),
            ]
        )
