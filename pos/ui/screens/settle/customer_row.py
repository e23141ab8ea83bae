"""Beside the gift card code on the settle screen: the customer's cards, and whose new card it is.

Collecting, "Find by customer" lists the cards of the order's customer (or of another one
found) and pays with the card tapped. Refunding, the new gift card or store credit goes to
the order's customer unless the cashier taps "Change" and picks another one, or nobody.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from pos.domain.money import Money
from pos.services.customers import CustomerService
from pos.ui.dialogs.customer_picker import CustomerPickerDialog
from pos.ui.retranslating import Retranslating
from pos.ui.screens.settle.view_model import SettleViewModel
from pos.ui.workers import TaskRunner


class CardCustomerRow(Retranslating, QWidget):
    """Follows `SettleViewModel`; `amount` reads the keypad (what to take from a card)."""

    def __init__(self, *, view_model: SettleViewModel, customers: CustomerService,
                 runner: TaskRunner, amount: Callable[[], Money],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("cardCustomerRow")
        self._vm, self._customers, self._runner, self._amount = (
            view_model, customers, runner, amount)
        self._find = QPushButton(objectName="findByCustomerButton")
        self._owner = QLabel(objectName="cardOwner", wordWrap=True)
        self._change = QPushButton(objectName="changeCardOwnerButton")
        for button in (self._find, self._change):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(48)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._find)
        row.addWidget(self._owner, 1)
        row.addWidget(self._change)
        self._find.clicked.connect(self._on_find_clicked)
        self._change.clicked.connect(self._on_change_clicked)
        self._vm.changed.connect(self._render)
        self._retranslate_ui()

    def _retranslate_ui(self) -> None:
        self._find.setText(self.tr("Find by customer"))
        self._change.setText(self.tr("Change"))
        self._render()

    def _render(self) -> None:
        vm = self._vm
        moves = vm.quote is not None and vm.due.minor > 0
        issuing = moves and not vm.collecting
        self._find.setVisible(moves and vm.collecting)
        self._owner.setVisible(issuing)
        self._change.setVisible(issuing)
        self.setVisible(moves)
        owner = vm.card_owner_name()
        self._owner.setText(self.tr("New card for: {name}").format(name=owner) if owner
                            else self.tr("New card for: nobody"))  # fmt: skip

    def _on_find_clicked(self) -> None:
        detail = self._vm.detail
        card = CustomerPickerDialog.ask_card(
            self, customers=self._customers, runner=self._runner, locale=self._vm.locale,
            first=detail.customer_id if detail else None)
        if card is not None:
            self._vm.add_gift_card(card.code, min(self._amount(), card.balance))

    def _on_change_clicked(self) -> None:
        picked = CustomerPickerDialog.ask_customer(
            self, customers=self._customers, runner=self._runner, locale=self._vm.locale)
        if picked is not None:
            self._vm.choose_card_customer(picked.customer)
