"""Pushing the counter's stock deltas to Wix, relative to Wix's current count, exactly once.

All due ``wix.stock_delta`` messages of a variant are summed into one change. On a V3 site the
pusher reads the items (``variantId $in``, default location, ≤1000 a page), journals the count
and revision it expects, then sends revision-checked bulk updates (≤300 items a call): a stale
revision is refused by Wix and the item is re-read and recomputed next round, never added twice.
On a V1 site (no revision) it journals the expected counts and sends bulk increments/decrements.
An ambiguous outcome is never re-sent blindly: the items are read back and compared with the
journal — applied, not applied, or *needs review* (someone else changed the item meanwhile).
See docs/sync.md.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, TypeVar

from pos.db import sync_stock as db
from pos.db.engine import SessionFactory
from pos.db.outbox import DONE, PARKED, PENDING
from pos.domain.clock import Clock
from pos.sync.client import (
    WixAmbiguousError,
    WixBusyError,
    WixClient,
    WixRefusedError,
    WixResponseError,
)

log = logging.getLogger(__name__)

V3_QUERY = "/stores/v3/inventory-items/query"
V3_BULK_UPDATE = "/stores/v3/bulk/inventory-items/update"
V1_QUERY = "/stores-reader/v2/inventoryItems/query"
V1_ADJUST = "/stores/v2/inventoryItems/{kind}"
WRITE_BATCH = 300  # inventory changes per call (wix-api.md §1.4, §2.2, §2.4)
V3_READ_PAGE = 1000
V1_READ_PAGE = 100
BUSY_DELAY = timedelta(seconds=60)  # 429 without Retry-After: "wait about a minute"
MAX_QUANTITY = 99999
NEEDS_REVIEW = db.NEEDS_REVIEW
T = TypeVar("T")


@dataclass
class PushReport:
    """What one `StockPusher.run_once` did. Counts are outbox messages unless said otherwise.

    Attributes:
        items_written: Variants sent in a write call.
        write_calls: Bulk update / increment / decrement calls.
        read_calls: Inventory queries (reads and read-backs).
        requests: HTTP requests made by the client during the run (retries included).
        notes: Plain-words remarks (e.g. another runner took a message).
    """

    done: int = 0
    retry: int = 0
    parked: int = 0
    needs_review: int = 0
    items_written: int = 0
    write_calls: int = 0
    read_calls: int = 0
    requests: int = 0
    notes: list[str] = field(default_factory=list)


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
    state: str
    journal: dict[str, Any]
    error: str = ""
    next_attempt_at: datetime | None = None
    wix: tuple[int, str | None] | None = None  # the count and revision Wix now holds


Planned = tuple[db.StockGroup, dict[str, Any]]


class _Taken(Exception):
    """Another runner started one of the messages first."""


class StockPusher:
    """Drains the ``wix.stock_delta`` messages, coalesced per variant, in bulk.

    Only the sync leader runs it. All of its state is in the outbox (journal and states), so
    a new pusher after a crash reads back what was left in flight before anything else.
    """

    def __init__(self, *, client: WixClient, sessions: SessionFactory, clock: Clock) -> None:
        self._client, self._sessions, self._clock = client, sessions, clock

    def run_once(self) -> PushReport:
        """Resolve attempts left in flight, then push every due stock delta once.

        Returns:
            The counts of this run.

        Raises:
            WixBusyError: Wix is unreachable or busy (the affected messages wait for a retry).
            WixAmbiguousError: A read failed after its retries (messages stay journaled in
                flight and are read back next run).
        """
        report, start = PushReport(), self._client.requests_made
        try:
            self._recover(report)
            with self._sessions() as session:
                groups = db.due_groups(session, now=self._clock.now())
            groups = self._park_unlinked(groups, report)
            if groups and self._v3():
                self._push_v3(groups, report)
            elif groups:
                self._push_v1(groups, report)
        finally:
            report.requests = self._client.requests_made - start
        return report

    def _v3(self) -> bool:
        return self._client.catalog_version() == "V3_CATALOG"

    # ------------------------------------------------------------------ recovery

    def _recover(self, report: PushReport) -> None:
        """Read back the groups a previous run left in flight, and record what happened."""
        with self._sessions() as session:
            groups = db.in_flight_groups(session)
        if not groups:
            return
        log.info("%d stock change(s) were left in flight: reading Wix back", len(groups))
        planned = [(group, group.journal) for group in groups]
        v3 = [p for p in planned if p[1].get("catalog") == "V3"]
        v1 = [p for p in planned if p[1].get("catalog") != "V3"]
        if v3:
            self._read_back_v3(v3, report, why="the previous run stopped before the answer")
        if v1:
            self._read_back_v1(v1, report, why="the previous run stopped before the answer")

    def _park_unlinked(
        self, groups: list[db.StockGroup], report: PushReport
    ) -> list[db.StockGroup]:
        """Park the groups of variants that have no Wix ids ("not on Wix")."""
        unlinked = [g for g in groups if not g.wix_product_id or not g.wix_variant_id]
        outcomes = [
            Outcome(g, PARKED, {}, f"{_name(g)} is not on Wix (no Wix product or variant id); "
                    "its stock change stays in the shop")
            for g in unlinked
        ]  # fmt: skip
        self._record(outcomes, report)
        return [g for g in groups if g not in unlinked]

    # ------------------------------------------------------------------ V3

    def _push_v3(self, groups: list[db.StockGroup], report: PushReport) -> None:
        location = self._client.default_location_id()
        found = self._read_v3([str(g.wix_variant_id) for g in groups], report)
        ready: list[Planned] = []
        outcomes: list[Outcome] = []
        for group in groups:
            planned = _plan(group, found.get(str(group.wix_variant_id)), "V3", location)
            if isinstance(planned, Outcome):
                outcomes.append(planned)
            else:
                ready.append(planned)
        self._record(outcomes, report)
        for chunk in _batches(ready, WRITE_BATCH):
            self._send_v3(chunk, report)

    def _read_v3(self, variant_ids: Sequence[str], report: PushReport) -> dict[str, Found]:
        """Current items of the default location, keyed by Wix variant id."""
        location = self._client.default_location_id()
        found: dict[str, Found] = {}
        for chunk in _batches(sorted(set(variant_ids)), V3_READ_PAGE):
            body = {"query": {"filter": {"variantId": {"$in": chunk}, "locationId": location}}}
            pages = self._client.cursor_pages(
                V3_QUERY, body, items_key="inventoryItems", limit=V3_READ_PAGE
            )
            for page in pages:
                report.read_calls += 1
                for item in page:
                    found[str(item.get("variantId"))] = _found_v3(item)
        return found

    def _send_v3(self, chunk: list[Planned], report: PushReport) -> None:
        if not self._start(chunk, report):
            return
        body = {
            "inventoryItems": [
                {"inventoryItem": {"id": j["item_id"], "revision": j["revision_before"],
                                   "quantity": j["expected_quantity"]}}
                for _, j in chunk
            ],
            "returnEntity": True,
            "reason": "MANUAL",
        }  # fmt: skip
        answer = self._write(chunk, report, V3_BULK_UPDATE, body, self._read_back_v3)
        if answer is None:
            return
        unknown: list[Planned] = []
        outcomes = _v3_results(chunk, answer.get("results"), unknown)
        self._record(outcomes, report)
        if unknown:
            self._read_back_v3(unknown, report, why="Wix gave no result for these items")

    def _read_back_v3(self, planned: list[Planned], report: PushReport, *, why: str) -> None:
        found = self._read_v3([str(j.get("wix_variant_id")) for _, j in planned], report)
        self._record([_judge(g, j, found.get(str(j.get("wix_variant_id"))), why)
                      for g, j in planned], report)  # fmt: skip

    # ------------------------------------------------------------------ V1

    def _push_v1(self, groups: list[db.StockGroup], report: PushReport) -> None:
        found = self._read_v1([str(g.wix_product_id) for g in groups], report)
        ready: list[Planned] = []
        outcomes: list[Outcome] = []
        for group in groups:
            key = f"{group.wix_product_id}/{group.wix_variant_id}"
            planned = _plan(group, found.get(key), "V1", None)
            if isinstance(planned, Outcome):
                outcomes.append(planned)
            else:
                ready.append(planned)
        self._record(outcomes, report)
        for kind in ("increment", "decrement"):
            same_way = [p for p in ready if (p[1]["delta"] > 0) == (kind == "increment")]
            for chunk in _batches(same_way, WRITE_BATCH):
                self._send_v1(kind, chunk, report)

    def _read_v1(self, product_ids: Sequence[str], report: PushReport) -> dict[str, Found]:
        """Per-variant counts of the products' inventory items, keyed ``product/variant``."""
        found: dict[str, Found] = {}
        for chunk in _batches(sorted(set(product_ids)), V1_READ_PAGE):
            body = {"query": {"filter": json.dumps({"productId": {"$in": chunk}})}}
            pages = self._client.offset_pages(
                V1_QUERY, body, items_key="inventoryItems", limit=V1_READ_PAGE
            )
            for page in pages:
                report.read_calls += 1
                for item in page:
                    found.update(_found_v1(item))
        return found

    def _send_v1(self, kind: str, chunk: list[Planned], report: PushReport) -> None:
        if not self._start(chunk, report):
            return
        by = f"{kind}By"
        entries = [
            {"productId": j["product_id"], "variantId": j["wix_variant_id"], by: abs(j["delta"])}
            for _, j in chunk
        ]
        if kind == "decrement":
            entries = [{**entry, "preorderRequest": False} for entry in entries]
        path = V1_ADJUST.format(kind=kind)
        answer = self._write(chunk, report, path, {f"{kind}Data": entries}, self._read_back_v1)
        if answer is not None:
            self._record([_applied(g, j) for g, j in chunk], report)

    def _read_back_v1(self, planned: list[Planned], report: PushReport, *, why: str) -> None:
        found = self._read_v1([str(j.get("product_id")) for _, j in planned], report)
        self._record([_judge(g, j, found.get(f"{j.get('product_id')}/{j.get('wix_variant_id')}"),
                             why) for g, j in planned], report)  # fmt: skip

    # ------------------------------------------------------------------ shared steps

    def _start(self, chunk: list[Planned], report: PushReport) -> bool:
        """Journal the chunk and mark it in flight, committed before anything is sent."""
        since = self._clock.now().isoformat()
        try:
            with self._sessions.begin() as session:
                for group, journal in chunk:
                    journal = {**journal, "in_flight_since": since}
                    if not db.start_attempt(session, group.ids, journal=journal):
                        raise _Taken
        except _Taken:
            report.notes.append("another sync runner took some stock changes; left to it")
            return False
        return True

    def _write(
        self, chunk: list[Planned], report: PushReport, path: str, body: dict[str, Any],
        read_back: Any,
    ) -> dict[str, Any] | None:  # fmt: skip
        """Send one write; on failure record the outcome and return None.

        Raises:
            WixBusyError: After recording the chunk as "retry later" (unreachable, 429, 503).
        """
        report.write_calls += 1
        report.items_written += len(chunk)
        try:
            return self._client.write("POST", path, body)
        except WixBusyError as error:
            later = self._clock.now() + timedelta(seconds=error.retry_after or 0) + BUSY_DELAY
            self._record([Outcome(g, PENDING, _settled(j), error.message, later)
                          for g, j in chunk], report)  # fmt: skip
            raise
        except (WixAmbiguousError, WixResponseError) as error:
            read_back(chunk, report, why=error.message)
        except WixRefusedError as error:
            self._record([_refused(g, j, error) for g, j in chunk], report)
        return None

    def _record(self, outcomes: Sequence[Outcome], report: PushReport) -> None:
        """Write the outcomes in one transaction; delivered ones mark their movements pushed."""
        if not outcomes:
            return
        now = self._clock.now()
        with self._sessions.begin() as session:
            for o in outcomes:
                journal = (
                    {**o.journal, "done_at": now.isoformat()} if o.state == DONE else o.journal
                )
                db.settle(session, o.group.ids, state=o.state, journal=journal, error=o.error,
                          next_attempt_at=o.next_attempt_at)  # fmt: skip
                if o.wix is not None:
                    db.record_wix_stock(session, o.group.variant_id, quantity=o.wix[0],
                                        revision=o.wix[1], now=now)  # fmt: skip
                if o.state == DONE:
                    db.mark_pushed(session, o.group.variant_id, o.group.messages, now=now)
        for o in outcomes:
            _count(report, o.state, len(o.group.messages))


