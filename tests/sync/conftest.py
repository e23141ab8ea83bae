"""Sync fixtures: a started fake Wix (V3, one product) and a `WixClient` on it that never sleeps.

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

TEST_KEY = "IST.test-key-9f2c41d7-never-log-me"


class RecordedSleep:
    """A `sleep` stand-in: remembers each wait (seconds) and returns at once."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def fake_wix() -> Iterator[FakeWix]:
    """A started V3 fake site holding one product with two variants (TS-M: 10, TS-L: 2)."""
    with FakeWix(api_key=TEST_KEY) as site:
        site.state.add_product(
            "T-shirt bio",
            variants=[
                ("TS-M", "3700000000011", "29.90", {"Taille": "M"}, 10),
                ("TS-L", "3700000000028", "29.90", {"Taille": "L"}, 2),
            ],
        )
        yield site


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
