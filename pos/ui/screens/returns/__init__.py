"""Exchanges, refunds and cancellations: draft → manager approval → settle → document.

`create_returns_flow` builds the bundle the main window hosts; `install_order_actions` puts
the Exchange / Refund / Cancel buttons under the (read-only) order screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos.domain.returns import DocumentKind, Draft
from pos.domain.roles import Approval, Operator, Permission
from pos.domain.scan import ScanKind
from pos.domain.states import allowed_kinds, is_canceled
from pos.services.card_terminal import CardTerminal, StandaloneTerminal
from pos.services.catalogue_search import CatalogueSearchService
from pos.services.customers import CustomerService
from pos.services.history import OrderDetail, SalesHistoryService
from pos.services.returns import CommittedDocument, ReturnsService
from pos.services.users import UserService
from pos.ui.dialogs.approval import ApprovalDialog, CardApprovalDialog
from pos.ui.retranslating import Retranslating
from pos.ui.screens.order import OrderScreen
from pos.ui.screens.returns.picker import CataloguePicker, PickerViewModel
from pos.ui.screens.returns.screen import ReturnsScreen
from pos.ui.screens.returns.view_model import ReturnsViewModel
from pos.ui.screens.settle import SettleScreen, SettleViewModel
from pos.ui.screens.settle.customer_methods import CustomerMethods
from pos.ui.workers import TaskRunner

DETAIL_KEY = "returns-order"

__all__ = [
    "OrderActionsBar",
    "ReturnsFlow",
    "ReturnsScreen",
    "ReturnsViewModel",
    "create_returns_flow",
    "install_order_actions",
]


class ReturnsFlow(QStackedWidget):
    """The returns screen and the settle screen, one after the other, for one order.

    Signals:
        document_committed(str): a document was written (its number); refresh the order.
        closed(str): the cashier tapped Done on the result (the document number).
        cancelled(): the cashier left the draft; nothing was written.
    """

    document_committed = Signal(str)
    closed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        *,
        returns_screen: ReturnsScreen,
        settle_screen: SettleScreen,
        history: SalesHistoryService,
        users: UserService,
        runner: TaskRunner,
        operator_provider: Callable[[], Operator | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("returnsFlow")
        self.returns_screen, self.settle_screen = returns_screen, settle_screen
        self._history, self._users, self._runner = history, users, runner
        self._operator = operator_provider
        self.addWidget(returns_screen)
        self.addWidget(settle_screen)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.returns_screen.back_requested.connect(self.cancelled)
        self.returns_screen.continue_requested.connect(self._on_returns_continue_requested)
        self.settle_screen.back_requested.connect(self._on_settle_back_requested)
        self.settle_screen.done.connect(self.closed)
        self.settle_screen.view_model.committed.connect(self._on_settle_committed)

    def set_locale(self, locale: str) -> None:
        """Show money the `locale` way on both screens ("en_US"); nothing is read again."""
        self.returns_screen.set_locale(locale)
        self.settle_screen.set_locale(locale)

    def start(self, kind: DocumentKind, order_id: int) -> None:
        """Open a new `kind` draft on the order (read in the background)."""
        history, vm = self._history, self.returns_screen.view_model
        self.setCurrentWidget(self.returns_screen)
        self._runner.submit(
            lambda: history.order_detail(order_id),
            key=DETAIL_KEY,
            on_success=lambda detail: self.start_with(kind, detail),
            on_error=vm.show_problem,
        )

    def start_with(self, kind: DocumentKind, detail: OrderDetail) -> None:
        """Open a new `kind` draft on an order already read."""
        self.returns_screen.view_model.start(kind, detail)
        self.returns_screen.picker.view_model.refresh()  # stock moved since it was last read
        self.setCurrentWidget(self.returns_screen)

    def start_with_draft(self, detail: OrderDetail, draft: Draft) -> None:
        """Open a draft already holding a return request's approved lines."""
        self.returns_screen.view_model.start_from(draft, detail)
        self.returns_screen.picker.view_model.refresh()
        self.setCurrentWidget(self.returns_screen)

    def on_scan(self, kind: ScanKind, text: str) -> None:
        """A scan while the draft is open: an item's barcode is a replacement (exchanges), a
        gift card's code goes in the settle screen's field; it is never an order look-up."""
        if self.currentWidget() is self.settle_screen:
            if kind is ScanKind.GIFT_CARD:
                self.settle_screen.set_gift_card_code(text)
            return
        vm = self.returns_screen.view_model
        if kind in (ScanKind.ITEM, ScanKind.UNKNOWN) and vm.kind is DocumentKind.EXCHANGE:
            vm.add_item(code=text)

    def _on_returns_continue_requested(self) -> None:
        vm = self.returns_screen.view_model
        quote, detail = vm.quote, vm.detail
        if quote is None or detail is None:
            return
        approvals: tuple[Approval, ...] = ()
        operator = self._operator()
        if quote.approvals_needed and not (operator and operator.may(Permission.APPROVE)):
            given = ApprovalDialog.ask(
                self,
                [rule.value for rule in quote.approvals_needed],
                users=self._users,
                runner=self._runner,
                locale=vm.locale,
            )
            if given is None:
                return
            approvals = given
        self.settle_screen.view_model.start(detail, vm.draft(), quote, approvals)
        self.settle_screen.start()
        self.setCurrentWidget(self.settle_screen)

    def _on_settle_back_requested(self) -> None:
        self.setCurrentWidget(self.returns_screen)

    def _on_settle_committed(self, document: CommittedDocument) -> None:
        self.returns_screen.picker.view_model.refresh()  # this document moved stock
        self.document_committed.emit(document.number)


