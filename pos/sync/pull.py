"""Pull from Wix into the local database: catalogue, stock of the shop's location, orders.

`Puller` is what the sync engine calls; each pull commits page by page (a page and its
cursor in one transaction), so an interrupted pull resumes where the last commit left off.
See docs/sync-pull.md.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pos.db.engine import SessionFactory
from pos.domain.clock import Clock
from pos.sync import pull_catalog, pull_orders, pull_stock
from pos.sync.client import WixClient, WixResponseError
from pos.sync.paging import shape_error, walk_cursor, walk_offset

log = logging.getLogger(__name__)

Progress = Callable[[int, int | None, str], None]
Page = list[dict[str, Any]]
UNREADABLE_ATTEMPTS = 3  # a 2xx answer that cannot be read: asked again, at most this often
ORDERS_OVERLAP = timedelta(minutes=2)  # wix-api.md §2.5: the search index may lag the writes


@dataclass(frozen=True, slots=True)
class Rejection:
    """Something Wix sent that was not recorded, and why (plain words)."""

    wix_id: str
    reason: str


@dataclass(frozen=True, slots=True)
class PullReport:
    """What one pull did.

    Attributes:
        kind: ``"catalog"``, ``"stock"`` or ``"orders"``.
        seen: Items read from Wix (variants, stock items or orders; products not counted).
        changed: Local records created or changed (0 when pulling again with no change).
        rejected: Items not recorded, each with its Wix id and the reason.
        pages: Pages of results read.
        requests: HTTP requests made, retries included.
        complete: False when `max_pages` stopped the pull before the end.
        catalog_version: ``"V1_CATALOG"`` or ``"V3_CATALOG"`` (catalogue and stock pulls).
        watermark: The orders watermark after the pull (largest ``updatedDate`` recorded).
    """

    kind: str
    seen: int
    changed: int
    rejected: tuple[Rejection, ...]
    pages: int
    requests: int
    complete: bool = True
    catalog_version: str | None = None
    watermark: str | None = None


class PullRun:
    """One pull in progress: its reads, its progress callback and its tally.

    Reads go through `WixClient.read` (which retries 429/503/5xx/timeouts/drops); an answer
    that arrives but cannot be read (truncated, wrong shape) is asked again here, at most
    `UNREADABLE_ATTEMPTS` times: a read changes nothing, so asking again is always safe.
    """

    def __init__(self, *, puller: Puller, kind: str, progress: Progress | None) -> None:
        self.client, self.sessions = puller.client, puller.sessions
        self.puller, self.kind = puller, kind
        self._progress = progress
        self._requests_before = self.client.requests_made
        self.seen = self.changed = self.pages = 0
        self.rejected: list[Rejection] = []
        self.catalog_version: str | None = None
        self.watermark: str | None = None
        self.last_answer: dict[str, Any] = {}

    def now(self) -> datetime:
        return self.puller.clock.now()

    def read(self, path: str, body: dict[str, Any], *, any_of: tuple[str, ...]) -> dict[str, Any]:
        """POST a query; the answer must hold at least one of the keys `any_of`.

        Raises:
            WixError: As `WixClient.read`; `WixResponseError` when every answer was unreadable.
        """
        for attempt in range(1, UNREADABLE_ATTEMPTS + 1):
            try:
                data = self.client.read("POST", path, body)
                if not any(key in data for key in any_of):
                    raise shape_error(path, f"none of {', '.join(any_of)} in the answer")
            except WixResponseError as error:
                if attempt >= UNREADABLE_ATTEMPTS:
                    raise
                log.info("Wix %s: unreadable answer (%s); asking again", path, error.code)
                continue
            self.last_answer = data
            return data
        raise AssertionError("unreachable")  # pragma: no cover

    def cursor_pages(
        self, path: str, body: dict[str, Any], *, items_key: str, limit: int, meta_key: str
    ) -> Iterator[Page]:
        """Pages of a cursor-paged query (`WixClient.cursor_pages`, with `read`'s retry)."""

        def read(_method: str, page_path: str, page_body: dict[str, Any]) -> dict[str, Any]:
            return self.read(page_path, page_body, any_of=(items_key, meta_key))

        for page in walk_cursor(
            read, path, body, items_key=items_key, limit=limit, meta_key=meta_key
        ):
            self.pages += 1
            yield page

    def offset_pages(
        self, path: str, body: dict[str, Any], *, items_key: str, limit: int
    ) -> Iterator[Page]:
        """Pages of a V1 offset-paged query; `total` is then the answer's ``totalResults``."""

        def read(_method: str, page_path: str, page_body: dict[str, Any]) -> dict[str, Any]:
            return self.read(page_path, page_body, any_of=(items_key, "metadata"))

        for page in walk_offset(read, path, body, items_key=items_key, limit=limit):
            self.pages += 1
            yield page

    @property
    def total(self) -> int | None:
        """``totalResults`` of the last offset-paged answer, when Wix said."""
        value = self.last_answer.get("totalResults")
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def tell(self, done: int, total: int | None, what: str) -> None:
        """Report progress to the caller's callback, if any."""
        if self._progress is not None:
            self._progress(done, total, what)

    def reject(self, wix_id: str, reason: str) -> None:
        """Count an item that is not recorded, with why."""
        log.info("Wix %s %s not recorded: %s", self.kind, wix_id, reason)
        self.rejected.append(Rejection(wix_id, reason))

    def report(self, *, complete: bool = True) -> PullReport:
        return PullReport(
            kind=self.kind,
            seen=self.seen,
            changed=self.changed,
            rejected=tuple(self.rejected),
            pages=self.pages,
            requests=self.client.requests_made - self._requests_before,
            complete=complete,
            catalog_version=self.catalog_version,
            watermark=self.watermark,
        )


class Puller:
    """Reads Wix and records what it finds: idempotent upserts, page by page.

    Args:
        client: The Wix client (its catalogue version is asked once and cached).
        sessions: Session factory; every page is one transaction.
        clock: Time of the local records.
        new_variant_tax_rate: Tax rate (percent, decimal text) stored on variants first seen
            on Wix: the Wix catalogue carries none. Only the last resort of the rate a new
            item is sold at (`pos.db.tax_rates`: Wix's order lines, then the policy's
            category and currency rates come first). Existing variants keep theirs.
        overlap: How far before the watermark each orders pull starts searching.
    """

    def __init__(
        self,
        *,
        client: WixClient,
        sessions: SessionFactory,
        clock: Clock,
        new_variant_tax_rate: str = "0",
        overlap: timedelta = ORDERS_OVERLAP,
    ) -> None:
        self.client, self.sessions, self.clock = client, sessions, clock
        self.new_variant_tax_rate, self.overlap = new_variant_tax_rate, overlap

    def pull_catalog(self, progress: Progress | None = None) -> PullReport:
        """Products and variants (SKU, barcode on V3, options, price) of the site.

        Progress: ``("products", done, total)`` then ``("variants", ...)`` on V3;
        ``("products", ...)`` with the total on V1. Variants of Wix products that are gone
        from Wix are marked inactive once the whole catalogue has been read.
        """
        run = PullRun(puller=self, kind="catalog", progress=progress)
        pull_catalog.pull(run)
        return run.report()

    def pull_stock(self, progress: Progress | None = None) -> PullReport:
        """Stock of the shop's location (V3: the default location; V1: the only stock).

        Sets each variant's `wix_quantity` / `wix_revision` and `on_hand` = Wix quantity +
        POS movements not yet pushed (`pos.db.sync_state.pending_stock_deltas`).
        """
        run = PullRun(puller=self, kind="stock", progress=progress)
        pull_stock.pull(run)
        return run.report()

    def pull_orders(
        self, progress: Progress | None = None, *, max_pages: int | None = None
    ) -> PullReport:
        """Orders changed since the watermark, with their lines, buyer, payments and refunds.

        Args:
            progress: Called as ``(orders read so far, None, "orders")`` after each page.
            max_pages: Stop after this many pages (the report says ``complete=False``);
                the next pull resumes after the last page committed.
        """
        run = PullRun(puller=self, kind="orders", progress=progress)
        complete = pull_orders.pull(run, max_pages=max_pages)
        return run.report(complete=complete)
