"""A counter document made from an approved return request: the checks its commit runs again.

`ReturnsService` calls these inside its own transaction: the request is re-read (locked), it
must still be approved, unexpired and on this order; after the quote, the units returned may
not exceed the approved ones; when the document is written the request becomes `used`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from pos.db import return_requests as repo
from pos.db.audit import DbSession
from pos.domain.return_requests import RequestState, check_request_state, effective_state
from pos.domain.returns import Draft
from pos.services.request_views import REFUSALS, ReturnRequestError


def prepare_request_draft(s: DbSession, order_id: int, draft: Draft, now: datetime, *,
                          lock: bool) -> Draft:
    """`draft` with its request's approval date (the quote's window may count from it).

    Raises:
        ReturnRequestError: ``request_not_found``, ``request_other_order``, or the
            ``authorisation_*`` refusal of a request that is not approved and unexpired.
    """
    if draft.return_request_id is None:
        return replace(draft, approved_at=None) if draft.approved_at else draft
    request_id = draft.return_request_id
    if lock:
        repo.lock_request(s, request_id)
    stored = repo.load_request(s, request_id)
    if stored is None:
        raise ReturnRequestError("request_not_found", request_id=request_id)
    if stored.order_id != order_id:
        raise ReturnRequestError("request_other_order", request_id=request_id,
                                 number=stored.authorisation_number or "")
    state = effective_state(stored.state, stored.expires_at, now)
    if state is not RequestState.APPROVED:  # the day it expired too: the refusal says it
        raise ReturnRequestError(REFUSALS[state], request_id=request_id,
                                 number=stored.authorisation_number or "",
                                 expires_at=stored.expires_at.isoformat()
                                 if stored.expires_at else "")  # fmt: skip
    return replace(draft, approved_at=stored.decided_at)


def check_request_quantities(s: DbSession, request_id: int, returned: dict[str, int]) -> None:
    """Refuse units beyond the approved ones (per order line).

    Raises:
        ReturnRequestError: ``request_over_approved`` with ``line_id``, ``approved`` and
            ``requested``.
    """
    stored = repo.load_request(s, request_id)
    assert stored is not None  # prepare_request_draft read it in this transaction
    approved = {str(line.order_line_id): line.quantity for line in stored.lines}
    for line_id, quantity in returned.items():
        if quantity > approved.get(line_id, 0):
            raise ReturnRequestError("request_over_approved", line_id=line_id,
                                     approved=approved.get(line_id, 0), requested=quantity)


def mark_request_used(s: DbSession, request_id: int, document_id: str) -> None:
    """The request is carried out by `document_id`: state `used`, never usable again."""
    stored = repo.load_request(s, request_id)
    assert stored is not None
    check_request_state(stored.state, RequestState.USED)
    repo.update_request(s, request_id, state=RequestState.USED.value, document_id=document_id)