class OrderActionsBar(Retranslating, QWidget):
    """Exchange / Refund / Cancel buttons for the order screen (an adapter: the order screen
    itself stays read-only).

    Signals:
        requested(object, int): a `DocumentKind` and the order id.
        reprint_requested(str): the number of the order's latest counter document.
    """

    requested = Signal(object, int)
    reprint_requested = Signal(str)

    def __init__(self, order_screen: OrderScreen, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderActions")
        self._order = order_screen
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addStretch(1)
        self._buttons = {
            DocumentKind.CANCELLATION: QPushButton(objectName="cancelOrderButton"),
            DocumentKind.REFUND: QPushButton(objectName="refundButton"),
            DocumentKind.EXCHANGE: QPushButton(objectName="exchangeButton"),
        }
        # Why an action is greyed, in words (a tooltip is not seen on a touch screen).
        self._why = QLabel(objectName="actionsReason", wordWrap=True)
        self._why.setAlignment(Qt.AlignmentFlag.AlignRight)  # over the button it is about
        column.addWidget(self._why)
        column.addLayout(row)
        self._reprint = QPushButton(objectName="reprintButton")
        self._reprint.clicked.connect(self._on_reprint_clicked)
        row.addWidget(self._reprint)
        for kind, button in self._buttons.items():
            button.clicked.connect(lambda _=False, k=kind: self._on_button_clicked(k))
            row.addWidget(button)
        self._buttons[DocumentKind.EXCHANGE].setProperty("primary", True)
        order_screen.view_model.detail_changed.connect(self._render)
        self._retranslate_ui()

    def _retranslate_ui(self) -> None:
        self._buttons[DocumentKind.CANCELLATION].setText(self.tr("Cancel order"))
        self._buttons[DocumentKind.REFUND].setText(self.tr("Refund"))
        self._buttons[DocumentKind.EXCHANGE].setText(self.tr("Exchange"))
        self._reprint.setText(self.tr("Reprint receipt"))
        self._render()  # the reason line, in the new language

    def _on_button_clicked(self, kind: DocumentKind) -> None:
        detail = self._order.view_model.detail
        if detail is not None:
            self.requested.emit(kind, detail.order_id)

    def _on_reprint_clicked(self) -> None:
        detail = self._order.view_model.detail
        if detail is not None and detail.documents:
            self.reprint_requested.emit(detail.documents[-1].number)

    def _render(self) -> None:
        detail = self._order.view_model.detail
        # Nothing to reprint is no action at all: the button shows only when there is one.
        self._reprint.setVisible(detail is not None and bool(detail.documents))
        enabled, why = order_actions(detail)
        for kind, button in self._buttons.items():
            button.setEnabled(enabled[kind])
        self._why.setText(why)
        self._why.setVisible(bool(why))


def order_actions(detail: OrderDetail | None) -> tuple[dict[DocumentKind, bool], str]:
    """Which of Exchange / Refund / Cancel the order allows, and why the others are not
    ("" when all are)."""
    returnable = detail is not None and any(line.returnable for line in detail.lines)
    allowed = frozenset() if detail is None else allowed_kinds(
        status=detail.status, fulfillment_status=detail.fulfillment_status,
        returnable=returnable)  # fmt: skip
    enabled = {kind: kind in allowed for kind in DocumentKind}

    def tr(text: str) -> str:
        return QCoreApplication.translate("OrderActionsBar", text)

    if detail is None:
        why = ""
    elif is_canceled(detail.status):
        why = tr("Order cancelled: no exchange, refund or cancellation.")
    elif not returnable:
        why = tr("Everything on this order has already come back: nothing to exchange, "
                 "refund or cancel.")  # fmt: skip
    elif DocumentKind.CANCELLATION in allowed:
        why = ""
    elif detail.status.upper() == "PENDING":
        why = tr("Payment pending on Wix: cancellation impossible.")
    elif detail.status.upper() == "REJECTED":
        why = tr("Payment declined on Wix: cancellation impossible.")
    elif DocumentKind.CANCELLATION not in allowed:
        why = tr("Order shipped: cancellation impossible.")
    else:
        why = ""
    return enabled, why


def install_order_actions(
    order_screen: OrderScreen, flow: ReturnsFlow, show: Callable[[QWidget], None]
) -> OrderActionsBar:
    """Put Exchange / Refund / Cancel under the order screen; each opens `flow` via `show`."""
    bar = OrderActionsBar(order_screen, parent=order_screen)
    layout = order_screen.layout()
    assert layout is not None
    layout.addWidget(bar)

    def open_flow(kind: DocumentKind, order_id: int) -> None:
        flow.start_with(
            kind, order_screen.view_model.detail
        ) if order_screen.view_model.detail else flow.start(kind, order_id)
        show(flow)

    bar.requested.connect(open_flow)
    return bar


def create_returns_flow(
    *,
    returns: ReturnsService,
    catalogue: CatalogueSearchService,
    users: UserService,
    history: SalesHistoryService,
    runner: TaskRunner,
    locale: str,
    card_terminal: CardTerminal | None,
    operator_provider: Callable[[], Operator | None],
    customers: CustomerService | None = None,
) -> ReturnsFlow:
    """The returns and settle screens with their view models, wired to the services.

    Args:
        card_terminal: the terminal port; None means a stand-alone terminal whose approval
            code the cashier types in `CardApprovalDialog`.
        operator_provider: who is logged in now (None: nobody, commit is refused).
        customers: the customers' cards at settle (find a card to spend, choose whose new
            card it is); None leaves them out.
    """
    returns_vm = ReturnsViewModel(returns=returns, runner=runner, locale=locale)
    picker_vm = PickerViewModel(catalogue=catalogue, runner=runner, locale=locale)
    picker = CataloguePicker(view_model=picker_vm, locale=locale)
    returns_screen = ReturnsScreen(view_model=returns_vm, picker=picker, locale=locale)
    holder: list[QWidget] = []
    terminal = card_terminal or StandaloneTerminal(
        lambda amount, reference: CardApprovalDialog.ask(
            holder[0] if holder else None,
            amount=amount,
            reference=reference,
            locale=returns_vm.locale,  # the locale of the moment: the language may be switched
        )
    )
    settle_vm = SettleViewModel(
        returns=returns,
        runner=runner,
        card_terminal=terminal,
        operator_provider=operator_provider,
        locale=locale,
    )
    settle_screen = SettleScreen(view_model=settle_vm, locale=locale)
    if customers is not None:
        settle_screen.add_methods(CustomerMethods(
            view_model=settle_vm, customers=customers, runner=runner,
            amount=settle_screen.keypad_amount, parent=settle_screen).buttons)
    for vm, owner in (
        (returns_vm, returns_screen),
        (picker_vm, picker),
        (settle_vm, settle_screen),
    ):
        vm.setParent(owner)
    flow = ReturnsFlow(
        returns_screen=returns_screen,
        settle_screen=settle_screen,
        history=history,
        users=users,
        runner=runner,
        operator_provider=operator_provider,
    )
    holder.append(flow)
    return flow
