"""Finding a sale and reading it: the sales-history use cases behind the search screen."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from pos.db import orders as order_repo
from pos.db import returns as returns_repo
from pos.db.engine import SessionFactory
from pos.db.records import CounterDocumentRecord, OrderLineRecord, OrderRecord
from pos.db.search import MAX_KEY, OrderHit, search_orders
from pos.domain.clock import Clock
from pos.domain.money import Money
from pos.domain.policy import Policy
from pos.domain.returns import days_since_purchase
from pos.domain.search_text import QueryKind, parse_query
from pos.domain.valuation import LineValue, return_credit
from pos.services.policy import load_policy

DEFAULT_RETURN_WINDOW_DAYS = 30


@dataclass(frozen=True, slots=True)
class OrderSummary:
    """A row of the results list."""

    order_id: int
    number: str
    placed_at: datetime
    customer_name: str
    email: str | None
    phone: str | None
    total: Money
    channel: str
    status: str
    exact: bool
    cursor: int  # opaque keyset position; pass the last one back as `before`
    card: str = ""  # found by the card that paid it: its last four digits ("4242")


@dataclass(frozen=True, slots=True)
class SearchPage:
    """Results, newest first. `message` is a code for the UI when the query cannot match."""

    query_kind: QueryKind
    results: tuple[OrderSummary, ...]
    next_cursor: int | None  # None: no further page
    message: str | None = None  # "empty_query", "nothing_found"


@dataclass(frozen=True, slots=True)
class OrderLineView:
    line_id: int
    product_name: str
    options_text: str
    sku: str | None
    sold: int
    returned: int
    returnable: int
    unit_price: Money
    paid: Money  # whole line, tax included
    tax: Money  # the tax part of `paid` (rule 1: rounded once on the line)
    discount: Money  # the line's own discount plus its share of the order's
    tax_rate: Decimal  # percent, as the order stated it (20)
    next_unit_credit: Money | None  # credit for returning one more unit; None when none left
    final_sale: bool = False  # the policy takes it back only with a manager's approval
    exchange_only: bool = False  # exchanged, never refunded, without a manager
    store_credit_only: bool = False  # money back only as a gift card or store credit


@dataclass(frozen=True, slots=True)
class PaymentView:
    method: str
    reference: str
    amount: Money
    refunded: Money
    refundable: Money
    created_at: datetime
    payment_id: str = ""  # pass it back in Tender(ORIGINAL_PAYMENT, payment_id=...)
    wix_payment_id: str | None = None  # Wix's id of the payment; None for one made here
    card_last4: str | None = None  # a card's last four digits ("4242"), when known
    card_brand: str | None = None  # its brand, folded ("visa"); search_text.card_brand_label


@dataclass(frozen=True, slots=True)
class DocumentView:
    number: str
    kind: str
    created_at: datetime
    balance: Money


@dataclass(frozen=True, slots=True)
class OrderDetail:
    order_id: int
    number: str
    channel: str
    placed_at: datetime
    status: str
    payment_status: str
    fulfillment_status: str
    customer_name: str
    email: str | None
    phone: str | None
    currency: str
    tax_included: bool
    total: Money
    shipping: Money  # what was paid for shipping, tax included
    shipping_tax: Money  # its tax part
    shipping_refunded: bool  # shipping already refunded (on Wix or at the counter)
    lines: tuple[OrderLineView, ...]
    payments: tuple[PaymentView, ...]
    documents: tuple[DocumentView, ...]
    refunded_total: Money
    days_since_purchase: int
    return_window_days: int
    customer_id: int | None = None  # the customer view's key; None: no customer recorded

    @property
    def within_return_window(self) -> bool:
        return self.days_since_purchase <= self.return_window_days


class OrderNotFoundError(LookupError):
    code = "order_not_found"


class SalesHistoryService:
    """Search the sales history and read one order. Read-only; safe on any worker thread."""

    def __init__(self, *, sessions: SessionFactory, clock: Clock) -> None:
        self._sessions, self._clock = sessions, clock

    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        before: int | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> SearchPage:
        """Orders matching what the cashier typed or scanned, newest first.

        Never raises on hostile input: garbage gives an empty page with a message code.
        """
        parsed = parse_query(query)
        if parsed.kind is QueryKind.EMPTY:
            return SearchPage(parsed.kind, (), None, "empty_query")
        with self._sessions() as session:
            hits = search_orders(
                session, parsed, limit=limit + 1, before=before, since=since, until=until
            )
        more = len(hits) > limit
        hits = hits[:limit]
        paged = [hit for hit in hits if not hit.exact]
        # A first page of exact matches only continues from the top: later pages never
        # repeat exact matches (search_orders leaves them out once `before` is set).
        next_cursor = (paged[-1].search_key if paged else MAX_KEY) if more else None
        results = tuple(_summary(hit) for hit in hits)
        return SearchPage(parsed.kind, results, next_cursor, None if results else "nothing_found")

    def order_detail(self, order_id: int) -> OrderDetail:
        """Everything the order screen shows.

        Raises:
            OrderNotFoundError: no order has this id.
        """
        with self._sessions() as session:
            order = order_repo.load_order(session, order_id)
            if order is None:
                raise OrderNotFoundError(order_id)
            counter = order_repo.counter_returns_by_line(session, order_id)
            documents = order_repo.documents_of(session, order_id)
            context = returns_repo.load_context(session, order_id)
            if context is None:  # the order was just read in this session: never, in fact
                raise OrderNotFoundError(order_id)
            policy = load_policy(session)
            now = self._clock.now()
            detail = _detail(order, counter, documents, now)
        return _with_policy(detail, context, policy, now)


def _summary(hit: OrderHit) -> OrderSummary:
    name = " ".join(part for part in (hit.first_name, hit.last_name) if part)
    return OrderSummary(
        hit.order_id,
        hit.number,
        hit.placed_at,
        name,
        hit.email,
        hit.phone,
        Money(hit.total_minor, hit.currency),
        hit.channel,
        hit.status,
        hit.exact,
        hit.search_key,
        hit.card,
    )


def _line_view(line: OrderLineRecord, currency: str, counter_returned: int) -> OrderLineView:
    returned = min(line.quantity, line.refunded_quantity + counter_returned)
    value = LineValue(
        line.quantity,
        Money(line.unit_price_minor * line.quantity, currency),
        Money(line.discount_minor, currency),
        Money(line.paid_minor, currency),
        Money(line.tax_minor, currency),
    )
    returnable = line.quantity - returned
    credit = return_credit(value, returned, 1).amount if returnable else None
    return OrderLineView(
        line.id,
        line.product_name,
        line.options_text,
        line.sku,
        line.quantity,
        returned,
        returnable,
        Money(line.unit_price_minor, currency),
        value.paid,
        value.tax,
        value.discount,
        Decimal(line.tax_rate),
        credit,
    )


def _with_policy(detail: OrderDetail, context: returns_repo.OrderContext, policy: Policy,
                 now: datetime) -> OrderDetail:
    """Refundable amounts net of counter refunds, final-sale flags, the shop's window."""
    sold = {line.line_id: line for line in context.snapshot.lines}
    lines = tuple(replace(
        view, final_sale=sold[str(view.line_id)].is_final_sale(policy),
        exchange_only=policy.is_exchange_only(
            *sold[str(view.line_id)].all_categories,
            product_id=sold[str(view.line_id)].product_id),
        store_credit_only=policy.is_store_credit_only(*sold[str(view.line_id)].all_categories))
        for view in detail.lines)
    payments = tuple(replace(view, refunded=snap.already_refunded, refundable=snap.refundable,
                             payment_id=snap.payment_id)
                     for view, snap in zip(detail.payments, context.snapshot.payments,
                                           strict=True))
    return replace(detail, lines=lines, payments=payments,
                   shipping_refunded=context.snapshot.shipping_already_refunded,
                   return_window_days=policy.return_window_days,
                   days_since_purchase=days_since_purchase(detail.placed_at, now))


