"""`comptoir mail send`: deliver the customer e-mails waiting in the outbox."""

from __future__ import annotations

import argparse
import os
import sys

from pos.cli.common import add_db_option, open_store
from pos.db import outbox
from pos.wiring.sync import mail_dispatcher, smtp_settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    mail = sub.add_parser("mail", help="customer e-mails queued by counter documents")
    actions = mail.add_subparsers(dest="mail_command", metavar="ACTION", required=True)
    send = actions.add_parser("send", help="send what is due now (SMTP settings from "
                                           "COMPTOIR_SMTP_* and the keyring)")
    add_db_option(send)
    send.set_defaults(handler=_send)
    status = actions.add_parser("status", help="how many e-mails wait, were sent, were parked")
    add_db_option(status)
    status.set_defaults(handler=_status)


def _send(args: argparse.Namespace) -> int:
    try:
        settings = smtp_settings(os.environ)
    except ValueError as error:  # SmtpConfigError: the settings are missing or unusable
        print(f"cannot send e-mail: {error}", file=sys.stderr)
        return 2
    with open_store(args) as store:
        report = mail_dispatcher(store.sessions, clock=store.clock, settings=settings).run_once()
    print(f"sent {report.sent}, to retry later {report.retried}, parked {report.parked}")
    return 0 if report.parked == 0 else 1


def _status(args: argparse.Namespace) -> int:
    with open_store(args) as store, store.sessions() as session:
        counts = outbox.counts(session, destination="mail")
    print(", ".join(f"{state} {n}" for state, n in sorted(counts.items())) or "no e-mail queued")
    return 0
