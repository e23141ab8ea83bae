"""A counter refund written back to Wix is counted once when the order is pulled again."""

from __future__ import annotations

from pos.db.returns import load_context
from pos.domain.money import Money
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from pos.services.history import SalesHistoryService
from pos.sync.own_refunds import own_refund_ids, without_own_refunds
from pos.sync.pull import Puller
from pos.sync.wix_orders import order_from_wix
from tests.sync import test_push
from tests.sync.test_push import WixShop, drain, lines_and_payments, wix_id_of, wix_order

ws = test_push.ws  # the fixture (on the shared `bare_wix` site)


def pull_again(ws: WixShop) -> None:
    """The real order pull, against the fake."""
    report = Puller(client=ws.client, sessions=ws.shop.sessions, clock=ws.shop.clock
                    ).pull_orders()
    assert report.rejected == ()


def test_a_written_back_refund_is_not_counted_twice(ws: WixShop) -> None:
    # Two T-shirts bought online; one comes back at the counter, refunded to the card.
    order_id = wix_order(ws, [("T-S-M", 2)])
    (line,), (payment,) = lines_and_payments(ws, order_id)
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(line, 1),))
    amount = -ws.shop.returns.quote(order_id, draft).balance
    ws.shop.returns.commit(ws.shop.cashier, order_id, draft, [
        Tender(TenderMethod.ORIGINAL_PAYMENT, amount, payment_id=payment)])
    drain(ws)  # the refund reaches Wix: its refundQuantity is now 1, its payment refunded 29.90
    assert ws.fake.state.get_order(wix_id_of(ws, order_id))["lineItems"][0]["refundQuantity"] == 1
    pull_again(ws)
    with ws.shop.sessions() as s:
        snapshot = load_context(s, order_id).snapshot
    # One unit came back, once: one is still returnable, the card can still take 29.90.
    assert (snapshot.lines[0].already_returned, snapshot.lines[0].returnable) == (1, 1)
    assert snapshot.payments[0].refundable == Money(2990, "EUR")
    detail = SalesHistoryService(sessions=ws.shop.sessions, clock=ws.shop.clock).order_detail(
        order_id)
    assert (detail.lines[0].returned, detail.lines[0].returnable) == (1, 1)


def test_a_refund_made_online_still_counts(ws: WixShop) -> None:
    # The same order, refunded from the Wix dashboard instead: nothing of ours to discount.
    order_id = wix_order(ws, [("T-S-M", 2)])
    wix_id = wix_id_of(ws, order_id)
    with ws.shop.sessions() as s:
        assert own_refund_ids(s, wix_id) == set()
    transactions = ws.fake.state.get_transactions(wix_id)
    data = order_from_wix(ws.fake.state.get_order(wix_id), transactions)
    assert without_own_refunds(data, transactions, set()) == data
