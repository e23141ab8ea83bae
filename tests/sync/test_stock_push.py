"""The stock pusher against the fake Wix: coalesced deltas, bulk calls, exactly once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from pos.db import outbox
from pos.db.engine import SessionFactory
from pos.db.records import (
    OutboxMessageRecord,
    ProductRecord,
    StockLevelRecord,
    StockMovementRecord,
    VariantRecord,
)
from pos.db.sync_review import resolve
from pos.db.sync_state import pending_stock_deltas
from pos.services.writeback import stock_delta_step
from pos.sync.client import WixBusyError, WixClient
from pos.sync.stock_push import StockPusher
from tests.fakes.wix import FakeWix
from tests.support.clock import FakeClock
from tests.support.wix_site import TEST_KEY
from tests.sync.conftest import RecordedSleep, make_client

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
BULK = "POST /stores/v3/bulk/inventory-items/update"
QUERY = "/stores/v3/inventory-items/query"


# ---------------------------------------------------------------------- helpers (shared)


def link(sessions: SessionFactory, fake: FakeWix, skus: list[str]) -> dict[str, int]:
    """Local variants linked to the fake's products and variants; returns sku -> variant id."""
    ids: dict[str, int] = {}
    with sessions.begin() as s:
        products: dict[str, int] = {}
        for sku in skus:
            product, variant = fake.state.by_sku(sku)
            if product.id not in products:
                record = ProductRecord(wix_id=product.id, name=product.name)
                s.add(record)
                s.flush()
                products[product.id] = record.id
            local = VariantRecord(product_id=products[product.id], wix_variant_id=variant.id,
                                  sku=sku, price_minor=2990, currency="EUR")  # fmt: skip
            s.add(local)
            s.flush()
            quantity = fake.state.stock(sku)
            s.add(StockLevelRecord(variant_id=local.id, on_hand=quantity or 0,
                                   wix_quantity=quantity, updated_at=NOW))  # fmt: skip
            ids[sku] = local.id
    return ids


def queue(sessions: SessionFactory, variant_id: int, delta: int, *, linked: bool = True) -> int:
    """A POS-owned movement and its `wix.stock_delta` message, as the services write them."""
    with sessions.begin() as s:
        variant = s.get(VariantRecord, variant_id)
        product = s.get(ProductRecord, variant.product_id)
        s.add(StockMovementRecord(variant_id=variant_id, delta=delta, reason="adjust",
                                  owner="pos", created_at=NOW))  # fmt: skip
        step = stock_delta_step(
            variant_id=variant_id, sku=variant.sku,
            wix_product_id=product.wix_id if linked else "local",
            wix_variant_id=variant.wix_variant_id if linked else None,
            delta=delta, reason="adjust", document_id=None,
        )  # fmt: skip
        assert step is not None
        return outbox.enqueue(s, destination="wix", kind=step.kind, object_key=step.object_key,
                              payload=step.payload, now=NOW)  # fmt: skip


def states(sessions: SessionFactory) -> dict[int, str]:
    with sessions() as s:
        return dict(s.execute(select(OutboxMessageRecord.id, OutboxMessageRecord.state)).all())


def message(sessions: SessionFactory, message_id: int) -> OutboxMessageRecord:
    with sessions() as s:
        record = s.get(OutboxMessageRecord, message_id)
        assert record is not None
        return record


def unpushed(sessions: SessionFactory) -> int:
    with sessions() as s:
        return len(s.scalars(select(StockMovementRecord).where(
            StockMovementRecord.pushed_at.is_(None))).all())  # fmt: skip


def calls(fake: FakeWix, pattern: str) -> int:
    method, path = pattern.split(" ", 1)
    return len(fake.log.matching(path, method))


def on_write(client: WixClient, action: Callable[[], None], *, after: bool = False) -> None:
    """Run `action` once, just before (or after) the client's next write reaches Wix."""
    original = client.write

    def write(*args: Any, **kwargs: Any) -> dict[str, Any]:
        client.write = original  # type: ignore[method-assign]
        if not after:
            action()
            return original(*args, **kwargs)
        try:
            return original(*args, **kwargs)
        finally:
            action()

    client.write = write  # type: ignore[method-assign]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def pusher(wix_client: WixClient, sessions: SessionFactory, clock: FakeClock) -> StockPusher:
    return StockPusher(client=wix_client, sessions=sessions, clock=clock)


