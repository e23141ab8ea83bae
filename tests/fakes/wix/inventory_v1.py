"""V1/V2 inventory endpoints (wix-api.md §2.2): one item per product, no revision."""

from __future__ import annotations

from typing import Any

from tests.fakes.wix.errors import not_found, precondition
from tests.fakes.wix.query import ALL, QueryRules, v1_query
from tests.fakes.wix.render import v1_inventory_item
from tests.fakes.wix.routing import Request, route
from tests.fakes.wix.schema import AnyObject, Arr, Bool, Int, Obj, Str, obj, validate
from tests.fakes.wix.state import MAX_QUANTITY

RULES = QueryRules(
    "v1-inventory",
    {name: ALL for name in ("id", "productId", "trackQuantity", "lastUpdated", "numericId")},
    frozenset({"lastUpdated", "numericId", "productId"}),
    default_limit=100,
)
ONE_OF_KEY = (frozenset({"inventoryId", "productId"}),)


def _product(site: Any, *, inventory_id: str | None, product_id: str | None) -> Any:
    for product in site.products.values():
        if product.id == product_id or (inventory_id and product.inventory_item_id == inventory_id):
            return product
    raise not_found(
        "INVENTORY_ITEM_NOT_FOUND",
        "inventory item not found",
        inventoryId=inventory_id,
        productId=product_id,
    )


@route("POST", "/stores-reader/v2/inventoryItems/query", catalog="V1")
def query(site: Any, request: Request) -> dict[str, Any]:
    paging = obj(limit=Int(0, 100), offset=Int(0))
    validate(obj(query=obj(paging=paging, filter=Str(), sort=Str())), request.body)
    products = list(site.products.values())
    docs = {p.id: v1_inventory_item(site, p) for p in products}
    page, offset, total = v1_query(
        request.body.get("query") or {}, products, lambda p: docs[p.id], RULES
    )
    return {
        "inventoryItems": [docs[p.id] for p in page],
        "metadata": {"items": len(page), "offset": offset},
        "totalResults": total,
    }


@route("POST", "/stores-reader/v2/inventoryItems/{inventoryId}/getVariants", catalog="V1")
def get_variants(site: Any, request: Request) -> dict[str, Any]:
    spec = obj(inventoryId=Str(), productId=Str(), variantIds=Arr(Str()))
    validate(spec, request.body)
    inventory_id = request.same_id("inventoryId", "inventoryId")
    product = _product(site, inventory_id=inventory_id, product_id=request.body.get("productId"))
    item = v1_inventory_item(site, product)
    wanted = request.body.get("variantIds")
    if wanted:
        item["variants"] = [v for v in item["variants"] if v["variantId"] in wanted]
    return {"inventoryItem": item}


def _adjust(kind: str) -> Any:
    by = f"{kind}By"

    def handler(site: Any, request: Request) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "inventoryId": Str(max_len=36),
            "productId": Str(max_len=36),
            "variantId": Str(),
            by: Int(1),
        }
        if kind == "decrement":
            fields["preorderRequest"] = Bool()
        entry = Obj(fields, frozenset({"variantId", by}), required_one_of=ONE_OF_KEY)
        validate(Obj({f"{kind}Data": Arr(entry, 1, 300)}, frozenset({f"{kind}Data"})), request.body)
        sign = 1 if kind == "increment" else -1
        planned: dict[str, int] = {}
        moves = []
        for entry_body in request.body[f"{kind}Data"]:
            product = _product(
                site,
                inventory_id=entry_body.get("inventoryId"),
                product_id=entry_body.get("productId"),
            )
            item = site.item_at(entry_body["variantId"])
            if item is None or item.product_id != product.id:
                raise not_found(
                    "VARIANT_NOT_FOUND", "variant not found", variantId=entry_body["variantId"]
                )
            if not item.track_quantity:
                continue  # V1: stock not tracked, nothing to count
            after = planned.get(item.id, item.quantity) + sign * entry_body[by]
            if after < 0 and not entry_body.get("preorderRequest"):
                raise precondition(
                    "INSUFFICIENT_INVENTORY",
                    "not enough stock",
                    variantId=item.variant_id,
                    quantity=item.quantity,
                )
            if after > MAX_QUANTITY:
                raise precondition("MAX_QUANTITY_LIMIT_REACHED", "quantity above 99999")
            planned[item.id] = after
            moves.append((item, sign * entry_body[by]))
        for item, delta in moves:
            site.adjust(item, delta)
        return {}

    return handler


route("POST", "/stores/v2/inventoryItems/increment", catalog="V1")(_adjust("increment"))
route("POST", "/stores/v2/inventoryItems/decrement", catalog="V1")(_adjust("decrement"))


@route("PATCH", "/stores/v2/inventoryItems/product/{productId}", catalog="V1")
def set_stock(site: Any, request: Request) -> dict[str, Any]:
    variant = Obj(
        {"variantId": Str(), "quantity": Int(0, MAX_QUANTITY), "inStock": Bool()},
        frozenset({"variantId"}),
        one_of=(frozenset({"quantity", "inStock"}),),
    )
    item_spec = obj(trackQuantity=Bool(), variants=Arr(variant), preorderInfo=AnyObject())
    validate(
        Obj({"inventoryItem": item_spec, "productId": Str()}, frozenset({"inventoryItem"})),
        request.body,
    )
    product = _product(
        site, inventory_id=None, product_id=request.same_id("productId", "productId")
    )
    body = request.body["inventoryItem"]
    track = bool(body.get("trackQuantity"))  # omitted means false (wix-api.md §2.2 pitfall)
    sent = {v["variantId"]: v for v in body.get("variants") or []}
    for variant_obj in product.variants:
        item = site.item_at(variant_obj.id)
        if item is None:
            continue
        change = sent.get(variant_obj.id, {})
        if track:
            quantity = change.get("quantity", item.quantity if item.quantity is not None else 0)
            site.change_item(item, quantity=quantity)
        else:
            site.change_item(item, in_stock=change.get("inStock", item.available))
    return {}
