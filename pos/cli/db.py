"""`comptoir db upgrade`: bring a database to the current schema."""

from __future__ import annotations

import argparse

from pos.cli.common import add_db_option, open_database
from pos.db.migrate import current_revision, head_revision, upgrade


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = db_sub.add_parser("upgrade", help="upgrade the schema to the current version")
    add_db_option(up)
    up.set_defaults(handler=_upgrade)


def _upgrade(args: argparse.Namespace) -> int:
    engine = open_database(args, migrate=False, create=True)
    try:
        before = current_revision(engine)
        backup = upgrade(engine)
        after = current_revision(engine)
        assert after == head_revision(engine)
    finally:
        engine.dispose()
    if before == after:
        print(f"database already at the current schema ({after})")
    else:
        print(f"database upgraded from {before or 'empty'} to {after}")
    if backup is not None:
        print(f"backup of the previous file: {backup}")
    return 0
