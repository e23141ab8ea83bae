"""`comptoir receipt show|print DOCUMENT`: read a receipt as text, or reprint it (DUPLICATE).

`print` queues a duplicate through the print queue (the same job the counter's "reprint"
makes) and runs that job once, here, on `--printer` (else `$COMPTOIR_PRINTER`, else the
virtual printer, whose rendering is shown). A failed job stays queued with its reason.
"""

from __future__ import annotations

import argparse
import os
import sys

from pos.cli.common import add_db_option, open_database
from pos.db.engine import SessionFactory, make_sessions
from pos.domain.clock import SystemClock
from pos.domain.receipt import ShopInfo
from pos.hardware.errors import DeviceError
from pos.hardware.printer import EscposReceiptPrinter, make_printer
from pos.hardware.receipt_render import render_text
from pos.hardware.transports import VirtualPrinter, parse_printer_uri
from pos.services.errors import ServiceError
from pos.services.printing import PrintQueueService
from pos.services.receipts import ReceiptService

PRINTER_ENV = "COMPTOIR_PRINTER"
SHOP = ShopInfo("Comptoir")  # TODO(lead): the shop header from the settings (#4)
_MESSAGES = {
    "document_not_found": "no counter document {document!s}",
    "no_gift_card": "document {document!s} issued no gift card",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    receipt = sub.add_parser("receipt", help="show or reprint a counter document's receipt")
    actions = receipt.add_subparsers(dest="receipt_command", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="print the receipt as text on the terminal")
    show.add_argument("document", metavar="DOCUMENT", help="document number, e.g. T1-000012")
    show.add_argument("--columns", type=int, default=42, help="characters per line (42)")
    show.add_argument("--lang", choices=("fr", "en"), help="the document's language if omitted")
    add_db_option(show)
    show.set_defaults(handler=_show)
    reprint = actions.add_parser("print", help="reprint the receipt, marked DUPLICATE")
    reprint.add_argument("document", metavar="DOCUMENT", help="document number, e.g. T1-000012")
    reprint.add_argument(
        "--printer", metavar="URI",
        help=f"tcp://HOST:9100, usb://VID:PID, serial:///dev/…, file:///dev/…, virtual "
        f"(default: ${PRINTER_ENV}, else virtual)",
    )  # fmt: skip
    add_db_option(reprint)
    reprint.set_defaults(handler=_print)


def _message(error: ServiceError) -> str:
    code = getattr(error, "code", "error")
    return _MESSAGES.get(code, code + " {params!s}").format(**error.params, params=error.params)


def _show(args: argparse.Namespace) -> int:
    engine = open_database(args)
    try:
        receipts = _receipts(make_sessions(engine))
        receipt = receipts.receipt(args.document, language=args.lang)
        print(render_text(receipt, columns=args.columns))
    except (ServiceError, ValueError) as error:
        text = _message(error) if isinstance(error, ServiceError) else str(error)
        print(f"cannot show the receipt: {text}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    return 0


def _print(args: argparse.Namespace) -> int:
    uri = args.printer or os.environ.get(PRINTER_ENV) or "virtual"
    try:
        virtual = VirtualPrinter() if parse_printer_uri(uri).scheme == "virtual" else None
    except DeviceError as error:
        print(error.reason, file=sys.stderr)
        return 2
    engine = open_database(args)
    sessions = make_sessions(engine)

    def printers(printer_uri: str) -> EscposReceiptPrinter:
        return make_printer(printer_uri, transport=virtual if printer_uri == uri else None)

    queue = PrintQueueService(sessions=sessions, clock=SystemClock(), receipts=_receipts(sessions),
                              printers=printers, default_printer=uri)  # fmt: skip
    try:
        return _reprint(queue, args.document, uri, virtual)
    finally:
        queue.close()
        engine.dispose()


def _reprint(queue: PrintQueueService, document: str, uri: str,
             virtual: VirtualPrinter | None) -> int:  # fmt: skip
    try:
        job_id = queue.reprint(document, printer=uri)
    except ServiceError as error:
        print(f"cannot reprint: {_message(error)}", file=sys.stderr)
        return 1
    report = queue.run_once(job_ids=[job_id])
    job = queue.job(job_id)
    if job_id in report.printed:
        if virtual is not None:
            print(virtual.jobs[-1].text)
        print(f"{job.document_number}: duplicate printed on {uri}")
        return 0
    print(f"{job.document_number}: not printed: {job.last_error}. The duplicate stays queued "
          f"(job {job_id}); the counter can retry it.", file=sys.stderr)  # fmt: skip
    return 1


def _receipts(sessions: SessionFactory) -> ReceiptService:
    return ReceiptService(sessions=sessions, clock=SystemClock(), shop=SHOP)
