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
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from pos.db import sync_stock as db
from pos.db.engine import SessionFactory
from pos.db.outbox import DONE, PARKED, PENDING
from pos.domain.clock import Clock
from pos.domain.states import OutboxState
from pos.sync import problems as pb
from pos.sync import stock_outcomes as oc
from pos.sync.client import (
    WixAmbiguousError,
    WixAuthError,
    WixBusyError,
    WixClient,
    WixRefusedError,
    WixResponseError,
)
from pos.sync.problems import CANNOT_READ_BACK

log = logging.getLogger(__name__)

V3_QUERY = "/stores/v3/inventory-items/query"
V3_BULK_UPDATE = "/stores/v3/bulk/inventory-items/update"
V1_QUERY = "/stores-reader/v2/inventoryItems/query"
V1_ADJUST = "/stores/v2/inventoryItems/{kind}"
WRITE_BATCH = 300  # inventory changes per call (wix-api.md §1.4, §2.2, §2.4)
V3_READ_PAGE = 1000
V1_READ_PAGE = 100
NEEDS_REVIEW = OutboxState.NEEDS_REVIEW
BUSY_DELAY = timedelta(seconds=60)  # 429 without Retry-After: "wait about a minute"


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
                batch = db.due_groups(session, now=self._clock.now())
            self._set_aside(batch.unreadable, PARKED, "not sent", report)
            groups = self._park_unlinked(batch.groups, report)
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
            batch = db.in_flight_groups(session)
        self._set_aside(batch.unreadable, NEEDS_REVIEW, "cannot be read back", report)
        groups = batch.groups
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

    def _set_aside(
        self, unreadable: list[db.Unreadable], state: OutboxState, words: str, report: PushReport
    ) -> None:
        """Park (due) or hand to a manager (in flight) the messages that are not stock changes.

        The words are the document steps' (`pos.sync.push`): "not sent: <what is wrong>".
        """
        if not unreadable:
            return
        with self._sessions.begin() as session:
            for found in unreadable:
                journal = dict(found.journal)
                if state == NEEDS_REVIEW:  # worded by the sync panel from the code
                    journal |= {"review_code": CANNOT_READ_BACK,
                                "review_params": {"detail": str(found.error)}}  # fmt: skip
                db.settle(session, found.ids, state=state, journal=journal,
                          error=f"{words}: {found.error}")  # fmt: skip
                log.warning("stock change(s) %s %s: %s", list(found.ids), words, found.error)
        for found in unreadable:
            _count(report, state, len(found.ids))

    def _park_unlinked(
        self, groups: list[db.StockGroup], report: PushReport
    ) -> list[db.StockGroup]:
        """Park the groups of variants that have no Wix ids ("not on Wix")."""
        unlinked = [g for g in groups if not g.wix_product_id or not g.wix_variant_id]
        outcomes = [
            oc.parked(g, pb.STOCK_NOT_LINKED, f"{oc.name(g)} is not on Wix (no Wix product or "
                      "variant id); its stock change stays in the shop")
            for g in unlinked
        ]  # fmt: skip
        self._record(outcomes, report)
        return [g for g in groups if g not in unlinked]

    # ------------------------------------------------------------------ V3

    def _push_v3(self, groups: list[db.StockGroup], report: PushReport) -> None:
        location = self._client.default_location_id()
        found = self._read_v3([str(g.wix_variant_id) for g in groups], report)
        ready: list[oc.Planned] = []
        outcomes: list[oc.Outcome] = []
        for group in groups:
            planned = oc.plan(group, found.get(str(group.wix_variant_id)), "V3", location)
            if isinstance(planned, oc.Outcome):
                outcomes.append(planned)
            else:
                ready.append(planned)
        self._record(outcomes, report)
        for chunk in oc.batches(ready, WRITE_BATCH):
            self._send_v3(chunk, report)

    def _read_v3(self, variant_ids: Sequence[str], report: PushReport) -> dict[str, oc.Found]:
        """Current items of the default location, keyed by Wix variant id."""
        location = self._client.default_location_id()
        found: dict[str, oc.Found] = {}
        for chunk in oc.batches(sorted(set(variant_ids)), V3_READ_PAGE):
            body = {"query": {"filter": {"variantId": {"$in": chunk}, "locationId": location}}}
            pages = self._client.cursor_pages(
                V3_QUERY, body, items_key="inventoryItems", limit=V3_READ_PAGE
            )
            for page in pages:
                report.read_calls += 1
                for item in page:
                    found[str(item.get("variantId"))] = oc.found_v3(item)
        return found

    def _send_v3(self, chunk: list[oc.Planned], report: PushReport) -> None:
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
        unknown: list[oc.Planned] = []
        outcomes = oc.v3_results(chunk, answer.get("results"), unknown)
        self._record(outcomes, report)
        if unknown:
            self._read_back_v3(unknown, report, why="Wix gave no result for these items")

    def _read_back_v3(self, planned: list[oc.Planned], report: PushReport, *, why: str) -> None:
        found = self._read_v3([str(j.get("wix_variant_id")) for _, j in planned], report)
        self._record([oc.judge(g, j, found.get(str(j.get("wix_variant_id"))), why)
                      for g, j in planned], report)  # fmt: skip

    # ------------------------------------------------------------------ V1

    def _push_v1(self, groups: list[db.StockGroup], report: PushReport) -> None:
        found = self._read_v1([str(g.wix_product_id) for g in groups], report)
        ready: list[oc.Planned] = []
        outcomes: list[oc.Outcome] = []
        for group in groups:
            key = f"{group.wix_product_id}/{group.wix_variant_id}"
            planned = oc.plan(group, found.get(key), "V1", None)
            if isinstance(planned, oc.Outcome):
                outcomes.append(planned)
            else:
                ready.append(planned)
        self._record(outcomes, report)
        for kind in ("increment", "decrement"):
            same_way = [p for p in ready if (p[1]["delta"] > 0) == (kind == "increment")]
            for chunk in oc.batches(same_way, WRITE_BATCH):
                self._send_v1(kind, chunk, report)

    def _read_v1(self, product_ids: Sequence[str], report: PushReport) -> dict[str, oc.Found]:
        """Per-variant counts of the products' inventory items, keyed ``product/variant``."""
        found: dict[str, oc.Found] = {}
        for chunk in oc.batches(sorted(set(product_ids)), V1_READ_PAGE):
            body = {"query": {"filter": json.dumps({"productId": {"$in": chunk}})}}
            pages = self._client.offset_pages(
                V1_QUERY, body, items_key="inventoryItems", limit=V1_READ_PAGE
            )
            for page in pages:
                report.read_calls += 1
                for item in page:
                    found.update(oc.found_v1(item))
        return found

    def _send_v1(self, kind: str, chunk: list[oc.Planned], report: PushReport) -> None:
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
            self._record([oc.applied(g, j) for g, j in chunk], report)

    def _read_back_v1(self, planned: list[oc.Planned], report: PushReport, *, why: str) -> None:
        found = self._read_v1([str(j.get("product_id")) for _, j in planned], report)
        self._record([oc.judge(g, j, found.get(f"{j.get('product_id')}/{j.get('wix_variant_id')}"),
                             why) for g, j in planned], report)  # fmt: skip

    # ------------------------------------------------------------------ shared steps

    def _start(self, chunk: list[oc.Planned], report: PushReport) -> bool:
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
        self, chunk: list[oc.Planned], report: PushReport, path: str, body: dict[str, Any],
        read_back: Any,
    ) -> dict[str, Any] | None:  # fmt: skip
        """Send one write; on failure record the outcome and return None.

        Raises:
            WixBusyError: After recording the chunk as "retry later" (unreachable, 429, 503).
            WixAuthError: The same, when Wix refused the credentials.
        """
        report.write_calls += 1
        report.items_written += len(chunk)
        try:
            return self._client.write("POST", path, body)
        except (WixBusyError, WixAuthError) as error:  # not applied: later (auth: once fixed)
            later = self._clock.now() + timedelta(seconds=error.retry_after or 0) + BUSY_DELAY
            self._record([oc.Outcome(g, PENDING, oc.settled(j), error.message, later)
                          for g, j in chunk], report)  # fmt: skip
            raise
        except (WixAmbiguousError, WixResponseError) as error:
            read_back(chunk, report, why=error.message)
        except WixRefusedError as error:
            self._record([oc.refused(g, j, error) for g, j in chunk], report)
        return None

    def _record(self, outcomes: Sequence[oc.Outcome], report: PushReport) -> None:
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


def _count(report: PushReport, state: str, n: int) -> None:
    if state == DONE:
        report.done += n
    elif state == PENDING:
        report.retry += n
    elif state == PARKED:
        report.parked += n
    else:
        report.needs_review += n
