"""Approval dialogs: a manager's PIN and reason (checked off-thread), a card terminal's code."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.domain.money import Money
from pos.domain.roles import Approval, Role
from pos.services.users import UserService, UserView
from pos.ui.chips import ChipGroup
from pos.ui.dialogs.dimmer import dimmed
from pos.ui.format import format_money
from pos.ui.keypad import PinPad
from pos.ui.messages import error_text, rule_text
from pos.ui.retranslating import Retranslating
from pos.ui.workers import TaskRunner

APPROVERS = (Role.MANAGER, Role.ADMIN)
DIALOG_WIDTH, PAD_WIDTH = 880, 320  # px: fits a 1024 px-wide screen
QUICK_REASONS = ("loyal", "goodwill", "shop_error", "faulty")  # the reasons managers give most


class ApprovalDialog(Retranslating, QDialog):
    """A manager approves every rule of `rules` with one PIN (one recorded approval per rule).

    The PIN goes to `UserService.approve` through the task runner; a wrong PIN or a lockout
    is shown in the dialog, which stays open for another try.
    """

    def __init__(
        self,
        *,
        rules: Sequence[str],
        users: UserService,
        runner: TaskRunner,
        locale: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("approvalDialog")
        self.setModal(True)
        self.setStyleSheet(
            "QPushButton:checked { background: #cfe8e6; border-color: #0b6e69; font-weight: bold; }"
            " #dialogError { color: #7a4300; } #dialogTitle { font-size: 24px; font-weight: bold; }"
        )
        self._rules, self._users, self._runner = tuple(str(r) for r in rules), users, runner
        self._locale = locale
        self.approvals: tuple[Approval, ...] = ()
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()
        self._load_managers()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        rules: Sequence[str],
        *,
        users: UserService,
        runner: TaskRunner,
        locale: str,
    ) -> tuple[Approval, ...] | None:
        """The approvals given (one per rule), or None when the cashier gave up."""
        dialog = cls(rules=rules, users=users, runner=runner, locale=locale, parent=parent)
        with dimmed(parent):  # a modal over the dimmed screen: the draft waits behind
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        approvals = dialog.approvals
        dialog.deleteLater()
        return approvals if accepted else None

    def _build_ui(self) -> None:
        self._title = QLabel(objectName="dialogTitle")
        self._rules_label = QLabel(objectName="approvalRules")
        self._managers_title = QLabel(objectName="fieldLabel")
        self._managers_row = QHBoxLayout()
        self._managers = QButtonGroup(self)
        self._pin_title = QLabel(objectName="fieldLabel")
        self._keypad = PinPad(with_ok=False, parent=self)  # the dialog's Approve takes the PIN
        self._reason = QLineEdit(objectName="reasonField")
        self._quick_reasons = ChipGroup(QUICK_REASONS, columns=2, object_name="reasonChips")
        self._error = QLabel(objectName="dialogError", wordWrap=True)
        self._error.hide()
        self._cancel = QPushButton(objectName="cancelButton", autoDefault=False)
        # Entrée in the reason field approves (with the checks of a tap), never cancels.
        self._approve = QPushButton(objectName="approveButton", default=True)
        self._approve.setProperty("primary", True)
        # Two columns, so the whole PIN pad is in view on a 768 px-high screen: who and why on
        # the left, the PIN on the right, the buttons under both.
        left = QVBoxLayout()
        for widget in (self._title, self._rules_label, self._managers_title):
            left.addWidget(widget)
        left.addLayout(self._managers_row)
        for row in (self._quick_reasons, self._reason, self._error):
            left.addWidget(row)
        left.addStretch(1)
        self._keypad.setMinimumWidth(PAD_WIDTH)
        self.setMinimumWidth(DIALOG_WIDTH)  # the chips and the managers' names whole
        right = QVBoxLayout()
        right.addWidget(self._pin_title)
        right.addWidget(self._keypad)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right)
        buttons = QHBoxLayout()
        buttons.addWidget(self._cancel)
        buttons.addStretch(1)
        buttons.addWidget(self._approve)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self._cancel.clicked.connect(self.reject)
        self._approve.clicked.connect(self._on_approve_clicked)
        self._quick_reasons.chosen.connect(lambda k: self._reason.setText(self._reason_texts[k]))

    def _retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Manager approval"))
        self._title.setText(self.tr("A manager must approve"))
        self._rules_label.setText("\n".join(f"• {rule_text(rule)}" for rule in self._rules))
        self._managers_title.setText(self.tr("Manager"))
        self._pin_title.setText(self.tr("PIN"))
        self._reason_texts = {
            "loyal": self.tr("Loyal customer"),
            "goodwill": self.tr("Goodwill gesture"),
            "shop_error": self.tr("The shop's mistake"),
            "faulty": self.tr("Faulty item"),
        }
        self._quick_reasons.set_texts(self._reason_texts)
        self._reason.setPlaceholderText(self.tr("Reason (tap one, or write it)"))
        self._cancel.setText(self.tr("Cancel"))
        self._approve.setText(self.tr("Approve"))

    def _load_managers(self) -> None:
        users = self._users
        self._approve.setEnabled(False)
        self._runner.submit(
            users.list_users, on_success=self._on_managers_loaded, on_error=self._show_error
        )

    def _on_managers_loaded(self, views: tuple[UserView, ...]) -> None:
        managers = [v for v in views if v.active and v.role in APPROVERS]
        for view in managers:
            button = QPushButton(view.display_name, objectName=f"manager_{view.username}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setProperty("username", view.username)
            self._managers.addButton(button)
            self._managers_row.addWidget(button)
        self._managers_row.addStretch(1)
        if len(managers) == 1:
            self._managers.buttons()[0].setChecked(True)
        self._approve.setEnabled(True)

    def _on_approve_clicked(self) -> None:
        chosen = self._managers.checkedButton()
        reason = self._reason.text().strip()
        if chosen is None:
            self._show_text(self.tr("Tap the name of the manager who approves."))
        elif not self._keypad.length:
            self._show_text(self.tr("The manager types their PIN on the keypad."))
        elif not reason:
            self._show_text(self.tr("Write why the manager approves (for the audit)."))
        else:
            # The PIN leaves the pad here, once: a wrong one is not left on screen to retry.
            self._submit(str(chosen.property("username")), self._keypad.take(), reason)

    def _submit(self, username: str, pin: str, reason: str) -> None:
        users, rules = self._users, self._rules
        self._approve.setEnabled(False)
        self._error.hide()
        self._runner.submit(
            lambda: tuple(users.approve(username, pin, rule, reason) for rule in rules),
            on_success=self._on_approved,
            on_error=self._on_refused,
        )

    def _on_approved(self, approvals: tuple[Approval, ...]) -> None:
        self.approvals = approvals
        self.accept()

    def _on_refused(self, error: BaseException) -> None:
        self._approve.setEnabled(True)
        self._show_error(error)

    def _show_error(self, error: BaseException) -> None:
        self._show_text(error_text(error, self._locale))

    def _show_text(self, text: str) -> None:
        self._error.setText(text)
        self._error.show()


class CardApprovalDialog(Retranslating, QDialog):
    """Asks for the approval code a stand-alone card terminal printed (`StandaloneTerminal`)."""

    def __init__(
        self, *, amount: Money, reference: str, locale: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cardApprovalDialog")
        self.setModal(True)
        self._amount, self._reference, self._locale = amount, reference, locale
        self._build_ui()
        self._retranslate_ui()

    @classmethod
    def ask(
        cls, parent: QWidget | None, *, amount: Money, reference: str, locale: str
    ) -> str | None:
        """The code typed, or None when cancelled. A negative `amount` is a card refund."""
        dialog = cls(amount=amount, reference=reference, locale=locale, parent=parent)
        with dimmed(parent):
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        code = dialog.code()
        dialog.deleteLater()
        return code if accepted else None

    def code(self) -> str:
        return self._code.text().strip().upper()

    def _build_ui(self) -> None:
        self._prompt = QLabel(objectName="cardPrompt", wordWrap=True)
        self._code = QLineEdit(objectName="approvalCode")
        self._code.setMaxLength(12)
        self._cancel = QPushButton(objectName="cancelButton")
        self._ok = QPushButton(objectName="confirmButton", default=True)
        self._ok.setProperty("primary", True)
        self._cancel.clicked.connect(self.reject)
        self._ok.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self._cancel)
        buttons.addStretch(1)
        buttons.addWidget(self._ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self._prompt)
        layout.addWidget(self._code)
        layout.addLayout(buttons)

    def _retranslate_ui(self) -> None:
        amount = self._amount
        if amount.minor < 0:
            prompt = self.tr("Refund {amount} on the card terminal ({reference}).")
        else:
            prompt = self.tr("Charge {amount} on the card terminal ({reference}).")
        shown = format_money(Money(abs(amount.minor), amount.currency), self._locale)
        text = prompt.format(amount=shown, reference=self._reference)
        self._prompt.setText(text + "\n" + self.tr("Then type the approval code it prints."))
        self.setWindowTitle(self.tr("Card terminal"))
        self._cancel.setText(self.tr("Cancel"))
        self._ok.setText(self.tr("Confirm"))
