"""Pushing counter documents to the fake Wix: exchange, refund, cancellation, refusals.

The helpers here (`WixShop`, `wix_shop`, `exchange`, `drain`, ...) are shared by
`test_push_faults.py` and `test_push_crash.py`.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from pos.db import outbox
from pos.db.engine import SessionFactory
from pos.db.orders import record_order
from pos.db.records import OutboxMessageRecord, ProductRecord, VariantRecord
from pos.db.returns import load_context
from pos.domain.money import Money
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from pos.services.returns import CommittedDocument
from pos.sync import push, push_steps
from pos.sync.client import WixClient
from pos.sync.push import Pusher, PushReport
from pos.sync.push_readback import NOT_APPLIED, Verdict
from pos.sync.wix_orders import order_from_wix
from tests.fakes.wix import FakeWix
from tests.support.shop import Shop, build_shop
from tests.sync.conftest import RecordedSleep, make_client

PRICES = {"T-S": "29.90", "JEA": "79.90", "ÉCH": "39.90"}


@dataclass
class WixShop:
    """A shop whose catalogue and orders exist on the fake Wix with the same ids."""

    shop: Shop
    fake: FakeWix
    client: WixClient
    pusher: Pusher


def mirror_catalogue(shop: Shop, fake: FakeWix, *, stock: int = 5) -> None:
    """Add the shop's products to the fake and give the local records the fake's ids."""
    with shop.sessions.begin() as s:
        for product in s.scalars(select(ProductRecord)).all():
            variants = s.scalars(
                select(VariantRecord).where(VariantRecord.product_id == product.id)
            ).all()
            specs = [
                (v.sku, v.barcode, PRICES[v.sku[:3]], dict(v.options), stock) for v in variants
            ]
            made = fake.state.add_product(product.name, variants=specs)
            product.wix_id = made.id
            by_sku = {variant.sku: variant.id for variant in made.variants}
            for variant in variants:
                variant.wix_variant_id = by_sku[variant.sku]


def wix_order(ws: WixShop, items: list[tuple[str, int]], *, payments: Any = "card") -> int:
    """An order placed on the fake, pulled into the local database; its local id."""
    order = ws.fake.state.add_order(items, payments=payments, email="helene@example.fr")
    data = order_from_wix(order, ws.fake.state.get_transactions(order["id"]))
    with ws.shop.sessions.begin() as s:
        return record_order(s, data).id


def make_wix_shop(sessions: SessionFactory, fake: FakeWix, sleep: RecordedSleep) -> WixShop:
    shop = build_shop(sessions)
    mirror_catalogue(shop, fake)
    client = make_client(fake, sleep)
    pusher = Pusher(client=client, sessions=sessions, clock=shop.clock, rng=random.Random(1))
    return WixShop(shop, fake, client, pusher)


@pytest.fixture
def ws(sessions: SessionFactory, bare_wix: FakeWix, waits: RecordedSleep) -> Iterator[WixShop]:
    made = make_wix_shop(sessions, bare_wix, waits)
    yield made
    made.client.close()


def wix_id_of(ws: WixShop, order_id: int) -> str:
    with ws.shop.sessions() as s:
        return str(load_context(s, order_id).wix_id)


def lines_and_payments(ws: WixShop, order_id: int) -> tuple[list[str], list[str]]:
    with ws.shop.sessions() as s:
        snapshot = load_context(s, order_id).snapshot
    return [line.line_id for line in snapshot.lines], [p.payment_id for p in snapshot.payments]


def exchange(ws: WixShop, order_id: int, *, to: str = "T-S-L") -> CommittedDocument:
    """Hélène's T-shirt comes back for another size: an equal exchange."""
    (line, *_), _ = lines_and_payments(ws, order_id)
    new = ws.shop.returns.new_item(order_id=order_id, code=to)
    draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(line, 1),), (new,))
    return ws.shop.returns.commit(ws.shop.manager, order_id, draft, [])


def wix_counts(ws: WixShop) -> dict[str, int]:
    with ws.shop.sessions() as s:
        return outbox.counts(s, destination="wix")


def drain(ws: WixShop, *, rounds: int = 60) -> PushReport:
    """Run the pusher, an hour apart, until no message is pending or in flight."""
    total = PushReport()
    for _ in range(rounds):
        total = total + ws.pusher.run_once()
        counts = wix_counts(ws)
        if not counts.get("pending") and not counts.get("in_flight"):
            return total
        ws.shop.clock.advance(timedelta(hours=1))
    raise AssertionError(f"the outbox did not drain: {wix_counts(ws)}")