# ---------------------------------------------------------------------- V3


def test_deltas_of_two_variants_are_coalesced_into_one_bulk_update(
    fake_wix: FakeWix, sessions: SessionFactory, pusher: StockPusher
) -> None:
    ids = link(sessions, fake_wix, ["TS-M", "TS-L"])
    sent = [queue(sessions, ids["TS-M"], 2), queue(sessions, ids["TS-M"], 1),
            queue(sessions, ids["TS-L"], -1)]  # fmt: skip
    fake_wix.log.clear()
    report = pusher.run_once()
    assert (report.done, report.write_calls, report.read_calls) == (3, 1, 1)
    assert calls(fake_wix, BULK) == 1
    (update,) = fake_wix.log.matching("/stores/v3/bulk/inventory-items/update")
    assert len(update.body["inventoryItems"]) == 2  # one item per variant, deltas summed
    assert fake_wix.state.stock("TS-M") == 13
    assert fake_wix.state.stock("TS-L") == 1
    assert all(states(sessions)[i] == "done" for i in sent)
    assert unpushed(sessions) == 0
    with sessions() as s:
        level = s.get(StockLevelRecord, ids["TS-M"])
        assert (level.wix_quantity, level.wix_revision) == (13, "2")
    again = pusher.run_once()
    assert again.done == 0 and calls(fake_wix, BULK) == 1


def test_a_stale_revision_is_read_again_and_recomputed_never_doubled(
    fake_wix: FakeWix, sessions: SessionFactory, pusher: StockPusher, wix_client: WixClient
) -> None:
    ids = link(sessions, fake_wix, ["TS-M"])
    sent = queue(sessions, ids["TS-M"], 3)
    on_write(wix_client, lambda: fake_wix.state.set_stock("TS-M", 7))  # online sale meanwhile
    first = pusher.run_once()
    assert first.retry == 1 and fake_wix.state.stock("TS-M") == 7
    assert "changed on Wix" in message(sessions, sent).last_error
    second = pusher.run_once()
    assert second.done == 1
    assert fake_wix.state.stock("TS-M") == 10  # 7 + 3, not 10 + 3 nor 7 + 6
    assert calls(fake_wix, BULK) == 2


def test_a_dropped_answer_is_read_back_and_counted_once(
    fake_wix: FakeWix, sessions: SessionFactory, pusher: StockPusher
) -> None:
    ids = link(sessions, fake_wix, ["TS-M", "TS-L"])
    queue(sessions, ids["TS-M"], -4)
    queue(sessions, ids["TS-L"], 5)
    fake_wix.faults.next(BULK, "drop-after")
    report = pusher.run_once()
    assert report.done == 2 and report.read_calls == 2  # the read, then the read-back
    assert (fake_wix.state.stock("TS-M"), fake_wix.state.stock("TS-L")) == (6, 7)
    pusher.run_once()
    assert calls(fake_wix, BULK) == 1
    assert (fake_wix.state.stock("TS-M"), fake_wix.state.stock("TS-L")) == (6, 7)


def test_a_lost_request_that_was_not_applied_is_sent_again(
    fake_wix: FakeWix, sessions: SessionFactory, pusher: StockPusher
) -> None:
    ids = link(sessions, fake_wix, ["TS-M"])
    queue(sessions, ids["TS-M"], 2)
    fake_wix.faults.next(BULK, "504")  # nothing applied; the revision shows it
    first = pusher.run_once()
    assert first.retry == 1 and fake_wix.state.stock("TS-M") == 10
    assert pusher.run_once().done == 1
    assert fake_wix.state.stock("TS-M") == 12


def test_an_ambiguous_outcome_on_a_changed_item_needs_review(
    fake_wix: FakeWix, sessions: SessionFactory, pusher: StockPusher, wix_client: WixClient
) -> None:
    ids = link(sessions, fake_wix, ["TS-M"])
    sent = queue(sessions, ids["TS-M"], 2)
    make_review_case(fake_wix, wix_client)
    report = pusher.run_once()
    assert report.needs_review == 1
    record = message(sessions, sent)
    assert record.state == "needs_review"
    journal = record.journal
    assert (journal["quantity_before"], journal["delta"], journal["expected_quantity"]) == (
        10, 2, 12)  # fmt: skip
    assert journal["found_quantity"] == 11
    assert "expected 12" in record.last_error and "Wix shows 11" in record.last_error
    assert pusher.run_once().done == 0  # waits for a manager: never re-sent alone
    assert calls(fake_wix, BULK) == 1


