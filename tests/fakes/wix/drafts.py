"""Draft orders (wix-api.md §2.5): create, get, delete, and create the order exactly once."""

from __future__ import annotations

import copy
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from tests.fakes.wix.errors import app_error, conflict, not_found, precondition
from tests.fakes.wix.model import CENT, STORES_APP_ID, dec, new_id
from tests.fakes.wix.orders import CHANNEL_INFO
from tests.fakes.wix.routing import Request, route
from tests.fakes.wix.schema import PRICE, AnyObject, Arr, Bool, Int, Obj, Str, obj, validate

CATALOG_LINE = Obj(
    {
        "id": Str(),
        "quantity": Int(1, 100000),
        "price": PRICE,
        "catalogReference": obj(
            "catalogItemId appId", catalogItemId=Str(max_len=36), appId=Str(), options=AnyObject()
        ),
        "locations": Arr(obj("id quantity", id=Str(), quantity=Int(1)), max_size=5),
    },
    frozenset({"catalogReference"}),
)
CUSTOM_LINE = Obj(
    {
        "id": Str(),
        "quantity": Int(1, 100000),
        "price": PRICE,
        "productName": obj("original", original=Str(1, 200), translated=Str()),
        "itemType": AnyObject(),
        "physicalProperties": AnyObject(),
        "taxGroupId": Str(),
    },
    frozenset({"productName", "price", "quantity"}),
)
DRAFT = obj(
    catalogLineItems=Arr(CATALOG_LINE, max_size=300),
    customLineItems=Arr(CUSTOM_LINE, max_size=300),
    buyerInfo=AnyObject(),
    billingInfo=AnyObject(),
    recipientInfo=AnyObject(),
    shippingInfo=AnyObject(),
    businessLocation=obj("id", id=Str()),
    taxExempt=Bool(),
    discounts=Arr(AnyObject(), max_size=100),
    additionalFees=Arr(AnyObject(), max_size=100),
)


def _catalog_line(site: Any, index: int, body: dict[str, Any]) -> dict[str, Any]:
    reference = body["catalogReference"]
    variant_id = (reference.get("options") or {}).get("variantId")
    found = site.find_variant(variant_id) if variant_id else None
    if (
        reference["appId"] != STORES_APP_ID
        or found is None
        or found[0].id != reference["catalogItemId"]
    ):
        raise precondition(
            "CATALOG_ITEM_NOT_FOUND",
            "no such Wix Stores product and variant",
            index=index,
            catalogReference=reference,
        )
    quantity = body.get("quantity", 1)
    override = dec(body["price"]) if body.get("price") else None
    locations = body.get("locations") or []
    line = site.catalog_line(
        found[1].sku, quantity, override, locations[0]["id"] if locations else None
    )
    line["id"] = body.get("id") or new_id()
    return line


def _custom_line(site: Any, body: dict[str, Any]) -> dict[str, Any]:
    quantity, unit = body["quantity"], dec(body["price"])
    gross, rate = unit * quantity, site.tax_rate
    tax = (gross * rate / (1 + rate) if site.tax_included else gross * rate).quantize(
        CENT, rounding=ROUND_HALF_UP
    )
    after = gross if site.tax_included else gross + tax
    money = site.money
    return {
        "id": body.get("id") or new_id(),
        "productName": dict(body["productName"]),
        "quantity": quantity,
        "price": money(unit),
        "priceBeforeDiscounts": money(unit),
        "lineItemPrice": money(gross),
        "totalDiscount": money(Decimal(0)),
        "totalPriceBeforeTax": money(after - tax),
        "totalPriceAfterTax": money(after),
        "taxInfo": {
            "taxAmount": money(tax),
            "taxableAmount": money(after - tax),
            "taxRate": str(rate),
            "taxIncludedInPrice": site.tax_included,
        },
        "itemType": body.get("itemType") or {"preset": "UNRECOGNISED"},
        "physicalProperties": body.get("physicalProperties") or {},
    }


def _calculated(site: Any, draft: dict[str, Any], *, reading: bool) -> dict[str, Any]:
    shown = copy.deepcopy(draft)
    lag = shown.pop("_lag", 0)
    if reading and lag > 0:  # the status flips to COMMITTED asynchronously (SDK comment)
        draft["_lag"] = lag - 1
        shown["status"] = "DRAFT"
    return {"draftOrder": shown, "shippingOptions": [], "calculationErrors": {}}


