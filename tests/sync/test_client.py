"""WixClient over real HTTP on the fake Wix: headers, error bodies, retries, faults, secrets."""

from __future__ import annotations

import json
import logging
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from pos.sync import client as client_module
from pos.sync.client import (
    WixAmbiguousError,
    WixAuthError,
    WixBusyError,
    WixClient,
    WixError,
    WixRefusedError,
    WixResponseError,
    WixUnreachableError,
)
from pos.sync.credentials import WixCredentials
from pos.sync.errors import error_from_response, parse_retry_after
from tests.fakes.wix import FakeWix
from tests.support.wix_site import TEST_KEY
from tests.sync.conftest import RecordedSleep, make_client

VERSION = "/stores/v3/provision/version"
INCREMENT = "/stores/v3/bulk/inventory-items/increment"


def inventory_item(client: WixClient, sku: str) -> dict[str, Any]:
    body = {"query": {"filter": {"product.variantSku": sku}}}
    (item,) = client.read("POST", "/stores/v3/inventory-items/query", body)["inventoryItems"]
    return item


def increment_body(item: dict[str, Any], by: int = 1) -> dict[str, Any]:
    return {"incrementData": [{"inventoryItemId": item["id"], "incrementBy": by}]}


# ---------------------------------------------------------------- headers and refusals


