"""State of the Closing screen: the drawer's session, the count by denomination, X and Z."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from pos.domain.closing import Report, counted_total, denominations
from pos.domain.money import Money
from pos.domain.roles import Operator
from pos.services.cash import CashService, CashSessionView, CountResult
from pos.services.closing import ClosingService, Closure
from pos.services.errors import ApprovalRequiredError, PermissionDeniedError
from pos.services.printing import PrintJobView, PrintQueueService
from pos.ui.format import format_money
from pos.ui.screens.printing.models import printer_problem
from pos.ui.workers import TaskRunner

SESSION_KEY = "closing-session"
REPORT_KEY = "closing-report"
MAX_COUNT = 9999  # pieces of one denomination: more is a finger that slipped

log = logging.getLogger(__name__)


class ClosingViewModel(QObject):
    """Opens, moves, counts and closes the drawer; reads the X and closes the Z; off the GUI.

    Signals:
        session_changed(): re-read `session` (None when the drawer is closed).
        counts_changed(): re-read `counts`, `counted` and `variance`.
        report_changed(): re-read `report`, `closure` (the last Z, None for an X) and
            `public_key` (the shop's signing key, hex; "" until read).
        status_changed(): re-read `status_text` and `status_kind` ("ok", "error" or "").
    """

    session_changed = Signal()
    counts_changed = Signal()
    report_changed = Signal()
    status_changed = Signal()

    def __init__(self, *, cash: CashService, closing: ClosingService, runner: TaskRunner,
                 print_queue: PrintQueueService | None = None,
                 print_runner: TaskRunner | None = None,
                 currency: str = "EUR", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cash, self._closing, self._runner = cash, closing, runner
        # The slip prints on the printing runner (as receipts do): a printer out of paper
        # never holds the database runner.
        self._print_queue, self._print_runner = print_queue, print_runner
        self._currency = currency
        self._operator: Operator | None = None
        self._session: CashSessionView | None = None
        self._counts: dict[int, int] = {}
        self._report: Report | None = None
        self._closure: Closure | None = None
        self._public_key = ""
        self._status_text, self._status_kind = "", ""
        self.language, self.locale = "fr", "fr_FR"

    # ------------------------------------------------------------ state

    @property
    def session(self) -> CashSessionView | None:
        return self._session

    @property
    def currency(self) -> str:
        return self._session.figures.currency if self._session else self._currency

    @property
    def denominations(self) -> tuple[int, ...]:
        return denominations(self.currency)

    @property
    def counts(self) -> dict[int, int]:
        return dict(self._counts)

    @property
    def counted(self) -> Money:
        return Money(counted_total(self.currency, self._counts), self.currency)

    @property
    def variance(self) -> Money | None:
        if self._session is None:
            return None
        return self.counted - self._session.expected

    @property
    def report(self) -> Report | None:
        return self._report

    @property
    def closure(self) -> Closure | None:
        return self._closure

    @property
    def public_key(self) -> str:
        return self._public_key

    @property
    def status_text(self) -> str:
        return self._status_text

    @property
    def status_kind(self) -> str:
        return self._status_kind

    def set_operator(self, operator: Operator | None) -> None:
        self._operator = operator

    # ------------------------------------------------------------ intents

    def refresh(self) -> None:
        """Read the drawer's session again (and the signing key, the first time)."""
        self._runner.submit(self._cash.current, key=SESSION_KEY,
                            on_success=self._on_session, on_error=self._on_failed)
        if not self._public_key:  # the keyring is read off the GUI thread, once
            closing = self._closing
            self._runner.submit(lambda: closing.public_key, key="closing-key",
                                on_success=self._on_key, on_error=self._on_failed)

    def open_drawer(self, opening_float: Money) -> None:
        cash, operator = self._cash, self._operator
        self._runner.submit(lambda: cash.open(operator, opening_float), key=SESSION_KEY,
                            on_success=self._opened, on_error=self._on_failed)

    def move(self, kind: str, amount: Money, reason: str) -> None:
        """A paid-in or paid-out of `amount` for `reason`."""
        if amount.minor <= 0:
            self._set_status(self.tr("Type the amount on the keypad first."), "error")
            return
        if not reason.strip():
            self._set_status(self.tr("Say why the cash moves: type a reason."), "error")
            return
        cash, operator = self._cash, self._operator
        self._runner.submit(lambda: cash.move(operator, kind, amount, reason), key=SESSION_KEY,
                            on_success=self._moved, on_error=self._on_failed)

    def add_piece(self, denomination: int, step: int = 1) -> None:
        """One more (or, with step -1, one fewer) note or coin of `denomination`."""
        count = min(max(self._counts.get(denomination, 0) + step, 0), MAX_COUNT)
        if count:
            self._counts[denomination] = count
        else:
            self._counts.pop(denomination, None)
        self.counts_changed.emit()

    def clear_count(self) -> None:
        self._counts.clear()
        self.counts_changed.emit()

    def close_drawer(self) -> None:
        """Close the session with the count on screen."""
        cash, operator, counts = self._cash, self._operator, dict(self._counts)
        self._runner.submit(lambda: cash.close(operator, counts), key=SESSION_KEY,
                            on_success=self._closed, on_error=self._on_failed)

    def read_x(self) -> None:
        closing, operator = self._closing, self._operator
        self._runner.submit(lambda: closing.x_report(operator), key=REPORT_KEY,
                            on_success=self._on_x, on_error=self._on_failed)

    def close_z(self) -> None:
        """Close the terminal's day; its slip is queued with it and printed when wired."""
        closing, operator = self._closing, self._operator
        language = self.language if self._print_queue is not None else None
        self._runner.submit(lambda: closing.close_z(operator, slip_language=language),
                            key=REPORT_KEY, on_success=self._on_z, on_error=self._on_failed)

    @property
    def can_print(self) -> bool:
        """Whether slips go to a printer here (the Z's, and its copies)."""
        return self._print_queue is not None and self._print_runner is not None

    def reprint_z(self) -> None:
        """Another copy of the Z on screen, marked DUPLICATE, through the print queue."""
        queue, closure, language = self._print_queue, self._closure, self.language
        if queue is None or closure is None:
            return
        self._print_slip(closure.number,
                         lambda: queue.reprint_closure(closure.number, language))

    def _print_slip(self, number: int, queue_first: Callable[[], object] | None = None) -> None:
        queue, runner = self._print_queue, self._print_runner
        if queue is None or runner is None:
            return

        def work() -> PrintJobView:
            if queue_first is not None:
                queue_first()
            return queue.print_closure_slip(number)

        runner.submit(work,
                      on_success=lambda job: self._on_slip(number, job.state, job.last_error),
                      on_error=lambda _error: self._on_slip(number, "failed", ""))

    # ------------------------------------------------------------ results

    def _on_session(self, session: CashSessionView | None) -> None:
        self._session = session
        self.session_changed.emit()
        self.counts_changed.emit()

    def _opened(self, session: CashSessionView) -> None:
        self._on_session(session)
        self._set_status(self.tr("The drawer is open."), "ok")

    def _moved(self, session: CashSessionView) -> None:
        self._on_session(session)
        self._set_status(self.tr("Recorded. The drawer should now hold {amount}.").format(
            amount=format_money(session.expected, self.locale)), "ok")

    def _closed(self, result: CountResult) -> None:
        self._counts.clear()
        self._on_session(None)
        self._set_status(self.tr("The drawer is closed. Variance: {variance}.").format(
            variance=format_money(result.variance, self.locale)), "ok")

    def _on_key(self, public_key: str) -> None:
        self._public_key = public_key
        self.report_changed.emit()

    def _on_x(self, report: Report) -> None:
        self._report, self._closure = report, None
        self.report_changed.emit()
        self._set_status("", "")

    def _on_z(self, closure: Closure) -> None:
        self._report, self._closure = closure.report, closure
        self.report_changed.emit()
        self._set_status(self.tr("Day closed: Z number {number}, signed.").format(
            number=closure.number), "ok")
        self._print_slip(closure.number)

    def _on_slip(self, number: int, state: str, reason: str) -> None:
        if state == "printed":
            self._set_status(self.tr("Day closed: Z number {number}, signed and printed.")
                             .format(number=number), "ok")
            return
        log.warning("Z %s closed but its slip not printed: %s", number, reason)
        self._set_status(self.tr("Day closed: Z number {number}, signed — but the slip did not "
                                 "print: {problem} It waits in Receipts: print it again from "
                                 "there.").format(number=number, problem=printer_problem(reason)
                                                  or self.tr("check the printer.")), "error")

    def _on_failed(self, error: BaseException) -> None:
        self._set_status(self._error_text(error), "error")

    def _error_text(self, error: BaseException) -> str:
        if isinstance(error, PermissionDeniedError):
            return self.tr("Only a manager can close the day. Ask a manager to log in.")
        if isinstance(error, ApprovalRequiredError):
            return self.tr("The count is too far from what is expected: a manager must close "
                           "the drawer.")
        texts = {
            "session_open": self.tr("Count and close the drawer before closing the day."),
            "session_already_open": self.tr("The drawer is already open."),
            "no_cash_session": self.tr("The drawer is not open."),
            "unknown_denomination": self.tr("This note or coin does not exist here."),
        }
        code = getattr(error, "code", "")
        if code in texts:
            if code in ("session_already_open", "no_cash_session"):
                self.refresh()
            return texts[code]
        log.error("closing screen: unexpected failure", exc_info=error)
        return self.tr("This cannot be done right now. Try again in a moment; if it keeps "
                       "failing, call the administrator.")

    def _set_status(self, text: str, kind: str) -> None:
        self._status_text, self._status_kind = text, kind
        self.status_changed.emit()
