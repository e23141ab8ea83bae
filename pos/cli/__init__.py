"""The `comptoir` command: opens the app, or runs an admin sub-command.

Each sub-command lives in its own module of this package and registers itself through a
`register(subparsers)` function; `main` only parses and dispatches.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from pos import __version__

SUBCOMMAND_MODULES = (
    "pos.cli.db",
    "pos.cli.search",
    "pos.cli.demo",
    "pos.cli.users",
    "pos.cli.audit",
    "pos.cli.stock",
    "pos.cli.mail",
    "pos.cli.receipt",
    "pos.cli.sync",
)


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(
        prog="comptoir",
        description=(
            "Comptoir, the returns desk: exchanges, refunds and cancellations for Wix Stores "
            "shops. "
            "Without a sub-command, opens the app."
        ),
    )
    parser.add_argument("--version", action="version", version=f"comptoir {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="open the app on the demo shop (created on first use)"
    )
    parser.add_argument("--db", metavar="URL", help="database URL or SQLite file path")
    parser.add_argument("--kiosk", action="store_true", help="full screen, for the counter")
    parser.add_argument("--lang", choices=("fr", "en"), help="interface language")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from pos.app import run_app

        return run_app(args)
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
