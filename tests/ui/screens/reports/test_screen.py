"""The Reports screen in the whole window, over the real services: a manager reads a week's
returns as charts with their figures (equal to the documents'), exports them as CSV and
applies exchange-only to return-prone products; 1024×768 and 1280×800, in both languages,
with screenshots (docs/screenshots/reports-*.png)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from pos.app import build_main_window
from pos.domain.reports import from_csv
from pos.hardware.transports import VirtualPrinter
from pos.services.closing import ClosingService
from pos.services.history import SalesHistoryService
from pos.services.policy import load_policy
from pos.services.reports import ReportsService
from pos.ui.main_window import MainWindow
from pos.ui.screens.reports import Period, ReportsScreen
from tests.support.reports import busy_week, independent_figures
from tests.support.shop import Shop, build_shop
from tests.ui.layout_checks import settle, target_problems, text_problems, window_problems
from tests.ui.screens.closing.test_screen import _fixed_key
from tests.ui.screens.login.helpers import SCREENSHOTS, translated
from tests.ui.test_window_sizes import counter_services, log_in

SIZES = [(1024, 768), (1280, 800)]


@pytest.fixture
def shop(sessions) -> Shop:  # type: ignore[no-untyped-def]
    shop = build_shop(sessions, stock=50)
    busy_week(shop)
    return shop


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    yield from translated(qapp, request.param)





@pytest.fixture
def make_window(qtbot: QtBot, shop: Shop, tmp_path: Path) -> Iterator:
    """`make_window(locale)`: the whole counter with a Reports service, styled as the app."""
    made: list[MainWindow] = []

    def make(locale: str = "en_GB") -> MainWindow:
        # No sync badge: "offline, 9 changes waiting" with six buttons is wider than 1024 px
        # in French whatever the screen (the top bar's own matter, not this screen's).
        # One signing key for every run: the entry screenshot shows its public half.
        closing = ClosingService(sessions=shop.sessions, clock=shop.clock, terminal_id="T1",
                                 signer=_fixed_key())
        services = replace(counter_services(shop, VirtualPrinter(), tmp_path), sync=None,
                           closing=closing,
                           reports=ReportsService(sessions=shop.sessions, clock=shop.clock))
        history = SalesHistoryService(sessions=shop.sessions, clock=shop.clock)
        window = build_main_window(history, locale, services)
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()  # the runners stop before the database goes


def open_reports(qtbot: QtBot, window: MainWindow, size: tuple[int, int],
                 shot: str | None = None) -> ReportsScreen:
    window.resize(*size)

    window.show()
    log_in(qtbot, window, "Maxime", "4826", None)
    # The top bar has no room for Reports beside Closing: it is reached from the Closing.
    assert not window.counter.top_bar.button("reports").isVisible()
    qtbot.mouseClick(window.counter.top_bar.button("closing"), Qt.MouseButton.LeftButton)
    closing = window.counter.closing
    assert closing is not None
    qtbot.mouseClick(closing.findChild(QPushButton, "reportTab"), Qt.MouseButton.LeftButton)
    reports_button = closing.findChild(QPushButton, "reportsButton")
    qtbot.waitUntil(reports_button.isVisible)
    if shot is not None:  # where a manager finds Reports: the Closing's X / Z page
        settle()
        assert window.grab().save(str(SCREENSHOTS / shot))
    qtbot.mouseClick(reports_button, Qt.MouseButton.LeftButton)
    screen = window.counter.reports
    assert screen is not None and window.current_screen() is screen
    qtbot.waitUntil(lambda: screen.view_model.view is not None and len(screen.charts) == 5,
                    timeout=20_000)
    return screen


def tap(qtbot: QtBot, screen: ReportsScreen, name: str, text: str | None = None) -> None:
    buttons = [b for b in screen.findChildren(QPushButton, name)
               if text is None or b.text() == text]
    assert len(buttons) == 1, (name, text)
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)


def cells(screen: ReportsScreen, name: str) -> list[list[str]]:
    model = screen.findChild(QTableView, name).model()
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def choose_period(qtbot: QtBot, screen: ReportsScreen, period: Period) -> None:
    screen.findChild(QPushButton, "chip")  # the chips exist
    chips = screen._periods  # the period chips, tapped like a finger
    qtbot.mouseClick(chips.button(period), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.view_model.status_kind != "busy")


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_a_manager_reads_the_week_as_charts_with_their_figures(
        qtbot: QtBot, shop: Shop, make_window, size: tuple[int, int],  # type: ignore[no-untyped-def]
        language: str, tmp_path: Path) -> None:
    window = make_window("fr_FR" if language == "fr" else "en_GB")
    screen = open_reports(qtbot, window, size, f"reports-entry-{size[0]}x{size[1]}-{language}.png")
    choose_period(qtbot, screen, Period.WEEK)
    expected = independent_figures(shop)
    report = screen.view_model.view.report  # type: ignore[union-attr]
    problems, label = [], f"{size[0]}×{size[1]} {language}"
    for section, chart in screen.charts.items():
        shown = {row.key: (row.count, row.amount.minor) for row in report.section(section)}
        assert shown == expected[section], section
        assert len(chart.values) == len(shown)  # type: ignore[attr-defined]
    # The figures beside the charts: units per reason, rates per product.
    reasons = {row[0]: row[1] for row in cells(screen, "reasonTable")}
    assert reasons["trop petit"] == "4" and reasons["défaut"] == "1"
    assert list(screen.charts["reason"].values) == [  # type: ignore[attr-defined]
        int(units) for units in reasons.values()]  # the bars read as the table, top down
    rates = {row[0]: row[3] for row in cells(screen, "productTable")}
    assert rates["T-shirt coton bio"] == ("50,0%" if language == "fr" else "50.0%")
    assert screen.charts["product"].values[0] == 500  # type: ignore[attr-defined]
    for section in ("reason", "product", "size", "refunds", "prone"):
        qtbot.mouseClick(screen._sections.button(section), Qt.MouseButton.LeftButton)
        settle()
        problems += window_problems(f"reports-{section} {label}", window, size)
        problems += target_problems(f"reports-{section} {label}", window)
        problems += text_problems(f"reports-{section} {label}", window)
        if section in ("product", "refunds", "prone"):
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            name = f"reports-{section}-{size[0]}x{size[1]}-{language}.png"
            assert window.grab().save(str(tmp_path / name))
            shutil.copy(tmp_path / name, SCREENSHOTS / name)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_export_round_trips_and_exchange_only_is_applied_to_the_chosen_products(
        qtbot: QtBot, shop: Shop, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    screen = open_reports(qtbot, make_window(), (1280, 800))
    choose_period(qtbot, screen, Period.MONTH)
    screen.export_dir = tmp_path
    tap(qtbot, screen, "exportButton")
    qtbot.waitUntil(lambda: screen.view_model.status_kind == "ok")
    [written] = tmp_path.glob("comptoir-returns-*.csv")
    report = screen.view_model.view.report  # type: ignore[union-attr]
    assert set(from_csv(written.read_text(encoding="utf-8"))) == set(report.rows)
    # The return-prone list: tap the T-shirts, then "exchange only".
    qtbot.mouseClick(screen._sections.button("prone"), Qt.MouseButton.LeftButton)
    table = screen.findChild(QTableView, "proneTable")
    assert [row[1] for row in cells(screen, "proneTable")] == [
        "T-shirt coton bio", "Jean droit", "Écharpe laine"]
    assert not screen.findChild(QPushButton, "exchangeOnlyButton").isEnabled()
    cell = table.visualRect(table.model().index(0, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert cells(screen, "proneTable")[0][0] == "✓"
    tap(qtbot, screen, "exchangeOnlyButton")
    qtbot.waitUntil(lambda: "exchange only" in cells(screen, "proneTable")[0][4])
    with shop.sessions() as s:
        product = load_policy(s).exchange_only_products
    assert product == {screen.view_model.view.return_prone[0].key}  # type: ignore[union-attr]
    assert screen.view_model.status_kind == "ok"


@pytest.mark.parametrize("backend", ["sqlite"])
def test_back_returns_to_the_closing_it_was_opened_from(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    screen = open_reports(qtbot, window, (1280, 800))
    qtbot.mouseClick(screen.findChild(QPushButton, "backButton"), Qt.MouseButton.LeftButton)
    assert window.current_screen() is window.counter.closing
    # Opened again from the Closing, it goes back there again (and never to the search).
    qtbot.mouseClick(window.counter.closing.findChild(QPushButton, "reportsButton"),
                     Qt.MouseButton.LeftButton)
    assert window.current_screen() is screen
    qtbot.mouseClick(screen.findChild(QPushButton, "backButton"), Qt.MouseButton.LeftButton)
    assert window.current_screen() is window.counter.closing


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_cashier_has_no_reports_button(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.resize(1280, 800)
    window.show()
    log_in(qtbot, window, "Camille", "2580", None)
    assert not window.counter.top_bar.button("reports").isVisible()
    assert not window.counter.top_bar.button("closing").isVisible()


def test_start_up_does_not_load_the_charts() -> None:
    """Qt Charts is loaded when Reports first opens, never while the app starts."""
    code = ("import sys; import pos.app, pos.ui.counter; "
            "print(sorted(m for m in ('PySide6.QtCharts', 'pos.ui.screens.reports.charts', "
            "'pos.ui.screens.reports.screen') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_new_locale_rewords_the_figures_without_reading_again(
        qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window("en_GB")
    screen = open_reports(qtbot, window, (1280, 800))
    choose_period(qtbot, screen, Period.WEEK)
    view = screen.view_model.view
    assert cells(screen, "productTable")[0][3] == "50.0%"
    window.set_locale("fr_FR")
    assert screen.view_model.view is view  # nothing read again
    assert cells(screen, "productTable")[0][3] == "50,0%"
    assert cells(screen, "productTable")[0][4] == "119,60\u00a0€"
