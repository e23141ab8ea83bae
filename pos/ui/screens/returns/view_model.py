"""State and intents of the returns screen: the draft, its replacements and the live quote."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from pos.domain.returns import Disposition, DocumentKind, Draft, NewItem, Quote, ReturnRequest
from pos.services.history import OrderDetail, OrderLineView
from pos.services.returns import ReturnsService
from pos.ui.messages import error_text
from pos.ui.workers import TaskRunner

QUOTE_KEY = "returns-quote"  # a newer draft supersedes the quote still being computed
ITEM_KEY = "returns-item"
DEBOUNCE_MS = 120  # several taps on + make one quote
REASONS = ("wrong_size", "not_as_expected", "faulty", "changed_mind", "other")

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LineState:
    """One line of the order and what the cashier chose for it."""

    line: OrderLineView
    quantity: int = 0
    reason: str = ""
    disposition: Disposition = Disposition.RESTOCK


class ReturnsViewModel(QObject):
    """Builds an exchange, refund or cancellation draft and keeps its quote up to date.

    Every change of the draft schedules a quote (debounced, off the GUI thread); a quote
    computed for an older draft is dropped, so the panel always shows the draft on screen.

    Signals:
        draft_changed(): re-read `lines`, `replacements`, `note`, `with_refund`.
        quote_changed(): re-read `quote` and `quote_text` (and `locale`, after `set_locale`).
        status_changed(): re-read `status_text` (item look-ups).
    """

    draft_changed = Signal()
    quote_changed = Signal()
    status_changed = Signal()

    def __init__(
        self,
        *,
        returns: ReturnsService,
        runner: TaskRunner,
        locale: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._returns, self._runner, self._locale = returns, runner, locale
        self.kind = DocumentKind.EXCHANGE
        self.detail: OrderDetail | None = None
        self.lines: tuple[LineState, ...] = ()
        self.replacements: tuple[NewItem, ...] = ()
        self.note, self.with_refund = "", True
        self.request: Draft | None = None  # the approved return request this draft carries out
        self.quote: Quote | None = None
        self.quote_text = ""
        self.status_text = ""
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._on_debounce_timeout)

    @property
    def locale(self) -> str:
        return self._locale

    def set_locale(self, locale: str) -> None:
        """Word amounts the `locale` way from now on; `quote_changed` asks for a redraw."""
        self._locale = locale
        self.quote_changed.emit()  # the same quote, not a new one: nothing is computed again

    def start(self, kind: DocumentKind, detail: OrderDetail) -> None:
        """Begin a new draft of `kind` on the order `detail` (a cancellation takes all)."""
        self.kind, self.detail = kind, detail
        take_all = kind is DocumentKind.CANCELLATION
        self.lines = tuple(
            LineState(line, line.returnable if take_all else 0) for line in detail.lines
        )
        self.replacements, self.note, self.with_refund = (), "", True
        self.request = None
        self._set_status("")
        self._changed()

    def start_from(self, draft: Draft, detail: OrderDetail) -> None:
        """Begin with a return request's approved lines (`ReturnRequestService.draft_for`):
        fewer units may come back, never more; the commit marks the request used."""
        self.start(draft.kind, detail)
        asked = {r.line_id: r for r in draft.returns}
        self.lines = tuple(
            replace(s, quantity=min(asked[key].quantity, s.line.returnable),
                    reason=asked[key].reason) if (key := str(s.line.line_id)) in asked else s
            for s in self.lines)  # fmt: skip
        self.request = draft
        self._changed()

    def step(self, index: int, delta: int) -> None:
        """+1 / −1 on a line, kept between 0 and what can still come back (with a return
        request, what it approved)."""
        state = self.lines[index]
        quantity = min(max(state.quantity + delta, 0), self.most(state))
        if quantity != state.quantity:
            self._set_line(index, replace(state, quantity=quantity))

    def most(self, state: LineState) -> int:
        """How many units of the line may come back in this draft."""
        if self.request is None:
            return state.line.returnable
        approved = sum(r.quantity for r in self.request.returns
                       if r.line_id == str(state.line.line_id))  # fmt: skip
        return min(approved, state.line.returnable)

    def set_reason(self, index: int, reason: str) -> None:
        self._set_line(index, replace(self.lines[index], reason=reason))

    def set_disposition(self, index: int, disposition: Disposition) -> None:
        self._set_line(index, replace(self.lines[index], disposition=disposition))

    def set_note(self, note: str) -> None:
        self.note = note
        self._changed()

    def set_with_refund(self, with_refund: bool) -> None:
        self.with_refund = with_refund
        self._changed()

    def add_item(self, *, code: str | None = None, variant_id: int | None = None) -> None:
        """Add one unit of a replacement (scanned code, SKU or variant picked in the grid)."""
        if self.detail is None:
            return
        returns, order_id = self._returns, self.detail.order_id
        self._set_status(self.tr("Adding the item…"))
        self._runner.submit(
            lambda: returns.new_item(order_id=order_id, code=code, variant_id=variant_id),
            key=ITEM_KEY,
            on_success=self._on_item_found,
            on_error=self._on_item_failed,
        )

    def show_problem(self, error: BaseException) -> None:
        """Tell the cashier why something around the draft failed (e.g. reading the order)."""
        self._set_status(error_text(error, self._locale))

    def remove_item(self, index: int) -> None:
        """Take one unit of the replacement at `index` off (the line goes at zero)."""
        items = list(self.replacements)
        item = items[index]
        if item.quantity > 1:
            items[index] = replace(item, quantity=item.quantity - 1)
        else:
            del items[index]
        self.replacements = tuple(items)
        self._changed()

    def draft(self) -> Draft:
        """The draft as the screen shows it (lines at zero are left out)."""
        returns = tuple(
            ReturnRequest(str(s.line.line_id), s.quantity, s.disposition, s.reason)
            for s in self.lines
            if s.quantity > 0
        )
        request = self.request
        return Draft(
            self.kind,
            returns,
            self.replacements if self.kind is DocumentKind.EXCHANGE else (),
            with_refund=self.with_refund or self.kind is not DocumentKind.CANCELLATION,
            note=self.note,
            return_request_id=request.return_request_id if request else None,
            approved_at=request.approved_at if request else None,
        )

    def _set_line(self, index: int, state: LineState) -> None:
        lines = list(self.lines)
        lines[index] = state
        self.lines = tuple(lines)
        self._changed()

    def _changed(self) -> None:
        self.quote, self.quote_text = None, self.tr("Calculating…")
        self.draft_changed.emit()
        self.quote_changed.emit()
        self._debounce.start()  # restarts: a burst of taps makes one quote

    def _on_debounce_timeout(self) -> None:
        if self.detail is None:
            return
        draft, returns, order_id = self.draft(), self._returns, self.detail.order_id
        self._runner.submit(
            lambda: returns.quote(order_id, draft),
            key=QUOTE_KEY,
            on_success=partial(self._on_quoted, draft),
            on_error=partial(self._on_quote_failed, draft),
        )

    def _on_quoted(self, draft: Draft, quote: Quote) -> None:
        if draft != self.draft():
            return  # the draft moved on; its own quote is on the way
        self.quote, self.quote_text = quote, ""
        self.quote_changed.emit()

    def _on_quote_failed(self, draft: Draft, error: BaseException) -> None:
        if draft != self.draft():
            return
        self.quote, self.quote_text = None, error_text(error, self._locale)
        self.quote_changed.emit()

    def _on_item_found(self, item: NewItem) -> None:
        items = list(self.replacements)
        same = next((i for i, x in enumerate(items) if x.variant_id == item.variant_id), None)
        if same is None:
            items.append(item)
        else:
            items[same] = replace(items[same], quantity=items[same].quantity + 1)
        self.replacements = tuple(items)
        self._set_status("")
        self._changed()

    def _on_item_failed(self, error: BaseException) -> None:
        self._set_status(error_text(error, self._locale))

    def _set_status(self, text: str) -> None:
        self.status_text = text
        self.status_changed.emit()
