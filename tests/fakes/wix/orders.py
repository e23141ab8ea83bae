"""eCommerce order endpoints (wix-api.md §2.5): search, get, create, cancel, comments, settings."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from typing import Any

from tests.fakes.wix.errors import bad_field, invalid, precondition, violation
from tests.fakes.wix.model import dec
from tests.fakes.wix.query import ALL, ARRAY, EQUALITY, QueryRules, run_query
from tests.fakes.wix.routing import Request, route
from tests.fakes.wix.schema import (
    PRICE,
    AnyObject,
    AnyValue,
    Arr,
    Bool,
    DecimalStr,
    Int,
    Obj,
    Str,
    obj,
    query_spec,
    validate,
)

CHANNELS = (
    "WEB",
    "POS",
    "EBAY",
    "AMAZON",
    "OTHER_PLATFORM",
    "WIX_APP_STORE",
    "WIX_INVOICES",
    "BACKOFFICE_MERCHANT",
    "WISH",
    "CLASS_PASS",
    "GLOBAL_E",
    "FACEBOOK",
    "ETSY",
    "TIKTOK",
    "FAIRE_COM",
)
CHANNEL_INFO = Obj(
    {"type": Str(enum=CHANNELS), "externalOrderId": Str(max_len=100), "externalOrderUrl": Str()},
    frozenset({"type"}),
)
PAYMENT_STATUSES = (
    "NOT_PAID",
    "PAID",
    "PARTIALLY_REFUNDED",
    "FULLY_REFUNDED",
    "PENDING",
    "PARTIALLY_PAID",
    "PENDING_MERCHANT",
    "CANCELED",
    "DECLINED",
)
LINE = Obj(
    {
        "id": Str(),
        "quantity": Int(1, 100000),
        "productName": obj("original", original=Str(1, 200), translated=Str()),
        "catalogReference": obj(
            "catalogItemId appId", catalogItemId=Str(max_len=36), appId=Str(), options=AnyObject()
        ),
        **{
            name: PRICE
            for name in (
                "price",
                "priceBeforeDiscounts",
                "lineItemPrice",
                "totalDiscount",
                "totalPriceBeforeTax",
                "totalPriceAfterTax",
            )
        },
        "taxInfo": obj(
            taxAmount=PRICE,
            taxableAmount=PRICE,
            taxRate=DecimalStr(high=Decimal(1), max_scale=6),
            taxIncludedInPrice=Bool(),
            taxBreakdown=Arr(AnyObject()),
        ),
        "itemType": Obj(
            {
                "preset": Str(enum=("PHYSICAL", "DIGITAL", "GIFT_CARD", "SERVICE", "UNRECOGNISED")),
                "custom": Str(),
            },
            required_one_of=(frozenset({"preset", "custom"}),),
        ),
        "locations": Arr(obj("id quantity", id=Str(), quantity=Int(1)), max_size=5),
        "paymentOption": Str(
            enum=(
                "FULL_PAYMENT_ONLINE",
                "FULL_PAYMENT_OFFLINE",
                "MEMBERSHIP",
                "DEPOSIT_ONLINE",
                "MEMBERSHIP_OFFLINE",
            )
        ),
        **{
            name: AnyObject()
            for name in (
                "physicalProperties",
                "taxDetails",
                "digitalFile",
                "currencyConversionDetails",
                "image",
                "subscriptionInfo",
            )
        },
        "descriptionLines": Arr(AnyObject()),
    },
    frozenset({"productName", "quantity", "price", "itemType"}),
)
ORDER = Obj(
    {
        "channelInfo": CHANNEL_INFO,
        "lineItems": Arr(LINE, 1, 300),
        "priceSummary": obj(
            **{
                k: PRICE
                for k in ("subtotal", "shipping", "tax", "discount", "total", "totalAdditionalFees")
            }
        ),
        **{
            name: AnyObject()
            for name in (
                "buyerInfo",
                "billingInfo",
                "recipientInfo",
                "shippingInfo",
                "taxInfo",
                "attributionSource",
            )
        },
        "businessLocation": obj("id", id=Str()),
        "customFields": Arr(
            obj("title", title=Str(1, 500), value=AnyValue(), translatedTitle=Str())
        ),
        "appliedDiscounts": Arr(AnyObject()),
        "additionalFees": Arr(AnyObject()),
        "buyerNote": Str(max_len=1000),
        "purchasedDate": Str(),
        "currency": Str(3, 3),
        "buyerLanguage": Str(),
        "weightUnit": Str(),
        "taxIncludedInPrices": Bool(),
        "seenByAHuman": Bool(),
        "paymentStatus": Str(enum=PAYMENT_STATUSES),
        "status": Str(enum=("INITIALIZED", "APPROVED", "PENDING")),
    },
    frozenset({"channelInfo", "priceSummary", "lineItems"}),
)
GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
SEARCH = QueryRules(
    "orders",
    {
        **{
            n: EQUALITY
            for n in (
                "id",
                "buyerInfo.contactId",
                "buyerInfo.memberId",
                "channelInfo.externalOrderId",
                "checkoutId",
                "createdBy.userId",
                "archived",
                "imported",
                "seenByAHuman",
                "channelInfo.type",
                "fulfillmentStatus",
                "paymentStatus",
                "status",
                "shippingInfo.title",
                "shippingInfo.region.name",
            )
        },
        **{
            n: ALL
            for n in (
                "createdDate",
                "updatedDate",
                "number",
                "buyerInfo.email",
                "priceSummary.total.amount",
                "purchasedDate",
                "billingInfo.contactDetails.firstName",
                "billingInfo.contactDetails.lastName",
                "businessLocation.id",
                "businessLocation.name",
                "taxInfo.totalTax.amount",
                *(
                    f"balanceSummary.{k}.amount"
                    for k in ("balance", "paid", "refunded", "authorized", "pending")
                ),
            )
        },
        **{
            n: ARRAY
            for n in (
                "lineItems.catalogReference.catalogItemId",
                "lineItems.catalogReference.appId",
                "lineItems.productName.original",
                "appliedDiscounts.coupon.id",
            )
        },
    },
    frozenset(
        {
            "channelInfo.type",
            "fulfillmentStatus",
            "paymentStatus",
            "status",
            "shippingInfo.title",
            "shippingInfo.region.name",
            "createdDate",
            "updatedDate",
            "number",
            "buyerInfo.email",
            "priceSummary.total.amount",
            "purchasedDate",
            "billingInfo.contactDetails.firstName",
            "billingInfo.contactDetails.lastName",
            "businessLocation.id",
            "businessLocation.name",
            "taxInfo.totalTax.amount",
        }
    ),
    default_sort=(("createdDate", "DESC"),),
    default_limit=100,
)


@route("POST", "/ecom/v1/orders/search")
def search(site: Any, request: Request) -> dict[str, Any]:
    validate(obj(search=query_spec(100, 4)), request.body)
    visible = [o for o in site.orders.values() if o["status"] != "INITIALIZED"]
    page, meta = run_query(
        request.body.get("search") or {}, visible, lambda o: o, SEARCH, path="search"
    )
    return {"orders": [site.order_json(o) for o in page], "metadata": meta}


@route("GET", "/ecom/v1/orders/{id}")
def get(site: Any, request: Request) -> dict[str, Any]:
    return {"order": site.order_json(site.order(request.params["id"]))}


@route("POST", "/ecom/v1/orders")
def create(site: Any, request: Request) -> dict[str, Any]:
    settings = obj(
        orderApprovalStrategy=Str(enum=("DEFAULT", "PAYMENT_RECEIVED", "PAYMENT_METHOD_SAVED")),
        notifications=obj(sendNotificationToBuyer=Bool(), sendNotificationsToBusiness=Bool()),
        editableByEveryone=Bool(),
        editableByOwnerApps=obj(appIds=Arr(Str(), 1, 10)),
    )
    validate(Obj({"order": ORDER, "settings": settings}, frozenset({"order"})), request.body)
    order = request.body["order"]
    bad = [
        violation(f"order.lineItems[{i}].id", "must be a GUID or empty", "FORMAT")
        for i, line in enumerate(order["lineItems"])
        if line.get("id") and not GUID.match(line["id"])
    ]
    if bad:
        raise invalid(bad)
    if order.get("purchasedDate"):
        try:
            moment = datetime.fromisoformat(order["purchasedDate"].replace("Z", "+00:00"))
        except ValueError:
            raise bad_field("order.purchasedDate", "not an ISO-8601 timestamp", "FORMAT") from None
        if moment > site.clock.now():
            raise precondition("PURCHASED_DATE_CANNOT_BE_IN_FUTURE", "purchasedDate is ahead")
    strategy = (request.body.get("settings") or {}).get("orderApprovalStrategy", "DEFAULT")
    free = dec(order["priceSummary"].get("total")) == 0
    approve = strategy == "DEFAULT" or free
    return {"order": site.order_json(site.insert_order(dict(order), approve=approve))}


@route("POST", "/ecom/v1/orders/{id}/cancel")
def cancel(site: Any, request: Request) -> dict[str, Any]:
    spec = obj(
        id=Str(), sendOrderCanceledEmail=Bool(), customMessage=Str(1, 1000), restockAllItems=Bool()
    )
    validate(spec, request.body)
    order = site.order(request.same_id("id", "id"))
    refused = {
        "CANCELED": "ORDER_ALREADY_CANCELED",
        "REJECTED": "ORDER_IS_REJECTED",
        "PENDING": "ORDER_IS_PENDING",
    }.get(order["status"])
    if refused:
        raise precondition(refused, f"Order is {order['status']}", orderId=order["id"])
    if any(p["status"] == "AUTHORIZED" for p in site.payments[order["id"]]):
        raise precondition("ORDER_HAS_AUTHORIZED_TRANSACTION", "void or capture it first")
    if request.body.get("restockAllItems"):
        for line, item in site.line_items_stock(order):
            site.adjust(item, line["quantity"] - line["restockQuantity"])
            line["restockQuantity"] = line["quantity"]
    order["status"] = "CANCELED"
    site.add_activity(order, "ORDER_CANCELED")
    site.touch(order)
    return {"order": site.order_json(order)}


@route("POST", "/ecom/v1/orders/{orderId}/activities/add")
def add_activities(site: Any, request: Request) -> dict[str, Any]:
    activity = Obj(
        {
            "activityType": Str(enum=("MERCHANT_COMMENT",)),
            "merchantComment": obj("message", message=Str(1, 5000)),
        },
        frozenset({"activityType", "merchantComment"}),
    )
    spec = Obj(
        {"orderId": Str(), "orderActivities": Arr(activity, 1, 300)}, frozenset({"orderActivities"})
    )
    validate(spec, request.body)
    order = site.order(request.same_id("orderId", "orderId"))
    wanted = request.body["orderActivities"]
    if len(order["activities"]) + len(wanted) > 1000:
        raise precondition("ACTIVITIES_LIMIT_REACHED", "an order keeps at most 1000 activities")
    ids = [
        site.add_activity(order, "MERCHANT_COMMENT", merchantComment=dict(a["merchantComment"]))
        for a in wanted
    ]
    site.touch(order)
    return {"order": site.order_json(order), "activityIds": ids}


def _settings(site: Any) -> dict[str, Any]:
    return {
        "ordersSettings": {
            "inventoryUpdateTrigger": site.inventory_update_trigger,
            "createInvoice": False,
            "createdDate": site.now_iso(),
            "updatedDate": site.now_iso(),
        }
    }


@route("GET", "/ecom/v1/orders-settings")
def get_settings(site: Any, request: Request) -> dict[str, Any]:
    return _settings(site)


@route("PATCH", "/ecom/v1/orders-settings")
def patch_settings(site: Any, request: Request) -> dict[str, Any]:
    inner = obj(
        inventoryUpdateTrigger=Str(enum=("ON_ORDER_PLACED", "ON_ORDER_PAID")), createInvoice=Bool()
    )
    validate(Obj({"ordersSettings": inner}, frozenset({"ordersSettings"})), request.body)
    trigger = request.body["ordersSettings"].get("inventoryUpdateTrigger")
    if trigger:
        site.inventory_update_trigger = trigger
    return _settings(site)
