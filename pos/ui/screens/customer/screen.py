"""The customer screen: who, their figures, and their orders, documents, requests and cards."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScroller,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.ui.chips import ChipGroup
from pos.ui.retranslating import Retranslating
from pos.ui.screens import COMPACT_ROW_HEIGHT, setup_touch_table
from pos.ui.screens.customer.models import (
    CustomerCardsTableModel,
    CustomerDocumentsTableModel,
    CustomerOrdersTableModel,
    OpenRequestsTableModel,
)
from pos.ui.screens.customer.view_model import CustomerViewModel

SECTIONS = ("orders", "documents", "requests", "cards")
FIGURES = ("orders", "spent", "rate", "balance")
FIGURES_QSS = ("QLabel[figure=\"true\"] { font-size: 22px; font-weight: bold; }"
               " QLabel[caption=\"true\"] { color: #4a5560; }")
PREVIEW_WIDTH = 370  # px: a 42-column receipt in the monospaced 13 px font, whole


class CustomerScreen(Retranslating, QWidget):
    """Shows `CustomerViewModel`'s customer. A tap on an order opens it; on a document, shows
    its receipt beside the list.

    Signals:
        back_requested(): back to the order the customer was opened from.
        order_requested(int): the cashier tapped one of the customer's orders (its id).
    """

    back_requested = Signal()
    order_requested = Signal(int)

    def __init__(self, *, view_model: CustomerViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerScreen")
        self.setStyleSheet(FIGURES_QSS)
        self._vm = view_model
        locale, tz = view_model.locale, view_model.tz
        self._orders = CustomerOrdersTableModel(locale=locale, tz=tz, parent=self)
        self._documents = CustomerDocumentsTableModel(locale=locale, tz=tz, parent=self)
        self._requests = OpenRequestsTableModel(locale=locale, tz=tz, parent=self)
        self._cards = CustomerCardsTableModel(locale=locale, tz=tz, parent=self)
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()
        self._render()

    @property
    def view_model(self) -> CustomerViewModel:
        return self._vm

    def set_locale(self, locale: str) -> None:
        """Show money and dates the `locale` way; nothing is read again."""
        for model in (self._orders, self._documents, self._requests, self._cards):
            model.set_locale(locale)
        self._vm.set_locale(locale)

    def _build_ui(self) -> None:
        self._back = QPushButton(objectName="backButton")
        self._title = QLabel(objectName="screenTitle")
        top = QHBoxLayout()
        top.addWidget(self._back)
        top.addSpacing(16)
        top.addWidget(self._title, 1)
        self._contact = QLabel(objectName="customerContact", wordWrap=True)
        self._status = QLabel(objectName="customerStatus", wordWrap=True)
        self._status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        figures = QHBoxLayout()
        self._figures: dict[str, tuple[QLabel, QLabel]] = {}
        for key in FIGURES:
            value, caption = QLabel(objectName=f"figure_{key}"), QLabel()
            value.setProperty("figure", True)
            caption.setProperty("caption", True)
            box = QVBoxLayout()
            box.setSpacing(0)
            box.addWidget(value)
            box.addWidget(caption)
            figures.addLayout(box, 1)
            self._figures[key] = (value, caption)
        self._sections = ChipGroup(SECTIONS, columns=4, object_name="customerSections")
        self._stack = QStackedWidget(objectName="customerStack")
        self._build_pages()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._contact)
        layout.addLayout(figures)
        layout.addWidget(self._sections)
        layout.addWidget(self._status)
        layout.addWidget(self._stack, 1)

    def _build_pages(self) -> None:
        self._orders_view = self._table(self._orders, 0, "customerOrders")
        self._more = QPushButton(objectName="moreOrdersButton")
        orders = QWidget()
        column = QVBoxLayout(orders)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._orders_view, 1)
        column.addWidget(self._more)
        self._documents_view = self._table(self._documents, 2, "customerDocuments")
        self._preview = QPlainTextEdit(objectName="documentPreview", readOnly=True)
        self._preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        family = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
        self._preview.setStyleSheet(f'font-family: "{family}", monospace; font-size: 13px;')
        self._preview.setFixedWidth(PREVIEW_WIDTH)
        QScroller.grabGesture(self._preview.viewport(),
                              QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        documents = QWidget()
        row = QHBoxLayout(documents)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._documents_view, 1)
        row.addWidget(self._preview)
        self._requests_view = self._table(self._requests, OpenRequestsTableModel.SUMMARY_COLUMN,
                                          "customerRequests")  # fmt: skip
        self._cards_view = self._table(self._cards, 0, "customerCards")
        self._empty: dict[str, QLabel] = {}
        for key, page in zip(SECTIONS, (orders, documents, self._requests_view,
                                        self._cards_view), strict=True):  # fmt: skip
            holder = QWidget(objectName=f"page_{key}")
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            self._empty[key] = QLabel(objectName="emptyNote", wordWrap=True)
            box.addWidget(self._empty[key])
            box.addWidget(page, 1)
            self._stack.addWidget(holder)

    def _table(self, model: QAbstractItemModel, stretch: int, name: str) -> QTableView:
        view = QTableView(objectName=name)
        view.setModel(model)
        setup_touch_table(view, stretch=stretch, row_height=COMPACT_ROW_HEIGHT)
        return view

    def _connect_signals(self) -> None:
        self._back.clicked.connect(self.back_requested)
        self._more.clicked.connect(self._vm.more_orders)
        self._sections.chosen.connect(self._on_sections_chosen)
        self._orders_view.clicked.connect(self._on_orders_view_clicked)
        self._documents_view.clicked.connect(self._on_documents_view_clicked)
        self._vm.view_changed.connect(self._render)
        self._vm.preview_changed.connect(self._render_preview)
        self._vm.status_changed.connect(self._render_status)

    def _retranslate_ui(self) -> None:
        self._back.setText(self.tr("‹  Back to the order"))
        self._more.setText(self.tr("More orders"))
        self._preview.setPlaceholderText(self.tr("Tap a document to see its receipt here."))
        captions = {"orders": self.tr("Orders"), "spent": self.tr("Spent"),
                    "rate": self.tr("Return rate"), "balance": self.tr("On their cards")}
        for key, text in captions.items():
            self._figures[key][1].setText(text)
        self._empty["orders"].setText(self.tr("No order."))
        self._empty["documents"].setText(
            self.tr("No exchange, refund or cancellation at the counter yet."))
        self._empty["requests"].setText(self.tr("No return request waiting."))
        self._empty["cards"].setText(self.tr("No gift card or store credit."))
        self._render()

    def show_section(self, key: str) -> None:
        """Show the orders, documents, requests or cards list."""
        self._sections.select(key)
        self._stack.setCurrentIndex(SECTIONS.index(key))

    def _on_sections_chosen(self, key: object) -> None:
        self.show_section(str(key))

    def _on_orders_view_clicked(self, index: QModelIndex) -> None:
        rows = self._orders.rows
        if 0 <= index.row() < len(rows):
            self.order_requested.emit(rows[index.row()].order_id)

    def _on_documents_view_clicked(self, index: QModelIndex) -> None:
        rows = self._documents.rows
        if 0 <= index.row() < len(rows):
            self._vm.preview(rows[index.row()].number)

    def _render(self) -> None:
        view = self._vm.view
        for key, text in self._vm.figures().items():
            self._figures[key][0].setText(text)
        if self._sections.value is None:
            self.show_section("orders")
        if view is None:
            self._title.setText(self.tr("Customer"))
            self._contact.setText("")
            for model in (self._orders, self._documents, self._requests, self._cards):
                model.set_rows(())
        else:
            self._title.setText(self.tr("Customer — {name}").format(
                name=view.customer.name or self.tr("(no name)")))  # fmt: skip
            self._contact.setText("   ·   ".join((view.customer.email or "—",
                                                  view.customer.phone or "—")))  # fmt: skip
            self._orders.set_rows(view.orders)
            self._documents.set_rows(view.documents)
            self._requests.set_rows(view.requests)
            self._cards.set_rows(view.cards)
        counts = {"orders": view.order_count if view else 0,
                  "documents": len(view.documents) if view else 0,
                  "requests": len(view.requests) if view else 0,
                  "cards": len(view.cards) if view else 0}  # fmt: skip
        names = {"orders": self.tr("Orders ({count})"), "documents": self.tr("Documents ({count})"),
                 "requests": self.tr("Requests ({count})"), "cards": self.tr("Cards ({count})")}
        self._sections.set_texts({k: names[k].format(count=counts[k]) for k in SECTIONS})
        for key in SECTIONS:
            self._empty[key].setVisible(view is not None and counts[key] == 0)
        self._more.setVisible(view is not None and view.next_cursor is not None)
        self._render_status()

    def _render_preview(self) -> None:
        self._preview.setPlainText(self._vm.preview_text)

    def _render_status(self) -> None:
        text = self._vm.status_text
        self._status.setText(text)
        self._status.setVisible(bool(text))
