"""V3 inventory endpoints (wix-api.md §2.4): query, get, revision-checked PATCH, bulk writes."""

from __future__ import annotations

from typing import Any

from tests.fakes.wix.errors import WixError, bad_field, conflict, not_found, precondition
from tests.fakes.wix.query import ALL, ARRAY, EQUALITY, QueryRules, run_query
from tests.fakes.wix.render import v3_inventory_item
from tests.fakes.wix.routing import Request, route
from tests.fakes.wix.schema import AnyObject, Arr, Bool, Int, Obj, Str, obj, query_spec, validate
from tests.fakes.wix.state import MAX_QUANTITY

RULES = QueryRules(
    "v3-inventory",
    {
        "id": EQUALITY,
        "locationId": EQUALITY,
        "variantId": EQUALITY,
        **{
            name: ALL
            for name in (
                "createdDate",
                "updatedDate",
                "availabilityStatus",
                "inStock",
                "quantity",
                "trackQuantity",
                "productId",
                "preorderInfo.enabled",
                "product.name",
                "product.variantName",
                "product.variantSku",
                "product.variantBarcode",
                "product.brand.id",
            )
        },
        "product.directCategoryIds": ARRAY,
    },
    frozenset(
        {
            "createdDate",
            "updatedDate",
            "availabilityStatus",
            "inStock",
            "quantity",
            "trackQuantity",
            "productId",
            "preorderInfo.enabled",
            "product.name",
            "product.variantName",
            "product.variantSku",
            "product.variantBarcode",
            "product.brand.id",
        }
    ),
    default_limit=100,
)
REASON = Str(enum=("ORDER", "MANUAL", "REVERT_INVENTORY_CHANGE"))
ITEM = Obj(
    {
        "id": Str(),
        "revision": Str(),
        "quantity": Int(-MAX_QUANTITY, MAX_QUANTITY),
        "inStock": Bool(),
        "preorderInfo": AnyObject(),
    },
    one_of=(frozenset({"quantity", "inStock"}),),
)
STALE = "entity has already changed since the requested revision"


def _item(site: Any, item_id: str) -> Any:
    item = site.items.get(item_id)
    if item is None:
        raise not_found("INVENTORY_ITEM_NOT_FOUND", f"Inventory item {item_id} not found")
    return item


@route("POST", "/stores/v3/inventory-items/query", catalog="V3")
def query_items(site: Any, request: Request) -> dict[str, Any]:
    validate(obj(query=query_spec(1000, 10, offset_paging=True)), request.body)
    items = list(site.items.values())
    docs = {i.id: v3_inventory_item(site, i, for_filter=True) for i in items}
    page, meta = run_query(request.body.get("query") or {}, items, lambda i: docs[i.id], RULES)
    return {
        "inventoryItems": [v3_inventory_item(site, i) for i in page],
        "pagingMetadata": meta,
    }


@route("GET", "/stores/v3/inventory-items/{id}", catalog="V3")
def get_item(site: Any, request: Request) -> dict[str, Any]:
    return {"inventoryItem": v3_inventory_item(site, _item(site, request.params["id"]))}


def _update(site: Any, change: dict[str, Any], path: str) -> Any:
    """Apply one revision-checked update; raises 400 / 404 / 409 / 428."""
    revision = change.get("revision")
    if not revision:
        raise bad_field(f"{path}.revision", "revision must not be empty", "REQUIRED_FIELD")
    if not revision.isdigit():
        raise bad_field(f"{path}.revision", "revision must be an int64 string", "FORMAT")
    item = _item(site, change["id"])
    if int(revision) != item.revision:
        raise conflict("REVISION_MISMATCH", STALE, current=str(item.revision), sent=revision)
    if "preorderInfo" in change and (change["preorderInfo"] or {}).get("enabled"):
        raise precondition("PRE_ORDER_VALIDATION", "preorder is not supported by the fake")
    if change.get("quantity") is not None:
        site.change_item(item, quantity=change["quantity"])
    elif change.get("inStock") is not None:
        site.change_item(item, in_stock=change["inStock"])
    else:
        site.change_item(item)
    return item


@route("PATCH", "/stores/v3/inventory-items/{id}", catalog="V3")
def patch_item(site: Any, request: Request) -> dict[str, Any]:
    spec = Obj(
        {"inventoryItem": ITEM, "reason": REASON, "fieldMask": AnyObject()},
        frozenset({"inventoryItem"}),
    )
    validate(spec, request.body)
    change = dict(request.body["inventoryItem"])
    if change.setdefault("id", request.params["id"]) != request.params["id"]:
        raise bad_field("inventoryItem.id", "does not match the ID in the path", "OTHER")
    item = _update(site, change, "inventoryItem")
    return {"inventoryItem": v3_inventory_item(site, item)}


def _result(site: Any, index: int, item: Any, entity: bool, error: Any = None) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "id": item.id if item else None,
        "originalIndex": index,
        "success": error is None,
    }
    if error is not None:
        detail = error.body.get("details", {}).get("applicationError") or {
            "code": "INVALID_ARGUMENT",
            "description": error.body.get("message", ""),
        }
        meta["error"] = {
            "code": detail["code"],
            "description": detail["description"],
            "data": detail.get("data", {}),
        }
    result: dict[str, Any] = {"itemMetadata": meta}
    if entity and error is None:
        result["item"] = v3_inventory_item(site, item)
    return result


