"""Orders paid by gift card or by several means, written back by Wix's rules (issue 11).

Every mix reaches Wix: a gift-card payment is refunded whole or not at all, online payments
take what they can, counter money is recorded as external refunds, and what Wix cannot record
is said in a comment on the order — a done message with a note, never a parked one.
`commit_mixes` / `assert_mixes_on_wix` are shared with the fault and SIGKILL tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx

from pos.db.orders import record_order
from pos.db.records import OutboxMessageRecord
from pos.domain.money import Money
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from pos.services.returns import CommittedDocument
from pos.sync.client import WixError
from pos.sync.push import PushReport
from pos.sync.stock_push import StockPusher
from pos.sync.wix_orders import order_from_wix
from tests.sync import test_push
from tests.sync.test_push import (
    WixShop,
    assert_exchange_on_wix,
    comments,
    drain,
    exchange,
    lines_and_payments,
    messages,
    wix_counts,
    wix_id_of,
)

ws = test_push.ws  # the fixture (on the shared `bare_wix` site)


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def mixed_order(ws: WixShop, items: list[tuple[str, int]], payments: list[tuple[str, str]],
                *, shipping: str = "0") -> int:  # fmt: skip
    """An order on the fake paid by `payments`, pulled into the local database."""
    order = ws.fake.state.add_order(items, payments=payments, shipping=shipping,
                                    email="helene@example.fr")  # fmt: skip
    return pull(ws, order["id"])


def pull(ws: WixShop, wix_id: str) -> int:
    data = order_from_wix(ws.fake.state.get_order(wix_id), ws.fake.state.get_transactions(wix_id))
    with ws.shop.sessions.begin() as s:
        return record_order(s, data).id


def online_refund(ws: WixShop, wix_id: str, payment_index: int, amount: str) -> None:
    """A refund made on the Wix dashboard (no lines): through Wix's own endpoint."""
    payment = ws.fake.state.get_transactions(wix_id)["payments"][payment_index]
    body = {"orderId": wix_id, "paymentRefunds": [{"paymentId": payment["id"],
                                                   "amount": {"amount": amount}}]}  # fmt: skip
    with httpx.Client(base_url=ws.fake.base_url, headers=ws.fake.headers, timeout=5) as http:
        response = http.post("/ecom/v1/order-billing/refund-payments", json=body)
    assert response.status_code == 200, response.text


def refund(ws: WixShop, order: int, returns: list[tuple[int, int]], tenders: list[Any],
           *, shipping: bool = False) -> CommittedDocument:  # fmt: skip
    """Refund `returns` ((line index, quantity)) with `tenders`: ("cash", minor) or
    ("original", payment index, minor)."""
    lines, payments = lines_and_payments(ws, order)
    made = [Tender(TenderMethod.CASH, eur(t[1])) if t[0] == "cash" else
            Tender(TenderMethod.ORIGINAL_PAYMENT, eur(t[2]), payment_id=payments[t[1]])
            for t in tenders]  # fmt: skip
    draft = Draft(DocumentKind.REFUND, tuple(ReturnRequest(lines[i], q) for i, q in returns),
                  refund_shipping=shipping)  # fmt: skip
    return ws.shop.returns.commit(ws.shop.manager, order, draft, made)


def drain_all(ws: WixShop, *, rounds: int = 60) -> PushReport:
    """`drain`, the stock pusher included (a return Wix cannot refund is restocked by us)."""
    stock = StockPusher(client=ws.client, sessions=ws.shop.sessions, clock=ws.shop.clock)
    total = PushReport()
    for _ in range(rounds):
        total = total + ws.pusher.run_once() + stock_round(stock)
        counts = wix_counts(ws)
        if not counts.get("pending") and not counts.get("in_flight"):
            return total
        ws.shop.clock.advance(timedelta(hours=1))
    raise AssertionError(f"the outbox did not drain: {wix_counts(ws)}")


def stock_round(stock: StockPusher) -> PushReport:
    """One stock push; a busy or unreachable Wix ends it (as in the sync engine)."""
    try:
        stocked = stock.run_once()
    except WixError:
        return PushReport()
    return PushReport(parked=stocked.parked, needs_review=stocked.needs_review)


@dataclass
class Mixes:
    """The counter documents of every payment mix, by name: (local order id, document)."""

    docs: dict[str, tuple[int, CommittedDocument]]

    def wix_id(self, ws: WixShop, name: str) -> str:
        return wix_id_of(ws, self.docs[name][0])


