"""The print queue's table model passes Qt's model checks; problems are worded."""

from __future__ import annotations

from datetime import UTC, datetime

from pos.services.printing import PrintJobView
from pos.ui.screens.printing.models import PrintJobsTableModel, printer_problem

CREATED = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


def test_print_jobs_model_passes_qtmodeltester(qtmodeltester) -> None:
    model = PrintJobsTableModel(default_printer="virtual://counter")
    model.set_rows(
        [
            PrintJobView(1, "T1-000001", "receipt", False, "failed", 2,
                         "the printer is out of paper", "", CREATED),
            PrintJobView(2, "T1-000002", "gift_card_slip", True, "queued", 0, "",
                         "tcp://10.0.0.9:9100", CREATED),
        ]
    )  # fmt: skip
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 3).data() == "The printer is out of paper."
    assert model.index(1, 0).data() == "T1-000002 · Gift card slip (copy)"
    assert model.index(1, 4).data() == "tcp://10.0.0.9:9100"


def test_an_unknown_reason_is_shown_as_it_came() -> None:
    assert printer_problem("the ribbon jammed") == "The ribbon jammed"
    assert printer_problem("") == ""
