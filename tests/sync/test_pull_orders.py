"""The orders pull over HTTP against the fake Wix: ties, incremental pulls, interruption,
malformed orders, random faults, both databases."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from pos.db.engine import SessionFactory
from pos.db.records import (
    CustomerRecord,
    OrderLineRecord,
    OrderRecord,
    PaymentRecord,
    StockLevelRecord,
    SyncCursorRecord,
    VariantRecord,
)
from pos.services.history import SalesHistoryService
from pos.sync.client import WixClient
from pos.sync.pull import Puller, PullReport
from pos.sync.status import read_status
from tests.fakes.wix import FakeWix
from tests.support.clock import FakeClock
from tests.sync.conftest import RecordedSleep, make_client

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
T0 = datetime(2026, 2, 1, 10, 0, tzinfo=UTC)
SEARCH = "/ecom/v1/orders/search"
TRANSACTIONS = "/ecom/v1/payments/list-by-ids"


@pytest.fixture
def fake() -> Iterator[FakeWix]:
    with FakeWix() as site:
        site.state.add_product(
            "T-shirt bio",
            variants=[
                ("TS-M", "3700000000011", "29.90", {"Taille": "M"}, 10),
                ("TS-L", "3700000000028", "31.50", {"Taille": "L"}, 2),
            ],
        )
        yield site


@pytest.fixture
def client(fake: FakeWix) -> Iterator[WixClient]:
    with make_client(fake, RecordedSleep()) as wix:
        yield wix


@pytest.fixture
def puller(client: WixClient, sessions: SessionFactory) -> Puller:
    return Puller(client=client, sessions=sessions, clock=FakeClock(NOW))


def seed_orders(fake: FakeWix, count: int = 250) -> list[dict[str, Any]]:
    """`count` orders: 120 sharing one millisecond (more than a page), then threes a minute
    apart (ties inside pages)."""
    orders = [fake.state.add_order([("TS-M", 1)], created_at=T0) for _ in range(min(count, 120))]
    for index in range(count - len(orders)):
        moment = T0 + timedelta(minutes=1 + index // 3)
        orders.append(fake.state.add_order([("TS-L", 2)], payments="cash", created_at=moment))
    return orders


def recorded(sessions: SessionFactory) -> dict[str, datetime | None]:
    with sessions() as s:
        rows = s.execute(select(OrderRecord.wix_id, OrderRecord.wix_updated_at)).all()
    ids = [wix_id for wix_id, _ in rows]
    assert len(ids) == len(set(ids))  # never twice
    return dict(rows)  # type: ignore[arg-type]


def cursor(sessions: SessionFactory, name: str) -> str | None:
    with sessions() as s:
        record = s.get(SyncCursorRecord, name)
        return None if record is None else record.value


def transaction_ids(fake: FakeWix) -> list[str]:
    return [
        i for r in fake.log.matching(TRANSACTIONS) if r.status == 200 for i in r.body["orderIds"]
    ]


def snapshot(sessions: SessionFactory) -> dict[str, Any]:
    tables = (OrderRecord, OrderLineRecord, PaymentRecord, CustomerRecord, VariantRecord,
              StockLevelRecord)  # fmt: skip
    with sessions() as s:
        return {
            table.__tablename__: sorted(
                tuple(str(getattr(row, c.key)) for c in table.__table__.columns)
                for row in s.scalars(select(table))
            )
            for table in tables
        }


def test_orders_with_ties_across_pages_are_recorded_once(fake: FakeWix, puller: Puller, sessions):
    orders = seed_orders(fake)
    progress: list[tuple[int, int | None, str]] = []
    report = puller.pull_orders(lambda *call: progress.append(call))
    assert (report.changed, report.rejected, report.complete) == (250, (), True)
    assert set(recorded(sessions)) == {o["id"] for o in orders}
    assert sorted(transaction_ids(fake)) == sorted(o["id"] for o in orders)  # each once
    assert report.watermark == orders[-1]["updatedDate"] == cursor(sessions, "orders.watermark")
    assert progress[-1] == (250, None, "orders") and len(progress) == report.pages
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(OrderLineRecord)) == 250
        assert s.scalar(select(func.count()).select_from(PaymentRecord)) == 250


def test_search_follows_the_incremental_recipe(fake: FakeWix, puller: Puller):
    seed_orders(fake, 130)
    puller.pull_orders()
    first, *others = [r.body["search"] for r in fake.log.matching(SEARCH)]
    assert "filter" not in first and first["sort"] == [{"fieldName": "updatedDate", "order": "ASC"}]
    assert first["cursorPaging"] == {"limit": 100}
    fresh = [body for body in others if "filter" in body]
    assert fresh and all(set(body["filter"]) == {"updatedDate"} for body in fresh)
    followed = [body for body in others if "cursor" in body["cursorPaging"]]
    assert followed and all(set(body) == {"cursorPaging"} for body in followed)


def test_second_pull_fetches_only_what_changed(fake: FakeWix, puller: Puller, sessions):
    orders = seed_orders(fake)
    puller.pull_orders()
    fake.state.clock.advance(hours=1)
    touched = fake.state.touch_order(orders[5]["id"])
    fake.log.clear()
    report = puller.pull_orders()
    assert (report.changed, report.watermark) == (1, touched)
    assert len(fake.log.matching(SEARCH)) == 1  # the overlap window holds one page
    assert transaction_ids(fake) == [orders[5]["id"]]
    assert recorded(sessions)[orders[5]["id"]] == datetime.fromisoformat(touched)
    fake.log.clear()
    idle = puller.pull_orders()
    assert (idle.changed, transaction_ids(fake), len(fake.log.matching(SEARCH))) == (0, [], 1)


class Interrupted(Exception):
    pass


def stop_after_first_page(done: int, total: int | None, what: str) -> None:
    raise Interrupted  # e.g. the application closing: the page is already committed


@pytest.mark.parametrize("how", ["max_pages", "crash"])
def test_interrupted_pull_resumes_exactly_once(fake: FakeWix, puller: Puller, sessions, how: str):
    orders = seed_orders(fake)
    if how == "max_pages":
        first = puller.pull_orders(max_pages=1)
        assert (first.complete, first.changed, first.pages) == (False, 100, 1)
    else:
        with pytest.raises(Interrupted):
            puller.pull_orders(stop_after_first_page)
    assert len(recorded(sessions)) == 100
    rest = puller.pull_orders()
    assert (rest.complete, rest.changed, rest.rejected) == (True, 150, ())
    assert set(recorded(sessions)) == {o["id"] for o in orders}
    assert sorted(transaction_ids(fake)) == sorted(o["id"] for o in orders)


def break_order(fake: FakeWix, order_id: str) -> None:
    with fake.state.lock:
        fake.state.orders[order_id]["lineItems"][0]["price"]["amount"] = "12,50"


def test_malformed_order_is_reported_and_the_others_land(fake: FakeWix, puller: Puller, sessions):
    orders = seed_orders(fake, 30)
    bad = orders[12]["id"]
    break_order(fake, bad)
    report = puller.pull_orders()
    assert report.changed == 29 and [r.wix_id for r in report.rejected] == [bad]
    assert "amount_invalid at order.lineItems[0].price.amount" in report.rejected[0].reason
    assert set(recorded(sessions)) == {o["id"] for o in orders} - {bad}
    assert bad in json.loads(cursor(sessions, "orders.rejected") or "{}")
    with fake.state.lock:  # fixed on Wix: a new updatedDate brings it back
        fake.state.orders[bad]["lineItems"][0]["price"]["amount"] = "29.90"
    fake.state.clock.advance(hours=1)
    fake.state.touch_order(bad)
    again = puller.pull_orders()
    assert (again.changed, again.rejected) == (1, ())
    assert bad in recorded(sessions) and json.loads(cursor(sessions, "orders.rejected")) == {}


@pytest.mark.parametrize("kind", ["wrong-shape", "garbage"])
def test_unreadable_page_is_read_again(fake: FakeWix, puller: Puller, sessions, kind: str):
    orders = seed_orders(fake, 150)
    fake.faults.next(f"POST {SEARCH}", kind).next(f"POST {TRANSACTIONS}", kind)
    report = puller.pull_orders()
    assert (report.changed, report.rejected) == (150, ())
    assert [k for *_, k in fake.faults.injected] == [kind, kind]
    assert set(recorded(sessions)) == {o["id"] for o in orders}


def full_pull(puller: Puller) -> list[PullReport]:
    return [puller.pull_catalog(), puller.pull_stock(), puller.pull_orders()]


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_pull_completes_exactly_under_random_faults(
    fake: FakeWix, puller: Puller, sessions, seed: int
):
    orders = seed_orders(fake)
    fake.faults.random(rate=0.2, seed=seed)
    reports = full_pull(puller)
    assert len(fake.faults.injected) >= 2
    assert all(r.rejected == () and r.complete for r in reports)
    fake.faults.clear()
    before = snapshot(sessions)
    assert [r.changed for r in full_pull(puller)] == [0, 0, 0]  # a clean pull finds nothing
    assert snapshot(sessions) == before
    assert set(recorded(sessions)) == {o["id"] for o in orders}


def test_lines_buyer_payments_refunds_and_search(
    fake: FakeWix, client: WixClient, puller: Puller, sessions
):
    puller.pull_catalog()
    order = fake.state.add_order(
        [("TS-M", 2), ("TS-L", 1)], email="lea.dupont@example.com", name=("Léa", "Dupont")
    )
    hidden = fake.state.add_order([("TS-M", 1)])
    with fake.state.lock:
        fake.state.orders[hidden["id"]]["status"] = "INITIALIZED"  # never returned by Search
    (payment,) = fake.state.get_transactions(order["id"])["payments"]
    client.write("POST", "/ecom/v1/order-billing/refund-payments", {
        "orderId": order["id"],
        "paymentRefunds": [{"paymentId": payment["id"], "amount": {"amount": "29.90"},
                            "externalRefund": True}],
        "refundItems": {"lineItems": [{"lineItemId": order["lineItems"][0]["id"], "quantity": 1}]},
    })  # fmt: skip
    puller.pull_orders()
    assert set(recorded(sessions)) == {order["id"]}
    with sessions() as s:
        record = s.scalar(select(OrderRecord).where(OrderRecord.wix_id == order["id"]))
        assert record is not None and record.customer is not None
        assert (record.customer.last_name, record.buyer_email) == (
            "Dupont",
            "lea.dupont@example.com",
        )
        assert [(ln.sku, ln.quantity, ln.refunded_quantity) for ln in record.lines] == [
            ("TS-M", 2, 1), ("TS-L", 1, 0),
        ]  # fmt: skip
        assert all(line.variant_id is not None for line in record.lines)
        (paid,) = record.payments
        assert (paid.amount_minor, paid.refunded_minor, paid.method) == (9130, 2990, "card")
    history = SalesHistoryService(sessions=sessions, clock=FakeClock(NOW))
    for query in (order["number"], "dupont", "lea.dupont@example.com"):
        assert [hit.number for hit in history.search(query).results] == [order["number"]]


def test_hostile_orders_are_refused_in_plain_words_and_the_round_goes_on(
    fake: FakeWix, puller: Puller, sessions
):
    orders = seed_orders(fake, 30)
    hostile = {  # issue 10: each one stopped the round or recorded nonsense before
        orders[3]["id"]: ("billingInfo.contactDetails.lastName", "Mar\ud800tin",
                          "broken Unicode character"),
        orders[5]["id"]: ("number", "\x00", "NUL character"),
        orders[8]["id"]: ("purchasedDate", "1969-12-31T23:59:59.000Z", "before 1970"),
        orders[13]["id"]: ("lineItems.0.quantity", 100_000, "above what Comptoir records"),
        orders[21]["id"]: ("lineItems.0.totalDiscount", {"amount": "999.00"},
                           "larger than the line's price"),
    }
    with fake.state.lock:
        for order_id, (path, value, _) in hostile.items():
            node: Any = fake.state.orders[order_id]
            *parents, last = path.split(".")
            for part in parents:
                node = node[int(part)] if part.isdigit() else node[part]
            node[last] = value
            if last == "quantity":
                node["price"]["amount"] = "1000000000000000"
        over_refunded = orders[25]["id"]
        payment = fake.state.payments[over_refunded][0]
        fake.state.refunds[over_refunded].append({"id": "r-999", "transactions": [
            {"paymentId": payment["id"], "amount": {"amount": "999.00"}}]})
    report = puller.pull_orders()
    assert report.complete and report.changed == 24
    reasons = {r.wix_id: r.reason for r in report.rejected}
    assert set(reasons) == set(hostile) | {over_refunded}
    for order_id, (*_, words) in hostile.items():
        assert reasons[order_id].startswith("Wix sent an order Comptoir cannot read: ")
        assert words in reasons[order_id]
    assert "refunds add up to more than the payment" in reasons[over_refunded]
    assert set(recorded(sessions)) == {o["id"] for o in orders} - set(reasons)
    assert set(json.loads(cursor(sessions, "orders.rejected") or "{}")) == set(reasons)
    shown = read_status(sessions, leader=False).refused_orders
    assert {(o.wix_id, o.reason) for o in shown} == set(reasons.items())


def test_an_order_whose_id_cannot_be_stored_is_refused_and_the_round_goes_on(
    fake: FakeWix, puller: Puller, sessions
):
    orders = seed_orders(fake, 5)
    with fake.state.lock:  # the fake keys orders by id: give one a second, unstorable id
        fake.state.orders[orders[2]["id"]]["id"] = "bad\x00id\ud800"
    report = puller.pull_orders()
    assert report.complete and report.changed == 4
    (rejection,) = report.rejected
    assert "\\x00" in rejection.wix_id and "without a readable id" in rejection.reason


def test_a_pulled_card_payment_is_found_by_its_card_and_names_it(
    fake: FakeWix, puller: Puller, sessions
):
    puller.pull_catalog()
    paid = fake.state.add_order([("TS-M", 1)], card=("1881", "MASTERCARD"))
    fake.state.add_order([("TS-L", 1)], card=("1881", "VISA"))
    fake.state.add_order([("TS-L", 1)], payments="cash")
    puller.pull_orders()
    history = SalesHistoryService(sessions=sessions, clock=FakeClock(NOW))
    (hit,) = history.search("mastercard 1881").results
    assert (hit.number, hit.card) == (paid["number"], "1881")
    assert len(history.search("**** 1881").results) == 2
    (payment,) = history.order_detail(hit.order_id).payments
    assert (payment.card_last4, payment.card_brand, payment.reference) == (
        "1881", "mastercard", "**** 1881")  # fmt: skip
