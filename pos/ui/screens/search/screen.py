"""The search screen: a search box, the sales found, and a tap to open one."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.ui.retranslating import Retranslating
from pos.ui.screens import setup_touch_table
from pos.ui.screens.search.models import OrderResultsTableModel
from pos.ui.screens.search.view_model import SearchViewModel


class SearchScreen(Retranslating, QWidget):
    """Find a past sale by customer, e-mail, phone, order number or receipt scan.

    Renders `SearchViewModel`; holds no state of its own. A barcode scanner acting as a
    keyboard types into the search box (the only widget that takes focus) and ends with
    Enter, which opens the order when the scan names exactly one.

    Signals:
        order_requested(int): the cashier chose this order (id).
    """

    order_requested = Signal(int)

    def __init__(
        self,
        *,
        view_model: SearchViewModel,
        locale: str,
        tz: tzinfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("searchScreen")
        self._vm = view_model
        self._model = OrderResultsTableModel(locale=locale, tz=tz, parent=self)
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()

    @property
    def view_model(self) -> SearchViewModel:
        return self._vm

    def _build_ui(self) -> None:
        self._title = QLabel(objectName="screenTitle")
        self._query_edit = QLineEdit(objectName="searchBox")
        self._clear_button = QPushButton(objectName="clearButton")
        self._search_button = QPushButton(objectName="searchButton")
        self._search_button.setProperty("primary", True)
        box = QHBoxLayout()
        box.addWidget(self._query_edit, 1)
        box.addWidget(self._clear_button)
        box.addWidget(self._search_button)
        self._status_label = QLabel(objectName="searchStatus")
        self._status_label.setWordWrap(True)
        self._status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._results_view = QTableView(objectName="searchResults")
        self._results_view.setModel(self._model)
        setup_touch_table(self._results_view, stretch=OrderResultsTableModel.CUSTOMER_COLUMN)
        self._more_button = QPushButton(objectName="moreButton")
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addLayout(box)
        layout.addWidget(self._status_label)
        layout.addWidget(self._results_view, 1)
        layout.addWidget(self._more_button)

    def _connect_signals(self) -> None:
        self._query_edit.textChanged.connect(self._on_query_edit_text_changed)
        self._query_edit.returnPressed.connect(self._on_query_edit_return_pressed)
        self._search_button.clicked.connect(self._on_query_edit_return_pressed)
        self._clear_button.clicked.connect(self._on_clear_button_clicked)
        self._results_view.clicked.connect(self._on_results_view_clicked)
        self._more_button.clicked.connect(self._vm.load_more)
        self._vm.results_changed.connect(self._render_results)
        self._vm.status_changed.connect(self._render_status)
        self._vm.order_requested.connect(self.order_requested)

    def _retranslate_ui(self) -> None:
        self._title.setText(self.tr("Find a sale"))
        self._query_edit.setPlaceholderText(self.tr("Name, e-mail, phone, order or card number"))
        self._clear_button.setText(self.tr("Clear"))
        self._search_button.setText(self.tr("Search"))
        self._more_button.setText(self.tr("Show older sales"))
        self._render_status()  # the view model words its status in the language of the moment

    def set_locale(self, locale: str) -> None:
        """Show dates and totals the `locale` way ("en_US"); the results are not searched again."""
        self._model.set_locale(locale)

    def clear(self) -> None:
        """Empty the box, the results and the message (the cashier logged out)."""
        self._query_edit.blockSignals(True)  # clearing is not typing: no search follows
        self._query_edit.clear()
        self._query_edit.blockSignals(False)
        self._vm.clear()

    def activate(self) -> None:
        """Shown again: ready for the next scan (focus in the box, text selected)."""
        self._query_edit.setFocus()
        self._query_edit.selectAll()

    def _on_query_edit_text_changed(self, text: str) -> None:
        self._vm.set_query(text)

    def _on_query_edit_return_pressed(self) -> None:
        self._vm.submit(self._query_edit.text())

    def _on_clear_button_clicked(self) -> None:
        self._query_edit.clear()
        self._query_edit.setFocus()

    def _on_results_view_clicked(self, index: QModelIndex) -> None:
        self._vm.choose(index.row())

    def _render_results(self) -> None:
        results = self._vm.results
        shown = self._model.rows
        if shown and results[: len(shown)] == shown:
            self._model.append_rows(results[len(shown) :])  # "show older": keep the scroll
        else:
            self._model.set_rows(results)
            self._results_view.scrollToTop()
        self._render_status()

    def _render_status(self) -> None:
        text = self._vm.status_text
        self._status_label.setText(text)
        self._status_label.setVisible(bool(text))
        self._results_view.setVisible(bool(self._vm.results) or not text)
        self._more_button.setVisible(self._vm.can_load_more)