def _detail(order: OrderRecord, counter: dict[int, int], documents: list[CounterDocumentRecord],
            now: datetime) -> OrderDetail:
    currency = order.currency
    customer = order.customer
    name = " ".join(p for p in (customer.first_name, customer.last_name) if p) if customer else ""
    lines = tuple(_line_view(line, currency, counter.get(line.id, 0)) for line in order.lines)
    payments = tuple(
        PaymentView(
            p.method,
            p.reference,
            Money(p.amount_minor, currency),
            Money(p.refunded_minor, currency),
            Money(max(p.amount_minor - p.refunded_minor, 0), currency),
            p.created_at,
            wix_payment_id=p.wix_payment_id,
            card_last4=p.card_last4,
            card_brand=p.card_brand,
        )
        for p in order.payments
    )
    docs = tuple(
        DocumentView(d.number, d.kind, d.created_at, Money(d.balance_minor, currency))
        for d in documents
    )
    refunded = sum(p.refunded_minor for p in order.payments)
    return OrderDetail(
        order.id,
        order.number,
        order.channel,
        order.placed_at,
        order.status,
        order.payment_status,
        order.fulfillment_status,
        name,
        (customer.email if customer else None) or order.buyer_email,
        customer.phone if customer else None,
        currency,
        order.tax_included,
        Money(order.total_minor, currency),
        Money(order.shipping_minor, currency),
        Money(order.shipping_tax_minor, currency),
        False,  # set by _with_policy from the counter documents and Wix's refunds
        lines,
        payments,
        docs,
        Money(refunded, currency),
        max((now - order.placed_at).days, 0),
        DEFAULT_RETURN_WINDOW_DAYS,
        order.customer_id,
    )
