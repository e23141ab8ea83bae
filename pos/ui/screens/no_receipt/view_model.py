"""State and intents of the no-receipt screen: items, reason, customer, limits, commit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import tzinfo

from PySide6.QtCore import QObject, QTimer, Signal

from pos.domain.money import Money, total_of
from pos.domain.no_receipt import NoReceiptLimits, NoReceiptReason, NoReceiptRefusedError
from pos.domain.policy import Policy
from pos.domain.returns import Disposition
from pos.domain.roles import Approval, Operator, Permission
from pos.domain.settlement import TenderMethod
from pos.services.no_receipt import (
    CustomerMatch,
    NoReceiptCustomer,
    NoReceiptLine,
    NoReceiptLineQuote,
    NoReceiptService,
)
from pos.services.policy import PolicyService
from pos.services.returns import CommittedDocument
from pos.ui.format import format_money
from pos.ui.messages import error_text
from pos.ui.screens.no_receipt.models import LineState, customer_name, new_customer
from pos.ui.workers import TaskRunner

ITEM_KEY, CUSTOMERS_KEY, LIMITS_KEY = "no-receipt-item", "no-receipt-customers", "no-receipt-limits"
DEBOUNCE_MS = 200
REFUND_METHODS = (TenderMethod.STORE_CREDIT, TenderMethod.NEW_GIFT_CARD)


class NoReceiptViewModel(QObject):
    """A return without a receipt, built in memory until the commit writes it in one go.

    Signals:
        lines_changed(): re-read `lines`, `total`, `can_continue`.
        customers_changed(): re-read `customers` (found by `search_customers`).
        customer_changed(): re-read `customer`, `limits`, `over_limit_text`, `can_commit`.
        status_changed(): re-read `status_text` and `status_kind` ("error", "busy" or "").
        committed(object): the `CommittedDocument` written.
    """

    lines_changed = Signal()
    customers_changed = Signal()
    customer_changed = Signal()
    status_changed = Signal()
    committed = Signal(object)

    def __init__(self, *, service: NoReceiptService, runner: TaskRunner,
                 operator_provider: Callable[[], Operator | None], locale: str,
                 policy: PolicyService | None = None, tz: tzinfo | None = None,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._service, self._runner, self._operator = service, runner, operator_provider
        self._policy = policy
        self.locale, self.tz = locale, tz
        self.period_days = Policy().no_receipt_period_days  # read again with each item
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._find_customers)
        self.start()

    def start(self) -> None:
        """A new return: nothing on it yet."""
        self.lines: tuple[LineState, ...] = ()
        self.reason_code, self.reason_words = "", ""
        self.customer_query = ""
        self.customers: tuple[CustomerMatch, ...] = ()
        self.customer: CustomerMatch | NoReceiptCustomer | None = None
        self.limits: NoReceiptLimits | None = None
        self.limit_refusal, self.checking = "", False
        self.refund_as: TenderMethod | None = None
        self.status_text, self.status_kind, self.busy = "", "", False
        self.lines_changed.emit()
        self.customers_changed.emit()
        self.customer_changed.emit()
        self.status_changed.emit()

    def set_locale(self, locale: str) -> None:
        """Word amounts the `locale` way from now on; the screen is redrawn."""
        self.locale = locale
        self.lines_changed.emit()
        self.customer_changed.emit()

    # ------------------------------------------------------------------ the items

    @property
    def total(self) -> Money | None:
        """What the customer gets (None while nothing comes back)."""
        if not self.lines:
            return None
        return total_of((line.credit for line in self.lines), self.lines[0].credit.currency)

    def add_item(self, *, code: str | None = None, variant_id: int | None = None) -> None:
        """Value one more unit of a scanned code, a SKU, or a variant tapped in the grid."""
        service, policy = self._service, self._policy

        def value() -> tuple[NoReceiptLineQuote, int]:
            item = service.value(code=code, variant_id=variant_id)
            days = policy.current().no_receipt_period_days if policy else self.period_days
            return item, days

        self._set_status(self.tr("Looking the item up…"), "busy")
        self._runner.submit(value, key=ITEM_KEY, on_success=self._on_valued,
                            on_error=self._on_failed)  # fmt: skip

    def step(self, index: int, delta: int) -> None:
        """+1 / −1 on a line; at zero the line goes."""
        lines = list(self.lines)
        quantity = lines[index].quantity + delta
        if quantity <= 0:
            del lines[index]
        else:
            lines[index] = replace(lines[index], quantity=quantity)
        self._set_lines(tuple(lines))

    def set_disposition(self, index: int, disposition: Disposition) -> None:
        lines = list(self.lines)
        lines[index] = replace(lines[index], disposition=disposition)
        self._set_lines(tuple(lines))

    def set_reason(self, code: str) -> None:
        self.reason_code = code
        self.lines_changed.emit()

    def set_reason_words(self, words: str) -> None:
        self.reason_words = words

    @property
    def can_continue(self) -> bool:
        return bool(self.lines) and bool(self.reason_code)

    def _on_valued(self, valued: tuple[NoReceiptLineQuote, int]) -> None:
        item, self.period_days = valued
        lines = list(self.lines)
        same = next((i for i, line in enumerate(lines)
                     if line.item.variant_id == item.variant_id), None)  # fmt: skip
        if same is None:
            lines.append(LineState(item))
        else:
            lines[same] = replace(lines[same], quantity=lines[same].quantity + 1)
        self._set_status("", "")
        self._set_lines(tuple(lines))

    def _set_lines(self, lines: tuple[LineState, ...]) -> None:
        self.lines = lines
        self.lines_changed.emit()
        self._check_limits()  # the new total against the customer's and the day's limits

    def _lines_to_commit(self) -> tuple[NoReceiptLine, ...]:
        return tuple(NoReceiptLine(line.item.variant_id, line.quantity, line.disposition)
                     for line in self.lines)  # fmt: skip

    # ------------------------------------------------------------------ the customer

    def search_customers(self, text: str) -> None:
        """Find customers by name, e-mail or phone as the cashier types (accents ignored)."""
        self.customer_query = text
        self._debounce.start()

    def _find_customers(self) -> None:
        query, service = self.customer_query.strip(), self._service
        if not query:
            self.customers = ()
            self.customers_changed.emit()
            return
        self._runner.submit(lambda: service.find_customers(query), key=CUSTOMERS_KEY,
                            on_success=self._on_customers, on_error=self._on_failed)

    def _on_customers(self, found: list[CustomerMatch]) -> None:
        self.customers = tuple(found)
        self.customers_changed.emit()

    def choose_customer(self, row: int) -> None:
        """The customer at `row` of those found; their limits are read."""
        if 0 <= row < len(self.customers):
            self._set_customer(self.customers[row])

    def set_new_customer(self, name: str, contact: str) -> None:
        """A customer the shop does not know yet (a name and a phone or an e-mail)."""
        self._set_customer(new_customer(name, contact))

    def _set_customer(self, customer: CustomerMatch | NoReceiptCustomer) -> None:
        self.customer, self.limits = customer, None
        self._set_status("", "")
        self._check_limits()

    def _check_limits(self) -> None:
        """Read what is left for the customer and today, and ask the service whether the
        items fit (its `quote`: the refusal, with its figures, comes before the manager)."""
        if self.customer is None:
            self.customer_changed.emit()
            return
        service, customer_id = self._service, self.customer.customer_id
        lines = self._lines_to_commit()
        self.checking = True
        self.customer_changed.emit()

        def check() -> tuple[NoReceiptLimits, NoReceiptRefusedError | None]:
            limits = service.limits(customer_id)
            try:
                if lines:
                    service.quote(lines, customer_id=customer_id)
            except NoReceiptRefusedError as refusal:  # said on screen, not a failure
                return limits, refusal
            return limits, None

        self._runner.submit(check, key=LIMITS_KEY, on_success=self._on_limits,
                            on_error=self._on_limits_failed)  # fmt: skip

    def _on_limits(self, checked: tuple[NoReceiptLimits, NoReceiptRefusedError | None]) -> None:
        self.limits, refusal = checked
        self.checking = False
        self.limit_refusal = "" if refusal is None else error_text(refusal, self.locale)
        self.customer_changed.emit()

    def _on_limits_failed(self, error: BaseException) -> None:
        self.checking = False
        self._on_failed(error)
        self.customer_changed.emit()

    @property
    def customer_name(self) -> str:
        return customer_name(self.customer)

    # ------------------------------------------------------------------ refund and commit

    def set_refund_as(self, method: TenderMethod) -> None:
        self.refund_as = method
        self.customer_changed.emit()

    @property
    def over_limit_text(self) -> str:
        """The service's refusal of these items for this customer ("" when they fit)."""
        return self.limit_refusal

    @property
    def can_commit(self) -> bool:
        return (self.can_continue and self.customer is not None and self.limits is not None
                and self.refund_as is not None and not self.limit_refusal
                and not self.checking and not self.busy)

    def needs_approval(self) -> bool:
        """Whether a manager must give a PIN (a manager at the till approves himself)."""
        operator = self._operator()
        return not (operator is not None and operator.may(Permission.APPROVE))

    def approval_refused(self) -> None:
        """The cashier closed the manager's dialog: nothing is written."""
        self._set_status(self.tr("Nothing was done: a return without a receipt needs a "
                                 "manager's approval."), "error")  # fmt: skip

    def commit(self, approvals: tuple[Approval, ...]) -> None:
        """Write the return, its credit, stock, audit and receipt in one transaction."""
        operator, customer, method = self._operator(), self.customer, self.refund_as
        if operator is None or customer is None or method is None or not self.lines:
            return
        service, lines = self._service, self._lines_to_commit()
        reason = NoReceiptReason(self.reason_code, self.reason_words.strip())
        who = (NoReceiptCustomer(customer.customer_id) if isinstance(customer, CustomerMatch)
               else customer)  # fmt: skip
        self.busy = True
        self._set_status(self.tr("Saving…"), "busy")
        self._runner.submit(
            lambda: service.commit(operator, lines, customer=who, reason=reason,
                                   refund_as=method, approvals=approvals, print_receipt=True),
            on_success=self._on_committed, on_error=self._on_commit_failed)  # fmt: skip

    def _on_committed(self, sale: CommittedDocument) -> None:
        self.busy = False
        self._set_status("", "")
        self.committed.emit(sale)

    def _on_commit_failed(self, error: BaseException) -> None:
        self.busy = False
        self._on_failed(error)
        self.customer_changed.emit()

    def confirmation_text(self, document: CommittedDocument) -> str:
        """What the search screen says once the return is written."""
        amount = format_money(document.quote.returned_credit, self.locale)
        card = document.issued_cards[0] if document.issued_cards else None
        if card is not None and card.kind == "gift_card":
            text = self.tr("Return {number} without a receipt: {amount} on the new gift card "
                           "{code}. The receipt and the card's slip are printing.")
        else:
            text = self.tr("Return {number} without a receipt: {amount} as store credit "
                           "{code}. The receipt and the credit's slip are printing.")
        return text.format(number=document.number, amount=amount,
                           code=card.code if card else "")

    # ------------------------------------------------------------------ words

    def _on_failed(self, error: BaseException) -> None:
        self._set_status(error_text(error, self.locale), "error")

    def _set_status(self, text: str, kind: str) -> None:
        self.status_text, self.status_kind = text, kind
        self.status_changed.emit()