# ---------------------------------------------------------------------- pure helpers


def _plan(
    group: db.StockGroup, found: Found | None, catalog: str, location: str | None
) -> Planned | Outcome:
    """The journal of the change to send, or the outcome when nothing is to be sent."""
    if found is None:
        return Outcome(group, PARKED, {}, f"{_name(group)} has no stock record on Wix at the "
                       "shop's location; its stock change stays in the shop")  # fmt: skip
    if found.quantity is None:
        return Outcome(group, PARKED, {}, f"Wix does not count the stock of {_name(group)} "
                       "(in stock / out of stock only); nothing was sent")  # fmt: skip
    expected = found.quantity + group.delta
    journal = {
        "group": uuid.uuid4().hex, "catalog": catalog, "variant_id": group.variant_id,
        "sku": group.sku, "wix_variant_id": group.wix_variant_id,
        "product_id": group.wix_product_id, "item_id": found.item_id, "location_id": location,
        "quantity_before": found.quantity, "revision_before": found.revision,
        "delta": group.delta, "expected_quantity": expected, "messages": group.ids,
        "expected_revision": _next_revision(found.revision),
    }  # fmt: skip
    if group.delta == 0:
        return Outcome(group, DONE, {**journal, "net_zero": True}, wix=(found.quantity,
                       found.revision))  # fmt: skip
    floor = 0 if catalog == "V1" else -MAX_QUANTITY
    if not floor <= expected <= MAX_QUANTITY:
        return _review(
            group,
            journal,
            found,
            f"Wix shows {found.quantity} of {_name(group)}; "
            f"the change {group.delta:+d} would make {expected}, which Wix refuses",
        )
    return group, journal