def commit_mixes(ws: WixShop) -> Mixes:
    """One document per payment mix of issue 11, committed at the counter, nothing pushed."""
    docs: dict[str, tuple[int, CommittedDocument]] = {}
    # Gift card + card, an equal exchange: the credit is recorded on both, the card whole.
    order = mixed_order(ws, [("JEA-M", 1)], [("gift_card", "50.00"), ("card", "29.90")])
    docs["gift_card_and_card_exchange"] = order, exchange(ws, order, to="JEA-L")
    # Gift card + card, one line refunded in cash: the card takes 29.80, 0.10 is left over.
    order = mixed_order(ws, [("JEA-M", 1), ("T-S-M", 1)],
                        [("gift_card", "80.00"), ("card", "29.80")])  # fmt: skip
    docs["gift_card_and_card_cash"] = order, refund(ws, order, [(1, 1)], [("cash", 2990)])
    # Gift card only, all returned to the card: refunded whole through Wix.
    order = mixed_order(ws, [("JEA-M", 1)], [("gift_card", "79.90")])
    docs["gift_card_whole"] = order, refund(ws, order, [(0, 1)], [("original", 0, 7990)])
    # Gift card only, one of two returned in cash: no refund can be sent; a note instead.
    order = mixed_order(ws, [("T-S-M", 2)], [("gift_card", "59.80")])
    docs["gift_card_partial"] = order, refund(ws, order, [(0, 1)], [("cash", 2990)])
    # Gift card only, one of two exchanged: the replacement goes, the original gets a note.
    order = mixed_order(ws, [("T-S-M", 2)], [("gift_card", "59.80")])
    docs["gift_card_partial_exchange"] = order, exchange(ws, order, to="T-S-L")
    # Two cards, both refunded to where they came from.
    order = mixed_order(ws, [("JEA-M", 2)], [("card", "100.00"), ("card", "59.80")])
    docs["two_cards"] = order, refund(ws, order, [(0, 2)], [("original", 0, 10000),
                                                            ("original", 1, 5980)])  # fmt: skip
    # Partly refunded online before the counter saw it: the card takes what is left.
    placed = ws.fake.state.add_order([("JEA-M", 2)], payments="card", email="h@example.fr")
    online_refund(ws, placed["id"], 0, "100.00")
    order = pull(ws, placed["id"])
    docs["refunded_online_before"] = order, refund(ws, order, [(0, 1)], [("original", 0, 5980),
                                                                       ("cash", 2010)])  # fmt: skip
    # Shipping refunded, on gift card (whole) + card.
    order = mixed_order(ws, [("T-S-M", 1)], [("gift_card", "10.00"), ("card", "24.80")],
                        shipping="4.90")  # fmt: skip
    docs["shipping"] = order, refund(ws, order, [(0, 1)], [("original", 0, 1000),
                                                           ("original", 1, 2480)], shipping=True)
    # Refunded online after the counter's commit, before the push: planned again from Wix.
    placed = ws.fake.state.add_order([("JEA-M", 1)], payments="card", email="h@example.fr")
    order = pull(ws, placed["id"])
    docs["refunded_online_after"] = order, refund(ws, order, [(0, 1)], [("original", 0, 7990)])
    online_refund(ws, placed["id"], 0, "30.00")
    return Mixes(docs)


def refunds_on(ws: WixShop, wix_id: str) -> list[list[tuple[str, bool]]]:
    """Each refund's transactions as (amount, external), the online ones included."""
    return [[(t["amount"]["amount"], t["externalRefund"]) for t in r["transactions"]]
            for r in ws.fake.state.get_transactions(wix_id)["refunds"]]  # fmt: skip


def reason_of(ws: WixShop, wix_id: str) -> str:
    """The reason of the order's last refund."""
    return str(ws.fake.state.get_transactions(wix_id)["refunds"][-1]["details"]["reason"])


def notes(ws: WixShop) -> dict[str, str]:
    """The notes left on done messages, by document id."""
    return {str(m.document_id): m.last_error for m in messages(ws)
            if m.destination == "wix" and m.state == "done" and m.last_error}  # fmt: skip