def _bulk(results: list[dict[str, Any]]) -> dict[str, Any]:
    ok = sum(1 for r in results if r["itemMetadata"]["success"])
    return {
        "results": results,
        "bulkActionMetadata": {
            "totalSuccesses": ok,
            "totalFailures": len(results) - ok,
            "undetailedFailures": 0,
        },
    }


@route("POST", "/stores/v3/bulk/inventory-items/update", catalog="V3")
def bulk_update(site: Any, request: Request) -> dict[str, Any]:
    entry = Obj(
        {"inventoryItem": Obj({**ITEM.fields}, frozenset({"id"}), ITEM.one_of)},
        frozenset({"inventoryItem"}),
    )
    spec = Obj(
        {"inventoryItems": Arr(entry, 1, 1000), "returnEntity": Bool(), "reason": REASON},
        frozenset({"inventoryItems"}),
    )
    validate(spec, request.body)
    results = []
    for index, wrapper in enumerate(request.body["inventoryItems"]):
        change = wrapper["inventoryItem"]
        try:
            item = _update(site, change, f"inventoryItems[{index}].inventoryItem")
            results.append(_result(site, index, item, bool(request.body.get("returnEntity"))))
        except WixError as error:  # reported per item (wix-api.md §2.4, INFER)
            results.append(_result(site, index, site.items.get(change["id"]), False, error))
    return _bulk(results)


def _spec(kind: str, key_fields: dict[str, Any], required: str) -> Obj:
    by = "incrementBy" if kind == "increment" else "decrementBy"
    fields = {**key_fields, by: Int(1, MAX_QUANTITY)}
    if kind == "decrement":
        fields["preorderRequest"] = Bool()
    entry = Obj(fields, frozenset({*required.split(), by}))
    top: dict[str, Any] = {
        f"{kind}Data": Arr(entry, 1, 300),
        "returnEntity": Bool(),
        "reason": REASON,
    }
    if kind == "decrement":
        top["restrictInventory"] = Bool()
    return Obj(top, frozenset({f"{kind}Data"}))


def _apply_deltas(site: Any, request: Request, kind: str, items: list[Any]) -> dict[str, Any]:
    """All-or-nothing: every entry is checked before any is applied (wix-api.md: INFER)."""
    entries = request.body[f"{kind}Data"]
    sign = 1 if kind == "increment" else -1
    restrict = request.body.get("restrictInventory", True)
    planned: dict[str, int] = {}
    for item, entry in zip(items, entries, strict=True):
        if not item.track_quantity:
            raise precondition(
                "INVENTORY_QUANTITY_NOT_TRACKED",
                "item does not track quantity",
                inventoryItemId=item.id,
            )
        delta = sign * entry[f"{kind}By"]
        after = planned.get(item.id, item.quantity) + delta
        if after > MAX_QUANTITY:
            raise precondition("MAX_QUANTITY_LIMIT_REACHED", "quantity above 99999", id=item.id)
        if after < -MAX_QUANTITY:
            raise precondition("MIN_QUANTITY_LIMIT_REACHED", "quantity below -99999", id=item.id)
        if sign < 0 and restrict and after < 0:
            raise precondition(
                "INSUFFICIENT_INVENTORY",
                "not enough stock",
                inventoryItemId=item.id,
                quantity=item.quantity,
            )
        planned[item.id] = after
    for item, entry in zip(items, entries, strict=True):
        site.adjust(item, sign * entry[f"{kind}By"])
    entity = bool(request.body.get("returnEntity"))
    return _bulk([_result(site, i, item, entity) for i, item in enumerate(items)])


def _by_id(kind: str) -> Any:
    def handler(site: Any, request: Request) -> dict[str, Any]:
        validate(_spec(kind, {"inventoryItemId": Str()}, "inventoryItemId"), request.body)
        items = [_item(site, e["inventoryItemId"]) for e in request.body[f"{kind}Data"]]
        return _apply_deltas(site, request, kind, items)

    return handler


def _by_variant(kind: str) -> Any:
    def handler(site: Any, request: Request) -> dict[str, Any]:
        validate(_spec(kind, {"variantId": Str(), "locationId": Str()}, "variantId"), request.body)
        items = []
        for entry in request.body[f"{kind}Data"]:
            item = site.item_at(entry["variantId"], entry.get("locationId"))
            if item is None:
                raise precondition(
                    "NOT_FOUND",
                    "no inventory item for this variant and location",
                    variantId=entry["variantId"],
                )
            items.append(item)
        return _apply_deltas(site, request, kind, items)

    return handler


for _kind in ("increment", "decrement"):
    route("POST", f"/stores/v3/bulk/inventory-items/{_kind}", catalog="V3")(_by_id(_kind))
    route("POST", f"/stores/v3/bulk/inventory-items/{_kind}-by-variant-and-location", catalog="V3")(
        _by_variant(_kind)
    )
