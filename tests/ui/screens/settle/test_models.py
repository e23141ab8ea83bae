"""The settle screen's tenders model, checked by qtmodeltester."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester

from pos.domain.money import Money
from pos.domain.settlement import Tender, TenderMethod
from pos.ui.screens.settle import TenderLine
from pos.ui.screens.settle.models import TendersTableModel


def test_tenders_model(qtmodeltester: ModelTester) -> None:
    model = TendersTableModel(locale="en_US")
    model.set_rows([TenderLine(Tender(TenderMethod.CASH, Money(3000, "EUR")), "Cash given")])
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(2)] == ["Cash given", "€30.00"]
