"""`comptoir receipt show|print DOCUMENT`: read a receipt as text, or reprint it (DUPLICATE).

`print` queues a duplicate through the print queue (the same job the counter's "reprint"
makes) and runs that job once, here, on `--printer` (else `$COMPTOIR_PRINTER`, else the
virtual printer, whose rendering is shown). A failed job stays queued with its reason.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pos.cli.common import add_db_option, open_store
from pos.domain.printer_models import DEFAULT_PROFILE, PRINTER_MODELS
from pos.services.errors import ServiceError
from pos.services.ports import DeviceError
from pos.services.printing import PrintQueueService
from pos.wiring import devices

PRINTER_ENV = "COMPTOIR_PRINTER"
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
    show.add_argument("--png", metavar="FILE",
                      help="also draw the printed paper into FILE (a PNG), from the job's bytes")
    show.add_argument("--profile", default=DEFAULT_PROFILE,
                      choices=[model.profile for model in PRINTER_MODELS],
                      help=f"the printer model the PNG is rendered for ({DEFAULT_PROFILE})")
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
    store = open_store(args)
    try:
        receipt = store.receipts.receipt(args.document, language=args.lang)
        print(devices.render_text(receipt, columns=args.columns))
        if args.png:
            devices.save_receipt_png(receipt, Path(args.png), profile=args.profile,
                                     columns=args.columns)
    except OSError as error:
        print(f"cannot write the picture: {error.strerror or error}", file=sys.stderr)
        return 1
    except (ServiceError, ValueError) as error:
        text = _message(error) if isinstance(error, ServiceError) else str(error)
        print(f"cannot show the receipt: {text}", file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0


def _print(args: argparse.Namespace) -> int:
    uri = args.printer or os.environ.get(PRINTER_ENV) or "virtual"
    try:
        virtual = devices.virtual_printer_for(uri)
    except DeviceError as error:
        print(error.reason, file=sys.stderr)
        return 2
    store = open_store(args, printer=uri, printers=devices.printer_factory(uri, virtual))
    try:
        return _reprint(store.print_queue, args.document, uri, virtual)
    finally:
        store.print_queue.close()
        store.close()


def _reprint(queue: PrintQueueService, document: str, uri: str,
             virtual: devices.VirtualPrinter | None) -> int:  # fmt: skip
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

