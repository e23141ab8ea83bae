"""`comptoir archive export|verify`: a period's signed archive, and its check without the
database (docs/closing.md). `verify` exits 0 intact, 1 altered (naming the file and row),
2 unreadable."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pos.cli.closing_common import (
    CANNOT,
    CLI_ACTOR,
    NO,
    OK,
    add_common,
    run,
)
from pos.services.archive import ArchiveUnreadableError, verify_archive
from pos.wiring import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    archive = sub.add_parser("archive", help="signed period archives for safe keeping")
    actions = archive.add_subparsers(dest="archive_command", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write a month's or a year's archive")
    export.add_argument("--period", required=True, help="2026-11 (a month) or 2026 (a year)")
    export.add_argument("--out", required=True, type=Path, help="directory to write it into")
    add_common(export)
    export.set_defaults(handler=_export)
    verify = actions.add_parser("verify", help="check an archive (no database needed)")
    verify.add_argument("file", type=Path)
    verify.add_argument("--public-key", metavar="HEX",
                        help="the shop's key to check against (default: the archive's own)")
    verify.set_defaults(handler=_verify)


def _export(args: argparse.Namespace) -> int:
    def action(store: Store) -> int:
        try:
            path = store.archive.export(CLI_ACTOR, args.period, args.out, terminal_id=args.terminal)
        except OSError as error:
            print(f"cannot write the archive into {args.out}: {error.strerror}", file=sys.stderr)
            return CANNOT
        print(path)
        return OK

    return run(args, action)


def _verify(args: argparse.Namespace) -> int:
    try:
        check = verify_archive(args.file, public_key=args.public_key)
    except ArchiveUnreadableError as error:
        print(f"{args.file}: not a readable archive ({error})", file=sys.stderr)
        return CANNOT
    except (ValueError, KeyError, UnicodeDecodeError) as error:
        print(f"{args.file}: not a readable archive ({type(error).__name__})", file=sys.stderr)
        return CANNOT
    if check.ok:
        print(f"{args.file}: intact — period {check.period}, {check.files} files, "
              f"{check.rows} rows, signed by {check.public_key}")
        return OK
    for problem in check.problems:
        print(f"{args.file}: altered — {problem.sentence()}", file=sys.stderr)
    return NO
