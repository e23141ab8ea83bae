"""Another program holding a SQLite shop's write lock, and a shop that waits for it briefly."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from pos.db.engine import make_engine, make_sessions, sqlite_path
from pos.db.records import CounterDocumentRecord
from tests.support.databases import DatabaseFactory
from tests.support.shop import Shop, build_shop

SHORT_WAIT = 0.2  # seconds: the busy timeout of the engines below (the app waits 5)


def impatient_engine(url: str) -> Engine:
    """An engine on `url` that gives up on a held lock after `SHORT_WAIT` seconds."""
    return make_engine(url, busy_timeout=SHORT_WAIT)


@contextmanager
def write_lock_held(url: str) -> Iterator[None]:
    """Hold the write lock of the SQLite file at `url` (as another terminal would, stuck)."""
    path = sqlite_path(url)
    assert isinstance(path, Path), url
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")  # in WAL mode: writers wait, readers still read
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@dataclass
class LockedShop:
    """A `build_shop` on its own SQLite file, through `impatient_engine`."""

    shop: Shop
    url: str


@pytest.fixture
def locked_shop(database_factory: DatabaseFactory) -> Iterator[LockedShop]:
    """Fixture (import it into a test module): a shop whose lock another program may hold."""
    url = database_factory.new_url("sqlite")
    engine = impatient_engine(url)
    yield LockedShop(build_shop(make_sessions(engine)), url)
    engine.dispose()


def document_count(shop: Shop) -> int:
    with shop.sessions() as s:
        return s.scalar(select(func.count()).select_from(CounterDocumentRecord)) or 0
