"""Record states, and one transition table per record kind checked where a state changes.

STYLE "Money and business state": a status is a `StrEnum` guarded by an explicit table
(Tryton's ``_transitions``). The stored strings are the enum values, unchanged. Wix's order
statuses are Wix's words; Comptoir only reads them, and its one move on its copy
(``CANCELED`` when a counter cancellation commits) is checked by `ORDER_TRANSITIONS`.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from pos.domain.returns_draft import DocumentKind

S = TypeVar("S", bound=StrEnum)


class IllegalTransitionError(ValueError):
    """A record was asked to move to a state its table does not allow from where it is.

    A bug, never a cashier's mistake: the words name the record kind and both states.
    """

    def __init__(self, record: str, current: str, new: str) -> None:
        super().__init__(f"the {record} cannot go from '{current}' to '{new}'")
        self.record, self.current, self.new = record, current, new


class OutboxState(StrEnum):
    """An outbox message (Wix step or e-mail): docs/sync.md "The outbox and exactly once"."""

    PENDING = "pending"  # waiting; due when next_attempt_at is null or past
    IN_FLIGHT = "in_flight"  # an attempt started; its outcome is not recorded yet
    DONE = "done"  # delivered, found applied, or decided by a manager: final
    PARKED = "parked"  # refused for good: a person decides
    NEEDS_REVIEW = "needs_review"  # Wix cannot tell whether it was applied: a manager decides


_SETTLED = frozenset({OutboxState.DONE, OutboxState.PENDING, OutboxState.PARKED,
                      OutboxState.NEEDS_REVIEW})  # fmt: skip
OUTBOX_TRANSITIONS: Mapping[OutboxState, frozenset[OutboxState]] = {
    # A pending message may also be settled without an attempt: found applied before
    # sending, refused before sending (busy, malformed), or followed its dropped prerequisite.
    OutboxState.PENDING: _SETTLED | {OutboxState.IN_FLIGHT},
    OutboxState.IN_FLIGHT: _SETTLED,
    OutboxState.PARKED: frozenset({OutboxState.PENDING, OutboxState.DONE}),  # resend / done, drop
    OutboxState.NEEDS_REVIEW: frozenset({OutboxState.PENDING, OutboxState.DONE}),
    OutboxState.DONE: frozenset(),
}


class PrintJobState(StrEnum):
    """A print job of the persisted queue (docs/printing.md)."""

    QUEUED = "queued"
    PRINTING = "printing"
    PRINTED = "printed"
    FAILED = "failed"


PRINT_JOB_TRANSITIONS: Mapping[PrintJobState, frozenset[PrintJobState]] = {
    PrintJobState.QUEUED: frozenset({PrintJobState.PRINTING, PrintJobState.QUEUED}),
    # printing -> printing: a job left printing by a crash is taken again after restart
    PrintJobState.PRINTING: frozenset(
        {PrintJobState.PRINTED, PrintJobState.FAILED, PrintJobState.PRINTING}
    ),
    PrintJobState.FAILED: frozenset({PrintJobState.PRINTING, PrintJobState.QUEUED}),
    PrintJobState.PRINTED: frozenset({PrintJobState.QUEUED}),  # printed again on request
}


class DocumentState(StrEnum):
    """A counter document: written completed and immutable (a correction is a new document)."""

    COMPLETED = "completed"


DOCUMENT_TRANSITIONS: Mapping[DocumentState, frozenset[DocumentState]] = {
    DocumentState.COMPLETED: frozenset(),
}


class CashSessionState(StrEnum):
    """A terminal's cash session (docs/closing.md): opened with a float, closed once counted."""

    OPEN = "open"
    CLOSED = "closed"


CASH_SESSION_TRANSITIONS: Mapping[CashSessionState, frozenset[CashSessionState]] = {
    CashSessionState.OPEN: frozenset({CashSessionState.CLOSED}),
    CashSessionState.CLOSED: frozenset(),  # a counted session is never reopened
}


class OrderStatus(StrEnum):
    """A Wix order's ``status`` (wix-api.md §2), as pulled and kept on the order."""

    INITIALIZED = "INITIALIZED"
    APPROVED = "APPROVED"
    CANCELED = "CANCELED"
    PENDING = "PENDING"
    REJECTED = "REJECTED"


