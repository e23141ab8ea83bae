"""Closing the day: drawer sessions, cash moved outside documents, signed closures."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from pos.db.records.base import Base
from pos.db.types import money_column


class CashSessionRecord(Base):
    """A drawer's session on one terminal: opened with a float, closed with a count."""

    __tablename__ = "cash_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    terminal_id: Mapped[str] = mapped_column(String(16), index=True)
    state: Mapped[str] = mapped_column(String(8), default="open")  # open, closed
    currency: Mapped[str] = mapped_column(String(3))
    opening_float_minor: Mapped[int] = money_column()
    opened_at: Mapped[datetime]
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    closed_at: Mapped[datetime | None]
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)  # {"5000": 3, ...}
    counted_minor: Mapped[int | None] = money_column()
    expected_minor: Mapped[int | None] = money_column()
    variance_minor: Mapped[int | None] = money_column()
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    closure_id: Mapped[int | None] = mapped_column(ForeignKey("closures.id"))
    # The drawer's figures as counted at close (they cannot change afterwards: a document or
    # a move needs an open session), so a Z reads them instead of summing the session again.
    cash_in_minor: Mapped[int | None] = money_column()
    cash_out_minor: Mapped[int | None] = money_column()
    paid_in_minor: Mapped[int | None] = money_column()
    paid_out_minor: Mapped[int | None] = money_column()


class CashMovementRecord(Base):
    """Cash put into or taken out of the drawer outside a document, with its reason."""

    __tablename__ = "cash_movements"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("cash_sessions.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # paid_in, paid_out
    amount_minor: Mapped[int] = money_column()  # positive
    reason: Mapped[str] = mapped_column(String(200))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]


class ClosureRecord(Base):
    """A Z (or a shop day, month, year) closure: numbered, chained, signed; never changed."""

    __tablename__ = "closures"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)  # gapless, all kinds together
    kind: Mapped[str] = mapped_column(String(8))  # z, day, month, year
    terminal_id: Mapped[str] = mapped_column(String(16), default="")
    period: Mapped[str] = mapped_column(String(10))  # 2026-11-20, 2026-11, 2026
    closed_at: Mapped[datetime]
    closed_by: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    audit_head_hash: Mapped[str] = mapped_column(String(64))
    audit_count: Mapped[int] = mapped_column(Integer)
    first_sequence: Mapped[int] = mapped_column(Integer, default=0)
    last_sequence: Mapped[int] = mapped_column(Integer, default=0)
    report: Mapped[dict[str, Any]] = mapped_column(default=dict)
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    signature: Mapped[str] = mapped_column(String(128))  # Ed25519, hex
    public_key: Mapped[str] = mapped_column(String(64))  # raw Ed25519 public key, hex

    __table_args__ = (Index("ix_closures_kind_terminal_period", "kind", "terminal_id", "period"),)


class ClosingBlockRecord(Base):
    """The report figures of one full block of a terminal's documents (pos.db.closing).

    Block k holds sequences k*1000+1 .. (k+1)*1000; it is written in the transaction of its
    last document and never changed, so a Z over many documents reads blocks, not documents.
    """

    __tablename__ = "closing_blocks"

    terminal_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    block: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    documents: Mapped[int] = mapped_column(Integer)
    figures: Mapped[list[Any]] = mapped_column()
    sealed_at: Mapped[datetime]
