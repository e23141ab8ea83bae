"""A return request from the customer's e-mail to the exchange at the counter, offline first —
through the composition root (`Store`), on both databases."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from sqlalchemy import select

from pos.db.engine import SessionFactory
from pos.db.records import OrderLineRecord, OutboxMessageRecord
from pos.domain.money import Money
from pos.domain.return_requests import RequestState
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.scan import ScanKind, classify_scan
from pos.domain.settlement import Tender, TenderMethod
from pos.services.return_requests import RequestCounts, RequestedLine, ReturnRequestError
from pos.sync.mail import MailDispatcher, SmtpSettings
from pos.wiring import Store
from tests.support.shop import build_shop, on_hand, sell
from tests.support.smtp import SmtpTestServer, free_port


def test_an_approved_request_becomes_an_exchange_while_the_mail_server_was_away(
    sessions: SessionFactory,
) -> None:
    shop = build_shop(sessions)
    store = Store(sessions=sessions, clock=shop.clock, shop_name="Lumière")
    requests = store.return_requests
    # Hélène writes: two T-shirts in M are too small; she would like one of them in L.
    order = sell(shop, "10800", [("T-S-M", 2)])
    with sessions() as s:
        line = s.scalar(select(OrderLineRecord.id).where(OrderLineRecord.order_id == order))
    assert line is not None
    asked = requests.record(shop.manager, order, [RequestedLine(line, 2, "too small")],
                            reason="size", note="asked by e-mail on Sunday")
    assert requests.counts() == RequestCounts(1, 0, 0)
    # Maxime approves while the mail server is down: the e-mail waits in the outbox.
    approved = requests.approve(shop.manager, asked.request_id)
    port = free_port()
    settings = SmtpSettings(host="127.0.0.1", port=port, starttls=False,
                            sender="boutique@lumiere.example", timeout=5.0)
    dispatcher = MailDispatcher(sessions=sessions, settings=settings, clock=shop.clock,
                                rng=random.Random(3))
    assert dispatcher.run_once().retried == 1
    # The server comes back; the next round sends it.
    server = SmtpTestServer(port=port).start()
    try:
        shop.clock.advance(timedelta(minutes=5))
        assert dispatcher.run_once().sent == 1
        [received] = server.messages
    finally:
        server.stop()
    assert approved.authorisation_number in received.message["Subject"]
    with sessions() as s:
        states = s.scalars(select(OutboxMessageRecord.state)
                           .where(OutboxMessageRecord.kind == "return_request_email")).all()
    assert states == ["done"]
    # Four days later she comes in with her phone; the cashier scans the QR code.
    shop.clock.advance(timedelta(days=4))
    scanned = classify_scan(approved.qr_payload)
    assert scanned.kind is ScanKind.RETURN_AUTHORISATION
    found = requests.find_authorisation(scanned.value)
    order_id, draft = requests.draft_for(found.request_id)
    # She keeps one after all, and takes the other in L: an exchange of fewer units.
    exchange = Draft(
        DocumentKind.EXCHANGE, (ReturnRequest(str(line), 1, reason="too small"),),
        (store.returns.new_item(order_id=order_id, code="T-S-L"),),
        return_request_id=draft.return_request_id)
    quote = store.returns.quote(order_id, exchange)
    assert quote.balance == Money(0, "EUR")  # like-for-like keeps the paid price
    done = store.returns.commit(shop.cashier, order_id, exchange, [])
    assert done.kind is DocumentKind.EXCHANGE
    assert (on_hand(shop, "T-S-M"), on_hand(shop, "T-S-L")) == (6, 4)
    # The request is used: the badge is empty, the number no longer works.
    used = requests.detail(asked.request_id)
    assert (used.effective, used.document_id) == (RequestState.USED, done.document_id)
    assert requests.counts() == RequestCounts(0, 0, 0)
    with pytest.raises(ReturnRequestError) as again:
        store.returns.commit(shop.cashier, order_id, draft,
                             [Tender(TenderMethod.CASH, Money(2990, "EUR"))])
    assert again.value.code == "authorisation_used"
