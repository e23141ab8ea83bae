"""The demo shop: a deterministic catalogue, customers, users and sales history, at any scale.

`generate` fills an empty, migrated database; `ensure_demo_shop` keeps the demo SQLite file
that `comptoir --demo` opens. One seed (and one `now`) always gives the same database, row
for row, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, func, select

from pos.db.demo_catalogue import build_catalogue, write_catalogue
from pos.db.demo_orders import OrderFactory
from pos.db.demo_people import DEMO_USERS, write_users
from pos.db.demo_writer import open_writer
from pos.db.engine import make_engine, normalise_url
from pos.db.migrate import upgrade
from pos.db.records import OrderRecord, ProductRecord

__all__ = ["BATCH_ORDERS", "DEMO_USERS", "DemoSummary", "ensure_demo_shop", "generate"]

BATCH_ORDERS = 20_000  # per transaction: big enough to amortise, small enough to stream


@dataclass(frozen=True)
class DemoSummary:
    products: int
    variants: int
    customers: int
    orders: int
    seconds: float


def _check_empty(engine: Engine) -> None:
    with engine.connect() as connection:
        orders = connection.scalar(select(func.count()).select_from(OrderRecord))
        products = connection.scalar(select(func.count()).select_from(ProductRecord))
    if orders:
        raise ValueError(
            f"the database already holds {orders} orders; demo data goes into an empty database"
        )
    if products:
        raise ValueError(
            f"the database already holds {products} products; demo data goes into an empty database"
        )


def generate(
    engine: Engine,
    *,
    orders: int,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
    now: datetime | None = None,
) -> DemoSummary:
    """Fill an empty database (migrated to head) with the demo shop.

    Args:
        engine: the database; it must hold no orders and no products.
        orders: how many orders to make, spread over the two years before `now`.
        seed: the same seed and `now` give the same database, row for row.
        progress: called with (orders written, orders in all) after each batch.
        now: the end of the history (default: the current time, so the demo looks recent).

    Raises:
        ValueError: the database is not empty, `orders` is negative or `now` is naive.
    """
    if orders < 0:
        raise ValueError("the number of orders cannot be negative")
    now = datetime.now(UTC) if now is None else now
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    started = time.monotonic()
    _check_empty(engine)
    rng = random.Random(seed)
    catalogue = build_catalogue(random.Random(rng.getrandbits(64)))
    with engine.begin() as connection:
        write_catalogue(connection, catalogue, random.Random(rng.getrandbits(64)), now)
        write_users(connection, seed)
    with open_writer(engine) as writer:
        factory = OrderFactory(
            rng=random.Random(rng.getrandbits(64)),
            catalogue=catalogue,
            orders=orders,
            now=now,
            stamp=writer.stamp,
        )
        done = 0
        for batch in factory.batches(BATCH_ORDERS):
            writer.write(batch)
            done += len(batch.orders)
            if progress is not None:
                progress(done, orders)
        writer.finish()
    return DemoSummary(
        len(catalogue.products),
        len(catalogue.variants),
        factory.customers,
        done,
        time.monotonic() - started,
    )


def _holds_orders(url: str) -> bool:
    engine = make_engine(url)
    try:
        upgrade(engine)
        with engine.connect() as connection:
            return bool(connection.scalar(select(func.count()).select_from(OrderRecord)))
    finally:
        engine.dispose()


def _remove_sqlite_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


STALE_PARTIAL_SECONDS = 300


def _remove_stale_partials(path: Path) -> None:
    """Delete temporary files of interrupted creations (not one another process still writes:
    an active creation touches its file every few seconds)."""
    for stale in path.parent.glob(f"{path.name}.partial-*"):
        try:
            idle = time.time() - stale.stat().st_mtime
        except FileNotFoundError:
            continue
        if idle > STALE_PARTIAL_SECONDS:
            stale.unlink(missing_ok=True)


def ensure_demo_shop(path: Path, *, orders: int = 20_000, seed: int = 1) -> str:
    """The URL of the demo SQLite file at `path`, creating it on first use.

    The shop is built in a temporary file beside `path` and renamed into place only when
    complete, so an interrupted creation (power cut, Ctrl-C) is simply started again.
    An existing demo file is upgraded to the current schema, never regenerated.
    """
    path = Path(path).expanduser().resolve()
    url = normalise_url(str(path))
    if path.exists() and _holds_orders(url):
        return url
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_partials(path)
    partial = path.with_name(f"{path.name}.partial-{os.getpid()}")
    engine = make_engine(normalise_url(str(partial)))
    try:
        upgrade(engine)
        generate(engine, orders=orders, seed=seed)
    except BaseException:
        engine.dispose()
        _remove_sqlite_file(partial)
        raise
    engine.dispose()  # the writer checkpointed the WAL: the file alone holds everything
    # A -wal beside a new file would be replayed into it: remove any stale one first.
    _remove_sqlite_file(path)
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    os.replace(partial, path)
    return url