# Comptoir's own moves on its copy of a Wix order (a pull takes Wix's status as it is): a
# counter cancellation, from the statuses Wix's cancel endpoint takes (it answers
# ORDER_IS_PENDING / ORDER_IS_REJECTED for the others); CANCELED is final.
ORDER_TRANSITIONS: Mapping[OrderStatus, frozenset[OrderStatus]] = {
    OrderStatus.INITIALIZED: frozenset({OrderStatus.CANCELED}),
    OrderStatus.APPROVED: frozenset({OrderStatus.CANCELED}),
    OrderStatus.PENDING: frozenset(),
    OrderStatus.REJECTED: frozenset(),
    OrderStatus.CANCELED: frozenset(),
}

FULFILLED = "FULFILLED"  # a Wix order's fulfillment status once everything shipped


class InspectionState(StrEnum):
    """A returned line set aside to inspect (docs/stock.md): settled once, by a manager.

    Stored in ``settled_state``: null while it awaits (`AWAITING` is never written), then
    the decision.
    """

    AWAITING = "awaiting"
    RESTOCKED = "restocked"  # sellable: back on the shelf
    WRITTEN_OFF = "written_off"  # not sellable: the stock never had it back


INSPECTION_TRANSITIONS: Mapping[InspectionState, frozenset[InspectionState]] = {
    InspectionState.AWAITING: frozenset({InspectionState.RESTOCKED, InspectionState.WRITTEN_OFF}),
    InspectionState.RESTOCKED: frozenset(),  # a decision is never changed (a new count is)
    InspectionState.WRITTEN_OFF: frozenset(),
}


def _order_status(status: str) -> OrderStatus | None:
    try:
        return OrderStatus(status.upper())
    except ValueError:  # a status Wix adds one day: the counter does not forbid on a guess
        return None


def is_canceled(status: str | None) -> bool:
    """Whether an order status (any case) says the order is cancelled."""
    return (status or "").upper() == OrderStatus.CANCELED


def allowed_kinds(
    *, status: str, fulfillment_status: str, returnable: bool
) -> frozenset[DocumentKind]:
    """The counter documents an order allows (DESIGN §4): exchange and refund while something
    is still returnable and the order is not cancelled; cancellation only before fulfilment,
    and only from a status Wix can cancel (`ORDER_TRANSITIONS`)."""
    if not returnable or is_canceled(status):
        return frozenset()
    kinds = {DocumentKind.EXCHANGE, DocumentKind.REFUND}
    known = _order_status(status)
    cancellable = known is None or OrderStatus.CANCELED in ORDER_TRANSITIONS[known]
    if fulfillment_status.upper() != FULFILLED and cancellable:
        kinds.add(DocumentKind.CANCELLATION)
    return frozenset(kinds)


def check_outbox(current: str, new: OutboxState) -> OutboxState:
    """`new`, if an outbox message in `current` may move there.

    Raises:
        IllegalTransitionError: The table does not allow it.
    """
    return _check("outbox message", OUTBOX_TRANSITIONS, OutboxState, current, new)


def check_print_job(current: str, new: PrintJobState) -> PrintJobState:
    """`new`, if a print job in `current` may move there.

    Raises:
        IllegalTransitionError: The table does not allow it.
    """
    return _check("print job", PRINT_JOB_TRANSITIONS, PrintJobState, current, new)


def check_cash_session(current: str, new: CashSessionState) -> CashSessionState:
    """`new`, if a cash session in `current` may move there.

    Raises:
        IllegalTransitionError: The table does not allow it.
    """
    return _check("cash session", CASH_SESSION_TRANSITIONS, CashSessionState, current, new)


def check_order_status(current: str, new: OrderStatus) -> OrderStatus:
    """`new`, if Comptoir may move its copy of an order in `current` (any case) there.

    Raises:
        IllegalTransitionError: The table does not allow it (e.g. cancelled twice).
    """
    return _check("order", ORDER_TRANSITIONS, OrderStatus, (current or "").upper(), new)


def check_inspection(current: str | None, new: InspectionState) -> InspectionState:
    """`new`, if an item to inspect in `current` (None: awaiting) may move there.

    Raises:
        IllegalTransitionError: The table does not allow it.
    """
    was = InspectionState.AWAITING if current is None else current
    return _check("item to inspect", INSPECTION_TRANSITIONS, InspectionState, was, new)


def _check(
    record: str, table: Mapping[S, frozenset[S]], states: type[S], current: str, new: S
) -> S:
    try:
        allowed = table[states(current)]
    except ValueError:
        raise IllegalTransitionError(record, current, new) from None
    if new not in allowed:
        raise IllegalTransitionError(record, current, new)
    return new
