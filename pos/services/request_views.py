"""What the return-request service hands to screens: views, summaries, counts, refusals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from pos.db.return_requests import StoredRequest
from pos.db.returns import OrderContext
from pos.domain.money import Money, total_of
from pos.domain.return_requests import RequestState, authorisation_payload, effective_state
from pos.domain.valuation import return_credit
from pos.services.errors import ServiceError

EXPIRED_SHOWN = timedelta(days=30)  # an expired approval leaves the managers' list after this

REFUSALS = {RequestState.EXPIRED: "authorisation_expired",
             RequestState.USED: "authorisation_used",
             RequestState.REJECTED: "authorisation_rejected",
             RequestState.REQUESTED: "authorisation_pending"}  # fmt: skip


class ReturnRequestError(ServiceError):
    """A refusal about a return request: `code` names it, `params` carry the details."""

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code
        super().__init__(**params)


@dataclass(frozen=True, slots=True)
class RequestedLine:
    """A line the customer asks to return: the order line's id, how many, why."""

    order_line_id: int
    quantity: int
    reason: str = ""


@dataclass(frozen=True, slots=True)
class RequestLineView:
    """A requested line as a person reads it; `amount` estimates its credit today."""

    order_line_id: int
    name: str
    options: str
    sku: str
    quantity: int
    reason: str
    amount: Money


@dataclass(frozen=True, slots=True)
class PhotoView:
    photo_id: int
    content_type: str  # image/jpeg or image/png
    size: int  # bytes


@dataclass(frozen=True, slots=True)
class RequestView:
    """One request in full.

    Attributes:
        state: As stored (never `expired`); `effective` is what a person is shown.
        qr_payload: The QR of an approved request's number ("" before approval).
        amount: The estimated credit of all its lines (what they would refund today).
    """

    request_id: int
    order_id: int
    order_number: str
    customer_id: int | None
    customer_name: str
    customer_email: str | None
    language: str
    reason: str
    note: str
    state: RequestState
    effective: RequestState
    recorded_by: str
    recorded_at: datetime
    decided_by: str
    decided_at: datetime | None
    decision_reason: str
    authorisation_number: str | None
    qr_payload: str
    expires_at: datetime | None
    document_id: str | None
    lines: tuple[RequestLineView, ...]
    photos: tuple[PhotoView, ...]
    amount: Money


@dataclass(frozen=True, slots=True)
class RequestSummary:
    """A row of the managers' lists."""

    request_id: int
    state: RequestState  # effective: requested, approved, expired, rejected, used
    authorisation_number: str | None
    order_id: int
    order_number: str
    customer_name: str
    lines_count: int  # units asked for, all lines together
    amount: Money
    recorded_at: datetime
    decided_at: datetime | None
    expires_at: datetime | None


@dataclass(frozen=True, slots=True)
class RequestLists:
    to_decide: tuple[RequestSummary, ...]
    approved: tuple[RequestSummary, ...]  # approved, awaiting the customer
    expired: tuple[RequestSummary, ...]


@dataclass(frozen=True, slots=True)
class RequestCounts:
    to_decide: int
    approved: int
    expired: int

    @property
    def total(self) -> int:
        return self.to_decide + self.approved + self.expired


def request_view(stored: StoredRequest, context: OrderContext | None, now: datetime
                 ) -> RequestView:
    """`stored` for a person, its lines named and valued from the order as it is now."""
    currency = context.snapshot.currency if context else "EUR"
    lines = tuple(_line_view(line.order_line_id, line.quantity, line.reason, context,
                             currency) for line in stored.lines)
    number = stored.authorisation_number
    return RequestView(
        stored.request_id, stored.order_id, stored.order_number, stored.customer_id,
        stored.customer_name, stored.customer_email, stored.language, stored.reason,
        stored.note, RequestState(stored.state),
        effective_state(stored.state, stored.expires_at, now), stored.recorded_by,
        stored.recorded_at, stored.decided_by, stored.decided_at, stored.decision_reason,
        number, authorisation_payload(number) if number else "", stored.expires_at,
        stored.document_id, lines,
        tuple(PhotoView(p.photo_id, p.content_type, p.size) for p in stored.photos),
        total_of((line.amount for line in lines), currency))


def _line_view(line_id: int, quantity: int, reason: str,
               context: OrderContext | None, currency: str) -> RequestLineView:
    sold = context.snapshot.line(str(line_id)) if context else None
    if sold is None:
        return RequestLineView(line_id, "", "", "", quantity, reason, Money(0, currency))
    # What the units refund from where the line's returns stand (before or after this
    # request was used: then its own units are among those already returned).
    units = min(quantity, sold.value.quantity)
    start = max(0, min(sold.already_returned, sold.value.quantity - units))
    amount = return_credit(sold.value, start, units).amount if units > 0 else Money(0, currency)
    return RequestLineView(line_id, sold.name, "", sold.sku, quantity, reason, amount)


def summary(view: RequestView) -> RequestSummary:
    return RequestSummary(view.request_id, view.effective, view.authorisation_number,
                          view.order_id, view.order_number, view.customer_name,
                          sum(line.quantity for line in view.lines), view.amount,
                          view.recorded_at, view.decided_at, view.expires_at)


def usable(view: RequestView) -> None:
    """Refuse unless the request is approved and not expired.

    Raises:
        ReturnRequestError: ``authorisation_expired``, ``authorisation_used``,
            ``authorisation_rejected`` or ``authorisation_pending``, with ``number``.
    """
    if view.effective is not RequestState.APPROVED:
        raise ReturnRequestError(REFUSALS[view.effective], request_id=view.request_id,
                                 number=view.authorisation_number or "",
                                 expires_at=view.expires_at.isoformat() if view.expires_at
                                 else "")
