"""The Return policy tab in the whole window at 1024×768 and 1280×800, French and English:
every field, tick and Save in view without scrolling, before and after Save (the status line
takes room at the foot), the layout checks of `tests.ui.layout_checks` passing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from pos.ui.main_window import MainWindow
from tests.support.shop import Shop
from tests.ui import test_window_sizes as sizes
from tests.ui.screens.returns.support import click
from tests.ui.test_window_sizes import Inspector, log_in

# The window-size checks' counter: its shop, its window maker, both languages.
shop, make_counter, language = sizes.shop, sizes.make_counter, sizes.language
SIZES = pytest.mark.parametrize("size", [(1024, 768), (1280, 800)], ids=lambda s: f"{s[0]}x{s[1]}")
FIELDS = ("return_window_days", "restocking_fee_pct", "flat_return_fee_minor",
          "manager_refund_threshold_minor", "return_prone_rate_pct", "return_prone_min_sold",
          "no_receipt_period_days", "no_receipt_customer_limit_minor",
          "no_receipt_customer_period_days", "no_receipt_day_limit_minor",
          "no_receipt_day_count", "approval_valid_days")  # fmt: skip
TICKS = ("reasonsRequired", "likeForLike", "windowFromApproval")


def out_of_view(window: MainWindow, page: QWidget) -> list[str]:
    """The policy tab's fields, ticks and Save that are not whole inside the window and the
    tab's page, or that sit in a scrolling area (a scroll bar squeezed the tab before)."""
    widgets = [page.findChild(QLineEdit, name) for name in FIELDS]
    widgets += [page.findChild(QCheckBox, name) for name in TICKS]
    widgets.append(page.findChild(QPushButton, "policySave"))
    problems = []
    for widget in widgets:
        assert widget is not None
        rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        inside = QRect(widget.mapTo(page, QPoint(0, 0)), widget.size())
        if not (widget.isVisible() and window.rect().contains(rect)
                and page.rect().contains(inside)):  # fmt: skip
            problems.append(f"{widget.objectName()} at {rect.getRect()} is out of view")
    for area in page.findChildren(QScrollArea):
        if area.isVisible():
            problems.append(f"{area.objectName()} scrolls inside the tab")
    # The window's content scrolls only while the on-screen keyboard is open (it is not).
    content = window.findChild(QScrollArea, "keyboardContentArea")
    if content.verticalScrollBar().maximum() > 0:
        problems.append(f"the window's content is {content.verticalScrollBar().maximum()} px "
                        "taller than the window: it scrolls")  # fmt: skip
    return problems


@pytest.mark.parametrize("backend", ["sqlite"])
@SIZES
def test_the_policy_tab_fits_with_and_without_its_status_line(
    qtbot: QtBot, shop: Shop, make_counter, size: tuple[int, int], language: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_counter("fr_FR" if language == "fr" else "en_US", size)
    look = Inspector(window, size, language, tmp_path)
    log_in(qtbot, window, "Alex Admin", "7391", None)
    qtbot.mouseClick(window.counter.top_bar.button("settings"), Qt.MouseButton.LeftButton)
    settings = window.counter.settings
    qtbot.waitUntil(lambda: settings.view_model.snapshot is not None)
    click(qtbot, settings, "policyTab")
    page = settings.policy_tab
    look.check("policy-tab")  # (not a docs/ shot: the tour of test_window_sizes takes it)
    assert out_of_view(window, page) == []
    # Saved as shown: the status line appears at the foot, and everything is still in view.
    click(qtbot, page, "policySave")
    qtbot.waitUntil(lambda: settings.view_model.status_kind == "ok")
    status = settings.findChild(QLabel, "settingsStatus")
    qtbot.waitUntil(status.isVisible)
    look.check("policy-tab-saved")
    assert out_of_view(window, page) == []
    assert not look.problems, "\n".join(look.problems)
    # The window's shots, for a person to look at (tmp_path).
    assert window.grab().save(str(tmp_path / f"policy-saved-{size[0]}x{size[1]}-{language}.png"))
