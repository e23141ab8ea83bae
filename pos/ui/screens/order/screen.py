"""The order screen: one past sale, read-only — who, when, what, how paid, what came back."""

from __future__ import annotations

from datetime import tzinfo

import shiboken6
from PySide6.QtCore import QAbstractItemModel, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.ui.retranslating import Retranslating
from pos.ui.screens import COMPACT_ROW_HEIGHT, fit_to_rows, rows_height, setup_touch_table
from pos.ui.screens.order.models import (
    DocumentsTableModel,
    OrderLinesTableModel,
    PaymentsTableModel,
)
from pos.ui.screens.order.view_model import OrderHeader, OrderViewModel
from pos.ui.scroll_area import VerticalScrollArea

HEADER_ROWS = 3  # fields fill columns top-down: when and where | contact, total | refunds
SMALL_TABLE_ROWS = 3  # payments and documents: taller lists scroll, the items keep the room
MIN_LINE_ROWS = 1  # the items list shrinks to this many rows before the page scrolls


class OrderScreen(Retranslating, QWidget):
    """Shows `OrderViewModel`'s order: header, lines, payments, earlier counter documents.

    The order's details scroll up and down when they are taller than the screen (an order
    paid three ways with three earlier documents, at 1024×768); what is added below them
    (the returns desk's actions) stays in view.

    Signals:
        back_requested(): the cashier wants the search screen again.
    """

    back_requested = Signal()

    def __init__(
        self,
        *,
        view_model: OrderViewModel,
        locale: str,
        tz: tzinfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("orderScreen")
        self._vm = view_model
        self._lines = OrderLinesTableModel(locale=locale, parent=self)
        self._payments = PaymentsTableModel(locale=locale, parent=self)
        self._documents = DocumentsTableModel(locale=locale, tz=tz, parent=self)
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()
        self._render_detail()

    @property
    def view_model(self) -> OrderViewModel:
        return self._vm

    def set_locale(self, locale: str) -> None:
        """Show money and dates the `locale` way ("en_US"); the order is not read again."""
        for model in (self._lines, self._payments, self._documents):
            model.set_locale(locale)
        self._vm.set_locale(locale)  # re-emits detail_changed: the header is worded again

    def _build_ui(self) -> None:
        self._back_button = QPushButton(objectName="backButton")
        self._title = QLabel(objectName="screenTitle")
        top = self._top = QHBoxLayout()
        top.addWidget(self._back_button)
        top.addSpacing(16)
        top.addWidget(self._title, 1)
        self._status_label = QLabel(objectName="orderStatus")
        self._status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._status_label.setWordWrap(True)
        self._content = QWidget(objectName="orderContent")
        self._build_content()
        self._scroll = VerticalScrollArea(self._content, object_name="orderScroll")
        # The order's own places (its customer, a return request) go beside the title when
        # they fit, else under it at the right (at 1024 px in French they do not fit beside).
        self._header_actions = QHBoxLayout()
        self._header_actions.addStretch(1)
        self._actions: list[QWidget] = []
        self._placement = QTimer(self, singleShot=True, interval=0)  # one placement per round
        self._placement.timeout.connect(self._place_header_actions)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self._header_actions)
        layout.addWidget(self._status_label, 1)
        layout.addWidget(self._scroll, 100)

    def add_header_action(self, button: QWidget) -> None:
        """An action beside the order's title, at the right, or under it when the row has no
        room (the actions row at the foot is full at 1024 px in French); it words and wires
        itself."""
        self._actions.append(button)
        self._top.addWidget(button)
        self._place_header_actions_soon()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 — Qt's name
        super().resizeEvent(event)
        self._place_header_actions_soon()

    def _place_header_actions_soon(self) -> None:
        """Once the texts of this round are set (title, language, the customer's name)."""
        self._placement.start()

    def _place_header_actions(self) -> None:
        """Beside the title when the whole row fits the width, else on a row of their own."""
        self._actions = [action for action in self._actions if shiboken6.isValid(action)]
        shown = [action for action in self._actions if not action.isHidden()]
        spacing = max(self._top.spacing(), 0)
        needed = (self._back_button.sizeHint().width() + 16 + self._title.sizeHint().width()
                  + sum(action.sizeHint().width() + spacing for action in shown))
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else self.contentsMargins()
        room = self.width() - margins.left() - margins.right() - 2 * spacing
        target, other = ((self._top, self._header_actions) if needed <= room
                         else (self._header_actions, self._top))  # fmt: skip
        for action in self._actions:
            if target.indexOf(action) < 0:
                other.removeWidget(action)
                target.addWidget(action)

    def _build_content(self) -> None:
        self._header_grid = QGridLayout()
        self._header_grid.setHorizontalSpacing(16)
        self._window_label = QLabel(objectName="returnWindow")
        self._window_label.setWordWrap(True)
        self._lines_view = self._table(self._lines, OrderLinesTableModel.PRODUCT_COLUMN, "lines")
        # The items take the room left (at least a row; a long list scrolls in itself): the
        # page scrolls only when even that does not fit.
        self._lines_view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self._payments_view = self._table(
            self._payments, PaymentsTableModel.REFERENCE_COLUMN, "payments"
        )
        self._documents_view = self._table(
            self._documents, DocumentsTableModel.KIND_COLUMN, "documents"
        )
        self._no_documents = QLabel(objectName="emptyNote")
        self._section_titles: dict[str, QLabel] = {}
        documents = self._section("documents", self._documents_view)
        documents.addWidget(self._no_documents)
        layout = QVBoxLayout(self._content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._header_grid)
        layout.addWidget(self._window_label)
        layout.addLayout(self._section("lines", self._lines_view), 1)
        layout.addLayout(self._section("payments", self._payments_view))
        layout.addLayout(documents)

    def _table(self, model: QAbstractItemModel, stretch: int, name: str) -> QTableView:
        view = QTableView(objectName=f"{name}Table")
        view.setModel(model)
        setup_touch_table(view, stretch=stretch, row_height=COMPACT_ROW_HEIGHT)
        return view

    def _section(self, key: str, view: QWidget) -> QVBoxLayout:
        """`view` under a section title, kept as `_section_titles[key]` to be worded."""
        title = self._section_titles[key] = QLabel(objectName="sectionTitle")
        box = QVBoxLayout()
        box.setSpacing(4)
        box.addWidget(title)
        box.addWidget(view, 1)
        return box

    def _connect_signals(self) -> None:
        self._back_button.clicked.connect(self.back_requested)
        self._vm.detail_changed.connect(self._render_detail)
        self._vm.status_changed.connect(self._render_status)

    def _retranslate_ui(self) -> None:
        """The fixed texts; the order's own (title, header) are worded again by `set_locale`."""
        self._back_button.setText(self.tr("‹  Search"))
        self._place_header_actions_soon()
        self._no_documents.setText(
            self.tr("No exchange, refund or cancellation at the counter yet.")
        )
        titles = {
            "lines": self.tr("Items"),
            "payments": self.tr("Payments"),
            "documents": self.tr("Earlier counter documents"),
        }
        for key, title in titles.items():
            self._section_titles[key].setText(title)
        self._render_status()

    def _render_detail(self) -> None:
        detail, header = self._vm.detail, self._vm.header()
        self._scroll.setVisible(detail is not None)
        if detail is None or header is None:
            self._title.setText("")
            for model in (self._lines, self._payments, self._documents):
                model.set_rows(())
        else:
            self._render_header(header)
            self._lines.set_rows(detail.lines)
            self._payments.set_rows(detail.payments)
            self._documents.set_rows(detail.documents)
            fit_to_rows(self._payments_view, max_rows=SMALL_TABLE_ROWS)
            fit_to_rows(self._documents_view, max_rows=SMALL_TABLE_ROWS)
            self._lines_view.setMinimumHeight(rows_height(self._lines_view, MIN_LINE_ROWS))
            self._documents_view.setVisible(bool(detail.documents))
            self._no_documents.setVisible(not detail.documents)
        self._render_status()

    def _render_header(self, header: OrderHeader) -> None:
        self._title.setText(header.title)
        self._place_header_actions_soon()
        while (item := self._header_grid.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        for index, (label, value) in enumerate(header.fields):
            # Column by column, so the e-mail's column is not also the widest label's.
            pair, row = divmod(index, HEADER_ROWS)
            name = QLabel(label, objectName="fieldLabel")
            text = QLabel(value, objectName="fieldValue")
            text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            self._header_grid.addWidget(name, row, 2 * pair)
            self._header_grid.addWidget(text, row, 2 * pair + 1)
        self._window_label.setText(header.window_text)
        self._window_label.setProperty("within", header.within_window)
        self._window_label.style().unpolish(self._window_label)  # re-read the QSS property
        self._window_label.style().polish(self._window_label)

    def _render_status(self) -> None:
        text = self._vm.status_text
        self._status_label.setText(text)
        self._status_label.setVisible(bool(text))
