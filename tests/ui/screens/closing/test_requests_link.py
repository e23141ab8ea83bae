"""The Closing screen's link to the return requests (#16): a manager closing the day sees how
many wait for a decision, opens the list from there and comes back to the Closing; on the
real counter window and services, on both databases, in English and French."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from pos.domain.return_requests import RequestState
from pos.services.signing import file_signer
from pos.ui.main_window import MainWindow, create_main_window
from pos.ui.screens.closing import ClosingScreen
from pos.wiring import Store
from pos.wiring.counter import counter_services
from tests.support.shop import Shop, build_shop, sell
from tests.ui.screens.requests.support import (
    log_in,
    recorded,
    requests_service,
    show_request,
)
from tests.ui.screens.returns.support import click


def requests_waiting(shop: Shop) -> list[int]:
    """Two requests to decide and one already approved (not to decide: not counted)."""
    waiting = [recorded(shop, sell(shop, number, [("T-S-M", 1)], days_ago=3), approve=False)
               for number in ("10301", "10302")]  # fmt: skip
    recorded(shop, sell(shop, "10303", [("T-S-M", 1)], days_ago=3), approve=True)
    return [request.request_id for request in waiting]


def open_closing(qtbot: QtBot, window: MainWindow) -> ClosingScreen:
    """The top bar's *Closing*, tapped; the drawer read."""
    qtbot.mouseClick(window.counter.top_bar.button("closing"), Qt.MouseButton.LeftButton)
    closing = window.counter.closing
    assert closing is not None
    qtbot.waitUntil(lambda: window.current_screen() is closing)
    qtbot.waitUntil(lambda: closing.view_model.session is not None)
    return closing


def link(closing: ClosingScreen) -> QPushButton:
    found = closing.findChild(QPushButton, "requestsLink")
    assert found is not None
    return found


def test_the_closing_says_what_waits_and_opens_the_requests(qtbot: QtBot, counter) -> None:  # type: ignore[no-untyped-def]
    window, shop, _printer = counter
    waiting = requests_waiting(shop)
    log_in(qtbot, window, "Maxime", "4826")
    closing = open_closing(qtbot, window)
    qtbot.waitUntil(lambda: link(closing).text() == "Return requests to decide: 2  ›",
                    timeout=5000)  # fmt: skip
    assert link(closing).isVisible() and link(closing).property("kind") == "waiting"
    # A tap: the same list as the badge's, on the requests to decide.
    click(qtbot, closing, "requestsLink")
    requests = window.counter.requests
    qtbot.waitUntil(lambda: window.current_screen() is requests.screen)
    show_request(qtbot, requests.screen, "to_decide")
    assert len(requests.screen.view_model.rows) == 2
    # He approves one; Back lands on the Closing again, and the count follows.
    click(qtbot, requests.screen, "approveRequestButton")
    qtbot.waitUntil(lambda: requests.screen.view_model.status_kind == "ok", timeout=5000)
    click(qtbot, requests.screen, "backButton")
    assert window.current_screen() is closing
    qtbot.waitUntil(lambda: link(closing).text() == "Return requests to decide: 1  ›",
                    timeout=5000)  # fmt: skip
    # The other is decided elsewhere (another terminal): the Closing, opened again, reads it.
    qtbot.mouseClick(window.counter.top_bar.button("search"), Qt.MouseButton.LeftButton)
    service = requests_service(shop)
    [left] = [r for r in waiting if service.detail(r).state is RequestState.REQUESTED]
    service.reject(shop.manager, left, reason="Worn or used")
    open_closing(qtbot, window)
    qtbot.waitUntil(lambda: link(closing).text() == "Return requests to decide: 0  ›",
                    timeout=5000)  # fmt: skip
    assert not link(closing).property("kind")
    # The badge's list, opened from the top bar, still goes back to the search.
    qtbot.mouseClick(requests.badge, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_screen() is requests.screen)
    click(qtbot, requests.screen, "backButton")
    assert window.current_screen() is window.search_screen


def test_the_link_speaks_french(qtbot: QtBot, counter, french: None) -> None:  # type: ignore[no-untyped-def]
    window, shop, _printer = counter
    requests_waiting(shop)
    log_in(qtbot, window, "Maxime", "4826")
    closing = open_closing(qtbot, window)
    qtbot.waitUntil(lambda: link(closing).text() == "Demandes de retour à décider : 2  ›",
                    timeout=5000)  # fmt: skip


def test_a_counter_without_requests_shows_no_link(qtbot: QtBot, sessions, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shop = build_shop(sessions)
    store = Store(sessions=shop.sessions, clock=shop.clock, time_zone="Europe/Paris",
                  data_dir=lambda: tmp_path, signer=file_signer(tmp_path / "keys"))  # fmt: skip
    services = replace(counter_services(store, demo=True, pictures=False), return_requests=None)
    window = create_main_window(history=store.history, locale="en_US", services=services)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    try:
        log_in(qtbot, window, "Maxime", "4826")
        closing = open_closing(qtbot, window)
        assert not link(closing).isVisible()
    finally:
        window.close()
