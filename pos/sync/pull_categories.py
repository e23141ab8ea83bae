"""A product's categories and main picture, as the catalogue pull reads them (V1 and V3).

V1 (wix-api.md §2.1): `collectionIds` on the product, names from Query Collections
(``/stores-reader/v1/collections/query``, offset paging); picture ``media.mainMedia.image.url``.
V3 (§2.3): ``allCategoriesInfo`` (asked with the ``ALL_CATEGORIES_INFO`` field, so a rule set
on "Soldes" covers "Soldes > Robes"), ``mainCategoryId``; names from the Categories API
(``/categories/v1/categories/query``, tree ``@wix/stores``, hidden ones included); picture
``media.main.image.url`` (or ``media.main.url``). The built-in "All Products" collection is
no category: every product is in it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pos.sync.pull import PullRun

V1_COLLECTIONS = "/stores-reader/v1/collections/query"
V3_CATEGORIES = "/categories/v1/categories/query"
STORES_TREE = {"appNamespace": "@wix/stores", "treeKey": None}
V1_ALL_PRODUCTS = "00000000-000000-000000-000000000001"
ALL_PRODUCTS_SLUG = "all-products"
NAME_LENGTH = 100  # products.category
URL_LENGTH = 1000  # products.image_url


@dataclass(frozen=True, slots=True)
class ProductExtras:
    """What the counter needs beyond names and prices: categories (main first), picture."""

    categories: tuple[str, ...]
    image_url: str | None


def category_names(run: PullRun, version: str) -> dict[str, str]:
    """Every collection (V1) / category (V3) of the site: {id: name}, "All Products" left out."""
    names: dict[str, str] = {}
    if version == "V3_CATALOG":
        body: dict[str, Any] = {"query": {}, "treeReference": STORES_TREE,
                                "returnNonVisibleCategories": True}  # fmt: skip
        pages = run.cursor_pages(V3_CATEGORIES, body, items_key="categories", limit=1000,
                                 meta_key="pagingMetadata")  # fmt: skip
    else:
        pages = run.offset_pages(V1_COLLECTIONS, {"query": {}}, items_key="collections",
                                 limit=100)  # fmt: skip
    for page in pages:
        for item in page:
            key, name = _text(item, "id"), _text(item, "name")
            if key and name and key != V1_ALL_PRODUCTS and item.get("slug") != ALL_PRODUCTS_SLUG:
                names[key] = name[:NAME_LENGTH]
    return names


def v1_extras(product: Mapping[str, Any], names: Mapping[str, str]) -> ProductExtras:
    ids = listed if isinstance(listed := product.get("collectionIds"), list) else []
    main = _node(_node(product, "media"), "mainMedia")
    return ProductExtras(_named(ids, names), _url(_text(_node(main, "image"), "url")))


def v3_extras(product: Mapping[str, Any], names: Mapping[str, str]) -> ProductExtras:
    listed = []
    for info in ("allCategoriesInfo", "directCategoriesInfo"):
        entries = _node(product, info).get("categories")
        listed += [_text(e, "id") for e in entries if isinstance(e, dict)] if isinstance(
            entries, list) else []  # fmt: skip
    main = _text(product, "mainCategoryId")
    media = _node(_node(product, "media"), "main")
    url = _text(_node(media, "image"), "url") or _text(media, "url")
    return ProductExtras(_named([main, *listed] if main else listed, names), _url(url))


def _named(ids: list[Any], names: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names[i] for i in ids if isinstance(i, str) and i in names))


def _url(text: str) -> str | None:
    """A picture URL Comptoir can fetch (http or https, not too long), else None."""
    ok = text.startswith(("https://", "http://")) and len(text) <= URL_LENGTH
    return text if ok else None


def _node(parent: Any, name: str) -> Mapping[str, Any]:
    value = parent.get(name) if isinstance(parent, Mapping) else None
    return value if isinstance(value, Mapping) else {}


def _text(node: Any, name: str) -> str:
    value = node.get(name) if isinstance(node, Mapping) else None
    return value.strip() if isinstance(value, str) else ""
