"""Bulk writers for the demo generator: plain DBAPI, one transaction per batch.

SQLite gets `executemany` with durability relaxed for the duration (the data can be made
again from its seed; `ensure_demo_shop` builds into a temporary file anyway). PostgreSQL
gets `COPY … FROM STDIN`, and the search documents go through a staging table so the
server computes their tsvector, exactly as `pos.db.search.index_rows` does.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import Engine

from pos.db.demo_orders import (
    LINE_COLUMNS,
    ORDER_COLUMNS,
    PAYMENT_COLUMNS,
    REFUND_COLUMNS,
    Batch,
)
from pos.db.demo_people import CUSTOMER_COLUMNS
from pos.db.search import PG_DOCUMENT

# Tables whose ids the generator sets itself; PostgreSQL's sequences must catch up after.
EXPLICIT_ID_TABLES = (
    "products",
    "variants",
    "customers",
    "orders",
    "order_lines",
    "payments",
    "order_refunds",
)


def _tables(batch: Batch) -> list[tuple[str, tuple[str, ...], list[Any]]]:
    return [
        ("customers", CUSTOMER_COLUMNS, batch.customers),
        ("orders", ORDER_COLUMNS, batch.orders),
        ("order_lines", LINE_COLUMNS, batch.lines),
        ("payments", PAYMENT_COLUMNS, batch.payments),
        ("order_refunds", REFUND_COLUMNS, batch.refunds),
    ]


class BulkWriter(Protocol):
    def stamp(self, moment: datetime) -> object:
        """`moment` as this backend's bulk path stores a UTC datetime column."""
        ...

    def write(self, batch: Batch) -> None:
        """Write and commit one batch."""
        ...

    def finish(self) -> None:
        """Work done once after the last batch (index merge, statistics, sequences)."""
        ...


def sqlite_stamp(moment: datetime) -> str:
    """A UTC datetime as SQLAlchemy's SQLite DATETIME stores it (naive, microseconds)."""
    moment = moment.astimezone(UTC)
    return f"{moment:%Y-%m-%d %H:%M:%S}.{moment.microsecond:06d}"


class SqliteWriter:
    """`executemany` per table inside one transaction per batch."""

    def __init__(self, connection: Any) -> None:
        self._db = connection
        # Durability off and a big page cache while loading only; `restore` puts back the
        # engine's settings (synchronous FULL, because money lives here: DESIGN §10).
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute("PRAGMA cache_size=-262144")  # 256 MiB

    stamp = staticmethod(sqlite_stamp)

    def write(self, batch: Batch) -> None:
        db = self._db
        for table, columns, rows in _tables(batch):
            if rows:
                marks = ", ".join("?" * len(columns))
                db.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
        db.executemany("INSERT INTO order_search (rowid, doc) VALUES (?, ?)", batch.search)
        db.commit()

    def finish(self) -> None:
        # Merge the FTS segments the batches left, so searches read one b-tree per term.
        self._db.execute("INSERT INTO order_search (order_search) VALUES ('optimize')")
        self._db.commit()

    def restore(self) -> None:
        self._db.rollback()
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("PRAGMA cache_size=-2000")  # SQLite's default
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


class PostgresWriter:
    """`COPY FROM STDIN` per table inside one transaction per batch."""

    def __init__(self, connection: Any) -> None:
        self._db = connection
        with self._db.cursor() as cursor:
            cursor.execute(
                "CREATE TEMP TABLE IF NOT EXISTS demo_search_stage "
                "(search_key bigint, doc text) ON COMMIT DELETE ROWS"
            )
        self._db.commit()

    @staticmethod
    def stamp(moment: datetime) -> object:
        return moment

    def write(self, batch: Batch) -> None:
        with self._db.cursor() as cursor:
            stage = ("demo_search_stage", ("search_key", "doc"), batch.search)
            for table, columns, rows in [*_tables(batch), stage]:
                if not rows:
                    continue
                with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            cursor.execute(
                "INSERT INTO order_search (search_key, doc) "
                f"SELECT search_key, {PG_DOCUMENT.format('doc')} FROM demo_search_stage"
            )
        self._db.commit()  # ON COMMIT DELETE ROWS empties the stage for the next batch

    def finish(self) -> None:
        with self._db.cursor() as cursor:
            for table in EXPLICIT_ID_TABLES:
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"coalesce(max(id), 1), max(id) IS NOT NULL) FROM {table}"
                )
        self._db.commit()
        self._db.autocommit = True  # ANALYZE: the planner should know the tables are big now
        try:
            with self._db.cursor() as cursor:
                for table in (*EXPLICIT_ID_TABLES, "order_search"):
                    cursor.execute(f"ANALYZE {table}")
        finally:
            self._db.autocommit = False

    def restore(self) -> None:
        self._db.rollback()
        with self._db.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS demo_search_stage")
        self._db.commit()


@contextmanager
def open_writer(engine: Engine) -> Iterator[BulkWriter]:
    """A bulk writer on a connection of its own, its settings restored on the way out."""
    proxy = engine.raw_connection()
    try:
        connection = proxy.driver_connection
        writer: SqliteWriter | PostgresWriter
        if engine.dialect.name == "sqlite":
            writer = SqliteWriter(connection)
        elif engine.dialect.name == "postgresql":
            writer = PostgresWriter(connection)
        else:
            raise ValueError(f"no bulk writer for {engine.dialect.name}")
        try:
            yield writer
        finally:
            writer.restore()
    finally:
        proxy.close()
