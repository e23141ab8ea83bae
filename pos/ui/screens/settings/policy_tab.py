"""The settings screen's Return policy tab: the window, fees and manager threshold, what the
reports call return-prone, the two rules (reasons, like-for-like); beside them the returns
without a receipt (`NoReceiptPolicyBox`) and the return requests (`RequestPolicyBox`)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pos.domain.policy import Policy
from pos.ui.retranslating import Retranslating
from pos.ui.screens.settings.models import policy_field_label
from pos.ui.screens.settings.no_receipt_policy import NoReceiptPolicyBox
from pos.ui.screens.settings.policy_form import PolicyForm, minor_to_text
from pos.ui.screens.settings.request_policy import RequestPolicyBox
from pos.ui.screens.settings.view_model import SettingsViewModel
from pos.ui.screens.settings.widgets import field_grid, touch_button

FIELDS = ("return_window_days", "restocking_fee_pct", "flat_return_fee_minor",
          "manager_refund_threshold_minor", "return_prone_rate_pct",
          "return_prone_min_sold")  # fmt: skip
AMOUNTS = ("flat_return_fee_minor", "manager_refund_threshold_minor")


class PolicyTab(Retranslating, QWidget):
    """The return policy's fields as stored; Save hands them to `SettingsViewModel`, which
    names a bad field or saves them through `PolicyService.update` (administrators only).
    Amounts are shown with the interface language's decimal point."""

    def __init__(self, *, view_model: SettingsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policySettings")
        self._vm = view_model
        self._build_ui()
        self._save.clicked.connect(lambda: self._vm.save_policy(self.form_values()))
        self._retranslate_ui()

    def _build_ui(self) -> None:
        self._edits = {key: QLineEdit(objectName=key) for key in FIELDS}
        self._reasons = QCheckBox(objectName="reasonsRequired")
        self._like_for_like = QCheckBox(objectName="likeForLike")
        self._save = touch_button("policySave")
        grid, self._labels = field_grid(list(self._edits.values()), columns=3)
        left = QVBoxLayout()
        left.addLayout(grid)
        left.addWidget(self._reasons)
        left.addWidget(self._like_for_like)
        left.addWidget(self._save, 0, Qt.AlignmentFlag.AlignLeft)
        left.addStretch(1)
        # Two columns, each shorter than a 1024×768 screen leaves below the tabs with the
        # status line shown (test_policy_tab_fits.py): what every return follows; the returns
        # outside a receipt's usual path. Labels above the fields, three to a row: beside
        # them, fourteen rows were too tall (a scroll bar squeezed the whole window).
        self._no_receipt, self._requests = NoReceiptPolicyBox(), RequestPolicyBox()
        right = QVBoxLayout()
        right.addWidget(self._no_receipt)
        right.addWidget(self._requests)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addSpacing(12)
        layout.addLayout(right, 1)

    def _retranslate_ui(self) -> None:
        for key, label in zip(FIELDS, self._labels, strict=True):
            label.setText(policy_field_label(key))
        self._reasons.setText(self.tr("A reason is required for every returned item"))
        self._like_for_like.setText(self.tr("Another size or colour keeps the price paid"))
        self._save.setText(self.tr("Save policy"))

    def show_policy(self, policy: Policy) -> None:
        """The stored policy in the fields (what was typed and not saved is replaced)."""
        point = QLocale().decimalPoint()  # the interface language's (`pos.app.switch_language`)
        for key, edit in self._edits.items():
            value = getattr(policy, key)
            edit.setText(minor_to_text(value, point) if key in AMOUNTS else str(value))
        self._reasons.setChecked(policy.reasons_required)
        self._like_for_like.setChecked(policy.like_for_like_keeps_price)
        self._no_receipt.show_policy(policy)
        self._requests.show_policy(policy)

    def form_values(self) -> PolicyForm:
        """What is typed and ticked, for `SettingsViewModel.save_policy`."""
        edits = self._edits
        return PolicyForm(
            edits["return_window_days"].text(),
            edits["restocking_fee_pct"].text(),
            edits["flat_return_fee_minor"].text(),
            edits["manager_refund_threshold_minor"].text(),
            self._reasons.isChecked(),
            self._like_for_like.isChecked(),
            edits["return_prone_rate_pct"].text(),
            edits["return_prone_min_sold"].text(),
            self._no_receipt.values(),
            *self._requests.values(),
        )