def assert_mixes_on_wix(ws: WixShop, mixes: Mixes) -> None:
    """Every mix is on Wix once, as Wix's rules allow, and every message is done."""
    state, docs = ws.fake.state, mixes.docs
    assert {m.state for m in messages(ws) if m.destination == "wix"} == {"done"}
    kept = notes(ws)

    wix_id = mixes.wix_id(ws, "gift_card_and_card_exchange")
    assert refunds_on(ws, wix_id) == [[("50.00", True), ("29.90", True)]]
    (new,) = state.orders_with_external_id(docs["gift_card_and_card_exchange"][1].document_id)
    assert [p["amount"]["amount"] for p in state.get_transactions(new["id"])["payments"]] == [
        "79.90"
    ]

    wix_id = mixes.wix_id(ws, "gift_card_and_card_cash")
    assert refunds_on(ws, wix_id) == [[("29.80", True)]]
    assert state.get_order(wix_id)["lineItems"][1]["restockQuantity"] == 1
    note = kept[docs["gift_card_and_card_cash"][1].document_id]
    assert "0.10 EUR could not be recorded" in note and "only whole" in note
    # The figures travel with the refund (no extra request): its reason says them.
    assert comments(state.get_order(wix_id)) == []
    assert reason_of(ws, wix_id) == (
        f"refund {docs['gift_card_and_card_cash'][1].number}: 29.90 EUR refunded at the "
        "counter, 0.10 EUR not recorded on Wix (a gift-card payment is refunded only whole)"
    )

    wix_id = mixes.wix_id(ws, "gift_card_whole")
    assert refunds_on(ws, wix_id) == [[("79.90", False)]]
    assert state.get_transactions(wix_id)["payments"][0]["status"] == "VOIDED"

    wix_id = mixes.wix_id(ws, "gift_card_partial")
    assert refunds_on(ws, wix_id) == []
    note = kept[docs["gift_card_partial"][1].document_id]
    assert comments(state.get_order(wix_id)) == [note]
    assert "29.90 EUR could not be recorded" in note and "not marked refunded" in note

    wix_id = mixes.wix_id(ws, "gift_card_partial_exchange")
    assert refunds_on(ws, wix_id) == []
    done = docs["gift_card_partial_exchange"][1]
    (new,) = state.orders_with_external_id(done.document_id)
    (comment,) = comments(state.get_order(wix_id))
    assert comment.startswith(f"Exchange {done.number}: replacement order {new['number']}. ")
    assert "29.90 EUR could not be recorded" in comment

    assert refunds_on(ws, mixes.wix_id(ws, "two_cards")) == [[("100.00", False),
                                                            ("59.80", False)]]  # fmt: skip

    wix_id = mixes.wix_id(ws, "refunded_online_before")
    assert refunds_on(ws, wix_id) == [[("100.00", False)], [("59.80", False)]]
    assert "20.10 EUR could not be recorded" in kept[docs["refunded_online_before"][1].document_id]
    assert reason_of(ws, wix_id).endswith("20.10 EUR not recorded on Wix")

    wix_id = mixes.wix_id(ws, "shipping")
    assert refunds_on(ws, wix_id) == [[("10.00", False), ("24.80", False)]]
    (shipped,) = state.get_transactions(wix_id)["refunds"]
    assert shipped["details"]["shipping"]["amount"]["amount"] == "4.90"

    wix_id = mixes.wix_id(ws, "refunded_online_after")
    assert refunds_on(ws, wix_id) == [[("30.00", False)], [("49.90", False)]]
    assert "30.00 EUR could not be" in kept[docs["refunded_online_after"][1].document_id]
    assert "30.00 EUR could not be" in reason_of(ws, wix_id)


def test_every_payment_mix_reaches_wix_and_nothing_is_parked(ws: WixShop) -> None:
    mixes = commit_mixes(ws)
    report = drain_all(ws)
    assert report.parked == 0 and report.needs_review == 0
    assert_mixes_on_wix(ws, mixes)
    # Wix refused nothing: every refund was planned within its rules.
    assert all(entry.status == 200 for entry in ws.fake.log.entries)


def test_a_gift_card_exchange_takes_as_many_requests_as_a_card_one(ws: WixShop) -> None:
    by_card = exchange(ws, test_push.wix_order(ws, [("JEA-M", 1)]), to="JEA-L")
    drain(ws)
    card_requests = len(ws.fake.log.entries)
    ws.fake.log.clear()
    order = mixed_order(ws, [("JEA-M", 1)], [("gift_card", "50.00"), ("card", "29.90")])
    exchange(ws, order, to="JEA-L")
    drain(ws)
    assert len(ws.fake.log.entries) == card_requests
    assert by_card.number


