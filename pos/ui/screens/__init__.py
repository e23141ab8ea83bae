"""What every screen shares: a read-only table model over immutable rows, touch set-up, labels.

Each screen lives in its own sub-package (`search/`, `order/`) as widget + view model +
item models; this module holds only the few pieces two screens would otherwise copy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QScroller, QTableView

from pos.domain.search_text import card_brand_label

Row = TypeVar("Row")
AnyIndex = QModelIndex | QPersistentModelIndex

ROW_HEIGHT = 56  # px: a row to tap (STYLE.md: >= 48 px)
COMPACT_ROW_HEIGHT = 48  # px: read-only tables on a busy screen, still a finger's width
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's value object itself
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True, slots=True)
class Column(Generic[Row]):
    """One column of a `RowsTableModel`: a translated title and how to show a row in it."""

    title: str
    text: Callable[[Row], str]
    numeric: bool = False  # right-aligned, so amounts and quantities line up


class RowsTableModel(QAbstractTableModel, Generic[Row]):
    """A read-only table over an immutable tuple of rows; subclasses give the columns.

    Roles: DisplayRole (the column's text), TextAlignmentRole, and `ROW_ROLE` (the row).
    Subclasses call `set_columns` in their constructor (after this one, so `self.tr` works).

    A view asks for a cell's text many times (to size the columns, then to paint), and
    money and dates go through Babel: each text is made once and kept until the rows or
    the columns change.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns: tuple[Column[Row], ...] = ()
        self._rows: tuple[Row, ...] = ()
        self._texts: dict[tuple[int, int], str] = {}

    def set_columns(self, columns: Sequence[Column[Row]]) -> None:
        """Set the columns (before a view shows the model, or again when the language changes)."""
        self.beginResetModel()
        self._columns = tuple(columns)
        self._texts.clear()
        self.endResetModel()

    @property
    def rows(self) -> tuple[Row, ...]:
        return self._rows

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self._texts.clear()
        self.endResetModel()

    def append_rows(self, rows: Sequence[Row]) -> None:
        """Add rows at the end (the next page of a list)."""
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows = self._rows + tuple(rows)
        self.endInsertRows()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            key = (index.row(), index.column())
            text = self._texts.get(key)
            if text is None:
                text = self._texts[key] = self._columns[key[1]].text(self._rows[key[0]])
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if self._columns[index.column()].numeric else _LEFT)
        if role == ROW_ROLE:
            return self._rows[index.row()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if self._columns[section].numeric else _LEFT)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class LocalizedRowsModel(RowsTableModel[Row]):
    """A `RowsTableModel` whose cells are worded for a locale (money, dates, times).

    Subclasses give their columns in `_make_columns`, reading `self.locale` (and `self.tz`,
    the shop's time zone, for dates and times); a new interface language (`retranslate`) or
    formatting locale (`set_locale`) makes them again and the rows already loaded are worded
    anew — nothing is read again.
    """

    def __init__(
        self, *, locale: str, tz: tzinfo | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.locale, self.tz = locale, tz
        self.retranslate()

    def set_locale(self, locale: str) -> None:
        """Word the cells the `locale` way ("en_US") from now on."""
        self.locale = locale
        self.retranslate()

    def retranslate(self) -> None:
        """Column titles in the current language, every cell worded again."""
        self.set_columns(self._make_columns())

    def _make_columns(self) -> Sequence[Column[Row]]:
        raise NotImplementedError


def setup_touch_table(view: QTableView, *, stretch: int, row_height: int = ROW_HEIGHT) -> None:
    """Large rows, whole-row selection, no editing, kinetic scrolling; column `stretch` fills.

    The view never takes keyboard focus, so a barcode scanner keeps typing into the
    screen's search box whatever the cashier touched last.
    """
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setShowGrid(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(row_height)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)
    # Columns fit the rows on screen, not every row of the list: sizing 50 rows of search
    # results took 20 ms of the GUI thread, the visible ones take 10.
    header.setResizeContentsPrecision(0)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    enable_kinetic_scrolling(view)


def fit_to_rows(view: QTableView, *, max_rows: int) -> None:
    """Make `view` exactly as tall as its rows (at most `max_rows`; it scrolls beyond)."""
    rows = min(max(view.model().rowCount(), 1), max_rows)
    view.setFixedHeight(rows_height(view, rows))


def rows_height(view: QTableView, rows: int) -> int:
    """The height `view` needs to show its column titles and `rows` rows."""
    header = view.horizontalHeader().sizeHint().height()
    row = view.verticalHeader().defaultSectionSize()
    return header + rows * row + 2 * view.frameWidth()


def enable_kinetic_scrolling(view: QAbstractItemView) -> None:
    """Flick to scroll with a finger (a left-button drag, which is what touch screens send)."""
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    QScroller.grabGesture(view.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)


def channel_label(channel: str) -> str:
    """Where the order was placed, in the cashier's words."""
    labels = {
        "WEB": QCoreApplication.translate("Labels", "Online shop"),
        "POS": QCoreApplication.translate("Labels", "In the shop"),
    }
    return labels.get(channel.upper(), channel.title())


def payment_method_label(method: str) -> str:
    """How a payment was made, in the cashier's words."""
    labels = {
        "card": QCoreApplication.translate("Labels", "Card"),
        "cash": QCoreApplication.translate("Labels", "Cash"),
        "gift_card": QCoreApplication.translate("Labels", "Gift card"),
        "store_credit": QCoreApplication.translate("Labels", "Store credit"),
        "paypal": QCoreApplication.translate("Labels", "PayPal"),
        "bank_transfer": QCoreApplication.translate("Labels", "Bank transfer"),
    }
    return labels.get(method.lower(), method.replace("_", " ").capitalize())


def card_label(last4: str, brand: str | None = None) -> str:
    """A card as the cashier reads it: "Visa •••• 4242", or "Card •••• 4242" without a brand.

    Brand names are the card networks' own and stay as they are in every language.
    """
    name = card_brand_label(brand) or QCoreApplication.translate("Cards", "Card")
    return f"{name} •••• {last4}"


def document_kind_label(kind: str) -> str:
    """The kind of an earlier counter document, in the cashier's words."""
    labels = {
        "exchange": QCoreApplication.translate("Labels", "Exchange"),
        "refund": QCoreApplication.translate("Labels", "Refund"),
        "cancellation": QCoreApplication.translate("Labels", "Cancellation"),
        "no_receipt": QCoreApplication.translate("Labels", "Return without a receipt"),
    }
    return labels.get(kind.lower(), kind.capitalize())