def _judge(group: db.StockGroup, journal: dict[str, Any], found: Found | None, why: str) -> Outcome:
    """Read-back verdict on an attempt whose outcome is unknown (DESIGN §7)."""
    expected, before = journal.get("expected_quantity"), journal.get("quantity_before")
    if found is None:
        return _review(group, journal, None, f"{why}; and {_name(group)} is no longer on Wix")
    if journal.get("catalog") == "V3":
        if found.revision == journal.get("revision_before"):
            return _retry(group, journal, f"{why}; Wix did not apply it (same revision)")
        applied = found.revision == journal.get("expected_revision")
        if applied and found.quantity == expected:
            return Outcome(group, DONE, _settled(journal), wix=(expected, found.revision))
    else:
        if found.quantity == expected:
            return Outcome(group, DONE, _settled(journal), wix=(expected, None))
        if found.quantity == before:
            return _retry(group, journal, f"{why}; Wix did not apply it (count unchanged)")
    return _review(
        group, journal, found,
        f"{why}, and the count of {_name(group)} also changed on Wix meanwhile: expected "
        f"{expected} ({before} {journal.get('delta', 0):+d}), Wix shows {found.quantity}. "
        "Check the shelf, then mark it done, resend or drop",
    )  # fmt: skip


def _v3_results(chunk: list[Planned], results: Any, unknown: list[Planned]) -> list[Outcome]:
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
            item = meta.get("item") if isinstance(meta.get("item"), dict) else {}
            revision = item.get("revision") or journal["expected_revision"]
            outcomes.append(_applied(group, {**journal, "applied_revision": revision}))
        else:
            outcomes.append(_item_refused(group, journal, meta.get("error") or {}))
    return outcomes


