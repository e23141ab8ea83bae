"""The no-receipt screen in the counter: its entry under the search, scans, print, back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pos.services.returns import CommittedDocument
from pos.ui.scanner import ScanRouter
from pos.ui.screens.no_receipt import create_no_receipt_screen
from pos.ui.screens.no_receipt.entry import NoReceiptEntry, install_no_receipt_entry
from pos.ui.screens.no_receipt.screen import NoReceiptScreen

if TYPE_CHECKING:
    from pos.ui.counter import CounterServices, CounterSession
    from pos.ui.main_window import MainWindow


@dataclass(frozen=True, slots=True)
class NoReceiptUi:
    """The entry under the search screen and the screen it opens."""

    entry: NoReceiptEntry
    screen: NoReceiptScreen


def install_no_receipt(session: CounterSession, window: MainWindow, *,
                       services: CounterServices, router: ScanRouter, locale: str,
                       show_search: Callable[[], None],
                       print_pending: Callable[[], None]) -> NoReceiptUi | None:  # fmt: skip
    """Add the screen to `window` and its entry to the search screen (when the counter has
    the service). A committed return prints, then the search says what was given."""
    if services.no_receipt is None:
        return None
    screen = create_no_receipt_screen(
        service=services.no_receipt, catalogue=services.catalogue, users=services.users,
        runner=window.runner, locale=locale, operator_provider=lambda: session.operator,
        policy=services.policy, tz=services.time_zone)  # fmt: skip
    window.add_screen(screen)
    entry = install_no_receipt_entry(window.search_screen)

    def open_screen() -> None:
        entry.show_confirmation("")
        screen.start()
        router.set_handler(screen.on_scan)  # an item coming back, never an order look-up
        window.show_screen(screen)

    def committed(document: CommittedDocument) -> None:
        print_pending()
        entry.show_confirmation(screen.view_model.confirmation_text(document))
        show_search()

    entry.requested.connect(open_screen)
    screen.back_requested.connect(show_search)
    screen.view_model.committed.connect(committed)
    session.operator_changed.connect(lambda _operator: entry.show_confirmation(""))
    return NoReceiptUi(entry, screen)
