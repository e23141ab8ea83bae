"""The audit chain: hashes as documented, tampering and deletion found, no fork under load."""

from __future__ import annotations

import hashlib
import json
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, func, select, text, update
from sqlalchemy.exc import DBAPIError

from pos.db.audit import GENESIS_HASH, append_audit, verify_chain
from pos.db.engine import SessionFactory
from pos.db.records import AuditEntryRecord
from pos.domain.roles import Operator, Role
from pos.services.audit import AuditService, audit_action
from pos.services.users import UserService
from tests.support.clock import FakeClock

T0 = datetime(2026, 11, 2, 9, 30, 15, 123456, tzinfo=UTC)


def append_some(sessions: SessionFactory, count: int) -> list[int]:
    ids = []
    for n in range(count):
        with sessions.begin() as s:
            entry = append_audit(
                s,
                actor_id=None,
                action="test_event",
                subject=f"thing:{n}",
                data={"n": n, "note": "réduction 10 %", "nested": {"b": 2, "a": [1, "x"]}},
                now=T0 + timedelta(seconds=n),
            )
            ids.append(entry.id)
    return ids


def test_an_empty_log_verifies(sessions: SessionFactory) -> None:
    result = AuditService(sessions=sessions).verify()
    assert (result.ok, result.entries_checked, result.head_hash) == (True, 0, GENESIS_HASH)


def test_hashes_follow_the_documented_formula(sessions: SessionFactory) -> None:
    append_some(sessions, 3)
    with sessions() as s:
        rows = list(s.scalars(select(AuditEntryRecord).order_by(AuditEntryRecord.id)))
    prev = "0" * 64
    for row in rows:
        body = json.dumps(
            [row.created_at.isoformat(), row.actor_id, row.action, row.subject, row.data],
            sort_keys=True,
            separators=(",", ":"),
            ensure_ascii=False,
        )
        assert row.prev_hash == prev
        assert row.hash == hashlib.sha256((prev + body).encode()).hexdigest()
        prev = row.hash
    assert rows[0].created_at == T0  # microseconds survive the round trip
    result = verify_chain_now(sessions)
    assert (result.ok, result.entries_checked, result.head_hash) == (True, 3, prev)


def verify_chain_now(sessions: SessionFactory):  # type: ignore[no-untyped-def]
    with sessions() as s:
        return verify_chain(s)


def test_an_entry_rolls_back_with_its_transaction(sessions: SessionFactory) -> None:
    append_some(sessions, 1)
    with pytest.raises(RuntimeError), sessions.begin() as s:
        append_audit(s, actor_id=None, action="doomed", now=T0)
        raise RuntimeError("business step failed")
    append_some(sessions, 1)
    result = verify_chain_now(sessions)
    assert (result.ok, result.entries_checked) == (True, 2)


def test_user_service_activity_forms_an_intact_chain(sessions: SessionFactory) -> None:
    users = UserService(sessions=sessions, clock=FakeClock(T0))
    users.add_user(None, "alice", "Alice", Role.ADMIN, "40718")
    admin = users.login("alice", "40718")
    users.add_user(admin, "maxime", "Maxime", Role.MANAGER, "86421357")
    users.approve("maxime", "86421357", "out_of_window", "")
    with sessions.begin() as s:
        audit_action(s, operator=Operator.local_admin(), action="policy_edited", now=T0)
    result = AuditService(sessions=sessions).verify()
    assert (result.ok, result.entries_checked) == (True, 5)
    newest = AuditService(sessions=sessions).recent(2)
    assert [e.action for e in newest] == ["policy_edited", "approval_granted"]
    assert newest[0].actor_id is None and newest[0].data == {"actor": "cli"}


@pytest.mark.parametrize(
    "change",
    [
        {"data": {"n": 1, "note": "réduction 100 %", "nested": {"a": [1, "x"], "b": 2}}},
        {"action": "other_event"},
        {"subject": "thing:99"},
        {"created_at": T0 - timedelta(days=1)},
    ],
    ids=["data", "action", "subject", "created_at"],
)
def test_tampering_is_found_at_that_entry(sessions: SessionFactory, change: dict) -> None:  # type: ignore[type-arg]
    ids = append_some(sessions, 4)
    with sessions.begin() as s:
        s.execute(update(AuditEntryRecord).where(AuditEntryRecord.id == ids[1]).values(**change))
    result = verify_chain_now(sessions)
    assert (result.ok, result.first_broken_id, result.reason) == (False, ids[1], "hash_mismatch")
    assert result.entries_checked == 1


