"""The settle screen: the balance, tenders on an amount keypad, e-mail and note, then commit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
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
from pos.domain.returns import BalanceKind
from pos.services.history import PaymentView
from pos.ui.chips import ChipGroup
from pos.ui.format import format_money
from pos.ui.keypad import AmountKeypad
from pos.ui.retranslating import Retranslating
from pos.ui.screens import COMPACT_ROW_HEIGHT, payment_method_label, setup_touch_table
from pos.ui.screens.returns.screen import RETURNS_QSS, balance_text
from pos.ui.screens.settle.models import TendersTableModel
from pos.ui.screens.settle.view_model import RECEIPT_CHOICES, SettleViewModel
from pos.ui.scroll_area import VerticalScrollArea


class SettleScreen(Retranslating, QWidget):
    """Shows `SettleViewModel`: what is due, the tenders, and the committed document.

    Signals:
        back_requested(): back to the draft (nothing was written).
        done(str): the cashier closed the result of the committed document (its number).
    """

    back_requested = Signal()
    done = Signal(str)

    def __init__(
        self, *, view_model: SettleViewModel, locale: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settleScreen")
        self.setStyleSheet(RETURNS_QSS)
        self._vm, self._locale = view_model, locale
        self._tenders = TendersTableModel(locale=locale, parent=self)
        self._more_methods: list[Callable[[BalanceKind], list[QPushButton]]] = []
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()

    @property
    def view_model(self) -> SettleViewModel:
        return self._vm

    def set_locale(self, locale: str) -> None:
        """Show money the `locale` way ("en_US"); the settlement is not computed again."""
        self._locale = locale
        self._tenders.set_locale(locale)
        self._keypad.set_locale(locale)
        if self._vm.quote is not None:
            self._rebuild_methods()  # "Card … — up to €98.45"
        self._vm.set_locale(locale)  # re-emits changed: balance, still to settle, change
        if self._vm.result is not None:
            self._render_result()

    def _build_ui(self) -> None:
        self._back = QPushButton(objectName="backButton")
        self._title = QLabel(objectName="screenTitle")
        top = QHBoxLayout()
        top.addWidget(self._back)
        top.addSpacing(16)
        top.addWidget(self._title, 1)
        self._result = self._build_result()
        self._work = QWidget(objectName="settleWork")
        body = QHBoxLayout(self._work)
        body.setContentsMargins(0, 0, 0, 0)
        # Halves: the right one holds the keypad, the gift card code and the refund
        # buttons, whose French words need half of a 1024 px screen.
        body.addLayout(self._build_left(), 1)
        body.addLayout(self._build_right(), 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._work, 1)
        layout.addWidget(self._result, 1)

    def _build_left(self) -> QVBoxLayout:
        self._summary = QLabel(objectName="settleSummary", wordWrap=True)
        self._balance = QLabel(objectName="settleBalance", wordWrap=True)
        self._remaining = QLabel(objectName="remainingLabel")
        self._change = QLabel(objectName="changeLabel")
        self._table = QTableView(objectName="tendersTable")
        self._table.setModel(self._tenders)
        setup_touch_table(self._table, stretch=0, row_height=COMPACT_ROW_HEIGHT)
        self._remove = QPushButton(objectName="removeTenderButton")
        self._receipt = ChipGroup(RECEIPT_CHOICES, columns=4, object_name="receiptChips")
        self._email = QLineEdit(objectName="emailField")
        self._note = QLineEdit(objectName="noteField")
        self._status = QLabel(objectName="settleStatus", wordWrap=True)
        self._commit = QPushButton(objectName="commitButton")
        self._commit.setProperty("primary", True)
        left = QVBoxLayout()
        for widget in (self._summary, self._balance, self._remaining, self._change):
            left.addWidget(widget)
        tenders = QHBoxLayout()
        tenders.addWidget(self._table, 1)
        tenders.addWidget(self._remove, 0, Qt.AlignmentFlag.AlignTop)
        left.addLayout(tenders, 1)
        for row in (self._receipt, self._email, self._note, self._status, self._commit):
            left.addWidget(row)
        return left

    def _build_right(self) -> QVBoxLayout:
        self._keypad = AmountKeypad(currency="EUR", locale=self._locale, parent=self)
        methods = QWidget(objectName="methodsPanel")
        self._methods = QGridLayout(methods)
        self._methods.setContentsMargins(0, 0, 0, 0)
        self._methods.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._gift_code = QLineEdit(objectName="giftCardCode")
        self._nothing = QLabel(objectName="nothingDue", wordWrap=True)
        # What the customer hands over, in one tap: the exact sum, then the next notes.
        self._quick_row = QWidget(objectName="quickCashRow")
        self._quick_shown: tuple[tuple[Money, ...], str] | None = None
        self._quick = QHBoxLayout(self._quick_row)
        self._quick.setContentsMargins(0, 0, 0, 0)
        right = QVBoxLayout()
        right.addWidget(self._nothing)
        right.addWidget(self._quick_row)
        right.addWidget(self._keypad)
        right.addWidget(self._gift_code)
        # An order paid three ways has six buttons: on a 768 px screen the last ones scroll.
        right.addWidget(VerticalScrollArea(methods, object_name="methodsScroll"), 1)
        return right

    def _build_result(self) -> QFrame:
        frame = QFrame(objectName="resultPanel")
        self._result_text = QLabel(objectName="resultText", wordWrap=True)
        self._result_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The change to hand back, in type the cashier reads from arm's length.
        self._result_change = QLabel(objectName="resultChange", wordWrap=True)
        self._result_change.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._done = QPushButton(objectName="doneButton")
        self._done.setProperty("primary", True)
        layout = QVBoxLayout(frame)
        layout.addStretch(1)
        layout.addWidget(self._result_change)
        layout.addWidget(self._result_text)
        layout.addWidget(self._done, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        frame.hide()
        return frame

    def _connect_signals(self) -> None:
        self._back.clicked.connect(self.back_requested)
        self._remove.clicked.connect(self._on_remove_clicked)
        self._commit.clicked.connect(self._on_commit_clicked)
        self._done.clicked.connect(self._on_done_clicked)
        self._receipt.chosen.connect(self._vm.set_receipt)
        self._email.textEdited.connect(lambda text: setattr(self._vm, "email", text))
        self._note.textEdited.connect(lambda text: setattr(self._vm, "note", text))
        self._vm.changed.connect(self._render)
        self._vm.status_changed.connect(self._render_status)
        self._vm.committed.connect(lambda _document: self._render_result())

    def _retranslate_ui(self) -> None:
        """The fixed texts; what depends on the settlement is worded again by `set_locale`."""
        self._back.setText(self.tr("‹  Back to the items"))
        self._remove.setText(self.tr("Remove"))
        self._email.setPlaceholderText(self.tr("Customer e-mail (receipt)"))
        self._note.setPlaceholderText(self.tr("Note for the customer"))
        self._commit.setText(self.tr("Confirm"))
        self._receipt.set_texts({"print": self.tr("Print"), "email": self.tr("E-mail"),
                                 "both": self.tr("Both"), "none": self.tr("None")})
        self._gift_code.setPlaceholderText(self.tr("Gift card code (type or scan)"))
        self._nothing.setText(
            self.tr("Nothing to pay and nothing to refund: check the items, then confirm.")
        )
        self._done.setText(self.tr("Done"))
        texts = self._method_texts()
        for index in range(self._methods.count()):
            item = self._methods.itemAt(index)
            button = item.widget() if item is not None else None
            if isinstance(button, QPushButton) and button.objectName() in texts:
                button.setText(texts[button.objectName()])

    def start(self) -> None:
        """Show the view model's freshly started settlement (methods depend on the order)."""
        self._rebuild_methods()
        self._email.setText(self._vm.email)
        self._note.setText(self._vm.note)
        self._gift_code.clear()
        self._result.hide()
        self._work.show()
        self._back.setEnabled(True)
        self._render()

    def _rebuild_methods(self) -> None:
        while (item := self._methods.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        payments, others = self._method_buttons()
        # A payment to refund takes a row (its words are long); the others go two to a row.
        for row, button in enumerate(payments):
            self._methods.addWidget(button, row, 0, 1, 2)
        for index, button in enumerate(others):
            self._methods.addWidget(button, len(payments) + index // 2, index % 2)

    def _method_buttons(self) -> tuple[list[QPushButton], list[QPushButton]]:
        """The buttons of the original payments to refund to, and of the other methods."""
        payments, others = self._own_method_buttons()
        kind = self._vm.quote.balance_kind if self._vm.quote else BalanceKind.NONE
        return payments, others + [b for make in self._more_methods for b in make(kind)]

    def _own_method_buttons(self) -> tuple[list[QPushButton], list[QPushButton]]:
        quote, vm = self._vm.quote, self._vm
        kind = quote.balance_kind if quote else BalanceKind.NONE
        if kind is BalanceKind.LOWER:
            # A store-credit-only item gives money back only as a card (docs/returns-rules.md).
            cards_only = quote is not None and quote.store_credit_only
            payments = [] if cards_only else [
                self._payment_button(p) for p in vm.refundable_payments()]  # fmt: skip
            cash = [] if cards_only else [self._method("cashButton", vm.add_cash)]
            return payments, [
                *cash,
                self._method("newGiftCardButton", vm.add_new_gift_card),
                self._method("storeCreditButton", vm.add_store_credit),
            ]
        if kind is BalanceKind.HIGHER:
            return [], [
                self._method("cashButton", vm.add_cash),
                self._method("cardButton", vm.add_card),
                self._method("giftCardButton", self._on_gift_card),
            ]
        return [], []

    def _method_texts(self) -> dict[str, str]:
        """The words on the other methods' buttons, by the buttons' object names."""
        return {
            "cashButton": self.tr("Cash"),
            "cardButton": self.tr("Card"),
            "giftCardButton": self.tr("Gift card"),
            "newGiftCardButton": self.tr("New gift card"),
            "storeCreditButton": self.tr("Store credit"),
        }

    def _method(self, name: str, add: Callable[[Money], object]) -> QPushButton:
        button = QPushButton(self._method_texts()[name], objectName=name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda: add(self._keypad.amount()))
        return button

    def _payment_button(self, payment: PaymentView) -> QPushButton:
        text = self.tr("{method} {reference} — up to {amount}").format(
            method=payment_method_label(payment.method),
            reference=payment.reference,
            amount=format_money(payment.refundable, self._locale),
        )
        # On two lines ("Card Visa **** 4242" / "up to €98.45"): one line is wider than half
        # a 1024 px screen in French. Translations keep the " — " between the two parts.
        text = "\n".join(part.strip() for part in text.split(" — ", 1))
        button = QPushButton(text, objectName=f"payment_{payment.payment_id}")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setEnabled(payment.refundable.minor > 0)
        button.clicked.connect(lambda: self._vm.add_original(payment, self._keypad.amount()))
        return button

    def add_methods(self, make: Callable[[BalanceKind], list[QPushButton]]) -> None:
        """More method buttons, made by `make` for the balance's kind each time the methods
        are laid out (the customer's cards, `CustomerMethods`)."""
        self._more_methods.append(make)

    def keypad_amount(self) -> Money:
        """The amount on the keypad now."""
        return self._keypad.amount()

    def set_gift_card_code(self, code: str) -> None:
        """A gift card was scanned: its code is ready for the Gift card button."""
        self._gift_code.setText(code)

    def _on_gift_card(self, amount: Money) -> None:
        self._vm.add_gift_card(self._gift_code.text(), amount)

    def _on_remove_clicked(self) -> None:
        rows = self._table.selectionModel().selectedRows()
        self._vm.remove_tender(rows[0].row() if rows else len(self._vm.tenders) - 1)

    def _on_commit_clicked(self) -> None:
        self._vm.email, self._vm.note = self._email.text(), self._note.text()
        self._vm.commit()

    def _on_done_clicked(self) -> None:
        result = self._vm.result
        self.done.emit(result.number if result else "")

    def _render(self) -> None:
        vm, quote = self._vm, self._vm.quote
        if quote is None:
            return
        number = vm.detail.number if vm.detail else ""
        self._title.setText(self.tr("Settle — order {number}").format(number=number))
        self._summary.setText("\n".join(vm.summary()))
        self._receipt.select(vm.receipt)
        self._email.setVisible(vm.wants_email)
        self._balance.setText(balance_text(quote, self._locale))
        self._balance.setProperty("kind", quote.balance_kind.value)
        self._balance.style().polish(self._balance)
        moves = vm.due.minor > 0
        for widget in (self._keypad, self._table, self._remove, self._remaining):
            widget.setVisible(moves)
        self._gift_code.setVisible(vm.collecting)
        self._nothing.setVisible(not moves)
        self._remaining.setText(
            self.tr("Still to settle: {amount}").format(
                amount=format_money(vm.remaining, self._locale)
            )
        )
        change = vm.change_due
        self._change.setVisible(change.minor > 0)
        self._change.setText(
            self.tr("Change to give: {amount}").format(amount=format_money(change, self._locale))
        )
        self._tenders.set_rows(vm.tenders)
        self._render_quick_cash()
        self._keypad.set_amount(vm.remaining if moves else vm.due)
        self._commit.setEnabled(vm.can_commit)

    def _render_quick_cash(self) -> None:
        offers = self._vm.quick_cash()
        shown = (offers, self._locale)
        if shown == self._quick_shown:
            return
        self._quick_shown = shown
        while (item := self._quick.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.hide()  # gone now, deleted when the event loop next runs
                widget.deleteLater()
        for amount in offers:
            button = QPushButton(format_money(amount, self._locale),
                                 objectName=f"quickCash_{amount.minor}")  # fmt: skip
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, a=amount: self._vm.add_cash(a))
            self._quick.addWidget(button)
        self._quick_row.setVisible(bool(offers))

    def _render_status(self) -> None:
        self._status.setText(self._vm.status_text)
        self._commit.setEnabled(self._vm.can_commit)
        self._back.setEnabled(not self._vm.busy)

    def _render_result(self) -> None:
        document = self._vm.result
        if document is None:
            return
        lines = [self.tr("Saved as {number}.").format(number=document.number)]
        change = document.change_due
        self._result_change.setText(self.tr("Change: {amount}").format(
            amount=format_money(change, self._locale)) if change.minor else "")  # fmt: skip
        self._result_change.setVisible(bool(change.minor))
        for card in document.issued_cards:
            lines.append(
                self.tr("Gift card {code}: {amount}").format(
                    code=card.code, amount=format_money(card.amount, self._locale)
                )
            )
        lines.append(self._receipt_sentence())
        self._result_text.setText("\n".join(lines))
        self._work.hide()
        self._result.show()
        self._back.setEnabled(False)

    def _receipt_sentence(self) -> str:
        email = self._vm.email.strip()
        return {
            "print": self.tr("The receipt is printing."),
            "email": self.tr("The receipt goes by e-mail to {email}.").format(email=email),
            "both": self.tr("The receipt is printing and goes by e-mail to {email}.").format(
                email=email),
            "none": self.tr("No receipt, as the customer asked."),
        }[self._vm.receipt]  # fmt: skip
