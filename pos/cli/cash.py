"""`comptoir cash open|move|count|close|status`: a terminal's drawer from the command line.

Counts are DENOMINATION=COUNT pairs in the currency's major units: `50=2 20=1 0.50=3`.
"""

from __future__ import annotations

import argparse
import json

from pos.cli.closing_common import (
    CLI_ACTOR,
    OK,
    UsageError,
    add_common,
    amount,
    run,
)
from pos.domain.money import Money
from pos.services.cash import CountResult
from pos.wiring import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cash = sub.add_parser("cash", help="the drawer: open, paid-in/out, count, close")
    actions = cash.add_subparsers(dest="cash_command", metavar="ACTION", required=True)
    opening = actions.add_parser("open", help="open the drawer with its counted float")
    opening.add_argument("--float", dest="opening_float", required=True, metavar="AMOUNT")
    opening.set_defaults(handler=_open)
    move = actions.add_parser("move", help="cash put in or taken out, with its reason")
    move.add_argument("direction", choices=("in", "out"))
    move.add_argument("amount")
    move.add_argument("--reason", required=True)
    move.set_defaults(handler=_move)
    for name, handler, text in (("count", _count, "compare a count with what is expected"),
                                ("close", _close, "close the drawer with its count")):
        parser = actions.add_parser(name, help=text)
        parser.add_argument("counts", nargs="*", metavar="DENOMINATION=COUNT")
        parser.add_argument("--json", action="store_true")
        parser.set_defaults(handler=handler)
    status = actions.add_parser("status", help="the open session and its expected cash")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=_status)
    for parser in (opening, move, status, *(actions.choices[n] for n in ("count", "close"))):
        add_common(parser)
        parser.add_argument("--currency", default="EUR", help="the drawer's currency (EUR)")


def _text(money: Money) -> str:
    return f"{money.to_decimal()} {money.currency}"


def parse_counts(pairs: list[str], currency: str) -> dict[int, int]:
    counts: dict[int, int] = {}
    for pair in pairs:
        denomination, _, count = pair.partition("=")
        if not count.strip().isdecimal():
            raise UsageError(f"not DENOMINATION=COUNT: {pair}")
        minor = amount(denomination, currency).minor
        counts[minor] = counts.get(minor, 0) + int(count)
    return counts


def _open(args: argparse.Namespace) -> int:
    def action(store: Store) -> int:
        view = store.cash.open(CLI_ACTOR, amount(args.opening_float, args.currency))
        print(f"{view.terminal_id}: drawer open (session {view.session_id}), "
              f"float {_text(view.expected)}")
        return OK

    return run(args, action)


def _move(args: argparse.Namespace) -> int:
    kind = "paid_in" if args.direction == "in" else "paid_out"

    def action(store: Store) -> int:
        view = store.cash.move(CLI_ACTOR, kind, amount(args.amount, args.currency),
                                             args.reason)
        print(f"{view.terminal_id}: {kind.replace('_', ' ')} {args.amount}; "
              f"expected in the drawer {_text(view.expected)}")
        return OK

    return run(args, action)


def _show(result: CountResult, as_json: bool, closed: bool) -> None:
    if as_json:
        print(json.dumps({"counted": result.counted.minor, "expected": result.expected.minor,
                          "variance": result.variance.minor, "currency": result.counted.currency,
                          "needs_manager": result.needs_manager, "closed": closed}))
        return
    print(f"counted {_text(result.counted)}, expected {_text(result.expected)}, "
          f"variance {_text(result.variance)}" + ("; drawer closed" if closed else ""))


def _count(args: argparse.Namespace) -> int:
    def action(store: Store) -> int:
        service = store.cash
        _show(service.count(parse_counts(args.counts, args.currency)), args.json, False)
        return OK

    return run(args, action)


def _close(args: argparse.Namespace) -> int:
    def action(store: Store) -> int:
        service = store.cash
        _show(service.close(CLI_ACTOR, parse_counts(args.counts, args.currency)), args.json,
              True)
        return OK

    return run(args, action)


def _status(args: argparse.Namespace) -> int:
    def action(store: Store) -> int:
        view = store.cash.current()
        if view is None:
            print(json.dumps(None) if args.json else f"{store.terminal_id}: no open drawer")
            return 1
        f = view.figures
        if args.json:
            print(json.dumps({"session": view.session_id, "terminal": view.terminal_id,
                              "currency": f.currency, "float": f.opening_float,
                              "cash_in": f.cash_in, "cash_out": f.cash_out,
                              "paid_in": f.paid_in, "paid_out": f.paid_out,
                              "expected": f.expected}))
        else:
            print(f"{view.terminal_id}: session {view.session_id} open, expected "
                  f"{_text(view.expected)}")
        return OK

    return run(args, action)
