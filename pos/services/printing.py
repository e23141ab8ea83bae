"""The print queue: persisted receipt jobs, printed off the GUI thread, retried, reprinted.

`ReturnsService.commit` queues a job per receipt in the document's own transaction; this
service prints them later, each attempt in its own short transactions (claim, then outcome),
so a failed print never touches, let alone undoes, a committed document. Printing is
at-least-once: a job left `printing` by a crash is printed again after a restart.
See docs/printing.md.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from pos.db import print_jobs as repo
from pos.db.engine import SessionFactory
from pos.db.print_jobs import PrintJobRow
from pos.domain.clock import Clock
from pos.domain.closing import ClosureSlip
from pos.domain.money import Money
from pos.domain.roles import Operator, Permission
from pos.domain.states import PrintJobState
from pos.services.access import confirm_operator, require
from pos.services.audit import audit_action
from pos.services.closing import closure_slip, stored_closure
from pos.services.errors import ServiceError
from pos.services.ports import DeviceError, PrinterFactory, PrinterStatus, ReceiptPrinter
from pos.services.receipts import DRAWER_JOB, ReceiptError, ReceiptService
from pos.services.shop import load_shop_info

log = logging.getLogger(__name__)

QUEUED, PRINTED, FAILED = PrintJobState.QUEUED, PrintJobState.PRINTED, PrintJobState.FAILED
RETRY_DELAY = timedelta(seconds=20)
DAY_DOCUMENTS = 200  # the receipts list: a busy day at one counter, newest first
AUTO_RETRIES = 2  # a failed job is tried again by itself this many times, then waits
DRAWER_PERMISSION = Permission.APPROVE  # opening the till with no sale is a manager's call
_RECEIPT_REASONS = {
    "document_not_found": "the document of this receipt cannot be found",
    "no_gift_card": "the gift card of this slip cannot be found",
    "closure_not_found": "the closure of this slip cannot be found",
}


class PrintQueueError(ServiceError):
    """A refusal: "job_not_found", "job_printing", "job_printed", "document_not_found",
    "reason_required"."""

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code  # one class, many codes (like ReturnsError)
        super().__init__(**params)


@dataclass(frozen=True, slots=True)
class PrintJobView:
    """A row of the print queue, as the cashier sees it. `last_error` is plain words."""

    job_id: int
    document_number: str
    kind: str  # receipt, gift_card_slip
    duplicate: bool
    state: str  # queued, printing, printed, failed
    attempts: int
    last_error: str
    printer: str  # the URI it goes to ("" is the default printer)
    created_at: datetime


@dataclass(frozen=True, slots=True)
class PrintReport:
    """What one `run_once` did: jobs printed, jobs that failed (with why), jobs left waiting."""

    printed: tuple[int, ...] = ()
    failed: tuple[PrintJobView, ...] = ()
    waiting: tuple[int, ...] = ()  # not tried: their printer had just failed

    @property
    def ok(self) -> bool:
        return not self.failed and not self.waiting


@dataclass(frozen=True, slots=True)
class DayDocumentView:
    """A counter document of today on this terminal: what the receipts list shows."""

    number: str
    kind: str  # exchange, refund, cancellation
    created_at: datetime
    balance: Money  # new items − returned credit + fees: < 0 paid out, > 0 collected
    order_number: str


def _view(row: PrintJobRow) -> PrintJobView:
    return PrintJobView(row.id, row.document_number, row.kind, row.duplicate, row.state,
                        row.attempts, row.last_error, row.printer, row.created_at)  # fmt: skip


class PrintQueueService:
    """Prints queued jobs through injected printers; one public method = one user action.

    Args:
        sessions: the database.
        clock: for audit entries and automatic-retry times.
        receipts: builds each job's `Receipt` from the database.
        printers: builds a printer for a URI (`pos.hardware.printer.make_printer` in the app).
        default_printer: the URI of this terminal's printer.
        terminal_id: when given, jobs with no printer of their own are printed only for this
            terminal's documents (several terminals on one database).
        retry_delay: wait before a failed job is tried again by itself (`AUTO_RETRIES` times).
        time_zone: the shop's (IANA name): where "today" starts for `todays_documents`.
    """

    def __init__(self, *, sessions: SessionFactory, clock: Clock, receipts: ReceiptService,
                 printers: PrinterFactory, default_printer: str, terminal_id: str | None = None,
                 retry_delay: timedelta = RETRY_DELAY,
                 time_zone: str = "Europe/Paris") -> None:  # fmt: skip
        self._sessions, self._clock, self._receipts = sessions, clock, receipts
        self._factory, self._default, self._terminal = printers, default_printer, terminal_id
        self._retry_delay, self._zone = retry_delay, ZoneInfo(time_zone)
        self._printers: dict[str, ReceiptPrinter] = {}
        self._printers_lock = threading.Lock()
        self._run_lock = threading.Lock()  # one round at a time: a job is never sent twice
        self._recovered = False  # jobs left `printing` are taken in the first round only
        self._due: dict[int, datetime] = {}  # failed job -> when it may be tried by itself

    @property
    def default_printer(self) -> str:
        return self._default

    def queued(self) -> tuple[PrintJobView, ...]:
        """Jobs not printed yet (queued, printing or failed), oldest first."""
        with self._sessions() as s:
            rows = repo.list_jobs(s, terminal_id=self._terminal)
        return tuple(_view(row) for row in rows)

    def todays_documents(self, limit: int = DAY_DOCUMENTS) -> tuple[DayDocumentView, ...]:
        """This terminal's documents since midnight in the shop, newest first (at most
        `limit`): the receipts the cashier may want to see again or reprint."""
        if self._terminal is None:
            return ()
        now = self._clock.now().astimezone(self._zone)
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        with self._sessions() as s:
            rows = repo.latest_documents(s, self._terminal, since=midnight, limit=limit)
        return tuple(DayDocumentView(row.number, row.kind, row.created_at,
                                     Money(row.balance_minor, row.currency), row.order_number)
                     for row in rows)  # fmt: skip

    def job(self, job_id: int) -> PrintJobView:
        """One job, whatever its state. Raises: PrintQueueError "job_not_found"."""
        return _view(self._existing(job_id))

    def run_once(self, *, job_ids: Collection[int] | None = None) -> PrintReport:
        """Print what is due, oldest first; call it from a worker, never the GUI thread.

        Due: queued jobs, failed ones whose automatic retry time has come, and (in the first
        round after a start) jobs a crash left `printing`. After a printer fails, its other
        jobs wait for the next round. `job_ids` limits the round to those jobs (due or not).
        """
        with self._run_lock:
            states = (QUEUED, FAILED) if self._recovered else repo.PENDING
            with self._sessions() as s:
                rows = repo.list_jobs(s, states=states, terminal_id=self._terminal, ids=job_ids)
            self._recovered = True
            printed: list[int] = []
            failed: list[PrintJobView] = []
            waiting: list[int] = []
            down: set[str] = set()
            for row in rows:
                uri = row.printer or self._default
                if job_ids is None and not self._is_due(row):
                    continue
                if uri in down:
                    waiting.append(row.id)
                    continue
                outcome = self._attempt(row, uri)
                if outcome is None:
                    printed.append(row.id)
                elif outcome:
                    down.add(uri)
                    failed.append(self.job(row.id))
        return PrintReport(tuple(printed), tuple(failed), tuple(waiting))

    def retry(self, job_id: int, *, printer: str | None = None) -> None:
        """Put a job back in the queue, on `printer` (a URI) when given; the next round prints it.

        Raises:
            PrintQueueError: "job_not_found", "job_printing" (being printed now), "job_printed"
                (use `reprint` for another copy).
        """
        row = self._existing(job_id)
        if row.state == PRINTED:
            raise PrintQueueError("job_printed", job_id=job_id)
        with self._sessions.begin() as s:
            if not repo.requeue(s, job_id, printer=printer):
                raise PrintQueueError("job_printing", job_id=job_id)
        self._due.pop(job_id, None)

    def reprint(self, document: str, *, printer: str | None = None) -> int:
        """Queue another copy of `document`'s receipt, marked DUPLICATE; returns the job id.

        It goes to `printer`, else to this terminal's printer (where it was asked for), and
        never opens the drawer.

        Raises:
            PrintQueueError: "document_not_found".
        """
        with self._sessions.begin() as s:
            found = repo.find_document(s, document)
            if found is None:
                raise PrintQueueError("document_not_found", document=document)
            return repo.add_job(
                s,
                document_id=found[0],
                kind="receipt",
                duplicate=True,
                printer=printer or self._default,
                now=self._clock.now(),
            )

    def print_closure_slip(self, number: int) -> PrintJobView:
        """Print the queued slip(s) of closure `number` now; returns the newest job, as it ended.

        Call it from the printing runner: it waits on the printer, never on the GUI thread.

        Raises:
            PrintQueueError: "job_not_found" (no slip of that closure is queued).
        """
        with self._sessions() as s:
            rows = [row for row in repo.list_jobs(s, states=repo.PENDING)
                    if row.kind == repo.CLOSURE_SLIP and row.document_number == f"Z {number}"]
        if not rows:
            raise PrintQueueError("job_not_found", closure=number)
        self.run_once(job_ids=[row.id for row in rows])
        return self.job(rows[-1].id)

    def reprint_closure(self, number: int, language: str, *, printer: str | None = None
                        ) -> int:
        """Queue another copy of closure `number`'s slip, marked DUPLICATE; returns the job id.

        Raises:
            PrintQueueError: "closure_not_found".
        """
        with self._sessions.begin() as s:
            if stored_closure(s, number) is None:
                raise PrintQueueError("closure_not_found", closure=number)
            return repo.add_closure_job(s, closure=number, language=language,
                                        printer=printer or self._default, duplicate=True,
                                        now=self._clock.now())

    def open_drawer(self, operator: Operator, reason: str, *, printer: str | None = None) -> None:
        """Open the cash drawer with no sale: managers only, audited before the pulse.

        Raises:
            PermissionDeniedError: the operator is not a manager (`DRAWER_PERMISSION`).
            OperatorDisabledError, OperatorUnknownError: the operator, re-read, may no longer
                act (the drawer stays shut).
            PrintQueueError: "reason_required".
            DeviceError: the printer the drawer hangs on could not be reached (also audited).
        """
        require(operator, DRAWER_PERMISSION)
        if not reason.strip():
            raise PrintQueueError("reason_required")
        uri = printer or self._default
        details = {"reason": reason.strip(), "printer": uri}
        # Audited first: a drawer must never open without its entry, even if the pulse fails.
        self._audit(operator, "drawer_opened", details)
        try:
            self._printer(uri).open_drawer()
        except DeviceError as error:
            self._audit(operator, "drawer_open_failed", {**details, "error": error.reason})
            raise

    def status(self, printer: str | None = None) -> PrinterStatus:
        """What the printer says about itself (`UNKNOWN` when it cannot tell)."""
        try:
            return self._printer(printer or self._default).status()
        except DeviceError:
            return PrinterStatus.OFFLINE

    def close(self) -> None:
        """Close the printers this service opened (their threads stop)."""
        with self._printers_lock:
            printers, self._printers = list(self._printers.values()), {}
        for printer in printers:
            printer.close()

    # ------------------------------------------------------------ internals

    def _is_due(self, row: PrintJobRow) -> bool:
        if row.state != FAILED:
            return True
        if row.attempts > AUTO_RETRIES:
            return False  # the cashier decides: retry, another printer, or later
        return self._due.get(row.id, self._clock.now()) <= self._clock.now()

    def _attempt(self, row: PrintJobRow, uri: str) -> bool | None:
        """Print one job: None when printed, True when it failed, False when not claimed."""
        with self._sessions.begin() as s:
            if not repo.claim(s, row.id, seen_state=row.state):
                return False  # another worker took it
        try:
            self._print(row, uri)
        except (DeviceError, ReceiptError) as error:
            reason = _reason(error)
            log.warning("print job %s on %s failed: %s", row.id, uri, error)
            self._finish(row.id, FAILED, reason)
            self._due[row.id] = self._clock.now() + self._retry_delay
            return True
        except BaseException:
            self._finish(row.id, FAILED, "printing stopped on an unexpected error")
            raise
        self._finish(row.id, PRINTED, "")
        self._due.pop(row.id, None)
        return None

    def _print(self, row: PrintJobRow, uri: str) -> None:
        if row.kind == repo.CLOSURE_SLIP:
            self._printer(uri).print_closure(self._closure_slip(row.id, row.duplicate))
            return
        if row.kind == DRAWER_JOB:  # cash moved, no receipt wanted: the drawer opens alone
            self._printer(uri).open_drawer()
            return
        receipt = self._receipts.receipts_for_job(row.id)
        if row.duplicate:
            receipt = dataclasses.replace(receipt, open_drawer=False)  # a copy is not a sale
        self._printer(uri).print_receipt(receipt)

    def _closure_slip(self, job_id: int, duplicate: bool) -> ClosureSlip:
        with self._sessions() as s:
            job = repo.raw_job(s, job_id)
            data = repo.closure_job_data(job.data if job else None)
            number = data.get("closure")  # an int, as `add_closure_job` wrote it
            closure = stored_closure(s, number) if isinstance(number, int) else None
            shop = load_shop_info(s, self._receipts.shop)  # as set in Settings now, as receipts
        if closure is None:
            raise ReceiptError("closure_not_found", job_id=job_id)
        language = str(data.get("language", "fr"))
        return closure_slip(closure, shop, language, duplicate=duplicate)

    def _finish(self, job_id: int, state: PrintJobState, error: str) -> None:
        with self._sessions.begin() as s:
            repo.finish(s, job_id, state=state, error=error)

    def _printer(self, uri: str) -> ReceiptPrinter:
        with self._printers_lock:
            if uri not in self._printers:
                self._printers[uri] = self._factory(uri)
            return self._printers[uri]

    def _existing(self, job_id: int) -> PrintJobRow:
        with self._sessions() as s:
            row = repo.get_job(s, job_id)
        if row is None:
            raise PrintQueueError("job_not_found", job_id=job_id)
        return row

    def _audit(self, operator: Operator, action: str, details: dict[str, str]) -> None:
        with self._sessions.begin() as s:
            operator = confirm_operator(s, operator, DRAWER_PERMISSION)  # refused: no pulse
            subject = f"printer:{details['printer']}"
            audit_action(s, operator=operator, action=action, subject=subject, data=details,
                         now=self._clock.now())  # fmt: skip


def _reason(error: DeviceError | ReceiptError) -> str:
    if isinstance(error, DeviceError):
        return error.reason
    return _RECEIPT_REASONS.get(error.code, f"the receipt cannot be made ({error.code})")
