"""The print queue's rows (`print_jobs`): listing, claiming, finishing and adding jobs.

States (`pos.domain.states.PrintJobState`): `queued` → `printing` → `printed` | `failed` (→
`queued` again on a retry), as `PRINT_JOB_TRANSITIONS` allows, checked here. A claim is one
guarded UPDATE (`WHERE state = <what we saw>`), so two workers never both print a job.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from pos.db.records import CounterDocumentRecord, OrderRecord, PrintJobRecord
from pos.db.types import rowcount
from pos.domain.search_text import normalise_number
from pos.domain.states import PrintJobState, check_print_job

QUEUED, PRINTING = PrintJobState.QUEUED, PrintJobState.PRINTING
PENDING = (QUEUED, PRINTING, PrintJobState.FAILED)
CLOSURE_SLIP = "closure_slip"  # a Z (or period) slip: no document, its closure in `data`


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


def closure_job_data(data: bytes | None) -> dict[str, object]:
    """What a `closure_slip` job prints: {"closure": its number, "language": "fr"|"en"}."""
    try:
        value = json.loads(data or b"{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _row(job: PrintJobRecord, number: str | None) -> PrintJobRow:
    if job.kind == CLOSURE_SLIP:  # no document: the queue shows the closure's number
        number = f"Z {closure_job_data(job.data).get('closure', '?')}"
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
    """Mark the job `printing` (one more attempt) if it is still in `seen_state`.

    Raises:
        IllegalTransitionError: `seen_state` may not move to `printing` (a bug).
    """
    result = session.execute(
        update(PrintJobRecord)
        .where(PrintJobRecord.id == job_id, PrintJobRecord.state == seen_state)
        .values(state=check_print_job(seen_state, PRINTING), attempts=PrintJobRecord.attempts + 1)
    )
    return bool(rowcount(result))


def finish(session: Session, job_id: int, *, state: PrintJobState, error: str = "") -> None:
    """Record how the attempt ended: `printed`, or `failed` with the reason.

    Raises:
        IllegalTransitionError: The job is not `printing` (a bug).
    """
    current = session.scalar(select(PrintJobRecord.state).where(PrintJobRecord.id == job_id))
    check_print_job(str(current), state)
    session.execute(
        update(PrintJobRecord)
        .where(PrintJobRecord.id == job_id)
        .values(state=state, last_error=error)
    )


def requeue(session: Session, job_id: int, *, printer: str | None) -> bool:
    """Put a job that is not printing back in the queue (on `printer` when given)."""
    values: dict[str, object] = {"state": QUEUED}
    if printer is not None:
        values["printer"] = printer
    result = session.execute(
        update(PrintJobRecord)
        .where(PrintJobRecord.id == job_id, PrintJobRecord.state != PRINTING)
        .values(**values)
    )
    return bool(rowcount(result))


def add_job(session: Session, *, document_id: str | None, kind: str, duplicate: bool,
            printer: str, now: datetime, data: bytes | None = None) -> int:  # fmt: skip
    job = PrintJobRecord(document_id=document_id, kind=kind, duplicate=duplicate,
                         printer=printer, created_at=now, state=QUEUED, attempts=0,
                         last_error="", data=data)  # fmt: skip
    session.add(job)
    session.flush()
    return job.id


def add_closure_job(session: Session, *, closure: int, language: str, printer: str,
                    duplicate: bool, now: datetime) -> int:
    """Queue the slip of closure number `closure`, in `language`; returns the job id."""
    data = json.dumps({"closure": closure, "language": language}).encode()
    return add_job(session, document_id=None, kind=CLOSURE_SLIP, duplicate=duplicate,
                   printer=printer, now=now, data=data)


def raw_job(session: Session, job_id: int) -> PrintJobRecord | None:
    return session.get(PrintJobRecord, job_id)


def find_document(session: Session, document: str) -> tuple[str, str] | None:
    """(id, number) of the counter document named by its number or its id."""
    row = session.execute(
        select(CounterDocumentRecord.id, CounterDocumentRecord.number).where(
            or_(CounterDocumentRecord.number_norm == normalise_number(document),
                CounterDocumentRecord.id == document)
        )
    ).first()  # fmt: skip
    return None if row is None else (row[0], row[1])


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """A counter document as the receipts list shows it."""

    number: str
    kind: str
    created_at: datetime
    balance_minor: int
    currency: str
    order_number: str


def latest_documents(session: Session, terminal_id: str, *, since: datetime,
                     limit: int) -> list[DocumentRow]:  # fmt: skip
    """`terminal_id`'s documents made at `since` or later, newest first, at most `limit`.

    Read backwards along the terminal's gapless sequence (its index), so a day's documents
    cost `limit` rows at most, however many years the database holds.
    """
    rows = session.execute(
        select(CounterDocumentRecord.number, CounterDocumentRecord.kind,
               CounterDocumentRecord.created_at, CounterDocumentRecord.balance_minor,
               CounterDocumentRecord.currency, func.coalesce(OrderRecord.number, ""))
        .outerjoin(OrderRecord, OrderRecord.id == CounterDocumentRecord.order_id)
        .where(CounterDocumentRecord.terminal_id == terminal_id,
               CounterDocumentRecord.sequence.is_not(None))
        .order_by(CounterDocumentRecord.sequence.desc())
        .limit(limit)
    ).all()  # fmt: skip
    return [DocumentRow(*row) for row in rows if row[2] >= since]
