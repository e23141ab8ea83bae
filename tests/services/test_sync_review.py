"""A manager's decision on a stuck Wix change: the services' rules, before any adapter writes."""

from __future__ import annotations

from typing import Any

import pytest

from pos.services.errors import PermissionDeniedError
from pos.services.sync_port import SyncReviewError, decide_review
from tests.ui.screens.sync.support import CASHIER, MANAGER


class Recorder:
    """A `ReviewResolver` that records what it was asked and settles `settled`."""

    def __init__(self, settled: list[int] | None = None) -> None:
        self.settled = settled
        self.calls: list[dict[str, Any]] = []

    def __call__(self, **asked: Any) -> list[int] | None:
        self.calls.append(asked)
        return self.settled


def test_refusals_come_before_the_decision_is_recorded() -> None:
    recorder = Recorder([41])
    with pytest.raises(PermissionDeniedError):
        decide_review(CASHIER, 41, "done", "Wix shows it", resolver=recorder)
    with pytest.raises(SyncReviewError) as unknown:
        decide_review(MANAGER, 41, "maybe", "Wix shows it", resolver=recorder)
    with pytest.raises(SyncReviewError) as no_reason:
        decide_review(MANAGER, 41, "done", "  ", resolver=recorder)
    assert (unknown.value.code, no_reason.value.code) == ("unknown_decision", "reason_required")
    assert recorder.calls == []


def test_a_manager_decides_as_himself_and_a_settled_change_is_said_so() -> None:
    recorder = Recorder([41, 42])
    decide_review(MANAGER, 41, "resend", "Wix was down", resolver=recorder)
    (asked,) = recorder.calls
    assert (asked["message_id"], asked["decision"], asked["actor"]) == (41, "resend", "maxime")
    assert callable(asked["guard"])  # the operator is re-read inside the transaction

    with pytest.raises(SyncReviewError) as settled:
        decide_review(MANAGER, 41, "done", "again", resolver=Recorder(None))
    assert settled.value.code == "not_waiting"
