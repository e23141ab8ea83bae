"""The reads `comptoir audit verify` needs beyond the chain itself: closures against the audit
entries that name them, documents against theirs, and document numbers against their gaps."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session

from pos.db.records import AuditEntryRecord, ClosureRecord, CounterDocumentRecord

_audit = AuditEntryRecord.__table__
_docs = CounterDocumentRecord.__table__
_closures = ClosureRecord.__table__


def audit_count(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(_audit)).scalar_one())


def audit_position(session: Session, entry_hash: str) -> int | None:
    """How many entries the chain holds up to and including the one with `entry_hash`."""
    entry_id = session.execute(select(_audit.c.id).where(_audit.c.hash == entry_hash)).scalar()
    if entry_id is None:
        return None
    return int(session.execute(select(func.count()).select_from(_audit)
                               .where(_audit.c.id <= entry_id)).scalar_one())


def audit_hashes_exist(session: Session, hashes: list[str]) -> set[str]:
    """Which of `hashes` some audit entry carries."""
    found: set[str] = set()
    for start in range(0, len(hashes), 500):
        chunk = hashes[start:start + 500]
        found.update(session.execute(select(_audit.c.hash).where(_audit.c.hash.in_(chunk)))
                     .scalars())
    return found


def closure_entries(session: Session) -> list[tuple[str, dict[str, Any]]]:
    """(subject, data) of every audit entry written by a closure."""
    rows = session.execute(select(_audit.c.subject, _audit.c.data)
                           .where(_audit.c.action.startswith("closure_")).order_by(_audit.c.id))
    return [(subject, dict(data)) for subject, data in rows]


def documents_without_audit(session: Session, *, limit: int = 20) -> list[str]:
    """Numbers of documents no `document_*` audit entry names (at most `limit`)."""
    named = exists().where(and_(_audit.c.subject == _docs.c.number,
                                _audit.c.action.startswith("document_")))
    return list(session.execute(select(_docs.c.number).where(~named)
                                .order_by(_docs.c.number).limit(limit)).scalars())


def sequence_spans(session: Session) -> list[tuple[str, int, int, int]]:
    """(terminal, count, lowest, highest sequence) of each terminal's numbered documents."""
    rows = session.execute(
        select(_docs.c.terminal_id, func.count(), func.min(_docs.c.sequence),
               func.max(_docs.c.sequence))
        .where(_docs.c.sequence.is_not(None)).group_by(_docs.c.terminal_id)
        .order_by(_docs.c.terminal_id))
    return [(terminal, int(n), int(low), int(high)) for terminal, n, low, high in rows]


def documents_in_range(session: Session, terminal_id: str, first: int, last: int) -> int:
    return int(session.execute(select(func.count()).where(
        _docs.c.terminal_id == terminal_id, _docs.c.sequence >= first,
        _docs.c.sequence <= last)).scalar_one())
