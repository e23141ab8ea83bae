"""The orders pull: orders changed since the watermark, with payments and refunds.

The recipe of wix-api.md §2.5 "Incremental pull": Search Orders filtered on
``updatedDate >= watermark − overlap``, sorted by ``updatedDate`` ascending, 100 a page; after
each page a fresh first-page search from the page's largest ``updatedDate``, except while a
page holds nothing newer than where it started (more ties on one millisecond than a page
holds), when the page's cursor is followed instead. Orders are deduplicated on
(``id``, ``updatedDate``) against this run and the database, their transactions fetched in
bulk, and each page is recorded in one transaction with the watermark.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeGuard

from pos.db import sync_state
from pos.sync.own_refunds import own_refund_ids, without_own_refunds
from pos.sync.paging import shape_error
from pos.sync.wix_orders import ID_CHARS, WixPayloadError, order_from_wix, parse_timestamp
from pos.sync.wix_payload import storable

if TYPE_CHECKING:
    from pos.sync.pull import PullRun

log = logging.getLogger(__name__)

SEARCH = "/ecom/v1/orders/search"
TRANSACTIONS = "/ecom/v1/payments/list-by-ids"
PAGE = 100  # the maximum of both calls
CURSOR_WATERMARK = "orders.watermark"
CURSOR_REJECTED = "orders.rejected"
SORT = [{"fieldName": "updatedDate", "order": "ASC"}]


@dataclass(frozen=True, slots=True)
class _Pulled:
    """One order of a page, with the fields the pull relies on already read."""

    order: Mapping[str, Any]
    wix_id: str
    updated: str
    updated_at: datetime


def pull(run: PullRun, *, max_pages: int | None) -> bool:
    """Pull the orders changed since the watermark.

    Returns:
        True when every page was read; False when `max_pages` stopped the pull.
    """
    with run.sessions() as session:
        run.watermark = sync_state.get_cursor(session, CURSOR_WATERMARK)
    lower = _start(run.watermark, run.puller.overlap)
    seen: set[tuple[str, str]] = set()
    cursor: str | None = None
    used: set[str] = set()
    while max_pages is None or run.pages < max_pages:
        orders, next_cursor = _search(run, lower, cursor)
        page_max = _record_page(run, orders, seen)
        run.tell(run.seen, None, "orders")
        if next_cursor is None:
            return True
        if page_max is not None and (lower is None or page_max > lower):
            lower, cursor = page_max, None  # fresh first page from the new watermark
        elif next_cursor in used:
            raise shape_error(SEARCH, "Wix sent the same orders cursor twice")
        else:
            cursor = next_cursor  # a page of ties only: walk on through them
            used.add(cursor)
    return False


def _start(watermark: str | None, overlap: timedelta) -> datetime | None:
    if watermark is None:
        return None
    try:
        return parse_timestamp(watermark, CURSOR_WATERMARK) - overlap
    except WixPayloadError:
        log.warning("unreadable orders watermark %r: pulling every order again", watermark)
        return None


def _search(
    run: PullRun, lower: datetime | None, cursor: str | None
) -> tuple[list[dict[str, Any]], str | None]:
    """One page of Search Orders: (orders, next cursor or None)."""
    if cursor is not None:
        query: dict[str, Any] = {"cursorPaging": {"limit": PAGE, "cursor": cursor}}
    else:
        query = {"sort": SORT, "cursorPaging": {"limit": PAGE}}
        if lower is not None:
            query["filter"] = {"updatedDate": {"$gte": wix_timestamp(lower)}}
    data = run.read(SEARCH, {"search": query}, any_of=("orders", "metadata"))
    run.pages += 1
    orders = data.get("orders") or []
    meta = data.get("metadata") or {}
    if not isinstance(orders, list) or not isinstance(meta, dict):
        raise shape_error(SEARCH, "orders or metadata of the wrong type")
    cursors = given if isinstance(given := meta.get("cursors"), dict) else {}
    following = cursors.get("next")
    if meta.get("hasNext") is False or not isinstance(following, str) or not following:
        following = None
    return orders, following


def wix_timestamp(moment: datetime) -> str:
    """``2026-03-01T09:00:00.000Z``: how Wix writes a time (UTC, milliseconds)."""
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _record_page(
    run: PullRun, orders: Sequence[Any], seen: set[tuple[str, str]]
) -> datetime | None:
    """Record a page's new orders; returns its largest ``updatedDate`` (None if none read)."""
    pulled = _read_page(run, orders, seen)
    if not pulled:
        return None
    newest = max(pulled, key=lambda p: p.updated_at)
    fresh = _unrecorded(run, pulled)
    transactions = _transactions(run, [p.wix_id for p in fresh])
    _commit_page(run, fresh, transactions, newest)
    return newest.updated_at


