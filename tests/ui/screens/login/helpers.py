"""Shared by the login, printing and stock screen tests: the shop, translators, screenshots."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from pos.app import TRANSLATIONS, install_translators, load_stylesheet

SCREENSHOTS = Path(__file__).resolve().parents[4] / "docs" / "screenshots"
SIZE = (1280, 800)


def translated(qapp: QApplication, language: str) -> Iterator[str]:
    """The app's translators (every `*_<language>.qm`, `screens_fr` too) while a test runs."""
    translators = install_translators(qapp, language)
    if language != "en":
        assert (TRANSLATIONS / f"screens_{language}.qm").exists()
    yield language
    for translator in translators:
        qapp.removeTranslator(translator)


def show(qtbot: QtBot, screen: QWidget) -> QWidget:
    """`screen` styled like the app, 1280×800, shown."""
    qtbot.addWidget(screen)
    screen.setStyleSheet(load_stylesheet() + screen.styleSheet())
    screen.setFixedSize(*SIZE)
    screen.show()
    return screen


def save(screen: QWidget, name: str) -> QImage:
    image = screen.grab().toImage()
    assert (image.width(), image.height()) == SIZE
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert image.save(str(SCREENSHOTS / name))
    return image


def table(screen: QWidget, name: str) -> list[list[str]]:
    model = screen.findChild(QTableView, name).model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def label(screen: QWidget, name: str) -> QLabel:
    found = screen.findChild(QLabel, name)
    assert found is not None, name
    return found


def button(screen: QWidget, name: str) -> QPushButton:
    found = screen.findChild(QPushButton, name)
    assert found is not None, name
    return found


def type_digits(qtbot: QtBot, pad: QWidget, digits: str) -> None:
    """Tap `digits` on a keypad; "." or "," is an amount's decimal separator key."""
    for digit in digits:
        name = "separator" if digit in ".," else digit
        qtbot.mouseClick(button(pad, f"key_{name}"), Qt.MouseButton.LeftButton)


def assert_touch_sized(screen: QWidget) -> None:
    for found in screen.findChildren(QPushButton):
        assert found.sizeHint().height() >= 48, found.objectName()
    for view in screen.findChildren(QTableView):
        assert view.verticalHeader().defaultSectionSize() >= 48
