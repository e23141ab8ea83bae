"""The customer screen: one customer's orders, counter documents, requests and cards."""

from __future__ import annotations

from datetime import tzinfo

from pos.services.customers import CustomerService
from pos.services.receipt_preview import ReceiptPreviewService
from pos.ui.screens.customer.screen import CustomerScreen
from pos.ui.screens.customer.view_model import CustomerViewModel
from pos.ui.workers import TaskRunner

__all__ = ["CustomerScreen", "CustomerViewModel", "create_customer_screen"]


def create_customer_screen(*, customers: CustomerService, previews: ReceiptPreviewService | None,
                           runner: TaskRunner, locale: str, tz: tzinfo | None = None
                           ) -> CustomerScreen:  # fmt: skip
    """The customer screen and its view model; `view_model.load(customer_id)` fills it."""
    view_model = CustomerViewModel(customers=customers, previews=previews, runner=runner,
                                   locale=locale, tz=tz)  # fmt: skip
    screen = CustomerScreen(view_model=view_model)
    view_model.setParent(screen)
    return screen
