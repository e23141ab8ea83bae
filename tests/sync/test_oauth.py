"""Signing in as a Wix app: client credentials traded for access tokens (wix-api.md §1.2)."""

from __future__ import annotations

import logging

import pytest

from pos.db.engine import SessionFactory
from pos.sync.client import WixAuthError, WixBusyError, WixUnreachableError
from pos.sync.credentials import WixAppCredentials, load_credentials
from pos.sync.engine import SyncRunner
from pos.sync.oauth import REFRESH_MARGIN, TOKEN_PATH
from tests.fakes.wix import FakeWix
from tests.support.clock import FakeClock
from tests.sync.conftest import RecordedSleep, make_client
from tests.sync.test_stock_push import NOW, link, queue

VERSION = "/stores/v3/provision/version"
INCREMENT = "/stores/v3/bulk/inventory-items/increment"


def app_of(fake: FakeWix, *, secret: str | None = None) -> WixAppCredentials:
    return WixAppCredentials(fake.client_id, secret or fake.client_secret, fake.instance_id)


class Clock:
    """A monotonic clock the test moves by hand (the client's idea of token lifetimes)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def paths(fake: FakeWix) -> list[tuple[str, int | None]]:
    return [(entry.path, entry.status) for entry in fake.requests]


def increment_body(fake: FakeWix, sku: str, by: int) -> dict[str, object]:
    _, variant = fake.state.by_sku(sku)
    item = fake.state.item_at(variant.id)
    assert item is not None
    return {"incrementData": [{"inventoryItemId": item.id, "incrementBy": by}]}


def test_one_token_is_fetched_then_sent_raw_without_a_site_header(
    fake_wix: FakeWix, waits: RecordedSleep
) -> None:
    with make_client(fake_wix, waits, credentials=app_of(fake_wix)) as client:
        for _ in range(3):
            assert client.read("GET", VERSION)["catalogVersion"] == "V3_CATALOG"
        assert client.tokens is not None and client.tokens.fetched == 1
    assert paths(fake_wix) == [(TOKEN_PATH, 200)] + [(VERSION, 200)] * 3
    token_request = fake_wix.requests[0].body
    assert token_request == {
        "grant_type": "client_credentials",
        "client_id": fake_wix.client_id,
        "client_secret": fake_wix.client_secret,
        "instance_id": fake_wix.instance_id,
    }
    assert client.site_id is None and len(fake_wix.tokens_issued) == 1


def test_a_token_is_replaced_shortly_before_it_expires(
    fake_wix: FakeWix, waits: RecordedSleep
) -> None:
    fake_wix.token_lifetime_s = 3600.0
    clock = Clock()
    with make_client(fake_wix, waits, credentials=app_of(fake_wix), monotonic=clock) as client:
        client.read("GET", VERSION)
        clock.now += 3600 - REFRESH_MARGIN - 1  # still comfortably valid: kept
        client.read("GET", VERSION)
        clock.now += 2  # within the margin: a new one before the call
        client.read("GET", VERSION)
    assert len(fake_wix.tokens_issued) == 2
    assert [path for path, _ in paths(fake_wix)] == [
        TOKEN_PATH, VERSION, VERSION, TOKEN_PATH, VERSION,
    ]  # fmt: skip


def test_a_revoked_token_is_replaced_and_the_write_applied_once(
    fake_wix: FakeWix, waits: RecordedSleep
) -> None:
    with make_client(fake_wix, waits, credentials=app_of(fake_wix)) as client:
        client.read("GET", VERSION)
        fake_wix.revoke_tokens()
        client.write("POST", INCREMENT, increment_body(fake_wix, "TS-M", 3))
    assert fake_wix.state.stock("TS-M") == 10 + 3  # once: the 401 applied nothing
    assert paths(fake_wix)[2:] == [(INCREMENT, 401), (TOKEN_PATH, 200), (INCREMENT, 200)]


def test_a_second_refusal_is_not_retried_again(fake_wix: FakeWix, waits: RecordedSleep) -> None:
    fake_wix.token_lifetime_s = 0.000_001  # every token is dead on arrival
    with make_client(fake_wix, waits, credentials=app_of(fake_wix)) as client:
        with pytest.raises(WixAuthError):
            client.write("POST", INCREMENT, increment_body(fake_wix, "TS-M", 3))
    assert fake_wix.state.stock("TS-M") == 10
    assert [status for _, status in paths(fake_wix)] == [200, 401, 200, 401]


def test_a_wrong_secret_is_refused_in_plain_words_and_nothing_is_sent(
    fake_wix: FakeWix, waits: RecordedSleep, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "wrong-secret-do-not-log"
    with caplog.at_level(logging.DEBUG), make_client(
        fake_wix, waits, credentials=app_of(fake_wix, secret=secret)
    ) as client:
        with pytest.raises(WixAuthError) as caught:
            client.write("POST", INCREMENT, increment_body(fake_wix, "TS-M", 3))
    error = caught.value
    assert error.message == (
        "Wix refused the app's client ID, secret or instance ID; check the Wix app in Settings"
    )
    assert (error.status, error.code, error.path) == (401, "INVALID_CLIENT_CREDENTIALS", TOKEN_PATH)
    assert paths(fake_wix) == [(TOKEN_PATH, 401)] and waits.waits == []
    assert secret not in str(error) and secret not in caplog.text
    assert secret not in repr(app_of(fake_wix, secret=secret))


@pytest.mark.parametrize(
    ("fault", "error_class", "words"),
    [
        ("503", WixBusyError, "temporarily unavailable"),
        ("500", WixBusyError, "could not issue an access token"),
        ("garbage", WixBusyError, "cannot read"),
        ("wrong-shape", WixBusyError, "cannot read"),
        ("drop-before", WixUnreachableError, "could not get a Wix access token"),
        ("drop-after", WixUnreachableError, "could not get a Wix access token"),
    ],
)
def test_a_failed_token_request_means_the_write_was_never_sent(
    fake_wix: FakeWix, waits: RecordedSleep, fault: str, error_class: type, words: str
) -> None:
    fake_wix.faults.next(TOKEN_PATH, fault)
    with make_client(fake_wix, waits, credentials=app_of(fake_wix)) as client:
        with pytest.raises(WixBusyError) as caught:  # "not applied, try later": no read-back
            client.write("POST", INCREMENT, increment_body(fake_wix, "TS-M", 3))
        assert type(caught.value) is error_class and words in caught.value.message
        assert [path for path, _ in paths(fake_wix)] == [TOKEN_PATH]
        client.write("POST", INCREMENT, increment_body(fake_wix, "TS-M", 3))  # later: fine
    assert fake_wix.state.stock("TS-M") == 13


def test_reads_retry_a_busy_token_endpoint(fake_wix: FakeWix, waits: RecordedSleep) -> None:
    fake_wix.faults.next(TOKEN_PATH, "503", count=2)
    with make_client(fake_wix, waits, credentials=app_of(fake_wix)) as client:
        assert client.read("GET", VERSION)["catalogVersion"] == "V3_CATALOG"
    assert [status for _, status in paths(fake_wix)] == [503, 503, 200, 200]
    assert len(waits.waits) == 2


def test_app_credentials_come_from_the_keyring_or_the_environment() -> None:
    environ = {
        "COMPTOIR_WIX_CLIENT_ID": "app-1",
        "COMPTOIR_WIX_CLIENT_SECRET": " s3cret ",
    }
    stored = {("comptoir-wix", "instance-id"): "inst-9"}
    found = load_credentials(environ, keyring_get=lambda s, u: stored.get((s, u)))
    assert found == WixAppCredentials("app-1", "s3cret", "inst-9")


def test_a_half_configured_app_names_what_is_missing() -> None:
    from pos.sync.credentials import WixConfigError

    with pytest.raises(WixConfigError) as caught:
        load_credentials({"COMPTOIR_WIX_CLIENT_ID": "app-1"}, keyring_get=lambda s, u: None)
    text = str(caught.value)
    assert "COMPTOIR_WIX_CLIENT_SECRET" in text and "COMPTOIR_WIX_INSTANCE_ID" in text
    assert "COMPTOIR_WIX_API_KEY" not in text and "an API key instead" in text


def test_the_api_key_wins_when_both_are_complete() -> None:
    environ = {
        "COMPTOIR_WIX_API_KEY": "key",
        "COMPTOIR_WIX_SITE_ID": "site",
        "COMPTOIR_WIX_CLIENT_ID": "app-1",
        "COMPTOIR_WIX_CLIENT_SECRET": "s3cret",
        "COMPTOIR_WIX_INSTANCE_ID": "inst-9",
    }
    found = load_credentials(environ, keyring_get=lambda s, u: None)
    assert type(found).__name__ == "WixCredentials"


def test_a_sync_round_with_refused_credentials_stops_and_sets_nothing_aside(
    fake_wix: FakeWix, sessions: SessionFactory, waits: RecordedSleep
) -> None:
    """Every change keeps waiting (none parked) and the status says what to fix."""
    ids = link(sessions, fake_wix, ["TS-M"])
    queue(sessions, ids["TS-M"], 2)
    credentials = app_of(fake_wix, secret="revoked")

    def factory():  # type: ignore[no-untyped-def]
        return make_client(fake_wix, waits, credentials=credentials, max_read_attempts=2)

    with SyncRunner(sessions=sessions, clock=FakeClock(NOW), client_factory=factory) as runner:
        status = runner.run_once()
        assert status.online and status.pending == 1 and status.needs_review == 0
        assert status.last_error is not None and "client ID, secret" in status.last_error
        credentials = app_of(fake_wix)  # the manager fixes the secret in Settings
        runner.close()
        status = runner.run_once()
    assert status.last_error is None and status.pending == 0
    assert fake_wix.state.stock("TS-M") == 12
