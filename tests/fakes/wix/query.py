"""WQL filters, sorting and paging (wix-api.md §1.6–§1.7) over JSON-shaped documents."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from tests.fakes.wix.errors import bad_field

T = TypeVar("T")
ALL, EQUALITY, ARRAY = "all", "equality", "array"
_EQ_OPS = frozenset({"$eq", "$ne", "$in", "$nin", "$exists"})
_ARRAY_OPS = frozenset({"$hasSome", "$hasAll"})
KNOWN_OPS = _EQ_OPS | _ARRAY_OPS | {"$gt", "$gte", "$lt", "$lte", "$startsWith"}


@dataclass(frozen=True)
class QueryRules:
    """What one method accepts: field -> ALL | EQUALITY | ARRAY; sortable names; defaults."""

    kind: str  # cursors from one method are refused by another
    filterable: Mapping[str, str]
    sortable: frozenset[str]
    default_sort: tuple[tuple[str, str], ...] = ()
    default_limit: int = 50


def values_at(doc: Any, path: str) -> list[Any]:
    """Every value at dotted `path`, walking through arrays (``lineItems.quantity``)."""
    current = [doc]
    for name in path.split("."):
        found: list[Any] = []
        for node in current:
            items = node if isinstance(node, list) else [node]
            for item in items:
                if isinstance(item, dict) and name in item:
                    found.append(item[name])
        current = found
    flat: list[Any] = []
    for value in current:
        flat.extend(value if isinstance(value, list) else [value])
    return flat


def _comparable(value: Any) -> Any:
    if isinstance(value, str) and "T" in value and value[:4].isdigit():
        try:
            return (0, datetime.fromisoformat(value.replace("Z", "+00:00")))
        except ValueError:
            pass
    if isinstance(value, bool):
        return (2, value)
    if isinstance(value, int | str):
        try:
            return (1, Decimal(str(value)))
        except InvalidOperation:
            pass
    return (3, str(value))


def _cmp(op: str, left: Any, right: Any) -> bool:
    a, b = _comparable(left), _comparable(right)
    if a[0] != b[0]:
        return False
    return {
        "$gt": a > b,
        "$gte": a >= b,
        "$lt": a < b,
        "$lte": a <= b,
    }[op]


def _same(left: Any, right: Any) -> bool:
    return left == right or _comparable(left) == _comparable(right)


def _field_matches(values: list[Any], condition: Any) -> bool:
    if not isinstance(condition, dict):
        return any(_same(v, condition) for v in values)
    for op, arg in condition.items():
        if op == "$eq" and not any(_same(v, arg) for v in values):
            return False
        if op == "$ne" and any(_same(v, arg) for v in values):
            return False
        if op == "$in" and not any(_same(v, a) for v in values for a in arg):
            return False
        if op == "$nin" and any(_same(v, a) for v in values for a in arg):
            return False
        if op == "$exists" and bool(values) != bool(arg):
            return False
        if op in ("$gt", "$gte", "$lt", "$lte") and not any(_cmp(op, v, arg) for v in values):
            return False
        if op == "$startsWith" and not any(str(v).startswith(str(arg)) for v in values):
            return False
        if op == "$hasSome" and not any(_same(v, a) for v in values for a in arg):
            return False
        if op == "$hasAll" and not all(any(_same(v, a) for v in values) for a in arg):
            return False
    return True


def matches(doc: Any, flt: Mapping[str, Any]) -> bool:
    """Whether `doc` satisfies the (already checked) filter."""
    for key, condition in flt.items():
        if key == "$and" and not all(matches(doc, part) for part in condition):
            return False
        if key == "$or" and not any(matches(doc, part) for part in condition):
            return False
        if key == "$not" and matches(doc, condition):
            return False
        if not key.startswith("$") and not _field_matches(values_at(doc, key), condition):
            return False
    return True


def check_filter(flt: Any, rules: QueryRules, path: str = "query.filter") -> None:
    """Refuse undeclared fields and operators a field does not support (400)."""
    if not isinstance(flt, dict):
        raise bad_field(path, "filter must be an object")
    for key, condition in flt.items():
        if key in ("$and", "$or"):
            if not isinstance(condition, list):
                raise bad_field(f"{path}.{key}", "expected an array of filters")
            for part in condition:
                check_filter(part, rules, path)
            continue
        if key == "$not":
            check_filter(condition, rules, path)
            continue
        kind = rules.filterable.get(key)
        if kind is None:
            raise bad_field(path, f"Field '{key}' is not declared as filterable", name=key)
        ops = set(condition) if isinstance(condition, dict) else {"$eq"}
        allowed = {EQUALITY: _EQ_OPS, ARRAY: _ARRAY_OPS | _EQ_OPS}.get(kind)
        bad = sorted(op for op in ops if allowed is not None and op not in allowed)
        bad += sorted(op for op in ops if op not in KNOWN_OPS)
        if bad:
            raise bad_field(path, f"Operator {bad[0]} is not supported on field '{key}'")


def check_sort(sort: Sequence[Mapping[str, str]], rules: QueryRules, path: str) -> None:
    for index, item in enumerate(sort):
        if item.get("fieldName") not in rules.sortable:
            name = item.get("fieldName")
            raise bad_field(f"{path}[{index}]", f"Field '{name}' is not declared as sortable")


def sort_rows(rows: list[T], doc: Callable[[T], Any], sort: Sequence[Mapping[str, str]]) -> None:
    """Stable multi-key sort in place; missing values sort first."""
    for item in reversed(sort):
        name, descending = item["fieldName"], item.get("order", "ASC") == "DESC"

        def key(row: T, name: str = name) -> Any:
            found = values_at(doc(row), name)
            return (1, _comparable(found[0])) if found else (0, (0, 0))

        rows.sort(key=key, reverse=descending)


def encode_cursor(state: Mapping[str, Any]) -> str:
    raw = json.dumps(state, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, kind: str, path: str) -> dict[str, Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        state = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, binascii.Error):
        raise bad_field(path, "invalid cursor", "FORMAT") from None
    if not isinstance(state, dict) or state.get("kind") != kind:
        raise bad_field(path, "cursor does not belong to this query", "FORMAT")
    return state


def run_query(
    query: Mapping[str, Any],
    rows: list[T],
    doc: Callable[[T], Any],
    rules: QueryRules,
    *,
    path: str = "query",
) -> tuple[list[T], dict[str, Any]]:
    """Filter, sort and page `rows` per a V3/eCommerce query; returns (page, pagingMetadata).

    A follow-up request carries only ``cursorPaging.cursor`` (+ limit): sending `filter` or
    `sort` with a cursor is refused, like a query that would change mid-walk.
    """
    paging = query.get("cursorPaging") or {}
    cursor = paging.get("cursor")
    offset_paging = query.get("paging")
    if cursor:
        for name in ("filter", "sort"):
            if query.get(name):
                raise bad_field(f"{path}.{name}", "must not be sent with a cursor", "OTHER")
        state = decode_cursor(cursor, rules.kind, f"{path}.cursorPaging.cursor")
        flt, sort, offset = state["filter"], state["sort"], int(state["offset"])
    else:
        flt = query.get("filter") or {}
        sort = query.get("sort") or [{"fieldName": f, "order": o} for f, o in rules.default_sort]
        check_filter(flt, rules, f"{path}.filter")
        check_sort(sort, rules, f"{path}.sort")
        offset = int((offset_paging or {}).get("offset") or 0)
    limit = (offset_paging or paging).get("limit") or rules.default_limit
    selected = [row for row in rows if matches(doc(row), flt)]
    sort_rows(selected, doc, sort)
    page = selected[offset : offset + limit]
    has_next = offset + limit < len(selected)
    cursors: dict[str, Any] = {}
    if has_next and not offset_paging:
        cursors["next"] = encode_cursor(
            {"kind": rules.kind, "filter": flt, "sort": sort, "offset": offset + limit}
        )
    if offset > 0 and not offset_paging:
        previous = max(0, offset - limit)
        cursors["prev"] = encode_cursor(
            {"kind": rules.kind, "filter": flt, "sort": sort, "offset": previous}
        )
    meta: dict[str, Any] = {"count": len(page), "cursors": cursors, "hasNext": has_next}
    if offset_paging:
        meta.update(offset=offset, total=len(selected))
    return page, meta


def v1_query(
    query: Mapping[str, Any], rows: list[T], doc: Callable[[T], Any], rules: QueryRules
) -> tuple[list[T], int, int]:
    """A V1 query (`filter`, `sort` as JSON strings, offset paging): (page, offset, total)."""
    flt = _json_string(query.get("filter"), "query.filter", {})
    raw_sort = _json_string(query.get("sort"), "query.sort", [])
    if not isinstance(raw_sort, list) or not all(
        isinstance(s, dict) and len(s) == 1 for s in raw_sort
    ):
        raise bad_field("query.sort", 'expected [{"field": "asc"|"desc"}]', "FORMAT")
    sort = [
        {"fieldName": name, "order": "DESC" if str(order).lower() == "desc" else "ASC"}
        for item in raw_sort
        for name, order in item.items()
    ]
    check_filter(flt, rules)
    check_sort(sort, rules, "query.sort")
    paging = query.get("paging") or {}
    offset, limit = paging.get("offset") or 0, paging.get("limit") or rules.default_limit
    selected = [row for row in rows if matches(doc(row), flt)]
    sort_rows(selected, doc, sort)
    return selected[offset : offset + limit], offset, len(selected)


def _json_string(raw: Any, path: str, default: Any) -> Any:
    if raw is None or raw == "":
        return default
    if not isinstance(raw, str):
        raise bad_field(path, "V1 filters and sorts are JSON strings", "FORMAT")
    try:
        return json.loads(raw)
    except ValueError:
        raise bad_field(path, "not valid JSON", "FORMAT") from None
