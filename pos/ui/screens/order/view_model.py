"""State of the order screen: one order, read in the background, shown read-only."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import tzinfo

from PySide6.QtCore import QObject, Signal

from pos.services.history import OrderDetail, SalesHistoryService
from pos.ui.format import format_datetime, format_money
from pos.ui.screens import channel_label
from pos.ui.workers import TaskRunner

ORDER_KEY = "order"  # opening another order supersedes the one still loading
# What the status line says, worded when read (so in the language of the moment).
OPENING, NOT_FOUND, UNREADABLE = "opening", "order_not_found", "unreadable"

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class OrderHeader:
    """The top of the order screen, ready to show."""

    title: str
    fields: tuple[tuple[str, str], ...]  # (label, value), in reading order
    window_text: str
    within_window: bool


class OrderViewModel(QObject):
    """Loads one order through `SalesHistoryService.order_detail` and words its header.

    Signals:
        detail_changed(): re-read `detail` and `header` (None while loading or on error);
            also emitted by `set_locale`, the same order worded another way.
        status_changed(): re-read `status_text` ("" when the order is shown).
    """

    detail_changed = Signal()
    status_changed = Signal()

    def __init__(
        self,
        *,
        history: SalesHistoryService,
        runner: TaskRunner,
        locale: str,
        tz: tzinfo | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`tz`: the shop's time zone, in which every date and time is shown."""
        super().__init__(parent)
        self._history, self._runner, self._locale, self._tz = history, runner, locale, tz
        self._detail: OrderDetail | None = None
        self._status = ""  # OPENING, NOT_FOUND, UNREADABLE or "" (the order is shown)

    @property
    def detail(self) -> OrderDetail | None:
        return self._detail

    @property
    def status_text(self) -> str:
        """Worded each time it is read: after a language switch, in the new language."""
        if self._status == OPENING:
            return self.tr("Opening the order…")
        if self._status == NOT_FOUND:
            return self.tr("This order is no longer in the sales history.")
        if self._status == UNREADABLE:
            return self.tr(
                "The order cannot be read right now. Try again in a moment; "
                "if it keeps failing, call a manager."
            )
        return ""

    @property
    def locale(self) -> str:
        return self._locale

    def set_locale(self, locale: str) -> None:
        """Word the header the `locale` way from now on; `detail_changed` asks for a redraw."""
        self._locale = locale
        self.detail_changed.emit()

    def clear(self) -> None:
        """Show no order (the cashier logged out); an order still loading is not shown."""
        self._runner.forget(ORDER_KEY)
        self._detail = None
        self._set_status("")
        self.detail_changed.emit()

    def load(self, order_id: int) -> None:
        """Show the order with this id (replacing whatever was shown)."""
        history = self._history
        self._detail = None
        self._set_status(OPENING)
        self.detail_changed.emit()
        self._runner.submit(
            lambda: history.order_detail(order_id),
            key=ORDER_KEY,
            on_success=self._on_loaded,
            on_error=self._on_load_failed,
        )

    def header(self) -> OrderHeader | None:
        """The header of the shown order, formatted for the locale."""
        detail = self._detail
        if detail is None:
            return None
        return OrderHeader(
            self.tr("Order {number}").format(number=detail.number),
            self._fields(detail),
            self._window_text(detail),
            detail.within_return_window,
        )

    def _fields(self, detail: OrderDetail) -> tuple[tuple[str, str], ...]:
        fields = [
            (self.tr("Date"), format_datetime(detail.placed_at, self._locale, tz=self._tz)),
            (self.tr("Channel"), channel_label(detail.channel)),
            (self.tr("Customer"), detail.customer_name or self.tr("(no name)")),
            (self.tr("E-mail"), detail.email or "—"),
            (self.tr("Phone"), detail.phone or "—"),
            (self.tr("Total"), format_money(detail.total, self._locale)),
        ]
        if detail.refunded_total:
            fields.append(
                (self.tr("Already refunded"), format_money(detail.refunded_total, self._locale))
            )
        return tuple(fields)

    def _window_text(self, detail: OrderDetail) -> str:
        days = detail.days_since_purchase
        if days == 0:
            bought = self.tr("Bought today")
        elif days == 1:
            bought = self.tr("Bought yesterday")
        else:
            bought = self.tr("Bought {days} days ago").format(days=days)
        if detail.within_return_window:
            window = self.tr("within the {window}-day return window.")
        else:
            window = self.tr("outside the {window}-day return window: a manager must approve.")
        return f"{bought} — {window.format(window=detail.return_window_days)}"

    def _on_loaded(self, detail: OrderDetail) -> None:
        self._detail = detail
        self._set_status("")
        self.detail_changed.emit()

    def _on_load_failed(self, error: BaseException) -> None:
        if getattr(error, "code", None) == NOT_FOUND:
            self._set_status(NOT_FOUND)
        else:
            log.error("loading an order failed", exc_info=error)
            self._set_status(UNREADABLE)

    def _set_status(self, status: str) -> None:
        self._status = status
        self.status_changed.emit()
