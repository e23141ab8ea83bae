"""Storing and reading return requests, their lines and photos (docs/return-requests.md).

Everything runs inside the caller's transaction; nothing commits. A request's row is locked
(PostgreSQL) when it is about to change, so two managers deciding at once, or a decision and a
counter commit, are serialised.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, case, func, insert, select, update
from sqlalchemy.orm import Session, aliased

from pos.db.records import (
    CustomerRecord,
    OrderRecord,
    ReturnRequestLineRecord,
    ReturnRequestPhotoRecord,
    ReturnRequestRecord,
    UserRecord,
)
from pos.domain.return_requests import RequestState


@dataclass(frozen=True, slots=True)
class StoredLine:
    order_line_id: int
    quantity: int
    reason: str


@dataclass(frozen=True, slots=True)
class StoredPhoto:
    photo_id: int
    content_type: str
    size: int


@dataclass(frozen=True, slots=True)
class StoredRequest:
    """A request as stored, with the names a person reads (who recorded and decided it)."""

    request_id: int
    order_id: int
    order_number: str
    customer_id: int | None
    customer_name: str
    customer_email: str | None
    language: str
    reason: str
    note: str
    state: str
    recorded_by: str
    recorded_at: datetime
    decided_by: str
    decided_at: datetime | None
    decision_reason: str
    authorisation_number: str | None
    expires_at: datetime | None
    document_id: str | None
    lines: tuple[StoredLine, ...]
    photos: tuple[StoredPhoto, ...]


def add_request(s: Session, *, order_id: int, customer_email: str | None, language: str,
                reason: str, note: str, recorded_by_id: int | None, recorded_at: datetime,
                lines: Sequence[StoredLine], photos: Sequence[tuple[str, bytes]]) -> int:
    """Insert a request in state `requested`, with its lines and photos; its id."""
    record = ReturnRequestRecord(
        order_id=order_id, customer_email=customer_email, language=language, reason=reason,
        note=note, state=RequestState.REQUESTED.value, recorded_by_id=recorded_by_id,
        recorded_at=recorded_at, decision_reason="")
    s.add(record)
    s.flush()
    s.execute(insert(ReturnRequestLineRecord), [
        {"request_id": record.id, "order_line_id": line.order_line_id,
         "quantity": line.quantity, "reason": line.reason} for line in lines])
    if photos:
        s.execute(insert(ReturnRequestPhotoRecord), [
            {"request_id": record.id, "content_type": content_type, "data": data}
            for content_type, data in photos])
    return record.id


def update_request(s: Session, request_id: int, **values: object) -> None:
    """Set columns of one request (state, decision, number, expiry, document)."""
    s.execute(update(ReturnRequestRecord).where(ReturnRequestRecord.id == request_id)
              .values(**values))


def lock_request(s: Session, request_id: int) -> None:
    """Hold the request's row until the transaction ends (PostgreSQL; SQLite's write lock
    already serialises writers)."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(select(ReturnRequestRecord.id).where(ReturnRequestRecord.id == request_id)
                  .with_for_update())


_recorder, _decider = aliased(UserRecord), aliased(UserRecord)


