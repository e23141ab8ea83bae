"""The stock pull over HTTP against the fake Wix: the shop's location only, unpushed local
movements kept in `on_hand`, V1 and V3, both databases."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from pos.db import outbox
from pos.db.engine import SessionFactory
from pos.db.records import StockLevelRecord, StockMovementRecord, SyncCursorRecord, VariantRecord
from pos.db.sync_state import pending_stock_deltas
from pos.services.writeback import stock_delta_step
from pos.sync.client import WixClient
from pos.sync.pull import Puller
from tests.fakes.wix import FakeWix
from tests.support.clock import FakeClock
from tests.sync.conftest import RecordedSleep, make_client

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(params=["V3", "V1"])
def fake(request: pytest.FixtureRequest) -> Iterator[FakeWix]:
    with FakeWix(catalog=request.param) as site:
        site.state.add_product(
            "T-shirt bio",
            variants=[
                ("TS-M", "3700000000011", "29.90", {"Taille": "M"}, 10),
                ("TS-L", "3700000000028", "29.90", {"Taille": "L"}, 2),
            ],
        )
        site.state.add_product("Mug", variants=[("MUG-1", "3700000000035", "12.00", {}, 7)])
        yield site


@pytest.fixture
def client(fake: FakeWix) -> Iterator[WixClient]:
    with make_client(fake, RecordedSleep()) as wix:
        yield wix


@pytest.fixture
def puller(client: WixClient, sessions: SessionFactory) -> Puller:
    puller = Puller(client=client, sessions=sessions, clock=FakeClock(NOW))
    puller.pull_catalog()
    return puller


def levels(sessions: SessionFactory) -> dict[str, tuple[int, int | None, str | None]]:
    """(on_hand, wix_quantity, wix_revision) by SKU."""
    with sessions() as s:
        rows = s.execute(
            select(VariantRecord.sku, StockLevelRecord).join(
                StockLevelRecord, StockLevelRecord.variant_id == VariantRecord.id
            )
        )
        return {sku: (lv.on_hand, lv.wix_quantity, lv.wix_revision) for sku, lv in rows}


def variant_of(sessions: SessionFactory, sku: str) -> VariantRecord:
    with sessions() as s:
        variant = s.scalar(select(VariantRecord).where(VariantRecord.sku == sku))
        assert variant is not None
        return variant


def local_movement(
    sessions: SessionFactory, sku: str, delta: int, *, state: str = "pending"
) -> int:
    """A POS-owned movement as the counter records it: on_hand moved, a stock delta queued."""
    variant = variant_of(sessions, sku)
    with sessions.begin() as s:
        level = s.get(StockLevelRecord, variant.id)
        assert level is not None
        level.on_hand += delta
        s.add(StockMovementRecord(variant_id=variant.id, delta=delta, reason="adjust",
                                  owner="pos", note="", created_at=NOW))  # fmt: skip
        step = stock_delta_step(
            variant_id=variant.id, sku=sku, wix_product_id="p", wix_variant_id=None,
            delta=delta, reason="adjust", document_id=None,
        )  # fmt: skip
        assert step is not None
        message = outbox.enqueue(
            s, destination="wix", kind=step.kind, object_key=step.object_key,
            payload=step.payload, now=NOW,
        )  # fmt: skip
        if state == "done":
            outbox.settle(s, message, outbox.DONE, now=NOW)
        return message


def test_stock_lands_with_quantity_and_revision(fake: FakeWix, puller: Puller, sessions):
    report = puller.pull_stock()
    assert (report.seen, report.changed, report.rejected) == (3, 3, ())
    found = levels(sessions)
    assert {sku: level[:2] for sku, level in found.items()} == {
        "TS-M": (10, 10), "TS-L": (2, 2), "MUG-1": (7, 7),
    }  # fmt: skip
    if fake.state.catalog == "V3":
        item = fake.state.inventory_item("TS-M")
        assert found["TS-M"][2] == str(item.revision)
        assert variant_of(sessions, "TS-M").wix_inventory_item_id == item.id
    else:
        assert found["TS-M"][2] is None  # V1 has no revision
    with sessions() as s:
        assert s.get(SyncCursorRecord, "stock.done_at").value == NOW.isoformat()


def test_only_the_default_location_counts(fake: FakeWix, puller: Puller, sessions):
    if fake.state.catalog == "V1":
        pytest.skip("V1 inventory has no locations")
    warehouse = fake.state.add_location("Entrepôt")
    fake.state.set_stock("TS-M", 500, location_id=warehouse)
    puller.pull_stock()
    assert levels(sessions)["TS-M"][:2] == (10, 10)
    requests = fake.log.matching("/stores/v3/inventory-items/query")
    assert requests[-1].body["query"]["filter"] == {"locationId": {"$eq": fake.state.location_id}}


def test_unpushed_local_movement_stays_in_on_hand(fake: FakeWix, puller: Puller, sessions):
    puller.pull_stock()
    local_movement(sessions, "TS-M", +2)  # a return put back on the shelf, not pushed yet
    local_movement(sessions, "TS-M", -1)  # a manual count, not pushed yet
    local_movement(sessions, "TS-L", +5, state="done")  # pushed and applied on Wix already
    fake.state.set_stock("TS-M", 8)  # two sold online meanwhile
    fake.state.set_stock("TS-L", 7)  # Wix shows the pushed +5
    with sessions() as s:
        assert pending_stock_deltas(s) == {variant_of(sessions, "TS-M").id: 1}
    puller.pull_stock()
    found = levels(sessions)
    assert found["TS-M"][:2] == (8 + 2 - 1, 8)
    assert found["TS-L"][:2] == (7, 7)  # the done delta is not counted twice


def test_status_tracked_item_keeps_on_hand(fake: FakeWix, puller: Puller, sessions):
    puller.pull_stock()
    with fake.state.lock:
        fake.state.change_item(fake.state.inventory_item("MUG-1"), in_stock=True)
    puller.pull_stock()
    assert levels(sessions)["MUG-1"][:2] == (7, None)


def test_pulling_stock_twice_changes_nothing(fake: FakeWix, puller: Puller, sessions):
    first = puller.pull_stock()
    before = levels(sessions)
    again = puller.pull_stock()
    assert levels(sessions) == before and (first.changed, again.changed) == (3, 0)


def test_stock_of_an_unknown_variant_is_reported(fake: FakeWix, puller: Puller, sessions):
    # With options: the fake's V1 stock mixes up option-less products (one shared variant id).
    product = fake.state.add_product("Nouveau", variants=[("NEW-1", "", "5.00", {"T": "U"}, 3)])
    report = puller.pull_stock()
    (rejection,) = report.rejected
    assert rejection.wix_id.startswith(product.id) and "pull the catalogue" in rejection.reason
    puller.pull_catalog()
    assert puller.pull_stock().rejected == () and levels(sessions)["NEW-1"][:2] == (3, 3)


def test_progress_is_reported(fake: FakeWix, puller: Puller):
    calls: list[tuple[int, int | None, str]] = []
    puller.pull_stock(lambda done, total, what: calls.append((done, total, what)))
    expected_total = None if fake.state.catalog == "V3" else 2  # V1: one item per product
    assert calls[-1] == (3 if expected_total is None else 2, expected_total, "stock")
