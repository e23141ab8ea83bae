"""`comptoir audit verify`: recompute the audit chain and say where it breaks, if it does."""

from __future__ import annotations

import argparse
import sys

from pos.cli.common import add_db_option, open_store
from pos.services.integrity import describe

_REASONS = {
    "hash_mismatch": "its content no longer matches its hash (the entry was altered)",
    "prev_hash_mismatch": (
        "it does not follow the entry before it (an entry was deleted, inserted or rewritten)"
    ),
    "malformed_entry": (
        "it cannot be read (invalid JSON or NaN in its data, or a date that is not one: "
        "it was written outside Comptoir)"
    ),
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = sub.add_parser("audit", help="the tamper-evident audit log")
    actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help="check that no audit entry was altered or removed")
    add_db_option(verify)
    verify.add_argument("--public-key", metavar="HEX",
                        help="the shop's closure key to check signatures against "
                        "(default: the first closure's; docs/closing.md)")
    verify.set_defaults(handler=_verify)


def _verify(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        result = store.audit.verify()
        # Closures, documents and the chain's end (docs/closing.md, "What verify proves").
        checks = store.integrity.verify(public_key=getattr(args, "public_key", None))
    finally:
        store.close()
    for finding in checks.findings:
        print(f"not intact: {describe(finding)}", file=sys.stderr)
    if result.ok and not checks.findings:
        print(f"audit chain intact: {result.entries_checked} entries")
        print(f"head hash: {result.head_hash}")
        print(f"closures intact: {checks.closures}")
        return 0
    if result.ok:
        print(f"audit chain: {result.entries_checked} entries chain, but the closures and "
              "documents above show it was cut or rewritten", file=sys.stderr)
        return 1
    reason = _REASONS.get(result.reason or "", result.reason)
    print(
        f"audit chain broken at entry {result.first_broken_id}: {reason}; "
        f"{result.entries_checked} entries before it verified",
        file=sys.stderr,
    )
    return 1
