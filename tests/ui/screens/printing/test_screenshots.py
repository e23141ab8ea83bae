"""Screenshot of the print queue in French and English (docs/screenshots/printing-*.png)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from pos.hardware.errors import PaperOutError
from pos.ui.screens.printing import create_printing_screen
from tests.ui.screens.login.helpers import button, label, save, show, translated
from tests.ui.screens.printing.conftest import DEFAULT_PRINTER, exchange
from tests.ui.screens.printing.test_screen import failed_job, tap_row


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    yield from translated(qapp, request.param)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_printing_screenshot(qtbot: QtBot, shop, queue, previews, printers, runner,
                             language: str) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    number = failed_job(shop, queue, printers)
    exchange(shop, "20002", cash=True)
    printers[DEFAULT_PRINTER].fail_next(PaperOutError())
    queue.run_once()  # the second receipt fails too: out of paper
    printers[DEFAULT_PRINTER].fail_next(PaperOutError())  # and so will the retry
    screen = create_printing_screen(queue=queue, previews=previews, runner=runner)
    show(qtbot, screen)
    screen.activate()
    qtbot.waitUntil(lambda: len(screen.view_model.jobs) == 2)
    tap_row(qtbot, screen, 0)
    preview = screen.findChild(QPlainTextEdit, "receiptPreview")
    qtbot.waitUntil(lambda: number in preview.toPlainText())
    qtbot.mouseClick(button(screen, "retryButton"), Qt.MouseButton.LeftButton)
    status = label(screen, "printStatus")
    qtbot.waitUntil(lambda: ("papier" if language == "fr" else "paper") in status.text())
    save(screen, f"printing-{language}.png")
