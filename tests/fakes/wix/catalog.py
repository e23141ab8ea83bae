"""Catalogue endpoints: version, default location, V1 products, V3 products and variants."""

from __future__ import annotations

from typing import Any

from tests.fakes.wix.errors import not_found
from tests.fakes.wix.query import ALL, ARRAY, EQUALITY, QueryRules, run_query, v1_query
from tests.fakes.wix.render import read_only_variant, v1_product, v3_product
from tests.fakes.wix.routing import Request, route
from tests.fakes.wix.schema import AnyObject, Arr, Bool, Int, Obj, Str, obj, query_spec, validate

V1_PRODUCTS = QueryRules(
    "v1-products",
    {
        name: ALL
        for name in (
            "id",
            "name",
            "slug",
            "sku",
            "numericId",
            "visible",
            "productType",
            "lastUpdated",
            "createdDate",
            "inventoryItemId",
        )
    },
    frozenset({"name", "numericId", "lastUpdated", "createdDate", "sku", "slug"}),
    default_limit=100,
)
V3_PRODUCTS = QueryRules(
    "v3-products",
    {
        "id": ALL,
        "handle": ALL,
        "createdDate": ALL,
        "updatedDate": ALL,
        "slug": ALL,
        "visible": ALL,
        "options.id": ARRAY,
    },
    frozenset({"createdDate", "updatedDate", "slug", "visible"}),
    default_limit=100,
)
QUERY_VARIANTS = QueryRules(
    "query-variants",
    {"id": EQUALITY, "productData.productId": ALL, "variantId": ALL},
    frozenset({"id", "productData.productId", "variantId"}),
    default_limit=100,
)
SEARCH_VARIANTS = QueryRules(
    "search-variants",
    {
        name: ALL
        for name in (
            "barcode",
            "sku",
            "price.actualPrice.amount",
            "inventoryStatus.inStock",
            "variantId",
            "visible",
            "productData.productId",
            "productData.name",
            "productData.slug",
            "productData.handle",
            "productData.visible",
            "productData.visibleInPos",
            "productData.productType",
        )
    },
    frozenset(
        {
            "sku",
            "barcode",
            "variantId",
            "productData.productId",
            "productData.name",
            "price.actualPrice.amount",
            "visible",
        }
    ),
    default_limit=100,
)
VARIANT_FIELDS = Arr(
    Str(
        enum=(
            "CURRENCY",
            "MERCHANT_DATA",
            "SUBSCRIPTION_PRICES_INFO",
            "WEIGHT_MEASUREMENT_UNIT_INFO",
        )
    )
)


@route("GET", "/stores/v3/provision/version")
def catalog_version(site: Any, request: Request) -> dict[str, Any]:
    return {"catalogVersion": f"{site.catalog}_CATALOG"}


@route("GET", "/stores/v3/locations/default")
def default_location(site: Any, request: Request) -> dict[str, Any]:
    return {"location": {"id": site.location_id, "name": site.location_name, "default": True}}


# ---------------------------------------------------------------- V1


@route("POST", "/stores-reader/v1/products/query", catalog="V1")
def v1_products_query(site: Any, request: Request) -> dict[str, Any]:
    spec = obj(
        query=obj(paging=obj(limit=Int(0, 100), offset=Int(0)), filter=Str(), sort=Str()),
        includeVariants=Bool(),
        includeHiddenProducts=Bool(),
        includeMerchantSpecificData=Bool(),
    )
    validate(spec, request.body)
    body = request.body
    products = [p for p in site.products.values() if p.visible or body.get("includeHiddenProducts")]
    docs = {p.id: v1_product(site, p, include_variants=False) for p in products}
    page, offset, total = v1_query(
        body.get("query") or {}, products, lambda p: docs[p.id], V1_PRODUCTS
    )
    variants = bool(body.get("includeVariants"))
    return {
        "products": [v1_product(site, p, include_variants=variants) for p in page],
        "metadata": {"items": len(page), "offset": offset},
        "totalResults": total,
    }


@route("GET", "/stores-reader/v1/products/{id}", catalog="V1")
def v1_product_get(site: Any, request: Request) -> dict[str, Any]:
    product = site.products.get(request.params["id"])
    if product is None:
        raise not_found("PRODUCT_NOT_FOUND", f"Product {request.params['id']} not found")
    return {"product": v1_product(site, product, include_variants=True)}


# ---------------------------------------------------------------- V3


@route("POST", "/stores/v3/products/query", catalog="V3")
def v3_products_query(site: Any, request: Request) -> dict[str, Any]:
    validate(obj(query=query_spec(100, 5), fields=Arr(Str())), request.body)
    fields = request.body.get("fields") or []
    products = list(site.products.values())
    docs = {p.id: v3_product(site, p, with_variants=False, fields=fields) for p in products}
    page, meta = run_query(
        request.body.get("query") or {}, products, lambda p: docs[p.id], V3_PRODUCTS
    )
    return {"products": [docs[p.id] for p in page], "pagingMetadata": meta}


@route("GET", "/stores/v3/products/{productId}", catalog="V3")
def v3_product_get(site: Any, request: Request) -> dict[str, Any]:
    product = site.products.get(request.params["productId"])
    if product is None:
        raise not_found("PRODUCT_NOT_FOUND", f"Product {request.params['productId']} not found")
    fields = request.query.get("fields", [])
    return {"product": v3_product(site, product, with_variants=True, fields=fields)}


def _variant_rows(site: Any) -> tuple[list[str], dict[str, dict[str, Any]]]:
    docs = {}
    for product in site.products.values():
        for variant in product.variants:
            docs[f"{product.id}-{variant.id}"] = read_only_variant(site, product, variant)
    return list(docs), docs


@route("POST", "/stores/v3/products/query-variants", catalog="V3")
def query_variants(site: Any, request: Request) -> dict[str, Any]:
    validate(obj(query=query_spec(1000, 5), fields=VARIANT_FIELDS), request.body)
    rows, docs = _variant_rows(site)
    page, meta = run_query(request.body.get("query") or {}, rows, docs.__getitem__, QUERY_VARIANTS)
    return {"variants": [docs[key] for key in page], "pagingMetadata": meta}


@route("POST", "/stores/v3/products/search-variants", catalog="V3")
def search_variants(site: Any, request: Request) -> dict[str, Any]:
    text = Obj(
        {"expression": Str(max_len=100), "fields": Arr(Str()), "mode": Str(), "fuzzy": Bool()}
    )
    search = query_spec(100, 10, search=text, aggregations=Arr(AnyObject()), timeZone=Str())
    validate(obj(search=search, fields=VARIANT_FIELDS), request.body)
    query = request.body.get("search") or {}
    rows, docs = _variant_rows(site)
    expression = ((query.get("search") or {}).get("expression") or "").lower()
    if expression:
        rows = [
            key
            for key in rows
            if expression in docs[key]["sku"].lower()
            or expression in docs[key]["productData"]["name"].lower()
        ]
    query = {k: v for k, v in query.items() if k not in ("search", "aggregations", "timeZone")}
    page, meta = run_query(query, rows, docs.__getitem__, SEARCH_VARIANTS, path="search")
    return {"variants": [docs[key] for key in page], "pagingMetadata": meta}
