"""A card past its validity at settle, in the whole counter on both databases: the cashier
types its code, the commit is refused and the settle screen says so in a sentence (English,
then French) that fits 1024×768 (docs/screenshots/settle-card-expired-*.png); nothing is
written."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from pos.app import build_main_window, install_translators
from pos.db.records import CounterDocumentRecord
from pos.db.returns import issue_gift_card
from pos.domain.money import Money
from pos.hardware.transports import VirtualPrinter
from pos.services.signing import file_signer
from pos.ui.format import locale_for
from pos.ui.main_window import MainWindow
from pos.wiring import Store, devices
from pos.wiring.counter import counter_services
from tests.support.shop import Shop, sell
from tests.ui.layout_checks import settle as settle_layout
from tests.ui.layout_checks import target_problems, text_problems, window_problems
from tests.ui.screens.login.helpers import SCREENSHOTS
from tests.ui.screens.returns.support import click, type_amount
from tests.ui.test_window_sizes import draft_jeans, log_in, open_order


@pytest.fixture(params=["en", "fr"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translators = install_translators(qapp, request.param)
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def counter(qtbot: QtBot, shop: Shop, language: str, tmp_path: Path) -> Iterator[MainWindow]:
    """The whole counter as the app builds it (styled, in `language`) at 1024×768."""
    store = Store(sessions=shop.sessions, clock=shop.clock, shop_name="Lumière",
                  printer="virtual", printers=devices.printer_factory("virtual", VirtualPrinter()),
                  time_zone="Europe/Paris", data_dir=lambda: tmp_path,
                  signer=file_signer(tmp_path / "keys"))  # fmt: skip
    services = counter_services(store, demo=True, pictures=False)
    window = build_main_window(store.history, locale_for(language), services)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    yield window
    window.close()


def test_an_expired_card_is_refused_with_its_last_valid_day(
    qtbot: QtBot, language: str, shop: Shop, counter: MainWindow
) -> None:
    window = counter
    with shop.sessions.begin() as s:  # store credit from November 2025: valid 12 months
        issue_gift_card(s, amount=Money(3000, "EUR"), kind="store_credit", customer_id=None,
                        document_id=None, now=datetime(2025, 11, 1, 12, 0, tzinfo=UTC),
                        code="AVOIR2025")
    sell(shop, "92001", [("T-S-M", 1), ("JEA-M", 1)], days_ago=2)
    log_in(qtbot, window, "Camille", "2580", None)
    window.search_screen.findChild(QLineEdit, "searchBox").setText("92001")
    open_order(qtbot, window, "92001")
    flow = draft_jeans(qtbot, window)  # 50.00 to collect
    click(qtbot, flow.returns_screen, "continueButton")
    settle = flow.settle_screen
    settle.findChild(QLineEdit, "giftCardCode").setText("avoir-2025")
    type_amount(flow, "30")
    click(qtbot, settle, "giftCardButton")
    type_amount(flow, "20")
    click(qtbot, settle, "cashButton")
    vm = settle.view_model
    qtbot.waitUntil(lambda: len(vm.tenders) == 2)
    click(qtbot, settle, "commitButton")
    said = {"en": "Gift card AVOIR2025 was valid until Nov 1, 2026: it has expired",
            "fr": "La carte cadeau AVOIR2025 était valable jusqu’au 1 nov. 2026 : elle a expiré"}
    status = settle.findChild(QLabel, "settleStatus")
    qtbot.waitUntil(lambda: "AVOIR2025" in status.text(), timeout=8000)
    assert said[language] in status.text(), status.text()
    assert status.isVisible() and vm.result is None
    # The sentence fits the smallest counter screen with the top bar, nothing cut.
    settle_layout()
    problems = (window_problems("settle", window, (1024, 768))
                + target_problems("settle", window) + text_problems("settle", window))
    assert problems == []
    assert window.grab().toImage().save(str(SCREENSHOTS / f"settle-card-expired-{language}.png"))
    with shop.sessions() as s:
        assert s.scalar(select(func.count()).select_from(CounterDocumentRecord)) == 0