def make_review_case(fake: FakeWix, client: WixClient) -> None:
    """The next bulk update is applied but its answer lost, and the item sells once more."""
    fake.faults.next(BULK, "drop-after")

    def sold() -> None:
        fake.state.set_stock("TS-M", fake.state.stock("TS-M") - 1)

    on_write(client, sold, after=True)


def test_250_items_cost_one_read_and_one_update(
    fake_wix: FakeWix, sessions: SessionFactory, pusher: StockPusher
) -> None:
    skus = [f"BIG-{n:03d}" for n in range(250)]
    fake_wix.state.add_product(
        "Chaussettes",
        variants=[(sku, f"37{n:011d}", "5.00", {"Taille": sku}, 20) for n, sku in enumerate(skus)],
    )
    ids = link(sessions, fake_wix, skus)
    for n, sku in enumerate(skus):
        queue(sessions, ids[sku], (n % 5) - 2 or 1)
    fake_wix.log.clear()
    report = pusher.run_once()
    assert report.done == 250
    assert (len(fake_wix.log.matching(QUERY, "POST")), calls(fake_wix, BULK)) == (1, 1)
    assert fake_wix.state.stock("BIG-004") == 22


def test_more_than_300_items_are_split_in_calls_of_300(
    fake_wix: FakeWix, sessions: SessionFactory, pusher: StockPusher
) -> None:
    skus = [f"XL-{n:03d}" for n in range(301)]
    fake_wix.state.add_product(
        "Bonnets",
        variants=[(sku, f"38{n:011d}", "5.00", {"Taille": sku}, 1) for n, sku in enumerate(skus)],
    )
    ids = link(sessions, fake_wix, skus)
    for sku in skus:
        queue(sessions, ids[sku], 1)
    fake_wix.log.clear()
    assert pusher.run_once().done == 301
    sizes = [len(e.body["inventoryItems"]) for e in fake_wix.log.matching(
        "/stores/v3/bulk/inventory-items/update")]  # fmt: skip
    assert sizes == [300, 1]


def test_an_attempt_left_in_flight_is_read_back_before_anything_is_sent(
    fake_wix: FakeWix, sessions: SessionFactory, pusher: StockPusher
) -> None:
    ids = link(sessions, fake_wix, ["TS-M"])
    sent = queue(sessions, ids["TS-M"], 2)
    fake_wix.faults.next(BULK, "drop-after")
    reads = {"n": 0}

    def read_then_fail(*args: Any, **kwargs: Any) -> Any:
        reads["n"] += args[1] == QUERY
        if reads["n"] > 1:
            raise WixBusyError("Wix is busy", status=503, code="UNAVAILABLE")
        return original(*args, **kwargs)

    original = pusher._client.read
    pusher._client.read = read_then_fail  # type: ignore[method-assign]
    with pytest.raises(WixBusyError):
        pusher.run_once()  # applied, answer lost, read-back impossible: stays in flight
    assert message(sessions, sent).state == "in_flight"
    pusher._client.read = original  # type: ignore[method-assign]
    report = pusher.run_once()  # a new run reads back first: applied, done
    assert report.done == 1 and fake_wix.state.stock("TS-M") == 12
    assert calls(fake_wix, BULK) == 1


def spoil(sessions: SessionFactory, message_id: int, **changes: Any) -> None:
    """Overwrite fields of a queued message's payload (a hand edit, an older writer's bug)."""
    with sessions.begin() as s:
        record = s.get(OutboxMessageRecord, message_id)
        assert record is not None
        record.payload = {**record.payload, **changes}


