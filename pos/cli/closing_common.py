"""What `comptoir report`, `cash` and `archive` share: the shop (`pos.wiring.Store`) on the
terminal asked for, amounts typed on the command line, refusals worded, and the exit codes.

Exit codes: 0 done (or intact), 1 the answer is no (refused, not intact), 2 cannot run (bad
arguments, database or file unreadable). The command line acts as the shop's local
administrator (actor "cli" in the audit log), like `comptoir users` and `stock`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from pos.cli.common import add_db_option, open_store
from pos.domain.errors import DomainError
from pos.domain.money import Money
from pos.domain.roles import Operator
from pos.services.errors import ServiceError
from pos.wiring import Store

CLI_ACTOR = Operator.local_admin("cli")
OK, NO, CANNOT = 0, 1, 2

_MESSAGES = {
    "no_cash_session": "terminal {terminal} has no open cash session (comptoir cash open)",
    "session_already_open": "terminal {terminal} already has an open cash session",
    "session_open": "terminal {terminal}'s cash session is still open: count and close it "
                    "first (comptoir cash close)",
    "reason_required": "say why with --reason",
    "negative_amount": "the amount must be more than zero",
    "currency_mismatch": "the drawer is not in {currency}",
    "invalid_period": "not a period: {period} (2026-11-20, 2026-11 or 2026)",
    "period_already_closed": "{period} is already closed ({kind})",
    "unknown_denomination": "{currency} has no {denomination} note or coin (in cents)",
    "negative_count": "a count cannot be negative",
    "approval_required": "a manager must approve: {rules}",
    "permission_denied": "not allowed ({permission})",
    "user_disabled": "user {username} is disabled",
}


class UsageError(Exception):
    """An argument the command cannot use (exit 2)."""


def add_common(parser: argparse.ArgumentParser, *, terminal: bool = True) -> None:
    add_db_option(parser)
    if terminal:
        parser.add_argument("--terminal", metavar="ID",
                            help="the terminal (default: $COMPTOIR_TERMINAL, else T1)")


def terminal_of(args: argparse.Namespace) -> str:
    return getattr(args, "terminal", None) or os.environ.get("COMPTOIR_TERMINAL", "T1")


def amount(text: str, currency: str) -> Money:
    """`12.50` as Money; a comma is accepted as the decimal mark."""
    try:
        value = Decimal(text.replace(",", "."))
        if not value.is_finite():
            raise InvalidOperation(text)
        return Money.from_decimal(value, currency)
    except (InvalidOperation, ValueError) as error:
        raise UsageError(f"not an amount: {text}") from error


def refusal(error: ServiceError | DomainError) -> str:
    params = {key: (", ".join(value) if isinstance(value, tuple) else value)
              for key, value in error.params.items()}
    try:
        return _MESSAGES.get(error.code, error.code).format(**params)
    except (KeyError, IndexError):
        return error.code


def run(args: argparse.Namespace, action: Callable[[Store], int]) -> int:
    """Run `action` on the shop (`--terminal`, `--currency` when the command has them);
    refusals become a sentence and exit 1, a database that cannot be used is
    `pos.cli.common.run_command`'s sentence and exit 2."""
    options: dict[str, Any] = {}  # Store's keyword options
    if getattr(args, "terminal", None):
        options["terminal_id"] = args.terminal
    if getattr(args, "currency", None):
        options["currency"] = args.currency
    store = open_store(args, **options)
    try:
        return action(store)
    except UsageError as error:
        print(str(error), file=sys.stderr)
        return CANNOT
    except (ServiceError, DomainError) as error:
        print(f"refused: {refusal(error)}", file=sys.stderr)
        return NO
    finally:
        store.close()
