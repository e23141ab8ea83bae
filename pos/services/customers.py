"""One customer at the counter: their orders, counter documents, return rate, requests, cards.

Read-only, one session per call (`view`, `find`, `cards`). The figures are defined in
docs/api.md ("The customer view"): the return rate is units returned ÷ units bought over all
the customer's orders, a unit counted once whether it came back at the counter or was
refunded on Wix (the order screen's "returned" column, summed).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from pos.db import customers as repo
from pos.db.audit import DbSession
from pos.db.engine import SessionFactory
from pos.domain.clock import Clock
from pos.domain.money import Money
from pos.domain.return_requests import RequestState
from pos.domain.search_text import QueryKind, parse_query
from pos.services.errors import ServiceError
from pos.services.gift_cards import card_validity
from pos.services.return_requests import ReturnRequestService

ORDERS_PAGE = 50  # orders per page of the view; the figures cover every order
MAX_DOCUMENTS = 200  # counter documents listed (newest first)
MAX_FOUND = 20  # customers `find` returns


class CustomerError(ServiceError):
    """A refusal: ``customer_not_found``."""

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code
        super().__init__(**params)


@dataclass(frozen=True, slots=True)
class CustomerSummary:
    """A customer in a list: who, and how to reach them."""

    customer_id: int
    name: str
    email: str | None
    phone: str | None


@dataclass(frozen=True, slots=True)
class CustomerOrder:
    order_id: int
    number: str
    placed_at: datetime
    channel: str
    status: str
    total: Money


@dataclass(frozen=True, slots=True)
class CustomerDocument:
    """A counter document about the customer (on one of their orders, or naming them)."""

    document_id: str
    number: str
    kind: str  # exchange, refund, cancellation, no_receipt
    status: str
    created_at: datetime
    balance: Money
    units_returned: int
    order_id: int | None
    order_number: str | None


@dataclass(frozen=True, slots=True)
class CustomerCard:
    """A gift card or store credit issued to the customer; `balance` is its ledger's sum.

    Attributes:
        valid_until: The last day the shop takes it (Settings' validity, from its issue day
            in the shop's time zone); None when cards have no end date.
        usable: Something left on it and still valid on the clock's day.
    """

    code: str
    kind: str  # gift_card or store_credit
    balance: Money
    issued_at: datetime
    valid_until: date | None
    usable: bool


@dataclass(frozen=True, slots=True)
class OpenRequest:
    """A return request still open: waiting for a decision, or approved and not yet used.

    Attributes:
        reference: The authorisation number once approved ("" before).
        state: ``requested`` or ``approved``.
    """

    request_id: int
    reference: str
    state: str
    order_number: str
    units: int
    amount: Money
    recorded_at: datetime
    expires_at: datetime | None


@dataclass(frozen=True, slots=True)
class CustomerView:
    """Everything the customer screen shows.

    Attributes:
        orders: One page, newest first; `next_cursor` asks for the next (None: no more).
        order_count, spent, units_bought, units_returned: Over every order, not the page.
        return_rate: `units_returned / units_bought`, None when nothing was bought.
        balances: Per currency, the sum of the usable cards' balances.
    """

    customer: CustomerSummary
    language: str
    orders: tuple[CustomerOrder, ...]
    next_cursor: int | None
    order_count: int
    spent: tuple[Money, ...]
    units_bought: int
    units_returned: int
    return_rate: Decimal | None
    documents: tuple[CustomerDocument, ...]
    requests: tuple[OpenRequest, ...]
    cards: tuple[CustomerCard, ...]
    balances: tuple[Money, ...]


OpenRequests = Callable[[int], Sequence[OpenRequest]]
OPEN_STATES = (RequestState.REQUESTED, RequestState.APPROVED)


def open_requests(requests: ReturnRequestService) -> OpenRequests:
    """The customer's open requests, read through `ReturnRequestService.for_customer`."""

    def read(customer_id: int) -> tuple[OpenRequest, ...]:
        return tuple(
            OpenRequest(r.request_id, r.authorisation_number or "", r.state.value,
                        r.order_number, r.lines_count, r.amount, r.recorded_at, r.expires_at)
            for r in requests.for_customer(customer_id) if r.state in OPEN_STATES)

    return read


class CustomerService:
    """Read a customer's history and cards; find customers by what the cashier types.

    Args:
        requests: The customer's open return requests (`ReturnRequestService.for_customer`,
            adapted by the wiring); None shows none.
        time_zone: The shop's, in which a card's issue day (hence its validity) is read.
    """

    def __init__(self, *, sessions: SessionFactory, clock: Clock,
                 time_zone: str = "Europe/Paris", requests: OpenRequests | None = None,
                 shop_name: str = "Comptoir") -> None:  # fmt: skip
        self._sessions, self._clock, self._zone = sessions, clock, ZoneInfo(time_zone)
        self._requests, self._shop_name = requests, shop_name

    def find(self, text: str, *, limit: int = MAX_FOUND) -> tuple[CustomerSummary, ...]:
        """Customers whose name, e-mail or phone words start with the words typed (accents
        and case ignored), the latest buyer first. Never raises on odd input: no match."""
        parsed = parse_query(text)
        if parsed.kind in (QueryKind.EMPTY, QueryKind.RECEIPT):
            return ()
        with self._sessions() as s:
            rows = repo.find_customers(s, parsed, limit=limit)
        return tuple(_summary(row) for row in rows)

    def summary(self, customer_id: int) -> CustomerSummary:
        """Who the customer is. Raises CustomerError ``customer_not_found``."""
        with self._sessions() as s:
            row = repo.customer(s, customer_id)
        if row is None:
            raise CustomerError("customer_not_found", customer_id=customer_id)
        return _summary(row)

    def cards(self, customer_id: int) -> tuple[CustomerCard, ...]:
        """The customer's cards, usable ones first (then newest first)."""
        with self._sessions() as s:
            cards = self._cards(s, customer_id)
        return tuple(sorted(cards, key=lambda card: not card.usable))

    def view(self, customer_id: int, *, before: int | None = None,
             limit: int = ORDERS_PAGE) -> CustomerView:  # fmt: skip
        """The customer view: a page of orders (below the cursor `before`) and every figure.

        Raises:
            CustomerError: ``customer_not_found``.
        """
        with self._sessions() as s:
            row = repo.customer(s, customer_id)
            if row is None:
                raise CustomerError("customer_not_found", customer_id=customer_id)
            page = repo.orders_page(s, customer_id, limit=limit + 1, before=before)
            totals = repo.totals(s, customer_id)
            documents = [*repo.documents_of_orders(s, customer_id, limit=MAX_DOCUMENTS),
                         *repo.documents_linked_directly(s, customer_id, limit=MAX_DOCUMENTS)]
            cards = self._cards(s, customer_id)
        requests = tuple(self._requests(customer_id)) if self._requests else ()
        more = len(page) > limit
        page = page[:limit]
        return CustomerView(
            _summary(row), row.language,
            tuple(CustomerOrder(o.id, o.number, o.placed_at, o.channel, o.status,
                                Money(o.total_minor, o.currency)) for o in page),
            page[-1].search_key if more else None,
            totals.orders, tuple(Money(m, c) for c, m in sorted(totals.spent.items())),
            totals.units_bought, totals.units_returned,
            _rate(totals.units_returned, totals.units_bought),
            tuple(sorted((_document(d) for d in documents),
                         key=lambda d: (d.created_at, d.number), reverse=True)),
            requests, cards, _balances(cards))

    def _cards(self, s: DbSession, customer_id: int) -> tuple[CustomerCard, ...]:
        now, cards = self._clock.now(), []
        for row in repo.cards_of(s, customer_id):  # valid as the counter takes it (gift_cards)
            until, expired = card_validity(s, row.created_at, now, self._zone)
            usable = row.balance_minor > 0 and not expired
            cards.append(CustomerCard(row.code, row.kind, Money(row.balance_minor, row.currency),
                                      row.created_at, until, usable))
        return tuple(cards)


def _summary(row: repo.CustomerRow) -> CustomerSummary:
    name = " ".join(part for part in (row.first_name, row.last_name) if part)
    return CustomerSummary(row.customer_id, name, row.email, row.phone)


def _document(d: Any) -> CustomerDocument:  # a row of repo.documents_of_orders, by name
    return CustomerDocument(d.id, d.number, d.kind, d.status, d.created_at,
                            Money(d.balance_minor, d.currency), int(d.units), d.order_id,
                            d.order_number)


def _rate(returned: int, bought: int) -> Decimal | None:
    return None if bought <= 0 else Decimal(returned) / Decimal(bought)


def _balances(cards: Sequence[CustomerCard]) -> tuple[Money, ...]:
    sums: dict[str, int] = {}
    for card in cards:
        if card.usable:
            sums[card.balance.currency] = sums.get(card.balance.currency, 0) + card.balance.minor
    return tuple(Money(minor, currency) for currency, minor in sorted(sums.items()))
