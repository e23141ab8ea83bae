"""Bring a database to the current schema with Alembic, backing up a SQLite file first."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from pos.db.engine import sqlite_path

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")

# The newest revision in migrations/versions (a test keeps it equal to Alembic's head). A
# database already there is opened without importing Alembic: the counter starts faster.
HEAD = "0011_card_details"

# The search index is dialect-specific (FTS5 / tsvector) and lives outside the records.
SEARCH_TABLES = frozenset(
    {
        "order_search",
        "order_search_data",
        "order_search_idx",
        "order_search_content",
        "order_search_docsize",
        "order_search_config",
    }
)


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic filter: compare everything but the search index's tables."""
    return not (type_ == "table" and name in SEARCH_TABLES)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config  # noqa: PLC0415 - Alembic loads only when it has work

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext  # noqa: PLC0415

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def backup_sqlite(path: Path) -> Path:
    """Copy a SQLite database (consistently, through SQLite's backup API) beside itself."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix}")
    with sqlite3.connect(path) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return target


def upgrade(engine: Engine) -> Path | None:
    """Upgrade to head. Returns the backup file made for an existing SQLite database, if any."""
    if stamped_revision(engine) == HEAD:
        return None
    from alembic import command  # noqa: PLC0415

    current, head = current_revision(engine), head_revision(engine)
    if current == head:
        return None
    backup = None
    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    if path is not None and path.exists() and current is not None:
        backup = backup_sqlite(path)
    command.upgrade(alembic_config(engine), "head")
    return backup


def stamped_revision(engine: Engine) -> str | None:
    """The revision recorded in the database, read with plain SQL (no Alembic import).

    None for an empty database (no shop in it yet).
    """
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
