"""The order screen's table models pass Qt's model checks."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pos.db.engine import SessionFactory
from pos.services.history import SalesHistoryService
from pos.ui.screens.order.models import (
    DocumentsTableModel,
    OrderLinesTableModel,
    PaymentsTableModel,
)
from tests.ui.conftest import add_counter_refund, record, rich_order


def test_order_models_pass_qtmodeltester(
    qtmodeltester, sessions: SessionFactory, history: SalesHistoryService
) -> None:
    [order_id] = record(sessions, rich_order())
    add_counter_refund(sessions, order_id, line=0, quantity=1)
    detail = history.order_detail(order_id)
    for model, rows in (
        (OrderLinesTableModel(locale="fr_FR"), detail.lines),
        (PaymentsTableModel(locale="fr_FR"), detail.payments),
        (DocumentsTableModel(locale="fr_FR"), detail.documents),
    ):
        qtmodeltester.check(model, force_py=True)
        model.set_rows(rows)
        qtmodeltester.check(model, force_py=True)
        assert model.rowCount() == len(rows) > 0


def test_quantities_and_amounts_are_right_aligned(
    sessions: SessionFactory, history: SalesHistoryService
) -> None:
    [order_id] = record(sessions, rich_order())
    model = OrderLinesTableModel(locale="fr_FR")
    model.set_rows(history.order_detail(order_id).lines)
    align = Qt.ItemDataRole.TextAlignmentRole
    assert model.index(0, 2).data(align) & Qt.AlignmentFlag.AlignRight
    assert not model.index(0, 0).data(align) & Qt.AlignmentFlag.AlignRight
    assert model.index(0, 6).data() == "49,90\xa0€"
