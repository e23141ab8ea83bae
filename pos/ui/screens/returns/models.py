"""The returns screen's tables: replacement items, and products found by the picker."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPixmap

from pos.domain.returns import NewItem
from pos.services.catalogue_search import ProductView
from pos.ui.format import format_money
from pos.ui.screens import Column, LocalizedRowsModel


class ReplacementsTableModel(LocalizedRowsModel[NewItem]):
    """New items the customer takes: name, SKU, units and the current unit price."""

    NAME_COLUMN = 0

    def _make_columns(self) -> Sequence[Column[NewItem]]:
        locale = self.locale
        return (
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


class ProductsTableModel(LocalizedRowsModel[ProductView]):
    """Products found by name, SKU or barcode, with the lowest price and units on hand.

    The name carries the product's picture (`set_pictures`), or `placeholder` without one.
    """

    NAME_COLUMN = 0

    def __init__(self, *, locale: str, parent: Any = None) -> None:
        self._pictures: Mapping[int, QPixmap] = {}
        self._placeholder: QPixmap | None = None
        super().__init__(locale=locale, parent=parent)

    def set_pictures(self, pictures: Mapping[int, QPixmap], placeholder: QPixmap) -> None:
        """Pictures by product id (made on the GUI thread from the worker's thumbnails)."""
        self._pictures, self._placeholder = dict(pictures), placeholder
        if self.rowCount():
            last = self.index(self.rowCount() - 1, self.NAME_COLUMN)
            self.dataChanged.emit(self.index(0, self.NAME_COLUMN), last,
                                  [Qt.ItemDataRole.DecorationRole])  # fmt: skip

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if role != Qt.ItemDataRole.DecorationRole:
            return super().data(index, role)
        if index.isValid() and index.column() == self.NAME_COLUMN and index.row() < len(self.rows):
            return self._pictures.get(self.rows[index.row()].product_id, self._placeholder)
        return None

    def _make_columns(self) -> Sequence[Column[ProductView]]:
        locale = self.locale
        return (
            [
                Column(self.tr("Product"), lambda p: p.name),
                Column(self.tr("From"), lambda p: format_money(p.price_from, locale), numeric=True),
                Column(self.tr("In stock"), lambda p: str(p.on_hand), numeric=True),
            ]
        )
