"""The results table model: columns, roles, and Qt's model checks."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from pos.db.engine import SessionFactory
from pos.services.history import SalesHistoryService
from pos.ui.screens import ROW_ROLE
from pos.ui.screens.search.models import OrderResultsTableModel
from tests.support.builders import order
from tests.ui.conftest import record


def test_results_model_passes_qtmodeltester(
    qtmodeltester, sessions: SessionFactory, history: SalesHistoryService
) -> None:
    record(sessions, order("10234"), order("10235", days_ago=1, phone=None, email=None))
    model = OrderResultsTableModel(locale="fr_FR")
    qtmodeltester.check(model, force_py=True)  # empty
    page = history.search("lefevre")
    model.set_rows(page.results[:1])
    model.append_rows(page.results[1:])
    qtmodeltester.check(model, force_py=True)
    assert [model.index(r, 0).data() for r in range(2)] == ["10234", "10235"]
    assert model.index(1, 3).data() == ""  # no e-mail, no phone: an empty cell
    assert model.index(0, 5).data() == "99,80\xa0€"
    assert model.index(0, 4).data() == "Online shop"
    assert model.index(0, 0).data(ROW_ROLE) == page.results[0]
    assert model.data(QModelIndex()) is None


def test_amounts_are_right_aligned_and_exact_matches_bold(
    sessions: SessionFactory, history: SalesHistoryService
) -> None:
    record(sessions, order("10234"), order("102340", days_ago=1))
    model = OrderResultsTableModel(locale="en_US")
    model.set_rows(history.search("10234").results)
    total = model.index(0, 5).data(Qt.ItemDataRole.TextAlignmentRole)
    assert total & Qt.AlignmentFlag.AlignRight
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole) is None
    assert model.headerData(5, Qt.Orientation.Horizontal) == "Total"
    assert model.headerData(0, Qt.Orientation.Vertical) is None
