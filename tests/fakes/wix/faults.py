"""Fault injection: planned (`next`) and random (`random`) faults per request.

Kinds: ``latency:<ms>``, ``429``, ``429-retry-after:<s>``, ``500``, ``502``, ``503``, ``504``,
``drop-before`` (connection closed, nothing applied), ``drop-after`` (change applied, then the
connection closed without a response), ``garbage`` (200 with a truncated body), ``wrong-shape``
(200 with valid JSON of the wrong shape). Only ``drop-after`` and ``latency`` apply the change.
"""

from __future__ import annotations

import fnmatch
import random as _random
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass

ERROR_STATUSES = frozenset({"429", "500", "502", "503", "504"})
_KIND = re.compile(
    r"^(latency:\d+|429-retry-after:\d+(\.\d+)?|429|500|502|503|504|"
    r"drop-before|drop-after|garbage|wrong-shape)$"
)
RANDOM_KINDS = ("429", "500", "503", "504", "drop-before", "drop-after", "garbage")


def check_kind(kind: str) -> str:
    if not _KIND.match(kind):
        raise ValueError(f"unknown fault kind {kind!r}")
    return kind


@dataclass
class _Planned:
    pattern: str
    kind: str
    remaining: int

    def matches(self, method: str, path: str) -> bool:
        wanted_method, _, wanted_path = self.pattern.rpartition(" ")
        if wanted_method and wanted_method.upper() != method:
            return False
        return fnmatch.fnmatchcase(path, wanted_path)


class FaultPlan:
    """What goes wrong with the next requests. Thread-safe; the server asks `take` once per
    request (after the rate limit, before authentication)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._planned: list[_Planned] = []
        self._rate = 0.0
        self._kinds: tuple[str, ...] = ()
        self._paths = "*"
        self._rng = _random.Random(0)
        self.injected: list[tuple[str, str, str]] = []  # (method, path, kind)

    def next(self, path_pattern: str, kind: str, count: int = 1) -> FaultPlan:
        """Fail the next `count` requests matching `path_pattern` with `kind`.

        Args:
            path_pattern: fnmatch pattern on the path (``"/ecom/v1/orders/*/cancel"``),
                optionally preceded by a method: ``"POST /stores/v3/bulk/*"``.
            kind: One of the module's kinds.
            count: How many matching requests; planned faults are used in order.
        """
        with self._lock:
            self._planned.append(_Planned(path_pattern, check_kind(kind), count))
        return self

    def random(
        self,
        rate: float = 0.2,
        kinds: Sequence[str] = RANDOM_KINDS,
        seed: int | None = 0,
        paths: str = "*",
    ) -> FaultPlan:
        """Fail a fraction `rate` of requests matching `paths`, kind drawn from `kinds`."""
        with self._lock:
            self._rate, self._kinds = rate, tuple(check_kind(k) for k in kinds)
            self._rng, self._paths = _random.Random(seed), paths
        return self

    def clear(self) -> None:
        with self._lock:
            self._planned.clear()
            self._rate = 0.0

    @property
    def pending(self) -> int:
        with self._lock:
            return sum(p.remaining for p in self._planned)

    def take(self, method: str, path: str) -> str | None:
        """The fault for this request, if any (planned first, then random)."""
        with self._lock:
            kind = self._take_planned(method, path)
            if kind is None and self._rate > 0:
                probe = _Planned(self._paths, "", 1)
                if probe.matches(method, path) and self._rng.random() < self._rate:
                    kind = self._rng.choice(self._kinds)
            if kind is not None:
                self.injected.append((method, path, kind))
            return kind

    def _take_planned(self, method: str, path: str) -> str | None:
        for planned in self._planned:
            if planned.matches(method, path):
                planned.remaining -= 1
                if planned.remaining <= 0:
                    self._planned.remove(planned)
                return planned.kind
        return None