def messages(ws: WixShop) -> list[OutboxMessageRecord]:
    with ws.shop.sessions() as s:
        return list(s.scalars(select(OutboxMessageRecord).order_by(OutboxMessageRecord.id)))


def comments(order: dict[str, Any]) -> list[str]:
    return [
        a["merchantComment"]["message"]
        for a in order["activities"]
        if a["type"] == "MERCHANT_COMMENT"
    ]


def assert_exchange_on_wix(ws: WixShop, original_id: str, done: CommittedDocument) -> None:
    """Exactly one refund, one new POS order, one payment on it, one comment on each."""
    state = ws.fake.state
    refunds = state.get_transactions(original_id)["refunds"]
    assert len(refunds) == 1
    assert [t["amount"]["amount"] for t in refunds[0]["transactions"]] == ["29.90"]
    assert refunds[0]["transactions"][0]["externalRefund"] is True
    assert [e["quantity"] for e in refunds[0]["details"]["lineItems"]] == [1]
    (new,) = state.orders_with_external_id(done.document_id)
    assert new["channelInfo"] == {"type": "POS", "externalOrderId": done.document_id}
    assert [line["physicalProperties"]["sku"] for line in new["lineItems"]] == ["T-S-L"]
    assert new["priceSummary"]["total"]["amount"] == "29.90"
    (payment,) = state.get_transactions(new["id"])["payments"]
    assert payment["amount"]["amount"] == "29.90"
    assert payment["regularPaymentDetails"]["offlinePayment"] is True
    original = state.get_order(original_id)
    assert comments(original) == [f"Exchange {done.number}: replacement order {new['number']}"]
    assert comments(new) == [f"Exchange {done.number} of order {original['number']}"]
    assert all(m.state == "done" for m in messages(ws) if m.destination == "wix")


# ---------------------------------------------------------------- stories


def test_an_exchange_is_written_back_once_in_every_detail(ws: WixShop) -> None:
    # Hélène bought a T-shirt in M online; she swaps it for an L at the counter.
    order = wix_order(ws, [("T-S-M", 1)])
    original_id = wix_id_of(ws, order)
    done = exchange(ws, order)
    # The sync pushes the five steps, one after the other.
    report = drain(ws)
    assert report == PushReport(sent=5)
    assert_exchange_on_wix(ws, original_id, done)
    # Wix restocked the returned M itself and took the L out with the new order.
    assert (ws.fake.state.stock("T-S-M"), ws.fake.state.stock("T-S-L")) == (6, 4)
    # The journal keeps what Wix returned.
    journals = {m.kind: m.journal for m in messages(ws)}
    assert journals["wix.refund"]["refund_id"]
    assert journals["wix.create_replacement_order"]["order_number"]
    assert journals["wix.create_replacement_order"]["draft_id"]
    # Nothing is left: another run sends nothing.
    assert ws.pusher.run_once() == PushReport()


def test_a_refund_to_the_card_goes_through_wix(ws: WixShop) -> None:
    order = wix_order(ws, [("JEA-M", 2)])
    (line,), (payment,) = lines_and_payments(ws, order)
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(line, 1, reason="too small"),))
    tender = Tender(TenderMethod.ORIGINAL_PAYMENT, Money(7990, "EUR"), payment_id=payment)
    ws.shop.returns.commit(ws.shop.manager, order, draft, [tender])
    assert drain(ws) == PushReport(sent=1)
    wix_id = wix_id_of(ws, order)
    (refund,) = ws.fake.state.get_transactions(wix_id)["refunds"]
    assert refund["transactions"][0]["amount"]["amount"] == "79.90"
    assert refund["transactions"][0]["externalRefund"] is False
    assert ws.fake.state.get_order(wix_id)["lineItems"][0]["restockQuantity"] == 1
    assert ws.fake.state.stock("JEA-M") == 6


def test_a_cancellation_is_sent_with_its_note_and_restock(ws: WixShop) -> None:
    order = wix_order(ws, [("T-S-M", 1), ("JEA-L", 1)])
    _, (payment,) = lines_and_payments(ws, order)
    draft = Draft(DocumentKind.CANCELLATION, note="Commande annulée à votre demande")
    refund = [Tender(TenderMethod.ORIGINAL_PAYMENT, Money(10980, "EUR"), payment_id=payment)]
    ws.shop.returns.commit(ws.shop.manager, order, draft, refund)
    assert drain(ws) == PushReport(sent=2)
    wix_id = wix_id_of(ws, order)
    cancels = ws.fake.log.matching(f"/ecom/v1/orders/{wix_id}/cancel", "POST")
    assert [c.body for c in cancels] == [{
        "id": wix_id, "sendOrderCanceledEmail": False, "restockAllItems": True,
        "customMessage": "Commande annulée à votre demande"}]  # fmt: skip
    assert ws.fake.state.get_order(wix_id)["status"] == "CANCELED"
    assert (ws.fake.state.stock("T-S-M"), ws.fake.state.stock("JEA-L")) == (6, 6)
    (refund_made,) = ws.fake.state.get_transactions(wix_id)["refunds"]
    assert refund_made["summary"]["refunded"]["amount"] == "109.80"


