"""The catalogue pull: Wix products and variants into `products` / `variants` (V1 and V3).

V3 (wix-api.md §2.3): Query Products (no variants) then Query Variants (≤ 1000 a page,
SKU, barcode, price, options, product data). V1 (§2.1): Query Products with
``includeVariants``, offset paging sorted by ``numericId``, prices as JSON numbers, no barcode
(local barcodes are kept). One transaction per page.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pos.db import sync_state
from pos.db.sync_state import SkuConflictError, SyncSession, WixVariantRow
from pos.domain.money import Money
from pos.sync.money import decimal_amount
from pos.sync.pull_categories import category_names, v1_extras, v3_extras
from pos.sync.wix_orders import WixPayloadError, parse_amount

if TYPE_CHECKING:
    from pos.sync.pull import Page, PullRun

V3_PRODUCTS = "/stores/v3/products/query"
V3_VARIANTS = "/stores/v3/products/query-variants"
V1_PRODUCTS = "/stores-reader/v1/products/query"
V1_DEFAULT_VARIANT = "00000000-0000-0000-0000-000000000000"  # a V1 product without options
PRODUCTS_PAGE = 100
VARIANTS_PAGE = 1000
CURSOR_VERSION = "catalog.version"
CURSOR_DONE = "catalog.done_at"


def pull(run: PullRun) -> None:
    """Pull the whole catalogue, then retire the Wix variants Wix no longer has."""
    version = run.client.catalog_version()
    run.catalog_version = version
    kept: set[int] = set()
    names = category_names(run, version)
    if version == "V3_CATALOG":
        _pull_v3(run, kept, names)
    else:
        _pull_v1(run, kept, names)
    now = run.now()
    with run.sessions.begin() as session:
        run.changed += sync_state.deactivate_wix_variants(session, keep=kept)
        sync_state.set_cursor(session, CURSOR_VERSION, version, now=now)
        sync_state.set_cursor(session, CURSOR_DONE, now.isoformat(), now=now)


# ---------------------------------------------------------------- V3


def _pull_v3(run: PullRun, kept: set[int], names: Mapping[str, str]) -> None:
    body = {
        "query": {"sort": [{"fieldName": "createdDate", "order": "ASC"}]},
        "fields": ["CURRENCY", "ALL_CATEGORIES_INFO"],
    }
    currencies: dict[str, str] = {}
    done = 0
    for page in run.cursor_pages(
        V3_PRODUCTS, body, items_key="products", limit=PRODUCTS_PAGE, meta_key="pagingMetadata"
    ):
        _save_v3_products(run, page, currencies, names)
        done += len(page)
        run.tell(done, None, "products")
    body = {"query": {"sort": [{"fieldName": "productData.productId", "order": "ASC"}]},
            "fields": ["CURRENCY"]}  # fmt: skip
    done = 0
    for page in run.cursor_pages(
        V3_VARIANTS, body, items_key="variants", limit=VARIANTS_PAGE, meta_key="pagingMetadata"
    ):
        _save_v3_variants(run, page, currencies, kept)
        done += len(page)
        run.tell(done, None, "variants")


def _save_v3_products(
    run: PullRun, page: Page, currencies: dict[str, str], names: Mapping[str, str]
) -> None:
    now = run.now()
    with run.sessions.begin() as session:
        for index, product in enumerate(page):
            wix_id, name = _text(product, "id"), _text(product, "name")
            if not wix_id or not name:
                run.reject(wix_id or f"products[{index}]", "product without id or name")
                continue
            if isinstance(product.get("currency"), str):
                currencies[wix_id] = product["currency"]
            _, changed = sync_state.upsert_wix_product(
                session, wix_id=wix_id, name=name, visible=product.get("visible") is not False,
                now=now, extras=v3_extras(product, names),
            )  # fmt: skip
            run.changed += changed


def _save_v3_variants(
    run: PullRun, page: Page, currencies: Mapping[str, str], kept: set[int]
) -> None:
    now = run.now()
    with run.sessions.begin() as session:
        products = sync_state.product_ids_by_wix(session)
        for index, variant in enumerate(page):
            run.seen += 1
            data = (
                given if isinstance(given := variant.get("productData"), dict) else {}
            )
            try:
                row = _v3_row(variant, data, currencies, f"variants[{index}]")
            except WixPayloadError as error:
                run.reject(_v3_key(variant, data), _reason(error))
                continue
            product_id = products.get(row.wix_product_id)
            if product_id is None:  # a product added between the two walks
                product_id, _ = sync_state.upsert_wix_product(
                    session, wix_id=row.wix_product_id, name=_text(data, "name") or row.sku,
                    visible=data.get("visible") is not False, now=now,
                )  # fmt: skip
                products[row.wix_product_id] = product_id
            _save_variant(run, session, row, product_id, kept)


def _v3_row(
    variant: Mapping[str, Any], data: Mapping[str, Any], currencies: Mapping[str, str], path: str
) -> WixVariantRow:
    product_id, variant_id = _text(data, "productId"), _text(variant, "variantId")
    if not product_id or not variant_id:
        raise WixPayloadError("missing", f"{path}.productData.productId / variantId")
    currency = _text(data, "currency") or currencies.get(product_id)
    if not currency:
        raise WixPayloadError("missing", f"{path}.productData.currency")
    price = (variant.get("price") or {}).get("actualPrice") or {}
    choices = {}
    for choice in variant.get("optionChoices") or []:
        names = choice.get("optionChoiceNames") or {}
        if names.get("optionName"):
            choices[str(names["optionName"])] = str(names.get("choiceName") or "")
    return WixVariantRow(
        wix_product_id=product_id,
        wix_variant_id=variant_id,
        sku=_sku(variant.get("sku"), f"{path}.sku"),
        barcode=_text(variant, "barcode") or None,
        options=choices,
        price=parse_amount(price.get("amount"), currency, f"{path}.price.actualPrice.amount"),
    )


def _v3_key(variant: Mapping[str, Any], data: Mapping[str, Any]) -> str:
    return f"{_text(data, 'productId') or '?'}/{_text(variant, 'variantId') or '?'}"


# ---------------------------------------------------------------- V1


def _pull_v1(run: PullRun, kept: set[int], names: Mapping[str, str]) -> None:
    body = {
        "query": {"sort": json.dumps([{"numericId": "asc"}])},
        "includeVariants": True,
        "includeHiddenProducts": True,
    }
    done = 0
    for page in run.offset_pages(V1_PRODUCTS, body, items_key="products", limit=PRODUCTS_PAGE):
        _save_v1_products(run, page, kept, names)
        done += len(page)
        run.tell(done, run.total, "products")


def _save_v1_products(
    run: PullRun, page: Page, kept: set[int], names: Mapping[str, str]
) -> None:
    now = run.now()
    with run.sessions.begin() as session:
        for index, product in enumerate(page):
            wix_id, name = _text(product, "id"), _text(product, "name")
            if not wix_id or not name:
                run.reject(wix_id or f"products[{index}]", "product without id or name")
                continue
            product_id, changed = sync_state.upsert_wix_product(
                session, wix_id=wix_id, name=name, visible=product.get("visible") is not False,
                now=now, extras=v1_extras(product, names),
            )  # fmt: skip
            run.changed += changed
            for variant_index, variant in enumerate(_v1_variants(product)):
                run.seen += 1
                path = f"products[{index}].variants[{variant_index}]"
                try:
                    row = _v1_row(product, variant, path)
                except WixPayloadError as error:
                    run.reject(f"{wix_id}/{_text(variant, 'id') or '?'}", _reason(error))
                    continue
                _save_variant(run, session, row, product_id, kept)


def _v1_variants(product: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The product's variants; a product sent without any is its own single variant."""
    variants = product.get("variants")
    if isinstance(variants, list) and variants:
        return [v if isinstance(v, dict) else {} for v in variants]
    return [{"id": V1_DEFAULT_VARIANT, "choices": {}, "variant": {}}]


