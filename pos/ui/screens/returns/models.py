"""The returns screen's tables: replacement items, and products found by the picker."""

from __future__ import annotations

from collections.abc import Sequence

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
    """Products found by name, SKU or barcode, with the lowest price and units on hand."""

    NAME_COLUMN = 0

    def _make_columns(self) -> Sequence[Column[ProductView]]:
        locale = self.locale
        return (
            [
                Column(self.tr("Product"), lambda p: p.name),
                Column(self.tr("From"), lambda p: format_money(p.price_from, locale), numeric=True),
                Column(self.tr("In stock"), lambda p: str(p.on_hand), numeric=True),
            ]
        )
