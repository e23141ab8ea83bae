"""The layout checks themselves: each one reports what it is there to catch."""

from __future__ import annotations

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pos.ui.screens import setup_touch_table
from tests.ui.layout_checks import settle, target_problems, text_problems, window_problems


def test_the_checks_catch_a_small_button_cut_text_and_a_cut_off_field(qtbot: QtBot) -> None:
    page = QWidget(objectName="page")
    small = QPushButton("OK", objectName="smallButton")
    small.setFixedSize(120, 40)
    cut = QLabel("A sentence far too long for its forty pixels", objectName="cutLabel")
    cut.setFixedWidth(40)
    wrapped = QLabel("Several words that wrap onto more lines than fit", objectName="wrapped")
    wrapped.setWordWrap(True)
    wrapped.setFixedSize(80, 20)
    layout = QVBoxLayout(page)
    for widget in (small, cut, wrapped):
        layout.addWidget(widget)
    edge = QLineEdit(page, objectName="edgeField")
    edge.setGeometry(250, 10, 100, 48)
    qtbot.addWidget(page)
    page.setFixedSize(300, 200)
    page.show()
    settle()
    problems = "\n".join(target_problems("page", page) + text_problems("page", page))
    assert "smallButton is 120×40 px, smaller than a 48 px touch target" in problems
    assert "cutLabel text 'A sentence far too long" in problems
    assert "wrapped text 'Several words" in problems
    assert "edgeField at (250, 10) 100×48 is cut by the window's edge (300×200)" in problems
    assert "the window needs at least" in "\n".join(
        window_problems("page", page, (300, 200), smallest=(100, 100))
    )


def test_the_checks_catch_a_cut_column_title_and_a_list_that_scrolls_sideways(
    qtbot: QtBot,
) -> None:
    page = QWidget(objectName="page")
    model = QStandardItemModel(1, 2)
    titles = ["A rather long column title", "A second title, far wider than the table is"]
    model.setHorizontalHeaderLabels(titles)
    view = QTableView(objectName="narrowTable")
    view.setModel(model)
    setup_touch_table(view, stretch=0)
    wide = QWidget()
    wide.setMinimumWidth(600)
    area = QScrollArea(objectName="wideList")
    area.setWidget(wide)
    layout = QVBoxLayout(page)
    layout.addWidget(view)
    layout.addWidget(area)
    qtbot.addWidget(page)
    page.setFixedSize(300, 400)
    page.show()
    settle()
    problems = "\n".join(target_problems("page", page))
    assert "narrowTable column title 'A rather long column title' needs" in problems
    assert "narrowTable columns take" in problems  # the second column is off to the side
    assert "wideList content is" in problems and "(it scrolls sideways)" in problems
