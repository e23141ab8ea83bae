"""Alembic environment: the engine comes from `pos.db.migrate` (or `sqlalchemy.url`)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from pos.db.migrate import include_name
from pos.db.records import Base


def run_migrations() -> None:
    config = context.config
    engine = config.attributes.get("engine")
    if engine is None:
        url = config.get_main_option("sqlalchemy.url")
        if url is None:  # pos.db.migrate passes its engine; alembic's own command needs a URL
            raise RuntimeError("no engine given and no sqlalchemy.url configured")
        engine = create_engine(url)
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # A batch migration rebuilds a table (copy, drop, rename): with foreign keys on,
            # dropping a table other rows point to fails. Off while migrating (outside any
            # transaction, or SQLite ignores it), then every reference is checked.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=True,
            include_name=include_name,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    raise RuntimeError(f"the upgrade left rows pointing nowhere: {broken[:5]}")
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


run_migrations()