def test_a_return_wix_cannot_refund_is_restocked_by_the_counter(ws: WixShop) -> None:
    # Hélène paid two T-shirts with a gift card and brings one back for cash.
    order = mixed_order(ws, [("T-S-M", 2)], [("gift_card", "59.80")])
    refund(ws, order, [(0, 1)], [("cash", 2990)])
    kinds = [m.kind for m in messages(ws)]
    assert kinds == ["wix.stock_delta", "wix.comment"]
    before = ws.fake.state.stock("T-S-M")
    drain_all(ws)
    assert ws.fake.state.stock("T-S-M") == before + 1  # no refund carries it: the POS does


def test_an_equal_card_exchange_is_unchanged(ws: WixShop) -> None:
    order = test_push.wix_order(ws, [("T-S-M", 1)])
    done = exchange(ws, order)
    drain(ws)
    assert_exchange_on_wix(ws, wix_id_of(ws, order), done)
    assert not notes(ws)


def test_a_refund_planned_again_is_read_back_with_its_new_plan(ws: WixShop) -> None:
    # Refunded to the card at the counter; 30.00 refunded online before the push.
    placed = ws.fake.state.add_order([("JEA-M", 1)], payments="card", email="h@example.fr")
    order = pull(ws, placed["id"])
    refund(ws, order, [(0, 1)], [("original", 0, 7990)])
    online_refund(ws, placed["id"], 0, "30.00")
    # The answer to the (re-planned) refund is lost: the read-back must expect 49.90.
    ws.fake.faults.next("POST /ecom/v1/order-billing/refund-payments", "drop-after")
    report = drain(ws)
    assert (report.done_by_readback, report.needs_review, report.parked) == (1, 0, 0)
    assert refunds_on(ws, placed["id"]) == [[("30.00", False)], [("49.90", False)]]


def test_a_refund_wix_can_no_longer_take_is_not_sent_and_says_so(ws: WixShop) -> None:
    placed = ws.fake.state.add_order([("JEA-M", 1)], payments="card", email="h@example.fr")
    order = pull(ws, placed["id"])
    done = refund(ws, order, [(0, 1)], [("original", 0, 7990)])
    online_refund(ws, placed["id"], 0, "79.90")  # all of it, on the dashboard, meanwhile
    assert drain(ws) == PushReport(done_by_readback=1)
    assert refunds_on(ws, placed["id"]) == [[("79.90", False)]]  # only the online one
    assert "nothing was sent" in notes(ws)[done.document_id]


def test_a_plan_wix_can_take_whole_is_sent_without_a_note(ws: WixShop) -> None:
    placed = ws.fake.state.add_order([("JEA-M", 1)], payments="card", email="h@example.fr")
    order = pull(ws, placed["id"])
    refund(ws, order, [(0, 1)], [("original", 0, 7990)])
    (step,) = messages(ws)
    with ws.shop.sessions.begin() as s:  # a stale plan: the card could take less then
        record = s.get(OutboxMessageRecord, step.id)
        planned = [{**record.payload["payment_refunds"][0], "amount_minor": 5000}]
        record.payload = {**record.payload, "payment_refunds": planned}
    assert drain(ws) == PushReport(sent=1)
    assert refunds_on(ws, placed["id"]) == [[("79.90", False)]]
    assert notes(ws) == {}


def test_a_cancelled_gift_card_order_refunded_in_cash_records_the_card_whole(
    ws: WixShop,
) -> None:
    # Cash given back for a whole order paid by gift card: the card's payment is recorded as
    # refunded outside Wix, whole (its exact amount); nothing is left over, so no note.
    order = mixed_order(ws, [("T-S-M", 1)], [("gift_card", "29.90")])
    draft = Draft(DocumentKind.CANCELLATION, note="annulée")
    ws.shop.returns.commit(ws.shop.manager, order, draft, [Tender(TenderMethod.CASH, eur(2990))])
    before = ws.fake.state.stock("T-S-M")
    assert drain_all(ws).parked == 0
    wix_id = wix_id_of(ws, order)
    assert ws.fake.state.get_order(wix_id)["status"] == "CANCELED"
    assert ws.fake.state.stock("T-S-M") == before + 1  # restockAllItems, once
    assert refunds_on(ws, wix_id) == [[("29.90", True)]]
    assert comments(ws.fake.state.get_order(wix_id)) == [] and notes(ws) == {}
