"""State and intents of the search screen: what was typed, what was found, what to open."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from pos.domain.search_text import QueryKind, parse_query
from pos.services.history import OrderSummary, SalesHistoryService, SearchPage
from pos.ui.workers import TaskRunner

SEARCH_KEY = "search"  # one generation chain: a newer search (or page) supersedes older ones
DEBOUNCE_MS = 150  # long enough to skip a search per keystroke, short enough to feel instant
PAGE_SIZE = 50
# What the status line says, worded when read (so in the language of the moment).
EMPTY_QUERY, NOTHING_FOUND = "empty_query", "nothing_found"  # the service's message codes
SEARCHING, FAILED = "searching", "failed"
MESSAGE = "message"  # a sentence another place worded (a refused return authorisation)
NO_ORDER = "no_order"  # the number is a counter document without an order (no receipt)

# Whether a document number is a counter document that has no order; run on the worker.
DocumentFinder = Callable[[str], bool]

QUERY_SHOWN = 40  # characters of the query said back: a scanner burst never widens the window

log = logging.getLogger(__name__)


def shortened(text: str) -> str:
    """`text` as said back to the cashier: at most `QUERY_SHOWN` characters."""
    return text if len(text) <= QUERY_SHOWN else text[: QUERY_SHOWN - 1] + "…"


class SearchViewModel(QObject):
    """Searches the sales history as the cashier types, off the GUI thread.

    Typing (`set_query`) searches after a short pause; Enter or a scan (`submit`) searches at
    once and asks for the order straight away when exactly one order matches the number
    exactly. Results are replaced, never mixed: a search's answer is dropped when a newer
    search was started meanwhile (`TaskRunner` generations).

    Signals:
        results_changed(): re-read `results` and `can_load_more`.
        status_changed(): re-read `status_text` and `busy`.
        order_requested(int): open this order (its id).
    """

    results_changed = Signal()
    status_changed = Signal()
    order_requested = Signal(int)

    def __init__(
        self, *, history: SalesHistoryService, runner: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._history, self._runner = history, runner
        self._query = ""
        self._results: tuple[OrderSummary, ...] = ()
        self._next_cursor: int | None = None
        self._busy = False
        self._status = (EMPTY_QUERY, "")  # (what to say, the query it is about)
        self._code_handler: Callable[[str], bool] | None = None
        self._document_finder: DocumentFinder | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._on_debounce_timeout)

    @property
    def query(self) -> str:
        return self._query

    @property
    def results(self) -> tuple[OrderSummary, ...]:
        return self._results

    @property
    def can_load_more(self) -> bool:
        return self._next_cursor is not None

    @property
    def status_text(self) -> str:
        """A sentence for the cashier when there is no list to show; "" otherwise.

        Worded each time it is read: after a language switch it reads in the new language.
        """
        code, query = self._status
        if code == EMPTY_QUERY:
            return self.tr(
                "Type the customer's name, e-mail or phone number, or the order number.\n"
                "You can also scan the QR code on the receipt."
            )
        if code == NOTHING_FOUND:
            return self.tr(
                "No sale found for “{query}”.\n"
                "Check the spelling, or try the phone number or the order number."
            ).format(query=shortened(query.strip()))
        if code == SEARCHING:
            return self.tr("Searching…")
        if code == MESSAGE:
            return query
        if code == NO_ORDER:  # `query` is the document's number
            return self.tr(
                "{number} is a return without a receipt: it has no order to open.\n"
                "Its receipt is in Receipts, where it can be printed again."
            ).format(number=query)
        if code == FAILED:
            return self.tr(
                "The sales history cannot be read right now. Try again in a moment; "
                "if it keeps failing, call a manager."
            )
        return ""

    @property
    def busy(self) -> bool:
        return self._busy

    def set_query(self, text: str) -> None:
        """The search box changed: search once the cashier pauses."""
        self._query = text
        self._debounce.start()  # restarts: only the last keystroke of a burst searches

    def submit(self, text: str) -> None:
        """Enter was pressed or a receipt scanned: search now, open an exact match.

        A code the code handler takes (a return authorisation) is its, not a search.
        """
        self._query = text
        self._debounce.stop()
        if self._code_handler is not None and self._code_handler(text):
            return
        self._search(open_exact=True)

    def set_code_handler(self, handler: Callable[[str], bool] | None) -> None:
        """Who may take a typed or scanned text first (True: it did, no search follows)."""
        self._code_handler = handler

    def set_document_finder(self, finder: DocumentFinder | None) -> None:
        """Who tells, when a number finds no sale, whether it is a counter document that has
        no order (a return without a receipt): then the status line says so."""
        self._document_finder = finder

    def show_message(self, text: str) -> None:
        """Say `text` (already worded) where the results go; "" goes back to the hint."""
        self._results, self._next_cursor = (), None
        self._status = (MESSAGE, text) if text else (EMPTY_QUERY, "")
        self.results_changed.emit()
        self.status_changed.emit()

    def clear(self) -> None:
        """Forget the query and its results (the cashier logged out): the next one starts clean."""
        self._debounce.stop()
        self._runner.forget(SEARCH_KEY)  # a search still running must not refill the list
        self._query, self._results, self._next_cursor, self._busy = "", (), None, False
        self._status = (EMPTY_QUERY, "")
        self.results_changed.emit()
        self.status_changed.emit()

    def load_more(self) -> None:
        """Append the next (older) page of the current results."""
        if self._next_cursor is None:
            return
        query, before, history = self._query, self._next_cursor, self._history
        self._set_busy(True)
        self._runner.submit(
            lambda: history.search(query, limit=PAGE_SIZE, before=before),
            key=SEARCH_KEY,
            on_success=self._on_more_found,
            on_error=self._on_search_failed,
        )

    def choose(self, row: int) -> None:
        """The cashier tapped the result at `row`."""
        if 0 <= row < len(self._results):
            self.order_requested.emit(self._results[row].order_id)

    def _on_debounce_timeout(self) -> None:
        self._search(open_exact=False)

    def _search(self, *, open_exact: bool) -> None:
        query, history, finder = self._query, self._history, self._document_finder

        def search() -> tuple[SearchPage, str]:
            page = history.search(query, limit=PAGE_SIZE)
            return page, "" if page.results else _orderless_document(query, finder)

        self._set_busy(True)
        self._runner.submit(
            search,
            key=SEARCH_KEY,
            on_success=partial(self._on_found, query, open_exact),
            on_error=self._on_search_failed,
        )

    def _on_found(self, query: str, open_exact: bool, found: tuple[SearchPage, str]) -> None:
        page, orderless = found
        self._results, self._next_cursor = page.results, page.next_cursor
        self._busy = False
        self._status = ((NO_ORDER, orderless) if orderless
                        else (page.message or "", query))  # an unknown code says nothing
        self.results_changed.emit()
        self.status_changed.emit()
        exact = [summary for summary in page.results if summary.exact]
        if open_exact and len(exact) == 1:
            self.order_requested.emit(exact[0].order_id)

    def _on_more_found(self, page: SearchPage) -> None:
        seen = {summary.order_id for summary in self._results}
        self._results += tuple(s for s in page.results if s.order_id not in seen)
        self._next_cursor = page.next_cursor
        self.results_changed.emit()
        self._set_busy(False)

    def _on_search_failed(self, error: BaseException) -> None:
        # The service never raises on what was typed, so this is the database (locked,
        # server down): the cashier can retry; the log keeps the details for support.
        log.error("sales history search failed", exc_info=error)
        self._results, self._next_cursor = (), None
        self._busy = False
        self._status = (FAILED, "")
        self.results_changed.emit()
        self.status_changed.emit()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        if busy and not self._results:
            self._status = (SEARCHING, "")
        self.status_changed.emit()


def _orderless_document(query: str, finder: DocumentFinder | None) -> str:
    """The document number `query` names (typed, or a receipt's QR) when `finder` says it is
    a counter document without an order; "" otherwise. On the worker."""
    parsed = parse_query(query)
    names_a_document = parsed.kind is QueryKind.NUMBER or (
        parsed.kind is QueryKind.RECEIPT and parsed.receipt_target == "D")
    if finder is None or not names_a_document or not finder(parsed.number):
        return ""
    return parsed.number
