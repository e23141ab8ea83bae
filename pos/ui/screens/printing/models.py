"""The print queue's table, and a printer's problems in the cashier's words."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject

from pos.services.printing import DayDocumentView, PrintJobView
from pos.ui.format import format_money, format_time
from pos.ui.screens import Column, LocalizedRowsModel, RowsTableModel, document_kind_label

# The drivers' reasons (pos.hardware.errors), stored with a failed job in plain English.
_OFFLINE = "the printer does not answer (is it switched on and connected?)"


def printer_problem(reason: str) -> str:
    """A stored failure reason (plain English from the driver) in the interface language."""
    if not reason:
        return ""
    known = {
        _OFFLINE: QCoreApplication.translate("PrinterProblems", "The printer does not answer."),
        "the printer stopped responding before the receipt was sent": QCoreApplication.translate(
            "PrinterProblems", "The printer stopped before the receipt was finished."
        ),
        "the printer is out of paper": QCoreApplication.translate(
            "PrinterProblems", "The printer is out of paper."
        ),
        "the printer's cover is open": QCoreApplication.translate(
            "PrinterProblems", "The printer's cover is open."
        ),
        "the printer setting is not valid": QCoreApplication.translate(
            "PrinterProblems", "This printer address is not valid."
        ),
        "the device did not finish in time": QCoreApplication.translate(
            "PrinterProblems", "The printer took too long."
        ),
        "the document of this receipt cannot be found": QCoreApplication.translate(
            "PrinterProblems", "The sale of this receipt cannot be found."
        ),
    }
    return known.get(reason, reason[:1].upper() + reason[1:])


def printer_advice(reason: str) -> str:
    """What to do about a stored failure reason, in one sentence."""
    advice = {
        "the printer is out of paper": QCoreApplication.translate(
            "PrinterProblems", "Put in a new paper roll, then tap Retry."
        ),
        "the printer's cover is open": QCoreApplication.translate(
            "PrinterProblems", "Close the printer's cover, then tap Retry."
        ),
        "the printer setting is not valid": QCoreApplication.translate(
            "PrinterProblems", "Tap Send to… and check the printer address, or ask a manager."
        ),
    }
    return advice.get(
        reason,
        QCoreApplication.translate(
            "PrinterProblems",
            "Check that the printer is on, has paper and is plugged in, then tap Retry — "
            "or tap Send to… to use another printer.",
        ),
    )


def job_state_label(state: str) -> str:
    labels = {
        "queued": QCoreApplication.translate("PrinterProblems", "Waiting"),
        "printing": QCoreApplication.translate("PrinterProblems", "Printing"),
        "failed": QCoreApplication.translate("PrinterProblems", "Failed"),
        "printed": QCoreApplication.translate("PrinterProblems", "Printed"),
    }
    return labels.get(state, state)


def job_kind_label(job: PrintJobView) -> str:
    if job.kind == "drawer":  # cash moved, no receipt wanted: the drawer opens alone
        return QCoreApplication.translate("PrinterProblems", "Drawer opening")
    if job.kind == "gift_card_slip":
        kind = QCoreApplication.translate("PrinterProblems", "Gift card slip")
    elif job.kind == "closure_slip":
        kind = QCoreApplication.translate("PrinterProblems", "Closure slip")
    else:
        kind = QCoreApplication.translate("PrinterProblems", "Receipt")
    return (
        QCoreApplication.translate("PrinterProblems", "{kind} (copy)").format(kind=kind)
        if job.duplicate
        else kind
    )


class PrintJobsTableModel(RowsTableModel[PrintJobView]):
    """Receipts not printed yet: which document, what, where it stands, why it failed."""

    PROBLEM_COLUMN = 3

    def __init__(self, *, default_printer: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._default = default_printer
        self.retranslate()

    def retranslate(self) -> None:
        """Re-read the column titles (the interface language changed)."""
        self.set_columns(
            [
                Column(self.tr("Receipt"), self._document),
                Column(self.tr("State"), lambda job: job_state_label(job.state)),
                Column(self.tr("Tries"), lambda job: str(job.attempts), numeric=True),
                Column(self.tr("Problem"), lambda job: printer_problem(job.last_error)),
                Column(self.tr("Printer"), self._printer),
            ]
        )

    def _document(self, job: PrintJobView) -> str:
        if job.kind == "receipt" and not job.duplicate:
            return job.document_number
        return f"{job.document_number} · {job_kind_label(job)}"

    def _printer(self, job: PrintJobView) -> str:
        if not job.printer or job.printer == self._default:
            return self.tr("This counter's")
        return job.printer


class DayDocumentsTableModel(LocalizedRowsModel[DayDocumentView]):
    """Today's documents at this counter, newest first: when, which receipt, what (and on
    which order), how much."""

    WHAT_COLUMN = 2

    def _make_columns(self) -> Sequence[Column[DayDocumentView]]:
        locale, tz = self.locale, self.tz
        return (
            Column(self.tr("Time"), lambda doc: format_time(doc.created_at, locale, tz=tz)),
            Column(self.tr("Receipt"), lambda doc: doc.number),
            Column(self.tr("What"), self._what),
            Column(self.tr("Amount"), lambda doc: format_money(doc.balance, locale), numeric=True),
        )

    def _what(self, doc: DayDocumentView) -> str:
        kind = document_kind_label(doc.kind)
        if not doc.order_number:  # a return without a receipt refers to no order
            return kind
        return self.tr("{kind} · order {order}").format(kind=kind, order=doc.order_number)
