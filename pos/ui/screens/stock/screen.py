"""The stock screen: find an item, type what is on the shelf and why; settle returns to inspect."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.services.stock import InspectionOutcome, StockService
from pos.ui.keypad import Keypad, KeypadMode
from pos.ui.retranslating import Retranslating
from pos.ui.screens import setup_touch_table
from pos.ui.screens.managed import ManagedScreen, show_status
from pos.ui.screens.stock.models import InspectionTableModel
from pos.ui.screens.stock.view_model import StockViewModel
from pos.ui.workers import TaskRunner

PAD_WIDTH = 400  # px
MAX_COUNT_DIGITS = 5  # the service refuses more than 99 999 anyway
FACTS = ("variantName", "stockOnHand", "stockWix", "stockPending")
# TODO(lead): move into pos/ui/style.qss with the other screens' rules.
SCREEN_QSS = """
#stockScreen { background: #f4f3ef; }
#variantName { font-size: 22px; font-weight: bold; padding: 8px 0; }
#stockOnHand, #stockWix, #stockPending { font-size: 26px; font-weight: bold; }
#stockStatus { font-size: 20px; padding: 10px 16px; border-radius: 8px; background: #ffffff; }
#stockStatus[kind="error"] { background: #fde2e2; color: #9b1c1c; }
#stockStatus[kind="ok"] { background: #e1f2e4; color: #1e5c2c; }
QPushButton:checked { background: #0b6e69; border-color: #0b6e69; color: #ffffff; }
"""


class StockScreen(ManagedScreen[StockViewModel], Retranslating, QWidget):
    """Two pages for a manager: correct a count, and settle the returns set aside to inspect.

    Signals:
        back_requested(): the manager is done here.
    """

    back_requested = Signal()

    def __init__(
        self,
        *,
        view_model: StockViewModel,
        locale: str,
        tz: tzinfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(SCREEN_QSS)
        self._vm = view_model
        self._model = InspectionTableModel(locale=locale, tz=tz, parent=self)
        self._shown_variant_id: int | None = None
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()
        self._render_variant()
        self._render_inspections()
        self._render_status()

    def activate(self) -> None:
        """Shown: read the items to inspect again, ready for a scan."""
        self._vm.refresh()
        self._code_edit.setFocus()

    def set_locale(self, locale: str) -> None:
        """Show dates the `locale` way ("en_US"); the items are not read again."""
        self._model.set_locale(locale)

    def on_scan(self, _kind: object, text: str) -> None:
        """A barcode was scanned here: show that item's stock."""
        self._show_page(0)
        self._code_edit.setText(text)
        self._vm.look_up(text)

    def _build_ui(self) -> None:
        self._back_button = QPushButton(objectName="backButton")
        self._title = QLabel(objectName="screenTitle")
        self._count_tab = QPushButton(objectName="countTab", checkable=True)
        self._inspect_tab = QPushButton(objectName="inspectTab", checkable=True)
        tabs = QButtonGroup(self)
        tabs.addButton(self._count_tab, 0)
        tabs.addButton(self._inspect_tab, 1)
        self._tabs = tabs
        top = QHBoxLayout()
        top.addWidget(self._back_button)
        top.addSpacing(16)
        top.addWidget(self._title, 1)
        top.addWidget(self._count_tab)
        top.addWidget(self._inspect_tab)
        self._status_label = QLabel(objectName="stockStatus", wordWrap=True)
        self._pages = QStackedWidget(objectName="stockPages")
        self._pages.addWidget(self._build_count_page())
        self._pages.addWidget(self._build_inspect_page())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._status_label)
        layout.addWidget(self._pages, 1)
        self._show_page(0)

    def _build_count_page(self) -> QWidget:
        self._code_edit = QLineEdit(objectName="codeEdit")
        self._find_button = QPushButton(objectName="findButton")
        find = QHBoxLayout()
        find.addWidget(self._code_edit, 1)
        find.addWidget(self._find_button)
        self._facts = {name: QLabel(objectName=name) for name in FACTS}
        self._fact_titles = {name: QLabel(objectName="fieldLabel") for name in FACTS[1:]}
        facts = QGridLayout()
        facts.setColumnStretch(1, 1)  # labels and figures stay together on the left
        facts.setHorizontalSpacing(24)
        facts.addWidget(self._facts["variantName"], 0, 0, 1, 2)
        for row, name in enumerate(FACTS[1:], start=1):
            facts.addWidget(self._fact_titles[name], row, 0)
            facts.addWidget(self._facts[name], row, 1)
        self._reason_edit = QLineEdit(objectName="reasonEdit")
        reasons = QGridLayout()
        self._reason_buttons = [QPushButton(objectName="quickReason") for _ in range(4)]
        for index, button in enumerate(self._reason_buttons):
            button.clicked.connect(lambda _=False, b=button: self._reason_edit.setText(b.text()))
            reasons.addWidget(button, index // 2, index % 2)
        left = QVBoxLayout()
        left.addLayout(find)
        left.addLayout(facts)
        left.addStretch(1)
        left.addWidget(QLabel(objectName="reasonTitle"))
        left.addWidget(self._reason_edit)
        left.addLayout(reasons)
        self._count_pad = Keypad(mode=KeypadMode.COUNT, max_length=MAX_COUNT_DIGITS)
        self._count_pad.setFixedWidth(PAD_WIDTH)
        self._count_title = QLabel(objectName="sectionTitle")
        right = QVBoxLayout()
        right.addWidget(self._count_title)
        right.addWidget(self._count_pad, 1)
        page = QWidget(objectName="countPage")
        columns = QHBoxLayout(page)
        columns.addLayout(left, 1)
        columns.addSpacing(24)
        columns.addLayout(right)
        return page

    def _build_inspect_page(self) -> QWidget:
        self._inspect_view = QTableView(objectName="inspectionTable")
        self._inspect_view.setModel(self._model)
        setup_touch_table(self._inspect_view, stretch=InspectionTableModel.PRODUCT_COLUMN)
        self._no_inspection = QLabel(objectName="emptyNote", wordWrap=True)
        self._restock_button = QPushButton(objectName="restockButton")
        self._restock_button.setProperty("primary", True)
        self._write_off_button = QPushButton(objectName="writeOffButton")
        self._inspect_reason = QLabel(objectName="actionsReason", wordWrap=True)
        actions = QHBoxLayout()
        actions.addWidget(self._restock_button)
        actions.addWidget(self._write_off_button)
        actions.addStretch(1)
        page = QWidget(objectName="inspectPage")
        layout = QVBoxLayout(page)
        layout.addWidget(self._inspect_view, 1)
        layout.addWidget(self._no_inspection)
        layout.addStretch(0)
        layout.addLayout(actions)
        layout.addWidget(self._inspect_reason)  # under the buttons: why they are greyed
        return page

    def _connect_signals(self) -> None:
        self._back_button.clicked.connect(self.back_requested)
        self._tabs.idClicked.connect(self._show_page)
        self._code_edit.returnPressed.connect(self._on_find_button_clicked)
        self._find_button.clicked.connect(self._on_find_button_clicked)
        self._count_pad.submitted.connect(self._on_count_pad_submitted)
        self._inspect_view.clicked.connect(self._on_inspect_view_clicked)
        self._restock_button.clicked.connect(self._on_restock_button_clicked)
        self._write_off_button.clicked.connect(self._on_write_off_button_clicked)
        self._vm.variant_changed.connect(self._render_variant)
        self._vm.inspections_changed.connect(self._render_inspections)
        self._vm.status_changed.connect(self._render_status)

    def _retranslate_ui(self) -> None:
        self._back_button.setText(self.tr("‹  Back"))
        self._title.setText(self.tr("Stock"))
        self._count_tab.setText(self.tr("Correct a count"))
        self._code_edit.setPlaceholderText(self.tr("Scan the barcode or type the SKU"))
        self._find_button.setText(self.tr("Find"))
        titles = (self.tr("In the shop"), self.tr("On Wix"), self.tr("Waiting to send to Wix"))
        for name, title in zip(FACTS[1:], titles, strict=True):
            self._fact_titles[name].setText(title)
        reason_title = self.findChild(QLabel, "reasonTitle")
        if reason_title is not None:
            reason_title.setText(self.tr("Why does the count change?"))
        self._reason_edit.setPlaceholderText(self.tr("Reason (required)"))
        reasons = (self.tr("Shelf count"), self.tr("Damaged"), self.tr("Lost or stolen"),
                   self.tr("Found"))  # fmt: skip
        for button, reason in zip(self._reason_buttons, reasons, strict=True):
            button.setText(reason)
        self._count_title.setText(self.tr("Quantity counted"))
        self._count_pad.set_accept_text(self.tr("Adjust"))
        self._no_inspection.setText(self.tr("No returned item is waiting to be inspected."))
        self._restock_button.setText(self.tr("Back to stock"))
        self._write_off_button.setText(self.tr("Write off"))
        self._model.retranslate()
        self._render_variant()
        self._render_inspections()

    def _show_page(self, page: int) -> None:
        self._pages.setCurrentIndex(page)
        (self._count_tab if page == 0 else self._inspect_tab).setChecked(True)

    def _on_find_button_clicked(self) -> None:
        self._vm.look_up(self._code_edit.text())

    def _on_count_pad_submitted(self, digits: str) -> None:
        self._vm.adjust(digits, self._reason_edit.text())

    def _on_inspect_view_clicked(self, index: QModelIndex) -> None:
        self._vm.select_inspection(index.row())

    def _on_restock_button_clicked(self) -> None:
        self._vm.settle(InspectionOutcome.RESTOCK)

    def _on_write_off_button_clicked(self) -> None:
        self._vm.settle(InspectionOutcome.WRITE_OFF)

    def _render_variant(self) -> None:
        variant = self._vm.variant
        if variant is None:
            for label in self._facts.values():
                label.setText("")
            self._facts["variantName"].setText(self.tr("No item chosen yet."))
        else:
            options = " / ".join(variant.options.values())
            name = f"{variant.name} — {options}" if options else variant.name
            self._facts["variantName"].setText(f"{name}   ({variant.sku})")
            self._facts["stockOnHand"].setText(str(variant.on_hand))
            wix = variant.wix_quantity
            self._facts["stockWix"].setText(self.tr("not read yet") if wix is None else str(wix))
            self._facts["stockPending"].setText(f"{variant.pending_push_delta:+d}")
        if variant is None or variant.variant_id != self._shown_variant_id:
            self._count_pad.clear()  # a new item: its count starts from nothing typed
        self._shown_variant_id = None if variant is None else variant.variant_id
        self._count_pad.setEnabled(variant is not None)

    def _render_inspections(self) -> None:
        items, selected = self._vm.inspections, self._vm.selected_inspection
        if self._model.rows != items:
            self._model.set_rows(items)
        if selected is not None:
            self._inspect_view.selectRow(items.index(selected))
        self._inspect_view.setVisible(bool(items))
        self._no_inspection.setVisible(not items)
        self._restock_button.setEnabled(selected is not None)
        self._write_off_button.setEnabled(selected is not None)
        self._inspect_reason.setText(self._vm.inspection_reason)
        self._inspect_reason.setVisible(bool(self._inspect_reason.text()))
        self._inspect_tab.setText(self.tr("To inspect ({count})").format(count=len(items)))

    def _render_status(self) -> None:
        # A wrapped label is not given its height by the layout on its own: ask it.
        show_status(self._status_label, self._vm.status_text, self._vm.status_kind,
                    wrap_width=max(self.width() - 40, 400))  # fmt: skip


def create_stock_screen(
    *, stock: StockService, runner: TaskRunner, locale: str, tz: tzinfo | None = None
) -> StockScreen:
    """The stock screen and its view model; call `activate()` each time it is shown."""
    view_model = StockViewModel(stock=stock, runner=runner)
    screen = StockScreen(view_model=view_model, locale=locale, tz=tz)
    view_model.setParent(screen)
    return screen
