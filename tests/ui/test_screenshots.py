"""Screenshots of the screens in French and English (docs/screenshots/), checked for text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from pos.app import install_translators
from pos.db.engine import SessionFactory
from pos.domain.search_text import fold
from tests.support.builders import order
from tests.ui.conftest import add_counter_refund, record, rich_order

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SIZE = (1280, 800)

CUSTOMERS = [  # (number, first, last, days before T0, channel, price)
    ("10233", "Léa", "Lemaire", 1, "POS", 2990),
    ("10229", "Louis", "Leclerc", 3, "WEB", 12900),
    ("10221", "Hélène", "Lefèvre", 9, "POS", 1450),
    ("10198", "Léon", "Lebrun", 21, "WEB", 5990),
    ("10187", "Leila", "Benali", 26, "WEB", 3990),
    ("10150", "Lena", "Lefort", 41, "POS", 8450),
]


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translators = install_translators(qapp, request.param)
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)


def shop(sessions: SessionFactory) -> int:
    extra = [
        order(
            number,
            first=first,
            last=last,
            email=f"{fold(first)}.{fold(last)}@example.fr",
            days_ago=days,
            channel=channel,
            price=price,
            quantity=1,
        )
        for number, first, last, days, channel, price in CUSTOMERS
    ]
    [order_id, *_] = record(sessions, rich_order(), *extra)
    add_counter_refund(sessions, order_id, line=1, quantity=1)
    return order_id


def has_text(image: QImage, area: QRect) -> bool:
    """Text draws many different colours (glyphs, anti-aliasing); an empty area draws one."""
    colours = {
        image.pixel(x, y)
        for x in range(area.left(), area.right(), 2)
        for y in range(area.top(), area.bottom(), 2)
    }
    return len(colours) > 8


def area_of(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def save(window: QWidget, name: str) -> QImage:
    image = window.grab().toImage()
    assert (image.width(), image.height()) == SIZE
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert image.save(str(SCREENSHOTS / name))
    return image


@pytest.mark.parametrize("backend", ["sqlite"])
def test_screenshots(qtbot: QtBot, sessions: SessionFactory, make_window, language: str) -> None:
    shop(sessions)
    window = make_window("fr_FR" if language == "fr" else "en_US")
    window.setFixedSize(*SIZE)
    box = window.search_screen.findChild(QLineEdit, "searchBox")
    qtbot.keyClicks(box, "le")
    view = window.search_screen.findChild(QTableView, "searchResults")
    qtbot.waitUntil(lambda: view.model().rowCount() == 7)
    image = save(window, f"search-{language}.png")
    title = window.search_screen.findChild(QLabel, "screenTitle")
    assert title.text() == ("Retrouver une vente" if language == "fr" else "Find a sale")
    assert has_text(image, area_of(title, window))
    assert has_text(image, area_of(view.viewport(), window))

    cell = view.visualRect(view.model().index(0, 2)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    lines = window.order_screen.findChild(QTableView, "linesTable")
    qtbot.waitUntil(lambda: lines.model().rowCount() == 3)

    def customer_shown() -> QLabel | None:  # header labels are laid out on the next pass
        labels = window.order_screen.findChildren(QLabel, "fieldValue")
        return next(
            (
                label
                for label in labels
                if label.text() == "Hélène Lefèvre" and label.isVisible() and label.height() > 0
            ),
            None,
        )

    qtbot.waitUntil(lambda: customer_shown() is not None)
    image = save(window, f"order-{language}.png")
    assert has_text(image, area_of(customer_shown(), window))
    assert has_text(image, area_of(lines.viewport(), window))
    window_label = window.order_screen.findChild(QLabel, "returnWindow")
    assert has_text(image, area_of(window_label, window))
    assert ("Achat il y a" if language == "fr" else "Bought") in window_label.text()
