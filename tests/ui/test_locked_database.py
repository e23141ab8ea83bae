"""A database locked past the busy timeout at commit: the cashier reads why, the draft stays.

Through the real returns and settle screens on a SQLite shop whose write lock another
program holds; the engine waits `SHORT_WAIT` seconds instead of the app's five.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from pos.app import install_translators
from pos.db.engine import DatabaseUnavailableError
from pos.domain.money import Money
from pos.domain.returns import DocumentKind
from pos.ui.messages import error_text
from pos.ui.workers import TaskRunner
from tests.support.locks import LockedShop, document_count, locked_shop, write_lock_held
from tests.support.shop import sell
from tests.ui.screens.returns.support import click, line_rows, make_flow, wait_quote

SENTENCE = "The shop's database cannot be used right now"


@pytest.fixture
def desk_runner(locked_shop: LockedShop) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def test_a_locked_database_at_commit_is_a_sentence_and_the_draft_stays(
    qtbot: QtBot, locked_shop: LockedShop, desk_runner: TaskRunner
) -> None:
    shop, sqlite_url = locked_shop.shop, locked_shop.url
    # A jean comes back, refunded to the card it was paid with.
    order_id = sell(shop, "9101", [("JEA-M", 1)])
    flow = make_flow(qtbot, shop, desk_runner)
    flow.start(DocumentKind.REFUND, order_id)
    qtbot.waitUntil(lambda: len(line_rows(flow)) > 0)
    click(qtbot, line_rows(flow)[0], "plusButton")
    wait_quote(qtbot, flow)
    click(qtbot, flow.returns_screen, "continueButton")
    [payment] = [b for b in flow.settle_screen.findChildren(QPushButton)
                 if b.objectName().startswith("payment_")]  # fmt: skip
    qtbot.waitUntil(payment.isVisible)
    payment.click()
    vm = flow.settle_screen.view_model
    draft, tenders = vm.draft, vm.tenders
    # Another terminal holds the write lock past the wait: the commit cannot go through.
    with write_lock_held(sqlite_url):
        click(qtbot, flow.settle_screen, "commitButton")
        qtbot.waitUntil(lambda: SENTENCE in vm.status_text, timeout=8000)
    status = flow.settle_screen.findChild(QLabel, "settleStatus")
    assert SENTENCE in status.text() and "try again" in status.text()
    # Nothing written, nothing lost: the same draft and tenders, still on the settle screen.
    assert vm.result is None and document_count(shop) == 0
    assert (vm.draft, vm.tenders) == (draft, tenders)
    assert flow.currentWidget() is flow.settle_screen
    assert line_rows(flow)[0] is not None and vm.draft.returns[0].quantity == 1
    # The lock is gone: the cashier taps Confirm again and the refund is written.
    click(qtbot, flow.settle_screen, "commitButton")
    qtbot.waitUntil(lambda: vm.result is not None, timeout=8000)
    assert vm.result.quote.to_refund == Money(7990, "EUR")
    assert document_count(shop) == 1


def test_the_sentence_is_french_in_french(qtbot: QtBot) -> None:
    app = QApplication.instance()
    error = DatabaseUnavailableError("locked", "/data/shop.sqlite3")
    assert error_text(error, "en_US").startswith(SENTENCE)
    translators = install_translators(app, "fr")
    try:
        assert error_text(error, "fr_FR").startswith(
            "La base de données de la boutique est inutilisable pour le moment")
    finally:
        for translator in translators:
            app.removeTranslator(translator)


__all__ = ["locked_shop"]  # the fixture, imported for pytest
