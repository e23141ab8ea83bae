"""The print queue's rows (`print_jobs`): listing, claiming, finishing and adding jobs.

States: `queued` → `printing` → `printed` | `failed` (→ `queued` again on a retry). A claim
is one guarded UPDATE (`WHERE state = <what we saw>`), so two workers never both print a job.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from pos.db.records import CounterDocumentRecord, PrintJobRecord
from pos.db.types import rowcount
from pos.domain.search_text import normalise_number

PENDING = ("queued", "printing", "failed")


@dataclass(frozen=True, slots=True)
class PrintJobRow:
    id: int
    created_at: datetime
    document_id: str | None
    document_number: str
    kind: str
    duplicate: bool
    printer: str
    state: str
    attempts: int
    last_error: str


# Statements are immutable: each use adds its own WHERE to a copy.
_JOBS_QUERY = select(PrintJobRecord, CounterDocumentRecord.number).outerjoin(
    CounterDocumentRecord, CounterDocumentRecord.id == PrintJobRecord.document_id
)


def _row(job: PrintJobRecord, number: str | None) -> PrintJobRow:
    return PrintJobRow(
        job.id,
        job.created_at,
        job.document_id,
        number or "",
        job.kind,
        job.duplicate,
        job.printer,
        job.state,
        job.attempts,
        job.last_error,
    )


def list_jobs(
    session: Session,
    *,
    states: Collection[str] = PENDING,
    terminal_id: str | None = None,
    ids: Collection[int] | None = None,
) -> list[PrintJobRow]:
    """Jobs in `states`, oldest first.

    Args:
        terminal_id: when given, jobs without a printer of their own are listed only for
            documents of this terminal (each terminal prints its own receipts).
        ids: only these jobs.
    """
    query = _JOBS_QUERY.where(PrintJobRecord.state.in_(list(states)))
    if terminal_id is not None:
        query = query.where(
            or_(PrintJobRecord.printer != "", CounterDocumentRecord.terminal_id == terminal_id)
        )
    if ids is not None:
        query = query.where(PrintJobRecord.id.in_(list(ids)))
    rows = session.execute(query.order_by(PrintJobRecord.created_at, PrintJobRecord.id))
    return [_row(job, number) for job, number in rows]


def get_job(session: Session, job_id: int) -> PrintJobRow | None:
    row = session.execute(_JOBS_QUERY.where(PrintJobRecord.id == job_id)).first()
    return None if row is None else _row(row[0], row[1])


def claim(session: Session, job_id: int, *, seen_state: str) -> bool:
    """Mark the job `printing` (one more attempt) if it is still in `seen_state`."""
    result = session.execute(
        update(PrintJobRecord)
        .where(PrintJobRecord.id == job_id, PrintJobRecord.state == seen_state)
        .values(state="printing", attempts=PrintJobRecord.attempts + 1)
    )
    return bool(rowcount(result))


def finish(session: Session, job_id: int, *, state: str, error: str = "") -> None:
    """Record how the attempt ended: `printed`, or `failed` with the reason."""
    session.execute(
        update(PrintJobRecord)
        .where(PrintJobRecord.id == job_id)
        .values(state=state, last_error=error)
    )


def requeue(session: Session, job_id: int, *, printer: str | None) -> bool:
    """Put a job that is not printing back in the queue (on `printer` when given)."""
    values: dict[str, object] = {"state": "queued"}
    if printer is not None:
        values["printer"] = printer
    result = session.execute(
        update(PrintJobRecord)
        .where(PrintJobRecord.id == job_id, PrintJobRecord.state != "printing")
        .values(**values)
    )
    return bool(rowcount(result))


def add_job(session: Session, *, document_id: str, kind: str, duplicate: bool, printer: str,
            now: datetime) -> int:  # fmt: skip
    job = PrintJobRecord(document_id=document_id, kind=kind, duplicate=duplicate,
                         printer=printer, created_at=now, state="queued", attempts=0,
                         last_error="")  # fmt: skip
    session.add(job)
    session.flush()
    return job.id


def find_document(session: Session, document: str) -> tuple[str, str] | None:
    """(id, number) of the counter document named by its number or its id."""
    row = session.execute(
        select(CounterDocumentRecord.id, CounterDocumentRecord.number).where(
            or_(CounterDocumentRecord.number_norm == normalise_number(document),
                CounterDocumentRecord.id == document)
        )
    ).first()  # fmt: skip
    return None if row is None else (row[0], row[1])
