"""RateLimiter: at most `per_minute` requests in any window, on a fake clock and on the wire."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.sync.client import RateLimiter, WixBusyError
from tests.fakes.wix import FakeWix
from tests.sync.conftest import RecordedSleep, make_client

VERSION = "/stores/v3/provision/version"


class FakeClock:
    """Monotonic seconds that only move when the code sleeps or the test advances them."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds >= 0
        self.now += seconds


def most_in_window(times: list[float], window: float) -> int:
    times = sorted(times)
    return max(sum(1 for other in times if start <= other < start + window) for start in times)


def test_the_fourth_request_waits_for_the_first_to_leave_the_window():
    clock = FakeClock()
    limiter = RateLimiter(3, clock=clock, sleep=clock.sleep)
    sent = []
    for _ in range(7):
        limiter.acquire()
        sent.append(clock.now)
    assert sent == [1000.0, 1000.0, 1000.0, 1060.0, 1060.0, 1060.0, 1120.0]


@given(
    per_minute=st.integers(1, 12),
    gaps=st.lists(st.floats(0, 40, allow_nan=False), min_size=1, max_size=60),
)
def test_never_more_than_per_minute_in_any_60_s_window(per_minute: int, gaps: list[float]):
    clock = FakeClock()
    limiter = RateLimiter(per_minute, clock=clock, sleep=clock.sleep)
    sent = []
    for gap in gaps:
        clock.now += gap  # the caller's own work between requests
        limiter.acquire()
        sent.append(clock.now)
    assert most_in_window(sent, 60.0) <= per_minute
    assert sent == sorted(sent)


def test_requests_within_the_budget_do_not_wait():
    clock = FakeClock()
    limiter = RateLimiter(180, clock=clock, sleep=clock.sleep)
    for _ in range(180):
        limiter.acquire()
    assert clock.now == 1000.0


def test_per_minute_must_be_positive():
    with pytest.raises(ValueError):
        RateLimiter(0)


def test_the_fake_never_throttles_a_limited_client(waits: RecordedSleep):
    # A short window keeps the test fast; the limiter's is 10% longer to absorb the delay
    # between reserving a slot and the request reaching the server.
    with FakeWix(rpm_limit=5, rate_window_s=0.4) as fake:
        limiter = RateLimiter(5, window_s=0.44)
        with make_client(fake, waits, limiter=limiter) as client:
            started = time.monotonic()
            for _ in range(12):
                client.write("GET", VERSION)
        assert time.monotonic() - started >= 0.8  # two full windows were waited out
        assert not any(entry.throttled for entry in fake.requests)
        assert fake.log.max_in_window(0.4) <= 5
        assert len(fake.requests) == 12


def test_without_the_limiter_the_fake_throttles(waits: RecordedSleep):
    # The counter-proof: the same burst, no limiter, and the fake says 429.
    with FakeWix(rpm_limit=5, rate_window_s=60) as fake:
        with make_client(fake, waits) as client:
            for _ in range(5):
                client.write("GET", VERSION)
            with pytest.raises(WixBusyError) as caught:
                client.write("GET", VERSION)
    assert caught.value.status == 429 and caught.value.code == "TOO_MANY_REQUESTS"
