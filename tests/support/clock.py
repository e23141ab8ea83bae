"""`FakeClock`: the injected clock of the tests, which moves only when a test moves it."""

from __future__ import annotations

from datetime import datetime, timedelta


class FakeClock:
    """A `pos.domain.clock.Clock` that moves only when told to (shift and day boundaries)."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = start

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        self._now += delta