def test_a_malformed_stock_change_is_parked_with_the_steps_words_and_holds_its_variant(
    fake_wix: FakeWix, sessions: SessionFactory, pusher: StockPusher
) -> None:
    ids = link(sessions, fake_wix, ["TS-M", "TS-L"])
    first, bad, after = (queue(sessions, ids["TS-M"], d) for d in (2, 1, 3))
    other = queue(sessions, ids["TS-L"], -1)
    spoil(sessions, bad, delta="1")
    report = pusher.run_once()
    assert (report.done, report.parked) == (2, 1)
    record = message(sessions, bad)
    assert record.state == "parked"
    assert record.last_error == "not sent: the stock change step has an invalid 'delta' ('1')"
    assert states(sessions)[after] == "pending"  # the variant's later change waits behind it
    assert (states(sessions)[first], states(sessions)[other]) == ("done", "done")
    assert (fake_wix.state.stock("TS-M"), fake_wix.state.stock("TS-L")) == (12, 1)


def test_a_stock_change_found_in_flight_unreadable_goes_to_review(
    fake_wix: FakeWix, sessions: SessionFactory, pusher: StockPusher
) -> None:
    ids = link(sessions, fake_wix, ["TS-M"])
    sent = queue(sessions, ids["TS-M"], 2)
    with sessions.begin() as s:
        assert outbox.start_attempt(s, sent, now=NOW, journal={"group": "g1", "catalog": "V3"})
    spoil(sessions, sent, variant_id=None)
    fake_wix.log.clear()
    report = pusher.run_once()
    record = message(sessions, sent)
    assert (report.needs_review, record.state) == (1, "needs_review")
    assert record.last_error == (
        "cannot be read back: the stock change step has an invalid 'variant_id' (None)"
    )
    assert record.journal["review_code"] == "cannot_read_back"
    assert record.journal["group"] == "g1"  # the attempt's journal is kept
    assert calls(fake_wix, BULK) == 0


def test_a_variant_without_wix_ids_is_parked_as_not_on_wix(
    fake_wix: FakeWix, sessions: SessionFactory, pusher: StockPusher
) -> None:
    ids = link(sessions, fake_wix, ["TS-M"])
    with sessions.begin() as s:
        s.get(VariantRecord, ids["TS-M"]).wix_variant_id = None
    sent = queue(sessions, ids["TS-M"], 1, linked=False)
    assert pusher.run_once().parked == 1
    record = message(sessions, sent)
    assert record.state == "parked" and "not on Wix" in record.last_error
    assert record.journal["review_code"] == "stock_not_linked"
    assert calls(fake_wix, BULK) == 0


def test_when_wix_is_busy_the_change_waits_for_later(
    fake_wix: FakeWix, sessions: SessionFactory, pusher: StockPusher, clock: FakeClock
) -> None:
    ids = link(sessions, fake_wix, ["TS-M"])
    sent = queue(sessions, ids["TS-M"], 1)
    fake_wix.faults.next(BULK, "429")
    with pytest.raises(WixBusyError):
        pusher.run_once()
    record = message(sessions, sent)
    assert record.state == "pending" and record.next_attempt_at > NOW
    assert pusher.run_once().done == 0  # not due yet
    clock.advance(record.next_attempt_at - NOW)
    assert pusher.run_once().done == 1 and fake_wix.state.stock("TS-M") == 11


# ---------------------------------------------------------------------- V1


@pytest.fixture
def v1_wix() -> Iterator[FakeWix]:
    with FakeWix(api_key=TEST_KEY, catalog="V1") as site:
        site.state.add_product("Pull", variants=[
            ("PU-M", "3700000000111", "59.00", {"Taille": "M"}, 4),
            ("PU-L", "3700000000128", "59.00", {"Taille": "L"}, 6)])  # fmt: skip
        yield site


@pytest.fixture
def v1_pusher(
    v1_wix: FakeWix, waits: RecordedSleep, sessions: SessionFactory, clock: FakeClock
) -> Iterator[StockPusher]:
    with make_client(v1_wix, waits) as client:
        yield StockPusher(client=client, sessions=sessions, clock=clock)


def test_v1_increments_and_decrements_in_bulk(
    v1_wix: FakeWix, sessions: SessionFactory, v1_pusher: StockPusher
) -> None:
    ids = link(sessions, v1_wix, ["PU-M", "PU-L"])
    queue(sessions, ids["PU-M"], 2)
    queue(sessions, ids["PU-M"], 1)
    queue(sessions, ids["PU-L"], -2)
    report = v1_pusher.run_once()
    assert (report.done, report.write_calls, report.read_calls) == (3, 2, 1)
    assert (v1_wix.state.stock("PU-M"), v1_wix.state.stock("PU-L")) == (7, 4)
    assert unpushed(sessions) == 0


