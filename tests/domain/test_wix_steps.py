"""The outbox's Wix step messages: one typed set, read back exactly as written."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.domain.refund_plan import PaymentRefund, PaymentRoom, RefundRequest
from pos.domain.wix_fields import DocumentRef, LineQuantity
from pos.domain.wix_steps import (
    PAYLOAD_VERSION,
    AddPaymentMessage,
    CancelMessage,
    CommentMessage,
    CommentTarget,
    DeleteDraftMessage,
    PaymentPart,
    RefundMessage,
    ReplacementItem,
    ReplacementOrderMessage,
    StepKind,
    StepPayloadError,
    StockDeltaMessage,
    from_payload,
)

ids = st.text(min_size=1, max_size=12)
texts = st.text(max_size=30)
counts = st.integers(min_value=1, max_value=10**9)
amounts = st.integers(min_value=0, max_value=10**9)
currencies = st.sampled_from(["EUR", "USD", "CHF", "JPY"])
refs = st.builds(DocumentRef, st.none() | ids, texts, ids, currencies)
lines = st.lists(st.builds(LineQuantity, ids, counts), max_size=4).map(tuple)
payment_refunds = st.lists(st.builds(PaymentRefund, ids, counts, st.booleans()), min_size=1,
                           max_size=3).map(tuple)  # fmt: skip
requests = st.builds(
    RefundRequest,
    st.lists(st.builds(PaymentRefund, ids, amounts, st.booleans()), max_size=3).map(tuple),
    amounts,
    st.lists(st.builds(PaymentRoom, ids, st.booleans(), amounts), max_size=3).map(tuple),
)
items = st.builds(ReplacementItem, ids, st.none() | ids, counts, amounts, texts, texts, amounts)
messages = st.one_of(
    st.builds(
        RefundMessage,
        refs,
        lines,
        lines,
        amounts,
        payment_refunds,
        st.none() | requests,
        texts,
        texts,
    ),
    st.builds(
        ReplacementOrderMessage,
        refs,
        ids,
        st.none() | ids,
        st.lists(items, min_size=1, max_size=3).map(tuple),
    ),
    st.builds(
        AddPaymentMessage,
        refs,
        counts,
        st.lists(
            st.builds(PaymentPart, ids, amounts, st.none() | texts), min_size=1, max_size=3
        ).map(tuple),
    ),
    st.builds(CommentMessage, refs, st.sampled_from(CommentTarget), ids, texts),
    st.builds(CancelMessage, refs, st.booleans(), st.booleans(), texts),
    st.builds(DeleteDraftMessage, ids),
    st.builds(
        StockDeltaMessage,
        st.integers(min_value=1, max_value=10**6),
        texts,
        st.none() | ids,
        st.none() | ids,
        st.integers(-1000, 1000).filter(bool),
        texts,
        st.none() | ids,
    ),
)


@given(messages)
def test_every_message_reads_back_as_written(message: Any) -> None:
    payload = message.to_payload()
    assert payload["version"] == PAYLOAD_VERSION
    assert from_payload(message.kind, payload) == message


def test_the_kinds_are_the_stored_strings() -> None:
    assert [kind.value for kind in StepKind] == [
        "wix.refund", "wix.create_replacement_order", "wix.add_payment", "wix.comment",
        "wix.cancel", "wix.delete_draft", "wix.stock_delta"]  # fmt: skip


# A refund step exactly as the writer stored it before payloads carried a version.
UNVERSIONED_REFUND = {
    "document_id": "doc-1", "document_number": "T1-000042", "order_id": "wo-1",
    "currency": "EUR",
    "line_items": [{"line_item_id": "wl-1", "quantity": 2}],
    "restock_line_items": [{"line_item_id": "wl-1", "quantity": 2}],
    "shipping_minor": 0,
    "payment_refunds": [{"payment_id": "wp-1", "amount_minor": 5980, "external": False}],
    "refund_request": {
        "original": [{"payment_id": "wp-1", "amount_minor": 5980, "external": False}],
        "external_minor": 0,
        "payments": [{"payment_id": "wp-1", "gift_card": False, "room": 5980}],
    },
    "note": "", "reason": "refund T1-000042",
}  # fmt: skip


def test_a_payload_without_a_version_is_read_as_version_1() -> None:
    message = from_payload("wix.refund", UNVERSIONED_REFUND)
    assert message == RefundMessage(
        DocumentRef("doc-1", "T1-000042", "wo-1", "EUR"),
        (LineQuantity("wl-1", 2),), (LineQuantity("wl-1", 2),), 0,
        (PaymentRefund("wp-1", 5980, False),),
        RefundRequest((PaymentRefund("wp-1", 5980, False),), 0,
                      (PaymentRoom("wp-1", False, 5980),)),
        "", "refund T1-000042")  # fmt: skip
    assert message.to_payload() == {**UNVERSIONED_REFUND, "version": 1}


def test_an_unversioned_exchange_comment_and_payment_are_read() -> None:
    base = {"document_id": "d", "document_number": "T1-000007", "order_id": "wo-9",
            "currency": "EUR"}  # fmt: skip
    comment = from_payload(
        "wix.comment",
        {**base, "target": "replacement", "message": "Exchange T1-000007 of order 1001"},
    )
    assert comment == CommentMessage(
        DocumentRef("d", "T1-000007", "wo-9", "EUR"),
        CommentTarget.REPLACEMENT,
        "Exchange T1-000007 of order 1001",
    )
    payment = from_payload("wix.add_payment", {**base, "amount_minor": 3000, "parts": [
        {"method": "exchange_credit", "amount_minor": 2000},
        {"method": "cash", "amount_minor": 1000, "reference": None}]})  # fmt: skip
    assert isinstance(payment, AddPaymentMessage)
    assert payment.parts == (PaymentPart("exchange_credit", 2000), PaymentPart("cash", 1000))


@pytest.mark.parametrize(
    ("kind", "change", "field", "words"),
    [
        ("wix.refund", {"order_id": ""}, "order_id", "the refund step has no valid 'order_id'"),
        ("wix.refund", {"currency": "eur"}, "currency", "currency 'eur' is not a currency code"),
        ("wix.refund", {"payment_refunds": [{"payment_id": None}]},
         "payment_refunds.payment_id", "a payment of the refund step has no Wix payment id"),
        ("wix.refund", {"payment_refunds": []}, "payment_refunds", "names no payment to refund"),
        ("wix.refund", {"line_items": [{"line_item_id": "wl-1", "quantity": True}]},
         "quantity", "the refund step has an invalid 'quantity' (True)"),
        ("wix.refund", {"shipping_minor": -1}, "shipping_minor", "invalid 'shipping_minor'"),
        ("wix.refund", {"version": 2}, "version", "payload version 2"),
        ("wix.cancel", {"restock_all_items": "yes"}, "restock_all_items", "not true/false"),
        ("wix.comment", {"target": "elsewhere", "message": "hi"}, "target",
         "target 'elsewhere' is not 'original' or 'replacement'"),
        ("wix.delete_draft", {}, "draft_id", "the draft deletion step has no valid 'draft_id'"),
        ("wix.teleport", {}, "kind", "does not know how to send a 'wix.teleport' step"),
        ("wix.stock_delta", {"variant_id": 7}, "delta",
         "the stock change step has an invalid 'delta' (None)"),
        ("wix.stock_delta", {"variant_id": 7, "delta": 0}, "delta", "invalid 'delta' (0)"),
        ("wix.stock_delta", {"variant_id": 7, "delta": True}, "delta", "invalid 'delta' (True)"),
        ("wix.stock_delta", {"variant_id": "7", "delta": 1}, "variant_id",
         "the stock change step has an invalid 'variant_id' ('7')"),
    ],
)  # fmt: skip
def test_a_malformed_payload_is_one_error_naming_the_field(
    kind: str, change: dict[str, Any], field: str, words: str
) -> None:
    with pytest.raises(StepPayloadError) as raised:
        from_payload(kind, {**UNVERSIONED_REFUND, **change})
    assert raised.value.field == field
    assert words in str(raised.value)


def test_a_payload_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(StepPayloadError, match="not an object"):
        from_payload("wix.refund", ["wix.refund"])
