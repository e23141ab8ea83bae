"""The stock screen's table model passes Qt's model checks."""

from __future__ import annotations

from datetime import UTC, datetime

from pos.services.stock import InspectionItem
from pos.ui.screens.stock.models import InspectionTableModel


def test_inspection_model_passes_qtmodeltester(qtmodeltester) -> None:
    model = InspectionTableModel(locale="fr_FR")
    returned = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
    model.set_rows(
        [
            InspectionItem(7, "T1-000003", "20001", returned, "Jean droit", "JEA-M", "M", 12, 1,
                           "abîmé"),
            InspectionItem(8, "T1-000004", "20002", returned, "Écharpe", None, "", None, 2, ""),
        ]
    )  # fmt: skip
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 0).data() == "Jean droit — M"
    assert [model.index(1, c).data() for c in range(4)] == ["Écharpe", "—", "2", "—"]
