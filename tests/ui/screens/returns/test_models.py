"""The returns screen's item models, checked by qtmodeltester."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.modeltest import ModelTester

from pos.domain.money import Money
from pos.domain.returns import NewItem
from pos.services.catalogue_search import ProductView
from pos.ui.screens.returns.models import ProductsTableModel, ReplacementsTableModel

EUR = "EUR"


def test_replacements_model(qtmodeltester: ModelTester) -> None:
    model = ReplacementsTableModel(locale="en_US")
    item = NewItem("1", "2", 2, Money(2990, EUR), Decimal(20), True, "T-shirt L", "T-S-L")
    model.set_rows([item])
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(4)] == ["T-shirt L", "T-S-L", "2", "€29.90"]


def test_products_model(qtmodeltester: ModelTester) -> None:
    model = ProductsTableModel(locale="fr_FR")
    model.set_rows([ProductView(1, "Jean droit", "bottoms", Money(7990, EUR), 3, 15)])
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "79,90\u00a0€"
    assert model.index(0, 2).data() == "15"
