"""Outbox rows: due times, oldest first per object, state changes and counts."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pos.db import outbox
from pos.db.engine import SessionFactory
from pos.db.records import OutboxMessageRecord
from pos.domain.states import IllegalTransitionError
from tests.support.builders import T0


def add(sessions: SessionFactory, key: str, *, destination: str = "wix", n: int = 0) -> int:
    with sessions.begin() as s:
        return outbox.enqueue(
            s, destination=destination, kind="step", object_key=key, payload={"n": n}, now=T0
        )


def due(sessions: SessionFactory, *, at=T0, destination: str = "wix", limit: int = 50) -> list[int]:  # type: ignore[no-untyped-def]
    with sessions() as s:
        return [r.id for r in outbox.claim_due(s, destination=destination, now=at, limit=limit)]


def take(sessions: SessionFactory, message_id: int) -> bool:
    with sessions.begin() as s:
        return outbox.start_attempt(s, message_id, now=T0, journal={"expect": 3})


def load(sessions: SessionFactory, message_id: int) -> OutboxMessageRecord:
    with sessions() as s:
        record = s.get(OutboxMessageRecord, message_id)
        assert record is not None
        return record


def test_a_new_message_is_due_at_once_with_its_payload(sessions: SessionFactory) -> None:
    message_id = add(sessions, "order:1", n=7)
    assert due(sessions) == [message_id]
    record = load(sessions, message_id)
    assert (record.state, record.attempts, record.payload) == ("pending", 0, {"n": 7})
    assert record.created_at == T0 and record.next_attempt_at is None


def test_only_the_oldest_message_of_an_object_is_due(sessions: SessionFactory) -> None:
    a1, b1, a2, b2 = (add(sessions, key) for key in ("order:a", "order:b", "order:a", "order:b"))
    assert due(sessions) == [a1, b1]
    with sessions.begin() as s:
        outbox.settle(s, a1, outbox.DONE, now=T0)
    assert due(sessions) == [b1, a2]
    assert b2 not in due(sessions)


def test_a_message_in_flight_or_waiting_to_retry_holds_back_the_next(
    sessions: SessionFactory,
) -> None:
    first, second = add(sessions, "order:a"), add(sessions, "order:a")
    assert take(sessions, first)
    assert due(sessions) == []  # in flight: neither is due
    with sessions.begin() as s:
        outbox.settle(s, first, outbox.PENDING, now=T0, error="timeout",
                      next_attempt_at=T0 + timedelta(minutes=1))  # fmt: skip
    assert due(sessions) == []  # waiting for its retry: the younger one still waits
    assert due(sessions, at=T0 + timedelta(minutes=1)) == [first]
    with sessions.begin() as s:
        outbox.settle(s, first, outbox.PARKED, now=T0, error="refused")
    assert due(sessions, at=T0 + timedelta(days=1)) == []  # parked: a person decides first
    assert second not in due(sessions, at=T0 + timedelta(days=1))


def test_a_retry_is_due_only_from_its_time(sessions: SessionFactory) -> None:
    message_id = add(sessions, "order:a")
    take(sessions, message_id)
    later = T0 + timedelta(seconds=30)
    with sessions.begin() as s:
        outbox.settle(s, message_id, outbox.PENDING, now=T0, error="connection refused",
                      next_attempt_at=later)  # fmt: skip
    assert due(sessions, at=later - timedelta(seconds=1)) == []
    assert due(sessions, at=later) == [message_id]
    record = load(sessions, message_id)
    assert (record.state, record.attempts, record.last_error) == (
        "pending",
        1,
        "connection refused",
    )


def test_destinations_and_limit_are_respected(sessions: SessionFactory) -> None:
    wix = [add(sessions, f"order:{n}") for n in range(3)]
    mail = add(sessions, "mail:T1-000001", destination="mail")
    assert due(sessions, limit=2) == wix[:2]
    assert due(sessions, destination="mail") == [mail]


def test_taking_a_message_is_a_compare_and_set(sessions: SessionFactory) -> None:
    message_id = add(sessions, "order:a")
    assert take(sessions, message_id) is True
    assert take(sessions, message_id) is False  # a second sender does not get it
    record = load(sessions, message_id)
    assert (record.state, record.attempts) == ("in_flight", 1)
    assert record.journal["expect"] == 3 and record.journal["attempt"] == 1
    with sessions() as s:
        found = outbox.in_flight(s, destination="wix")
        assert [r.id for r in found] == [message_id]
        assert outbox.in_flight_since(found[0]) == T0


def test_done_clears_the_error_and_keeps_the_journal(sessions: SessionFactory) -> None:
    message_id = add(sessions, "order:a")
    take(sessions, message_id)
    with sessions.begin() as s:
        outbox.settle(s, message_id, outbox.PENDING, now=T0, error="timeout", next_attempt_at=T0)
    take(sessions, message_id)
    with sessions.begin() as s:
        outbox.settle(s, message_id, outbox.DONE, now=T0 + timedelta(seconds=5))
    record = load(sessions, message_id)
    assert (record.state, record.attempts, record.last_error) == ("done", 2, "")
    assert record.journal["expect"] == 3 and "in_flight_since" not in record.journal
    assert record.journal["done_at"] == (T0 + timedelta(seconds=5)).isoformat()


def test_counts_per_state(sessions: SessionFactory) -> None:
    ids = [add(sessions, f"order:{n}") for n in range(4)]
    add(sessions, "mail:x", destination="mail")
    take(sessions, ids[0])
    with sessions.begin() as s:
        outbox.settle(s, ids[1], outbox.DONE, now=T0)
        outbox.settle(s, ids[2], outbox.PARKED, now=T0, error="400 refused")
        assert outbox.counts(s) == {"in_flight": 1, "done": 1, "parked": 1, "pending": 2}
        assert outbox.counts(s, destination="mail") == {"pending": 1}


def test_a_done_message_cannot_be_settled_again(sessions: SessionFactory) -> None:
    message_id = add(sessions, "order:a")
    take(sessions, message_id)
    with sessions.begin() as s:
        outbox.settle(s, message_id, outbox.DONE, now=T0)
    with pytest.raises(IllegalTransitionError, match="outbox message cannot go from 'done' to"):
        with sessions.begin() as s:
            outbox.settle(s, message_id, outbox.PARKED, now=T0, error="late refusal")
    assert (load(sessions, message_id).state, load(sessions, message_id).last_error) == ("done", "")
