"""Several terminals acting at the same instant, each on its own thread."""

from __future__ import annotations

import threading
from collections.abc import Callable


def at_once(count: int, act: Callable[[int], None], *, timeout: float = 120) -> list[str]:
    """Run `act(0)` … `act(count - 1)` on threads released together by a barrier.

    Returns:
        One outcome per terminal, in finishing order: "ok", or the refusal's `code` (the
        exception's class name when it has none).
    """
    outcomes: list[str] = []
    barrier = threading.Barrier(count)

    def terminal(n: int) -> None:
        barrier.wait()
        try:
            act(n)
            outcomes.append("ok")
        except Exception as error:
            outcomes.append(getattr(error, "code", type(error).__name__))

    threads = [threading.Thread(target=terminal, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return outcomes
