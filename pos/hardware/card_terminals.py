"""Card-terminal drivers: a simulated terminal for tests, training and the demo.

Drivers satisfy `pos.services.card_terminal.CardTerminal` structurally (this package may not
import the services): they answer with `TerminalAnswer`, which has the fields of a
`CardOutcome`; services turn it into a `CardResult` with `as_card_result`.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pos.domain.money import Money

STEPS = {
    "approve": ("approved", ""),
    "decline": ("declined", "card_declined"),
    "timeout": ("timeout", "card_terminal_timeout"),
    "cancel": ("cancelled", "card_cancelled"),
}


@dataclass(frozen=True, slots=True)
class TerminalAnswer:
    """One answer of a terminal driver (the fields of a `CardOutcome`)."""

    status: str
    approval_code: str = ""
    message_code: str = ""


@dataclass(frozen=True, slots=True)
class TerminalCall:
    """What a simulated terminal was asked, for tests to check."""

    operation: str  # "charge" or "refund"
    amount: Money
    reference: str


class SimulatedTerminal:
    """A terminal that answers from a script: "approve", "decline", "timeout" or "cancel".

    The script is followed in order and starts again at its end, so the default always
    approves and ``("approve", "approve", "decline")`` declines one payment in three in the
    demo. Approval codes count up: "SIM000001", "SIM000002"… Thread-safe: a connected
    terminal is called from a device thread, and so may this one be.

    Args:
        script: The answers, in order (repeated).
        delay_ms: How long the terminal "thinks" before answering (the demo uses ~1500).
        sleep: Seconds-based sleep, injected so tests never wait.

    Raises:
        ValueError: The script is empty or has a step not listed above.
    """

    def __init__(
        self,
        script: Iterable[str] = ("approve",),
        delay_ms: int = 0,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        steps = tuple(script)
        unknown = [step for step in steps if step not in STEPS]
        if not steps or unknown:
            raise ValueError(f"script steps must be among {sorted(STEPS)}, got {steps!r}")
        if delay_ms < 0:
            raise ValueError("delay_ms must not be negative")
        self._steps = itertools.cycle(steps)
        self._delay_s, self._sleep = delay_ms / 1000, sleep
        self._approvals = itertools.count(1)
        self._lock = threading.Lock()
        self.calls: list[TerminalCall] = []

    def charge(self, amount: Money, *, reference: str) -> TerminalAnswer:
        return self._answer("charge", amount, reference)

    def refund(self, amount: Money, *, reference: str) -> TerminalAnswer:
        return self._answer("refund", amount, reference)

    def _answer(self, operation: str, amount: Money, reference: str) -> TerminalAnswer:
        if amount.minor <= 0:
            raise ValueError(f"card amounts must be positive, got {amount}")
        if self._delay_s:
            self._sleep(self._delay_s)
        with self._lock:
            self.calls.append(TerminalCall(operation, amount, reference))
            status, message_code = STEPS[next(self._steps)]
            if status != "approved":
                return TerminalAnswer(status, message_code=message_code)
            return TerminalAnswer(status, approval_code=f"SIM{next(self._approvals):06d}")