def test_rehashing_a_tampered_entry_breaks_the_next_one(sessions: SessionFactory) -> None:
    ids = append_some(sessions, 3)
    with sessions.begin() as s:
        s.execute(
            update(AuditEntryRecord).where(AuditEntryRecord.id == ids[1]).values(hash="f" * 64)
        )
    result = verify_chain_now(sessions)
    assert (result.first_broken_id, result.reason) == (ids[1], "hash_mismatch")


def test_deleting_an_entry_is_found_at_the_next_one(sessions: SessionFactory) -> None:
    ids = append_some(sessions, 4)
    with sessions.begin() as s:
        s.execute(delete(AuditEntryRecord).where(AuditEntryRecord.id == ids[1]))
    result = verify_chain_now(sessions)
    assert (result.ok, result.first_broken_id, result.reason) == (
        False,
        ids[2],
        "prev_hash_mismatch",
    )


def test_cutting_the_end_shows_only_in_the_head_hash(sessions: SessionFactory) -> None:
    ids = append_some(sessions, 3)
    noted = verify_chain_now(sessions).head_hash
    with sessions.begin() as s:
        s.execute(delete(AuditEntryRecord).where(AuditEntryRecord.id == ids[-1]))
    result = verify_chain_now(sessions)
    assert result.ok and result.entries_checked == 2  # documented limit of a hash chain
    assert result.head_hash != noted


def test_verification_reads_in_batches(
    sessions: SessionFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("pos.db.audit._BATCH", 2)
    ids = append_some(sessions, 5)
    assert verify_chain_now(sessions).entries_checked == 5
    with sessions.begin() as s:
        s.execute(delete(AuditEntryRecord).where(AuditEntryRecord.id == ids[3]))
    assert verify_chain_now(sessions).first_broken_id == ids[4]


def test_concurrent_terminals_append_one_linear_chain(sessions: SessionFactory) -> None:
    threads, per_thread = 8, 12
    start = threading.Barrier(threads)
    failures: list[BaseException] = []

    def terminal(number: int) -> None:
        try:
            start.wait()
            for n in range(per_thread):
                with sessions.begin() as s:  # each thread its own session and transaction
                    append_audit(
                        s,
                        actor_id=None,
                        action="sale",
                        subject=f"T{number}",
                        data={"n": n},
                        now=T0 + timedelta(milliseconds=n),
                    )
        except BaseException as error:  # reported below, on the test's thread
            failures.append(error)

    workers = [threading.Thread(target=terminal, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert failures == []
    result = verify_chain_now(sessions)
    assert (result.ok, result.entries_checked) == (True, threads * per_thread)
    with sessions() as s:
        distinct_prev = s.scalar(select(func.count(func.distinct(AuditEntryRecord.prev_hash))))
    assert distinct_prev == threads * per_thread  # no two entries share a parent: no fork


# Rows written outside Comptoir, by raw SQL: (column, SQL literal). PostgreSQL's json and
# timestamptz columns refuse most of them; 'yesterday' it takes, as a valid date.
MALFORMED = {
    "invalid JSON in data": ("data", "'{\"n\": 1,'"),
    "NaN in data": ("data", "'{\"amount\": NaN}'"),
    "data that is NaN": ("data", "'NaN'"),
    "created_at of 'yesterday'": ("created_at", "'yesterday'"),
    "created_at of 'NaN'": ("created_at", "'NaN'"),
}


def write_malformed(sessions: SessionFactory, entry_id: int, kind: str) -> None:
    """Overwrite one column of entry `entry_id` with raw SQL; skip what the backend refuses."""
    column, literal = MALFORMED[kind]
    try:
        with sessions.begin() as s:
            s.execute(text(f"UPDATE audit_entries SET {column} = {literal} WHERE id = {entry_id}"))
    except DBAPIError:
        pytest.skip(f"{s.bind.dialect.name} refuses to store it")


@pytest.mark.parametrize("kind", MALFORMED)
@pytest.mark.parametrize("batch", [1000, 2])
def test_a_malformed_entry_is_named_not_raised(
    sessions: SessionFactory, monkeypatch: pytest.MonkeyPatch, kind: str, batch: int
) -> None:
    monkeypatch.setattr("pos.db.audit._BATCH", batch)
    ids = append_some(sessions, 4)
    write_malformed(sessions, ids[2], kind)
    result = verify_chain_now(sessions)
    assert (result.ok, result.first_broken_id, result.entries_checked) == (False, ids[2], 2)
    # PostgreSQL stores 'yesterday' as a real date: then it is an altered entry.
    assert result.reason in ("malformed_entry", "hash_mismatch")
    assert result.reason == "malformed_entry" or kind == "created_at of 'yesterday'"
