"""A client-side request budget: Wix allows about 200 requests a minute per site (§1.4)."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable


class RateLimiter:
    """At most `per_minute` requests in any `window_s`-second window (sliding, thread-safe).

    Each `acquire` reserves the earliest slot that keeps every window within the limit, then
    sleeps until it: no busy loop, and exact with a fake clock and a fake sleep. Share one
    limiter between all clients of a site: the budget is per site, not per client.
    """

    def __init__(
        self,
        per_minute: int = 180,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        window_s: float = 60.0,
    ) -> None:
        if per_minute < 1:
            raise ValueError("per_minute must be at least 1")
        self.per_minute, self.window_s = per_minute, window_s
        self._clock, self._sleep = clock, sleep
        self._slots: deque[float] = deque(maxlen=per_minute)  # the last reserved send times
        self._lock = threading.Lock()

    def acquire(self) -> None:
        """Block until a request may go, and count it."""
        with self._lock:
            now = self._clock()
            slot = now
            if len(self._slots) == self.per_minute:
                slot = max(now, self._slots[0] + self.window_s)
            self._slots.append(slot)  # the deque drops the oldest
        if slot > now:
            self._sleep(slot - now)
