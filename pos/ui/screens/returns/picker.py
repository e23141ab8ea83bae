"""The catalogue picker: find a replacement by name, SKU or barcode, then tap size × colour."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.services.catalogue_search import (
    CatalogueSearchService,
    ProductView,
    StockLevel,
    VariantGrid,
    VariantOption,
)
from pos.ui.messages import error_text
from pos.ui.retranslating import Retranslating
from pos.ui.screens import COMPACT_ROW_HEIGHT, setup_touch_table
from pos.ui.screens.returns.models import ProductsTableModel
from pos.ui.screens.returns.pictures import GRID_PX, THUMB_PX, load_pictures, placeholder
from pos.ui.workers import TaskRunner

SEARCH_KEY = "picker-search"
GRID_KEY = "picker-grid"
DEBOUNCE_MS = 150
LIMIT = 30

log = logging.getLogger(__name__)


def looks_like_code(text: str) -> bool:
    """A scan or a typed SKU: one word with a digit in it (names are searched instead)."""
    text = text.strip()
    return bool(text) and " " not in text and any(ch.isdigit() for ch in text)


class PickerViewModel(QObject):
    """Searches the catalogue as the cashier types and loads the chosen product's grid.

    Product pictures are read from the disk cache and scaled in the same worker task as the
    search (never on the GUI thread); only the thumbnails come back.

    Signals:
        results_changed(): re-read `results` and `thumbnails`.
        grid_changed(): re-read `grid` (None until a product is chosen) and `grid_picture`.
        status_changed(): re-read `status_text`.
    """

    results_changed = Signal()
    grid_changed = Signal()
    status_changed = Signal()

    def __init__(
        self,
        *,
        catalogue: CatalogueSearchService,
        runner: TaskRunner,
        locale: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._catalogue, self._runner, self._locale = catalogue, runner, locale
        self.query, self.status_text = "", ""
        self.results: tuple[ProductView, ...] = ()
        self.thumbnails: dict[int, QPixmap] = {}  # product id -> picture; none: placeholder
        self.grid: VariantGrid | None = None
        self.grid_picture: QPixmap | None = None  # None: the placeholder
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)

    def set_locale(self, locale: str) -> None:
        """Word problems the `locale` way from now on."""
        self._locale = locale

    def set_query(self, text: str) -> None:
        self.query = text
        self._debounce.start()

    def search_now(self) -> None:
        self._debounce.stop()
        query, catalogue = self.query, self._catalogue

        def find() -> tuple[tuple[ProductView, ...], dict[int, QImage]]:
            found = catalogue.search(query, LIMIT)  # and the pictures, read off the GUI thread
            return found, load_pictures(((p.product_id, p.picture) for p in found), THUMB_PX)

        self._runner.submit(find, key=SEARCH_KEY, on_success=self._on_found,
                            on_error=self._on_failed)  # fmt: skip

    def refresh(self) -> None:
        """Read the stock again (a document was committed, or a new draft opens): the products
        found and the grid on screen stay, with today's figures."""
        if self.query.strip():
            self.search_now()
        if self.grid is not None:
            self.show_product(self.grid.product_id)

    def clear(self) -> None:
        """Nothing searched, nothing shown (a new return starts); answers still on their way
        are dropped."""
        self._debounce.stop()
        self._runner.forget(SEARCH_KEY)
        self._runner.forget(GRID_KEY)
        self.query = ""
        self.results, self.thumbnails = (), {}
        self.grid, self.grid_picture = None, None
        self.results_changed.emit()
        self.grid_changed.emit()
        self._set_status("")

    def choose(self, row: int) -> None:
        """Show the grid of the product at `row`."""
        if 0 <= row < len(self.results):
            self.show_product(self.results[row].product_id)

    def show_product(self, product_id: int) -> None:
        """Show this product's size × colour grid."""
        catalogue = self._catalogue
        self._load_grid(lambda: catalogue.variants(product_id))

    def show_product_of(self, sku: str) -> None:
        """Show the grid of the product `sku` belongs to: another size of what comes back."""
        catalogue = self._catalogue
        self._load_grid(lambda: catalogue.variants_of_sku(sku))

    def _load_grid(self, fetch: Callable[[], VariantGrid | None]) -> None:
        """Read the grid, and its product's picture, on the worker."""

        def load() -> tuple[VariantGrid | None, dict[int, QImage]]:
            grid = fetch()
            pictures = [(grid.product_id, grid.picture)] if grid is not None else []
            return grid, load_pictures(pictures, GRID_PX)

        self._runner.submit(load, key=GRID_KEY, on_success=self._on_grid,
                            on_error=self._on_failed)  # fmt: skip

    def _on_found(self, found: tuple[tuple[ProductView, ...], dict[int, QImage]]) -> None:
        results, images = found
        self.thumbnails = {key: QPixmap.fromImage(image) for key, image in images.items()}
        self.results = results
        self._set_status("" if results or not self.query.strip() else self.tr("No product found."))
        self.results_changed.emit()
        if len(results) == 1:
            self.choose(0)

    def _on_grid(self, loaded: tuple[VariantGrid | None, dict[int, QImage]]) -> None:
        self.grid, images = loaded
        image = images.get(self.grid.product_id) if self.grid is not None else None
        self.grid_picture = QPixmap.fromImage(image) if image is not None else None
        self.grid_changed.emit()

    def _on_failed(self, error: BaseException) -> None:
        self._set_status(error_text(error, self._locale))

    def _set_status(self, text: str) -> None:
        self.status_text = text
        self.status_changed.emit()


