"""The requests screen (managers): three lists, the request tapped, Approve / Reject / Open."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.services.return_requests import RequestView
from pos.ui.chips import ChipGroup
from pos.ui.format import format_datetime, format_money
from pos.ui.retranslating import Retranslating
from pos.ui.screens import setup_touch_table
from pos.ui.screens.managed import ManagedScreen
from pos.ui.screens.requests.models import RequestsTableModel
from pos.ui.screens.requests.view_model import TABS, RequestsViewModel
from pos.ui.screens.requests.words import REJECT_REASONS, reason_text, reject_reason_texts
from pos.ui.scroll_area import VerticalScrollArea

THUMBNAIL = 72  # px: a customer's photo in the detail
REQUESTS_QSS = """
#requestTitle { font-size: 20px; font-weight: bold; }
#authorisationNumber { font-size: 24px; font-weight: bold; color: #1e5c2c; }
#requestsStatus[kind="error"] { color: #9b1c1c; }
#requestsStatus[kind="ok"] { color: #1e5c2c; }
#requestPhoto { border: 1px solid #9aa5ae; background: #ffffff; }
#rejectChips QPushButton, #requestTabs QPushButton { font-size: 16px; padding: 0 6px; }
QPushButton:checked { background: #cfe8e6; border-color: #0b6e69; font-weight: bold; }
"""


class RequestsScreen(ManagedScreen[RequestsViewModel], Retranslating, QWidget):
    """Return requests for a manager: a list per state, a request's detail and decision.

    Signals:
        back_requested(): the manager is done here.
    """

    back_requested = Signal()

    def __init__(self, *, view_model: RequestsViewModel, locale: str, tz: tzinfo | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("requestsScreen")
        self.setStyleSheet(REQUESTS_QSS)
        self._vm, self._tz = view_model, tz
        self._model = RequestsTableModel(locale=locale, tz=tz, parent=self)
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()
        self._render_lists()
        self._render_detail()

    def set_locale(self, locale: str) -> None:
        """Show money and dates the `locale` way ("en_US"); nothing is read again."""
        self._model.set_locale(locale)
        self._vm.set_locale(locale)

    def _build_ui(self) -> None:
        self._back = QPushButton(objectName="backButton")
        self._title = QLabel(objectName="screenTitle")
        self._tabs = ChipGroup(TABS, columns=3, object_name="requestTabs")
        top = QHBoxLayout()
        top.addWidget(self._back)
        top.addSpacing(16)
        top.addWidget(self._title, 1)
        self._status_label = QLabel(objectName="requestsStatus", wordWrap=True)
        self._table = QTableView(objectName="requestsTable")
        self._table.setModel(self._model)
        setup_touch_table(self._table, stretch=RequestsTableModel.CUSTOMER_COLUMN)
        self._empty = QLabel(objectName="emptyNote", wordWrap=True)
        left = QVBoxLayout()
        left.addWidget(self._tabs)
        left.addWidget(self._table, 1)
        left.addWidget(self._empty)
        left.addStretch(0)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(self._build_detail(), 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._status_label)
        layout.addLayout(body, 1)

    def _build_detail(self) -> QWidget:
        panel = QFrame(objectName="requestDetail")
        self._pick_note = QLabel(objectName="emptyNote", wordWrap=True)
        self._heading = QLabel(objectName="requestTitle", wordWrap=True)
        self._lines = QLabel(objectName="requestLines", wordWrap=True)
        self._reason = QLabel(objectName="requestReason", wordWrap=True)
        self._number = QLabel(objectName="authorisationNumber", wordWrap=True)
        self._photos_row = QHBoxLayout()
        self._photos_row.addStretch(1)
        content = QWidget(objectName="requestContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self._pick_note, self._heading, self._number, self._lines, self._reason):
            column.addWidget(widget)
        column.addLayout(self._photos_row)
        column.addStretch(1)
        self._scroll = VerticalScrollArea(content, object_name="requestScroll")
        self._reject_reasons = ChipGroup(REJECT_REASONS, columns=2, object_name="rejectChips")
        self._reject_text = QLineEdit(objectName="rejectReason")
        self._reject = QPushButton(objectName="rejectButton")
        self._approve = QPushButton(objectName="approveRequestButton")
        self._approve.setProperty("primary", True)
        self._open = QPushButton(objectName="openAtCounterButton")
        self._open.setProperty("primary", True)
        buttons = QHBoxLayout()
        buttons.addWidget(self._reject)
        buttons.addStretch(1)
        buttons.addWidget(self._approve)
        buttons.addWidget(self._open)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self._scroll, 1)
        layout.addWidget(self._reject_reasons)
        layout.addWidget(self._reject_text)
        layout.addLayout(buttons)
        return panel

    def _connect_signals(self) -> None:
        self._back.clicked.connect(self.back_requested)
        self._tabs.chosen.connect(lambda tab: self._vm.choose_tab(str(tab)))
        self._table.clicked.connect(self._on_table_clicked)
        self._reject_reasons.chosen.connect(self._on_reject_reason_chosen)
        self._reject.clicked.connect(lambda: self._vm.reject(self._reject_text.text()))
        self._approve.clicked.connect(self._vm.approve)
        self._open.clicked.connect(self._vm.open_at_counter)
        self._vm.lists_changed.connect(self._render_lists)
        self._vm.detail_changed.connect(self._render_detail)
        self._vm.status_changed.connect(self._render_status)
        self._vm.counts_changed.connect(self._render_tabs)

    def _retranslate_ui(self) -> None:
        self._back.setText(self.tr("‹  Back"))
        self._title.setText(self.tr("Return requests"))
        self._pick_note.setText(self.tr("Tap a request in the list to see it."))
        self._reject_text.setPlaceholderText(self.tr("Why refuse?"))
        self._reject_reasons.set_texts(reject_reason_texts())
        self._reject.setText(self.tr("Reject"))
        self._approve.setText(self.tr("Approve"))
        self._open.setText(self.tr("Open at the counter"))
        self._render_tabs()
        self._render_lists()
        self._render_detail()

    def _on_table_clicked(self, index: QModelIndex) -> None:
        self._vm.choose(index.row())

    def _on_reject_reason_chosen(self, code: object) -> None:
        self._reject_text.setText(reject_reason_texts()[str(code)])

    def _render_tabs(self) -> None:
        counts = self._vm.counts
        figures = {tab: getattr(counts, tab) if counts is not None else 0 for tab in TABS}
        self._tabs.set_texts({
            "to_decide": self.tr("To decide ({count})").format(count=figures["to_decide"]),
            "approved": self.tr("Approved ({count})").format(count=figures["approved"]),
            "expired": self.tr("Expired ({count})").format(count=figures["expired"]),
        })  # fmt: skip
        self._tabs.select(self._vm.tab)

    def _render_lists(self) -> None:
        rows = self._vm.rows
        self._model.set_tab(self._vm.tab)
        if self._model.rows != rows:
            self._model.set_rows(rows)
        self._render_tabs()
        empty = {
            "to_decide": self.tr("No request waits for a decision."),
            "approved": self.tr("No approved request waits for its customer."),
            "expired": self.tr("No approved request has expired."),
        }
        self._empty.setText(empty[self._vm.tab])
        self._empty.setVisible(not rows)
        self._table.setVisible(bool(rows))

    def _render_detail(self) -> None:
        detail, vm = self._vm.detail, self._vm
        shown = detail is not None
        self._pick_note.setVisible(not shown and bool(vm.rows))
        for label in (self._heading, self._lines, self._reason):
            label.setVisible(shown)
        deciding = shown and vm.tab == "to_decide" and vm.can_decide
        for widget in (self._reject_reasons, self._reject_text, self._reject, self._approve):
            widget.setVisible(deciding)
        self._open.setVisible(shown and vm.tab == "approved")
        self._number.setVisible(shown and bool(detail and detail.authorisation_number))
        if detail is not None:
            self._show(detail)
        else:
            self._set_photos(())
        if not deciding:
            self._reject_text.clear()
            self._reject_reasons.select(None)

    def _show(self, detail: RequestView) -> None:
        locale = self._vm.locale
        self._heading.setText(self.tr("Order {number} — {customer}").format(
            number=detail.order_number, customer=detail.customer_name or self.tr("(no name)")))
        lines = [f"{line.quantity} × " + " — ".join(p for p in (line.name, line.options) if p)
                 + (f" ({reason_text(line.reason)})" if line.reason else "")
                 for line in detail.lines]  # fmt: skip
        lines.append(self.tr("Amount: {amount}").format(amount=format_money(detail.amount, locale)))
        self._lines.setText("\n".join(lines))
        said = [self.tr("Reason: {reason}").format(reason=reason_text(detail.reason))]
        if detail.note:
            said.append(self.tr("Note: {note}").format(note=detail.note))
        said.append(self.tr("Recorded {when} by {who}").format(
            when=format_datetime(detail.recorded_at, locale, tz=self._tz),
            who=detail.recorded_by or "—"))  # fmt: skip
        if detail.decision_reason:
            said.append(self.tr("Decision: {reason}").format(reason=detail.decision_reason))
        self._reason.setText("\n".join(said))
        if detail.authorisation_number and detail.expires_at is not None:
            self._number.setText(self.tr("{number} — valid until {when}").format(
                number=detail.authorisation_number,
                when=format_datetime(detail.expires_at, locale, tz=self._tz)))  # fmt: skip
        self._set_photos(self._vm.thumbnails)

    def _set_photos(self, pixmaps: tuple[QPixmap, ...]) -> None:
        while self._photos_row.count() > 1:
            item = self._photos_row.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        for index, pixmap in enumerate(pixmaps):
            label = QLabel(objectName="requestPhoto")
            label.setFixedSize(THUMBNAIL, THUMBNAIL)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setPixmap(pixmap)
            self._photos_row.insertWidget(index, label)


def create_requests_screen(*, view_model: RequestsViewModel, locale: str,
                           tz: tzinfo | None = None) -> RequestsScreen:  # fmt: skip
    """The requests screen on `view_model` (which it then owns); `activate()` it when shown."""
    screen = RequestsScreen(view_model=view_model, locale=locale, tz=tz)
    view_model.setParent(screen)
    return screen