def _item_refused(group: db.StockGroup, journal: dict[str, Any], error: Any) -> Outcome:
    code = str(error.get("code") or "") if isinstance(error, dict) else ""
    text = str(error.get("description") or code) if isinstance(error, dict) else ""
    if any(word in code.upper() for word in ("REVISION", "CONFLICT", "ALREADY_CHANGED")):
        return _retry(group, journal, f"the count of {_name(group)} changed on Wix since it was "
                      "read; it will be read again and the change recomputed")  # fmt: skip
    return Outcome(
        group,
        PARKED,
        _settled(journal),
        f"Wix refused the new count of {_name(group)}: {text or 'no reason given'}",
    )


def _refused(group: db.StockGroup, journal: dict[str, Any], error: WixRefusedError) -> Outcome:
    """A whole write refused (not applied): a stock race is retried, anything else parked."""
    race = error.status == 409 or (error.status == 428 and "INSUFFICIENT" in error.code.upper())
    if race:
        return _retry(group, journal, f"{error.message}; it will be read again and recomputed")
    return Outcome(group, PARKED, _settled(journal), error.message)


def _applied(group: db.StockGroup, journal: dict[str, Any]) -> Outcome:
    revision = journal.get("applied_revision")
    if journal.get("catalog") != "V3":
        revision = None
    return Outcome(group, DONE, _settled(journal), wix=(journal["expected_quantity"], revision))


