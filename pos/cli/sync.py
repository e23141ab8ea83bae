"""`comptoir sync`: run the Wix sync, show its status, and decide what needs a manager's review.

``comptoir sync [--once] [--interval SECONDS]`` ticks `SyncRunner` (progress on stderr);
``comptoir sync status`` reads the status from the database (with the changes done with a
note and the abandoned Wix drafts); ``comptoir sync review`` lists the stuck changes — those
whose outcome Wix left uncertain and those Wix refused (parked) — and, with ``--resolve ID
--as done|resend|drop --reason TEXT``, records the decision (audited, actor "cli"); the
change's dependents follow it.
"""

from __future__ import annotations

import argparse
import sys
import time

from pos.cli.common import add_db_option, open_store
from pos.config import PICTURES_DIR, data_dir
from pos.services.sync_port import ReviewItem, SyncStatus
from pos.wiring.sync import resolve_sync_review, sync_status, wix_clients, wix_runner

DEFAULT_INTERVAL = 60.0
NOTES_SHOWN = 5


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sync = sub.add_parser("sync", help="send the queue to Wix and bring Wix's changes in")
    sync.add_argument("--once", action="store_true", help="one round, then stop")
    sync.add_argument("--interval", type=float, default=DEFAULT_INTERVAL, metavar="SECONDS",
                      help=f"seconds between rounds (default {DEFAULT_INTERVAL:g})")  # fmt: skip
    sync.set_defaults(handler=_run)
    actions = sync.add_subparsers(dest="sync_command", metavar="ACTION")

    status = actions.add_parser("status", help="online or not, queue, last error (no network)")
    status.set_defaults(handler=_status)

    review = actions.add_parser(
        "review", help="stuck changes (to check, or refused by Wix) and a manager's decision"
    )
    review.add_argument("--resolve", type=int, metavar="ID", help="the message to decide on")
    review.add_argument(
        "--as",
        dest="decision",
        choices=("done", "resend", "drop"),
        help="done: Wix has it; resend: send again; drop: abandon it",
    )
    review.add_argument("--reason", default="", help="why (kept in the audit log)")
    review.set_defaults(handler=_review)  # fmt: skip

    for parser in (sync, status, review):
        add_db_option(parser)


def _run(args: argparse.Namespace) -> int:
    try:
        clients = wix_clients()
    except ValueError as error:  # WixConfigError: no usable credentials
        print(f"error: {error}", file=sys.stderr)
        return 2
    store = open_store(args)
    runner = wix_runner(
        store.sessions, clock=store.clock, clients=clients, pictures_dir=data_dir() / PICTURES_DIR,
        progress=lambda text: print(f"sync: {text}", file=sys.stderr, flush=True))
    try:
        while True:
            status = runner.run_once()
            print(f"sync: {_summary(status, running=True)}", file=sys.stderr, flush=True)
            for note in runner.notes:
                print(f"sync: note: {note}", file=sys.stderr)
            if args.once:
                return 0 if status.online or not status.leader else 1
            time.sleep(max(args.interval, 1.0))
    finally:
        runner.close()
        store.close()


def _status(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        status = sync_status(store.sessions, with_notes=True)
    print(_summary(status))
    print(f"last pull {_when(status.last_pull_at)}, last push {_when(status.last_push_at)}")
    if status.last_error:
        print(f"last error: {status.last_error}")
    for order in status.refused_orders:
        print(f"order {order.wix_id} not recorded: {order.reason}")
    print(f"{status.noted} done with a note; Wix drafts: {status.drafts_deleted} abandoned and "
          f"deleted, {status.drafts_unknown} possibly left (answer lost, id unknown)")
    for item in status.notes[:NOTES_SHOWN]:
        print(f"  note {item.message_id}  {item.kind}  {item.object_key}: {item.reason}")
    return 0


def _review(args: argparse.Namespace) -> int:
    if args.resolve is None:
        return _list_review(args)
    if args.decision is None or not args.reason.strip():
        print("error: say what to do with --as done|resend|drop and why with --reason",
              file=sys.stderr)  # fmt: skip
        return 2
    with open_store(args) as store:
        ids = resolve_sync_review(store.sessions, store.clock, message_id=args.resolve,
                                  decision=args.decision, reason=args.reason)  # fmt: skip
    if ids is None:
        print(f"error: message {args.resolve} is not waiting for a decision (only changes to "
              "check and changes refused by Wix are; see comptoir sync review)",
              file=sys.stderr)  # fmt: skip
        return 1
    print(f"message {args.resolve}: {args.decision} ({len(ids)} message(s) settled)")
    return 0


def _list_review(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        status = sync_status(store.sessions)
    if not status.review_items:
        print("nothing needs review")
        return 0
    for item in status.review_items:
        print(_review_line(item))
    print("decide with: comptoir sync review --resolve ID --as done|resend|drop --reason TEXT")
    return 0


def _review_line(item: ReviewItem) -> str:
    numbers = ", ".join(f"{key} {value}" for key, value in item.numbers)
    state = "refused by Wix" if item.state == "parked" else "to check"
    return (f"{item.message_id}  {item.kind}  {item.object_key}  ({state})  [{numbers}]\n"
            f"    {item.reason}")  # fmt: skip


def _summary(status: SyncStatus, *, running: bool = False) -> str:
    state = "online" if status.online else "offline"
    lead = " (another terminal leads)" if running and not status.leader else ""
    return (
        f"{state}{lead}: {status.pending} waiting, {status.needs_review} need review, "
        f"{status.parked} parked" + (f" — {status.last_error}" if status.last_error else "")
    )


def _when(moment: object) -> str:
    return "never" if moment is None else str(moment)
