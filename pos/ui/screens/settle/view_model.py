"""State and intents of the settle screen: tenders for the balance, e-mail, note, commit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Signal

from pos.domain.money import Money, total_of
from pos.domain.quick_cash import quick_cash
from pos.domain.returns import BalanceKind, Draft, Quote
from pos.domain.roles import Approval, Operator
from pos.domain.settlement import Tender, TenderMethod, original_refund, refunded_whole
from pos.services.card_terminal import (
    CardOutcome,
    CardTerminal,
    StandaloneTerminal,
    as_card_result,
)
from pos.services.customers import CustomerSummary
from pos.services.history import OrderDetail, PaymentView
from pos.services.returns import CardCustomer, CommittedDocument, Notify, ReturnsService
from pos.ui.format import format_money
from pos.ui.messages import code_text, error_text
from pos.ui.screens import payment_method_label
from pos.ui.workers import TaskRunner

RECEIPT_CHOICES = ("print", "email", "both", "none")
SUMMARY_LINES = 4  # more lines are counted, not listed: Valider stays on screen


@dataclass(frozen=True, slots=True)
class TenderLine:
    """A tender entered, with how the cashier reads it."""

    tender: Tender
    label: str


class SettleViewModel(QObject):
    """Tenders that settle a quote's balance exactly (cash may exceed it), then the commit.

    Signals:
        changed(): re-read `tenders`, `remaining`, `change_due`, `can_commit`.
        status_changed(): re-read `status_text` and `busy`.
        committed(object): the `CommittedDocument` written.
    """

    changed = Signal()
    status_changed = Signal()
    committed = Signal(object)

    def __init__(
        self,
        *,
        returns: ReturnsService,
        runner: TaskRunner,
        card_terminal: CardTerminal | None,
        operator_provider: Callable[[], Operator | None],
        locale: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._returns, self._runner, self._terminal = returns, runner, card_terminal
        self._operator, self._locale = operator_provider, locale
        self.detail: OrderDetail | None = None
        self.quote: Quote | None = None
        self.draft: Draft | None = None
        self.approvals: tuple[Approval, ...] = ()
        self.tenders: tuple[TenderLine, ...] = ()
        self.email, self.note, self.status_text, self.busy = "", "", "", False
        self.receipt = "print"  # one of RECEIPT_CHOICES: what the customer takes away
        self.result: CommittedDocument | None = None
        # Whose new card: None is the order's customer; else the one chosen, or nobody.
        self.card_customer: CardCustomer | None = None
        self._card_customer_name = ""

    @property
    def locale(self) -> str:
        return self._locale

    def set_locale(self, locale: str) -> None:
        """Word amounts (and the receipt e-mail) the `locale` way; `changed` asks for a redraw."""
        self._locale = locale
        self.changed.emit()

    def start(
        self, detail: OrderDetail, draft: Draft, quote: Quote, approvals: tuple[Approval, ...]
    ) -> None:
        """Settle `quote` (of `draft`, on `detail`) with the managers' `approvals`."""
        self.detail, self.draft, self.quote, self.approvals = detail, draft, quote, approvals
        self.tenders, self.result = (), None
        self.card_customer, self._card_customer_name = None, ""
        self.email, self.note = detail.email or "", draft.note
        self.receipt = "both" if self.email else "print"  # as before: paper, and mail if known
        self._set_status("", busy=False)
        self._preselect_original_payment()
        self.changed.emit()

    def _preselect_original_payment(self) -> None:
        """A refund goes back to how the customer paid, as far as that payment can take it:
        the first one that can is chosen already (a gift card is refunded only whole, so it
        is left for the cashier to choose). Removing the line offers the other ways."""
        quote = self.quote
        if quote is None or quote.balance_kind is not BalanceKind.LOWER or quote.store_credit_only:
            return  # a store-credit-only refund goes on a card the cashier chooses
        for payment in self.refundable_payments():
            if not refunded_whole(payment.method) and payment.refundable.minor > 0:
                self.add_original(payment, self.remaining)
                return

    def choose_card_customer(self, customer: CustomerSummary | None) -> None:
        """The new gift card or store credit goes to `customer` (None: to nobody)."""
        self.card_customer = CardCustomer(customer.customer_id if customer else None)
        self._card_customer_name = (customer.name or customer.email or "") if customer else ""
        self.changed.emit()

    def card_owner_name(self) -> str:
        """Who a new card goes to, by name ("" for nobody)."""
        if self.card_customer is not None:
            return self._card_customer_name
        detail = self.detail
        if detail is None or detail.customer_id is None:
            return ""
        return detail.customer_name or detail.email or "—"

    @property
    def wants_email(self) -> bool:
        return self.receipt in ("email", "both")

    def set_receipt(self, choice: str) -> None:
        """The customer's receipt: "print", "email", "both" or "none"."""
        if choice in RECEIPT_CHOICES:
            self.receipt = choice
            self._set_status("")
            self.changed.emit()

    def summary(self) -> list[str]:
        """The document's lines in a few words each, for a last look before Valider."""
        if self.quote is None:
            return []
        names = {str(line.line_id): " — ".join(filter(None, (line.product_name, line.options_text)))
                 for line in (self.detail.lines if self.detail else ())}  # fmt: skip
        lines = [self.tr("Back: {quantity} × {name} ({amount})").format(
                     quantity=r.quantity, name=names.get(r.line_id, r.name),
                     amount=format_money(r.credit, self._locale))
                 for r in self.quote.returns]  # fmt: skip
        lines += [self.tr("New: {quantity} × {name} ({amount})").format(
                      quantity=n.quantity, name=n.item.name or n.item.sku,
                      amount=format_money(n.total, self._locale))
                  for n in self.quote.new_items]  # fmt: skip
        if len(lines) > SUMMARY_LINES:
            more = len(lines) - SUMMARY_LINES + 1
            lines = [*lines[: SUMMARY_LINES - 1], self.tr("… and {count} more").format(count=more)]
        return lines

    @property
    def due(self) -> Money:
        assert self.quote is not None
        return self.quote.to_collect if self.collecting else self.quote.to_refund

    @property
    def collecting(self) -> bool:
        return self.quote is not None and self.quote.balance_kind is BalanceKind.HIGHER

    @property
    def tendered(self) -> Money:
        return total_of((t.tender.amount for t in self.tenders), self.due.currency)

    @property
    def remaining(self) -> Money:
        left = self.due - self.tendered
        return left if left.minor > 0 else Money.zero(left.currency)

    @property
    def change_due(self) -> Money:
        over = self.tendered - self.due
        return over if self.collecting and over.minor > 0 else Money.zero(over.currency)

    @property
    def can_commit(self) -> bool:
        return self.quote is not None and not self.busy and self.remaining.is_zero()

    def refundable_payments(self) -> tuple[PaymentView, ...]:
        return self.detail.payments if self.detail else ()

    def add_original(self, payment: PaymentView, amount: Money) -> None:
        """Refund to a payment of the order, capped at what it can still take back."""
        whole = refunded_whole(payment.method)
        amount = original_refund(payment.method, amount, payment.refundable)
        label = self.tr("Back to {method} {reference}").format(
            method=payment_method_label(payment.method), reference=payment.reference
        )
        tender = Tender(TenderMethod.ORIGINAL_PAYMENT, amount, payment_id=payment.payment_id)
        self._add(tender, label.strip(), cap=not whole)

    def add_cash(self, amount: Money) -> None:
        """Cash: what the customer hands over (change computed) or what goes back.

        A second entry adds to the first (a 20 note, then a 10): one cash tender (rule 9).
        """
        if amount.minor <= 0:
            self._set_status(code_text("tender_not_positive", locale=self._locale))
            return
        earlier = [t.tender.amount for t in self.tenders if t.tender.method is TenderMethod.CASH]
        self.tenders = tuple(t for t in self.tenders if t.tender.method is not TenderMethod.CASH)
        total = sum(earlier, amount)
        label = self.tr("Cash given") if self.collecting else self.tr("Cash back")
        self._add(Tender(TenderMethod.CASH, total), label, cap=not self.collecting)

    def quick_cash(self) -> tuple[Money, ...]:
        """Amounts to tap when collecting: the exact sum left, then round sums above it."""
        return quick_cash(self.remaining) if self.collecting else ()

    def add_new_gift_card(self, amount: Money) -> None:
        self._add(Tender(TenderMethod.NEW_GIFT_CARD, amount), self.tr("New gift card"))

    def add_store_credit(self, amount: Money) -> None:
        self._add(Tender(TenderMethod.STORE_CREDIT, amount), self.tr("Store credit"))

    def add_gift_card(self, code: str, amount: Money) -> None:
        tender = Tender(TenderMethod.GIFT_CARD, amount, gift_card_code=code)  # normalises it
        if tender.gift_card_code is None:
            self._set_status(code_text("gift_card_code_missing", locale=self._locale))
            return
        self._add(tender, self.tr("Gift card {code}").format(code=tender.gift_card_code))

    def add_card(self, amount: Money) -> None:
        """Charge the card on the terminal; the tender is added once it is approved."""
        amount = min(amount, self.remaining)
        if self._terminal is None or amount.minor <= 0 or self.detail is None:
            return
        terminal, reference = self._terminal, self.detail.number
        if isinstance(terminal, StandaloneTerminal):  # its answer is a dialog: GUI thread
            self._on_card_answer(amount, terminal.charge(amount, reference=reference))
            return
        self._set_status(self.tr("Waiting for the card terminal…"), busy=True)
        self._runner.submit(
            lambda: terminal.charge(amount, reference=reference),
            on_success=lambda outcome: self._on_card_answer(amount, outcome),
            on_error=self._on_failed,
        )

    def remove_tender(self, index: int) -> None:
        tenders = list(self.tenders)
        if 0 <= index < len(tenders):
            del tenders[index]
            self.tenders = tuple(tenders)
            self.changed.emit()

    def commit(self) -> None:
        """Write the document (one transaction, off the GUI thread)."""
        operator = self._operator()
        if operator is None:
            self._set_status(self.tr("Nobody is logged in at this till. Log in, then confirm."))
            return
        if not self.can_commit or self.detail is None or self.draft is None:
            return
        email = self.email.strip() if self.wants_email else ""
        if self.wants_email and not email:
            self._set_status(self.tr("Type the customer's e-mail, or choose another receipt."))
            return
        returns, order_id, approvals = self._returns, self.detail.order_id, self.approvals
        draft = replace(self.draft, note=self.note.strip())
        tenders = tuple(t.tender for t in self.tenders)
        notify = Notify(email, self._locale[:2]) if email else None
        paper, owner = self.receipt in ("print", "both"), self.card_customer
        self._set_status(self.tr("Saving…"), busy=True)
        self._runner.submit(
            lambda: returns.commit(
                operator, order_id, draft, tenders, approvals=approvals, notify=notify,
                print_receipt=paper, card_customer=owner,
            ),
            on_success=self._on_committed,
            on_error=self._on_failed,
        )

    def _add(self, tender: Tender, label: str, *, cap: bool = True) -> None:
        amount = min(tender.amount, self.remaining) if cap else tender.amount
        if amount.minor <= 0:
            self._set_status(code_text("tender_not_positive", locale=self._locale))
            return
        self.tenders = (*self.tenders, TenderLine(replace(tender, amount=amount), label))
        self._set_status("")
        self.changed.emit()

    def _on_card_answer(self, amount: Money, outcome: CardOutcome) -> None:
        result = as_card_result(outcome)
        self._set_status("", busy=False)
        if not result.approved:
            self._set_status(code_text(result.message_code or "card_declined", locale=self._locale))
            return
        label = self.tr("Card (approval {code})").format(code=result.approval_code)
        self._add(Tender(TenderMethod.CARD, amount, reference=result.approval_code), label)

    def _on_committed(self, document: CommittedDocument) -> None:
        self.result = document
        self._set_status("", busy=False)
        self.changed.emit()
        self.committed.emit(document)

    def _on_failed(self, error: BaseException) -> None:
        self._set_status(error_text(error, self._locale), busy=False)
        self.changed.emit()

    def _set_status(self, text: str, *, busy: bool | None = None) -> None:
        self.status_text = text
        if busy is not None:
            self.busy = busy
        self.status_changed.emit()
