"""Opening a shop's database that must already exist, or that this caller may create.

Only `comptoir db upgrade`, `comptoir demo-data`, `--demo` and the app's first start create a
database; every other command opens an existing shop and, when there is none, says so
(`DatabaseUnavailableError`) instead of answering from a new empty one.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import ArgumentError

from pos.db.engine import (
    DatabaseUnavailableError,
    describe,
    make_engine,
    normalise_url,
    sqlite_path,
)
from pos.db.migrate import stamped_revision, upgrade


def open_shop(url: str, *, create: bool = False, migrate: bool = True) -> Engine:
    """An engine on the shop at `url`, its schema upgraded to head (SQLite: after a backup).

    Args:
        url: a SQLite file path or URL, or a PostgreSQL URL.
        create: whether a missing SQLite file (in an existing folder) or an empty database
            may become a new shop. Without it, nothing is ever created.
        migrate: upgrade the schema; without it the engine is returned as it is.

    Raises:
        DatabaseUnavailableError: missing, empty, unreadable, damaged, read-only, locked,
            unreachable, or an unsupported URL.
    """
    url = _normalised(url)
    path = sqlite_path(url)
    if path is not None:  # before the engine, which makes a missing folder
        _check_file(path, create=create)
    engine = _engine(url)
    try:
        if not create and stamped_revision(engine) is None:
            raise DatabaseUnavailableError("no_shop", describe(url))
        if migrate:
            upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def _check_file(path: Path, *, create: bool) -> None:
    """Refuse a SQLite file before SQLite touches it (it would make one, or leave journals).

    SQLite writes the file and, in WAL mode, two files beside it even to read: a read-only
    file or folder is refused whole, not half-used.
    """
    if path.is_dir():
        raise DatabaseUnavailableError("cannot_open", str(path))
    if not path.exists():
        if not create:
            raise DatabaseUnavailableError("missing", str(path))
        if not path.parent.is_dir():
            raise DatabaseUnavailableError("missing_folder", str(path.parent))
    elif not os.access(path, os.R_OK | os.W_OK):
        raise DatabaseUnavailableError("read_only", str(path))
    elif path.stat().st_size == 0 and not create:  # SQLite would write a header into it
        raise DatabaseUnavailableError("no_shop", str(path))
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise DatabaseUnavailableError("read_only", str(path))


def _normalised(url: str) -> str:
    try:
        return normalise_url(url)
    except ArgumentError:  # not a URL at all
        raise DatabaseUnavailableError("unsupported", "this URL") from None


def _engine(url: str) -> Engine:
    try:
        return make_engine(url)
    except ValueError:  # mysql:// and the like
        raise DatabaseUnavailableError("unsupported", describe(url)) from None
