"""The Categories tab: an admin marks pulled categories final sale / exchange only / store
credit only, gives them a fee and a VAT rate, and the shop its VAT per currency."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from pos.db.records import ProductRecord
from pos.services.policy import PolicyService
from pos.ui.screens.settings.categories_tab import CategoryRulesTableModel
from tests.ui.screens.settings.test_screen import edit, tap, wait_status

OFFSCREEN_WIDTH = 800  # the offscreen test platform's screen; the window is wider


def pulled_categories(shop) -> None:  # type: ignore[no-untyped-def]
    """What the catalogue pull leaves on products: several Wix categories each."""
    with shop.sessions.begin() as s:
        for index, product in enumerate(s.query(ProductRecord).order_by(ProductRecord.id)):
            product.categories = [["Soldes", "Robes"], ["Lingerie"], ["Fin de série"]][index % 3]


def tick(qtbot: QtBot, view: QTableView, name: str, column: int) -> None:
    model = view.model()
    row = [model.index(r, 0).data() for r in range(model.rowCount())].index(name)
    view.scrollTo(model.index(row, column))
    cell = view.visualRect(model.index(row, column))  # a tap anywhere in the cell
    if view.viewport().mapTo(view.window(), cell.center()).x() < OFFSCREEN_WIDTH:
        gap = QApplication.doubleClickInterval() + 50  # separate taps, never a double tap
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell.center(), delay=gap)
    else:  # the offscreen platform drops events beyond its screen: the view's own signal
        view.clicked.emit(model.index(row, column))
    assert model.index(row, column).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_admin_sets_category_rules_and_vat(qtbot, make_screen, shop, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    pulled_categories(shop)
    screen = make_screen()
    screen.show_tab("categories")
    view = screen.findChild(QTableView, "categoryRules")
    qtbot.waitUntil(lambda: view.model().rowCount() > 0)
    qtmodeltester.check(view.model())
    names = [view.model().index(r, 0).data() for r in range(view.model().rowCount())]
    assert {"Soldes", "Robes", "Lingerie", "Fin de série"} <= set(names)
    tick(qtbot, view, "Soldes", 1)
    tick(qtbot, view, "Lingerie", 2)
    tick(qtbot, view, "Fin de série", 3)
    view.selectRow(names.index("Robes"))
    fee = screen.findChild(QLineEdit, "categoryFee")
    vat = screen.findChild(QLineEdit, "categoryVat")
    assert fee.isEnabled()
    qtbot.keyClicks(fee, "5")
    qtbot.keyClicks(vat, "5,5")
    edit(screen, "vatDefaults", "eur 20; CHF 8,1")
    tap(qtbot, screen, "categoriesSave")
    assert wait_status(qtbot, screen, "ok") == "The categories are saved."
    policy = PolicyService(sessions=shop.sessions, clock=shop.clock).current()
    assert policy.final_sale_categories == {"Soldes"}
    assert policy.exchange_only_categories == {"Lingerie"}
    assert policy.store_credit_only_categories == {"Fin de série"}
    assert policy.restocking_fee_pct_by_category == {"Robes": Decimal(5)}
    assert policy.vat_rate_by_category == {"Robes": Decimal("5.5")}
    assert policy.vat_rate_by_currency == {"EUR": Decimal(20), "CHF": Decimal("8.1")}
    # Shown again as stored; a bad figure is named, nothing is saved.
    qtbot.waitUntil(lambda: screen.findChild(QLineEdit, "vatDefaults").text() == "CHF 8,1; EUR 20")
    edit(screen, "vatDefaults", "euros vingt")
    tap(qtbot, screen, "categoriesSave")
    assert "Default VAT per currency" in wait_status(qtbot, screen, "error")


def test_the_model_flips_ticks_and_keeps_names(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from pos.ui.screens.settings.categories_tab import CategoryRule

    model = CategoryRulesTableModel()
    model.set_rows([CategoryRule("Soldes"), CategoryRule("Robes", fee_pct="5")])
    qtmodeltester.check(model)
    assert model.toggle(model.index(0, 3))
    assert model.rows[0].store_credit_only and not model.rows[0].final_sale
    assert not model.toggle(model.index(0, 0))
    assert model.index(1, 4).data() == "5" and model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
