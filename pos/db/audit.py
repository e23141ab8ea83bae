"""The audit log: append-only entries chained by SHA-256, so an edit or a deletion shows.

Each entry stores `prev_hash` (the hash of the entry before it, 64 zeros for the first) and
`hash = sha256(prev_hash + canonical JSON of [created_at ISO, actor_id, action, subject, data])`
where the canonical JSON has sorted keys, no spaces and UTF-8 text (`entry_hash`).

`append_audit` runs inside the caller's transaction so the entry commits (or rolls back) with
the business data it describes. Appends are serialised before the last hash is read, so
several terminals never fork the chain: a transaction-level advisory lock on PostgreSQL, an
immediate write transaction on SQLite.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from pos.db.records import AuditEntryRecord

GENESIS_HASH = "0" * 64
# Key of the PostgreSQL advisory lock serialising appends ("Comptoir audit" in spirit).
AUDIT_LOCK_KEY = 0x436F_6D70_4175_6474
_BATCH = 1000

# The session type services annotate with, so they need not import SQLAlchemy (STYLE.md).
DbSession = Session


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    created_at: datetime
    actor_id: int | None
    action: str
    subject: str
    data: dict[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class VerifyResult:
    """Outcome of a chain check.

    `head_hash` is the hash of the last entry that verified. Note it down now and then: a
    chain cut at its end still verifies, but no longer reaches the hash you noted.
    """

    ok: bool
    entries_checked: int
    first_broken_id: int | None = None
    # "hash_mismatch" (entry altered), "prev_hash_mismatch", "malformed_entry" (unreadable)
    reason: str | None = None
    head_hash: str = GENESIS_HASH


def canonical_json(value: Any) -> str:
    """JSON with sorted keys, no spaces, UTF-8 text; NaN and infinities refused."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


def entry_hash(
    prev_hash: str,
    *,
    created_at: datetime,
    actor_id: int | None,
    action: str,
    subject: str,
    data: Mapping[str, Any],
) -> str:
    """The hash an entry with these fields must carry, chained to `prev_hash`."""
    stamp = created_at.astimezone(UTC).isoformat()
    body = canonical_json([stamp, actor_id, action, subject, data])
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def ensure_write_transaction(session: Session) -> None:
    """Make the session's transaction a writer now, before it reads what it will update.

    pysqlite only sends BEGIN before the first INSERT/UPDATE, so earlier SELECTs run outside
    any transaction; BEGIN IMMEDIATE takes SQLite's single write lock (waiting up to the busy
    timeout) so what is read next cannot change before commit. Elsewhere a no-op.
    """
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return
    dbapi = connection.connection.dbapi_connection
    if dbapi is not None and not dbapi.in_transaction:
        # Already in a transaction means a write already ran: the write lock is held.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def lock_chain(session: Session) -> None:
    """Serialise audit appends until the caller's transaction ends (commit or rollback).

    PostgreSQL's READ COMMITTED (the default, which Comptoir uses) gives the next statement a
    fresh snapshot once the lock is granted, so the last hash read afterwards is current.
    """
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK_KEY})
    else:
        ensure_write_transaction(session)


def append_audit(
    session: Session,
    *,
    actor_id: int | None,
    action: str,
    subject: str = "",
    data: Mapping[str, Any] | None = None,
    now: datetime,
) -> AuditEntry:
    """Append one entry to the chain, inside the caller's transaction (no commit here).

    Args:
        session: the caller's session, in the transaction that changes the business data.
        actor_id: the user acting, or None for the system or the command line (say who in
            `data`, e.g. {"actor": "cli"}).
        action: what happened, a short code such as "user_added" (≤ 40 characters).
        subject: what it happened to, such as "user:camille" (≤ 80 characters).
        data: JSON-able details. Never a PIN, a password or a card number.
        now: aware datetime, from the service's clock.

    Returns:
        The entry as stored, with its id and hash.
    """
    if now.tzinfo is None:
        raise ValueError("audit time must be timezone-aware")
    # Round-trip through canonical JSON so what is stored is exactly what was hashed.
    stored = json.loads(canonical_json(dict(data or {})))
    lock_chain(session)
    last = session.scalar(
        select(AuditEntryRecord.hash).order_by(AuditEntryRecord.id.desc()).limit(1)
    )
    fields = {
        "created_at": now.astimezone(UTC),
        "actor_id": actor_id,
        "action": action,
        "subject": subject,
        "data": stored,
    }
    prev_hash = last or GENESIS_HASH
    record = AuditEntryRecord(**fields, prev_hash=prev_hash, hash=entry_hash(prev_hash, **fields))
    session.add(record)
    session.flush()  # takes the id while the chain is locked, so id order is chain order
    return _entry(record)


