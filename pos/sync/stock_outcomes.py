"""The pure half of the stock push: planning a group's change and judging what Wix shows.

No I/O: `pos.sync.stock_push` reads and writes; these functions decide, from a variant's summed
delta, its journal and what Wix holds, whether the change is applied, to retry, parked or
needs a manager's review (with the numbers).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from pos.db import sync_stock as db
from pos.db.outbox import DONE, PARKED, PENDING
from pos.domain.states import OutboxState
from pos.sync import problems as pb
from pos.sync.client import WixRefusedError

MAX_QUANTITY = 99999
NEEDS_REVIEW = db.NEEDS_REVIEW
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Found:
    """What Wix shows for one variant: its item, count (None: not counted) and revision."""

    item_id: str
    quantity: int | None
    revision: str | None


@dataclass(frozen=True, slots=True)
class Outcome:
    """How a group's attempt ended, to be recorded in the outbox."""

    group: db.StockGroup
    state: OutboxState
    journal: dict[str, Any]
    error: str = ""
    next_attempt_at: datetime | None = None
    wix: tuple[int, str | None] | None = None  # the count and revision Wix now holds


Planned = tuple[db.StockGroup, dict[str, Any]]


def plan(
    group: db.StockGroup, found: Found | None, catalog: str, location: str | None
) -> Planned | Outcome:
    """The journal of the change to send, or the outcome when nothing is to be sent."""
    if found is None:
        return parked(group, pb.STOCK_NO_RECORD, f"{name(group)} has no stock record on Wix "
                      "at the shop's location; its stock change stays in the shop")  # fmt: skip
    if found.quantity is None:
        return parked(
            group,
            pb.STOCK_NOT_COUNTED,
            f"Wix does not count the stock of {name(group)} (in stock / out of stock only); "
            "nothing was sent",
        )
    expected = found.quantity + group.delta
    journal = {
        "group": uuid.uuid4().hex, "catalog": catalog, "variant_id": group.variant_id,
        "sku": group.sku, "wix_variant_id": group.wix_variant_id,
        "product_id": group.wix_product_id, "item_id": found.item_id, "location_id": location,
        "quantity_before": found.quantity, "revision_before": found.revision,
        "delta": group.delta, "expected_quantity": expected, "messages": group.ids,
        "expected_revision": next_revision(found.revision),
    }  # fmt: skip
    if group.delta == 0:
        return Outcome(group, DONE, {**journal, "net_zero": True}, wix=(found.quantity,
                       found.revision))  # fmt: skip
    floor = 0 if catalog == "V1" else -MAX_QUANTITY
    if not floor <= expected <= MAX_QUANTITY:
        return review(
            group,
            journal,
            found,
            f"Wix shows {found.quantity} of {name(group)}; "
            f"the change {group.delta:+d} would make {expected}, which Wix refuses",
            pb.STOCK_OUT_OF_RANGE,
        )
    return group, journal


def judge(group: db.StockGroup, journal: dict[str, Any], found: Found | None, why: str) -> Outcome:
    """Read-back verdict on an attempt whose outcome is unknown (DESIGN §7)."""
    expected, before = journal.get("expected_quantity"), journal.get("quantity_before")
    if found is None:
        return review(group, journal, None, f"{why}; and {name(group)} is no longer on Wix",
                      pb.STOCK_GONE, cause=why)  # fmt: skip
    if journal.get("catalog") == "V3":
        if found.revision == journal.get("revision_before"):
            return retry(group, journal, f"{why}; Wix did not apply it (same revision)")
        applied = found.revision == journal.get("expected_revision")
        if applied and found.quantity is not None and found.quantity == expected:
            return Outcome(group, DONE, settled(journal), wix=(found.quantity, found.revision))
    else:
        if found.quantity is not None and found.quantity == expected:
            return Outcome(group, DONE, settled(journal), wix=(found.quantity, None))
        if found.quantity == before:
            return retry(group, journal, f"{why}; Wix did not apply it (count unchanged)")
    return review(
        group, journal, found,
        f"{why}, and the count of {name(group)} also changed on Wix meanwhile: expected "
        f"{expected} ({before} {journal.get('delta', 0):+d}), Wix shows {found.quantity}. "
        "Check the shelf, then mark it done, resend or drop", pb.STOCK_CHANGED, cause=why,
    )  # fmt: skip


