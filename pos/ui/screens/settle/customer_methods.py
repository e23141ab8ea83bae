"""Two more buttons among the settle screen's methods: the customer's cards, whose new card.

Collecting, "Find by customer" lists the cards of the order's customer (or of another one
found) and pays with the card tapped — no code typed. Refunding, "New card for: …" says who a
new gift card or store credit goes to (the order's customer) and, tapped, lets the cashier
pick another customer or nobody. Both sit in the methods grid, so the screen is no taller.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QPushButton, QWidget

from pos.domain.money import Money
from pos.domain.returns import BalanceKind
from pos.services.customers import CustomerService
from pos.ui.dialogs.customer_picker import CustomerPickerDialog
from pos.ui.retranslating import Retranslating
from pos.ui.screens.settle.view_model import SettleViewModel
from pos.ui.workers import TaskRunner


class CustomerMethodButton(Retranslating, QPushButton):
    """A method button worded by `word` (again on a language switch or a new owner)."""

    def __init__(self, name: str, word: Callable[[], str]) -> None:
        super().__init__()
        self.setObjectName(name)
        self._word = word
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._retranslate_ui()

    def _retranslate_ui(self) -> None:
        self.setText(self._word())


class CustomerMethods(QObject):
    """Makes the buttons for `SettleScreen.add_methods`; `amount` reads the keypad."""

    def __init__(self, *, view_model: SettleViewModel, customers: CustomerService,
                 runner: TaskRunner, amount: Callable[[], Money], parent: QWidget
                 ) -> None:  # fmt: skip
        super().__init__(parent)
        self._vm, self._customers, self._runner, self._amount = (
            view_model, customers, runner, amount)
        self._parent = parent
        self._owner: CustomerMethodButton | None = None
        view_model.changed.connect(self._on_vm_changed)

    def buttons(self, kind: BalanceKind) -> list[QPushButton]:
        """The buttons for a balance of `kind` (none when nothing moves)."""
        if kind is BalanceKind.HIGHER:
            find = CustomerMethodButton("findByCustomerButton", self._find_text)
            find.clicked.connect(self._on_find_clicked)
            return [find]
        if kind is BalanceKind.LOWER:
            owner = self._owner = CustomerMethodButton("changeCardOwnerButton", self._owner_text)
            owner.destroyed.connect(lambda _=None, gone=owner: self._forget(gone))
            owner.clicked.connect(self._on_owner_clicked)
            return [owner]
        return []

    def _find_text(self) -> str:
        return self.tr("Find by customer")

    def _owner_text(self) -> str:
        name = self._vm.card_owner_name()
        # On two lines, as the payments' buttons: half of a 1024 px screen is narrow.
        return (self.tr("New card for:\n{name}").format(name=name) if name
                else self.tr("New card for:\nnobody"))  # fmt: skip

    def _on_vm_changed(self) -> None:
        if self._owner is not None:
            self._owner.setText(self._owner_text())

    def _forget(self, button: CustomerMethodButton) -> None:
        """A rebuilt methods grid deletes the old button after making the new one."""
        if self._owner is button:
            self._owner = None

    def _on_find_clicked(self) -> None:
        detail = self._vm.detail
        card = CustomerPickerDialog.ask_card(
            self._parent.window(), customers=self._customers, runner=self._runner,
            locale=self._vm.locale, first=detail.customer_id if detail else None)
        if card is not None:
            self._vm.add_gift_card(card.code, min(self._amount(), card.balance))

    def _on_owner_clicked(self) -> None:
        picked = CustomerPickerDialog.ask_customer(
            self._parent.window(), customers=self._customers, runner=self._runner,
            locale=self._vm.locale)
        if picked is not None:
            self._vm.choose_card_customer(picked.customer)
