"""The customer screen's place in the counter: the link on the order screen, and the way back.

`install_customer` puts `CustomerLink` on the order screen; the customer screen itself is made
on the first tap (start-up stays fast), added to the window, and sends the cashier back to the
order — or to another of the customer's orders, tapped in their list.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from pos.services.customers import CustomerService
from pos.services.receipt_preview import ReceiptPreviewService
from pos.ui.screens.customer import CustomerScreen, create_customer_screen
from pos.ui.screens.customer.link import CustomerLink

if TYPE_CHECKING:
    from pos.ui.main_window import MainWindow


class CustomerPlace(QObject):
    """The link, and the customer screen once made (`screen`, None before the first tap)."""

    def __init__(self, *, window: MainWindow, customers: CustomerService,
                 previews: ReceiptPreviewService | None, locale: Callable[[], str],
                 tz: tzinfo | None, show_order: Callable[[], None]) -> None:  # fmt: skip
        super().__init__(window)
        self._window, self._customers, self._previews = window, customers, previews
        self._locale, self._tz, self._show_order = locale, tz, show_order
        self.screen: CustomerScreen | None = None
        self.link = CustomerLink(window.order_screen.view_model)
        window.order_screen.add_header_action(self.link)
        self.link.customer_requested.connect(self.open)

    def open(self, customer_id: int) -> None:
        """Show the customer (read in the background)."""
        screen = self.screen or self._make()
        screen.view_model.load(customer_id)
        screen.show_section("orders")
        self._window.show_screen(screen)

    def clear(self) -> None:
        """Nothing of the last cashier's customer stays on screen (log out)."""
        if self.screen is not None:
            self.screen.view_model.clear()

    def _make(self) -> CustomerScreen:
        self.screen = create_customer_screen(
            customers=self._customers, previews=self._previews, runner=self._window.runner,
            locale=self._locale(), tz=self._tz)
        self.screen.back_requested.connect(self._show_order)
        self.screen.order_requested.connect(self._on_screen_order_requested)
        self._window.add_screen(self.screen)
        return self.screen

    def _on_screen_order_requested(self, order_id: int) -> None:
        self._window.order_screen.view_model.load(order_id)
        self._show_order()


def install_customer(*, window: MainWindow, customers: CustomerService,
                     previews: ReceiptPreviewService | None, locale: Callable[[], str],
                     tz: tzinfo | None, show_order: Callable[[], None]) -> CustomerPlace:
    """The customer link on `window`'s order screen, and the screen it opens."""
    return CustomerPlace(window=window, customers=customers, previews=previews, locale=locale,
                         tz=tz, show_order=show_order)
