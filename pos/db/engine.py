"""Database URLs and engines: the embedded SQLite file or a shared PostgreSQL server."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

URL_ENV = "COMPTOIR_DATABASE_URL"

SessionFactory = sessionmaker[Session]  # what services are given (typed alias, STYLE.md)


class DatabaseUnavailableError(RuntimeError):
    """The database cannot be used right now (file locked, disk full, server down)."""

    code = "database_unavailable"


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


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # WAL lets the sync thread read while the counter writes; FULL because money lives here.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine with Comptoir's settings for the backend named by `url`.

    Statement parameters are hidden (`hide_parameters`): a failed INSERT of a user would
    otherwise carry its PIN hash (and a failed write any customer data) into the exception's
    text, a traceback, a log line or the echo (docs/security.md).
    """
    url = normalise_url(url)
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, echo=echo, hide_parameters=True, connect_args={"timeout": 5}
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if backend == "postgresql":
        return create_engine(
            url, echo=echo, hide_parameters=True, pool_pre_ping=True,
            connect_args={"connect_timeout": 5},
        )
    raise ValueError(f"unsupported database: {backend} (use a SQLite file or PostgreSQL)")


def make_sessions(engine: Engine) -> SessionFactory:
    return sessionmaker(engine, expire_on_commit=False)
