"""The manager places reached from the top bar's *Closing*: the Closing screen and what it opens.

`ClosingPlace` makes the Closing screen on the first tap of the top bar's *Closing* (start-up
stays fast), and from it the Reports screen (*Returns report*) and the return requests' list
(*Return requests to decide: n*, the same list as the top bar's badge): a manager closing the
day sees what waits, and Back on either lands on the Closing again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from pos.domain.roles import Operator
from pos.services.cash import CashService
from pos.services.closing import ClosingService
from pos.services.printing import PrintQueueService
from pos.services.reports import ReportsService
from pos.ui.workers import TaskRunner

if TYPE_CHECKING:
    from pos.ui.main_window import MainWindow
    from pos.ui.screens.closing import ClosingScreen
    from pos.ui.screens.reports import ReportsScreen
    from pos.ui.screens.requests import RequestsUi


class ClosingPlace(QObject):
    """The Closing and Reports screens once made (`closing`, `reports`: None before)."""

    def __init__(self, *, window: MainWindow, cash: CashService | None,
                 closing: ClosingService | None, reports: ReportsService | None,
                 print_queue: PrintQueueService, print_runner: TaskRunner,
                 locale: Callable[[], str], show_search: Callable[[], None]) -> None:  # fmt: skip
        super().__init__(window)
        self._window, self._cash, self._closing, self._reports = window, cash, closing, reports
        self._print_queue, self._print_runner = print_queue, print_runner
        self._locale, self._show_search = locale, show_search
        self.closing: ClosingScreen | None = None
        self.reports: ReportsScreen | None = None
        self._operator: Operator | None = None
        self._requests: RequestsUi | None = None
        self._reports_from_closing = False  # where Back on the Reports goes

    @property
    def has_closing(self) -> bool:
        """The counter has a Closing screen (cash sessions and closures are wired)."""
        return self._cash is not None and self._closing is not None

    @property
    def has_reports(self) -> bool:
        return self._reports is not None

    def link_requests(self, requests: RequestsUi) -> None:
        """Offer the return requests' list on the Closing screen, with the count to decide."""
        self._requests = requests

    def set_operator(self, operator: Operator | None) -> None:
        self._operator = operator
        for screen in (self.closing, self.reports):
            if screen is not None:
                screen.set_operator(operator)

    def show_closing(self) -> None:
        """The Closing screen (made now if it is the first time), its figures read again."""
        closing = self.closing or self._make_closing()
        if closing is None:
            return
        if self._requests is not None:
            self._requests.controller.poll()  # the count is the one of now
        self._window.show_screen(closing)
        closing.activate()

    def show_reports(self, *, from_closing: bool) -> None:
        """The Reports screen; Back goes to the Closing when it was opened from there."""
        from pos.ui.screens.reports import (  # noqa: PLC0415 — the first tap pays for it
            ReportsViewModel,
            create_reports_screen,
        )

        if self._reports is None:
            return
        if self.reports is None:
            self.reports = create_reports_screen(view_model=ReportsViewModel(
                reports=self._reports, runner=self._window.runner), locale=self._locale())
            self.reports.set_operator(self._operator)
            self.reports.back_requested.connect(self._on_reports_back_requested)
            self._window.add_screen(self.reports)
        self._reports_from_closing = from_closing
        self._window.show_screen(self.reports)
        self.reports.activate()

    def _make_closing(self) -> ClosingScreen | None:
        from pos.ui.screens.closing import (  # noqa: PLC0415 — the first tap pays for it
            ClosingViewModel,
            create_closing_screen,
        )

        if self._cash is None or self._closing is None:
            return None
        closing = create_closing_screen(view_model=ClosingViewModel(
            cash=self._cash, closing=self._closing, runner=self._window.runner,
            print_queue=self._print_queue, print_runner=self._print_runner),
            locale=self._locale())  # fmt: skip
        self.closing = closing
        closing.set_operator(self._operator)
        closing.back_requested.connect(self._show_search)
        if self._reports is not None:
            closing.show_reports_button()
            closing.reports_requested.connect(lambda: self.show_reports(from_closing=True))
        if self._requests is not None:
            self._link_closing_to_requests(closing, self._requests)
        self._window.add_screen(closing)
        return closing

    def _link_closing_to_requests(self, closing: ClosingScreen, requests: RequestsUi) -> None:
        lists = requests.screen.view_model
        closing.show_requests_link(lists.counts)
        lists.counts_changed.connect(lambda: closing.show_requests_link(lists.counts))
        closing.requests_requested.connect(
            lambda: requests.controller.open_list_from(back=self.show_closing))

    def _on_reports_back_requested(self) -> None:
        """Back to where the Reports were opened from: the Closing, or the search."""
        if self._reports_from_closing and self.closing is not None:
            self.show_closing()
        else:
            self._show_search()
