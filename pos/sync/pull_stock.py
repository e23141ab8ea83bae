"""The stock pull: Wix's quantities of the shop's location into `stock_levels`.

V3 (wix-api.md §2.4): inventory items of the default location, each with its quantity and
revision. V1 (§2.2): one inventory item per product with a quantity per variant, no
revision. `on_hand` becomes Wix's quantity plus the POS movements not yet pushed
(`pos.db.sync_state.apply_wix_stock`). One transaction per page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pos.db import sync_state
from pos.db.sync_state import WixStockLevel

if TYPE_CHECKING:
    from pos.sync.pull import PullRun

V3_ITEMS = "/stores/v3/inventory-items/query"
V1_ITEMS = "/stores-reader/v2/inventoryItems/query"
V3_PAGE = 1000
V1_PAGE = 100
CURSOR_DONE = "stock.done_at"
NOT_IN_CATALOGUE = "variant not in the local catalogue (pull the catalogue first)"

Key = tuple[str, str]  # (Wix product id, Wix variant id)


def pull(run: PullRun) -> None:
    """Pull the stock of every variant at the shop's location, page by page."""
    version = run.client.catalog_version()
    run.catalog_version = version
    with run.sessions() as session:
        known = sync_state.variant_ids_by_wix(session)
    if version == "V3_CATALOG":
        _pull_v3(run, known)
    else:
        _pull_v1(run, known)
    now = run.now()
    with run.sessions.begin() as session:
        sync_state.set_cursor(session, CURSOR_DONE, now.isoformat(), now=now)


def _pull_v3(run: PullRun, known: Mapping[Key, int]) -> None:
    location = run.client.default_location_id()
    body = {"query": {"filter": {"locationId": {"$eq": location}}}}
    done = 0
    for page in run.cursor_pages(
        V3_ITEMS, body, items_key="inventoryItems", limit=V3_PAGE, meta_key="pagingMetadata"
    ):
        levels = []
        for item in page:
            if item.get("locationId") not in (None, location):
                continue  # another location's stock is not the shop's
            level = _v3_level(run, item, known)
            if level is not None:
                levels.append(level)
        _save(run, levels)
        done += len(page)
        run.tell(done, None, "stock")


def _v3_level(
    run: PullRun, item: Mapping[str, Any], known: Mapping[Key, int]
) -> WixStockLevel | None:
    run.seen += 1
    key = (str(item.get("productId") or ""), str(item.get("variantId") or ""))
    variant_id = known.get(key)
    if variant_id is None:
        run.reject(f"{key[0]}/{key[1]}", NOT_IN_CATALOGUE)
        return None
    try:
        quantity = _quantity(item.get("quantity"))
    except ValueError as error:
        run.reject(f"{key[0]}/{key[1]}", str(error))
        return None
    revision = item.get("revision")
    return WixStockLevel(
        variant_id=variant_id,
        quantity=quantity,
        revision=str(revision) if revision is not None else None,
        inventory_item_id=str(item["id"]) if item.get("id") else None,
    )


def _pull_v1(run: PullRun, known: Mapping[Key, int]) -> None:
    done = 0
    for page in run.offset_pages(
        V1_ITEMS, {"query": {}}, items_key="inventoryItems", limit=V1_PAGE
    ):
        levels = []
        for item in page:
            levels.extend(_v1_levels(run, item, known))
        _save(run, levels)
        done += len(page)
        run.tell(done, run.total, "stock")


def _v1_levels(
    run: PullRun, item: Mapping[str, Any], known: Mapping[Key, int]
) -> list[WixStockLevel]:
    """One level per variant of a V1 inventory item (quantity only when it is tracked)."""
    product_id = str(item.get("productId") or "")
    tracked = item.get("trackQuantity") is True
    levels = []
    for entry in item.get("variants") or []:
        run.seen += 1
        key = (product_id, str(entry.get("variantId") or ""))
        variant_id = known.get(key)
        if variant_id is None:
            run.reject(f"{key[0]}/{key[1]}", NOT_IN_CATALOGUE)
            continue
        try:
            quantity = _quantity(entry.get("quantity")) if tracked else None
        except ValueError as error:
            run.reject(f"{key[0]}/{key[1]}", str(error))
            continue
        item_id = str(item["id"]) if item.get("id") else None
        levels.append(WixStockLevel(variant_id, quantity, None, item_id))
    return levels


def _quantity(value: Any) -> int | None:
    """Wix's quantity; None when absent (the item is tracked by status only).

    Raises:
        ValueError: Not a whole number.
    """
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise ValueError("the quantity is not a whole number")
    return value


def _save(run: PullRun, levels: list[WixStockLevel]) -> None:
    if not levels:
        return
    with run.sessions.begin() as session:
        run.changed += sync_state.apply_wix_stock(session, levels, now=run.now())
