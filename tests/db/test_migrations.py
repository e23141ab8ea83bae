"""The records and the migrations describe the same schema, on both backends."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from pos.db.migrate import HEAD, current_revision, head_revision, include_name, upgrade
from pos.db.records import Base


def test_migrated_schema_matches_records(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "include_name": include_name,
                "compare_type": True,
                "target_metadata": Base.metadata,
            },
        )
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_database_is_at_head_and_upgrade_is_idempotent(engine: Engine) -> None:
    assert current_revision(engine) == head_revision(engine) == HEAD
    assert upgrade(engine) is None  # nothing to do, no backup made


def test_search_index_exists(engine: Engine) -> None:
    names = inspect(engine).get_table_names()
    assert "order_search" in names
    assert "orders" in names and "outbox_messages" in names
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM order_search")).scalar_one() == 0
