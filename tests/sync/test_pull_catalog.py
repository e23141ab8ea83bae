"""The catalogue pull over HTTP against the fake Wix, V3 and V1, on both databases."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from pos.db.catalogue import upsert_variant
from pos.db.engine import SessionFactory
from pos.db.records import ProductRecord, StockLevelRecord, SyncCursorRecord, VariantRecord
from pos.domain.money import Money
from pos.sync.client import WixClient
from pos.sync.pull import Puller
from tests.fakes.wix import FakeWix
from tests.support.clock import FakeClock
from tests.sync.conftest import RecordedSleep, make_client

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
V1_DEFAULT = "00000000-0000-0000-0000-000000000000"


def seed(fake: FakeWix) -> None:
    fake.state.add_product(
        "T-shirt bio",
        variants=[
            ("TS-M", "3700000000011", "29.90", {"Taille": "M", "Couleur": "Bleu"}, 10),
            ("TS-L", "3700000000028", "31.50", {"Taille": "L", "Couleur": "Bleu"}, 2),
        ],
    )
    fake.state.add_product("Mug émaillé", variants=[("MUG-1", "3700000000035", "12.00", {}, 7)])
    fake.state.add_product(
        "Sac caché", variants=[("SAC-1", "3700000000042", "0.10", {}, 1)], visible=False
    )


@pytest.fixture(params=["V3", "V1"])
def fake(request: pytest.FixtureRequest) -> Iterator[FakeWix]:
    with FakeWix(catalog=request.param) as site:
        seed(site)
        yield site


@pytest.fixture
def client(fake: FakeWix) -> Iterator[WixClient]:
    with make_client(fake, RecordedSleep()) as wix:
        yield wix


@pytest.fixture
def puller(client: WixClient, sessions: SessionFactory) -> Puller:
    return Puller(client=client, sessions=sessions, clock=FakeClock(NOW), new_variant_tax_rate="20")


def variants(sessions: SessionFactory) -> dict[str, VariantRecord]:
    with sessions() as s:
        return {v.sku: v for v in s.scalars(select(VariantRecord))}


def snapshot(sessions: SessionFactory) -> dict[str, Any]:
    """Every column of the catalogue tables, for "nothing changed" comparisons."""
    tables = (ProductRecord, VariantRecord, StockLevelRecord)
    with sessions() as s:
        return {
            table.__tablename__: sorted(
                tuple(str(getattr(row, c.key)) for c in table.__table__.columns)
                for row in s.scalars(select(table))
            )
            for table in tables
        }


def test_catalogue_lands_with_skus_options_prices(fake: FakeWix, puller: Puller, sessions):
    seen: list[tuple[int, int | None, str]] = []
    report = puller.pull_catalog(lambda done, total, what: seen.append((done, total, what)))
    assert (report.seen, report.rejected, report.complete) == (4, (), True)
    assert report.catalog_version == f"{fake.state.catalog}_CATALOG"
    found = variants(sessions)
    assert set(found) == {"TS-M", "TS-L", "MUG-1", "SAC-1"}
    assert found["TS-M"].options == {"Taille": "M", "Couleur": "Bleu"}
    assert (found["TS-L"].price_minor, found["TS-L"].currency) == (3150, "EUR")
    assert (found["TS-M"].price_minor, found["SAC-1"].price_minor) == (2990, 10)
    assert found["MUG-1"].options == {} and found["MUG-1"].tax_rate == "20"
    product, variant = fake.state.by_sku("TS-M")
    assert found["TS-M"].wix_variant_id == variant.id
    with sessions() as s:
        record = s.scalar(select(ProductRecord).where(ProductRecord.wix_id == product.id))
        hidden = s.scalar(select(ProductRecord).where(ProductRecord.name == "Sac caché"))
        cursors = {c.name: c.value for c in s.scalars(select(SyncCursorRecord))}
    assert record is not None and record.name == "T-shirt bio" and hidden.visible is False
    assert cursors["catalog.version"] == report.catalog_version
    assert cursors["catalog.done_at"] == NOW.isoformat()
    assert (
        seen and seen[-1][0] in (3, 4) and {what for *_, what in seen} <= {"products", "variants"}
    )


def test_v3_brings_barcodes_v1_has_none(fake: FakeWix, puller: Puller, sessions):
    puller.pull_catalog()
    found = variants(sessions)
    if fake.state.catalog == "V3":
        assert found["TS-M"].barcode == "3700000000011"
        assert found["MUG-1"].barcode == "3700000000035"
    else:
        assert all(v.barcode is None for v in found.values())
        _, mug = fake.state.by_sku("MUG-1")
        assert mug.id == V1_DEFAULT and found["MUG-1"].wix_variant_id == V1_DEFAULT


def test_pulling_twice_changes_nothing(fake: FakeWix, puller: Puller, sessions):
    first = puller.pull_catalog()
    before = snapshot(sessions)
    again = puller.pull_catalog()
    assert snapshot(sessions) == before
    assert first.changed > 0 and again.changed == 0 and again.seen == first.seen


def test_v1_keeps_local_barcode_and_adopts_local_variant(sessions: SessionFactory):
    with FakeWix(catalog="V1") as fake, make_client(fake, RecordedSleep()) as client:
        seed(fake)
        with sessions.begin() as s:
            local = upsert_variant(
                s, sku="TS-M", product_name="T-shirt (local)", price=Money(2500, "EUR"),
                tax_rate="5.5", options={}, barcode="2000000000001", category="Hauts",
                on_hand=4, wix_product_id=None, wix_variant_id=None, now=NOW,
            )  # fmt: skip
        Puller(client=client, sessions=sessions, clock=FakeClock(NOW)).pull_catalog()
        product, variant = fake.state.by_sku("TS-M")
    found = variants(sessions)["TS-M"]
    assert found.id == local and found.barcode == "2000000000001"  # kept: V1 has no barcode
    assert (found.wix_variant_id, found.price_minor, found.tax_rate) == (variant.id, 2990, "5.5")
    assert found.wix_inventory_item_id == product.inventory_item_id
    with sessions() as s:
        assert s.get(ProductRecord, found.product_id).wix_id == product.id
        assert s.get(StockLevelRecord, local).on_hand == 4  # stock is the stock pull's business


def test_variant_without_sku_is_reported_and_others_land(fake: FakeWix, puller: Puller, sessions):
    fake.state.add_product("Carte cadeau", variants=[("", "", "20.00", {"Valeur": "20"}, None)])
    _, blank = fake.state.by_sku("")
    report = puller.pull_catalog()
    assert len(report.rejected) == 1
    assert report.rejected[0].wix_id.endswith(blank.id)
    assert "missing" in report.rejected[0].reason and "sku" in report.rejected[0].reason
    assert set(variants(sessions)) == {"TS-M", "TS-L", "MUG-1", "SAC-1"}


def test_duplicate_sku_on_wix_is_reported(fake: FakeWix, puller: Puller, sessions):
    fake.state.add_product("Doublon", variants=[("MUG-1", "3700000000099", "9.00", {}, 1)])
    report = puller.pull_catalog()
    assert [r.reason for r in report.rejected] == [
        "SKU 'MUG-1' is also used by another Wix variant"
    ]
    assert variants(sessions)["MUG-1"].price_minor in (1200, 900)  # one of them, never both


def test_changes_on_wix_are_applied_and_gone_variants_retired(
    fake: FakeWix, puller: Puller, sessions
):
    puller.pull_catalog()
    _, variant = fake.state.by_sku("TS-L")
    with fake.state.lock:
        variant.price = variant.price + 1
        mug, _ = fake.state.by_sku("MUG-1")
        del fake.state.products[mug.id]
    report = puller.pull_catalog()
    found = variants(sessions)
    assert found["TS-L"].price_minor == 3250 and found["TS-L"].active
    assert found["MUG-1"].active is False and found["TS-M"].active
    assert report.changed == 2
    with fake.state.lock:
        fake.state.products[mug.id] = mug
    puller.pull_catalog()
    assert variants(sessions)["MUG-1"].active is True


@pytest.mark.parametrize("catalog", ["V3", "V1"])
def test_unreadable_price_is_reported(sessions: SessionFactory, catalog: str):
    with FakeWix(catalog=catalog) as fake, make_client(fake, RecordedSleep()) as client:
        fake.state.add_product("Fil", variants=[("FIL-1", "", "-1.00", {}, 4)])
        fake.state.add_product("Aiguille", variants=[("AIG-1", "", "2.00", {}, 4)])
        report = Puller(client=client, sessions=sessions, clock=FakeClock(NOW)).pull_catalog()
    assert set(variants(sessions)) == {"AIG-1"}
    (rejection,) = report.rejected
    assert rejection.reason.startswith("a price is negative") and "price" in rejection.reason
