"""Helpers shared by the sub-commands: the database named on the command line, exit codes,
and the one wrapper that turns a failing database into a sentence.

Exit codes, the same for every sub-command (README "Using it", docs/api.md):
0 done; 1 the answer is "no" (a broken audit chain, nothing found, a refusal);
2 cannot run (the database is missing, unreachable or unusable, bad arguments or settings);
130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from pos.config import default_database_path
from pos.db.engine import URL_ENV, DatabaseUnavailableError, describe, normalise_url, resolve_url
from pos.db.opening import open_shop

if TYPE_CHECKING:
    from pos.wiring import Store

EXIT_OK, EXIT_NO, EXIT_CANNOT_RUN, EXIT_INTERRUPTED = 0, 1, 2, 130


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="database URL or SQLite file (default: $COMPTOIR_DATABASE_URL, "
        "else the embedded file in the user data directory)",
    )


def database_url(args: argparse.Namespace) -> str:
    """`--db`, else `$COMPTOIR_DATABASE_URL`, else the embedded file (see `resolve_url`)."""
    explicit = getattr(args, "db", None) or os.environ.get(URL_ENV)
    if explicit:  # the data directory is looked up (and made) only when the file is used
        return normalise_url(explicit)
    return resolve_url(None, default_database_path())


def open_database(
    args: argparse.Namespace, *, migrate: bool = True, create: bool = False
) -> Engine:
    """The engine for `--db`, upgraded to the current schema first (with a SQLite backup).

    Only `create=True` (db upgrade, demo-data) may make a new shop; otherwise a missing or
    empty database raises `DatabaseUnavailableError`, which `run_command` reports.
    """
    return open_shop(database_url(args), create=create, migrate=migrate)


def open_store(args: argparse.Namespace, *, migrate: bool = True, **options: Any) -> Store:
    """The shop of `--db`, wired as the app wires it (`pos.wiring.Store`, a context manager).

    The terminal, shop name, time zone and printer come from the environment
    (`pos.wiring.environment_options`), `options` override them (``terminal_id``, …).
    Raises `DatabaseUnavailableError` as `open_database`.
    """
    from pos.wiring import Store, environment_options  # noqa: PLC0415 (not for db upgrade)

    engine = open_database(args, migrate=migrate)
    return Store.on_engine(engine, **(environment_options() | options))


def run_command(args: argparse.Namespace) -> int:
    """Run the sub-command's handler; a database that fails is one sentence and exit 2.

    The one place every sub-command's database failures are caught: no traceback reaches
    the person at the terminal, and a monitoring script tells "no" (1) from "cannot run" (2).
    """
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except DatabaseUnavailableError as error:
        _say(args, str(error))
    except (SQLAlchemyError, sqlite3.Error) as error:  # not a failure we know by name
        driver = getattr(error, "orig", None) or error  # without SQLAlchemy's "(sqlite3.…)"
        first = (str(driver).strip().splitlines() or [type(error).__name__])[0]
        _say(args, f"the database {_where(args)} failed ({first}): check it, or restore "
                   "its latest backup")  # fmt: skip
    return EXIT_CANNOT_RUN


def _where(args: argparse.Namespace) -> str:
    try:
        return describe(database_url(args))
    except Exception:  # noqa: BLE001 - naming the database must not fail the message
        return "given"


def _say(args: argparse.Namespace, sentence: str) -> None:
    action = getattr(args, f"{args.command.replace('-', '_')}_command", None)
    name = " ".join(word for word in ("comptoir", args.command, action) if word)
    print(f"{name}: {sentence}", file=sys.stderr)


def plain_reason(error: BaseException) -> str:
    """The first line of an error's message (never a traceback), for one sentence on stderr."""
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
