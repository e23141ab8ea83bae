"""The returns view model: steppers capped, quotes debounced, stale quotes dropped."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from pos.db.engine import SessionFactory
from pos.domain.returns import BalanceKind, DocumentKind
from pos.services.history import SalesHistoryService
from pos.ui.screens.returns.view_model import ReturnsViewModel
from pos.ui.workers import TaskRunner
from tests.support.shop import Shop, build_shop, sell


@pytest.fixture
def shop(sessions: SessionFactory) -> Shop:
    return build_shop(sessions)


@pytest.fixture
def vm_runner(shop: Shop) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def started(shop: Shop, runner: TaskRunner, kind: DocumentKind, order_id: int) -> ReturnsViewModel:
    vm = ReturnsViewModel(returns=shop.returns, runner=runner, locale="en_US")
    detail = SalesHistoryService(sessions=shop.sessions, clock=shop.clock).order_detail(order_id)
    vm.start(kind, detail)
    return vm


def test_steppers_stay_between_zero_and_returnable(
    qtbot: QtBot, shop: Shop, vm_runner: TaskRunner
) -> None:
    vm = started(shop, vm_runner, DocumentKind.REFUND, sell(shop, "6001", [("T-S-M", 2)]))
    for _ in range(5):
        vm.step(0, +1)
    assert vm.lines[0].quantity == 2
    vm.step(0, -1)
    vm.step(0, -1)
    vm.step(0, -1)
    assert vm.lines[0].quantity == 0


def test_a_burst_of_taps_makes_one_quote_for_the_last_draft(
    qtbot: QtBot, shop: Shop, vm_runner: TaskRunner
) -> None:
    vm = started(shop, vm_runner, DocumentKind.REFUND, sell(shop, "6002", [("T-S-M", 2)]))
    quotes = []
    vm.quote_changed.connect(lambda: vm.quote and quotes.append(vm.quote))
    vm.step(0, +1)
    vm.step(0, +1)
    qtbot.waitUntil(lambda: vm.quote is not None)
    assert [q.returned_quantities() for q in quotes] == [{str(vm.lines[0].line.line_id): 2}]
    assert vm.quote.balance_kind is BalanceKind.LOWER


def test_a_quote_for_an_older_draft_is_dropped(
    qtbot: QtBot, shop: Shop, vm_runner: TaskRunner
) -> None:
    vm = started(shop, vm_runner, DocumentKind.REFUND, sell(shop, "6003", [("T-S-M", 2)]))
    vm.step(0, +1)
    old = vm.draft()
    vm.step(0, +1)
    vm._on_quoted(old, object())  # type: ignore[arg-type]  # a late answer for "1 unit"
    assert vm.quote is None and vm.quote_text == "Calculating…"
    qtbot.waitUntil(lambda: vm.quote is not None)
    assert sum(vm.quote.returned_quantities().values()) == 2


def test_a_refusal_is_shown_in_words(qtbot: QtBot, shop: Shop, vm_runner: TaskRunner) -> None:
    vm = started(shop, vm_runner, DocumentKind.EXCHANGE, sell(shop, "6004", [("T-S-M", 1)]))
    vm.step(0, +1)
    qtbot.waitUntil(lambda: vm.quote_text.startswith("An exchange needs"))
    vm.add_item(code="NOPE-1")
    qtbot.waitUntil(lambda: "NOPE-1" in vm.status_text)
