"""`VerticalScrollArea`: as wide as its content, as short as the screen needs."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from pos.ui.scroll_area import VerticalScrollArea
from tests.ui.layout_checks import settle


def column(count: int, text: str = "A button") -> QWidget:
    content = QWidget()
    layout = QVBoxLayout(content)
    for index in range(count):
        button = QPushButton(text, objectName=f"button{index}")
        button.setMinimumHeight(56)
        layout.addWidget(button)
    return content


def test_a_tall_column_scrolls_up_and_down_and_keeps_its_width(qtbot: QtBot) -> None:
    content = column(12)
    area = VerticalScrollArea(content, object_name="area")
    page = QWidget()
    row = QHBoxLayout(page)
    row.addWidget(QPushButton("The rest of the screen"), 1)
    row.addWidget(area)
    qtbot.addWidget(page)
    page.resize(400, 300)
    page.show()
    settle()
    assert area.verticalScrollBar().maximum() > 0  # 12 × 56 px do not fit in 300
    assert area.horizontalScrollBar().maximum() == 0
    # The scroll bar takes its room next to the content, never out of the content's width.
    assert content.width() >= content.minimumSizeHint().width()
    assert page.minimumSizeHint().height() < 300  # the column does not force the page taller


def test_wider_content_widens_the_area(qtbot: QtBot) -> None:
    content = column(2)
    area = VerticalScrollArea(content, object_name="area")
    page = QWidget()
    row = QHBoxLayout(page)
    row.addWidget(QPushButton("The rest"), 1)
    row.addWidget(area)
    qtbot.addWidget(page)
    page.resize(900, 300)
    page.show()
    settle()
    before = area.width()
    # Another language: longer words in the column; the page makes room for them.
    content.findChild(QPushButton, "button0").setText("A much, much longer text, as in French")
    settle()
    assert area.width() > before
    assert content.width() >= content.minimumSizeHint().width()
