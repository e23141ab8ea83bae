"""The catalogue picker over the real catalogue: search, scan, size grid with stock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from pos.db.engine import SessionFactory
from pos.db.records import StockLevelRecord
from pos.domain.money import Money
from pos.services.catalogue_search import CatalogueSearchService, StockLevel
from pos.ui.screens.returns.picker import CataloguePicker, PickerViewModel, looks_like_code
from pos.ui.workers import TaskRunner
from tests.support.shop import Shop, build_shop


@pytest.fixture
def shop(sessions: SessionFactory) -> Shop:
    return build_shop(sessions)


@pytest.fixture
def picker_runner(shop: Shop) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def set_stock(shop: Shop, sku: str, on_hand: int) -> None:
    with shop.sessions.begin() as s:
        s.execute(
            update(StockLevelRecord)
            .where(StockLevelRecord.variant_id == shop.variants[sku])
            .values(on_hand=on_hand)
        )


def test_search_folds_accents_and_finds_codes(shop: Shop) -> None:
    catalogue = CatalogueSearchService(sessions=shop.sessions)
    assert [p.name for p in catalogue.search("echarpe")] == ["Écharpe laine"]
    assert [p.name for p in catalogue.search("jea-")] == ["Jean droit"]
    assert [p.name for p in catalogue.search("20000011")] == ["Jean droit"]  # its barcode
    [jean] = catalogue.search("jean")
    assert (jean.price_from, jean.variant_count, jean.on_hand) == (Money(7990, "EUR"), 3, 15)
    assert catalogue.search("   ") == ()


def test_the_grid_shows_stock_levels(shop: Shop) -> None:
    set_stock(shop, "T-S-S", 0)
    set_stock(shop, "T-S-M", 2)
    catalogue = CatalogueSearchService(sessions=shop.sessions)
    [tee] = catalogue.search("t-shirt")
    grid = catalogue.variants(tee.product_id)
    assert grid is not None and (grid.row_axis, grid.rows, grid.columns) == (
        "Taille",
        ("S", "M", "L"),
        ("",),
    )
    levels = [grid.cell(size, "").stock_level for size in grid.rows]
    assert levels == [StockLevel.OUT, StockLevel.LOW, StockLevel.IN_STOCK]


def test_picker_disables_out_of_stock_and_marks_low(
    qtbot: QtBot, shop: Shop, picker_runner: TaskRunner
) -> None:
    set_stock(shop, "T-S-S", 0)
    set_stock(shop, "T-S-M", 1)
    vm = PickerViewModel(
        catalogue=CatalogueSearchService(sessions=shop.sessions),
        runner=picker_runner,
        locale="en_US",
    )
    picker = CataloguePicker(view_model=vm, locale="en_US")
    qtbot.addWidget(picker)
    picker.show()
    qtbot.keyClicks(picker.findChild(QLineEdit, "pickerSearch"), "t-shirt")
    qtbot.waitUntil(lambda: picker.findChild(QPushButton, "variant_T-S-L") is not None)
    small, medium, large = (picker.findChild(QPushButton, f"variant_T-S-{s}") for s in "SML")
    assert (small.isEnabled(), small.text()) == (False, "S\nOut of stock")
    assert (medium.property("stock"), medium.text()) == ("low", "M\nOnly 1 left")
    with qtbot.waitSignal(picker.variant_chosen) as chosen:
        large.click()
    assert chosen.args == [shop.variants["T-S-L"]]


def test_a_scan_is_submitted_as_a_code(qtbot: QtBot, shop: Shop, picker_runner: TaskRunner) -> None:
    vm = PickerViewModel(
        catalogue=CatalogueSearchService(sessions=shop.sessions),
        runner=picker_runner,
        locale="en_US",
    )
    picker = CataloguePicker(view_model=vm, locale="en_US")
    qtbot.addWidget(picker)
    with qtbot.waitSignal(picker.code_submitted) as scanned:
        qtbot.keyClicks(picker.findChild(QLineEdit, "pickerSearch"), "20000010\r")
    assert scanned.args == ["20000010"]
    assert looks_like_code("T-S-M") is False and looks_like_code("JEA-M1") is True


def test_the_clear_key_empties_the_search_and_the_list(
    qtbot: QtBot, shop: Shop, picker_runner: TaskRunner
) -> None:
    vm = PickerViewModel(
        catalogue=CatalogueSearchService(sessions=shop.sessions),
        runner=picker_runner,
        locale="en_US",
    )
    picker = CataloguePicker(view_model=vm, locale="en_US")
    qtbot.addWidget(picker)
    picker.show()
    search = picker.findChild(QLineEdit, "pickerSearch")
    qtbot.keyClicks(search, "t-shirt")
    qtbot.waitUntil(lambda: len(vm.results) == 1)
    clear = picker.findChild(QPushButton, "pickerClear")
    assert clear.height() >= 48 and clear.width() >= 48  # the field's own × was 20 px
    clear.click()
    assert search.text() == "" and vm.query == ""
    qtbot.waitUntil(lambda: vm.results == ())