def load_requests(s: Session, ids: Iterable[int]) -> list[StoredRequest]:
    """The requests `ids`, in the order given (unknown ids are left out)."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    rows = s.execute(
        select(ReturnRequestRecord, OrderRecord.number, OrderRecord.customer_id,
               CustomerRecord.first_name, CustomerRecord.last_name,
               _recorder.display_name, _decider.display_name)
        .join(OrderRecord, OrderRecord.id == ReturnRequestRecord.order_id)
        .outerjoin(CustomerRecord, CustomerRecord.id == OrderRecord.customer_id)
        .outerjoin(_recorder, _recorder.id == ReturnRequestRecord.recorded_by_id)
        .outerjoin(_decider, _decider.id == ReturnRequestRecord.decided_by_id)
        .where(ReturnRequestRecord.id.in_(wanted))).all()
    lines: dict[int, list[StoredLine]] = {}
    for line in s.scalars(select(ReturnRequestLineRecord)
                          .where(ReturnRequestLineRecord.request_id.in_(wanted))
                          .order_by(ReturnRequestLineRecord.id)):
        lines.setdefault(line.request_id, []).append(
            StoredLine(line.order_line_id, line.quantity, line.reason))
    photos: dict[int, list[StoredPhoto]] = {}
    for photo_id, request_id, content_type, size in s.execute(
            select(ReturnRequestPhotoRecord.id, ReturnRequestPhotoRecord.request_id,
                   ReturnRequestPhotoRecord.content_type,
                   func.length(ReturnRequestPhotoRecord.data))
            .where(ReturnRequestPhotoRecord.request_id.in_(wanted))
            .order_by(ReturnRequestPhotoRecord.id)):
        photos.setdefault(request_id, []).append(StoredPhoto(photo_id, content_type, size))
    found = {}
    for record, number, customer_id, first, last, recorder, decider in rows:
        found[record.id] = StoredRequest(
            record.id, record.order_id, number, customer_id,
            " ".join(part for part in (first, last) if part), record.customer_email,
            record.language, record.reason, record.note, record.state, recorder or "",
            record.recorded_at, decider or "", record.decided_at, record.decision_reason,
            record.authorisation_number, record.expires_at, record.document_id,
            tuple(lines.get(record.id, ())), tuple(photos.get(record.id, ())))
    return [found[i] for i in wanted if i in found]


def load_request(s: Session, request_id: int) -> StoredRequest | None:
    found = load_requests(s, [request_id])
    return found[0] if found else None


def request_by_number(s: Session, number: str) -> int | None:
    """The id of the request given the canonical authorisation `number`."""
    return s.scalar(select(ReturnRequestRecord.id)
                    .where(ReturnRequestRecord.authorisation_number == number))


def open_request_ids(s: Session, *, now: datetime, expired_since: datetime
                     ) -> tuple[list[int], list[int], list[int]]:
    """(to decide, approved and still valid, expired since `expired_since`), oldest first."""
    r = ReturnRequestRecord
    to_decide = s.scalars(select(r.id).where(r.state == RequestState.REQUESTED.value)
                          .order_by(r.recorded_at, r.id)).all()
    approved = s.scalars(select(r.id).where(r.state == RequestState.APPROVED.value,
                                            r.expires_at > now)
                         .order_by(r.expires_at, r.id)).all()
    expired = s.scalars(select(r.id).where(r.state == RequestState.APPROVED.value,
                                           r.expires_at <= now, r.expires_at > expired_since)
                        .order_by(r.expires_at.desc(), r.id)).all()
    return list(to_decide), list(approved), list(expired)


def open_request_counts(s: Session, *, now: datetime, expired_since: datetime
                        ) -> tuple[int, int, int]:
    """The sizes of `open_request_ids`' three lists, in one indexed query."""
    r = ReturnRequestRecord
    approved = r.state == RequestState.APPROVED.value

    def counted(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    row = s.execute(select(
        counted(r.state == RequestState.REQUESTED.value),
        counted(and_(approved, r.expires_at > now)),
        counted(and_(approved, r.expires_at <= now, r.expires_at > expired_since)))
        .where(r.state.in_((RequestState.REQUESTED.value, RequestState.APPROVED.value)))).one()
    return int(row[0]), int(row[1]), int(row[2])


def open_units(s: Session, order_id: int, *, now: datetime) -> dict[int, int]:
    """Units per order line that open requests on the order hold: waiting for a decision, or
    approved and not expired (not yet brought back)."""
    r, line = ReturnRequestRecord, ReturnRequestLineRecord
    rows = s.execute(
        select(line.order_line_id, func.sum(line.quantity))
        .join(r, r.id == line.request_id)
        .where(r.order_id == order_id,
               (r.state == RequestState.REQUESTED.value)
               | ((r.state == RequestState.APPROVED.value) & (r.expires_at > now)))
        .group_by(line.order_line_id)).all()
    return {int(line_id): int(units) for line_id, units in rows}


def request_ids_for_customer(s: Session, customer_id: int) -> list[int]:
    """Every request on the customer's orders, newest first."""
    return list(s.scalars(
        select(ReturnRequestRecord.id)
        .join(OrderRecord, OrderRecord.id == ReturnRequestRecord.order_id)
        .where(OrderRecord.customer_id == customer_id)
        .order_by(ReturnRequestRecord.recorded_at.desc(), ReturnRequestRecord.id.desc())))


def request_photo(s: Session, request_id: int, photo_id: int) -> tuple[str, bytes] | None:
    """(content type, bytes) of one of the request's photos."""
    row = s.execute(select(ReturnRequestPhotoRecord.content_type, ReturnRequestPhotoRecord.data)
                    .where(ReturnRequestPhotoRecord.id == photo_id,
                           ReturnRequestPhotoRecord.request_id == request_id)).one_or_none()
    return None if row is None else (row[0], bytes(row[1]))
