"""The returns screen: what comes back (steppers, reason, disposition), replacements, quote."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.domain.money import Money
from pos.domain.returns import BalanceKind, Disposition, DocumentKind, Quote
from pos.ui.chips import ChipGroup
from pos.ui.format import format_money
from pos.ui.messages import rule_text
from pos.ui.retranslating import Retranslating
from pos.ui.screens import COMPACT_ROW_HEIGHT, setup_touch_table
from pos.ui.screens.returns.models import ReplacementsTableModel
from pos.ui.screens.returns.picker import CataloguePicker
from pos.ui.screens.returns.view_model import REASONS, LineState, ReturnsViewModel
from pos.ui.scroll_area import VerticalScrollArea

STEP_SIZE = 56  # px: the − and + of a stepper
DISPOSITIONS = (Disposition.RESTOCK, Disposition.DAMAGED, Disposition.INSPECT)
# Local rules on top of pos/ui/style.qss (which belongs to the main window).
RETURNS_QSS = """
#balanceLabel, #settleBalance { font-size: 26px; font-weight: bold; }
#balanceLabel[kind="problem"] { font-size: 18px; font-weight: normal; color: #7a4300; }
#approvalsLabel, #returnsStatus, #settleStatus, #dialogError { color: #7a4300; }
#lineName { font-weight: bold; }
#lineQuantity { font-size: 26px; font-weight: bold; }
#amountDisplay { font-size: 30px; font-weight: bold; padding: 4px 8px; }
#changeLabel { font-size: 24px; font-weight: bold; color: #1e5c2c; }
#resultText { font-size: 26px; }
#resultChange { font-size: 56px; font-weight: bold; color: #1e5c2c; }
#settleSummary { color: #3c4650; }
#reasonChips QPushButton, #dispositionChips QPushButton { font-size: 16px; padding: 0 6px; }
#receiptChips QPushButton { font-size: 16px; padding: 0 6px; min-width: 48px; }
QPushButton:checked { background: #cfe8e6; border-color: #0b6e69; font-weight: bold; }
QPushButton[stock="low"] { border-color: #c77700; color: #7a4300; }
QPushButton:disabled { color: #9aa5ae; background: #eceeef; }
"""


class LineRow(Retranslating, QFrame):
    """One sold line: name, what can come back, a − n + stepper, reason and disposition.

    The reason and disposition are chips, shown once a unit is coming back (a line left alone
    stays one row high, so more lines fit on the screen).

    Signals:
        stepped(int): −1 or +1.
        reason_chosen(str): a reason code ("" for none yet).
        disposition_chosen(object): a `Disposition`.
        other_size_requested(): show this product's sizes in the picker (exchanges).
    """

    stepped = Signal(int)
    reason_chosen = Signal(str)
    disposition_chosen = Signal(object)
    other_size_requested = Signal()

    def __init__(self, state: LineState, *, kind: DocumentKind, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("returnLine")
        self._returnable = state.line.returnable
        self._build_ui(state, kind)
        self._retranslate_ui()
        self.show_state(state)

    def _build_ui(self, state: LineState, kind: DocumentKind) -> None:
        line = state.line
        # Wrapped: a long name with its options ("T-shirt coton bio  Taille: M") must not
        # widen the column and squeeze the catalogue picker beside it at 1024 px.
        name = QLabel(f"{line.product_name}  {line.options_text}".strip(), objectName="lineName",
                      wordWrap=True)  # fmt: skip
        self._info = QLabel(objectName="lineInfo")
        self._minus = self._step_button("−", -1, "minusButton")
        self._plus = self._step_button("+", 1, "plusButton")
        self._quantity = QLabel(objectName="lineQuantity", alignment=Qt.AlignmentFlag.AlignCenter)
        self._quantity.setMinimumWidth(48)
        # The commonest apparel exchange, in one tap: this line comes back, its sizes open.
        self._other_size = QPushButton(objectName="otherSizeButton")
        self._other_size.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._other_size.setVisible(
            kind is DocumentKind.EXCHANGE and bool(line.sku) and line.returnable > 0
        )
        self._other_size.clicked.connect(self.other_size_requested)
        stepper_locked = kind is DocumentKind.CANCELLATION  # a cancellation takes every unit
        self._minus.setVisible(not stepper_locked)
        self._plus.setVisible(not stepper_locked)
        self._reason = ChipGroup(REASONS, columns=3, object_name="reasonChips")
        self._reason.chosen.connect(lambda code: self.reason_chosen.emit(code))
        self._disposition = ChipGroup(DISPOSITIONS, columns=3, object_name="dispositionChips")
        self._disposition.chosen.connect(lambda d: self.disposition_chosen.emit(d))
        grid = QGridLayout(self)
        grid.addWidget(name, 0, 0, 1, 2)
        grid.addWidget(self._info, 1, 0)
        stepper = QHBoxLayout()
        stepper.addWidget(self._other_size)
        stepper.addSpacing(12)
        for widget in (self._minus, self._quantity, self._plus):
            stepper.addWidget(widget)
        grid.addLayout(stepper, 0, 2, 2, 1)
        grid.addWidget(self._reason, 2, 0, 1, 3)
        grid.addWidget(self._disposition, 3, 0, 1, 3)
        grid.setColumnStretch(0, 1)

    def _step_button(self, text: str, delta: int, name: str) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setFixedSize(STEP_SIZE + 8, STEP_SIZE)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda: self.stepped.emit(delta))
        return button

    def _retranslate_ui(self) -> None:
        self._info.setText(self.tr("{count} can come back").format(count=self._returnable))
        self._other_size.setText(self.tr("Other size"))
        reasons = {
            "wrong_size": self.tr("Wrong size"),
            "not_as_expected": self.tr("Not as expected"),
            "faulty": self.tr("Faulty or damaged"),
            "changed_mind": self.tr("Changed their mind"),
            "other": self.tr("Other reason"),
        }
        dispositions = {
            Disposition.RESTOCK: self.tr("Back to stock"),
            Disposition.DAMAGED: self.tr("Damaged"),
            Disposition.INSPECT: self.tr("To inspect"),
        }
        self._reason.set_texts(reasons)
        self._disposition.set_texts(dispositions)

    def show_state(self, state: LineState, most: int | None = None) -> None:
        """Show `state`; + is greyed at `most` units (default: what can still come back)."""
        self._quantity.setText(str(state.quantity))
        self._minus.setEnabled(state.quantity > 0)
        self._plus.setEnabled(state.quantity < (state.line.returnable if most is None else most))
        self._reason.select(state.reason or None)
        self._disposition.select(state.disposition)
        self._reason.setVisible(state.quantity > 0)
        self._disposition.setVisible(state.quantity > 0)
        self.setProperty("active", state.quantity > 0)


class ReturnsScreen(Retranslating, QWidget):
    """Shows `ReturnsViewModel`'s draft and quote; the picker adds replacements.

    Signals:
        back_requested(): leave the draft (nothing was written).
        continue_requested(): the quote is shown and the cashier goes on to settle.
    """

    back_requested = Signal()
    continue_requested = Signal()

    def __init__(
        self,
        *,
        view_model: ReturnsViewModel,
        picker: CataloguePicker,
        locale: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("returnsScreen")
        self.setStyleSheet(RETURNS_QSS)
        self._vm, self._picker, self._locale = view_model, picker, locale
        self._replacements = ReplacementsTableModel(locale=locale, parent=self)
        self._rows: list[LineRow] = []
        self._built_for: tuple[int, DocumentKind] | None = None
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()

    @property
    def view_model(self) -> ReturnsViewModel:
        return self._vm

    @property
    def picker(self) -> CataloguePicker:
        return self._picker

    def set_locale(self, locale: str) -> None:
        """Show money the `locale` way ("en_US"); nothing is quoted or searched again."""
        self._locale = locale
        self._replacements.set_locale(locale)
        self._picker.set_locale(locale)
        self._vm.set_locale(locale)  # re-emits quote_changed: the balance is said again

    def _build_ui(self) -> None:
        self._back = QPushButton(objectName="backButton")
        self._title = QLabel(objectName="screenTitle")
        top = QHBoxLayout()
        top.addWidget(self._back)
        top.addSpacing(16)
        top.addWidget(self._title, 1)
        self._status = QLabel(objectName="returnsStatus", wordWrap=True)
        body = QHBoxLayout()
        body.addLayout(self._build_left(), 3)
        self._right = QWidget(objectName="pickerPanel")
        right = QVBoxLayout(self._right)
        right.setContentsMargins(0, 0, 0, 0)
        self._picker_title = QLabel(objectName="sectionTitle")
        right.addWidget(self._picker_title)
        right.addWidget(self._picker, 1)
        body.addWidget(self._right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._status)
        layout.addLayout(body, 1)
        layout.addWidget(self._build_quote_panel())

    def _build_left(self) -> QVBoxLayout:
        self._lines_box = QVBoxLayout()
        self._lines_box.addStretch(1)
        holder = QWidget(objectName="linesHolder")
        holder.setLayout(self._lines_box)
        # Never narrower than a line (its stepper and lists), so nothing hides to the side.
        scroll = VerticalScrollArea(holder, object_name="linesScroll")
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self._refund_box = QCheckBox(objectName="withRefund")
        self._note = QLineEdit(objectName="cancelNote")
        self._items_view = QTableView(objectName="replacementsTable")
        self._items_view.setModel(self._replacements)
        setup_touch_table(self._items_view, stretch=0, row_height=COMPACT_ROW_HEIGHT)
        self._remove = QPushButton(objectName="removeItemButton")
        self._items_title = QLabel(objectName="sectionTitle")
        self._lines_title = QLabel(objectName="sectionTitle")
        left = QVBoxLayout()
        left.addWidget(self._lines_title)
        left.addWidget(scroll, 3)
        for widget in (self._refund_box, self._note, self._items_title):
            left.addWidget(widget)
        items = QHBoxLayout()
        items.addWidget(self._items_view, 1)
        items.addWidget(self._remove, 0, Qt.AlignmentFlag.AlignTop)
        left.addLayout(items, 2)
        return left

    def _build_quote_panel(self) -> QFrame:
        panel = QFrame(objectName="quotePanel")
        self._figures = QLabel(objectName="quoteFigures", wordWrap=True)
        self._balance = QLabel(objectName="balanceLabel", wordWrap=True)
        self._approvals = QLabel(objectName="approvalsLabel", wordWrap=True)
        self._continue = QPushButton(objectName="continueButton")
        self._continue.setProperty("primary", True)
        texts = QVBoxLayout()
        texts.addWidget(self._figures)
        texts.addWidget(self._approvals)
        row = QHBoxLayout(panel)
        row.addLayout(texts, 3)
        row.addWidget(self._balance, 2)
        row.addWidget(self._continue)
        return panel

    def _connect_signals(self) -> None:
        self._back.clicked.connect(self.back_requested)
        self._continue.clicked.connect(self.continue_requested)
        self._remove.clicked.connect(self._on_remove_clicked)
        self._refund_box.toggled.connect(self._vm.set_with_refund)
        self._note.textEdited.connect(self._vm.set_note)
        self._picker.variant_chosen.connect(lambda v: self._vm.add_item(variant_id=v))
        self._picker.code_submitted.connect(lambda code: self._vm.add_item(code=code))
        self._vm.draft_changed.connect(self._render_draft)
        self._vm.quote_changed.connect(self._render_quote)
        self._vm.status_changed.connect(lambda: self._status.setText(self._vm.status_text))

    def _retranslate_ui(self) -> None:
        """The fixed texts, and the title; the quote is worded again by `set_locale`."""
        self._back.setText(self.tr("‹  Back to the order"))
        self._picker_title.setText(self.tr("Replacement"))
        self._lines_title.setText(self.tr("What comes back"))
        self._refund_box.setText(self.tr("Give the money back"))
        self._note.setPlaceholderText(self.tr("Note for the customer"))
        self._items_title.setText(self.tr("New items"))
        self._remove.setText(self.tr("Remove one"))
        self._continue.setText(self.tr("Continue  ›"))
        if self._vm.detail is not None:
            self._title.setText(self._title_text())

    def _on_remove_clicked(self) -> None:
        rows = self._items_view.selectionModel().selectedRows()
        index = rows[0].row() if rows else len(self._vm.replacements) - 1
        if 0 <= index < len(self._vm.replacements):
            self._vm.remove_item(index)

    def _render_draft(self) -> None:
        vm = self._vm
        built_for = (id(vm.detail), vm.kind)
        if built_for != self._built_for:
            self._built_for = built_for
            self._rebuild_rows()
        for row, state in zip(self._rows, vm.lines, strict=True):
            row.show_state(state, vm.most(state))
            row.style().polish(row)
        exchange, cancel = vm.kind is DocumentKind.EXCHANGE, vm.kind is DocumentKind.CANCELLATION
        for widget in (self._right, self._items_title, self._items_view, self._remove):
            widget.setVisible(exchange)
        self._refund_box.setVisible(cancel)
        self._note.setVisible(cancel)
        self._refund_box.setChecked(vm.with_refund)
        if self._note.text() != vm.note:
            self._note.setText(vm.note)
        self._replacements.set_rows(vm.replacements)
        self._title.setText(self._title_text())

    def _rebuild_rows(self) -> None:
        for row in self._rows:
            row.deleteLater()
        self._rows = []
        for index, state in enumerate(self._vm.lines):
            row = LineRow(state, kind=self._vm.kind, parent=self)
            row.setProperty("lineId", state.line.line_id)
            row.stepped.connect(lambda d, i=index: self._vm.step(i, d))
            row.reason_chosen.connect(lambda r, i=index: self._vm.set_reason(i, r))
            row.disposition_chosen.connect(lambda d, i=index: self._vm.set_disposition(i, d))
            row.other_size_requested.connect(lambda i=index: self._on_other_size(i))
            self._lines_box.insertWidget(index, row)
            self._rows.append(row)

    def _on_other_size(self, index: int) -> None:
        state = self._vm.lines[index]
        if state.quantity == 0:
            self._vm.step(index, 1)  # the unit being swapped comes back
        if state.line.sku:
            self._picker.view_model.show_product_of(state.line.sku)

    def _title_text(self) -> str:
        number = self._vm.detail.number if self._vm.detail else ""
        titles = {
            DocumentKind.EXCHANGE: self.tr("Exchange — order {number}"),
            DocumentKind.REFUND: self.tr("Refund — order {number}"),
            DocumentKind.CANCELLATION: self.tr("Cancellation — order {number}"),
        }
        return titles[self._vm.kind].format(number=number)

    def _render_quote(self) -> None:
        quote = self._vm.quote
        self._continue.setEnabled(quote is not None)
        if quote is None:
            self._figures.setText("")
            self._approvals.setText("")
            self._balance.setText(self._vm.quote_text)
            self._balance.setProperty("kind", "problem")
        else:
            self._figures.setText(self._figures_text(quote))
            self._approvals.setText(self._approvals_text(quote))
            self._balance.setText(balance_text(quote, self._locale))
            self._balance.setProperty("kind", quote.balance_kind.value)
        self._balance.style().polish(self._balance)

    def _figures_text(self, quote: Quote) -> str:
        def money(amount: Money) -> str:
            return format_money(amount, self._locale)

        parts = [self.tr("Coming back: {amount}").format(amount=money(quote.returned_credit))]
        if quote.new_items:
            parts.append(self.tr("New items: {amount}").format(amount=money(quote.new_items_total)))
        if quote.fees.total.minor:
            parts.append(self.tr("Fees: {amount}").format(amount=money(quote.fees.total)))
        return "   ·   ".join(parts)

    def _approvals_text(self, quote: Quote) -> str:
        if not quote.approvals_needed:
            return ""
        rules = ", ".join(rule_text(rule) for rule in quote.approvals_needed)
        return self.tr("A manager must approve: {rules}").format(rules=rules)


def balance_text(quote: Quote, locale: str) -> str:
    """The balance in words: equal, to refund, to collect, or nothing (no refund)."""
    amount = format_money(quote.to_refund if quote.balance.minor <= 0 else quote.to_collect, locale)
    texts = {
        BalanceKind.EQUAL: QCoreApplication.translate("Balance", "Equal exchange: nothing to pay"),
        BalanceKind.LOWER: QCoreApplication.translate("Balance", "To refund: {amount}"),
        BalanceKind.HIGHER: QCoreApplication.translate("Balance", "To collect: {amount}"),
        BalanceKind.NONE: QCoreApplication.translate("Balance", "No money moves"),
    }
    return texts[quote.balance_kind].format(amount=amount)
