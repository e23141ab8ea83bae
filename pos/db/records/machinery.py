"""Machinery: policy settings, the outbox, print jobs and sync cursors."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pos.db.records.base import Base


class PolicySettingRecord(Base):
    __tablename__ = "policy_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ShopSettingRecord(Base):
    """The shop's identity printed on receipts and closures (`pos.domain.shop_identity`)."""

    __tablename__ = "shop_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class OutboxMessageRecord(Base):
    """A step to send (to Wix or the mail server), written with the business data it carries."""

    __tablename__ = "outbox_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime]
    destination: Mapped[str] = mapped_column(String(8))  # wix, mail
    kind: Mapped[str] = mapped_column(String(40))  # refund, create_draft, stock_delta, email...
    object_key: Mapped[str] = mapped_column(String(80))  # sent oldest first per object
    document_id: Mapped[str | None] = mapped_column(ForeignKey("counter_documents.id"))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    journal: Mapped[dict[str, Any]] = mapped_column(default=dict)  # expected outcome, in flight
    last_error: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_outbox_state_object", "state", "object_key", "id"),)


class PrintJobRecord(Base):
    __tablename__ = "print_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime]
    document_id: Mapped[str | None] = mapped_column(ForeignKey("counter_documents.id"))
    kind: Mapped[str] = mapped_column(String(24))  # receipt, gift_card_slip
    duplicate: Mapped[bool] = mapped_column(Boolean, default=False)
    printer: Mapped[str] = mapped_column(String(200), default="")
    state: Mapped[str] = mapped_column(String(16), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[bytes | None] = mapped_column(LargeBinary)


class SyncCursorRecord(Base):
    __tablename__ = "sync_cursors"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]
