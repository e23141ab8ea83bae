"""The Reports screen (managers): a period's returns as charts with their figures beside them,
the return-prone products with their rules applied in one step, and a CSV export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.domain.money import Money
from pos.domain.reports import ReportRow
from pos.services.reports import ProductRule
from pos.ui.chips import ChipGroup
from pos.ui.format import format_money
from pos.ui.retranslating import Retranslating
from pos.ui.screens import ROW_ROLE, document_kind_label, setup_touch_table
from pos.ui.screens.managed import ManagedScreen
from pos.ui.screens.reports.models import FiguresTableModel, ProneTableModel, row_label
from pos.ui.screens.reports.view_model import Period, ReportsViewModel

if TYPE_CHECKING:  # Qt Charts is loaded when the screen first shows, off the GUI thread
    from pos.ui.screens.reports.charts import BarChart

SECTIONS = ("reason", "product", "size", "refunds", "prone")
# Chart slots: (page, section of the report, what the bars show).
CHARTS = (("reason", "reason", "count"), ("product", "product", "rate"),
          ("size", "size", "count"), ("refunds", "refund_to", "amount"),
          ("refunds", "refund_by", "amount"))
SCREEN_QSS = """
#reportsScreen { background: #f4f3ef; }
#reportsSummary { font-size: 16px; font-weight: bold; padding-left: 8px; }
#chartTitle { font-size: 15px; font-weight: bold; color: #3c3c3c; }
#reportsStatus { font-size: 18px; padding: 8px 14px; border-radius: 8px; background: #ffffff; }
#reportsStatus[kind="error"] { background: #fde2e2; color: #9b1c1c; }
#reportsStatus[kind="ok"] { background: #e1f2e4; color: #1e5c2c; }
QPushButton#chip:checked { background: #0b6e69; border-color: #0b6e69; color: #ffffff; }
"""


def _bar_value(row: ReportRow, measure: str) -> int:
    if measure == "rate":
        return int((row.rate or 0) * 10)  # tenths of a percent: whole numbers on the chart
    return abs(row.amount.minor) if measure == "amount" else row.count


class ReportsScreen(ManagedScreen[ReportsViewModel], Retranslating, QWidget):
    """Charts and figures by section, chosen with chips; the period above them.

    Signals:
        back_requested(): the manager is done here.
    """

    back_requested = Signal()

    def __init__(self, *, view_model: ReportsViewModel, locale: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(SCREEN_QSS)
        self._vm, self._locale = view_model, locale
        view_model.locale = locale
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        self.export_dir = Path(documents or Path.home())
        self.charts: dict[str, BarChart] = {}  # section -> its chart, once the library is loaded
        self._chart_queue: list[tuple[str, str, str]] = []
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()

    def activate(self) -> None:
        """Shown: load the charts' library (once, off the GUI thread) and read the figures."""
        self._vm.load_charts()
        self._vm.refresh()

    def set_locale(self, locale: str) -> None:
        self._locale = self._vm.locale = locale
        for model in (*self._tables.values(), self._prone_model):
            model.set_locale(locale)
        self._render_report()

    # ------------------------------------------------------------ layout

    def _build_ui(self) -> None:
        self._back_button = QPushButton(objectName="backButton")
        self._title = QLabel(objectName="screenTitle")
        self._export_button = QPushButton(objectName="exportButton")
        self._periods = ChipGroup(tuple(Period), columns=4, object_name="periodChips")
        self._sections = ChipGroup(SECTIONS, columns=5, object_name="sectionChips")
        self._summary = QLabel(objectName="reportsSummary", wordWrap=True)
        self._status_label = QLabel(objectName="reportsStatus", wordWrap=True)
        top = QHBoxLayout()
        top.addWidget(self._back_button)
        top.addWidget(self._title)
        top.addWidget(self._summary, 1)
        top.addWidget(self._export_button)
        self._pages = QStackedWidget()
        self._tables: dict[str, FiguresTableModel] = {}
        self._slots: dict[str, QVBoxLayout] = {}
        self._chart_titles: dict[str, QLabel] = {}
        for page in SECTIONS[:-1]:
            self._pages.addWidget(self._figures_page(page))
        self._pages.addWidget(self._prone_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(top)
        layout.addWidget(self._periods)
        layout.addWidget(self._sections)
        layout.addWidget(self._pages, 1)
        layout.addWidget(self._status_label)
        self._periods.select(self._vm.period)
        self._sections.select("reason")
        self._status_label.hide()

    def _figures_page(self, page: str) -> QWidget:
        widget = QWidget()
        rows = QVBoxLayout(widget)
        rows.setContentsMargins(0, 0, 0, 0)
        for _page, section, _measure in (c for c in CHARTS if c[0] == page):
            line = QHBoxLayout()
            slot = QVBoxLayout()
            title = self._chart_titles[section] = QLabel(objectName="chartTitle", wordWrap=True)
            slot.addWidget(title)
            slot.addStretch(1)  # the chart goes here when the library is loaded
            self._slots[section] = slot
            kind = "refunds" if page == "refunds" else "product" if page == "product" else "units"
            model = self._tables[section] = FiguresTableModel(kind=kind, locale=self._locale,
                                                              parent=self)
            table = QTableView(objectName=f"{section}Table")
            table.setModel(model)
            setup_touch_table(table, stretch=0)
            line.addLayout(slot, 4)  # the table gets more: product names must not be cut
            line.addWidget(table, 7)
            rows.addLayout(line, 1)
        return widget

    def _prone_page(self) -> QWidget:
        widget = QWidget()
        rows = QVBoxLayout(widget)
        rows.setContentsMargins(0, 0, 0, 0)
        self._prone_hint = QLabel(objectName="proneHint", wordWrap=True)
        self._prone_model = ProneTableModel(locale=self._locale, parent=self)
        self._prone_table = QTableView(objectName="proneTable")
        self._prone_table.setModel(self._prone_model)
        setup_touch_table(self._prone_table, stretch=1)
        self._exchange_button = QPushButton(objectName="exchangeOnlyButton")
        self._fee_button = QPushButton(objectName="flatFeeButton")
        buttons = QHBoxLayout()
        for button in (self._exchange_button, self._fee_button):
            button.setMinimumHeight(56)
            buttons.addWidget(button)
        rows.addWidget(self._prone_hint)
        rows.addWidget(self._prone_table, 1)
        rows.addLayout(buttons)
        return widget

    def _connect_signals(self) -> None:
        vm = self._vm
        self._back_button.clicked.connect(self.back_requested)
        self._export_button.clicked.connect(self._on_export_button_clicked)
        self._periods.chosen.connect(vm.refresh)
        self._sections.chosen.connect(self._on_sections_chosen)
        self._prone_table.clicked.connect(self._on_prone_table_clicked)
        self._exchange_button.clicked.connect(lambda: vm.apply(ProductRule.EXCHANGE_ONLY))
        self._fee_button.clicked.connect(lambda: vm.apply(ProductRule.FLAT_FEE))
        vm.report_changed.connect(self._render_report)
        vm.selection_changed.connect(self._render_selection)
        vm.charts_ready.connect(self._on_view_model_charts_ready)
        vm.status_changed.connect(self._render_status)

    def _retranslate_ui(self) -> None:
        self._back_button.setText(self.tr("‹  Back"))
        self._title.setText(self.tr("Returns"))
        self._export_button.setText(self.tr("Export CSV"))
        self._periods.set_texts({Period.TODAY: self.tr("Today"), Period.WEEK: self.tr("7 days"),
                                 Period.MONTH: self.tr("30 days"),
                                 Period.YEAR: self.tr("12 months")})
        self._sections.set_texts({"reason": self.tr("By reason"),
                                  "product": self.tr("Return rate"),
                                  "size": self.tr("By size"), "refunds": self.tr("Refunds"),
                                  "prone": self.tr("Return-prone")})
        titles = {"reason": self.tr("Units returned, by reason"),
                  "product": self.tr("Return rate per product (units back / units sold)"),
                  "size": self.tr("Units returned, by size"),
                  "refund_to": self.tr("Money refunded, by tender"),
                  "refund_by": self.tr("Money refunded, by cashier")}
        for section, label in self._chart_titles.items():
            label.setText(titles[section])
        self._exchange_button.setText(self.tr("Exchange only for the chosen products"))
        self._render_report()

    # ------------------------------------------------------------ rendering

    def _money(self, amount: Money) -> str:
        return format_money(amount, self._locale)

    def _render_report(self) -> None:
        view = self._vm.view
        report = view.report if view is not None else None
        for section, model in self._tables.items():
            model.set_rows(report.section(section) if report else ())
        self._render_charts()
        self._prone_model.set_rows(view.return_prone if view else ())
        self._render_selection()
        fee = Money(view.flat_fee_minor if view else 0, report.currency if report else "EUR")
        self._fee_button.setText(self.tr("Return fee ({fee}) for the chosen products").format(
            fee=self._money(fee)) if fee.minor else self.tr("No return fee in the policy"))
        self._fee_button.setEnabled(bool(view and view.flat_fee_minor))
        if view is None:
            self._summary.setText("")
            self._prone_hint.setText("")
            return
        self._prone_hint.setText(self.tr(
            "Products with more than {rate} % of their units returned (at least {sold} sold). "
            "Tap to choose, then apply a rule.").format(rate=f"{view.threshold_pct:f}",
                                                        sold=view.min_sold))
        kinds = report.section("kind") if report else ()
        parts = [self.tr("{count} × {kind} ({amount})").format(
            count=row.count, kind=document_kind_label(row.key), amount=self._money(row.amount))
            for row in kinds]
        units = sum(row.count for row in report.section("reason")) if report else 0
        self._summary.setText(self.tr("Units returned: {units}").format(units=units) + " — "
                              + (", ".join(parts) or self.tr("no document")))

    def _render_charts(self) -> None:
        for _page, section, measure in CHARTS:
            self._render_chart(section, measure)

    def _render_chart(self, section: str, measure: str) -> None:
        chart, view = self.charts.get(section), self._vm.view
        if chart is None:
            return
        rows = view.report.section(section) if view else ()
        if measure == "rate":
            rows = tuple(sorted(rows, key=lambda r: -(r.rate or 0)))
        chart.set_bars([row_label(r) for r in rows],
                       [_bar_value(r, measure) for r in rows])

    def _render_selection(self) -> None:
        view = self._vm.view
        self._prone_model.set_marks(
            chosen=self._vm.selected,
            exchange_only=view.exchange_only if view else frozenset(),
            flat_fee=view.flat_fee if view else frozenset())
        chosen = bool(self._vm.selected)
        self._exchange_button.setEnabled(chosen)
        self._fee_button.setEnabled(chosen and bool(view and view.flat_fee_minor))

    # ------------------------------------------------------------ slots

    def _on_sections_chosen(self, section: str) -> None:
        self._pages.setCurrentIndex(SECTIONS.index(section))

    def _on_prone_table_clicked(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, ReportRow):
            self._vm.toggle(row.key)

    def _on_export_button_clicked(self) -> None:
        view = self._vm.view
        if view is not None:
            name = f"comptoir-returns-{view.report.first_day}-{view.report.last_day}.csv"
            self._vm.export_csv(self.export_dir / name)

    def _on_view_model_charts_ready(self) -> None:
        """Build the charts one per turn of the event loop, those on screen first: a chart
        is 10–45 ms of the GUI thread, five at once would stall it."""
        shown = SECTIONS[self._pages.currentIndex()]
        self._chart_queue = sorted((c for c in CHARTS if c[1] not in self.charts),
                                   key=lambda chart: chart[0] != shown)
        QTimer.singleShot(0, self, self._build_next_chart)

    def _build_next_chart(self) -> None:
        from pos.ui.screens.reports.charts import BarChart  # noqa: PLC0415 — loaded already

        if not self._chart_queue:
            return
        _page, section, measure = self._chart_queue.pop(0)
        if section not in self.charts:
            chart = BarChart(object_name=f"{section}Chart")
            slot = self._slots[section]
            slot.insertWidget(1, chart, 1)
            slot.takeAt(2)  # the stretch that held its place
            self.charts[section] = chart
            self._render_chart(section, measure)
        QTimer.singleShot(0, self, self._build_next_chart)


def create_reports_screen(*, view_model: ReportsViewModel, locale: str) -> ReportsScreen:
    """The Reports screen over its view model; call `activate()` each time it is shown."""
    screen = ReportsScreen(view_model=view_model, locale=locale)
    view_model.setParent(screen)
    return screen