def _v1_row(product: Mapping[str, Any], variant: Mapping[str, Any], path: str) -> WixVariantRow:
    own = given if isinstance(given := variant.get("variant"), dict) else {}
    prices = own.get("priceData") or product.get("priceData") or {}
    currency = _text(prices, "currency") or _text(product.get("priceData") or {}, "currency")
    if not currency:
        raise WixPayloadError("missing", f"{path}.variant.priceData.currency")
    raw = prices.get("discountedPrice", prices.get("price"))
    number = decimal_amount(raw, path=f"{path}.variant.priceData.price", allow_number=True)
    choices = given if isinstance(given := variant.get("choices"), dict) else {}
    return WixVariantRow(
        wix_product_id=str(product["id"]),
        wix_variant_id=_text(variant, "id") or V1_DEFAULT_VARIANT,
        sku=_sku(own.get("sku") or product.get("sku"), f"{path}.variant.sku"),
        barcode=None,
        keep_barcode=True,  # V1 has no barcode field (wix-api.md §3 note 2)
        options={str(k): str(v) for k, v in choices.items()},
        price=_money(number, currency, f"{path}.variant.priceData.price"),
        inventory_item_id=_text(product, "inventoryItemId") or None,
    )


def _money(number: Any, currency: str, path: str) -> Money:
    """A V1 price, already an exact Decimal, checked like any other Wix amount."""
    return parse_amount(str(number), currency, path)


# ---------------------------------------------------------------- shared


def _save_variant(
    run: PullRun, session: SyncSession, row: WixVariantRow, product_id: int, kept: set[int]
) -> None:
    try:
        variant_id, changed = sync_state.upsert_wix_variant(
            session, row, product_id=product_id, tax_rate=run.puller.new_variant_tax_rate,
            now=run.now(),
        )  # fmt: skip
    except SkuConflictError as error:
        run.reject(f"{row.wix_product_id}/{row.wix_variant_id}", str(error))
        return
    kept.add(variant_id)
    run.changed += changed


def _sku(value: Any, path: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise WixPayloadError("missing", path)  # the counter finds variants by SKU
    sku = value.strip()
    if len(sku) > 64:
        raise WixPayloadError("too_long", path, value=sku)
    return sku


def _text(node: Any, name: str) -> str:
    value = node.get(name) if isinstance(node, Mapping) else None
    return value.strip() if isinstance(value, str) else ""


def _reason(error: WixPayloadError) -> str:
    """Plain words for the report: what is wrong and where."""
    words = {
        "missing": "a required field is missing",
        "too_long": "a field is too long",
        "amount_invalid": "a price is not a valid amount",
        "amount_negative": "a price is negative",
        "amount_too_precise": "a price has more decimals than the currency allows",
        "amount_is_number": "a price is a number where text is expected",
        "wrong_type": "a field has the wrong type",
    }
    return f"{words.get(error.code, error.code)} ({error.path})"
