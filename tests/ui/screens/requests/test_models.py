"""The requests list's table model: its cells, its day column per list, Qt's model rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from pos.domain.money import Money
from pos.domain.return_requests import RequestState
from pos.services.return_requests import RequestSummary
from pos.ui.screens.requests.models import RequestsTableModel

RECORDED = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


def summary(number: str, *, expires: bool) -> RequestSummary:
    return RequestSummary(
        request_id=int(number), state=RequestState.APPROVED if expires else RequestState.REQUESTED,
        authorisation_number="RA-2345-6789-A" if expires else None, order_id=1,
        order_number=number, customer_name="" if number == "2" else "Hélène Lefèvre",
        lines_count=2, amount=Money(15980, "EUR"), recorded_at=RECORDED,
        decided_at=RECORDED if expires else None,
        expires_at=RECORDED + timedelta(days=14) if expires else None)  # fmt: skip


def test_the_day_column_follows_the_list(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = RequestsTableModel(locale="en_US", tz=UTC)
    model.set_rows([summary("1", expires=True), summary("2", expires=True)])
    qtmodeltester.check(model)
    header = Qt.Orientation.Horizontal

    def row(r: int) -> list[str]:
        return [model.index(r, c).data() for c in range(model.columnCount())]

    assert model.headerData(4, header) == "Recorded"
    assert row(0) == ["1", "Hélène Lefèvre", "2", "€159.80", "Nov 20, 2026"]
    assert row(1)[1] == "(no name)"
    model.set_tab("approved")
    assert model.headerData(4, header) == "Valid until"
    assert row(0)[4] == "Dec 4, 2026"
    model.set_tab("expired")
    assert model.headerData(4, header) == "Expired on"
    qtmodeltester.check(model)
