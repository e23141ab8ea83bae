"""The policy tab's return requests: how long an authorisation stays valid, and where the
return window of a document made from one starts (`docs/return-requests.md`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos.domain.policy import Policy
from pos.ui.retranslating import Retranslating
from pos.ui.screens.settings.models import policy_field_label
from pos.ui.screens.settings.widgets import set_field_label


class RequestPolicyBox(Retranslating, QWidget):
    """`Policy.approval_valid_days` (a field; the on-screen keyboard opens on its digits) and
    `Policy.window_from_approval` (a tick), as stored."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestPolicy")
        self._title = QLabel(objectName="sectionTitle")
        self._valid_days = QLineEdit(objectName="approval_valid_days")
        self._valid_days.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self._from_approval = QCheckBox(objectName="windowFromApproval")
        self._valid_days.setMaximumWidth(160)
        # The label beside its field, not above it as the fields over this box: one row less,
        # and the tab's taller column fits 1024×768 with the status line shown.
        self._form = QFormLayout()
        self._form.addRow(QLabel(wordWrap=True), self._valid_days)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title)
        layout.addLayout(self._form)
        layout.addWidget(self._from_approval)
        self._retranslate_ui()

    def _retranslate_ui(self) -> None:
        self._title.setText(self.tr("Return requests"))
        set_field_label(self._form, self._valid_days, policy_field_label("approval_valid_days"))
        self._from_approval.setText(self.tr("Return window counted from the approval"))

    def show_policy(self, policy: Policy) -> None:
        self._valid_days.setText(str(policy.approval_valid_days))
        self._from_approval.setChecked(policy.window_from_approval)

    def values(self) -> tuple[str, bool]:
        """The validity as typed, and whether the window counts from the approval."""
        return self._valid_days.text(), self._from_approval.isChecked()
