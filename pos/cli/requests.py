"""`comptoir requests`: the managers' list of return requests, one request, approve, reject.

Like `comptoir gift-card`, the command line acts as the shop's local administrator (actor "cli"
in the audit log); every action goes through `ReturnRequestService` (docs/return-requests.md),
so deciding here queues the customer's e-mail as the screen does. Exit codes: 0 done, 1 refused
(the reason on stderr: unknown request, already decided, ...), 2 the database cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from pos.cli.common import add_db_option, open_store
from pos.domain.roles import Operator
from pos.services.errors import ServiceError
from pos.services.return_requests import (
    RequestLists,
    RequestSummary,
    RequestView,
    ReturnRequestService,
)

CLI_ACTOR = Operator.local_admin("cli")
EXIT_REFUSED = 1  # 2, the database unusable, comes from `run_command`
_MESSAGES = {
    "request_not_found": "no return request has the id {request_id!s}",
    "request_state": "the request is {state!s}: it cannot become {new!s}",
    "decision_reason_required": "a rejection needs a reason (--reason)",
    "permission_denied": "not allowed ({permission!s})",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    requests = sub.add_parser("requests", help="return requests: list, show, approve, reject")
    actions = requests.add_subparsers(dest="requests_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="to decide, approved (awaiting the customer), "
                                 "expired")  # fmt: skip
    listing.set_defaults(handler=_list)
    show = actions.add_parser("show", help="one request: lines, decision, number")
    show.set_defaults(handler=_show)
    approve = actions.add_parser("approve", help="approve: a return authorisation number and "
                                 "the customer's e-mail")  # fmt: skip
    approve.set_defaults(handler=_approve)
    reject = actions.add_parser("reject", help="reject with a reason the customer reads")
    reject.add_argument("--reason", required=True, help="what the customer's e-mail says")
    reject.set_defaults(handler=_reject)
    for parser in (show, approve, reject):
        parser.add_argument("request_id", type=int, metavar="ID")
    for parser in (listing, show, approve, reject):
        parser.add_argument("--json", action="store_true", help="print JSON")
        add_db_option(parser)


def _run(args: argparse.Namespace, action: Callable[[ReturnRequestService], Any],
         show: Callable[[Any, bool], None]) -> int:
    """Run `action` on the shop; a database that fails is `run_command`'s sentence (exit 2)."""
    store = open_store(args)
    try:
        result = action(store.return_requests)
    except ServiceError as error:
        template = _MESSAGES.get(error.code, error.code)
        try:
            text = template.format(**error.params)
        except (KeyError, IndexError):
            text = error.code
        print(f"error: {text}", file=sys.stderr)
        return EXIT_REFUSED
    finally:
        store.close()
    show(result, args.json)
    return 0


def _list(args: argparse.Namespace) -> int:
    return _run(args, lambda service: service.lists(CLI_ACTOR), _print_lists)


def _show(args: argparse.Namespace) -> int:
    return _run(args, lambda service: service.detail(args.request_id), _print_view)


def _approve(args: argparse.Namespace) -> int:
    return _run(args, lambda service: service.approve(CLI_ACTOR, args.request_id), _print_view)


def _reject(args: argparse.Namespace) -> int:
    return _run(args, lambda service: service.reject(CLI_ACTOR, args.request_id, args.reason),
                _print_view)


def _summary(row: RequestSummary) -> dict[str, Any]:
    return {"id": row.request_id, "state": row.state.value, "number": row.authorisation_number,
            "order": row.order_number, "customer": row.customer_name, "units": row.lines_count,
            "amount": str(row.amount.to_decimal()), "currency": row.amount.currency,
            "recorded_at": row.recorded_at.isoformat(),
            "expires_at": row.expires_at.isoformat() if row.expires_at else None}


def _print_lists(lists: RequestLists, as_json: bool) -> None:
    groups = {"to_decide": lists.to_decide, "approved": lists.approved,
              "expired": lists.expired}  # fmt: skip
    if as_json:
        print(json.dumps({name: [_summary(row) for row in rows]
                          for name, rows in groups.items()}))  # fmt: skip
        return
    for name, rows in groups.items():
        print(f"{name} ({len(rows)})")
        for row in rows:
            found = _summary(row)
            print(f"  #{found['id']}  {found['number'] or '-'}  order {found['order']}  "
                  f"{found['customer']}  {found['units']} unit(s)  "
                  f"{found['amount']} {found['currency']}")


def _print_view(view: RequestView, as_json: bool) -> None:
    found = {"id": view.request_id, "state": view.effective.value, "order": view.order_number,
             "customer": view.customer_name, "email": view.customer_email,
             "reason": view.reason, "note": view.note, "number": view.authorisation_number,
             "qr": view.qr_payload or None,
             "expires_at": view.expires_at.isoformat() if view.expires_at else None,
             "decision_reason": view.decision_reason, "document_id": view.document_id,
             "amount": str(view.amount.to_decimal()), "currency": view.amount.currency,
             "lines": [{"order_line_id": line.order_line_id, "name": line.name,
                        "quantity": line.quantity, "reason": line.reason}
                       for line in view.lines]}  # fmt: skip
    if as_json:
        print(json.dumps(found))
        return
    print(f"#{view.request_id}  {view.effective.value}  order {view.order_number}  "
          f"{view.customer_name}  {found['amount']} {found['currency']}")
    if view.authorisation_number:
        print(f"  number {view.authorisation_number}, valid until {found['expires_at']}")
    if view.decision_reason:
        print(f"  reason given: {view.decision_reason}")
    for line in view.lines:
        print(f"  {line.quantity} x {line.name}  {line.reason}".rstrip())
