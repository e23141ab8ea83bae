"""The picker shows each product's picture, cached from the fake Wix over loopback HTTP; a
placeholder when there is none (or the shop was offline); files are read off the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from pos.db.engine import SessionFactory
from pos.services.catalogue_search import CatalogueSearchService, ProductView, VariantGrid
from pos.sync.pictures import PictureCache
from pos.sync.pull import Puller
from pos.ui.screens.returns.picker import CataloguePicker, PickerViewModel
from pos.ui.screens.returns.pictures import GRID_PX, THUMB_PX, placeholder
from pos.ui.workers import TaskRunner
from tests.fakes.wix import FakeWix
from tests.fakes.wix.categories import png
from tests.support.clock import FakeClock
from tests.sync.conftest import RecordedSleep, make_client

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


class WatchedCatalogue(CatalogueSearchService):
    """The real service, noting which threads it (and the picture reads after it) ran on."""

    threads: list[str]

    def search(self, text: str, limit: int = 30) -> tuple[ProductView, ...]:
        self.threads.append(threading.current_thread().name)
        return super().search(text, limit)

    def variants(self, product_id: int) -> VariantGrid | None:
        self.threads.append(threading.current_thread().name)
        return super().variants(product_id)


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    made = TaskRunner()
    yield made
    made.shutdown()


def shop(sessions: SessionFactory, tmp_path: Path, *, online: bool) -> Path:
    """A V3 shop pulled from the fake; its pictures cached when `online`."""
    with FakeWix(catalog="V3") as fake:
        fake.state.add_product("Robe rouge", [("RB-M", "", "60.00", {"Taille": "M"}, 2)],
                               picture=png(rgb=(200, 40, 40)))  # fmt: skip
        fake.state.add_product("Robe sans photo", [("RB-X", "", "50.00", {"Taille": "M"}, 2)])
        with make_client(fake, RecordedSleep()) as client:
            puller = Puller(client=client, sessions=sessions, clock=FakeClock(NOW))
            puller.pull_catalog()
            puller.pull_stock()
        if not online:
            fake.stop()
        cache = PictureCache(tmp_path / "pictures",
                             client_factory=lambda: httpx.Client(timeout=5))  # fmt: skip
        cache.refresh(sessions)
        if not online:
            fake.start()
    return tmp_path / "pictures"


def open_picker(qtbot: QtBot, catalogue: CatalogueSearchService, runner: TaskRunner
                ) -> tuple[CataloguePicker, PickerViewModel]:  # fmt: skip
    vm = PickerViewModel(catalogue=catalogue, runner=runner, locale="fr_FR")
    picker = CataloguePicker(view_model=vm, locale="fr_FR")
    qtbot.addWidget(picker)
    picker.show()
    qtbot.keyClicks(picker.findChild(QLineEdit, "pickerSearch"), "robe")
    qtbot.waitUntil(lambda: len(vm.results) == 2)
    return picker, vm


def decoration(picker: CataloguePicker, row: int) -> QPixmap:
    model = picker._products  # the results list's model
    return model.data(model.index(row, 0, QModelIndex()), Qt.ItemDataRole.DecorationRole)


def centre(pixmap: QPixmap) -> QColor:
    image = pixmap.toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2)


def test_the_results_and_the_grid_show_the_cached_pictures(
    qtbot: QtBot, sessions: SessionFactory, tmp_path: Path, runner: TaskRunner
) -> None:
    pictures = shop(sessions, tmp_path, online=True)
    catalogue = WatchedCatalogue(sessions=sessions, pictures=pictures)
    catalogue.threads = []
    picker, vm = open_picker(qtbot, catalogue, runner)
    names = [p.name for p in vm.results]
    red, bare = decoration(picker, names.index("Robe rouge")), decoration(
        picker, names.index("Robe sans photo"))  # fmt: skip
    assert red.width() == THUMB_PX and centre(red).getRgb()[:3] == (200, 40, 40)
    assert bare.cacheKey() == placeholder(THUMB_PX).cacheKey()
    vm.choose(names.index("Robe rouge"))
    qtbot.waitUntil(lambda: vm.grid is not None and vm.grid.name == "Robe rouge")
    label = picker.findChild(QLabel, "gridPicture")
    assert label.isVisible() and label.pixmap().width() == GRID_PX
    assert centre(label.pixmap()).getRgb()[:3] == (200, 40, 40)
    main = threading.main_thread().name
    assert catalogue.threads and main not in catalogue.threads  # files read by the worker


def test_offline_every_product_shows_the_placeholder(
    qtbot: QtBot, sessions: SessionFactory, tmp_path: Path, runner: TaskRunner
) -> None:
    pictures = shop(sessions, tmp_path, online=False)
    picker, vm = open_picker(qtbot, CatalogueSearchService(sessions=sessions, pictures=pictures),
                             runner)  # fmt: skip
    assert all(p.picture is None for p in vm.results)
    for row in range(2):
        assert decoration(picker, row).cacheKey() == placeholder(THUMB_PX).cacheKey()
    vm.choose(0)
    qtbot.waitUntil(lambda: vm.grid is not None)
    label = picker.findChild(QLabel, "gridPicture")
    assert label.pixmap().cacheKey() == placeholder(GRID_PX).cacheKey()