def v3_results(chunk: list[Planned], results: Any, unknown: list[Planned]) -> list[Outcome]:
    """Outcomes of a bulk update's per-item results; items without a result go to `unknown`."""
    metas: dict[int, dict[str, Any]] = {}
    for result in results if isinstance(results, list) else []:
        meta = result.get("itemMetadata") if isinstance(result, dict) else None
        if isinstance(meta, dict) and isinstance(meta.get("originalIndex"), int):
            metas[meta["originalIndex"]] = {**meta, "item": result.get("item")}
    outcomes = []
    for index, (group, journal) in enumerate(chunk):
        meta = metas.get(index)
        if meta is None:
            unknown.append((group, journal))
        elif meta.get("success"):
            item = found_item if isinstance(found_item := meta.get("item"), dict) else {}
            revision = item.get("revision") or journal["expected_revision"]
            outcomes.append(applied(group, {**journal, "applied_revision": revision}))
        else:
            outcomes.append(item_refused(group, journal, meta.get("error") or {}))
    return outcomes


def item_refused(group: db.StockGroup, journal: dict[str, Any], error: Any) -> Outcome:
    code = str(error.get("code") or "") if isinstance(error, dict) else ""
    text = str(error.get("description") or code) if isinstance(error, dict) else ""
    if any(word in code.upper() for word in ("REVISION", "CONFLICT", "ALREADY_CHANGED")):
        return retry(group, journal, f"the count of {name(group)} changed on Wix since it was "
                      "read; it will be read again and the change recomputed")  # fmt: skip
    return Outcome(
        group,
        PARKED,
        settled(journal),
        f"Wix refused the new count of {name(group)}: {text or 'no reason given'}",
    )


def refused(group: db.StockGroup, journal: dict[str, Any], error: WixRefusedError) -> Outcome:
    """A whole write refused (not applied): a stock race is retried, anything else parked."""
    race = error.status == 409 or (error.status == 428 and "INSUFFICIENT" in error.code.upper())
    if race:
        return retry(group, journal, f"{error.message}; it will be read again and recomputed")
    return Outcome(group, PARKED, settled(journal), error.message)


def applied(group: db.StockGroup, journal: dict[str, Any]) -> Outcome:
    revision = journal.get("applied_revision")
    if journal.get("catalog") != "V3":
        revision = None
    return Outcome(group, DONE, settled(journal), wix=(journal["expected_quantity"], revision))


def parked(group: db.StockGroup, code: str, why: str) -> Outcome:
    """Parked before anything was sent: `why` in English for the log; `code` for the screen."""
    journal = {"review_code": code, "review_params": {"name": name(group)}}
    if group.sku:  # the screen names the variant by its reference in its own words
        journal["sku"] = group.sku
    return Outcome(group, PARKED, journal, why)


def retry(group: db.StockGroup, journal: dict[str, Any], why: str) -> Outcome:
    return Outcome(group, PENDING, settled(journal), why)


def review(group: db.StockGroup, journal: dict[str, Any], found: Found | None, why: str,
           code: str, *, cause: str = "") -> Outcome:  # fmt: skip
    """Needs review: `why` in English for the log; `code` and what left the outcome unknown
    (`cause`: a known sentence becomes a code, else Wix's words are kept) for the screen."""
    cause_code = pb.STOCK_CAUSES.get(cause, pb.CAUSE_LOST) if cause else ""
    numbers = {
        **settled(journal),
        "found_quantity": None if found is None else found.quantity,
        "found_revision": None if found is None else found.revision,
        "review_reason": why,
        "review_code": code,
        "review_params": {"name": name(group), "cause": cause_code,
                          **({"detail": cause} if cause_code == pb.CAUSE_LOST else {})},
    }  # fmt: skip
    return Outcome(group, NEEDS_REVIEW, numbers, why)


def settled(journal: dict[str, Any]) -> dict[str, Any]:
    """The journal as kept after an attempt: its start becomes ``last_attempt_at``."""
    settled = dict(journal)
    since = settled.pop("in_flight_since", None)
    if since is not None:
        settled["last_attempt_at"] = since
    return settled


def found_v3(item: dict[str, Any]) -> Found:
    quantity = item.get("quantity")
    tracked = item.get("trackQuantity", True) is not False and isinstance(quantity, int)
    revision = item.get("revision")
    return Found(str(item.get("id")), quantity if tracked else None,
                 None if revision is None else str(revision))  # fmt: skip


def found_v1(item: dict[str, Any]) -> dict[str, Found]:
    tracked = item.get("trackQuantity") is not False
    found = {}
    for variant in item.get("variants") or []:
        quantity = variant.get("quantity")
        counted = tracked and isinstance(quantity, int)
        key = f"{item.get('productId')}/{variant.get('variantId')}"
        found[key] = Found(str(item.get("id")), quantity if counted else None, None)
    return found


def next_revision(revision: str | None) -> str | None:
    return str(int(revision) + 1) if revision is not None and revision.isdigit() else None


def name(group: db.StockGroup) -> str:
    return f"SKU {group.sku}" if group.sku else f"variant {group.variant_id}"


def batches(items: Sequence[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])