class _Recorder(BaseHTTPRequestHandler):
    """Answers ``{}`` and keeps (method, headers, body) of every request."""

    seen: ClassVar[list[tuple[str, dict[str, str], bytes]]] = []

    def _answer(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.seen.append((self.command, dict(self.headers.items()), body))
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    do_GET = do_POST = do_PATCH = _answer

    def log_message(self, format: str, *args: Any) -> None:
        return None


@pytest.fixture
def recorder() -> Iterator[str]:
    _Recorder.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_headers_on_the_wire(recorder: str, waits: RecordedSleep):
    creds = WixCredentials(TEST_KEY, "site-guid")
    with WixClient(base_url=recorder, credentials=creds, sleep=waits) as client:
        assert client.read("GET", VERSION, params={"fields": "URL"}) == {}
        assert client.write("PATCH", "/stores/v3/inventory-items/i", {"é": "1.50"}) == {}
    (_, get, _), (_, patch, sent) = _Recorder.seen
    for headers in (get, patch):
        assert headers["Authorization"] == TEST_KEY  # raw, no "Bearer"
        assert headers["wix-site-id"] == "site-guid"
    assert "Content-Type" not in get
    assert patch["Content-Type"] == "application/json"
    assert json.loads(sent) == {"é": "1.50"}


def test_authenticated_get_and_post_pass_the_fake(fake_wix: FakeWix, wix_client: WixClient):
    # The fake refuses a missing/Bearer key, a wrong site and a POST without application/json.
    assert wix_client.read("GET", VERSION) == {"catalogVersion": "V3_CATALOG"}
    assert inventory_item(wix_client, "TS-M")["quantity"] == 10
    assert [(e.method, e.status) for e in fake_wix.requests] == [("GET", 200), ("POST", 200)]
    assert wix_client.requests_made == 2


def test_bad_key_is_a_refusal_with_code_request_id_and_plain_words(
    fake_wix: FakeWix, waits: RecordedSleep
):
    creds = WixCredentials("wrong-key", fake_wix.site_id)
    with make_client(fake_wix, waits, credentials=creds) as client:
        with pytest.raises(WixRefusedError) as caught:
            client.read("GET", VERSION)
    error = caught.value
    assert type(error) is WixAuthError and error.retry_after is None  # stops a sync round
    assert (error.status, error.code, error.path) == (401, "UNAUTHENTICATED", VERSION)
    assert error.request_id == fake_wix.requests[-1].request_id
    assert "API key" in error.message and "UNAUTHENTICATED" not in error.message
    assert len(fake_wix.requests) == 1 and waits.waits == []  # a 4xx is never retried


def test_wrong_site_is_permission_denied(fake_wix: FakeWix, waits: RecordedSleep):
    creds = WixCredentials(TEST_KEY, "00000000-0000-0000-0000-000000000000")
    with make_client(fake_wix, waits, credentials=creds) as client:
        with pytest.raises(WixRefusedError) as caught:
            client.write("POST", INCREMENT, {"incrementData": []})
    assert (caught.value.status, caught.value.code) == (403, "PERMISSION_DENIED")
    assert type(caught.value) is WixAuthError


def test_application_error_code_is_parsed(wix_client: WixClient):
    with pytest.raises(WixRefusedError) as caught:
        wix_client.read("GET", "/ecom/v1/orders/7d5f0a54-4a39-4c4f-9a53-1b1f6d3e9a10")
    error = caught.value
    assert (error.status, error.code) == (404, "ORDER_NOT_FOUND")
    assert error.wix_message and error.wix_message in error.message


def test_validation_error_field_violations_are_parsed(fake_wix: FakeWix, wix_client: WixClient):
    with pytest.raises(WixRefusedError) as caught:
        wix_client.write("POST", "/ecom/v1/orders", {"order": {"surprise": 1}})
    error = caught.value
    assert (error.status, error.code) == (400, "INVALID_ARGUMENT")
    fields = {v.field: v.rule for v in error.violations}
    assert fields["order.surprise"] == "FIELD_NOT_ALLOWED"
    assert fields["order.lineItems"] == "REQUIRED_FIELD"
    assert "order.surprise" in error.message
    assert len(fake_wix.requests) == 1


def test_v3_call_on_a_v1_site_is_428_and_forgets_the_catalog_version(waits: RecordedSleep):
    with FakeWix(catalog="V1") as fake, make_client(fake, waits) as client:
        assert client.catalog_version() == "V1_CATALOG"
        with pytest.raises(WixRefusedError) as caught:
            client.read("POST", "/stores/v3/products/query", {"query": {}})
        assert (caught.value.status, caught.value.code) == (428, "CATALOG_VERSION_MISMATCH")
        assert client.catalog_version() == "V1_CATALOG"
        assert len(fake.log.matching(VERSION)) == 2  # asked again after the 428


# ---------------------------------------------------------------- 429 and 503


def test_read_honours_retry_after(fake_wix: FakeWix, wix_client: WixClient, waits):
    fake_wix.faults.next(VERSION, "429-retry-after:7")
    assert wix_client.read("GET", VERSION)["catalogVersion"] == "V3_CATALOG"
    assert waits.waits == [7.0]
    assert [e.status for e in fake_wix.requests] == [429, 200]


def test_read_429_without_retry_after_backs_off_with_bounded_jitter(
    fake_wix: FakeWix, wix_client: WixClient, waits: RecordedSleep
):
    fake_wix.faults.next(VERSION, "429", count=4)
    wix_client.read("GET", VERSION)
    base, cap = client_module.BUSY_BASE, client_module.BUSY_CAP
    ceilings = [min(cap, base * 2**n) for n in range(4)]
    assert len(waits.waits) == 4
    for wait, ceiling in zip(waits.waits, ceilings, strict=True):
        assert ceiling / 2 <= wait <= ceiling
    assert len(set(waits.waits)) == 4  # jittered, not a fixed ladder


def test_read_gives_up_after_max_attempts_with_the_last_error(fake_wix: FakeWix, waits):
    with make_client(fake_wix, waits, max_read_attempts=3) as client:
        fake_wix.faults.next(VERSION, "503", count=5)
        with pytest.raises(WixBusyError) as caught:
            client.read("GET", VERSION)
    assert caught.value.status == 503 and caught.value.retry_after is None
    assert len(fake_wix.requests) == 3 and len(waits.waits) == 2
    assert all(w <= client_module.BACKOFF_CAP for w in waits.waits)


def test_read_hands_back_a_retry_after_too_long_to_sleep(fake_wix: FakeWix, wix_client, waits):
    fake_wix.faults.next(VERSION, "429-retry-after:3600")
    with pytest.raises(WixBusyError) as caught:
        wix_client.read("GET", VERSION)
    assert caught.value.retry_after == 3600.0 and waits.waits == []


@pytest.mark.parametrize(("kind", "retry_after"), [("503", None), ("429-retry-after:5", 5.0)])
def test_busy_write_is_not_applied_and_not_retried(
    fake_wix: FakeWix, wix_client: WixClient, kind: str, retry_after: float | None
):
    item = inventory_item(wix_client, "TS-M")
    fake_wix.faults.next(f"POST {INCREMENT}", kind)
    with pytest.raises(WixBusyError) as caught:
        wix_client.write("POST", INCREMENT, increment_body(item))
    assert caught.value.retry_after == retry_after
    assert caught.value.request_id == fake_wix.log.matching(INCREMENT)[0].request_id
    assert len(fake_wix.log.matching(INCREMENT)) == 1
    assert fake_wix.state.stock("TS-M") == 10


# ---------------------------------------------------------------- ambiguous outcomes


@pytest.mark.parametrize(
    ("kind", "applied"),
    [("500", False), ("502", False), ("504", False), ("drop-before", False), ("drop-after", True)],
)
def test_ambiguous_write_is_never_retried(
    fake_wix: FakeWix, wix_client: WixClient, waits: RecordedSleep, kind: str, applied: bool
):
    item = inventory_item(wix_client, "TS-M")
    fake_wix.faults.next(f"POST {INCREMENT}", kind)
    with pytest.raises(WixAmbiguousError) as caught:
        wix_client.write("POST", INCREMENT, increment_body(item))
    assert caught.value.code in {
        "INTERNAL_ERROR",
        "BAD_GATEWAY",
        "GATEWAY_TIMEOUT",
        "CONNECTION_LOST",
    }
    assert "not known" in caught.value.message
    assert len(fake_wix.log.matching(INCREMENT)) == 1 and waits.waits == []
    assert fake_wix.state.stock("TS-M") == (11 if applied else 10)


@pytest.mark.parametrize("kind", ["500", "502", "504", "drop-before", "drop-after", "503"])
def test_read_is_retried_through_server_errors_and_drops(
    fake_wix: FakeWix, wix_client: WixClient, waits: RecordedSleep, kind: str
):
    fake_wix.faults.next(VERSION, kind)
    assert wix_client.read("GET", VERSION)["catalogVersion"] == "V3_CATALOG"
    assert len(fake_wix.requests) == 2 and wix_client.requests_made == 2
    (wait,) = waits.waits
    assert client_module.BACKOFF_BASE / 2 <= wait <= client_module.BACKOFF_BASE


def test_timeout_on_write_is_ambiguous(fake_wix: FakeWix, waits: RecordedSleep):
    fake_wix.faults.next(VERSION, "latency:1500")
    with make_client(fake_wix, waits, timeout=0.3) as client:
        with pytest.raises(WixAmbiguousError) as caught:
            client.write("GET", VERSION)
    assert caught.value.code == "TIMEOUT" and caught.value.status is None


def test_unreachable_host_is_busy_not_ambiguous(waits: RecordedSleep):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    creds = WixCredentials(TEST_KEY, "site")
    with WixClient(
        base_url=f"http://127.0.0.1:{port}", credentials=creds, sleep=waits, max_read_attempts=2
    ) as client:
        with pytest.raises(WixUnreachableError) as caught:
            client.write("POST", INCREMENT, {})
        assert isinstance(caught.value, WixBusyError) and caught.value.code == "UNREACHABLE"
        with pytest.raises(WixUnreachableError):
            client.read("GET", VERSION)
    assert len(waits.waits) == 1 and client.requests_made == 3


# ---------------------------------------------------------------- unreadable 2xx answers


@pytest.mark.parametrize("kind", ["garbage", "wrong-shape"])
def test_unreadable_answers_are_response_errors(fake_wix: FakeWix, wix_client, waits, kind):
    item = inventory_item(wix_client, "TS-M")
    fake_wix.faults.next(f"POST {INCREMENT}", kind)
    with pytest.raises(WixResponseError) as caught:
        wix_client.write("POST", INCREMENT, increment_body(item), expect=["results"])
    assert caught.value.status == 200 and caught.value.request_id
    fake_wix.faults.next(VERSION, kind)
    with pytest.raises(WixResponseError):
        wix_client.catalog_version()
    assert waits.waits == []  # not retried: a 2xx is an answer


def test_read_refuses_write_methods(wix_client: WixClient):
    with pytest.raises(ValueError, match="write"):
        wix_client.read("PATCH", "/stores/v3/inventory-items/x", {})


# ---------------------------------------------------------------- site facts


def test_catalog_version_and_location_are_cached(fake_wix: FakeWix, wix_client: WixClient):
    assert wix_client.catalog_version() == wix_client.catalog_version() == "V3_CATALOG"
    assert wix_client.default_location_id() == fake_wix.state.location_id
    assert wix_client.default_location_id() == fake_wix.state.location_id
    assert len(fake_wix.requests) == 2
    wix_client.catalog_version(refresh=True)
    assert len(fake_wix.log.matching(VERSION)) == 2


# ---------------------------------------------------------------- the key stays secret


def test_api_key_never_leaks(fake_wix: FakeWix, waits, caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.DEBUG)  # root: httpx and httpcore debug lines included
    creds = WixCredentials(TEST_KEY, fake_wix.site_id)
    errors: list[WixError] = []
    with make_client(fake_wix, waits, credentials=creds, max_read_attempts=2) as client:
        client.read("GET", VERSION)
        for kind in ("drop-after", "500", "garbage", "429-retry-after:1"):
            fake_wix.faults.next(VERSION, kind, count=2)
            with pytest.raises(WixError) as caught:
                client.read("GET", VERSION)
            errors.append(caught.value)
        texts = [repr(client), repr(creds), str(creds)]
    texts += [f"{e!s} {e!r} {e.message} {e.wix_message} {e.__context__!r}" for e in errors]
    texts += [r.getMessage() for r in caplog.records] + [repr(r.args) for r in caplog.records]
    assert caplog.records and all(TEST_KEY not in text for text in texts)
    assert all(e.__context__ is None and e.__cause__ is None for e in errors)


def test_key_echoed_by_wix_is_redacted(wix_client: WixClient):
    body = (
        b'{"message": "bad key IST.test-key-9f2c41d7-never-log-me", "details": {"validationError":'
        b' {"fieldViolations": [{"field": "f", "description": "IST.test-key-9f2c41d7-never-log-me"'
        b', "violatedRule": "FORMAT"}]}}}'
    )
    error = error_from_response(400, body, {}, method="GET", path="/x", redact=wix_client._redact)
    assert TEST_KEY not in f"{error} {error.wix_message} {error.violations}"


def test_error_body_that_is_not_json_still_gives_a_classified_error():
    error = error_from_response(502, b"<html>Bad gateway</html>", {}, method="POST", path="/p")
    assert type(error) is WixAmbiguousError and error.code == "BAD_GATEWAY"
    busy = error_from_response(429, b"", {"Retry-After": "12"}, method="GET", path="/p")
    assert type(busy) is WixBusyError and busy.retry_after == 12.0
    refused = error_from_response(501, b"{}", {}, method="GET", path="/p")
    assert type(refused) is WixRefusedError and refused.code == "NOT_IMPLEMENTED"


def test_retry_after_accepts_seconds_and_http_dates():
    assert parse_retry_after("2.5") == 2.5
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=lambda: 1445412470.0) == 10.0
    assert parse_retry_after("-3") == 0.0
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
