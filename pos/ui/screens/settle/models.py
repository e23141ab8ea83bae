"""The settle screen's table: the tenders entered so far."""

from __future__ import annotations

from PySide6.QtCore import QObject

from pos.ui.format import format_money
from pos.ui.screens import Column, RowsTableModel
from pos.ui.screens.settle.view_model import TenderLine


class TendersTableModel(RowsTableModel[TenderLine]):
    """How the balance is being settled: one row per tender, with its amount."""

    LABEL_COLUMN = 0

    def __init__(self, *, locale: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._locale = locale
        self.retranslate()

    def set_locale(self, locale: str) -> None:
        """Show amounts the `locale` way from now on (the rows stay as they are)."""
        self._locale = locale
        self.retranslate()

    def retranslate(self) -> None:
        """Re-read the column titles and re-format every cell (language or locale changed)."""
        locale = self._locale
        self.set_columns(
            [
                Column(self.tr("Tender"), lambda line: line.label),
                Column(
                    self.tr("Amount"),
                    lambda line: format_money(line.tender.amount, locale),
                    numeric=True,
                ),
            ]
        )
