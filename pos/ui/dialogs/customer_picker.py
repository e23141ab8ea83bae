"""Picking a customer at the counter: for a card being issued, or to spend one of their cards.

`CustomerPickerDialog.ask_customer` returns the customer a new card goes to (or nobody);
`ask_card` lists a customer's cards with their balances — the order's customer first, any
other found by name, e-mail or phone — and returns the card tapped, so its code is never typed.
Every read goes through the task runner (`CustomerService.find` and `.cards`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.services.customers import CustomerCard, CustomerService, CustomerSummary
from pos.ui.dialogs.dimmer import dimmed
from pos.ui.messages import error_text
from pos.ui.retranslating import Retranslating
from pos.ui.screens import COMPACT_ROW_HEIGHT, setup_touch_table
from pos.ui.screens.customer.models import CustomerCardsTableModel, CustomersTableModel
from pos.ui.workers import TaskRunner

DIALOG_WIDTH = 660  # px: inside two thirds of a 1024 px screen
FIND_KEY, CARDS_KEY = "customer-find", "customer-cards"


@dataclass(frozen=True, slots=True)
class Picked:
    """The cashier's choice: a customer, or None for nobody."""

    customer: CustomerSummary | None


class CustomerPickerDialog(Retranslating, QDialog):
    """Search customers by name, e-mail or phone; in card mode, then tap one of their cards."""

    def __init__(self, *, customers: CustomerService, runner: TaskRunner, locale: str,
                 cards: bool, first: int | None = None, parent: QWidget | None = None
                 ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("customerPicker")
        self.setModal(True)
        self.setStyleSheet("#dialogTitle { font-size: 22px; font-weight: bold; }"
                           " #dialogError { color: #7a4300; }")  # fmt: skip
        self._customers, self._runner, self._cards_mode = customers, runner, cards
        self._locale = locale
        self._found = CustomersTableModel(locale=locale, parent=self)
        self._cards = CustomerCardsTableModel(locale=locale, parent=self)
        self.picked: Picked | None = None
        self.card: CustomerCard | None = None
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()
        if first is not None:
            self._show_cards_of(first)

    @classmethod
    def ask_customer(cls, parent: QWidget | None, *, customers: CustomerService,
                     runner: TaskRunner, locale: str) -> Picked | None:  # fmt: skip
        """The customer a new card goes to (`Picked(None)`: nobody); None when cancelled."""
        dialog = cls(customers=customers, runner=runner, locale=locale, cards=False,
                     parent=parent)  # fmt: skip
        return dialog.picked if dialog.run(parent) else None

    @classmethod
    def ask_card(cls, parent: QWidget | None, *, customers: CustomerService,
                 runner: TaskRunner, locale: str, first: int | None
                 ) -> CustomerCard | None:  # fmt: skip
        """A card of the customer `first` (the order's) or of one found; None when cancelled."""
        dialog = cls(customers=customers, runner=runner, locale=locale, cards=True, first=first,
                     parent=parent)  # fmt: skip
        return dialog.card if dialog.run(parent) else None

    def run(self, parent: QWidget | None) -> bool:
        """Modal over the dimmed window; True when the cashier chose (deleted afterwards)."""
        with dimmed(parent):
            accepted = self.exec() == QDialog.DialogCode.Accepted
        self.deleteLater()  # when the event loop next runs: what was chosen is read before
        return accepted

    def _build_ui(self) -> None:
        self._title = QLabel(objectName="dialogTitle")
        self._query = QLineEdit(objectName="customerQuery")
        self._find = QPushButton(objectName="findCustomerButton", autoDefault=False)
        # The e-mail gives way (elided) before the name does.
        self._found_view = self._table(self._found, "foundCustomers", stretch=1)
        self._cards_view = self._table(self._cards, "customerCardsList", stretch=0)
        self._hint = QLabel(objectName="pickerHint", wordWrap=True)
        self._error = QLabel(objectName="dialogError", wordWrap=True)
        self._cancel = QPushButton(objectName="cancelButton", autoDefault=False)
        self._nobody = QPushButton(objectName="noCustomerButton", autoDefault=False)
        search = QHBoxLayout()
        search.addWidget(self._query, 1)
        search.addWidget(self._find)
        buttons = QHBoxLayout()
        buttons.addWidget(self._cancel)
        buttons.addStretch(1)
        buttons.addWidget(self._nobody)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addLayout(search)
        layout.addWidget(self._found_view, 1)
        layout.addWidget(self._hint)
        layout.addWidget(self._cards_view, 1)
        layout.addWidget(self._error)
        layout.addLayout(buttons)
        self._cards_view.setVisible(self._cards_mode)
        self._nobody.setVisible(not self._cards_mode)
        self._error.hide()
        self.setMinimumWidth(DIALOG_WIDTH)

    def _table(self, model: CustomersTableModel | CustomerCardsTableModel, name: str, *,
               stretch: int) -> QTableView:  # fmt: skip
        view = QTableView(objectName=name)
        view.setModel(model)
        setup_touch_table(view, stretch=stretch, row_height=COMPACT_ROW_HEIGHT)
        view.setMinimumHeight(3 * COMPACT_ROW_HEIGHT + 30)
        return view

    def _connect_signals(self) -> None:
        self._find.clicked.connect(self._on_find_clicked)
        self._query.returnPressed.connect(self._on_find_clicked)
        self._cancel.clicked.connect(self.reject)
        self._nobody.clicked.connect(self._on_nobody_clicked)
        self._found_view.clicked.connect(self._on_found_view_clicked)
        self._cards_view.clicked.connect(self._on_cards_view_clicked)

    def _retranslate_ui(self) -> None:
        self._title.setText(self.tr("Find by customer") if self._cards_mode
                            else self.tr("Whose card is it?"))  # fmt: skip
        self._query.setPlaceholderText(self.tr("Name, e-mail or phone"))
        self._find.setText(self.tr("Search"))
        self._cancel.setText(self.tr("Cancel"))
        self._nobody.setText(self.tr("No customer"))
        self._render_hint()

    def _render_hint(self) -> None:
        if not self._cards_mode:
            self._hint.setText(self.tr("Tap the customer the new card belongs to."))
        elif self._cards.rowCount() == 0:
            self._hint.setText(self.tr("No card for this customer: find another one."))
        else:
            self._hint.setText(self.tr("Tap a card to pay with it."))

    def _on_find_clicked(self) -> None:
        customers, text = self._customers, self._query.text()
        self._runner.submit(lambda: customers.find(text), key=FIND_KEY,
                            on_success=self._on_found, on_error=self._on_failed)  # fmt: skip

    def _on_found(self, found: tuple[CustomerSummary, ...]) -> None:
        self._found.set_rows(found)
        self._error.setVisible(not found)
        self._error.setText(self.tr("Nobody found: check the spelling, or try the e-mail."))

    def _on_found_view_clicked(self, index: QModelIndex) -> None:
        rows = self._found.rows
        if not 0 <= index.row() < len(rows):
            return
        if self._cards_mode:
            self._show_cards_of(rows[index.row()].customer_id)
        else:
            self.picked = Picked(rows[index.row()])
            self.accept()

    def _show_cards_of(self, customer_id: int) -> None:
        customers = self._customers
        self._runner.submit(lambda: customers.cards(customer_id), key=CARDS_KEY,
                            on_success=self._on_cards, on_error=self._on_failed)  # fmt: skip

    def _on_cards(self, cards: tuple[CustomerCard, ...]) -> None:
        self._cards.set_rows(cards)
        self._render_hint()

    def _on_cards_view_clicked(self, index: QModelIndex) -> None:
        rows = self._cards.rows
        if not 0 <= index.row() < len(rows):
            return
        if not rows[index.row()].usable:
            self._error.setText(self.tr("This card is empty or no longer valid."))
            self._error.show()
            return
        self.card = rows[index.row()]
        self.accept()

    def _on_nobody_clicked(self) -> None:
        self.picked = Picked(None)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self._error.setText(error_text(error, self._locale))
        self._error.show()


__all__ = ["CustomerPickerDialog", "Picked"]
