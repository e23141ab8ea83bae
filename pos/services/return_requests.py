"""Return requests: record, approve or reject, list, and find by authorisation number.

One public method = one action = one transaction; every method acting for a person re-reads
them in it (`confirm_operator`) and is audited. Deciding queues the customer's e-mail in the
same transaction (outbox, sent by the sync thread), so it works offline. The counter commit's
checks live in `pos.services.request_commit`; the views in `pos.services.request_views`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from pos.db import return_requests as repo
from pos.db.audit import DbSession, ensure_write_transaction
from pos.db.engine import SessionFactory
from pos.db.outbox import enqueue
from pos.db.returns import OrderContext, load_context
from pos.domain.clock import Clock
from pos.domain.mail import MAIL_DESTINATION, MailKind, MailLine
from pos.domain.receipt import ShopInfo
from pos.domain.request_mail import (
    REQUEST_MAIL_KIND,
    RequestMail,
    request_mail_object_key,
    request_mail_payload,
)
from pos.domain.return_requests import (
    MAX_PHOTOS,
    RequestRefusedError,
    RequestState,
    authorisation_number,
    check_request_state,
    new_authorisation_number,
    parse_authorisation,
    photo_content_type,
)
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.roles import Operator, Permission
from pos.domain.states import is_canceled
from pos.services.access import confirm_operator, require
from pos.services.audit import audit_action
from pos.services.policy import load_policy
from pos.services.request_views import (
    EXPIRED_SHOWN,
    RequestCounts,
    RequestedLine,
    RequestLists,
    RequestSummary,
    RequestView,
    ReturnRequestError,
    request_view,
    summary,
    usable,
)
from pos.services.shop import load_shop_info

__all__ = ["RequestCounts", "RequestLists", "RequestSummary", "RequestView", "RequestedLine",
           "ReturnRequestError", "ReturnRequestService"]

DECIDE = Permission.APPROVE  # a manager records and decides (docs/return-requests.md)


class ReturnRequestService:
    """Return requests from record to decision; what the counter and the lists read."""

    def __init__(self, *, sessions: SessionFactory, clock: Clock,
                 shop_name: str = "Comptoir") -> None:
        self._sessions, self._clock, self._shop_name = sessions, clock, shop_name

    # ------------------------------------------------------------------ actions

    def record(self, operator: Operator, order_id: int, lines: Sequence[RequestedLine], *,
               reason: str, note: str = "", photos: Sequence[bytes] = ()) -> RequestView:
        """Record a customer's request to return `lines` of an order (a manager's action).

        Args:
            photos: What the customer sent: JPEG or PNG (by their bytes), at most MAX_PHOTOS.

        Raises:
            PermissionDeniedError, OperatorRefusedError: not (or no longer) a manager.
            ReturnRequestError: ``order_not_found``, ``order_cancelled``, ``request_empty``,
                ``unknown_line``, ``quantity_not_positive``, ``over_return`` (params
                ``line_id``, ``name``, ``returnable``, ``requested``, ``held``: units
                other open requests already hold), ``too_many_photos``,
                ``photo_type``, ``photo_too_large``, ``photo_empty``; nothing is written.
        """
        require(operator, DECIDE)
        now = self._clock.now()
        with self._sessions.begin() as s:
            ensure_write_transaction(s)
            operator = confirm_operator(s, operator, DECIDE)
            context = _order(s, order_id)
            stored = _checked_lines(context, lines, repo.open_units(s, order_id, now=now))
            kept = _checked_photos(photos)
            request_id = repo.add_request(
                s, order_id=order_id, customer_email=context.customer_email,
                language=context.customer_language, reason=reason.strip(), note=note.strip(),
                recorded_by_id=operator.user_id, recorded_at=now, lines=stored, photos=kept)
            audit_action(s, operator=operator, action="return_request_recorded",
                         subject=f"request:{request_id}", now=now,
                         data={"order": context.number, "photos": len(kept),
                               "lines": {str(x.order_line_id): x.quantity for x in stored}})
            return self._view(s, request_id, now)

    def approve(self, operator: Operator, request_id: int) -> RequestView:
        """Approve: an authorisation number valid `Policy.approval_valid_days`; e-mail queued.

        Raises:
            PermissionDeniedError, OperatorRefusedError; ReturnRequestError
            ``request_not_found``, ``request_state`` (already decided).
        """
        require(operator, DECIDE)
        now = self._clock.now()
        with self._sessions.begin() as s:
            ensure_write_transaction(s)
            operator = confirm_operator(s, operator, DECIDE)
            stored = self._decidable(s, request_id, RequestState.APPROVED)
            number = _fresh_number(s)
            expires = now + timedelta(days=load_policy(s).approval_valid_days)
            repo.update_request(s, request_id, state=RequestState.APPROVED.value,
                                decided_by_id=operator.user_id, decided_at=now,
                                authorisation_number=number, expires_at=expires)
            view = self._view(s, request_id, now)
            self._queue_mail(s, view, MailKind.RETURN_APPROVED, now)
            audit_action(s, operator=operator, action="return_request_approved",
                         subject=f"request:{request_id}", now=now,
                         data={"order": stored.order_number, "number": number,
                               "expires_at": expires.isoformat()})
            return view

    def reject(self, operator: Operator, request_id: int, reason: str) -> RequestView:
        """Reject with a reason the customer reads (e-mail queued).

        Raises:
            PermissionDeniedError, OperatorRefusedError; ReturnRequestError
            ``decision_reason_required``, ``request_not_found``, ``request_state``.
        """
        require(operator, DECIDE)
        if not reason.strip():
            raise ReturnRequestError("decision_reason_required")
        now = self._clock.now()
        with self._sessions.begin() as s:
            ensure_write_transaction(s)
            operator = confirm_operator(s, operator, DECIDE)
            stored = self._decidable(s, request_id, RequestState.REJECTED)
            repo.update_request(s, request_id, state=RequestState.REJECTED.value,
                                decided_by_id=operator.user_id, decided_at=now,
                                decision_reason=reason.strip())
            view = self._view(s, request_id, now)
            self._queue_mail(s, view, MailKind.RETURN_REJECTED, now)
            audit_action(s, operator=operator, action="return_request_rejected",
                         subject=f"request:{request_id}", now=now,
                         data={"order": stored.order_number, "reason": reason.strip()})
            return view

    # ------------------------------------------------------------------ reading

    def lists(self, operator: Operator) -> RequestLists:
        """The managers' lists: to decide, approved and awaiting the customer, expired
        (in the last EXPIRED_SHOWN days). Raises PermissionDeniedError for a cashier."""
        require(operator, DECIDE)
        now = self._clock.now()
        with self._sessions() as s:
            confirm_operator(s, operator, DECIDE)
            groups = repo.open_request_ids(s, now=now, expired_since=now - EXPIRED_SHOWN)
            return RequestLists(*(self._summaries(s, ids, now) for ids in groups))

    def counts(self) -> RequestCounts:
        """The three lists' sizes, for the top bar's badge (one indexed query)."""
        now = self._clock.now()
        with self._sessions() as s:
            return RequestCounts(*repo.open_request_counts(s, now=now,
                                                           expired_since=now - EXPIRED_SHOWN))

    def detail(self, request_id: int) -> RequestView:
        """One request, with its lines, photos (without their bytes) and decision."""
        with self._sessions() as s:
            return self._view(s, request_id, self._clock.now())

    def photo(self, request_id: int, photo_id: int) -> tuple[str, bytes]:
        """(content type, bytes) of one photo of the request."""
        with self._sessions() as s:
            found = repo.request_photo(s, request_id, photo_id)
        if found is None:
            raise ReturnRequestError("photo_not_found", photo_id=photo_id)
        return found

    def find_authorisation(self, text: str) -> RequestView:
        """The request a scanned QR or a typed number names, if it may be used now.

        Raises:
            ReturnRequestError: ``authorisation_unknown`` (not a valid number, or no request
                has it), ``authorisation_expired``, ``authorisation_used``,
                ``authorisation_rejected``, ``authorisation_pending``.
        """
        number = parse_authorisation(text) or authorisation_number(text)
        now = self._clock.now()
        with self._sessions() as s:
            request_id = repo.request_by_number(s, number) if number else None
            if request_id is None:
                raise ReturnRequestError("authorisation_unknown", text=str(text)[:40])
            view = self._view(s, request_id, now)
        usable(view)
        return view

    def draft_for(self, request_id: int) -> tuple[int, Draft]:
        """(order id, a refund draft of the approved lines with their reasons).

        The draft carries the request (checked again at commit); the cashier may turn it into
        an exchange or take fewer units back, never more.

        Raises:
            ReturnRequestError: as `find_authorisation`, or ``request_not_found``.
        """
        view = self.detail(request_id)
        usable(view)
        returns = tuple(ReturnRequest(str(line.order_line_id), line.quantity,
                                      reason=line.reason or view.reason)
                        for line in view.lines)
        return view.order_id, Draft(DocumentKind.REFUND, returns=returns,
                                    return_request_id=view.request_id,
                                    approved_at=view.decided_at)

    def for_customer(self, customer_id: int) -> tuple[RequestSummary, ...]:
        """Every request on the customer's orders, newest first, whatever its state."""
        now = self._clock.now()
        with self._sessions() as s:
            return self._summaries(s, repo.request_ids_for_customer(s, customer_id), now)

    # ------------------------------------------------------------------ inside a transaction

    def _view(self, s: DbSession, request_id: int, now: datetime) -> RequestView:
        stored = repo.load_request(s, request_id)
        if stored is None:
            raise ReturnRequestError("request_not_found", request_id=request_id)
        return request_view(stored, load_context(s, stored.order_id), now)

    def _summaries(self, s: DbSession, ids: Sequence[int], now: datetime
                   ) -> tuple[RequestSummary, ...]:
        contexts: dict[int, OrderContext | None] = {}
        found = []
        for stored in repo.load_requests(s, ids):
            if stored.order_id not in contexts:
                contexts[stored.order_id] = load_context(s, stored.order_id)
            found.append(summary(request_view(stored, contexts[stored.order_id], now)))
        return tuple(found)

    def _decidable(self, s: DbSession, request_id: int, new: RequestState
                   ) -> repo.StoredRequest:
        repo.lock_request(s, request_id)
        stored = repo.load_request(s, request_id)
        if stored is None:
            raise ReturnRequestError("request_not_found", request_id=request_id)
        try:
            check_request_state(stored.state, new)
        except RequestRefusedError as error:
            raise ReturnRequestError(error.code, **error.params) from None
        return stored

    def _queue_mail(self, s: DbSession, view: RequestView, kind: MailKind, now: datetime
                    ) -> None:
        if not view.customer_email or "@" not in view.customer_email:
            return  # nobody to write to: the manager tells the customer another way
        shop = load_shop_info(s, ShopInfo(self._shop_name))
        mail = RequestMail(
            kind=kind, language=view.language if view.language in ("fr", "en") else "fr",
            shop_name=shop.name, request_id=view.request_id, order_number=view.order_number,
            customer_name=view.customer_name, customer_email=view.customer_email,
            lines=tuple(MailLine(line.name, line.options, line.quantity, line.amount)
                        for line in view.lines),
            date=now, authorisation_number=view.authorisation_number or "",
            qr_payload=view.qr_payload, expires_at=view.expires_at,
            reason=view.decision_reason)
        enqueue(s, destination=MAIL_DESTINATION, kind=REQUEST_MAIL_KIND,
                object_key=request_mail_object_key(view.request_id),
                payload=request_mail_payload(mail), now=now)


