"""UI fixtures: the real sales-history service on both backends, a window, a rich order."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos.app import build_main_window, install_translators
from pos.db.engine import SessionFactory
from pos.db.orders import record_order
from pos.db.records import CounterDocumentRecord, DocumentReturnLineRecord, OrderRecord
from pos.domain.money import Money
from pos.domain.orders import CustomerData, OrderData, OrderLineData, PaymentData
from pos.domain.valuation import tax_inside
from pos.hardware.transports import VirtualPrinter
from pos.services.history import SalesHistoryService
from pos.ui.main_window import MainWindow
from pos.ui.workers import TaskRunner
from tests.support.builders import T0
from tests.support.clock import FakeClock
from tests.support.counter import counter_window
from tests.support.shop import Shop, build_shop

NOW = T0 + timedelta(days=12, hours=3)
UI_TESTS = Path(__file__).parent

# The offscreen platform warns whenever a top-level window is shown; it says nothing about
# our code. (Could move to `qt_log_ignore` in pyproject.toml for the whole suite.)
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if UI_TESTS in item.path.parents:
            item.add_marker(OFFSCREEN_NOISE)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def history(sessions: SessionFactory, clock: FakeClock) -> SalesHistoryService:
    return SalesHistoryService(sessions=sessions, clock=clock)


@pytest.fixture
def runner(history: SalesHistoryService) -> Iterator[TaskRunner]:
    """A task runner stopped before the database fixture goes away (it depends on it)."""
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def record(sessions: SessionFactory, *orders: OrderData) -> list[int]:
    """Record `orders` in one transaction; returns their ids."""
    with sessions.begin() as s:
        return [record_order(s, data).id for data in orders]


def _line(name: str, options: str, quantity: int, unit: int, **extra: int) -> OrderLineData:
    paid = Money(unit * quantity, "EUR")
    return OrderLineData(
        name,
        quantity,
        Money(unit, "EUR"),
        paid,
        tax_inside(paid, Decimal(20)),
        Decimal(20),
        sku=f"SKU-{name[:3].upper()}-{quantity}",
        options_text=options,
        **extra,
    )


def rich_order(number: str = "10234") -> OrderData:
    """Three lines, two payments, one unit already refunded online by Wix."""
    lines = (
        _line("T-shirt coton bio", "M / Bleu", 2, 2495, refunded_quantity=1),
        _line("Jean slim", "38 / Brut", 1, 8900),
        _line("Écharpe laine", "Gris chiné", 1, 3450),
    )
    total = sum(line.paid.minor for line in lines)
    payments = (
        PaymentData(
            "card",
            Money(total - 5000, "EUR"),
            T0,
            refunded=Money(2495, "EUR"),
            reference="Visa **** 4242",
            card_last4="4242",
            card_brand="visa",
        ),
        PaymentData("gift_card", Money(5000, "EUR"), T0, reference="GC-7Q2K-9F"),
    )
    return OrderData(
        number=number,
        channel="WEB",
        placed_at=T0,
        currency="EUR",
        tax_included=True,
        lines=lines,
        payments=payments,
        customer=CustomerData(
            "Hélène", "Lefèvre", "helene.lefevre@example.fr", "+33 6 12 34 56 78"
        ),
    )


def add_counter_refund(
    sessions: SessionFactory, order_id: int, *, line: int, quantity: int, number: str = "T1-000042"
) -> str:
    """A completed counter refund (`number`) returning `quantity` units of the `line`-th line."""
    with sessions.begin() as s:
        order = s.get(OrderRecord, order_id)
        assert order is not None
        target = sorted(order.lines, key=lambda record: record.position)[line]
        credit = target.paid_minor * quantity // target.quantity
        document = CounterDocumentRecord(
            id=str(uuid.uuid4()),
            number=number,
            number_norm=number,
            terminal_id="T1",
            kind="refund",
            order_id=order_id,
            currency="EUR",
            returned_credit_minor=credit,
            balance_minor=-credit,
            created_at=NOW - timedelta(days=2),
        )
        s.add(document)
        s.flush()
        s.add(
            DocumentReturnLineRecord(
                document_id=document.id,
                order_line_id=target.id,
                quantity=quantity,
                credit_minor=credit,
                disposition="restock",
            )
        )
        return document.number


@pytest.fixture
def make_window(qtbot: QtBot, history: SalesHistoryService) -> Iterator:
    """`make_window(locale)`: the real main window on `history`, 1280×800, shown."""
    windows: list[MainWindow] = []

    def make(locale: str = "en_US") -> MainWindow:
        window = build_main_window(history, locale)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.runner.shutdown()  # no worker may outlive the database fixture


@pytest.fixture
def counter(
    qtbot: QtBot, sessions: SessionFactory, tmp_path: Path
) -> Iterator[tuple[MainWindow, Shop, VirtualPrinter]]:
    shop = build_shop(sessions)
    window, printer = counter_window(shop, tmp_path)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield window, shop, printer
    window.close()


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    """The interface in French (its translations), as the app starts in a French shop."""
    translators = install_translators(qapp, "fr")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def shop(sessions: SessionFactory) -> Shop:
    """A shop with its catalogue, a cashier and a manager, T1's drawer open."""
    return build_shop(sessions)


@pytest.fixture
def desk_runner(shop: Shop) -> Iterator[TaskRunner]:
    """The returns desk's task runner, stopped before the shop's database goes away."""
    runner = TaskRunner()
    yield runner
    runner.shutdown()