def test_an_order_already_cancelled_on_wix_is_not_cancelled_again(ws: WixShop) -> None:
    order = wix_order(ws, [("T-S-M", 1)])
    draft = Draft(DocumentKind.CANCELLATION, with_refund=False, note="paid elsewhere")
    ws.shop.returns.commit(ws.shop.manager, order, draft, [])
    wix_id = wix_id_of(ws, order)
    with ws.fake.state.lock:
        ws.fake.state.order(wix_id)["status"] = "CANCELED"
    # Without refund there is no refund step; the cancel is found done by reading back.
    assert drain(ws) == PushReport(done_by_readback=1)
    assert ws.fake.log.matching(f"/ecom/v1/orders/{wix_id}/cancel", "POST") == []


def test_a_malformed_payload_is_parked_and_nothing_is_sent(ws: WixShop) -> None:
    order = wix_order(ws, [("T-S-M", 1)])
    exchange(ws, order)
    with ws.shop.sessions.begin() as s:
        refund = s.scalars(
            select(OutboxMessageRecord).where(OutboxMessageRecord.kind == "wix.refund")
        ).one()
        refund.payload = {**refund.payload, "payment_refunds": [{"payment_id": None}]}
    ws.fake.log.clear()
    assert ws.pusher.run_once() == PushReport(parked=1)
    (parked,) = [m for m in messages(ws) if m.state == "parked"]
    assert "no Wix payment id" in parked.last_error
    assert [e for e in ws.fake.log.entries if e.method != "GET"] == []
    # The exchange's later steps wait behind the parked refund.
    assert wix_counts(ws) == {"parked": 1, "pending": 4}


def test_a_refusal_from_wix_is_parked_with_its_message(ws: WixShop) -> None:
    order = wix_order(ws, [("T-S-M", 1)])
    exchange(ws, order)
    with ws.shop.sessions.begin() as s:  # more than Wix takes: a 400 validation error
        refund = s.scalars(
            select(OutboxMessageRecord).where(OutboxMessageRecord.kind == "wix.refund")
        ).one()
        lines = [{**refund.payload["line_items"][0], "quantity": 200_000}]
        refund.payload = {**refund.payload, "line_items": lines}
    assert ws.pusher.run_once() == PushReport(parked=1)
    (parked,) = [m for m in messages(ws) if m.state == "parked"]
    assert parked.last_error.startswith("Wix refused the request as invalid")
    assert "refundItems.lineItems[0].quantity" in parked.last_error
    assert ws.fake.state.get_transactions(wix_id_of(ws, order))["refunds"] == []


def test_a_refusal_of_a_shop_rule_is_parked_in_plain_words(ws: WixShop) -> None:
    order = wix_order(ws, [("T-S-M", 1)])
    exchange(ws, order)
    with ws.fake.state.lock:  # the line was refunded online meanwhile
        for line in ws.fake.state.order(wix_id_of(ws, order))["lineItems"]:
            line["refundQuantity"] = line["quantity"]
    assert ws.pusher.run_once() == PushReport(parked=1)
    (parked,) = [m for m in messages(ws) if m.state == "parked"]
    assert parked.last_error.startswith("Wix refused the change")
    assert "would exceed the line quantity" in parked.last_error


def test_a_busy_wix_puts_the_step_back_until_retry_after(ws: WixShop) -> None:
    order = wix_order(ws, [("T-S-M", 1)])
    exchange(ws, order)
    ws.fake.faults.next("POST /ecom/v1/order-billing/refund-payments", "429-retry-after:90")
    assert ws.pusher.run_once() == PushReport(retried=1)
    (waiting,) = [m for m in messages(ws) if m.kind == "wix.refund"]
    assert waiting.state == "pending"
    assert waiting.next_attempt_at is not None
    due = waiting.next_attempt_at.replace(tzinfo=ws.shop.clock.now().tzinfo)
    assert due - ws.shop.clock.now() == timedelta(seconds=90)
    assert ws.pusher.run_once() == PushReport()  # not due yet
    ws.shop.clock.advance(timedelta(seconds=91))
    assert ws.pusher.run_once().sent == 5  # then the next steps follow in the same run


