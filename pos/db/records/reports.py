"""The Reports' running totals: the returns and refunds of each sealed block of documents."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from pos.db.records.base import Base


class ReportBlockRecord(Base):
    """What the Reports read of one full block of a terminal's documents (pos.db.report_blocks).

    Written with the block's `closing_blocks` row, in the transaction of its last document, and
    never changed. `first_at` / `last_at` are the earliest and latest `created_at` of its
    documents: a report's period that holds both reads the block instead of its documents.
    `returned` rows: [variant_id, product_name, currency, units, credit, reason]; `refunds`
    rows: [method, cashier_id, currency, tenders, amount].
    """

    __tablename__ = "report_blocks"

    terminal_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    block: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    first_at: Mapped[datetime]
    last_at: Mapped[datetime]
    returned: Mapped[list[Any]] = mapped_column()
    refunds: Mapped[list[Any]] = mapped_column()
