"""`comptoir stock`: show and correct a variant's count, list and settle items to inspect.

Like `comptoir users`, the command line acts as the shop's local administrator (actor "cli"
in the audit log); every change goes through `StockService`, so it is the same movement,
outbox message and audit entry as at the counter.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from pos.cli.common import add_db_option, open_store
from pos.domain.roles import Operator
from pos.services.errors import ServiceError
from pos.services.stock import InspectionItem, InspectionOutcome, StockService

CLI_ACTOR = Operator.local_admin("cli")

_MESSAGES = {
    "variant_not_found": "no variant with SKU, barcode or id {code!s}",
    "negative_count": "a count cannot be negative ({counted!s})",
    "invalid_count": "not a count: {counted!s}",
    "count_too_large": "{counted!s} is more than {maximum!s}: a barcode typed as a count?",
    "reason_required": "say why with --reason",
    "text_too_long": "the text is {length!s} characters long; at most {maximum!s}",
    "invalid_outcome": "unknown outcome {outcome!s}",
    "return_line_not_found": "no returned line {return_line_id!s}",
    "not_for_inspection": "returned line {return_line_id!s} was not set aside to inspect "
    "({disposition!s})",
    "already_settled": "returned line {return_line_id!s} is already settled ({state!s})",
    "variant_unknown": "returned line {return_line_id!s} has no catalogue variant to restock",
    "permission_denied": "not allowed ({permission!s})",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    stock = sub.add_parser("stock", help="stock counts and items set aside to inspect")
    actions = stock.add_subparsers(dest="stock_command", metavar="ACTION", required=True)

    show = actions.add_parser("show", help="a variant's local count, Wix figure and pending push")
    show.add_argument("code", help="SKU or barcode")
    show.set_defaults(handler=_show)

    adjust = actions.add_parser("adjust", help="set a variant's count to what was counted")
    adjust.add_argument("code", help="SKU or barcode")
    adjust.add_argument("count", type=int, help="units counted on the shelf")
    adjust.add_argument("--reason", required=True, help="why (kept in the audit log)")
    adjust.set_defaults(handler=_adjust)

    listing = actions.add_parser("list-inspection", help="returned items waiting to inspect")
    listing.set_defaults(handler=_list)

    settle = actions.add_parser("settle", help="put an inspected item back in stock, or not")
    settle.add_argument("line", type=int, help="returned line id (see list-inspection)")
    settle.add_argument("outcome", choices=[outcome.value for outcome in InspectionOutcome])
    settle.add_argument("--note", default="", help="what the inspection found")
    settle.set_defaults(handler=_settle)

    for parser in (show, adjust, listing, settle):
        add_db_option(parser)


def _run(args: argparse.Namespace, action: Callable[[StockService], None]) -> int:
    """Run `action(service)`; a refusal prints its reason and gives exit 1."""
    store = open_store(args)
    try:
        action(store.stock)
    except ServiceError as error:
        template = _MESSAGES.get(error.code, error.code)
        print(f"error: {template.format(**error.params)}", file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0


def _show(args: argparse.Namespace) -> int:
    def action(service: StockService) -> None:
        view = service.variant_stock(args.code)
        options = " / ".join(view.options.values())
        wix = "-" if view.wix_quantity is None else str(view.wix_quantity)
        print(f"{view.sku}  {view.name} {options}".rstrip())
        print(f"on hand: {view.on_hand}  wix: {wix}  to push: {view.pending_push_delta:+d}")

    return _run(args, action)


def _adjust(args: argparse.Namespace) -> int:
    def action(service: StockService) -> None:
        variant = service.variant_stock(args.code)
        moved = service.adjust(
            CLI_ACTOR, variant_id=variant.variant_id, counted=args.count, reason=args.reason
        )
        if moved.delta == 0:
            print(f"{moved.sku}: count confirmed at {moved.after}, nothing to change")
        else:
            print(f"{moved.sku}: {moved.before} -> {moved.after} ({moved.delta:+d})")

    return _run(args, action)


def _settle(args: argparse.Namespace) -> int:
    def action(service: StockService) -> None:
        item = service.settle_inspection(
            CLI_ACTOR, return_line_id=args.line, outcome=args.outcome, note=args.note
        )
        print(f"returned line {item.return_line_id} ({item.sku or '-'}): {item.settled_state}")

    return _run(args, action)


def _list(args: argparse.Namespace) -> int:
    return _run(args, lambda service: _print_table(service.awaiting_inspection()))


def _print_table(items: tuple[InspectionItem, ...]) -> None:
    header = ("Line", "Returned (UTC)", "Document", "Order", "SKU", "Qty", "Product")
    rows = [
        (
            str(item.return_line_id),
            item.returned_at.strftime("%Y-%m-%d %H:%M"),
            item.document_number,
            item.order_number,
            item.sku or "-",
            str(item.quantity),
            f"{item.product_name} {item.options_text}".strip(),
        )
        for item in items
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    print(f"{len(rows)} item{'s' if len(rows) != 1 else ''} to inspect")
