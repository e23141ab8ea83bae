"""The sync panel's review table, and a Wix change's kind and numbers in the manager's words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from pos.domain.wix_steps import StepKind
from pos.services.sync_port import ReviewItem
from pos.ui.format import format_datetime
from pos.ui.screens import Column, LocalizedRowsModel


def kind_label(kind: str) -> str:
    """What a Wix change does, in plain words ("Stock change", "Refund on Wix", ...)."""
    labels: dict[str, str] = {
        StepKind.STOCK_DELTA: QCoreApplication.translate("SyncWords", "Stock change"),
        StepKind.REFUND: QCoreApplication.translate("SyncWords", "Refund"),
        StepKind.REPLACEMENT_ORDER: QCoreApplication.translate("SyncWords", "Exchange order"),
        StepKind.ADD_PAYMENT: QCoreApplication.translate("SyncWords", "Payment"),
        StepKind.COMMENT: QCoreApplication.translate("SyncWords", "Order note"),
        StepKind.CANCEL: QCoreApplication.translate("SyncWords", "Cancellation"),
        StepKind.DELETE_DRAFT: QCoreApplication.translate("SyncWords", "Unused draft order"),
    }
    return labels.get(kind, kind.removeprefix("wix.").replace("_", " ").capitalize())


def number_name(key: str) -> str:
    """A journal number's name ("expected_quantity" → "expected")."""
    names = {
        "sku": QCoreApplication.translate("SyncWords", "SKU"),
        "delta": QCoreApplication.translate("SyncWords", "change"),
        "quantity_before": QCoreApplication.translate("SyncWords", "Wix had"),
        "expected_quantity": QCoreApplication.translate("SyncWords", "expected"),
        "found_quantity": QCoreApplication.translate("SyncWords", "Wix shows"),
        "revision_before": QCoreApplication.translate("SyncWords", "revision before"),
        "expected_revision": QCoreApplication.translate("SyncWords", "expected revision"),
        "found_revision": QCoreApplication.translate("SyncWords", "revision found"),
    }
    return names.get(key, key.replace("_", " "))


def _value(key: str, value: Any) -> str:
    if key == "delta" and isinstance(value, int):
        return f"{value:+d}"
    return "—" if value is None else str(value)


def numbers_text(numbers: tuple[tuple[str, Any], ...]) -> str:
    """The numbers of a change on one line: "SKU T-S-M · change +2 · expected 12 · Wix shows 11"."""
    return " · ".join(f"{number_name(key)} {_value(key, value)}" for key, value in numbers)


class ReviewItemsTableModel(LocalizedRowsModel[ReviewItem]):
    """The changes waiting for a manager (to check, or refused by Wix): what, since when, the
    numbers, and why."""

    NUMBERS_COLUMN = 2

    def __init__(self, *, locale: str, tz: tzinfo | None = None,
                 parent: QObject | None = None) -> None:  # fmt: skip
        self._tz = tz  # read by the columns, which the base's __init__ makes
        super().__init__(locale=locale, parent=parent)

    def _make_columns(self) -> Sequence[Column[ReviewItem]]:
        return (
            Column(self.tr("Change"), self._change),
            Column(self.tr("Since"), self._since),
            Column(self.tr("Numbers"), lambda item: numbers_text(item.numbers)),
        )

    def _change(self, item: ReviewItem) -> str:
        if item.state == "parked":
            return self.tr("{change} (refused by Wix)").format(change=kind_label(item.kind))
        return kind_label(item.kind)

    def _since(self, item: ReviewItem) -> str:
        return format_datetime(item.created_at, self.locale, tz=self._tz)
