"""The no-receipt screen: the items and why (first page), the customer and refund (second)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos.domain.no_receipt import NO_RECEIPT_REASONS
from pos.domain.returns import Disposition
from pos.domain.scan import ScanKind
from pos.ui.chips import ChipGroup
from pos.ui.format import format_money
from pos.ui.retranslating import Retranslating
from pos.ui.screens.managed import show_status
from pos.ui.screens.no_receipt.customer_page import CustomerPage, header
from pos.ui.screens.no_receipt.models import LineState, basis_text
from pos.ui.screens.no_receipt.view_model import NoReceiptViewModel
from pos.ui.screens.returns.picker import CataloguePicker
from pos.ui.screens.returns.screen import RETURNS_QSS, STEP_SIZE
from pos.ui.scroll_area import VerticalScrollArea

DISPOSITIONS = (Disposition.RESTOCK, Disposition.DAMAGED)
NO_RECEIPT_QSS = RETURNS_QSS + """
#noReceiptTotal { font-size: 26px; font-weight: bold; }
#lineValue { color: #3c4650; }
#noReceiptStatus[kind="error"], #limitsLabel[kind="error"] { color: #7a4300; }
#refundChips QPushButton { font-size: 20px; min-height: 72px; }
"""


class NoReceiptLineRow(Retranslating, QFrame):
    """One item coming back: its name, its value and why, − n +, back to stock or damaged.

    Signals:
        stepped(int): −1 or +1.
        disposition_chosen(object): a `Disposition`.
    """

    stepped = Signal(int)
    disposition_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noReceiptLine")
        self._name = QLabel(objectName="lineName", wordWrap=True)
        self._value = QLabel(objectName="lineValue", wordWrap=True)
        self._quantity = QLabel(objectName="lineQuantity", alignment=Qt.AlignmentFlag.AlignCenter)
        self._quantity.setMinimumWidth(48)
        self._disposition = ChipGroup(DISPOSITIONS, columns=2, object_name="dispositionChips")
        self._disposition.chosen.connect(self.disposition_chosen)
        grid = QGridLayout(self)
        grid.addWidget(self._name, 0, 0)
        grid.addWidget(self._value, 1, 0)
        stepper = QHBoxLayout()
        for text, delta, name in (("−", -1, "minusButton"), ("+", 1, "plusButton")):
            button = QPushButton(text, objectName=name)
            button.setFixedSize(STEP_SIZE + 8, STEP_SIZE)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, d=delta: self.stepped.emit(d))
            stepper.addWidget(button)
            if delta < 0:
                stepper.addWidget(self._quantity)
        grid.addLayout(stepper, 0, 1, 2, 1)
        grid.addWidget(self._disposition, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        self._retranslate_ui()

    def _retranslate_ui(self) -> None:
        self._disposition.set_texts({Disposition.RESTOCK: self.tr("Back to stock"),
                                     Disposition.DAMAGED: self.tr("Damaged")})  # fmt: skip

    def show_state(self, state: LineState, value_text: str) -> None:
        self._name.setText(state.item.name)  # "product — options", as the receipt names it
        self._value.setText(value_text)
        self._quantity.setText(str(state.quantity))
        self._disposition.select(state.disposition)


class NoReceiptScreen(Retranslating, QWidget):
    """Renders `NoReceiptViewModel` on two pages; the approval dialog is asked by the caller.

    Signals:
        back_requested(): leave (nothing was written).
        validate_requested(): the return is complete and the cashier validates it.
    """

    back_requested = Signal()
    validate_requested = Signal()

    def __init__(self, *, view_model: NoReceiptViewModel, picker: CataloguePicker,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("noReceiptScreen")
        self.setStyleSheet(NO_RECEIPT_QSS)
        self._vm, self._picker = view_model, picker
        self._rows: list[NoReceiptLineRow] = []
        self.customer_page = CustomerPage(view_model=view_model)
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()
        self._render_lines()

    @property
    def view_model(self) -> NoReceiptViewModel:
        return self._vm

    @property
    def picker(self) -> CataloguePicker:
        return self._picker

    def _build_ui(self) -> None:
        self._stack = QStackedWidget(objectName="noReceiptPages")
        self._items_page = QWidget(objectName="noReceiptItemsPage")
        self._back = QPushButton(objectName="backButton")
        self._title = QLabel(objectName="screenTitle")
        top = header(self._back, self._title)
        self._status = QLabel(objectName="noReceiptStatus", wordWrap=True)
        body = QHBoxLayout()
        body.addLayout(self._build_left(), 3)
        right = QVBoxLayout()
        self._picker_title = QLabel(objectName="sectionTitle")
        right.addWidget(self._picker_title)
        right.addWidget(self._picker, 1)
        body.addLayout(right, 2)
        self._total = QLabel(objectName="noReceiptTotal", wordWrap=True)
        self._continue = QPushButton(objectName="continueButton")
        self._continue.setProperty("primary", True)
        foot = QHBoxLayout()
        foot.addWidget(self._total, 1)
        foot.addWidget(self._continue)
        page = QVBoxLayout(self._items_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addLayout(top)
        page.addWidget(self._status)
        page.addLayout(body, 1)
        page.addLayout(foot)
        self._stack.addWidget(self._items_page)
        self._stack.addWidget(self.customer_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self._stack)

    def _build_left(self) -> QVBoxLayout:
        self._lines_title = QLabel(objectName="sectionTitle")
        self._lines_box = QVBoxLayout()
        self._empty = QLabel(objectName="noLinesHint", wordWrap=True)
        self._lines_box.addWidget(self._empty)
        self._lines_box.addStretch(1)
        holder = QWidget(objectName="linesHolder")
        holder.setLayout(self._lines_box)
        scroll = VerticalScrollArea(holder, object_name="linesScroll")
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self._reason_title = QLabel(objectName="sectionTitle")
        self._reasons = ChipGroup(NO_RECEIPT_REASONS, columns=3, object_name="reasonChips")
        self._reason_words = QLineEdit(objectName="reasonWords")
        left = QVBoxLayout()
        left.addWidget(self._lines_title)
        left.addWidget(scroll, 1)
        left.addWidget(self._reason_title)
        left.addWidget(self._reasons)
        left.addWidget(self._reason_words)
        return left

    def _connect_signals(self) -> None:
        self._back.clicked.connect(self.back_requested)
        self._continue.clicked.connect(self._on_continue_clicked)
        self._picker.variant_chosen.connect(lambda v: self._vm.add_item(variant_id=v))
        self._picker.code_submitted.connect(lambda code: self._vm.add_item(code=code))
        self._reasons.chosen.connect(lambda code: self._vm.set_reason(str(code)))
        self._reason_words.textEdited.connect(self._vm.set_reason_words)
        self.customer_page.back_requested.connect(self.show_items)
        self.customer_page.validate_requested.connect(self.validate_requested)
        self._vm.lines_changed.connect(self._render_lines)
        self._vm.status_changed.connect(self._render_status)

    def _retranslate_ui(self) -> None:
        self._back.setText(self.tr("‹  Back to the search"))
        self._title.setText(self.tr("Return without a receipt"))
        self._picker_title.setText(self.tr("Scan or find the item"))
        self._lines_title.setText(self.tr("What comes back"))
        self._empty.setText(self.tr("Scan the item, or find it by name on the right."))
        self._reason_title.setText(self.tr("Why it comes back"))
        self._reasons.set_texts({
            "gift": self.tr("A gift"), "lost_receipt": self.tr("Receipt lost"),
            "defective": self.tr("Faulty"), "wrong_size": self.tr("Wrong size"),
            "changed_mind": self.tr("Changed their mind"), "other": self.tr("Other reason"),
        })  # fmt: skip
        self._reason_words.setPlaceholderText(self.tr("In the customer's words (optional)"))
        self._continue.setText(self.tr("Customer and refund  ›"))
        self._render_lines()

    def start(self) -> None:
        """A new return on the first page, ready for a scan: nothing of the last one left,
        not even the picker's search and size grid."""
        self._vm.start()
        self._reason_words.clear()
        self.customer_page.start()
        self.show_items()
        self._picker.clear()

    def show_items(self) -> None:
        self._stack.setCurrentWidget(self._items_page)

    def set_locale(self, locale: str) -> None:
        """Show money the `locale` way ("en_US"); nothing is read again."""
        self._picker.set_locale(locale)
        self.customer_page.set_locale(locale)
        self._vm.set_locale(locale)

    def on_scan(self, kind: ScanKind, text: str) -> None:
        """A scan on this screen is the item coming back (never an order look-up)."""
        if kind in (ScanKind.ITEM, ScanKind.UNKNOWN) and self._stack.currentWidget() is \
                self._items_page:  # fmt: skip
            self._vm.add_item(code=text)

    def _on_continue_clicked(self) -> None:
        self._stack.setCurrentWidget(self.customer_page)
        self.customer_page.activate()

    def _render_lines(self) -> None:
        vm = self._vm
        while len(self._rows) > len(vm.lines):
            self._rows.pop().deleteLater()
        while len(self._rows) < len(vm.lines):
            index = len(self._rows)
            row = NoReceiptLineRow(parent=self)
            row.stepped.connect(lambda d, i=index: self._vm.step(i, d))
            row.disposition_chosen.connect(lambda d, i=index: self._vm.set_disposition(i, d))
            self._lines_box.insertWidget(index, row)
            self._rows.append(row)
        days = self._vm.period_days
        for row, state in zip(self._rows, vm.lines, strict=True):
            row.show_state(state, self._value_text(state, days))
        self._empty.setVisible(not vm.lines)
        self._reasons.select(vm.reason_code or None)
        total = vm.total
        self._total.setText("" if total is None else self.tr("Given back: {amount}").format(
            amount=format_money(total, vm.locale)))  # fmt: skip
        self._continue.setEnabled(vm.can_continue)

    def _value_text(self, state: LineState, days: int) -> str:
        vm = self._vm
        basis = basis_text(state.item, days=days, locale=vm.locale, tz=vm.tz)
        if state.quantity == 1:
            return basis
        return self.tr("{basis} × {count} = {credit}").format(
            basis=basis, count=state.quantity, credit=format_money(state.credit, vm.locale))

    def _render_status(self) -> None:
        show_status(self._status, self._vm.status_text, self._vm.status_kind)
