"""A `SyncPort` held in memory, and statuses to show, for the sync badge and panel tests."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime

from pos.domain.roles import Operator, Permission, Role
from pos.services.access import require
from pos.services.sync_port import ReviewItem, SyncReviewError, SyncStatus

T = datetime(2026, 11, 20, 14, 30, tzinfo=UTC)
MANAGER = Operator(2, "maxime", "Maxime", Role.MANAGER)
CASHIER = Operator(3, "camille", "Camille", Role.CASHIER)


def status(**changes: object) -> SyncStatus:
    """An online, up-to-date status with `changes`."""
    base = SyncStatus(
        configured=True, online=True, last_pull_at=T, last_push_at=T,
        pending=0, needs_review=0, parked=0, last_error=None, leader=True,
    )  # fmt: skip
    return replace(base, **changes)  # type: ignore[arg-type]


def stock_item(message_id: int = 41, sku: str = "T-S-M") -> ReviewItem:
    numbers = (("sku", sku), ("delta", 2), ("quantity_before", 10), ("expected_quantity", 12),
               ("found_quantity", 11))  # fmt: skip
    reason = "the stock change may have been applied: Wix shows 11, expected 12"
    return ReviewItem(message_id, "wix.stock_delta", f"stock:{sku}", reason, numbers, T)


def with_review(*items: ReviewItem, **changes: object) -> SyncStatus:
    return status(needs_review=len(items), review_items=items, **changes)


class FakeSync:
    """`SyncPort` in memory: `current` is what every tick and read returns."""

    def __init__(self, current: SyncStatus) -> None:
        self.current = current
        self.ticks = 0
        self.closed = False
        self.decisions: list[tuple[str, int, str, str]] = []
        self.tick_threads: set[str] = set()

    def run_once(self) -> SyncStatus:
        self.ticks += 1
        self.tick_threads.add(threading.current_thread().name)
        return self.current

    def status(self) -> SyncStatus:
        return self.current

    def resolve(self, operator: Operator | None, message_id: int, decision: str,
                reason: str) -> None:  # fmt: skip
        require(operator, Permission.APPROVE)
        items = tuple(i for i in self.current.review_items if i.message_id != message_id)
        if len(items) == len(self.current.review_items):
            raise SyncReviewError("not_waiting", message_id=message_id)
        assert operator is not None
        self.decisions.append((operator.username, message_id, decision, reason))
        self.current = replace(self.current, review_items=items, needs_review=len(items))

    def close(self) -> None:
        self.closed = True
