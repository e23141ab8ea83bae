"""Bring a database to the current schema with Alembic, backing up a SQLite file first."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from pos.db.engine import sqlite_path

MIGRATIONS = Path(__file__).with_name("migrations")

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
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(engine: Engine) -> str | None:
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
    current, head = current_revision(engine), head_revision(engine)
    if current == head:
        return None
    backup = None
    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    if path is not None and path.exists() and current is not None:
        backup = backup_sqlite(path)
    command.upgrade(alembic_config(engine), "head")
    return backup
