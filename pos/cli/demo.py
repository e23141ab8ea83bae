"""`comptoir demo-data`: fill an empty database with the deterministic demo shop."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TextIO

from pos.cli.common import add_db_option, open_database
from pos.db.demo import generate


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "demo-data",
        help="fill an empty database with a demo shop (catalogue, customers, orders)",
        description="Generate a deterministic demo shop: ~200 products, ~2,000 variants, "
        "~0.3 customers per order, N orders over the last two years, and the demo users "
        "'cashier' (PIN 1234) and 'manager' (PIN 9876).",
    )
    add_db_option(parser)
    parser.add_argument("--orders", type=_count, default=20_000, help="orders (default 20000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--now",
        type=_moment,
        help="end of the history, ISO 8601 (default: now); fixes the output for a seed",
    )
    parser.set_defaults(handler=_run)


def _count(text: str) -> int:
    value = int(text.replace("_", "").replace(",", ""))
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def progress_printer(stream: TextIO) -> Callable[[int, int], None]:
    """A progress callback that rewrites one line: orders done / total and the rate."""
    started = time.monotonic()

    def show(done: int, total: int) -> None:
        elapsed = max(time.monotonic() - started, 1e-6)
        percent = 100 * done // total if total else 100
        stream.write(
            f"\rdemo-data: {done:,} / {total:,} orders ({percent}%, {done / elapsed:,.0f}/s)"
        )
        stream.flush()

    return show


def _run(args: argparse.Namespace) -> int:
    engine = open_database(args, create=True)
    try:
        summary = generate(
            engine,
            orders=args.orders,
            seed=args.seed,
            now=args.now,
            progress=progress_printer(sys.stderr),
        )
    except ValueError as error:
        print(f"demo-data: {error}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    print(file=sys.stderr)
    print(
        f"demo shop: {summary.products:,} products, {summary.variants:,} variants, "
        f"{summary.customers:,} customers, {summary.orders:,} orders "
        f"in {summary.seconds:.1f} s (seed {args.seed})"
    )
    return 0
