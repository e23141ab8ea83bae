"""Finding a sale by the card that paid it, in French and English: the results say which rows
were found by the card, the order screen names the card; screenshots in docs/screenshots/."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from pos.db.engine import SessionFactory
from pos.ui.main_window import MainWindow
from tests.support.builders import order
from tests.ui.conftest import record, rich_order
from tests.ui.test_screenshots import SIZE, area_of, has_text, language, save

CARD = {"fr": "Carte •••• 4242", "en": "Card •••• 4242"}
__all__ = ["language"]  # the fixture: French and English, with their translators


def _shop(sessions: SessionFactory) -> None:
    """10234 (Visa 4242, newest), 10230 (a card ending 4242, brand unknown), 42421 (its number
    starts with 4242, paid by another card), 10220 (a Mastercard ending 1881)."""
    record(
        sessions,
        rich_order(),
        order("10230", first="Anne", last="Roux", email="anne.roux@example.fr", days_ago=1,
              card=("4242", None)),
        order("42421", first="Marc", last="Petit", email="marc.petit@example.fr", days_ago=2,
              card=("9999", "visa")),
        order("10220", first="Lina", last="Moreau", email="lina.moreau@example.fr", days_ago=3,
              card=("1881", "mastercard")),
    )  # fmt: skip


def _searched(qtbot: QtBot, make_window, language: str, typed: str, rows: int
              ) -> tuple[MainWindow, QTableView]:  # fmt: skip
    """The main window in `language`, `typed` in the search box, once `rows` rows show."""
    window = make_window("fr_FR" if language == "fr" else "en_US")
    window.setFixedSize(*SIZE)
    qtbot.keyClicks(window.search_screen.findChild(QLineEdit, "searchBox"), typed)
    view = window.search_screen.findChild(QTableView, "searchResults")
    qtbot.waitUntil(lambda: view.model().rowCount() == rows)
    return window, view


def _rows(view: QTableView) -> list[list[str]]:
    model = view.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]  # fmt: skip


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_four_digits_find_the_card_s_orders_and_the_order_names_the_card(
    qtbot: QtBot, sessions: SessionFactory, make_window, language: str, backend: str
) -> None:
    _shop(sessions)
    window, view = _searched(qtbot, make_window, language, "4242", 3)
    rows = _rows(view)
    # Newest first; the card's orders say so where the contact goes, 42421 by its number.
    assert [(row[0], row[3]) for row in rows] == [
        ("10234", CARD[language]), ("10230", CARD[language]), ("42421", "marc.petit@example.fr")]
    if backend == "sqlite":
        image = save(window, f"search-card-{language}.png")
        assert has_text(image, area_of(view.viewport(), window))

    # The masked form finds the card's orders only.
    box = window.search_screen.findChild(QLineEdit, "searchBox")
    box.clear()
    qtbot.keyClicks(box, "**** 4242")
    qtbot.waitUntil(lambda: [row[0] for row in _rows(view)] == ["10234", "10230"])

    # Open 10230: its card has no known brand.
    cell = view.visualRect(view.model().index(1, 2)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    payments = window.order_screen.findChild(QTableView, "paymentsTable")
    qtbot.waitUntil(lambda: payments.model().rowCount() == 1)
    assert _rows(payments)[0][:2] == (["Carte bancaire", CARD["fr"]] if language == "fr"
                                      else ["Card", CARD["en"]])  # fmt: skip


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_order_screen_names_the_card_and_its_brand(
    qtbot: QtBot, sessions: SessionFactory, make_window, language: str
) -> None:
    _shop(sessions)
    window, view = _searched(qtbot, make_window, language, "visa 4242", 1)
    cell = view.visualRect(view.model().index(0, 2)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    payments = window.order_screen.findChild(QTableView, "paymentsTable")
    qtbot.waitUntil(lambda: payments.model().rowCount() == 2)
    qtbot.waitUntil(lambda: payments.isVisible() and payments.height() > 0)
    qtbot.waitUntil(lambda: any(  # header labels are laid out on the next pass
        label.text() == "Hélène Lefèvre" and label.isVisible() and label.height() > 0
        for label in window.order_screen.findChildren(QLabel, "fieldValue")))
    assert [row[1] for row in _rows(payments)] == ["Visa •••• 4242", "GC-7Q2K-9F"]
    image = save(window, f"order-card-{language}.png")
    assert has_text(image, area_of(payments.viewport(), window))
