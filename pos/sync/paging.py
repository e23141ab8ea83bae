"""Walking Wix's paged queries (wix-api.md §1.6): cursor paging and V1 offset paging.

Both walkers take the client's `read` so retries, rate limit and errors stay in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from pos.sync.errors import WixResponseError

Read = Callable[[str, str, dict[str, Any]], dict[str, Any]]
Page = list[dict[str, Any]]


def walk_cursor(
    read: Read, path: str, body: Mapping[str, Any], *, items_key: str, limit: int, meta_key: str
) -> Iterator[Page]:
    """Pages of a cursor-paged query or search; see `WixClient.cursor_pages`."""
    wrapper = _wrapper_key(body)
    others = {key: value for key, value in body.items() if key != wrapper}
    first = dict(body[wrapper])
    first["cursorPaging"] = {**(first.get("cursorPaging") or {}), "limit": limit}
    request: dict[str, Any] = {**others, wrapper: first}
    seen: set[str] = set()
    while True:
        data = read("POST", path, request)
        items, meta = _page(data, items_key, (meta_key,), path)
        yield items
        cursor = _next_cursor(meta)
        if cursor is None:
            return
        if cursor in seen:
            raise shape_error(path, f"Wix sent the same {meta_key} cursor twice")
        seen.add(cursor)
        request = {**others, wrapper: {"cursorPaging": {"limit": limit, "cursor": cursor}}}


def walk_offset(
    read: Read, path: str, body: Mapping[str, Any], *, items_key: str, limit: int
) -> Iterator[Page]:
    """Pages of an offset-paged query; see `WixClient.offset_pages`."""
    query = dict(body.get("query") or {})
    offset = _as_int((query.get("paging") or {}).get("offset")) or 0
    while True:
        query["paging"] = {"limit": limit, "offset": offset}
        data = read("POST", path, {**body, "query": dict(query)})
        items, meta = _page(data, items_key, ("metadata", "pagingMetadata"), path)
        yield items
        offset += len(items)
        total = _as_int(data.get("totalResults", meta.get("total")))
        if len(items) < limit or (total is not None and offset >= total):
            return


def shape_error(path: str, why: str, method: str = "POST") -> WixResponseError:
    """The error for a 2xx answer that does not have the shape Comptoir needs."""
    return WixResponseError(
        "Wix answered with something Comptoir cannot read",
        code="INVALID_RESPONSE",
        path=path,
        method=method,
        wix_message=why,
    )


def _wrapper_key(body: Mapping[str, Any]) -> str:
    for key in ("search", "query"):
        if isinstance(body.get(key), dict):
            return key
    raise ValueError('a cursor-paged body holds a "query" or "search" object')


def _page(
    data: dict[str, Any], items_key: str, meta_keys: tuple[str, ...], path: str
) -> tuple[Page, dict[str, Any]]:
    """(items, paging metadata) of one page; Wix omits an empty list but keeps the metadata."""
    items = data.get(items_key)
    meta = next((data[key] for key in meta_keys if key in data), None)
    if meta is not None and not isinstance(meta, dict):
        raise shape_error(path, f"{meta_keys[0]} is not an object")
    if items is None and meta is None:
        raise shape_error(path, f"neither {items_key} nor {meta_keys[0]} in the answer")
    if items is None:
        items = []
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise shape_error(path, f"{items_key} is not a list of objects")
    return items, meta or {}


def _next_cursor(meta: Mapping[str, Any]) -> str | None:
    cursors = meta.get("cursors")
    cursor = cursors.get("next") if isinstance(cursors, dict) else None
    if meta.get("hasNext") is False or not isinstance(cursor, str) or not cursor:
        return None
    return cursor


def _as_int(value: Any) -> int | None:
    """An int64 that Wix may send as a number or a string; None when absent or unreadable."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
