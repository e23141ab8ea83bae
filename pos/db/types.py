"""Column types shared by the records: UTC datetimes that survive SQLite, 64-bit money."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import BigInteger, CursorResult, DateTime, Integer, Result, cast, func
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import mapped_column
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend.

    SQLite has no time zones: values are stored as naive UTC and come back aware, so
    comparisons never mix naive and aware datetimes.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; Comptoir stores aware UTC datetimes only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


# Money in minor units (docs/money.md, "The bound"): 64-bit on every backend. PostgreSQL's
# `integer` stops at 21,474,836.47; SQLite's INTEGER is already 64-bit and keeps its name, so the
# embedded schema needs no rebuild. Every `*_minor` column is declared with `money_column`.
MinorUnits = BigInteger().with_variant(Integer(), "sqlite")


def money_column(**options: Any) -> Any:
    """A `*_minor` column: integer minor units, 64-bit (`MinorUnits`)."""
    return mapped_column(MinorUnits, **options)


def sum_minor(column: Any) -> Any:
    """``coalesce(sum(column), 0)`` as a 64-bit integer: PostgreSQL sums a BIGINT as `numeric`
    (a `Decimal` in Python, which `Money` refuses)."""
    return cast(func.coalesce(func.sum(column), 0), MinorUnits)


def rowcount(result: Result[Any]) -> int:
    """How many rows an UPDATE or DELETE run through `Session.execute` matched.

    SQLAlchemy types `Session.execute` as returning a `Result`; for these statements it is a
    `CursorResult`, which is the one that carries the count.
    """
    assert isinstance(result, CursorResult)
    return result.rowcount
