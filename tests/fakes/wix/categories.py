"""Collections (V1), categories (V3) and product pictures, as Wix Stores serves them.

V1 `POST /stores-reader/v1/collections/query` (offset paging, filter/sort as JSON strings);
every product is also in the built-in "All Products" collection. V3 `POST /categories/v1/
categories/query` (cursor paging, `treeReference.appNamespace` "@wix/stores" required; hidden
categories only with `returnNonVisibleCategories`). Pictures live on the media host
(`static.wixstatic.com/media/<file>` on Wix; `<fake>/media/<file>` here, no credentials).
"""

from __future__ import annotations

import struct
import zlib
from typing import Any

from tests.fakes.wix.errors import bad_field
from tests.fakes.wix.model import Category, Product
from tests.fakes.wix.query import ALL, QueryRules, run_query, v1_query
from tests.fakes.wix.routing import Request, route
from tests.fakes.wix.schema import Arr, Bool, Int, Str, obj, query_spec, validate

ALL_PRODUCTS_V1 = "00000000-000000-000000-000000000001"  # V1's built-in collection
STORES_TREE = "@wix/stores"
V1_COLLECTIONS = QueryRules(
    "v1-collections", {"id": ALL, "name": ALL, "slug": ALL}, frozenset({"name", "slug"}),
    default_limit=50,
)  # fmt: skip
V3_CATEGORIES = QueryRules(
    "v3-categories",
    {"id": ALL, "name": ALL, "slug": ALL, "visible": ALL, "parentCategory.id": ALL},
    frozenset({"name", "createdDate", "updatedDate"}),
    default_limit=100,
)


def png(width: int = 4, height: int = 3, rgb: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    """A valid PNG of one colour (what the media host serves for a product's picture)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)  # fmt: skip

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(row * height)) + chunk(b"IEND", b""))  # fmt: skip


def media_url(site: Any, product: Product) -> str | None:
    return f"{site.media_base}/{product.media_file}" if product.media_file else None


def v1_media(site: Any, product: Product) -> dict[str, Any]:
    """V1 `Product.media`: `mainMedia` with its image (and thumbnail) URL and size."""
    url = media_url(site, product)
    if url is None:
        return {"items": []}
    main = {
        "id": product.media_file,
        "mediaType": "image",
        "title": product.name,
        "image": {"url": url, "width": 4, "height": 3},
        "thumbnail": {"url": url, "width": 4, "height": 3},
    }
    return {"mainMedia": main, "items": [main]}


def v1_collection_ids(product: Product) -> list[str]:
    return [ALL_PRODUCTS_V1, *product.category_ids]


def v3_media(site: Any, product: Product, fields: list[str]) -> dict[str, Any]:
    """V3 `Product.media`: `main` (read-only, the first item); the items with MEDIA_ITEMS_INFO."""
    url = media_url(site, product)
    if url is None:
        return {}
    main = {
        "id": product.media_file,
        "url": url,
        "mediaType": "IMAGE",
        "displayName": product.name,
        "image": {"id": product.media_file, "url": url, "width": 4, "height": 3},
    }
    media: dict[str, Any] = {"main": main}
    if "MEDIA_ITEMS_INFO" in fields:
        media["itemsInfo"] = {"items": [main]}
    return media


def v3_category_info(site: Any, product: Product, fields: list[str]) -> dict[str, Any]:
    """`mainCategoryId` always; direct / all (ancestors too) categories when asked for."""
    body: dict[str, Any] = {}
    if product.category_ids:
        body["mainCategoryId"] = product.category_ids[0]
    direct = [{"id": c, "index": 0} for c in product.category_ids]
    if "DIRECT_CATEGORIES_INFO" in fields:
        body["directCategoriesInfo"] = {"categories": direct}
    if "ALL_CATEGORIES_INFO" in fields:
        every: list[str] = []
        for category_id in product.category_ids:
            while category_id and category_id not in every:
                every.append(category_id)
                parent = site.categories.get(category_id)
                category_id = parent.parent_id if parent else None
        body["allCategoriesInfo"] = {"categories": [{"id": c, "index": 0} for c in every]}
    return body


def _v1_collection(site: Any, category: Category) -> dict[str, Any]:
    count = sum(category.id in p.category_ids for p in site.products.values())
    return {"id": category.id, "name": category.name, "slug": category.slug,
            "visible": category.visible, "numberOfProducts": count,
            "media": {"items": []}, "description": ""}  # fmt: skip


@route("POST", "/stores-reader/v1/collections/query", catalog="V1")
def v1_collections_query(site: Any, request: Request) -> dict[str, Any]:
    spec = obj(
        query=obj(paging=obj(limit=Int(0, 100), offset=Int(0)), filter=Str(), sort=Str()),
        includeNumberOfProducts=Bool(),
        includeDescription=Bool(),
    )
    validate(spec, request.body)
    every = [Category(ALL_PRODUCTS_V1, "All Products", "all-products"),
             *site.categories.values()]  # fmt: skip
    docs = {c.id: _v1_collection(site, c) for c in every}
    docs[ALL_PRODUCTS_V1]["numberOfProducts"] = len(site.products)
    page, offset, total = v1_query(
        request.body.get("query") or {}, every, lambda c: docs[c.id], V1_COLLECTIONS
    )
    return {"collections": [docs[c.id] for c in page],
            "metadata": {"items": len(page), "offset": offset}, "totalResults": total}  # fmt: skip


def _v3_category(site: Any, category: Category) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": category.id, "revision": "1", "name": category.name, "slug": category.slug,
        "visible": category.visible, "treeReference": {"appNamespace": STORES_TREE},
        "itemCounter": sum(category.id in p.category_ids for p in site.products.values()),
        "createdDate": site.now_iso(), "updatedDate": site.now_iso(),
    }  # fmt: skip
    if category.parent_id:
        body["parentCategory"] = {"id": category.parent_id, "index": 0}
    return body


@route("POST", "/categories/v1/categories/query", catalog="V3")
def v3_categories_query(site: Any, request: Request) -> dict[str, Any]:
    tree = obj("appNamespace", appNamespace=Str(max_len=150), treeKey=Str())  # treeKey: null
    spec = obj("treeReference", query=query_spec(1000, 5), treeReference=tree,
               returnNonVisibleCategories=Bool(), fields=Arr(Str()))  # fmt: skip
    validate(spec, request.body)
    if (request.body.get("treeReference") or {}).get("appNamespace") != STORES_TREE:
        raise bad_field("treeReference.appNamespace", "must be @wix/stores", "REQUIRED_FIELD")
    rows = [c for c in site.categories.values()
            if c.visible or request.body.get("returnNonVisibleCategories")]  # fmt: skip
    docs = {c.id: _v3_category(site, c) for c in rows}
    page, meta = run_query(request.body.get("query") or {}, rows, lambda c: docs[c.id],
                           V3_CATEGORIES)  # fmt: skip
    return {"categories": [docs[c.id] for c in page], "pagingMetadata": meta}