def _read_page(run: PullRun, orders: Sequence[Any], seen: set[tuple[str, str]]) -> list[_Pulled]:
    """The page's orders not met yet in this run; unreadable ones are rejected."""
    pulled = []
    for index, order in enumerate(orders):
        wix_id = order.get("id") if isinstance(order, dict) else None
        updated = order.get("updatedDate") if isinstance(order, dict) else None
        if not _readable_id(wix_id) or not isinstance(updated, str):
            shown = ascii(wix_id)[:80] if wix_id else f"orders[{index}]"
            if (shown, ascii(updated)) not in seen:
                seen.add((shown, ascii(updated)))
                run.reject(shown, "Wix sent an order without a readable id or updatedDate")
            continue
        if (wix_id, updated) in seen:
            continue
        seen.add((wix_id, updated))
        run.seen += 1
        try:
            moment = parse_timestamp(updated, "order.updatedDate")
        except WixPayloadError:
            run.reject(wix_id, f"unreadable updatedDate {updated!r}")
            continue
        pulled.append(_Pulled(order, wix_id, updated, moment))
    return pulled


def _readable_id(wix_id: object) -> TypeGuard[str]:
    """An order id the database can store and look up (not blank, no NUL, not too long)."""
    return (isinstance(wix_id, str) and bool(wix_id.strip()) and storable(wix_id)
            and len(wix_id) <= ID_CHARS)


def _unrecorded(run: PullRun, pulled: list[_Pulled]) -> list[_Pulled]:
    """Those not recorded yet at this very `updatedDate` (the database's half of the dedupe)."""
    with run.sessions() as session:
        known = sync_state.recorded_order_versions(session, [p.wix_id for p in pulled])
    return [p for p in pulled if known.get(p.wix_id) != p.updated_at]


def _transactions(run: PullRun, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Payments and refunds of `ids` (≤ 100: one page), by order id."""
    if not ids:
        return {}
    data = run.read(TRANSACTIONS, {"orderIds": ids}, any_of=("orderTransactions",))
    found = data.get("orderTransactions")
    if not isinstance(found, list):
        raise shape_error(TRANSACTIONS, "orderTransactions is not a list")
    return {
        str(entry.get("orderId")): entry
        for entry in found
        if isinstance(entry, dict) and entry.get("orderId")
    }


def _commit_page(
    run: PullRun, fresh: list[_Pulled], transactions: Mapping[str, Any], newest: _Pulled
) -> None:
    """Record the fresh orders and move the watermark, in one transaction."""
    now = run.now()
    with run.sessions.begin() as session:
        rejected = load_rejected(sync_state.get_cursor(session, CURSOR_REJECTED))
        before = dict(rejected)
        for item in fresh:
            reason = _record(session, item, transactions.get(item.wix_id))
            if reason is None:
                run.changed += 1
                rejected.pop(item.wix_id, None)
            else:
                run.reject(item.wix_id, reason)
                rejected[item.wix_id] = {"updatedDate": item.updated, "reason": reason}
        if rejected != before:
            sync_state.set_cursor(session, CURSOR_REJECTED, json.dumps(rejected), now=now)
        if _later(newest.updated_at, run.watermark):
            run.watermark = newest.updated
            sync_state.set_cursor(session, CURSOR_WATERMARK, newest.updated, now=now)


def _record(
    session: sync_state.SyncSession, item: _Pulled, transactions: Mapping[str, Any] | None
) -> str | None:
    """None when recorded, else why not (plain words, with the field's path)."""
    try:
        data = order_from_wix(item.order, transactions)
    except WixPayloadError as error:
        return f"Wix sent an order Comptoir cannot read: {error.summary}"
    if data.wix_id:  # our own write-backs are already counted by their counter documents
        try:
            data = without_own_refunds(data, transactions, own_refund_ids(session, data.wix_id))
        except (ValueError, TypeError, ArithmeticError):  # fields the order did not need
            return "Wix sent refunds of this order, written back by Comptoir, it cannot read"
    return sync_state.record_wix_order(session, data)


def _later(moment: datetime, watermark: str | None) -> bool:
    if watermark is None:
        return True
    try:
        return moment > parse_timestamp(watermark, CURSOR_WATERMARK)
    except WixPayloadError:
        return True


def load_rejected(text: str | None) -> dict[str, dict[str, str]]:
    """Orders Wix sent that could not be recorded, kept until they are (by order id): the
    `orders.rejected` cursor's ``{id: {"updatedDate", "reason"}}``."""
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
