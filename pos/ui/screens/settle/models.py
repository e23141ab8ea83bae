"""The settle screen's table: the tenders entered so far."""

from __future__ import annotations

from collections.abc import Sequence

from pos.ui.format import format_money
from pos.ui.screens import Column, LocalizedRowsModel
from pos.ui.screens.settle.view_model import TenderLine


class TendersTableModel(LocalizedRowsModel[TenderLine]):
    """How the balance is being settled: one row per tender, with its amount."""

    LABEL_COLUMN = 0

    def _make_columns(self) -> Sequence[Column[TenderLine]]:
        locale = self.locale
        return (
            [
                Column(self.tr("Tender"), lambda line: line.label),
                Column(
                    self.tr("Amount"),
                    lambda line: format_money(line.tender.amount, locale),
                    numeric=True,
                ),
            ]
        )
