"""The policy tab's returns without a receipt: how an item is valued, and the limits."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from pos.domain.policy import NO_RECEIPT_BASES, Policy
from pos.ui.chips import ChipGroup
from pos.ui.retranslating import Retranslating
from pos.ui.screens.settings.models import policy_field_label
from pos.ui.screens.settings.policy_form import minor_to_text
from pos.ui.screens.settings.widgets import field_grid

COUNTS = ("no_receipt_period_days", "no_receipt_customer_period_days", "no_receipt_day_count")
AMOUNTS = ("no_receipt_customer_limit_minor", "no_receipt_day_limit_minor")
FIELDS = ("no_receipt_period_days", "no_receipt_customer_limit_minor",
          "no_receipt_customer_period_days", "no_receipt_day_limit_minor",
          "no_receipt_day_count")  # fmt: skip


class NoReceiptPolicyBox(Retranslating, QWidget):
    """The valuation basis (two chips) and the look-back and limits (fields), as stored;
    amounts with the interface language's decimal point, like the tab's other amounts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noReceiptPolicy")
        self._title = QLabel(objectName="sectionTitle")
        self._basis = ChipGroup(NO_RECEIPT_BASES, columns=2, object_name="noReceiptBasis")
        self._edits = {key: QLineEdit(objectName=key) for key in FIELDS}
        grid, self._labels = field_grid(list(self._edits.values()), columns=3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title)
        layout.addWidget(self._basis)
        layout.addLayout(grid)
        self._retranslate_ui()

    def _retranslate_ui(self) -> None:
        self._title.setText(self.tr("Returns without a receipt"))
        self._basis.set_texts({"lowest_sold": self.tr("Lowest price sold"),
                               "current_price": self.tr("Current price")})  # fmt: skip
        for key, label in zip(FIELDS, self._labels, strict=True):
            label.setText(policy_field_label(key))

    def show_policy(self, policy: Policy) -> None:
        point = QLocale().decimalPoint()  # the interface language's (`pos.app.switch_language`)
        self._basis.select(policy.no_receipt_basis)
        for key, edit in self._edits.items():
            value = getattr(policy, key)
            edit.setText(minor_to_text(value, point) if key in AMOUNTS else str(value))

    def values(self) -> dict[str, str]:
        """What is typed, by policy key (the basis as its code)."""
        return {"no_receipt_basis": str(self._basis.value or ""),
                **{key: edit.text() for key, edit in self._edits.items()}}  # fmt: skip
