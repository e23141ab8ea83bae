"""The fake Wix's faults on demand, random faults and the requests-per-minute limit."""

from __future__ import annotations

import time

import httpx
import pytest

from pos.sync.wix_orders import WixPayloadError, load_json, order_from_wix
from tests.fakes.conftest import TIMEOUT, increment, item_id
from tests.fakes.wix import FakeWix

REFUSALS = [
    ("429", 429, None),
    ("429-retry-after:7", 429, "7"),
    ("500", 500, None),
    ("502", 502, None),
    ("503", 503, None),
    ("504", 504, None),
]


@pytest.mark.parametrize(("kind", "status", "retry_after"), REFUSALS)
def test_error_faults_apply_nothing(
    fake_wix: FakeWix, client: httpx.Client, kind: str, status: int, retry_after: str | None
) -> None:
    item = item_id(client, "TS-M")
    fake_wix.faults.next("POST /stores/v3/bulk/inventory-items/*", kind)
    response = client.post("/stores/v3/bulk/inventory-items/increment", json=increment(item))
    assert response.status_code == status and response.headers["X-Wix-Request-Id"]
    assert response.headers.get("Retry-After") == retry_after
    assert "applicationError" in response.json()["details"]
    assert fake_wix.state.stock("TS-M") == 10
    assert client.post("/stores/v3/bulk/inventory-items/increment", json=increment(item)).is_success
    assert fake_wix.state.stock("TS-M") == 11  # the fault was used up


@pytest.mark.parametrize(("kind", "applied"), [("drop-before", False), ("drop-after", True)])
def test_dropped_connections(
    fake_wix: FakeWix, client: httpx.Client, kind: str, applied: bool
) -> None:
    item = item_id(client, "TS-M")
    fake_wix.faults.next("/stores/v3/bulk/inventory-items/increment", kind)
    with pytest.raises(httpx.TransportError):
        client.post("/stores/v3/bulk/inventory-items/increment", json=increment(item, 5))
    assert fake_wix.state.stock("TS-M") == (15 if applied else 10)
    assert fake_wix.log.entries[-1].status is None and fake_wix.log.entries[-1].fault == kind


def test_garbage_and_wrong_shape_bodies(fake_wix: FakeWix, client: httpx.Client) -> None:
    order = fake_wix.state.add_order([("TS-M", 1)])
    fake_wix.faults.next("/ecom/v1/orders/*", "garbage").next("/ecom/v1/orders/*", "wrong-shape")
    garbage = client.get(f"/ecom/v1/orders/{order['id']}")
    assert garbage.status_code == 200
    with pytest.raises(WixPayloadError):
        load_json(garbage.content)
    shaped = client.get(f"/ecom/v1/orders/{order['id']}")
    assert shaped.status_code == 200 and "order" not in load_json(shaped.content)
    with pytest.raises(WixPayloadError):
        order_from_wix(shaped.json())
    assert client.get(f"/ecom/v1/orders/{order['id']}").json()["order"]["id"] == order["id"]


def test_latency_fault_delays_then_answers(fake_wix: FakeWix, client: httpx.Client) -> None:
    fake_wix.faults.next("/stores/v3/provision/version", "latency:300")
    started = time.monotonic()
    assert client.get("/stores/v3/provision/version").is_success
    assert time.monotonic() - started >= 0.3
    with pytest.raises(ValueError):
        fake_wix.faults.next("*", "418")


def test_random_faults_never_corrupt_state(fake_wix: FakeWix, client: httpx.Client) -> None:
    item = item_id(client, "TS-M")
    fake_wix.faults.random(rate=0.3, seed=7, paths="/stores/v3/bulk/*")
    confirmed = 0
    for _ in range(60):
        try:
            response = client.post(
                "/stores/v3/bulk/inventory-items/increment", json=increment(item)
            )
        except httpx.TransportError:
            continue
        confirmed += response.status_code == 200 and "results" in response.text
    kinds = [kind for _, _, kind in fake_wix.faults.injected]
    assert 8 <= len(kinds) <= 30 and len(set(kinds)) >= 4
    applied = confirmed + kinds.count("drop-after")
    assert fake_wix.state.stock("TS-M") == 10 + applied


def test_rate_limit_and_request_log() -> None:
    with (
        FakeWix(rpm_limit=5, rpm_retry_after=True) as fake_wix,
        httpx.Client(base_url=fake_wix.base_url, headers=fake_wix.headers, timeout=TIMEOUT) as http,
    ):
        statuses = [http.get("/stores/v3/provision/version").status_code for _ in range(8)]
        assert statuses == [200] * 5 + [429] * 3
        throttled = http.get("/stores/v3/provision/version")
        assert 1 <= int(throttled.headers["Retry-After"]) <= 60
        assert throttled.json()["details"]["applicationError"]["code"] == "TOO_MANY_REQUESTS"
        assert fake_wix.log.max_in_window(60, throttled=False) == 5
        assert fake_wix.log.max_in_window(60) == len(fake_wix.log) == 9
        assert [e.method for e in fake_wix.requests] == ["GET"] * 9
    with (
        FakeWix(rpm_limit=2, rate_window_s=0.3) as fake_wix,
        httpx.Client(base_url=fake_wix.base_url, headers=fake_wix.headers, timeout=TIMEOUT) as http,
    ):
        responses = [http.get("/ecom/v1/orders-settings") for _ in range(3)]
        assert [r.status_code for r in responses] == [200, 200, 429]
        assert "Retry-After" not in responses[-1].headers
        time.sleep(0.35)
        assert http.get("/ecom/v1/orders-settings").status_code == 200
