"""Helpers shared by the sub-commands: opening the database named on the command line."""

from __future__ import annotations

import argparse

from sqlalchemy import Engine

from pos.config import default_database_path
from pos.db.engine import make_engine, resolve_url
from pos.db.migrate import upgrade


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="database URL or SQLite file (default: $COMPTOIR_DATABASE_URL, "
        "else the embedded file in the user data directory)",
    )


def database_url(args: argparse.Namespace) -> str:
    return resolve_url(getattr(args, "db", None), default_database_path())


def open_database(args: argparse.Namespace, *, migrate: bool = True) -> Engine:
    """The engine for `--db`, upgraded to the current schema first (with a SQLite backup)."""
    engine = make_engine(database_url(args))
    if migrate:
        upgrade(engine)
    return engine


def plain_reason(error: BaseException) -> str:
    """The first line of an error's message (never a traceback), for one sentence on stderr."""
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
