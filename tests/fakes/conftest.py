"""Fixtures for the fake Wix's own tests: a client on the shared site (`fake_wix`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.fakes.wix import FakeWix

TIMEOUT = httpx.Timeout(5.0)


@pytest.fixture
def client(fake_wix: FakeWix) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=fake_wix.base_url, headers=fake_wix.headers, timeout=TIMEOUT
    ) as http:
        yield http


def item_id(client: httpx.Client, sku: str) -> dict[str, Any]:
    body = {"query": {"filter": {"product.variantSku": sku}}}
    (item,) = client.post("/stores/v3/inventory-items/query", json=body).json()["inventoryItems"]
    return item


def increment(sku_item: dict[str, Any], by: int = 1) -> dict[str, Any]:
    return {"incrementData": [{"inventoryItemId": sku_item["id"], "incrementBy": by}]}