class CataloguePicker(Retranslating, QWidget):
    """Search box, products found, and the chosen product's size × colour grid with stock.

    Out-of-stock cells are disabled (unless `any_stock`: an item coming back without a
    receipt may be one the shop has none of); low stock (two or fewer) is marked.

    Signals:
        variant_chosen(int): the cashier tapped an in-stock variant (its id).
        code_submitted(str): Enter or a scan with what looks like a SKU or barcode.
    """

    variant_chosen = Signal(int)
    code_submitted = Signal(str)

    def __init__(
        self, *, view_model: PickerViewModel, locale: str, any_stock: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cataloguePicker")
        self._vm, self._any_stock = view_model, any_stock
        self._products = ProductsTableModel(locale=locale, parent=self)
        self._cells: list[tuple[QPushButton, VariantOption]] = []  # the grid's, to word again
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()

    @property
    def view_model(self) -> PickerViewModel:
        return self._vm

    def set_locale(self, locale: str) -> None:
        """Show prices the `locale` way ("en_US"); the products are not searched again."""
        self._products.set_locale(locale)
        self._vm.set_locale(locale)

    def clear(self) -> None:
        """An empty search box, no products and no grid: the picker as first shown."""
        self._search.clear()
        self._vm.clear()

    def _build_ui(self) -> None:
        self._search = QLineEdit(objectName="pickerSearch")
        # A finger-sized clear key: the field's own clear button is a 20 px target.
        self._clear = QPushButton("✕", objectName="pickerClear")
        self._clear.setFixedSize(56, 56)
        self._clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        search = QHBoxLayout()
        search.addWidget(self._search, 1)
        search.addWidget(self._clear)
        self._results = QTableView(objectName="pickerResults")
        self._results.setModel(self._products)
        setup_touch_table(self._results, stretch=0, row_height=COMPACT_ROW_HEIGHT)
        self._status = QLabel(objectName="pickerStatus", wordWrap=True)
        self._grid_picture = QLabel(objectName="gridPicture")
        self._grid_picture.setFixedSize(GRID_PX, GRID_PX)
        self._grid_picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._grid_picture.hide()  # until a product is chosen
        self._grid_title = QLabel(objectName="gridTitle", wordWrap=True)
        # The picture and the name take the width the grid leaves, and never ask for more:
        # an Ignored policy counts for nothing when the screen shares its width out.
        title_row = QWidget(objectName="gridTitleRow")
        title_row.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        title = QHBoxLayout(title_row)
        title.setContentsMargins(0, 0, 0, 0)
        title.addWidget(self._grid_picture)
        title.addWidget(self._grid_title, 1)
        self._grid = QGridLayout()
        self._grid.setSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search)
        layout.addWidget(self._results, 2)
        layout.addWidget(self._status)
        layout.addWidget(title_row)
        layout.addLayout(self._grid, 3)

    def _connect_signals(self) -> None:
        self._search.textEdited.connect(self._vm.set_query)
        self._search.returnPressed.connect(self._on_search_return_pressed)
        self._clear.clicked.connect(self._on_clear_clicked)
        self._results.clicked.connect(self._on_results_clicked)
        self._vm.results_changed.connect(self._render_results)
        self._vm.grid_changed.connect(self._render_grid)
        self._vm.status_changed.connect(lambda: self._status.setText(self._vm.status_text))

    def _retranslate_ui(self) -> None:
        self._search.setPlaceholderText(self.tr("Name, SKU or scan"))
        self._clear.setAccessibleName(self.tr("Clear"))
        for button, option in self._cells:
            button.setText(self._cell_text(option))

    def _on_clear_clicked(self) -> None:
        self._search.clear()
        self._search.setFocus()
        self._vm.set_query("")

    def _on_search_return_pressed(self) -> None:
        text = self._search.text()
        self._vm.query = text
        self._vm.search_now()
        if looks_like_code(text):
            self.code_submitted.emit(text.strip())

    def _on_results_clicked(self, index: QModelIndex) -> None:
        self._vm.choose(index.row())

    def _render_results(self) -> None:
        self._products.set_rows(self._vm.results)
        self._products.set_pictures(self._vm.thumbnails, placeholder(THUMB_PX))

    def _render_grid(self) -> None:
        while (item := self._grid.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self._cells = []
        grid = self._vm.grid
        self._grid_title.setText(grid.name if grid else "")
        self._grid_picture.setVisible(grid is not None)
        self._grid_picture.setPixmap(self._vm.grid_picture or placeholder(GRID_PX))
        if grid is None:
            return
        for c, column in enumerate(grid.columns):
            self._grid.addWidget(QLabel(column, objectName="gridHeader"), 0, c + 1)
        for r, row in enumerate(grid.rows):
            self._grid.addWidget(QLabel(row, objectName="gridHeader"), r + 1, 0)
            for c, column in enumerate(grid.columns):
                option = grid.cell(row, column)
                if option is not None:
                    self._grid.addWidget(self._cell(option), r + 1, c + 1)

    def _cell_text(self, option: VariantOption) -> str:
        level = option.stock_level
        if level is StockLevel.OUT:
            stock = self.tr("Out of stock")
        elif level is StockLevel.LOW:
            stock = self.tr("Only {count} left").format(count=option.on_hand)
        else:
            stock = self.tr("{count} in stock").format(count=option.on_hand)
        return f"{option.row}\n{stock}"

    def _cell(self, option: VariantOption) -> QPushButton:
        level = option.stock_level
        button = QPushButton(self._cell_text(option), objectName=f"variant_{option.sku}")
        self._cells.append((button, option))
        button.setProperty("stock", level.value)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setEnabled(self._any_stock or level is not StockLevel.OUT)
        button.setMinimumHeight(64)
        button.clicked.connect(lambda: self.variant_chosen.emit(option.variant_id))
        return button