@route("POST", "/ecom/v1/draft-orders")
def create_draft(site: Any, request: Request) -> dict[str, Any]:
    validate(
        Obj(
            {"draftOrder": DRAFT, "sourceOrderId": Str()},
            required_one_of=(frozenset({"draftOrder", "sourceOrderId"}),),
        ),
        request.body,
    )
    if "sourceOrderId" in request.body:
        raise app_error(501, "NOT_IMPLEMENTED", "editing an order is not faked")
    body = request.body["draftOrder"]
    lines = [
        _catalog_line(site, i, line) for i, line in enumerate(body.get("catalogLineItems", []))
    ]
    lines += [_custom_line(site, line) for line in body.get("customLineItems", [])]
    if not lines:
        raise precondition("CREATE_ORDER_FAILED_VALIDATIONS", "a draft needs at least one line")
    now = site.now_iso()
    draft = {
        "id": new_id(),
        "status": "DRAFT",
        "createdDate": now,
        "updatedDate": now,
        "currency": site.currency,
        "taxIncludedInPrices": site.tax_included,
        "lineItems": lines,
        "priceSummary": site.price_summary(lines),
        **{
            key: copy.deepcopy(body[key])
            for key in (
                "buyerInfo",
                "billingInfo",
                "recipientInfo",
                "businessLocation",
                "taxExempt",
            )
            if key in body
        },
    }
    site.drafts[draft["id"]] = draft
    return {"calculatedDraftOrder": _calculated(site, draft, reading=False)}


def _draft(site: Any, draft_id: str) -> dict[str, Any]:
    draft = site.drafts.get(draft_id)
    if draft is None:
        raise not_found("DRAFT_ORDER_DOES_NOT_EXIST", f"Draft order {draft_id} does not exist")
    return draft


@route("GET", "/ecom/v1/draft-orders/{draftOrderId}")
def get_draft(site: Any, request: Request) -> dict[str, Any]:
    draft = _draft(site, request.params["draftOrderId"])
    return {"calculatedDraftOrder": _calculated(site, draft, reading=True)}


@route("DELETE", "/ecom/v1/draft-orders/{draftOrderId}")
def delete_draft(site: Any, request: Request) -> dict[str, Any]:
    draft = _draft(site, request.params["draftOrderId"])
    if draft["status"] == "COMMITTED":
        raise precondition("DRAFT_ORDER_CANNOT_BE_DELETED", "the draft is committed")
    del site.drafts[draft["id"]]
    return {}


@route("POST", "/ecom/v1/draft-orders/{draftOrderId}/create-order")
def create_order(site: Any, request: Request) -> dict[str, Any]:
    spec = obj(
        draftOrderId=Str(),
        channelInfo=CHANNEL_INFO,
        createSettings=AnyObject(),
        reason=Str(max_len=200),
    )
    validate(spec, request.body)
    draft = _draft(site, request.same_id("draftOrderId", "draftOrderId"))
    if draft["status"] == "COMMITTED":
        raise conflict(
            "DRAFT_ORDER_ALREADY_COMMITTED",
            "the draft order is already committed",
            orderId=draft["orderId"],
        )
    order = {
        "channelInfo": copy.deepcopy(
            request.body.get("channelInfo") or {"type": "BACKOFFICE_MERCHANT"}
        ),
        "lineItems": copy.deepcopy(draft["lineItems"]),
        "priceSummary": copy.deepcopy(draft["priceSummary"]),
        **{
            key: copy.deepcopy(draft[key])
            for key in ("buyerInfo", "billingInfo", "recipientInfo", "businessLocation")
            if key in draft
        },
    }
    created = site.insert_order(order)
    draft.update(
        status="COMMITTED",
        orderId=created["id"],
        updatedDate=site.now_iso(),
        _lag=site.draft_commit_lag,
    )
    return {
        "committedDraftOrder": _calculated(site, draft, reading=False)["draftOrder"],
        "createdOrder": site.order_json(created),
    }
