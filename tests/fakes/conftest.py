"""Fixtures for the fake Wix's own tests: a started site with one product, and a client."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.fakes.wix import FakeWix

TIMEOUT = httpx.Timeout(5.0)


@pytest.fixture
def fake() -> Iterator[FakeWix]:
    with FakeWix() as site:
        site.state.add_product(
            "T-shirt bio",
            variants=[
                ("TS-M", "3700000000011", "29.90", {"Taille": "M"}, 10),
                ("TS-L", "3700000000028", "29.90", {"Taille": "L"}, 2),
            ],
        )
        yield site


@pytest.fixture
def client(fake: FakeWix) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=fake.base_url, headers=fake.headers, timeout=TIMEOUT) as http:
        yield http


def item_id(client: httpx.Client, sku: str) -> dict[str, Any]:
    body = {"query": {"filter": {"product.variantSku": sku}}}
    (item,) = client.post("/stores/v3/inventory-items/query", json=body).json()["inventoryItems"]
    return item


def increment(sku_item: dict[str, Any], by: int = 1) -> dict[str, Any]:
    return {"incrementData": [{"inventoryItemId": sku_item["id"], "incrementBy": by}]}