def test_v1_dropped_answer_read_back_applied_once(
    v1_wix: FakeWix, sessions: SessionFactory, v1_pusher: StockPusher
) -> None:
    ids = link(sessions, v1_wix, ["PU-M"])
    queue(sessions, ids["PU-M"], 3)
    v1_wix.faults.next("POST /stores/v2/inventoryItems/increment", "drop-after")
    assert v1_pusher.run_once().done == 1
    v1_pusher.run_once()
    assert v1_wix.state.stock("PU-M") == 7
    assert len(v1_wix.log.matching("/stores/v2/inventoryItems/increment")) == 1


def test_v1_ambiguous_and_changed_needs_review(
    v1_wix: FakeWix, sessions: SessionFactory, v1_pusher: StockPusher
) -> None:
    ids = link(sessions, v1_wix, ["PU-M"])
    sent = queue(sessions, ids["PU-M"], -1)
    v1_wix.faults.next("POST /stores/v2/inventoryItems/decrement", "drop-after")
    on_write(v1_pusher._client, lambda: v1_wix.state.set_stock("PU-M", 9), after=True)
    assert v1_pusher.run_once().needs_review == 1
    journal = message(sessions, sent).journal
    assert (journal["expected_quantity"], journal["found_quantity"]) == (3, 9)


def test_v1_a_decrement_below_zero_is_not_sent(
    v1_wix: FakeWix, sessions: SessionFactory, v1_pusher: StockPusher
) -> None:
    ids = link(sessions, v1_wix, ["PU-M"])
    queue(sessions, ids["PU-M"], -6)
    assert v1_pusher.run_once().needs_review == 1
    assert v1_wix.state.stock("PU-M") == 4
    assert not v1_wix.log.matching("/stores/v2/inventoryItems/decrement")


def test_a_parked_change_keeps_a_code_for_the_screen(
    fake_wix: FakeWix, sessions: SessionFactory, pusher: StockPusher
) -> None:
    ids = link(sessions, fake_wix, ["TS-M", "TS-L"])
    fake_wix.state.inventory_item("TS-M").quantity = None  # in stock / out of stock only
    gone = fake_wix.state.inventory_item("TS-L")
    del fake_wix.state.items[gone.id]  # no stock record at the shop's location
    counted, missing = queue(sessions, ids["TS-M"], 1), queue(sessions, ids["TS-L"], 1)
    assert pusher.run_once().parked == 2
    assert calls(fake_wix, BULK) == 0
    for sent, code in ((counted, "stock_not_counted"), (missing, "stock_no_record")):
        record = message(sessions, sent)
        assert record.state == "parked"
        assert record.journal["review_code"] == code
        assert record.journal["review_params"] == {"name": f"SKU {record.journal['sku']}"}


def test_a_malformed_stock_change_is_not_counted_as_pending(
    fake_wix: FakeWix, sessions: SessionFactory
) -> None:
    ids = link(sessions, fake_wix, ["TS-M"])
    queue(sessions, ids["TS-M"], 2)
    bad = queue(sessions, ids["TS-M"], 1)
    spoil(sessions, bad, delta="abc")  # read loosely, this ended the stock pull in a ValueError
    with sessions() as s:
        assert pending_stock_deltas(s) == {ids["TS-M"]: 2}


def test_dropping_an_unreadable_stock_change_settles_it_without_guessing(
    fake_wix: FakeWix, sessions: SessionFactory, pusher: StockPusher
) -> None:
    ids = link(sessions, fake_wix, ["TS-M"])
    bad = queue(sessions, ids["TS-M"], 1)
    spoil(sessions, bad, delta="1")
    assert pusher.run_once().parked == 1
    with sessions.begin() as s:
        assert resolve(s, bad, decision="drop", reason="typo", now=NOW) == [bad]
    with sessions() as s:
        assert pending_stock_deltas(s) == {}
        level = s.get(StockLevelRecord, ids["TS-M"])
        assert level is not None and level.on_hand == 10  # the unread "1" moved nothing
    assert message(sessions, bad).state == "done"
