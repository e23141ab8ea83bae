"""State of the print queue screen: the jobs, the receipt previewed, and what just happened."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from pos.domain.roles import Operator
from pos.services.errors import OperatorRefusedError, PermissionDeniedError
from pos.services.ports import DeviceError
from pos.services.printing import (
    DayDocumentView,
    PrintJobView,
    PrintQueueError,
    PrintQueueService,
    PrintReport,
)
from pos.services.receipt_preview import ReceiptPreview, ReceiptPreviewService
from pos.services.receipts import ReceiptError
from pos.ui.messages import error_text
from pos.ui.screens.printing.models import printer_advice, printer_problem
from pos.ui.workers import TaskRunner

QUEUE_KEY = "print-queue"
PREVIEW_KEY = "print-preview"

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Outcome:
    """What a worker task hands back: the queue now, and the job printed or not (if any)."""

    jobs: tuple[PrintJobView, ...]
    report: PrintReport | None = None
    preview: ReceiptPreview | None = None
    documents: tuple[DayDocumentView, ...] | None = None  # today's, when read again


class PrintQueueViewModel(QObject):
    """Drives `PrintQueueService` and `ReceiptPreviewService` off the GUI thread.

    Retry and Send to… put the job back and print it at once; Reprint queues a copy marked
    DUPLICATE, prints it and previews it. Today's documents at this counter are listed newest
    first: a tap previews one and makes it the one Reprint prints. Open drawer is the
    manager's: the service checks.

    Signals:
        jobs_changed(): re-read `jobs` and `selected`.
        documents_changed(): re-read `documents` and `document_number`.
        preview_changed(): re-read `preview_text`.
        status_changed(): re-read `status_text` and `status_kind` ("ok", "error" or "").
    """

    jobs_changed = Signal()
    documents_changed = Signal()
    preview_changed = Signal()
    status_changed = Signal()

    def __init__(
        self,
        *,
        queue: PrintQueueService,
        previews: ReceiptPreviewService,
        runner: TaskRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue, self._previews, self._runner = queue, previews, runner
        self._operator: Operator | None = None
        self._jobs: tuple[PrintJobView, ...] = ()
        self._selected: int | None = None  # job id
        self._documents: tuple[DayDocumentView, ...] = ()
        self._document_number = ""  # the document tapped in today's list
        self._preview_text = ""
        self._status_text, self._status_kind = "", ""

    @property
    def jobs(self) -> tuple[PrintJobView, ...]:
        return self._jobs

    @property
    def selected(self) -> PrintJobView | None:
        return next((job for job in self._jobs if job.job_id == self._selected), None)

    @property
    def retry_reason(self) -> str:
        """Why Retry and Send to… are greyed ("" when they are not)."""
        if not self._jobs:
            return self.tr("Nothing to retry.")
        if self.selected is None:
            return self.tr("Tap a receipt in the list to retry it or send it elsewhere.")
        return ""

    @property
    def documents(self) -> tuple[DayDocumentView, ...]:
        """Today's documents at this counter, newest first."""
        return self._documents

    @property
    def document_number(self) -> str:
        """The number of the document tapped in today's list ("" when none)."""
        return self._document_number

    @property
    def preview_text(self) -> str:
        return self._preview_text

    @property
    def status_text(self) -> str:
        return self._status_text

    @property
    def status_kind(self) -> str:
        return self._status_kind

    @property
    def default_printer(self) -> str:
        return self._queue.default_printer

    def set_operator(self, operator: Operator | None) -> None:
        """Who is logged in (the drawer asks the service with this person)."""
        self._operator = operator

    def refresh(self) -> None:
        """Read the queue and today's documents again."""
        queue = self._queue
        self._run(lambda: _Outcome(queue.queued(), documents=queue.todays_documents()))

    def show_document(self, row: int) -> None:
        """The cashier tapped today's document at `row`: preview its receipt (Reprint then
        prints a copy of it)."""
        if not 0 <= row < len(self._documents):
            return
        number = self._document_number = self._documents[row].number
        self.documents_changed.emit()
        previews = self._previews
        self._runner.submit(
            lambda: previews.preview(number),
            key=PREVIEW_KEY,
            on_success=self._on_preview_ready,
            on_error=self._on_failed,
        )

    def select(self, row: int) -> None:
        """The cashier tapped the job at `row`: preview what it prints."""
        if not 0 <= row < len(self._jobs):
            return
        job = self._jobs[row]
        self._selected = job.job_id
        self.jobs_changed.emit()
        previews = self._previews
        self._runner.submit(
            lambda: previews.preview_job(job.job_id),
            key=PREVIEW_KEY,
            on_success=self._on_preview_ready,
            on_error=self._on_failed,
        )

    def retry(self, printer: str | None = None) -> None:
        """Print the selected job again now, on `printer` (a URI) when given."""
        job = self.selected
        if job is None:
            self._set_status(self.tr("Tap a receipt in the list first."), "error")
            return
        queue, job_id = self._queue, job.job_id

        def work() -> _Outcome:
            queue.retry(job_id, printer=printer)
            report = queue.run_once(job_ids=(job_id,))
            return _Outcome(queue.queued(), report)

        self._set_status(self.tr("Printing…"), "")
        self._run(work)

    def reprint(self, document: str) -> None:
        """Print another copy of `document`'s receipt (marked DUPLICATE) and preview it."""
        document = document.strip()
        if not document:
            self._set_status(self.tr("Tap a receipt of today, or type or scan its number."),
                             "error")  # fmt: skip
            return
        queue, previews = self._queue, self._previews

        def work() -> _Outcome:
            job_id = queue.reprint(document)
            report = queue.run_once(job_ids=(job_id,))
            preview = previews.preview(document, duplicate=True)
            return _Outcome(queue.queued(), report, preview)

        self._set_status(self.tr("Printing a copy…"), "")
        self._run(work)

    def open_drawer(self, reason: str) -> None:
        """Open the cash drawer with no sale, for `reason` (managers only: the service checks)."""
        queue, operator = self._queue, self._operator
        if operator is None:
            self._set_status(self.tr("Log in first."), "error")
            return
        self._runner.submit(
            lambda: queue.open_drawer(operator, reason),
            on_success=lambda _: self._set_status(self.tr("The drawer is open."), "ok"),
            on_error=self._on_failed,
        )

    def _run(self, work: Callable[[], _Outcome]) -> None:
        self._runner.submit(work, key=QUEUE_KEY, on_success=self._on_done, on_error=self._on_failed)

    def _on_done(self, outcome: _Outcome) -> None:
        self._jobs = outcome.jobs
        self.jobs_changed.emit()
        if outcome.documents is not None:
            self._documents = outcome.documents
            self.documents_changed.emit()
        if outcome.preview is not None:
            self._on_preview_ready(outcome.preview)
        if outcome.report is not None:
            self._report(outcome.report)

    def _report(self, report: PrintReport) -> None:
        if report.failed:
            reason = report.failed[0].last_error
            text = self.tr("Not printed: {problem}\n{advice}").format(
                problem=printer_problem(reason), advice=printer_advice(reason)
            )
            self._set_status(text, "error")
        elif report.printed:
            self._set_status(self.tr("Printed."), "ok")
        else:
            self._set_status(self.tr("Nothing was printed: the printer is busy. Tap Retry."), "")

    def _on_preview_ready(self, preview: ReceiptPreview) -> None:
        self._preview_text = preview.text
        self.preview_changed.emit()

    def _on_failed(self, error: BaseException) -> None:
        self._set_status(self._error_text(error), "error")

    def _error_text(self, error: BaseException) -> str:
        code: Any = getattr(error, "code", None)
        if isinstance(error, OperatorRefusedError):  # the account changed since the login
            return error_text(error)
        if isinstance(error, PermissionDeniedError):
            return self.tr(
                "Only a manager can open the drawer without a sale. Ask a manager to log in."
            )
        if isinstance(error, DeviceError):
            return self.tr("The drawer did not open: {problem}\n{advice}").format(
                problem=printer_problem(error.reason), advice=printer_advice(error.reason)
            )
        if isinstance(error, PrintQueueError | ReceiptError):
            return self._refusal_text(code, error.params)
        log.error("print queue screen: unexpected failure", exc_info=error)
        return self.tr(
            "The print queue cannot be read right now. Try again in a moment; "
            "if it keeps failing, call a manager."
        )

    def _refusal_text(self, code: str, params: dict[str, Any]) -> str:
        if code == "document_not_found":
            return self.tr(
                "No receipt numbered “{document}”. Check the number on the customer's receipt."
            ).format(document=params.get("document", ""))
        if code == "reason_required":
            return self.tr("Say why the drawer is opened.")
        if code == "job_printing":
            return self.tr("This receipt is printing right now. Wait a moment.")
        if code == "job_printed":
            return self.tr("This receipt is already printed. Use Reprint for another copy.")
        self.refresh()  # the job is gone or changed: show the queue as it is
        return self.tr("This receipt is no longer in the queue.")

    def _set_status(self, text: str, kind: str) -> None:
        self._status_text, self._status_kind = text, kind
        self.status_changed.emit()
