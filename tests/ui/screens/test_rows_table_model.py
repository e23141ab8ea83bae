"""The shared read-only table model: texts made once per cell, never stale."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pos.ui.screens import ROW_ROLE, Column, RowsTableModel, setup_touch_table

DISPLAY = Qt.ItemDataRole.DisplayRole


@dataclass(frozen=True)
class Item:
    name: str
    price: int


class CountingModel(RowsTableModel[Item]):
    """Counts how often a price is formatted (Babel is the costly part in real models)."""

    def __init__(self, currency: str = "€") -> None:
        super().__init__()
        self.formatted = 0
        self.set_currency(currency)

    def set_currency(self, currency: str) -> None:
        self.set_columns(
            [
                Column("Name", lambda item: item.name),
                Column("Price", lambda item: self._price(item, currency), numeric=True),
            ]
        )

    def _price(self, item: Item, currency: str) -> str:
        self.formatted += 1
        return f"{item.price} {currency}"


def test_a_cell_is_formatted_once_however_often_the_view_asks(qapp: QApplication) -> None:
    model = CountingModel()
    model.set_rows([Item("Pull", 59), Item("Jean", 89)])
    for _ in range(5):
        assert model.data(model.index(1, 1), DISPLAY) == "89 €"
    assert model.formatted == 1
    assert model.data(model.index(1, 1), ROW_ROLE) == Item("Jean", 89)


def test_new_rows_and_new_columns_are_never_shown_with_old_texts(qapp: QApplication) -> None:
    model = CountingModel()
    model.set_rows([Item("Pull", 59)])
    assert model.data(model.index(0, 1), DISPLAY) == "59 €"
    model.set_rows([Item("Jean", 89)])
    assert model.data(model.index(0, 0), DISPLAY) == "Jean"
    assert model.data(model.index(0, 1), DISPLAY) == "89 €"
    model.set_currency("EUR")  # e.g. the language changed
    assert model.data(model.index(0, 1), DISPLAY) == "89 EUR"


def test_appended_rows_keep_the_texts_already_made(qapp: QApplication) -> None:
    model = CountingModel()
    model.set_rows([Item("Pull", 59)])
    model.data(model.index(0, 1), DISPLAY)
    model.append_rows([Item("Jean", 89)])
    assert [model.data(model.index(r, 1), DISPLAY) for r in (0, 1)] == ["59 €", "89 €"]
    assert model.formatted == 2


def test_the_model_passes_qt_model_tester(qtmodeltester: ModelTester) -> None:
    model = CountingModel()
    model.set_rows([Item("Pull", 59), Item("Jean", 89)])
    qtmodeltester.check(model)


def test_columns_are_sized_to_the_rows_on_screen(qtbot: QtBot) -> None:
    """Sizing every row of a long list froze the screen; the visible rows are enough."""
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(CountingModel())
    setup_touch_table(view, stretch=0)
    header = view.horizontalHeader()
    assert header.resizeContentsPrecision() == 0
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.ResizeToContents
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
