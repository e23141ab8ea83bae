"""The `comptoir` command: opens the app, or runs an admin sub-command.

Each sub-command lives in its own module of this package and registers itself through a
`register(subparsers)` function; `main` only parses and dispatches.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from pos import __version__
from pos.config import keep_escpos_out_of_tmp

# Sub-command name -> its module. Modules are imported only when needed: opening the app
# must not pay for the printer profiles, SMTP and sync imports of every admin command.
SUBCOMMANDS = {
    "db": "pos.cli.db",
    "search": "pos.cli.search",
    "demo-data": "pos.cli.demo",
    "users": "pos.cli.users",
    "audit": "pos.cli.audit",
    "stock": "pos.cli.stock",
    "mail": "pos.cli.mail",
    "receipt": "pos.cli.receipt",
    "sync": "pos.cli.sync",
    "gift-card": "pos.cli.gift_card",
    "requests": "pos.cli.requests",
    "report": "pos.cli.report",
    "cash": "pos.cli.cash",
    "archive": "pos.cli.archive",
}
SUBCOMMAND_MODULES = tuple(dict.fromkeys(SUBCOMMANDS.values()))


def _modules_for(argv: Sequence[str] | None) -> tuple[str, ...]:
    """The sub-command modules this command line needs: none to open the app."""
    words = list(sys.argv[1:] if argv is None else argv)
    named = [SUBCOMMANDS[word] for word in words if word in SUBCOMMANDS]
    if named:
        return (named[0],)
    takes_value = {"--db", "--lang"}
    positional = [w for i, w in enumerate(words) if not w.startswith("-")
                  and (i == 0 or words[i - 1] not in takes_value)]
    if positional or any(word in ("-h", "--help") for word in words):
        return SUBCOMMAND_MODULES  # help, or a mistyped command: list them all
    return ()


def build_parser(argv: Sequence[str] | None = ()) -> argparse.ArgumentParser:
    """The parser; with `argv` given, only the sub-command it names is registered."""
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
    modules = SUBCOMMAND_MODULES if argv == () else _modules_for(argv)
    for name in modules:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    keep_escpos_out_of_tmp()
    parser = build_parser(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    if args.command is None:
        from pos.app import run_app

        return run_app(args)
    from pos.cli.common import run_command  # noqa: PLC0415 - not needed to open the app

    return run_command(args)
