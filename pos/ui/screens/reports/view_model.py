"""State of the Reports screen: the period, the report read off the GUI thread, the
return-prone products chosen, their rules applied, and the CSV export."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from pos.domain.reports import to_csv
from pos.domain.roles import Operator
from pos.services.errors import PermissionDeniedError
from pos.services.reports import ProductRule, ReportsService, ReportsView
from pos.ui.messages import error_text
from pos.ui.workers import TaskRunner

REPORT_KEY = "reports-report"
CHARTS_KEY = "reports-charts"


class Period(StrEnum):
    """The periods a manager picks with one tap (days in the shop's time zone)."""

    TODAY = "today"
    WEEK = "week"  # the last 7 days, today included
    MONTH = "month"  # the last 30 days
    YEAR = "year"  # the last 365 days

    def days(self, today: date) -> tuple[date, date]:
        span = {"today": 1, "week": 7, "month": 30, "year": 365}[self.value]
        return today - timedelta(days=span - 1), today


def _load_chart_library() -> None:
    """Import the charts (Qt Charts, ~30 ms) on the worker thread, so the GUI thread never
    pays for it; it is imported once, when Reports first opens."""
    import pos.ui.screens.reports.charts  # noqa: F401, PLC0415


class ReportsViewModel(QObject):
    """Reads the report for a period, applies product rules, exports CSV; all off the GUI.

    Signals:
        report_changed(): re-read `view` (None until the first report arrives).
        charts_ready(): the chart library is loaded: the screen may build its charts.
        selection_changed(): re-read `selected` (product ids of the return-prone list).
        status_changed(): re-read `status_text` and `status_kind` ("ok", "error", "busy", "").
    """

    report_changed = Signal()
    charts_ready = Signal()
    selection_changed = Signal()
    status_changed = Signal()

    def __init__(self, *, reports: ReportsService, runner: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reports, self._runner = reports, runner
        self._operator: Operator | None = None
        self._view: ReportsView | None = None
        self._period = Period.TODAY
        self._selected: frozenset[str] = frozenset()
        self._charts_loaded = False
        self._status_text, self._status_kind = "", ""
        self.locale = "fr_FR"

    # ------------------------------------------------------------ state

    @property
    def view(self) -> ReportsView | None:
        return self._view

    @property
    def period(self) -> Period:
        return self._period

    @property
    def selected(self) -> frozenset[str]:
        return self._selected

    @property
    def charts_loaded(self) -> bool:
        return self._charts_loaded

    @property
    def status_text(self) -> str:
        return self._status_text

    @property
    def status_kind(self) -> str:
        return self._status_kind

    def set_operator(self, operator: Operator | None) -> None:
        self._operator = operator
        if operator is None:  # nothing of the last manager's figures stays on screen
            self._view, self._selected = None, frozenset()
            self.report_changed.emit()
            self.selection_changed.emit()

    # ------------------------------------------------------------ intents

    def load_charts(self) -> None:
        """Load the chart library off the GUI thread (once); `charts_ready` follows."""
        if self._charts_loaded:
            self.charts_ready.emit()
            return
        self._runner.submit(_load_chart_library, key=CHARTS_KEY,
                            on_success=self._on_charts, on_error=self._on_failed)

    def refresh(self, period: Period | None = None) -> None:
        """Read the report of `period` (or of the current one) again."""
        if period is not None:
            self._period = period
        reports, operator, chosen = self._reports, self._operator, self._period
        self._set_status(self.tr("Reading the figures…"), "busy")

        def work() -> ReportsView:
            first, last = chosen.days(reports.today())
            return reports.returns_report(operator, first, last)

        self._runner.submit(work, key=REPORT_KEY, on_success=self._on_report,
                            on_error=self._on_failed)

    def toggle(self, product_id: str) -> None:
        """Choose or un-choose a return-prone product."""
        self._selected = self._selected ^ {product_id}
        self.selection_changed.emit()

    def apply(self, rule: ProductRule) -> None:
        """Apply `rule` to the chosen products in one step, then read the report again."""
        if not self._selected:
            self._set_status(self.tr("Choose products in the list first."), "error")
            return
        reports, operator, chosen = self._reports, self._operator, sorted(self._selected)

        def work() -> int:
            reports.apply_rule(operator, chosen, rule)
            return len(chosen)

        self._runner.submit(work, on_success=lambda count: self._on_applied(rule, count),
                            on_error=self._on_failed)

    def export_csv(self, path: Path) -> None:
        """Write the figures shown to `path` (UTF-8 CSV with a header), off the GUI thread."""
        view = self._view
        if view is None:
            return

        def work() -> Path:
            path.write_text(to_csv(view.report), encoding="utf-8")
            return path

        self._runner.submit(work, on_success=self._on_exported, on_error=self._on_failed)

    # ------------------------------------------------------------ results

    def _on_charts(self, _result: object) -> None:
        self._charts_loaded = True
        self.charts_ready.emit()

    def _on_report(self, view: ReportsView) -> None:
        self._view = view
        prone = {row.key for row in view.return_prone}
        self._selected = self._selected & prone
        self.report_changed.emit()
        self.selection_changed.emit()
        if self._status_kind == "busy":  # a rule's "applied" stays until the next action
            self._set_status("", "")

    def _on_applied(self, rule: ProductRule, count: int) -> None:
        self._selected = frozenset()
        self.selection_changed.emit()
        text = (self.tr("Exchange only now applies to the chosen products ({count}).")
                if rule is ProductRule.EXCHANGE_ONLY
                else self.tr("The return fee now applies to the chosen products ({count})."))
        text = text.format(count=count)
        self.refresh()
        self._set_status(text, "ok")

    def _on_exported(self, path: Path) -> None:
        self._set_status(self.tr("Figures saved to {file}.").format(file=str(path)), "ok")

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, PermissionDeniedError):
            text = self.tr("Only a manager can read reports and set product rules.")
        elif isinstance(error, OSError):
            text = self.tr("The file could not be written: {reason}").format(
                reason=error.strerror or str(error))
        elif getattr(error, "code", "") == "unknown_products":
            text = self.tr("Some of these products are no longer in the catalogue. "
                           "Read the report again.")
        elif isinstance(error, ImportError):
            text = self.tr("The charts cannot be shown on this till; the figures can.")
        else:
            text = error_text(error, self.locale)
        self._set_status(text, "error")

    def _set_status(self, text: str, kind: str) -> None:
        self._status_text, self._status_kind = text, kind
        self.status_changed.emit()
