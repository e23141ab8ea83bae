"""The Categories tab: which Wix collections / categories are final sale, exchange only,
store-credit only, carry a restocking fee or a VAT rate; and the default VAT per currency.

The categories listed are those the catalogue pull found on Wix (and any the policy already
names). Ticks are tapped in the table; a row's fee and VAT are typed below it. Nothing is
stored until Save; the view model checks every figure and names a bad one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from pos.domain.policy import Policy
from pos.ui.retranslating import Retranslating
from pos.ui.screens import setup_touch_table
from pos.ui.screens.settings.widgets import set_field_label, touch_button

AnyIndex = QModelIndex | QPersistentModelIndex
FLAGS = ("final_sale", "exchange_only", "store_credit_only")  # the check columns, in order


@dataclass(frozen=True, slots=True)
class CategoryRule:
    """One category's rules as the tab shows them; percents as typed ("" for none)."""

    name: str
    final_sale: bool = False
    exchange_only: bool = False
    store_credit_only: bool = False
    fee_pct: str = ""
    vat_pct: str = ""


def rules_of(policy: Policy, names: Sequence[str]) -> tuple[CategoryRule, ...]:
    """A row per category: those found in the catalogue and those the policy names."""
    every = {*names, *policy.final_sale_categories, *policy.exchange_only_categories,
             *policy.store_credit_only_categories, *policy.restocking_fee_pct_by_category,
             *policy.vat_rate_by_category}  # fmt: skip
    return tuple(
        CategoryRule(
            name,
            name in policy.final_sale_categories,
            name in policy.exchange_only_categories,
            name in policy.store_credit_only_categories,
            _pct(policy.restocking_fee_pct_by_category.get(name)),
            _pct(policy.vat_rate_by_category.get(name)),
        )
        for name in sorted(every, key=str.casefold)
        if name
    )


def _pct(value: object) -> str:
    return "" if value is None else f"{value:f}".replace(".", ",")


class CategoryRulesTableModel(QAbstractTableModel):
    """The categories with three tick columns and their fee and VAT (checked with
    qtmodeltester). `toggle` flips a tick: the tab calls it for a tap anywhere in the cell
    (a finger, not the 20 px box the style draws)."""

    NAME_COLUMN = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[CategoryRule, ...] = ()
        self._titles: tuple[str, ...] = ()
        self.retranslate()

    def retranslate(self) -> None:
        self._titles = (
            self.tr("Category"), self.tr("Final sale"), self.tr("Exchange only"),
            self.tr("Store credit only"), self.tr("Fee %"), self.tr("VAT %"),
        )  # fmt: skip
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._titles) - 1)

    def set_rows(self, rows: Sequence[CategoryRule]) -> None:
        self.beginResetModel()
        self.rows = tuple(rows)
        self.endResetModel()

    def replace_row(self, row: int, rule: CategoryRule) -> None:
        self.rows = (*self.rows[:row], rule, *self.rows[row + 1 :])
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._titles) - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        rule, column = self.rows[index.row()], index.column()
        if 1 <= column <= len(FLAGS) and role == Qt.ItemDataRole.CheckStateRole:
            ticked = getattr(rule, FLAGS[column - 1])
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return {0: rule.name, 4: rule.fee_pct, 5: rule.vat_pct}.get(column)
        return None

    def toggle(self, index: AnyIndex) -> bool:
        """Flip the tick at `index`; False when it is not a tick cell."""
        column = index.column()
        if not index.isValid() or not 1 <= column <= len(FLAGS):
            return False
        rule = self.rows[index.row()]
        flag = FLAGS[column - 1]
        flipped: dict[str, Any] = {flag: not getattr(rule, flag)}
        self.replace_row(index.row(), dataclasses.replace(rule, **flipped))
        return True

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and section < len(self._titles):
            return self._titles[section]
        return None


class CategoriesTab(Retranslating, QWidget):
    """The table of categories, the selected one's fee and VAT, the VAT per currency, Save.

    The screen connects `save` and hands `rules()` and `vat_defaults()` to the view model.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CategoryRulesTableModel(self)
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()

    def _build_ui(self) -> None:
        self._view = QTableView(objectName="categoryRules")
        self._view.setModel(self.model)
        setup_touch_table(self._view, stretch=CategoryRulesTableModel.NAME_COLUMN)
        self._hint = QLabel(objectName="categoriesHint", wordWrap=True)
        self._fee = QLineEdit(objectName="categoryFee")
        self._vat = QLineEdit(objectName="categoryVat")
        self._defaults = QLineEdit(objectName="vatDefaults")
        for edit in (self._fee, self._vat):
            edit.setMaximumWidth(200)
            edit.setEnabled(False)  # until a category is selected
        self.save = touch_button("categoriesSave")
        self._form = QFormLayout()
        for edit in (self._fee, self._vat, self._defaults):
            self._form.addRow(QLabel(), edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self._view, 1)
        layout.addWidget(self._hint)
        layout.addLayout(self._form)
        layout.addWidget(self.save, 0, Qt.AlignmentFlag.AlignLeft)

    def _connect_signals(self) -> None:
        self._view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._view.clicked.connect(self.model.toggle)
        self._fee.textEdited.connect(lambda text: self._edit_selected(fee_pct=text))
        self._vat.textEdited.connect(lambda text: self._edit_selected(vat_pct=text))

    def _retranslate_ui(self) -> None:
        self.model.retranslate()
        self._hint.setText(self.tr(
            "Categories come from Wix with the catalogue. Tap a tick to set a rule; select a "
            "category to type its fee and VAT (blank: the shop's)."))  # fmt: skip
        labels = (self.tr("Restocking fee (%)"), self.tr("VAT (%)"),
                  self.tr("Default VAT per currency"))  # fmt: skip
        for edit, text in zip((self._fee, self._vat, self._defaults), labels, strict=True):
            set_field_label(self._form, edit, text)
        self._defaults.setPlaceholderText(self.tr("e.g. EUR 20; CHF 8,1"))
        self.save.setText(self.tr("Save categories"))

    def show_policy(self, policy: Policy, names: Sequence[str]) -> None:
        """Show the stored rules (the typing not saved is dropped)."""
        self.model.set_rows(rules_of(policy, names))
        rates = sorted(policy.vat_rate_by_currency.items())
        self._defaults.setText("; ".join(f"{code} {_pct(rate)}" for code, rate in rates))
        self._on_selection_changed()

    def rules(self) -> tuple[CategoryRule, ...]:
        return self.model.rows

    def vat_defaults(self) -> str:
        return self._defaults.text()

    def _selected_row(self) -> int | None:
        rows = self._view.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _on_selection_changed(self, *_: object) -> None:
        row = self._selected_row()
        rule = self.model.rows[row] if row is not None else None
        for edit, text in ((self._fee, rule.fee_pct if rule else ""),
                           (self._vat, rule.vat_pct if rule else "")):  # fmt: skip
            edit.setText(text)
            edit.setEnabled(rule is not None)

    def _edit_selected(self, **change: str) -> None:
        row = self._selected_row()
        if row is not None:
            typed: dict[str, Any] = dict(change)
            self.model.replace_row(row, dataclasses.replace(self.model.rows[row], **typed))
