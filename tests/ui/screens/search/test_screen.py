"""The search screen over the real sales history (SQLite and PostgreSQL)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from pos.db.engine import SessionFactory
from pos.services.history import SalesHistoryService
from pos.ui.screens.search import SearchScreen, SearchViewModel
from pos.ui.screens.search.view_model import PAGE_SIZE
from pos.ui.workers import TaskRunner
from tests.support.builders import order
from tests.ui.conftest import record


def make_screen(qtbot: QtBot, history: SalesHistoryService, runner: TaskRunner) -> SearchScreen:
    vm = SearchViewModel(history=history, runner=runner)
    screen = SearchScreen(view_model=vm, locale="en_US")
    vm.setParent(screen)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    return screen


def parts(screen: SearchScreen) -> tuple[QLineEdit, QTableView, QLabel, QPushButton]:
    return (
        screen.findChild(QLineEdit, "searchBox"),
        screen.findChild(QTableView, "searchResults"),
        screen.findChild(QLabel, "searchStatus"),
        screen.findChild(QPushButton, "moreButton"),
    )


def numbers(view: QTableView) -> list[str]:
    model = view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def idle(screen: SearchScreen) -> bool:
    return not screen.view_model.busy and not screen.view_model._debounce.isActive()


def test_first_the_screen_says_what_to_type(
    qtbot: QtBot, history: SalesHistoryService, runner: TaskRunner
) -> None:
    screen = make_screen(qtbot, history, runner)
    _, view, status, more = parts(screen)
    assert "order number" in status.text() and "scan" in status.text()
    assert status.isVisible() and not view.isVisible() and not more.isVisible()


def test_typing_a_name_without_accents_finds_the_customer(
    qtbot: QtBot, sessions: SessionFactory, history: SalesHistoryService, runner: TaskRunner
) -> None:
    record(
        sessions,
        order("10234"),
        order("10235", first="Marc", last="Martin", email="marc@example.com", phone=None),
    )
    screen = make_screen(qtbot, history, runner)
    box, view, status, _ = parts(screen)
    qtbot.keyClicks(box, "helene")
    qtbot.waitUntil(lambda: numbers(view) == ["10234"])
    assert view.model().index(0, 2).data() == "Hélène Lefèvre"
    assert view.model().index(0, 5).data() == "€99.80"
    assert view.isVisible() and not status.isVisible()


def test_a_newer_query_is_never_overwritten_by_an_older_one(
    qtbot: QtBot, sessions: SessionFactory, history: SalesHistoryService, runner: TaskRunner
) -> None:
    record(
        sessions,
        *[order(str(10000 + n)) for n in range(30)],
        order("20000", first="Marc", last="Martin", email="marc@example.com", phone=None),
    )
    screen = make_screen(qtbot, history, runner)
    _, view, _, _ = parts(screen)
    shown: list[list[str]] = []
    screen.view_model.results_changed.connect(lambda: shown.append(numbers(view)))
    screen.view_model.submit("helene")  # the slower, older query...
    screen.view_model.submit("martin")  # ...and the one typed after it
    qtbot.waitUntil(lambda: idle(screen) and screen.view_model.results != ())
    assert numbers(view) == ["20000"]
    assert shown == [["20000"]]  # the "helene" page was dropped, never drawn


def test_nothing_found_says_so_in_plain_words(
    qtbot: QtBot, sessions: SessionFactory, history: SalesHistoryService, runner: TaskRunner
) -> None:
    record(sessions, order("10234"))
    screen = make_screen(qtbot, history, runner)
    box, view, status, _ = parts(screen)
    qtbot.keyClicks(box, "zorglub")
    qtbot.waitUntil(lambda: "No sale found" in status.text())
    assert "“zorglub”" in status.text() and "phone number" in status.text()
    assert status.isVisible() and not view.isVisible()


def test_show_older_sales_appends_the_next_page(
    qtbot: QtBot, sessions: SessionFactory, history: SalesHistoryService, runner: TaskRunner
) -> None:
    record(sessions, *[order(str(10000 + n), days_ago=n) for n in range(PAGE_SIZE + 7)])
    screen = make_screen(qtbot, history, runner)
    box, view, _, more = parts(screen)
    qtbot.keyClicks(box, "lefevre")
    qtbot.waitUntil(lambda: view.model().rowCount() == PAGE_SIZE and more.isVisible())
    first_page = numbers(view)
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model().rowCount() == PAGE_SIZE + 7)
    assert numbers(view)[:PAGE_SIZE] == first_page
    assert numbers(view) == [str(10000 + n) for n in range(PAGE_SIZE + 7)]  # newest first
    assert not more.isVisible()


def test_tapping_a_result_asks_for_that_order(
    qtbot: QtBot, sessions: SessionFactory, history: SalesHistoryService, runner: TaskRunner
) -> None:
    ids = record(sessions, order("10234"), order("10235", days_ago=3))
    screen = make_screen(qtbot, history, runner)
    box, view, _, _ = parts(screen)
    qtbot.keyClicks(box, "helene")
    qtbot.waitUntil(lambda: view.model().rowCount() == 2)
    second = view.visualRect(view.model().index(1, 2)).center()
    with qtbot.waitSignal(screen.order_requested) as opened:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=second)
    assert opened.args == [ids[1]]


def test_a_scanned_receipt_asks_for_its_order_at_once(
    qtbot: QtBot, sessions: SessionFactory, history: SalesHistoryService, runner: TaskRunner
) -> None:
    ids = record(sessions, order("10234"), order("102345", days_ago=1))
    screen = make_screen(qtbot, history, runner)
    box, _, _, _ = parts(screen)
    with qtbot.waitSignal(screen.order_requested) as opened:
        qtbot.keyClicks(box, "CPT:O:10234")
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert opened.args == [ids[0]]


def test_a_typed_number_and_enter_opens_the_one_exact_match(
    qtbot: QtBot, sessions: SessionFactory, history: SalesHistoryService, runner: TaskRunner
) -> None:
    ids = record(sessions, order("10234"), order("102345", days_ago=1))
    screen = make_screen(qtbot, history, runner)
    box, view, _, _ = parts(screen)
    with qtbot.waitSignal(screen.order_requested) as opened:
        qtbot.keyClicks(box, "10234")
        qtbot.keyClick(box, Qt.Key.Key_Enter)
    assert opened.args == [ids[0]]
    assert numbers(view)[0] == "10234"  # the exact match heads the list
    assert view.model().index(0, 0).data(Qt.ItemDataRole.FontRole).bold()


def test_enter_without_an_exact_match_just_lists(
    qtbot: QtBot, sessions: SessionFactory, history: SalesHistoryService, runner: TaskRunner
) -> None:
    record(sessions, order("10234"), order("10235", days_ago=1))
    screen = make_screen(qtbot, history, runner)
    box, view, _, _ = parts(screen)
    requested: list[int] = []
    screen.order_requested.connect(requested.append)
    qtbot.keyClicks(box, "1023")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: idle(screen) and view.model().rowCount() == 2)
    assert requested == []
