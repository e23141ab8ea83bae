"""`comptoir report x|z|day|month|year|key`: read (X) or close (Z) a terminal's day, close
the shop's periods, show the signing key. Text is the printed slip; `--json` the figures."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date

from pos.cli.closing_common import (
    CLI_ACTOR,
    OK,
    UsageError,
    add_common,
    run,
)
from pos.domain.closing import ClosureSlip, Report
from pos.services.closing import Closure
from pos.services.ports import DeviceError
from pos.wiring import Store, devices, shop_signer


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = sub.add_parser("report", help="X and Z reports, signed closures")
    actions = report.add_subparsers(dest="report_command", metavar="ACTION", required=True)
    x = actions.add_parser("x", help="what the Z would say now (changes nothing)")
    x.add_argument("--date", help="a past day's documents instead (YYYY-MM-DD)")
    x.set_defaults(handler=_x)
    z = actions.add_parser("z", help="close the terminal's day: a signed Z")
    z.add_argument("--print", dest="print_slip", action="store_true",
                   help="print the slip on the receipt printer ($COMPTOIR_PRINTER)")
    z.add_argument("--printer", metavar="URI", help="the printer (default $COMPTOIR_PRINTER)")
    z.set_defaults(handler=_z)
    periods = []
    for kind, example in (("day", "2026-11-20"), ("month", "2026-11"), ("year", "2026")):
        parser = actions.add_parser(kind, help=f"close the shop's {kind} ({example})")
        parser.add_argument("period")
        parser.set_defaults(handler=_period, kind=kind)
        periods.append(parser)
    key = actions.add_parser("key", help="the shop's closure-signing public key")
    key.set_defaults(handler=_key)
    for parser in (x, z, *periods):
        add_common(parser, terminal=parser in (x, z))
        parser.add_argument("--json", action="store_true", help="the figures as JSON")
        parser.add_argument("--lang", choices=("fr", "en"), default="fr",
                            help="the slip's language (fr)")


def _slip(report: Report, closure: Closure | None, kind: str, period: str, lang: str,
          store: Store) -> ClosureSlip:  # fmt: skip
    # Headed by the shop's identity from Settings, as on the counter's slips (#15).
    info = store.shop.shop_info()
    if closure is None:
        return ClosureSlip(info.name, 0, kind, "", period, "", CLI_ACTOR.username, "", "",
                           report, lang, info)  # fmt: skip
    return ClosureSlip(info.name, closure.number, closure.kind, closure.terminal_id,
                       closure.period, closure.closed_at.isoformat(), closure.closed_by,
                       closure.hash, closure.signature, report, lang, info)


def _output(args: argparse.Namespace, slip: ClosureSlip, closure: Closure | None) -> None:
    if args.json:
        about = {} if closure is None else {
            "number": closure.number, "kind": closure.kind, "terminal": closure.terminal_id,
            "period": closure.period, "closed_at": closure.closed_at.isoformat(),
            "hash": closure.hash, "prev_hash": closure.prev_hash,
            "audit_head_hash": closure.audit_head_hash, "audit_count": closure.audit_count,
            "signature": closure.signature, "public_key": closure.public_key}
        print(json.dumps({**about, "report": slip.report.to_json()}, ensure_ascii=False))
        return
    print(devices.slip_text(slip))


def _x(args: argparse.Namespace) -> int:
    def action(store: Store) -> int:
        try:
            day = date.fromisoformat(args.date) if args.date else None
        except ValueError as error:
            raise UsageError(f"not a date: {args.date}") from error
        report = store.closing.x_report(CLI_ACTOR, day=day)
        period = args.date or "X"
        _output(args, _slip(report, None, "x", period, args.lang, store), None)
        return OK

    return run(args, action)


def _z(args: argparse.Namespace) -> int:
    def action(store: Store) -> int:
        closure = store.closing.close_z(CLI_ACTOR)
        slip = _slip(closure.report, closure, "z", closure.period, args.lang, store)
        _output(args, slip, closure)
        return _print(args, slip) if args.print_slip else OK

    return run(args, action)


def _print(args: argparse.Namespace, slip: ClosureSlip) -> int:
    uri = args.printer or os.environ.get("COMPTOIR_PRINTER") or "virtual"
    try:
        devices.print_slip(uri, slip)
    except DeviceError as error:
        print(f"closure {slip.number} is recorded and signed, but not printed: {error.reason}",
              file=sys.stderr)
        return 1
    print(f"closure {slip.number} printed on {uri}", file=sys.stderr)
    return OK


def _period(args: argparse.Namespace) -> int:
    def action(store: Store) -> int:
        closure = store.closing.close_period(CLI_ACTOR, args.kind, args.period)
        slip = _slip(closure.report, closure, args.kind, args.period, args.lang, store)
        _output(args, slip, closure)
        return OK

    return run(args, action)


def _key(args: argparse.Namespace) -> int:
    print(shop_signer().public_key)
    return OK
