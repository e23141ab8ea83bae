"""Sync fixtures: a `WixClient` on the shared fake Wix (`fake_wix`, tests/support/wix_site.py)
that never sleeps.

`wix_client` records every wait instead of sleeping (`waits`), and its rate limiter is
generous, so retry tests run in milliseconds and can assert the exact backoff.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from pos.sync.client import RateLimiter, WixClient
from pos.sync.credentials import WixCredentials
from tests.fakes.wix import FakeWix


class RecordedSleep:
    """A `sleep` stand-in: remembers each wait (seconds) and returns at once."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def waits() -> RecordedSleep:
    return RecordedSleep()


def make_client(fake: FakeWix, sleep: RecordedSleep, **options: object) -> WixClient:
    """A client for `fake` with recorded sleeps, a seeded RNG and a 5 s timeout."""
    settings: dict[str, object] = {
        "base_url": fake.base_url,
        "credentials": WixCredentials(fake.api_key, fake.site_id),
        "sleep": sleep,
        "rng": random.Random(0),
        "timeout": 5.0,
        "limiter": RateLimiter(10_000, sleep=sleep),
    }
    settings.update(options)
    return WixClient(**settings)  # type: ignore[arg-type]


@pytest.fixture
def wix_client(fake_wix: FakeWix, waits: RecordedSleep) -> Iterator[WixClient]:
    with make_client(fake_wix, waits) as client:
        yield client
