"""`comptoir search QUERY`: find orders in the sales history from the command line.

Goes through `SalesHistoryService.search`, the same call as the counter's search screen, so
the command answers exactly what a cashier would see. Prints an aligned table (amounts in
the user's locale, via Babel) or, with `--json`, a JSON array for scripts.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel.numbers import format_currency

from pos.cli.common import EXIT_NO, EXIT_OK, add_db_option, open_store
from pos.db.search import MAX_PAGE
from pos.domain.money import Money, exponent
from pos.services.history import OrderSummary

DEFAULT_LOCALE = "fr_FR"
HEADERS = ("Number", "Date (UTC)", "Customer", "Total", "Channel")
MESSAGES = {
    "empty_query": "nothing to search for: type a name, an e-mail, a phone or an order number",
    "nothing_found": "no order matches {query!r}",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "search",
        help="find orders by number, receipt code, customer name, e-mail or phone",
        description="Find orders, newest first: by order number (exact, then prefix), a "
        "scanned receipt code, or customer name, e-mail and phone (accents and case ignored, "
        "each word a prefix).",
    )
    parser.add_argument("query", metavar="QUERY", help='e.g. "hel lef", 10234, 06 12 34 56 78')
    add_db_option(parser)
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.add_argument(
        "--limit", type=_limit, default=50, help=f"at most N orders (1–{MAX_PAGE}, default 50)"
    )
    parser.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help="placed on or after")
    parser.add_argument("--until", type=_day, metavar="YYYY-MM-DD", help="placed on or before")
    parser.add_argument(
        "--locale", type=_locale, default=DEFAULT_LOCALE, help="amount format (default fr_FR)"
    )
    parser.set_defaults(handler=run)


def _limit(value: str) -> int:
    try:
        limit = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 1 <= limit <= MAX_PAGE:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_PAGE}")
    return limit


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _locale(value: str) -> str:
    try:
        return str(Locale.parse(value.replace("-", "_")))
    except (UnknownLocaleError, ValueError, TypeError):
        raise argparse.ArgumentTypeError(f"unknown locale: {value!r}") from None


def run(args: argparse.Namespace) -> int:
    """Search and print; 0 when orders were found, 1 when none (2: see `run_command`)."""
    store = open_store(args)
    try:
        service = store.history
        since = _start_of(args.since)
        until = _start_of(args.until + timedelta(days=1)) if args.until else None
        page = service.search(args.query, limit=args.limit, since=since, until=until)
    finally:
        store.close()
    if args.json:
        print(json.dumps([_as_json(row) for row in page.results], ensure_ascii=False, indent=2))
    else:
        _print_table(page.results, args.locale, more=page.next_cursor is not None)
    if page.message:
        print(MESSAGES[page.message].format(query=args.query[:80]), file=sys.stderr)
        return EXIT_NO
    return EXIT_OK


def _start_of(day: date | None) -> datetime | None:
    return None if day is None else datetime.combine(day, time.min, tzinfo=UTC)


def decimal_amount(money: Money) -> Decimal:
    """The amount in major units, with the currency's number of decimals ("49.90")."""
    places = exponent(money.currency)
    return (Decimal(money.minor) / Decimal(10) ** places).quantize(Decimal(1).scaleb(-places))


def _customer(row: OrderSummary) -> str:
    return row.customer_name or row.email or ""


def _as_json(row: OrderSummary) -> dict[str, object]:
    return {
        "order_id": row.order_id,  # what `SalesHistoryService.order_detail` takes
        "number": row.number,
        "placed_at": row.placed_at.isoformat(),
        "customer": _customer(row),
        "email": row.email,
        "total": str(decimal_amount(row.total)),
        "currency": row.total.currency,
        "channel": row.channel,
    }


def _print_table(rows: Sequence[OrderSummary], locale: str, *, more: bool) -> None:
    if not rows:
        return
    table = [
        (
            row.number,
            row.placed_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M"),
            _printable(_customer(row)),
            format_currency(decimal_amount(row.total), row.total.currency, locale=locale),
            row.channel,
        )
        for row in rows
    ]
    widths = [max(len(cells[i]) for cells in (HEADERS, *table)) for i in range(len(HEADERS))]
    for cells in (HEADERS, *table):
        padded = [
            cell.rjust(width) if i == 3 else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        print("  ".join(padded).rstrip())
    footer = f"{len(rows)} order{'s' if len(rows) > 1 else ''}"
    print(footer + (" (more: raise --limit or narrow the dates)" if more else ""))


def _printable(text: str) -> str:
    # A name synced from Wix may hold anything; never let it move the terminal's cursor.
    return "".join(ch if ch.isprintable() else "?" for ch in text)
