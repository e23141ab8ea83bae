"""Upgrading a database written by an earlier schema keeps its data (and backs up SQLite)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import select, text

from pos.db.engine import make_engine, make_sessions
from pos.db.migrate import alembic_config, current_revision, head_revision, upgrade
from pos.db.orders import record_order
from pos.db.records import OrderRecord
from tests.support.builders import order


def test_upgrade_from_the_first_schema_keeps_orders_and_backs_up(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    command.upgrade(alembic_config(engine), "0001")
    with engine.begin() as connection:  # an order as release 0001 wrote it
        connection.execute(text(
            "INSERT INTO orders (id, number, number_norm, search_key, channel, placed_at, "
            "currency, tax_included, status, payment_status, fulfillment_status, subtotal_minor, "
            "discount_minor, shipping_minor, shipping_tax_minor, tax_minor, total_minor) VALUES "
            "(1, '10001', '10001', 1, 'WEB', '2025-01-02 10:00:00', 'EUR', 1, 'APPROVED', "
            "'PAID', 'FULFILLED', 1000, 0, 0, 0, 167, 1000)"))
    backup = upgrade(engine)
    assert backup is not None and backup.exists()
    assert current_revision(engine) == head_revision(engine)
    with make_sessions(engine)() as session:
        assert session.scalar(select(OrderRecord.total_minor)) == 1000
    with make_sessions(engine).begin() as session:  # and the new schema takes new orders
        record_order(session, order("10002"))
    engine.dispose()
