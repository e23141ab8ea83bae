"""The review table: what changed, since when, and its numbers in words."""

from __future__ import annotations

from dataclasses import replace

from pytestqt.qtbot import QtBot

from pos.ui.screens.sync.models import ReviewItemsTableModel, kind_label, numbers_text
from tests.ui.screens.sync.support import stock_item


def test_review_rows_show_the_kind_and_the_numbers(qtbot: QtBot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ReviewItemsTableModel(locale="en_US")
    model.set_rows([stock_item(1), stock_item(2, "JEA-L")])
    qtmodeltester.check(model)
    cells = [[model.index(r, c).data() for c in range(3)] for r in range(2)]
    assert cells[0][0] == "Stock change"
    assert cells[1][2] == "SKU JEA-L · change +2 · Wix had 10 · expected 12 · Wix shows 11"


def test_unknown_kinds_are_still_readable() -> None:
    assert kind_label("wix.refund") == "Refund"
    assert kind_label("wix.something_new") == "Something new"
    assert (
        numbers_text((("order_number", "10234"), ("amount", None)))
        == "order number 10234 · amount —"
    )


def test_a_change_refused_by_wix_says_so(qtbot: QtBot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ReviewItemsTableModel(locale="en_US")
    model.set_rows([replace(stock_item(1), kind="wix.refund", state="parked")])
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Refund (refused by Wix)"
    assert kind_label("wix.delete_draft") == "Unused draft order"
