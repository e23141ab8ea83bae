"""State of the customer screen: one customer's view, read in the background, and a preview."""

from __future__ import annotations

from dataclasses import replace
from datetime import tzinfo
from decimal import Decimal

from babel import numbers as babel_numbers
from PySide6.QtCore import QObject, Signal

from pos.domain.money import Money
from pos.services.customers import CustomerService, CustomerView
from pos.services.receipt_preview import ReceiptPreview, ReceiptPreviewService
from pos.ui.format import format_money
from pos.ui.messages import error_text
from pos.ui.workers import TaskRunner

VIEW_KEY, MORE_KEY, PREVIEW_KEY = "customer", "customer-more", "customer-preview"
OPENING, UNREADABLE, NOT_FOUND = "opening", "unreadable", "customer_not_found"

RATE_STEP = Decimal("0.001")  # the return rate is shown to a tenth of a percent


class CustomerViewModel(QObject):
    """Loads a customer through `CustomerService.view`; more orders by page; previews a
    document's receipt through `ReceiptPreviewService`.

    Signals:
        view_changed(): re-read `view` (None while loading or on error) and the figures.
        preview_changed(): re-read `preview_text`.
        status_changed(): re-read `status_text`.
    """

    view_changed = Signal()
    preview_changed = Signal()
    status_changed = Signal()

    def __init__(self, *, customers: CustomerService, previews: ReceiptPreviewService | None,
                 runner: TaskRunner, locale: str, tz: tzinfo | None = None,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._customers, self._previews, self._runner = customers, previews, runner
        self._locale, self._tz = locale, tz
        self.view: CustomerView | None = None
        self.preview_text = ""
        self._status, self._problem = "", ""

    @property
    def locale(self) -> str:
        return self._locale

    @property
    def tz(self) -> tzinfo | None:
        return self._tz

    def set_locale(self, locale: str) -> None:
        """Word amounts the `locale` way; `view_changed` asks for a redraw."""
        self._locale = locale
        self.view_changed.emit()

    @property
    def status_text(self) -> str:
        """Worded when read, so in the language of the moment."""
        if self._status == OPENING:
            return self.tr("Opening the customer…")
        if self._status == NOT_FOUND:
            return self.tr("This customer is no longer in the sales history.")
        if self._status == UNREADABLE:
            return self._problem or self.tr("The customer cannot be read right now.")
        return ""

    def clear(self) -> None:
        """Show nobody (the cashier logged out); a customer still loading is not shown."""
        for key in (VIEW_KEY, MORE_KEY, PREVIEW_KEY):
            self._runner.forget(key)
        self.view, self.preview_text = None, ""
        self._set_status("")
        self.view_changed.emit()
        self.preview_changed.emit()

    def load(self, customer_id: int) -> None:
        """Show this customer (replacing whoever was shown)."""
        customers = self._customers
        self.view, self.preview_text = None, ""
        self._set_status(OPENING)
        self.view_changed.emit()
        self.preview_changed.emit()
        self._runner.submit(lambda: customers.view(customer_id), key=VIEW_KEY,
                            on_success=self._on_loaded, on_error=self._on_failed)  # fmt: skip

    def more_orders(self) -> None:
        """The next page of orders, added under those shown."""
        view = self.view
        if view is None or view.next_cursor is None:
            return
        customers, cursor = self._customers, view.next_cursor
        customer_id = view.customer.customer_id
        self._runner.submit(lambda: customers.view(customer_id, before=cursor), key=MORE_KEY,
                            on_success=self._on_more, on_error=self._on_failed)  # fmt: skip

    def preview(self, number: str) -> None:
        """Show the receipt of the document `number` as it prints."""
        previews = self._previews
        if previews is None:
            return
        self._runner.submit(lambda: previews.preview(number), key=PREVIEW_KEY,
                            on_success=self._on_preview, on_error=self._on_failed)  # fmt: skip

    def figures(self) -> dict[str, str]:
        """The four figures under the header, worded for the locale ("" before a load)."""
        view = self.view
        if view is None:
            return {"orders": "", "spent": "", "rate": "", "balance": ""}
        rate = "—" if view.return_rate is None else babel_numbers.format_percent(
            view.return_rate.quantize(RATE_STEP), locale=self._locale,
            decimal_quantization=False)  # the locale's way, one decimal: "11,1 %", "11.1%"
        currency = view.spent[0].currency if view.spent else "EUR"
        return {"orders": str(view.order_count), "spent": self._amounts(view.spent, currency),
                "rate": rate, "balance": self._amounts(view.balances, currency)}  # fmt: skip

    def _amounts(self, amounts: tuple[Money, ...], currency: str) -> str:
        """One amount per currency ("0" in the customer's currency when there is none)."""
        shown = amounts or (Money(0, currency),)
        return " + ".join(format_money(amount, self._locale) for amount in shown)

    def _on_loaded(self, view: CustomerView) -> None:
        self.view = view
        self._set_status("")
        self.view_changed.emit()

    def _on_more(self, page: CustomerView) -> None:
        view = self.view
        if view is None or view.customer.customer_id != page.customer.customer_id:
            return
        self.view = replace(view, orders=view.orders + page.orders, next_cursor=page.next_cursor)
        self.view_changed.emit()

    def _on_preview(self, preview: ReceiptPreview) -> None:
        self.preview_text = preview.text
        self.preview_changed.emit()

    def _on_failed(self, error: BaseException) -> None:
        if getattr(error, "code", None) == NOT_FOUND:
            self._set_status(NOT_FOUND)
            return
        self._problem = error_text(error, self._locale)
        self._set_status(UNREADABLE)

    def _set_status(self, status: str) -> None:
        self._status = status
        self.status_changed.emit()