def test_a_lost_answer_is_read_back_not_resent(ws: WixShop) -> None:
    order = wix_order(ws, [("T-S-M", 1)])
    done = exchange(ws, order)
    original_id = wix_id_of(ws, order)
    for path in ("POST /ecom/v1/order-billing/refund-payments",
                 "POST /ecom/v1/draft-orders/*/create-order",
                 "POST /ecom/v1/payments/orders/*/add-payment",
                 "POST /ecom/v1/orders/*/activities/add"):  # fmt: skip
        ws.fake.faults.next(path, "drop-after")
    report = drain(ws)
    assert report.done_by_readback == 4 and report.sent == 1 and report.needs_review == 0
    assert_exchange_on_wix(ws, original_id, done)


def test_a_draft_already_committed_counts_as_done(
    ws: WixShop, monkeypatch: pytest.MonkeyPatch
) -> None:
    order = wix_order(ws, [("T-S-M", 1)])
    done = exchange(ws, order)
    # The create-order answer is lost and Wix does not show the order yet (search lag): the
    # step is sent again on the same draft, and Wix's 409 says it was done.
    ws.fake.faults.next("POST /ecom/v1/draft-orders/*/create-order", "drop-after")
    real_read_back = push.read_back
    lagging = [Verdict(NOT_APPLIED, "not visible yet")]
    monkeypatch.setattr(
        push, "read_back", lambda step, ctx: lagging.pop() if lagging else real_read_back(step, ctx)
    )
    monkeypatch.setattr(push_steps.rb, "orders_with_external_id", lambda client, external_id: [])
    report = drain(ws)
    assert report.needs_review == 0 and report.parked == 0
    assert len(ws.fake.state.orders_with_external_id(done.document_id)) == 1
    assert len(ws.fake.log.matching("/ecom/v1/draft-orders", "POST")) == 1  # one draft
    commits = ws.fake.log.matching(r"/ecom/v1/draft-orders/.*/create-order", "POST")
    assert [c.status for c in commits] == [None, 409]
    replacement = next(m for m in messages(ws) if m.kind == "wix.create_replacement_order")
    assert replacement.journal["order_number"]


def test_an_unreadable_search_never_counts_as_no_order(ws: WixShop) -> None:
    order = wix_order(ws, [("T-S-M", 1)])
    done = exchange(ws, order)
    ws.fake.faults.next("POST /ecom/v1/draft-orders/*/create-order", "drop-after")
    ws.fake.faults.next("GET /ecom/v1/draft-orders/*", "wrong-shape")
    report = drain(ws)
    assert report.needs_review == 0
    assert len(ws.fake.state.orders_with_external_id(done.document_id)) == 1
    assert len(ws.fake.log.matching(r"/ecom/v1/draft-orders/.*/create-order", "POST")) == 1


def test_two_identical_refunds_on_wix_need_a_manager(
    ws: WixShop, monkeypatch: pytest.MonkeyPatch
) -> None:
    order = wix_order(ws, [("T-S-M", 2)])
    (line,), _ = lines_and_payments(ws, order)
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(line, 1),))
    ws.shop.returns.commit(
        ws.shop.manager, order, draft, [Tender(TenderMethod.CASH, Money(2990, "EUR"))]
    )
    wix_id = wix_id_of(ws, order)
    payload = messages(ws)[0].payload
    body = {"orderId": wix_id, "paymentRefunds": [
        {"paymentId": r["payment_id"], "amount": {"amount": "29.90"}, "externalRefund": True}
        for r in payload["payment_refunds"]],
        "refundItems": {"lineItems": [{"lineItemId": payload["line_items"][0]["line_item_id"],
                                       "quantity": 1}]}}  # fmt: skip
    ws.fake.faults.next("POST /ecom/v1/order-billing/refund-payments", "drop-after")
    original_write = ws.client.write

    def write_and_the_dashboard_too(method: str, path: str, sent: Any = None, **kw: Any) -> Any:
        try:
            return original_write(method, path, sent, **kw)
        finally:
            if path.endswith("refund-payments"):  # a manager refunds the same meanwhile
                httpx.post(ws.fake.base_url + path, json=body, headers=ws.fake.headers)

    monkeypatch.setattr(ws.client, "write", write_and_the_dashboard_too)
    assert ws.pusher.run_once() == PushReport(needs_review=1)
    review = messages(ws)[0]
    assert review.state == "needs_review"
    assert "2 refunds of 29.90" in review.last_error
    # ... and as a code the screen words in its language (issue #13).
    assert review.journal["review_code"] == "several_refunds"
    assert review.journal["review_params"] == {"count": 2, "total": "29.90", "order": wix_id}
    assert len(review.journal["new_refunds"]) == 2
    # Nothing more of this order is sent until a manager decides.
    assert ws.pusher.run_once() == PushReport()