def _retry(group: db.StockGroup, journal: dict[str, Any], why: str) -> Outcome:
    return Outcome(group, PENDING, _settled(journal), why)


def _review(
    group: db.StockGroup, journal: dict[str, Any], found: Found | None, why: str
) -> Outcome:
    numbers = {
        **_settled(journal),
        "found_quantity": None if found is None else found.quantity,
        "found_revision": None if found is None else found.revision,
        "review_reason": why,
    }
    return Outcome(group, NEEDS_REVIEW, numbers, why)


def _settled(journal: dict[str, Any]) -> dict[str, Any]:
    """The journal as kept after an attempt: its start becomes ``last_attempt_at``."""
    settled = dict(journal)
    since = settled.pop("in_flight_since", None)
    if since is not None:
        settled["last_attempt_at"] = since
    return settled


def _count(report: PushReport, state: str, n: int) -> None:
    if state == DONE:
        report.done += n
    elif state == PENDING:
        report.retry += n
    elif state == PARKED:
        report.parked += n
    else:
        report.needs_review += n


def _found_v3(item: dict[str, Any]) -> Found:
    quantity = item.get("quantity")
    tracked = item.get("trackQuantity", True) is not False and isinstance(quantity, int)
    revision = item.get("revision")
    return Found(str(item.get("id")), quantity if tracked else None,
                 None if revision is None else str(revision))  # fmt: skip


def _found_v1(item: dict[str, Any]) -> dict[str, Found]:
    tracked = item.get("trackQuantity") is not False
    found = {}
    for variant in item.get("variants") or []:
        quantity = variant.get("quantity")
        counted = tracked and isinstance(quantity, int)
        key = f"{item.get('productId')}/{variant.get('variantId')}"
        found[key] = Found(str(item.get("id")), quantity if counted else None, None)
    return found


def _next_revision(revision: str | None) -> str | None:
    return str(int(revision) + 1) if revision is not None and revision.isdigit() else None


def _name(group: db.StockGroup) -> str:
    return f"SKU {group.sku}" if group.sku else f"variant {group.variant_id}"


def _batches(items: Sequence[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])