def _order(s: DbSession, order_id: int) -> OrderContext:
    context = load_context(s, order_id)
    if context is None:
        raise ReturnRequestError("order_not_found", order_id=order_id)
    if is_canceled(context.status):
        raise ReturnRequestError("order_cancelled", number=context.number)
    return context


def _checked_lines(context: OrderContext, lines: Sequence[RequestedLine],
                   held: dict[int, int]) -> list[repo.StoredLine]:
    """All or nothing, like a draft (DESIGN §3 rule 10): duplicates added up, then checked
    against what is still returnable less what other open requests `held` on each line."""
    if not lines:
        raise ReturnRequestError("request_empty")
    wanted: dict[int, int] = {}
    reasons: dict[int, str] = {}
    for line in lines:
        if context.snapshot.line(str(line.order_line_id)) is None:
            raise ReturnRequestError("unknown_line", line_id=line.order_line_id)
        if line.quantity <= 0:
            raise ReturnRequestError("quantity_not_positive", line_id=line.order_line_id,
                                     quantity=line.quantity)
        wanted[line.order_line_id] = wanted.get(line.order_line_id, 0) + line.quantity
        reasons.setdefault(line.order_line_id, line.reason.strip())
    for line_id, quantity in wanted.items():
        sold = context.snapshot.line(str(line_id))
        assert sold is not None  # checked above
        returnable = max(sold.returnable - held.get(line_id, 0), 0)
        if quantity > returnable:
            raise ReturnRequestError("over_return", line_id=line_id, name=sold.name,
                                     returnable=returnable, requested=quantity,
                                     held=held.get(line_id, 0))
    return [repo.StoredLine(line_id, quantity, reasons[line_id])
            for line_id, quantity in wanted.items()]


def _checked_photos(photos: Sequence[bytes]) -> list[tuple[str, bytes]]:
    if len(photos) > MAX_PHOTOS:
        raise ReturnRequestError("too_many_photos", count=len(photos), limit=MAX_PHOTOS)
    try:
        return [(photo_content_type(bytes(data)), bytes(data)) for data in photos]
    except RequestRefusedError as error:
        raise ReturnRequestError(error.code, **error.params) from None


def _fresh_number(s: DbSession) -> str:
    """A number no request has (a clash among 32⁸ is rare; the unique index is the last word)."""
    while True:
        number = new_authorisation_number()
        if repo.request_by_number(s, number) is None:
            return number
