"""Catalogue and stock records rendered as Wix JSON: V1 (money as JSON numbers, held here
as `Decimal` and written by the server as raw numbers) and V3 (money as decimal strings)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tests.fakes.wix.categories import v1_collection_ids, v1_media, v3_category_info, v3_media
from tests.fakes.wix.model import InventoryItem, Product, Variant, amount, iso, price


def _status(items: list[InventoryItem]) -> str:
    available = [item.available for item in items]
    if all(available):
        return "IN_STOCK"
    return "PARTIALLY_OUT_OF_STOCK" if any(available) else "OUT_OF_STOCK"


def v1_price_data(value: Decimal, currency: str) -> dict[str, Any]:
    text = price(value, currency)["formattedAmount"]
    return {
        "currency": currency,
        "price": value,
        "discountedPrice": value,
        "formatted": {"price": text, "discountedPrice": text},
    }


def v1_product(site: Any, product: Product, *, include_variants: bool) -> dict[str, Any]:
    items = [site.item_at(v.id) for v in product.variants]
    items = [item for item in items if item is not None]
    tracked = all(item.track_quantity for item in items)
    first = product.variants[0]
    body: dict[str, Any] = {
        "id": product.id,
        "name": product.name,
        "slug": product.slug,
        "visible": product.visible,
        "productType": "physical",
        "description": "",
        "sku": "" if product.options else first.sku,
        "weight": 0,
        "stock": {
            "trackInventory": tracked,
            "quantity": sum(item.quantity or 0 for item in items) if tracked else None,
            "inStock": any(item.available for item in items),
            "inventoryStatus": _status(items),
        },
        "priceData": v1_price_data(min(v.price for v in product.variants), site.currency),
        "manageVariants": bool(product.options),
        "productOptions": [
            {
                "optionType": "drop_down",
                "name": option.name,
                "choices": [
                    {"value": c.name, "description": c.name, "inStock": True, "visible": True}
                    for c in option.choices
                ],
            }
            for option in product.options
        ],
        "inventoryItemId": product.inventory_item_id,
        "collectionIds": v1_collection_ids(product),
        "media": v1_media(site, product),
        "numericId": str(product.numeric_id),
        "lastUpdated": iso(product.updated),
        "createdDate": iso(product.created),
    }
    if body["stock"]["quantity"] is None:
        del body["stock"]["quantity"]
    if include_variants:
        body["variants"] = [v1_variant(site, variant) for variant in product.variants]
    return body


def v1_variant(site: Any, variant: Variant) -> dict[str, Any]:
    item = site.item_at(variant.id)
    stock: dict[str, Any] = {
        "trackQuantity": bool(item and item.track_quantity),
        "inStock": bool(item and item.available),
    }
    if item is not None and item.quantity is not None:
        stock["quantity"] = item.quantity
    return {
        "id": variant.id,
        "choices": dict(variant.choices),
        "variant": {
            "priceData": v1_price_data(variant.price, site.currency),
            "sku": variant.sku,
            "visible": variant.visible,
            "weight": 0,
        },
        "stock": stock,
    }


def v1_inventory_item(site: Any, product: Product) -> dict[str, Any]:
    items = [site.item_at(v.id) for v in product.variants]
    variants = []
    for variant, item in zip(product.variants, items, strict=True):
        entry: dict[str, Any] = {
            "variantId": variant.id,
            "inStock": bool(item and item.available),
            "availableForPreorder": False,
        }
        if item is not None and item.quantity is not None:
            entry["quantity"] = item.quantity
        variants.append(entry)
    return {
        "id": product.inventory_item_id,
        "productId": product.id,
        "trackQuantity": all(item is not None and item.track_quantity for item in items),
        "variants": variants,
        "lastUpdated": iso(product.updated),
        "numericId": str(product.numeric_id),
        "preorderInfo": {"enabled": False},
    }


def _fixed(value: Decimal, currency: str) -> dict[str, str]:
    return {"amount": amount(value), "formattedAmount": price(value, currency)["formattedAmount"]}


def v3_choices(product: Product, variant: Variant) -> list[dict[str, Any]]:
    choices = []
    for option in product.options:
        if option.name not in variant.choices:
            continue
        choice = option.choice(variant.choices[option.name])
        choices.append(
            {
                "optionChoiceIds": {"optionId": option.id, "choiceId": choice.id},
                "optionChoiceNames": {
                    "optionName": option.name,
                    "choiceName": choice.name,
                    "renderType": "TEXT_CHOICES",
                },
            }
        )
    return choices


def v3_variant(site: Any, product: Product, variant: Variant) -> dict[str, Any]:
    item = site.item_at(variant.id)
    return {
        "id": variant.id,
        "visible": variant.visible,
        "sku": variant.sku,
        "barcode": variant.barcode,
        "choices": v3_choices(product, variant),
        "price": {"actualPrice": _fixed(variant.price, site.currency)},
        "inventoryStatus": {"inStock": bool(item and item.available), "preorderEnabled": False},
    }


def v3_product(
    site: Any, product: Product, *, with_variants: bool, fields: list[str]
) -> dict[str, Any]:
    items = [site.item_at(v.id) for v in product.variants]
    prices = [v.price for v in product.variants]
    body: dict[str, Any] = {
        "id": product.id,
        "revision": str(product.revision),
        "name": product.name,
        "slug": product.slug,
        "handle": product.slug,
        "visible": product.visible,
        "visibleInPos": product.visible_in_pos,
        "productType": "PHYSICAL",
        "options": [
            {
                "id": option.id,
                "name": option.name,
                "optionRenderType": "TEXT_CHOICES",
                "choicesSettings": {
                    "choices": [{"choiceId": c.id, "name": c.name} for c in option.choices]
                },
            }
            for option in product.options
        ],
        "inventory": {
            "availabilityStatus": _status([i for i in items if i is not None]),
            "preorderStatus": "DISABLED",
        },
        "actualPriceRange": {
            "minValue": _fixed(min(prices), site.currency),
            "maxValue": _fixed(max(prices), site.currency),
        },
        "variantSummary": {"variantCount": len(product.variants)},
        "createdDate": iso(product.created),
        "updatedDate": iso(product.updated),
    }
    body.update(v3_category_info(site, product, fields))
    if media := v3_media(site, product, fields):
        body["media"] = media
    if "CURRENCY" in fields:
        body["currency"] = site.currency
    if with_variants:
        body["variantsInfo"] = {
            "variants": [v3_variant(site, product, v) for v in product.variants]
        }
    return body


def read_only_variant(site: Any, product: Product, variant: Variant) -> dict[str, Any]:
    full = v3_variant(site, product, variant)
    data = {
        "productId": product.id,
        "name": product.name,
        "productType": "PHYSICAL",
        "slug": product.slug,
        "handle": product.slug,
        "visible": product.visible,
        "visibleInPos": product.visible_in_pos,
        "currency": site.currency,
        "revision": str(product.revision),
    }
    return {
        "id": f"{product.id}-{variant.id}",
        "variantId": variant.id,
        "visible": variant.visible,
        "sku": variant.sku,
        "barcode": variant.barcode,
        "optionChoices": full["choices"],
        "price": full["price"],
        "inventoryStatus": full["inventoryStatus"],
        "productData": data,
    }


def v3_inventory_item(
    site: Any, item: InventoryItem, *, for_filter: bool = False
) -> dict[str, Any]:
    product = site.products[item.product_id]
    variant = product.variant(item.variant_id)
    body: dict[str, Any] = {
        "id": item.id,
        "revision": str(item.revision),
        "createdDate": iso(item.created),
        "updatedDate": iso(item.updated),
        "variantId": item.variant_id,
        "locationId": item.location_id,
        "productId": item.product_id,
        "trackQuantity": item.track_quantity,
        "availabilityStatus": "IN_STOCK" if item.available else "OUT_OF_STOCK",
        "preorderInfo": {"enabled": item.preorder},
        "product": {
            "name": product.name,
            "variantName": variant.name if variant else "",
            "variantSku": variant.sku if variant else "",
            "variantVisible": variant.visible if variant else False,
        },
    }
    if item.quantity is not None:
        body["quantity"] = item.quantity  # one-of: quantity tracking...
    if item.quantity is None or for_filter:
        body["inStock"] = item.available  # ...or status tracking
    if for_filter and variant is not None:
        body["product"]["variantBarcode"] = variant.barcode
    return body
