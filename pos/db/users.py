"""Users and manager approvals in the database: rows in, plain values out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from pos.db.audit import ensure_write_transaction
from pos.db.records import ApprovalRecord, UserRecord
from pos.db.types import rowcount


@dataclass(frozen=True, slots=True)
class UserRow:
    """A user as stored. `pin_hash` stays inside the services; never display or log it.

    It is left out of the row's `repr`, so a row in a log line, an assertion or a traceback's
    locals does not carry it.
    """

    user_id: int
    username: str
    display_name: str
    role: str
    pin_hash: str = field(repr=False)
    failed_attempts: int
    locked_until: datetime | None
    active: bool
    language: str


def _row(record: UserRecord) -> UserRow:
    return UserRow(
        record.id,
        record.username,
        record.display_name,
        record.role,
        record.pin_hash,
        record.failed_attempts,
        record.locked_until,
        record.active,
        record.language,
    )


def find_user(session: Session, username: str, *, for_update: bool = False) -> UserRow | None:
    """The user called `username`, or None.

    Args:
        for_update: lock the row until the transaction ends (PostgreSQL `FOR UPDATE`; on
            SQLite the transaction becomes the single writer), so two terminals counting
            wrong PINs for the same user cannot lose a failure.
    """
    query = select(UserRecord).where(UserRecord.username == username)
    if for_update:
        ensure_write_transaction(session)
        query = query.with_for_update()
    record = session.scalar(query)
    return None if record is None else _row(record)


def find_user_by_id(session: Session, user_id: int, *, share_lock: bool = False) -> UserRow | None:
    """The user with id `user_id`, or None.

    Args:
        share_lock: hold the row against changes until the transaction ends (PostgreSQL
            `FOR SHARE`: a disable or a role change waits for the action that re-read the
            user; several actions by one user do not wait for each other). On SQLite the
            caller's transaction is made the single writer first.
    """
    query = select(UserRecord).where(UserRecord.id == user_id)
    if share_lock:
        ensure_write_transaction(session)
        query = query.with_for_update(read=True)
    record = session.scalar(query)
    return None if record is None else _row(record)


def lock_users(session: Session, user_ids: Iterable[int]) -> None:
    """Lock these users' rows for update, in id order, until the transaction ends.

    An administrator's change holds two rows (the actor's, re-read, and the target's); taking
    them in one order everywhere means two such changes cannot deadlock.
    """
    ensure_write_transaction(session)
    ids = sorted(set(user_ids))
    if ids:
        session.execute(select(UserRecord.id).where(UserRecord.id.in_(ids))
                        .order_by(UserRecord.id).with_for_update())


def all_users(session: Session) -> list[UserRow]:
    """Every user, by username."""
    return [_row(r) for r in session.scalars(select(UserRecord).order_by(UserRecord.username))]


def count_admins(session: Session, *, active_only: bool) -> int:
    query = select(func.count()).select_from(UserRecord).where(UserRecord.role == "admin")
    if active_only:
        query = query.where(UserRecord.active.is_(True))
    return int(session.scalar(query) or 0)


def insert_user(
    session: Session,
    *,
    username: str,
    display_name: str,
    role: str,
    pin_hash: str,
    language: str = "fr",
) -> int:
    """Add a user; returns the new id. The caller has checked the username is free."""
    record = UserRecord(
        username=username,
        display_name=display_name,
        role=role,
        pin_hash=pin_hash,
        failed_attempts=0,
        locked_until=None,
        active=True,
        language=language,
    )
    session.add(record)
    session.flush()
    return record.id


def set_failures(
    session: Session, user_id: int, *, failed_attempts: int, locked_until: datetime | None
) -> None:
    """Store the consecutive-failure counter and the lockout end (None: not locked)."""
    session.execute(
        update(UserRecord)
        .where(UserRecord.id == user_id)
        .values(failed_attempts=failed_attempts, locked_until=locked_until)
    )


def set_pin_hash(session: Session, user_id: int, pin_hash: str) -> None:
    """Replace the PIN hash and lift any lockout (a new PIN starts with a clean slate)."""
    session.execute(
        update(UserRecord)
        .where(UserRecord.id == user_id)
        .values(pin_hash=pin_hash, failed_attempts=0, locked_until=None)
    )


def set_active(session: Session, user_id: int, active: bool) -> None:
    session.execute(update(UserRecord).where(UserRecord.id == user_id).values(active=active))


def insert_approval(
    session: Session, *, approver_id: int, rule: str, reason: str, now: datetime
) -> int:
    """Record a manager's approval, not yet tied to a document; returns its id."""
    record = ApprovalRecord(
        document_id=None, rule=rule, approver_id=approver_id, reason=reason, created_at=now
    )
    session.add(record)
    session.flush()
    return record.id


def attach_approvals(session: Session, approval_ids: Iterable[int], document_id: str) -> int:
    """Tie approvals to the counter document they allowed, inside its committing transaction.

    Only approvals not yet used are taken, so one approval never covers two documents.

    Returns:
        How many approvals were attached; fewer than given means some were already used
        (the caller should then refuse, raising ApprovalRequiredError).
    """
    ids = list(approval_ids)
    if not ids:
        return 0
    result = session.execute(
        update(ApprovalRecord)
        .where(ApprovalRecord.id.in_(ids), ApprovalRecord.document_id.is_(None),
               ApprovalRecord.cash_session_id.is_(None))
        .values(document_id=document_id)
    )
    return rowcount(result)
