"""Reading and checking the audit log, and writing an operator's action into it.

Other services write their entries with `audit_action` (or `pos.db.audit.append_audit`)
inside their own transaction, so each entry commits with the change it describes.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from pos.db.audit import (
    AuditEntry,
    DbSession,
    VerifyResult,
    append_audit,
    recent_entries,
    verify_chain,
)
from pos.db.engine import SessionFactory
from pos.domain.roles import Operator

__all__ = ["AuditEntry", "AuditService", "VerifyResult", "audit_action"]


def audit_action(
    session: DbSession,
    *,
    operator: Operator | None,
    action: str,
    subject: str = "",
    data: Mapping[str, Any] | None = None,
    now: datetime,
) -> AuditEntry:
    """Append `action` by `operator` to the audit chain, in the caller's transaction.

    An operator without a user id (the command line) is named in `data["actor"]`, since the
    entry's `actor_id` can only point at a user.
    """
    details = dict(data or {})
    if operator is not None and operator.user_id is None:
        details["actor"] = operator.username
    return append_audit(
        session,
        actor_id=None if operator is None else operator.user_id,
        action=action,
        subject=subject[:80],
        data=details,
        now=now,
    )


class AuditService:
    """Checks the chain and lists recent entries; read-only."""

    def __init__(self, *, sessions: SessionFactory) -> None:
        self._sessions = sessions

    def verify(self) -> VerifyResult:
        """Recompute every hash, oldest first (see `pos.db.audit.verify_chain`)."""
        with self._sessions() as session:
            return verify_chain(session)

    def recent(self, limit: int = 100) -> tuple[AuditEntry, ...]:
        """The newest `limit` entries, newest first."""
        with self._sessions() as session:
            return tuple(recent_entries(session, limit=limit))