def _entry(record: AuditEntryRecord) -> AuditEntry:
    return AuditEntry(
        record.id,
        record.created_at,
        record.actor_id,
        record.action,
        record.subject,
        dict(record.data),
        record.prev_hash,
        record.hash,
    )


_COLUMNS = (
    AuditEntryRecord.id,
    AuditEntryRecord.created_at,
    AuditEntryRecord.actor_id,
    AuditEntryRecord.action,
    AuditEntryRecord.subject,
    AuditEntryRecord.data,
    AuditEntryRecord.prev_hash,
    AuditEntryRecord.hash,
)


def _check(row: Any, expected_prev: str) -> str | None:
    if row.prev_hash != expected_prev:
        return "prev_hash_mismatch"
    try:
        recomputed = entry_hash(
            row.prev_hash,
            created_at=row.created_at,
            actor_id=row.actor_id,
            action=row.action,
            subject=row.subject,
            data=row.data,
        )
    except (ValueError, TypeError, AttributeError):  # NaN in the data, a date that is not one
        return "malformed_entry"
    return None if recomputed == row.hash else "hash_mismatch"


def _batch(session: Session, after: int) -> list[Any]:
    """The next entries after id `after`; up to a row that cannot be read, then that row's id.

    A row written outside Comptoir (invalid JSON in `data`, a `created_at` of 'yesterday')
    fails while it is read; read one by one, the rows before it are still checked, and the
    bad one comes back as its bare id (an int) so the chain breaks there, by name.
    """
    query = select(*_COLUMNS).order_by(AuditEntryRecord.id)
    try:
        return list(session.execute(query.where(AuditEntryRecord.id > after).limit(_BATCH)))
    except (ValueError, TypeError):
        pass
    ids = session.scalars(
        select(AuditEntryRecord.id)
        .where(AuditEntryRecord.id > after)
        .order_by(AuditEntryRecord.id)
        .limit(_BATCH)
    ).all()
    rows: list[Any] = []
    for entry_id in ids:
        try:
            rows.append(session.execute(query.where(AuditEntryRecord.id == entry_id)).one())
        except (ValueError, TypeError):
            return [*rows, entry_id]
    return rows


def verify_chain(session: Session) -> VerifyResult:
    """Recompute the whole chain, oldest first, and report the first entry that breaks it.

    "prev_hash_mismatch" at entry N means the entry before N was deleted, inserted or
    rewritten with a new hash; "hash_mismatch" means entry N itself was altered;
    "malformed_entry" that entry N cannot even be read (invalid JSON or NaN in its data, a
    date that is not one): it was written outside Comptoir. Reads plain
    rows in batches (no ORM objects), so a long chain keeps memory flat.
    """
    expected_prev, checked, after = GENESIS_HASH, 0, 0
    while True:
        batch = _batch(session, after)
        if not batch:
            return VerifyResult(True, checked, head_hash=expected_prev)
        for row in batch:
            if isinstance(row, int):
                return VerifyResult(False, checked, row, "malformed_entry", expected_prev)
            reason = _check(row, expected_prev)
            if reason is not None:
                return VerifyResult(False, checked, row.id, reason, expected_prev)
            expected_prev, checked, after = row.hash, checked + 1, row.id


def recent_entries(session: Session, *, limit: int = 100) -> list[AuditEntry]:
    """The newest entries, newest first."""
    records = session.scalars(
        select(AuditEntryRecord).order_by(AuditEntryRecord.id.desc()).limit(limit)
    )
    return [_entry(record) for record in records]
