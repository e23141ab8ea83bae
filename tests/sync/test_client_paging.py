"""WixClient paging against the fake Wix: cursor walks (orders, V3) and offset walks (V1)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from pos.sync.client import WixClient, WixResponseError
from tests.fakes.wix import FakeWix
from tests.sync.conftest import RecordedSleep, make_client

SEARCH = "/ecom/v1/orders/search"
V1_PRODUCTS = "/stores-reader/v1/products/query"


def test_cursor_pages_walk_250_orders(fake_wix: FakeWix, wix_client: WixClient):
    for _ in range(250):
        fake_wix.state.add_order([("TS-M", 1)])
    body = {
        "search": {
            "filter": {"status": {"$eq": "APPROVED"}},
            "sort": [{"fieldName": "createdDate", "order": "ASC"}],
        }
    }
    pages = list(
        wix_client.cursor_pages(SEARCH, body, items_key="orders", limit=100, meta_key="metadata")
    )
    assert [len(page) for page in pages] == [100, 100, 50]
    assert len({order["id"] for page in pages for order in page}) == 250
    first, *follow_ups = [e.body for e in fake_wix.log.matching(SEARCH)]
    assert first["search"]["filter"] and first["search"]["cursorPaging"] == {"limit": 100}
    for sent in follow_ups:  # only the cursor (+ limit), never filter or sort again
        assert set(sent) == {"search"} and set(sent["search"]) == {"cursorPaging"}
        assert sent["search"]["cursorPaging"]["cursor"] and sent["search"]["cursorPaging"]["limit"]
    assert body["search"].get("cursorPaging") is None  # the caller's body is left alone


def test_cursor_pages_keep_top_level_fields_on_follow_ups(fake_wix: FakeWix, wix_client):
    for index in range(4):
        fake_wix.state.add_product(f"Mug {index}", variants=[(f"MUG-{index}", "", "9.50", {}, 1)])
    body = {"query": {"sort": [{"fieldName": "slug", "order": "ASC"}]}, "fields": ["CURRENCY"]}
    pages = list(
        wix_client.cursor_pages("/stores/v3/products/query", body, items_key="products", limit=2)
    )
    assert [len(page) for page in pages] == [2, 2, 1]
    assert all(e.body["fields"] == ["CURRENCY"] for e in fake_wix.log.matching(r".*/query"))


def test_cursor_pages_end_on_an_empty_first_page(fake_wix: FakeWix, wix_client: WixClient):
    body = {"search": {"filter": {"status": {"$eq": "CANCELED"}}}}
    pages = list(
        wix_client.cursor_pages(SEARCH, body, items_key="orders", limit=100, meta_key="metadata")
    )
    assert pages == [[]] and len(fake_wix.requests) == 1


def test_cursor_pages_refuse_a_wrong_shaped_page(fake_wix: FakeWix, wix_client: WixClient):
    fake_wix.faults.next(SEARCH, "wrong-shape")
    with pytest.raises(WixResponseError):
        next(
            wix_client.cursor_pages(
                SEARCH, {"search": {}}, items_key="orders", limit=10, meta_key="metadata"
            )
        )


def test_cursor_pages_need_a_query_or_search_object(wix_client: WixClient):
    with pytest.raises(ValueError, match="query"):
        next(wix_client.cursor_pages(SEARCH, {"filter": {}}, items_key="orders", limit=10))


@pytest.fixture
def v1_site() -> Iterator[FakeWix]:
    with FakeWix(catalog="V1") as fake:
        for index in range(7):
            fake.state.add_product(f"Bol {index}", variants=[(f"BOL-{index}", "", "12.50", {}, 3)])
        yield fake


def test_offset_pages_on_a_v1_site(v1_site: FakeWix, waits: RecordedSleep):
    body = {
        "query": {
            "filter": json.dumps({"name": {"$startsWith": "Bol"}}),
            "sort": json.dumps([{"name": "asc"}]),
        },
        "includeVariants": True,
    }
    with make_client(v1_site, waits) as client:
        assert client.catalog_version() == "V1_CATALOG"
        pages = list(client.offset_pages(V1_PRODUCTS, body, items_key="products", limit=3))
    assert [[p["name"] for p in page] for page in pages] == [
        ["Bol 0", "Bol 1", "Bol 2"],
        ["Bol 3", "Bol 4", "Bol 5"],
        ["Bol 6"],
    ]
    sent = [e.body for e in v1_site.log.matching(V1_PRODUCTS)]
    assert [s["query"]["paging"] for s in sent] == [
        {"limit": 3, "offset": 0},
        {"limit": 3, "offset": 3},
        {"limit": 3, "offset": 6},
    ]
    assert all(
        s["query"]["filter"] == body["query"]["filter"] and s["includeVariants"] for s in sent
    )
    assert isinstance(pages[0][0]["priceData"]["price"], float)  # V1 money: a JSON number


def test_offset_pages_stop_at_the_total_without_an_empty_request(v1_site: FakeWix, waits):
    with make_client(v1_site, waits) as client:
        pages = list(client.offset_pages(V1_PRODUCTS, {"query": {}}, items_key="products", limit=7))
    assert [len(page) for page in pages] == [7]
    assert len(v1_site.log.matching(V1_PRODUCTS)) == 1


def test_offset_pages_on_v3_inventory(fake_wix: FakeWix, wix_client: WixClient):
    pages = list(
        wix_client.offset_pages(
            "/stores/v3/inventory-items/query", {"query": {}}, items_key="inventoryItems", limit=1
        )
    )
    assert sorted(p[0]["product"]["variantSku"] for p in pages) == ["TS-L", "TS-M"]
