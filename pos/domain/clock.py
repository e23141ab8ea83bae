"""Time as an injected dependency: the `Clock` protocol and `SystemClock`, the app's clock.

Tests inject `tests.support.clock.FakeClock`, which moves only when told to.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)
