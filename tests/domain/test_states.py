"""Record states move only as their transition tables say."""

from __future__ import annotations

import pytest

from pos.domain.money import Money
from pos.domain.returns_draft import DocumentKind
from pos.domain.settlement import original_refund, refunded_whole
from pos.domain.states import (
    DOCUMENT_TRANSITIONS,
    INSPECTION_TRANSITIONS,
    ORDER_TRANSITIONS,
    OUTBOX_TRANSITIONS,
    PRINT_JOB_TRANSITIONS,
    CashSessionState,
    DocumentState,
    IllegalTransitionError,
    InspectionState,
    OrderStatus,
    OutboxState,
    PrintJobState,
    allowed_kinds,
    check_cash_session,
    check_inspection,
    check_order_status,
    check_outbox,
    check_print_job,
    is_canceled,
)


def test_the_stored_strings_are_unchanged() -> None:
    assert [s.value for s in OutboxState] == [
        "pending", "in_flight", "done", "parked", "needs_review"]  # fmt: skip
    assert [s.value for s in PrintJobState] == ["queued", "printing", "printed", "failed"]
    assert OrderStatus.CANCELED == "CANCELED"


def test_every_state_has_a_row_in_its_table() -> None:
    assert set(OUTBOX_TRANSITIONS) == set(OutboxState)
    assert set(PRINT_JOB_TRANSITIONS) == set(PrintJobState)
    assert set(ORDER_TRANSITIONS) == set(OrderStatus)
    assert set(INSPECTION_TRANSITIONS) == set(InspectionState)


def test_an_item_to_inspect_is_settled_once_restocked_or_written_off() -> None:
    assert [s.value for s in InspectionState] == ["awaiting", "restocked", "written_off"]
    assert check_inspection(None, InspectionState.RESTOCKED) is InspectionState.RESTOCKED
    assert check_inspection(None, InspectionState.WRITTEN_OFF) is InspectionState.WRITTEN_OFF
    with pytest.raises(IllegalTransitionError, match="from 'awaiting' to 'awaiting'"):
        check_inspection(None, InspectionState.AWAITING)  # settling must decide something
    for settled in ("restocked", "written_off"):
        for new in InspectionState:
            with pytest.raises(
                IllegalTransitionError, match=f"item to inspect cannot go from '{settled}'"
            ):
                check_inspection(settled, new)  # a decision is final


def test_comptoir_cancels_its_copy_of_an_order_once() -> None:
    for status in ("APPROVED", "approved", "INITIALIZED"):
        assert check_order_status(status, OrderStatus.CANCELED) is OrderStatus.CANCELED
    with pytest.raises(IllegalTransitionError, match="order cannot go from 'CANCELED' to"):
        check_order_status("canceled", OrderStatus.CANCELED)
    with pytest.raises(IllegalTransitionError):
        check_order_status("APPROVED", OrderStatus.APPROVED)  # Comptoir only cancels
    with pytest.raises(IllegalTransitionError, match="from 'ARCHIVED' to"):
        check_order_status("archived", OrderStatus.CANCELED)  # a status Wix never had


def test_an_outbox_message_follows_its_table() -> None:
    assert check_outbox("pending", OutboxState.IN_FLIGHT) is OutboxState.IN_FLIGHT
    assert check_outbox("in_flight", OutboxState.NEEDS_REVIEW) is OutboxState.NEEDS_REVIEW
    assert check_outbox("parked", OutboxState.PENDING) is OutboxState.PENDING  # resend
    for illegal in OutboxState:
        with pytest.raises(IllegalTransitionError, match="from 'done' to"):
            check_outbox("done", illegal)  # done is final
    with pytest.raises(IllegalTransitionError):
        check_outbox("in_flight", OutboxState.IN_FLIGHT)  # never two attempts at once
    with pytest.raises(IllegalTransitionError):
        check_outbox("needs_review", OutboxState.IN_FLIGHT)  # only a manager moves it on


def test_a_print_job_follows_its_table() -> None:
    assert check_print_job("failed", PrintJobState.PRINTING) is PrintJobState.PRINTING
    assert check_print_job("printed", PrintJobState.QUEUED) is PrintJobState.QUEUED
    with pytest.raises(IllegalTransitionError, match="print job cannot go from 'queued' to"):
        check_print_job("queued", PrintJobState.PRINTED)  # printed without printing
    with pytest.raises(IllegalTransitionError, match="from 'lost' to"):
        check_print_job("lost", PrintJobState.PRINTING)  # a state nobody knows


def test_a_cancelled_order_is_recognised_in_any_case() -> None:
    assert is_canceled("CANCELED") and is_canceled("canceled")
    assert not is_canceled("APPROVED") and not is_canceled(None)


def test_the_documents_an_order_allows_come_from_its_statuses() -> None:
    everything = {DocumentKind.EXCHANGE, DocumentKind.REFUND, DocumentKind.CANCELLATION}
    assert allowed_kinds(status="APPROVED", fulfillment_status="NOT_FULFILLED",
                         returnable=True) == everything  # fmt: skip
    shipped = allowed_kinds(status="APPROVED", fulfillment_status="FULFILLED", returnable=True)
    assert shipped == {DocumentKind.EXCHANGE, DocumentKind.REFUND}
    assert allowed_kinds(status="CANCELED", fulfillment_status="", returnable=True) == set()
    assert allowed_kinds(status="APPROVED", fulfillment_status="", returnable=False) == set()
    for unsettled in ("PENDING", "rejected"):  # Wix answers ORDER_IS_PENDING / _IS_REJECTED
        assert allowed_kinds(status=unsettled, fulfillment_status="NOT_FULFILLED",
                             returnable=True) == shipped  # fmt: skip
    assert allowed_kinds(status="SOMETHING_NEW", fulfillment_status="NOT_FULFILLED",
                         returnable=True) == everything  # fmt: skip


def test_wix_cannot_cancel_a_pending_or_rejected_order() -> None:
    for status in ("PENDING", "REJECTED"):
        with pytest.raises(IllegalTransitionError):
            check_order_status(status, OrderStatus.CANCELED)
    assert check_order_status("approved", OrderStatus.CANCELED) is OrderStatus.CANCELED


def test_a_gift_card_payment_is_refunded_whole_any_other_up_to_what_it_can_take() -> None:
    asked, refundable = Money(1000, "EUR"), Money(2990, "EUR")
    assert refunded_whole("gift_card") and not refunded_whole("card")
    assert original_refund("gift_card", asked, refundable) == refundable
    assert original_refund("card", asked, refundable) == asked
    assert original_refund("card", Money(5000, "EUR"), refundable) == refundable


def test_a_closed_cash_session_never_reopens_and_a_document_never_changes() -> None:
    assert check_cash_session("open", CashSessionState.CLOSED) is CashSessionState.CLOSED
    with pytest.raises(IllegalTransitionError, match="cash session cannot go from 'closed'"):
        check_cash_session("closed", CashSessionState.CLOSED)  # counted twice
    assert DOCUMENT_TRANSITIONS == {DocumentState.COMPLETED: frozenset()}
