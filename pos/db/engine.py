"""Database URLs and engines: the embedded SQLite file or a shared PostgreSQL server."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, ExceptionContext, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

URL_ENV = "COMPTOIR_DATABASE_URL"

SessionFactory = sessionmaker[Session]  # what services are given (typed alias, STYLE.md)


# What is wrong -> the sentence saying so: what, where ({where}), what to do.
_SENTENCES = {
    "locked": "the database {where} stayed locked by another terminal or program past the "
    "wait; nothing was saved: try again in a moment",
    "disk_full": "the disk holding {where} is full; nothing was saved: free some space, "
    "then try again",
    "read_only": "the database {where} is read-only (the file or its folder): Comptoir must "
    "write to both; fix their permissions, then try again",
    "cannot_open": "{where} cannot be opened as a database (a folder, or a file that may not "
    "be read): check the path",
    "not_a_database": "{where} is not a database (not a SQLite file): check the path, or "
    "restore a backup",
    "corrupt": "the database {where} is damaged: restore its latest backup "
    "(*.backup-*.sqlite3 beside it)",
    "io_error": "the disk failed while reading or writing {where}: check the disk, then try "
    "again",
    "unreachable": "cannot reach the database server {where} ({detail}): check that it runs, "
    "the address and the user, then try again",
    "missing": "there is no database at {where}: check the path, or create the shop with "
    "`comptoir db upgrade --db PATH`",
    "missing_folder": "the folder {where} does not exist: check the path, or create the "
    "folder first",
    "no_shop": "{where} holds no Comptoir shop (an empty database): check the URL, or create "
    "the shop with `comptoir db upgrade`",
    "unsupported": "{where} is not a database Comptoir can use: give a SQLite file path or a "
    "postgresql:// URL",
}


class DatabaseUnavailableError(RuntimeError):
    """The database cannot be used right now (file locked, disk full, server down).

    Also raised when it cannot be used at all: missing, unreadable, damaged, read-only, an
    unsupported URL. The message is one plain English sentence saying what, where and what
    to do; screens word `code` themselves. Raised instead of the driver's error by every
    engine from `make_engine`, so a lock held past the busy timeout is this error, not
    `OperationalError: database is locked`.

    Attributes:
        code: "database_unavailable" (the UI's message code).
        reason: what is wrong: a key of the sentences above ("locked", "disk_full", …).
        where: the file, or the server without its password.
        params: {"reason", "where"} for a screen's sentence.
    """

    code = "database_unavailable"

    def __init__(self, reason: str, where: str, detail: str = "") -> None:
        self.reason, self.where = reason, where
        self.params = {"reason": reason, "where": where}
        super().__init__(_SENTENCES[reason].format(where=where, detail=detail or "no answer"))


def normalise_url(url: str) -> str:
    """Accept plain `postgresql://` and file paths; pick psycopg 3 for PostgreSQL."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def resolve_url(explicit: str | None, default_path: Path) -> str:
    """`--db`, else `COMPTOIR_DATABASE_URL`, else the embedded file at `default_path`."""
    if explicit:
        return normalise_url(explicit)
    if os.environ.get(URL_ENV):
        return normalise_url(os.environ[URL_ENV])
    return normalise_url(str(default_path))


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if (
        parsed.get_backend_name() != "sqlite"
        or not parsed.database
        or parsed.database == ":memory:"
    ):
        return None
    return Path(parsed.database)


def describe(url: str) -> str:
    """Where `url` points, for a sentence: the SQLite file, or the server without password."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    parsed = make_url(url)
    return URL.create(parsed.get_backend_name(), parsed.username, None, parsed.host,
                      parsed.port, parsed.database).render_as_string()  # fmt: skip


# SQLite's primary result codes (https://sqlite.org/rescode.html) that mean the file or its
# disk, not the statement, is the problem.
_SQLITE_REASONS = {3: "read_only", 5: "locked", 6: "locked", 8: "read_only", 10: "io_error",
                   11: "corrupt", 13: "disk_full", 14: "cannot_open", 26: "not_a_database"}
# PostgreSQL SQLSTATEs meaning the same: lock not available, disk full, server going away.
_POSTGRES_REASONS = {"55P03": "locked", "53100": "disk_full", "57P01": "unreachable",
                     "57P02": "unreachable", "57P03": "unreachable", "53300": "unreachable"}


def _unavailable(context: ExceptionContext) -> None:
    """`handle_error` hook: raise `DatabaseUnavailableError` for an environment failure."""
    error = context.original_exception
    if context.is_pre_ping or context.engine is None:
        return  # the pool reconnects by itself after a failed ping
    where = describe(context.engine.url.render_as_string(hide_password=False))
    reason = None
    if isinstance(error, sqlite3.Error):
        reason = _SQLITE_REASONS.get(getattr(error, "sqlite_errorcode", 0) & 0xFF)
    elif context.dialect.name == "postgresql":
        reason = _POSTGRES_REASONS.get(getattr(error, "sqlstate", None) or "")
        if reason is None and (context.connection is None or context.is_disconnect):
            reason = "unreachable"  # could not connect, or the connection was lost
    if reason is not None:
        detail = str(error).strip().splitlines()[0] if str(error).strip() else ""
        raise DatabaseUnavailableError(reason, where, detail.rpartition(": ")[2].strip()) from error


def _sqlite_pragmas(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    # WAL lets the sync thread read while the counter writes; FULL because money lives here.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str, *, echo: bool = False, busy_timeout: float = 5.0) -> Engine:
    """An engine with Comptoir's settings for the backend named by `url`.

    `busy_timeout`: seconds a SQLite statement waits for another writer's lock before the
    engine raises `DatabaseUnavailableError` ("locked"); environment failures of either
    backend raise it. `pos.db.opening.open_shop` opens a shop that must already exist.

    Statement parameters are hidden (`hide_parameters`): a failed INSERT of a user would
    otherwise carry its PIN hash (and a failed write any customer data) into the exception's
    text, a traceback, a log line or the echo (docs/security.md).

    Raises:
        ValueError: `url` names a database other than SQLite or PostgreSQL.
    """
    url = normalise_url(url)
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, echo=echo, hide_parameters=True, connect_args={"timeout": busy_timeout}
        )
        event.listen(engine, "connect", _sqlite_pragmas)
    elif backend == "postgresql":
        engine = create_engine(
            url, echo=echo, hide_parameters=True, pool_pre_ping=True,
            connect_args={"connect_timeout": 5},
        )
    else:
        raise ValueError(f"unsupported database: {backend} (use a SQLite file or PostgreSQL)")
    event.listen(engine, "handle_error", _unavailable)
    return engine


def make_sessions(engine: Engine) -> SessionFactory:
    return sessionmaker(engine, expire_on_commit=False)
