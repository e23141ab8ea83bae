"""The no-receipt screen's second page: who the customer is, what is left, how to refund."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.domain.settlement import TenderMethod
from pos.services.no_receipt import CustomerMatch
from pos.ui.chips import ChipGroup
from pos.ui.format import format_money
from pos.ui.retranslating import Retranslating
from pos.ui.screens import COMPACT_ROW_HEIGHT, setup_touch_table
from pos.ui.screens.managed import show_status
from pos.ui.screens.no_receipt.models import CustomersTableModel, customer_name, limits_text
from pos.ui.screens.no_receipt.view_model import REFUND_METHODS, NoReceiptViewModel


def header(back: QPushButton, title: QLabel) -> QHBoxLayout:
    """A page's top row: the way back, then its title (both pages of the screen)."""
    top = QHBoxLayout()
    top.addWidget(back)
    top.addSpacing(16)
    top.addWidget(title, 1)
    return top


class CustomerPage(Retranslating, QWidget):
    """Find the customer (or note a new one), see the limits left, choose the refund.

    Signals:
        back_requested(): back to the items.
        validate_requested(): everything is chosen and within the limits.
    """

    back_requested = Signal()
    validate_requested = Signal()

    def __init__(self, *, view_model: NoReceiptViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noReceiptCustomerPage")
        self._vm = view_model
        self._customers = CustomersTableModel(locale=view_model.locale, parent=self)
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()

    def _build_ui(self) -> None:
        self._back = QPushButton(objectName="itemsButton")
        self._title = QLabel(objectName="screenTitle")
        top = header(self._back, self._title)
        body = QHBoxLayout()
        body.addLayout(self._build_find(), 3)  # the customers' names, e-mails and phones
        body.addSpacing(12)
        body.addLayout(self._build_refund(), 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(body, 1)

    def _build_find(self) -> QVBoxLayout:
        self._find_title = QLabel(objectName="sectionTitle")
        self._search = QLineEdit(objectName="customerSearch")
        self._table = QTableView(objectName="customersTable")
        self._table.setModel(self._customers)
        setup_touch_table(self._table, stretch=CustomersTableModel.EMAIL_COLUMN,
                          row_height=COMPACT_ROW_HEIGHT)  # fmt: skip
        self._new_title = QLabel(objectName="sectionTitle")
        self._new_name = QLineEdit(objectName="newCustomerName")
        self._new_contact = QLineEdit(objectName="newCustomerContact")
        self._use_new = QPushButton(objectName="useNewCustomer")
        self._use_new.setMinimumHeight(48)
        new = QHBoxLayout()
        new.addWidget(self._new_contact, 1)
        new.addWidget(self._use_new)
        column = QVBoxLayout()
        for widget in (self._find_title, self._search):
            column.addWidget(widget)
        column.addWidget(self._table, 1)
        column.addWidget(self._new_title)
        column.addWidget(self._new_name)
        column.addLayout(new)
        return column

    def _build_refund(self) -> QVBoxLayout:
        panel = QFrame(objectName="quotePanel")
        self._customer = QLabel(objectName="chosenCustomer", wordWrap=True)
        self._limits = QLabel(objectName="limitsLabel", wordWrap=True)
        self._refund_title = QLabel(objectName="sectionTitle")
        self._refund = ChipGroup(REFUND_METHODS, columns=1, object_name="refundChips")
        self._total = QLabel(objectName="noReceiptTotal", wordWrap=True)
        self._status = QLabel(objectName="noReceiptStatus", wordWrap=True)
        self._validate = QPushButton(objectName="validateButton")
        self._validate.setProperty("primary", True)
        self._validate.setMinimumHeight(56)
        inside = QVBoxLayout(panel)
        inside.addWidget(self._customer)
        inside.addWidget(self._limits)
        column = QVBoxLayout()
        column.addWidget(panel)
        widgets: tuple[QWidget, ...] = (self._refund_title, self._refund, self._total,
                                        self._status)  # fmt: skip
        for widget in widgets:
            column.addWidget(widget)
        column.addStretch(1)
        column.addWidget(self._validate)
        return column

    def _connect_signals(self) -> None:
        self._back.clicked.connect(self.back_requested)
        self._search.textEdited.connect(self._vm.search_customers)
        self._table.clicked.connect(self._on_table_clicked)
        self._use_new.clicked.connect(self._on_use_new_clicked)
        self._new_name.textEdited.connect(self._render_new)
        self._new_contact.textEdited.connect(self._render_new)
        self._refund.chosen.connect(lambda method: self._vm.set_refund_as(TenderMethod(method)))
        self._validate.clicked.connect(self.validate_requested)
        self._vm.customers_changed.connect(self._render_customers)
        self._vm.customer_changed.connect(self._render_customer)
        self._vm.status_changed.connect(self._render_customer)

    def _retranslate_ui(self) -> None:
        self._back.setText(self.tr("‹  The items"))
        self._title.setText(self.tr("Customer and refund"))
        self._find_title.setText(self.tr("Customer"))
        self._search.setPlaceholderText(self.tr("Name, e-mail or phone"))
        self._new_title.setText(self.tr("Not found? A new customer"))
        self._new_name.setPlaceholderText(self.tr("Name"))
        self._new_contact.setPlaceholderText(self.tr("Phone or e-mail"))
        self._use_new.setText(self.tr("New customer"))
        self._refund_title.setText(self.tr("Refund as"))
        self._refund.set_texts({TenderMethod.STORE_CREDIT: self.tr("Store credit"),
                                TenderMethod.NEW_GIFT_CARD: self.tr("New gift card")})  # fmt: skip
        self._validate.setText(self.tr("Validate"))
        self._customers.retranslate()
        self._render_customer()
        self._render_new()

    def start(self) -> None:
        """Nothing chosen: an empty search and an empty new customer."""
        for field in (self._search, self._new_name, self._new_contact):
            field.clear()
        self._customers.set_rows(())
        self._render_new()

    def activate(self) -> None:
        self._search.setFocus()

    def set_locale(self, locale: str) -> None:
        self._customers.set_locale(locale)

    def _on_table_clicked(self, index: QModelIndex) -> None:
        self._vm.choose_customer(index.row())

    def _on_use_new_clicked(self) -> None:
        self._table.clearSelection()
        self._vm.set_new_customer(self._new_name.text(), self._new_contact.text())

    def _render_new(self) -> None:
        self._use_new.setEnabled(bool(self._new_name.text().strip())
                                 and bool(self._new_contact.text().strip()))  # fmt: skip

    def _render_customers(self) -> None:
        self._customers.set_rows(self._vm.customers)

    def _render_customer(self) -> None:
        vm = self._vm
        customer = vm.customer
        if customer is None:
            who = self.tr("No customer chosen yet: find them on the left, or note a new one.")
        elif not isinstance(customer, CustomerMatch):
            who = self.tr("New customer: {name} ({contact})").format(
                name=customer_name(customer), contact=customer.email or customer.phone)
        else:
            contact = " · ".join(x for x in (customer.email, customer.phone) if x)
            who = f"{customer.name}\n{contact}".strip()
        self._customer.setText(who)
        over = vm.over_limit_text
        limits = "" if vm.limits is None else limits_text(vm.limits, customer=vm.customer_name,
                                                          locale=vm.locale)  # fmt: skip
        show_status(self._limits, "\n".join(x for x in (limits, over) if x),
                    "error" if over else "")  # fmt: skip
        self._refund.select(vm.refund_as)
        total = vm.total
        self._total.setText("" if total is None else self.tr("Given back: {amount}").format(
            amount=format_money(total, vm.locale)))  # fmt: skip
        show_status(self._status, vm.status_text, vm.status_kind)
        self._validate.setEnabled(vm.can_commit)
