"""`comptoir users`: add, list, re-PIN, disable and enable the people of the counter.

The command line acts as the shop's local administrator: whoever can run it can already
read and write the database file (or holds the PostgreSQL URL), so it asks no PIN of its
own, and its changes are audited under the actor "cli".
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable

from pos.cli.common import add_db_option, open_store
from pos.domain.roles import Operator, Role
from pos.services.errors import ServiceError
from pos.services.users import UserService, UserView

CLI_ACTOR = Operator.local_admin("cli")

_MESSAGES = {
    "invalid_pin": "the PIN must be 4 to 8 digits, not too easy to guess ({reason!s})",
    "user_exists": "a user called {username!s} already exists",
    "unknown_user": "no user called {username!s}",
    "invalid_user": "invalid {field!s} ({reason!s})",
    "last_admin": "{username!s} is the last active administrator; add another one first",
    "permission_denied": "not allowed ({permission!s})",
}


class PinEntryError(Exception):
    """The PIN could not be read (mismatch, end of input)."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    users = sub.add_parser("users", help="manage the people who use the counter")
    actions = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add a user (asks for the PIN twice)")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="display name shown at the counter")
    add.add_argument("--role", required=True, choices=[role.value for role in Role])
    _pin_option(add)
    add.set_defaults(handler=_add)

    listing = actions.add_parser("list", help="list the users")
    listing.set_defaults(handler=_list)

    set_pin = actions.add_parser("set-pin", help="give a user a new PIN (lifts a lockout)")
    set_pin.add_argument("username")
    _pin_option(set_pin)
    set_pin.set_defaults(handler=_set_pin)

    disable = actions.add_parser("disable", help="stop a user logging in (history is kept)")
    disable.add_argument("username")
    disable.set_defaults(handler=_disable)

    enable = actions.add_parser("enable", help="let a disabled user log in again")
    enable.add_argument("username")
    enable.set_defaults(handler=_enable)

    for parser in (add, listing, set_pin, disable, enable):
        add_db_option(parser)


def _pin_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pin-stdin",
        action="store_true",
        help="read the PIN from the first line of standard input (for scripts)",
    )


def _read_pin(args: argparse.Namespace) -> str:
    if args.pin_stdin:
        line = sys.stdin.readline()
        if not line:
            raise PinEntryError("no PIN on standard input")
        return line.rstrip("\r\n")
    first = getpass.getpass("PIN: ")
    if getpass.getpass("PIN again: ") != first:
        raise PinEntryError("the two PINs differ")
    return first


def _run(args: argparse.Namespace, action: Callable[[UserService], None]) -> int:
    """Run `action(service)`; a refusal prints its reason (never a PIN) and gives exit 1."""
    store = open_store(args)
    try:
        action(store.users)
    except PinEntryError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except ServiceError as error:
        template = _MESSAGES.get(error.code, error.code)
        print(f"error: {template.format(**error.params)}", file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0


def _add(args: argparse.Namespace) -> int:
    def action(service: UserService) -> None:
        view = service.add_user(CLI_ACTOR, args.username, args.name, args.role, _read_pin(args))
        print(f"user {view.username} added ({view.role})")

    return _run(args, action)


def _set_pin(args: argparse.Namespace) -> int:
    def action(service: UserService) -> None:
        service.set_pin(CLI_ACTOR, args.username, _read_pin(args))
        print(f"PIN of {args.username} changed")

    return _run(args, action)


def _disable(args: argparse.Namespace) -> int:
    def action(service: UserService) -> None:
        service.disable(CLI_ACTOR, args.username)
        print(f"user {args.username} disabled")

    return _run(args, action)


def _enable(args: argparse.Namespace) -> int:
    def action(service: UserService) -> None:
        service.enable(CLI_ACTOR, args.username)
        print(f"user {args.username} enabled")

    return _run(args, action)


def _list(args: argparse.Namespace) -> int:
    return _run(args, lambda service: _print_table(service.list_users()))


def _print_table(users: tuple[UserView, ...]) -> None:
    header = ("Username", "Name", "Role", "Active", "Locked until (UTC)")
    rows = [
        (
            user.username,
            user.display_name,
            str(user.role),
            "yes" if user.active else "no",
            user.locked_until.strftime("%Y-%m-%d %H:%M:%S") if user.locked_until else "-",
        )
        for user in users
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    print(f"{len(rows)} user{'s' if len(rows) != 1 else ''}")
