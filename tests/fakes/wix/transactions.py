"""Order transactions (wix-api.md §2.6): list, add payments, refund payments with restock."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

from tests.fakes.wix.errors import not_found, precondition
from tests.fakes.wix.model import dec, new_id
from tests.fakes.wix.routing import Request, route
from tests.fakes.wix.schema import PRICE, AnyObject, Arr, Bool, Int, Obj, Str, obj, validate

PAYMENT_STATUSES = (
    "APPROVED",
    "PENDING",
    "PENDING_MERCHANT",
    "CANCELED",
    "DECLINED",
    "REFUNDED",
    "PARTIALLY_REFUNDED",
    "AUTHORIZED",
    "VOIDED",
)
REFUNDABLE = frozenset({"APPROVED", "PARTIALLY_REFUNDED"})
REGULAR = obj(
    offlinePayment=Bool(),
    paymentMethodName=AnyObject(),
    paymentMethod=Str(),
    providerTransactionId=Str(),
    gatewayTransactionId=Str(),
    paymentOrderId=Str(),
    creditCardDetails=obj(lastFourDigits=Str(), brand=Str()),
    authorizationDetails=AnyObject(),
    chargebacks=Arr(AnyObject()),
)
PAYMENT = Obj(
    {
        "amount": PRICE,
        "status": Str(enum=PAYMENT_STATUSES),
        "refundDisabled": Bool(),
        "regularPaymentDetails": REGULAR,
        "giftcardPaymentDetails": AnyObject(),
        "membershipPaymentDetails": AnyObject(),
        "chargeCorrelationId": Str(),
        "createdDate": Str(),
    },
    frozenset({"amount"}),
    required_one_of=(
        frozenset({"regularPaymentDetails", "giftcardPaymentDetails", "membershipPaymentDetails"}),
    ),
)
LINE_QUANTITIES = Arr(obj("lineItemId quantity", lineItemId=Str(), quantity=Int(1, 100000)))
REFUND = Obj(
    {
        "orderId": Str(),
        "paymentRefunds": Arr(
            obj("paymentId", paymentId=Str(), amount=PRICE, externalRefund=Bool()), 1, 50
        ),
        "refundItems": obj(
            lineItems=LINE_QUANTITIES, shipping=obj(amount=PRICE), additionalFees=Arr(AnyObject())
        ),
        "sideEffects": obj(
            restock=obj(lineItems=LINE_QUANTITIES),
            notifications=obj(sendCustomerEmail=Bool(), customMessage=Str()),
        ),
        "customerReason": Str(max_len=200),
    },
    frozenset({"orderId", "paymentRefunds"}),
)


@route("GET", "/ecom/v1/payments/orders/{orderId}")
def list_for_order(site: Any, request: Request) -> dict[str, Any]:
    order = site.order(request.params["orderId"])
    return {"orderTransactions": site.transactions_json(order["id"])}


@route("POST", "/ecom/v1/payments/list-by-ids")
def list_by_ids(site: Any, request: Request) -> dict[str, Any]:
    validate(obj("orderIds", orderIds=Arr(Str(), 1, 100)), request.body)
    ids = [i for i in request.body["orderIds"] if i in site.orders]
    return {"orderTransactions": [site.transactions_json(i) for i in ids]}


@route("POST", "/ecom/v1/payments/orders/{orderId}/add-payment")
def add_payment(site: Any, request: Request) -> dict[str, Any]:
    validate(
        Obj({"orderId": Str(), "payments": Arr(PAYMENT, 1, 50)}, frozenset({"payments"})),
        request.body,
    )
    order = site.order(request.same_id("orderId", "orderId"))
    ids = []
    for sent in request.body["payments"]:
        now = site.now_iso()
        payment = {
            "id": new_id(),
            "createdDate": now,
            "updatedDate": now,
            "status": "APPROVED",
            "refundDisabled": False,
            **sent,
        }
        payment["amount"] = site.money(dec(sent["amount"]))
        site.payments[order["id"]].append(payment)
        ids.append(payment["id"])
    site.refresh_payment_state(order)
    if order["status"] == "INITIALIZED" and order["paymentStatus"] in ("PAID", "PARTIALLY_PAID"):
        order["status"] = "APPROVED"
    if order["paymentStatus"] == "PAID":
        site.add_activity(order, "ORDER_PAID")
    site.maybe_move_stock(order)
    site.touch(order)
    return {"orderTransactions": site.transactions_json(order["id"]), "paymentsIds": ids}


def _refunded(site: Any, order_id: str) -> Counter[str]:
    """What each payment already gave back (FAILED refund transactions excepted)."""
    totals: Counter[str] = Counter()
    for refund in site.refunds[order_id]:
        for txn in refund["transactions"]:
            if txn["refundStatus"] != "FAILED":
                totals[txn["paymentId"]] += dec(txn["amount"])  # type: ignore[assignment]
    return totals


def _check_lines(
    order: dict[str, Any], wanted: list[dict[str, Any]], counter: str, code: str
) -> None:
    lines = {line["id"]: line for line in order["lineItems"]}
    asked: Counter[str] = Counter()
    for entry in wanted:
        line = lines.get(entry["lineItemId"])
        if line is None:
            raise not_found(
                "LINE_ITEM_NOT_FOUND", "no such line item", lineItemId=entry["lineItemId"]
            )
        asked[line["id"]] += entry["quantity"]
        if asked[line["id"]] > line["quantity"] - line[counter]:
            raise precondition(
                code,
                f"{counter} would exceed the line quantity",
                lineItemId=line["id"],
                available=line["quantity"] - line[counter],
            )


def _transactions(site: Any, order: dict[str, Any], refunds: list[dict[str, Any]]) -> list[Any]:
    payments = {p["id"]: p for p in site.payments[order["id"]]}
    already = _refunded(site, order["id"])
    made = []
    for entry in refunds:
        payment = payments.get(entry["paymentId"])
        if payment is None:
            raise not_found("PAYMENT_NOT_FOUND", "no such payment", paymentId=entry["paymentId"])
        if payment["status"] not in REFUNDABLE or payment.get("refundDisabled"):
            raise precondition(
                "PAYMENT_NOT_REFUNDABLE", f"payment is {payment['status']}", paymentId=payment["id"]
            )
        left = dec(payment["amount"]) - already[payment["id"]]
        value = dec(entry["amount"]) if entry.get("amount") else left
        gift = "giftcardPaymentDetails" in payment  # gift cards: full refunds only (§2.7)
        if value <= 0 or value > left or (gift and value != left):
            raise precondition(
                "INVALID_PAYMENT_REFUND_AMOUNT",
                "more than the payment has left",
                paymentId=payment["id"],
                refundable=str(left),
            )
        already[payment["id"]] += value  # type: ignore[assignment]
        made.append((payment, value, bool(entry.get("externalRefund"))))
    return made


@route("POST", "/ecom/v1/order-billing/refund-payments")
def refund_payments(site: Any, request: Request) -> dict[str, Any]:
    validate(REFUND, request.body)
    body = request.body
    order = site.order(body["orderId"])
    items = body.get("refundItems") or {}
    restock = ((body.get("sideEffects") or {}).get("restock") or {}).get("lineItems") or []
    made = _transactions(site, order, body["paymentRefunds"])
    _check_lines(
        order, items.get("lineItems") or [], "refundQuantity", "INVALID_LINE_ITEM_REFUND_QUANTITY"
    )
    _check_lines(order, restock, "restockQuantity", "INVALID_LINE_ITEM_RESTOCK_QUANTITY")
    shipping = dec((items.get("shipping") or {}).get("amount"))
    if shipping > dec(order["priceSummary"].get("shipping")):
        raise precondition("SHIPPING_NOT_FOUND", "the order has no such shipping to refund")
    return _apply(site, order, body, made, restock, shipping)


def _apply(
    site: Any,
    order: dict[str, Any],
    body: dict[str, Any],
    made: list[Any],
    restock: list[dict[str, Any]],
    shipping: Decimal,
) -> dict[str, Any]:
    now, lines = site.now_iso(), {line["id"]: line for line in order["lineItems"]}
    items = body.get("refundItems") or {}
    for entry in items.get("lineItems") or []:
        lines[entry["lineItemId"]]["refundQuantity"] += entry["quantity"]
    for entry in restock:
        line = lines[entry["lineItemId"]]
        line["restockQuantity"] += entry["quantity"]
        item = site.line_item_stock(line)
        if item is not None:
            site.adjust(item, entry["quantity"])
    total = sum((value for _, value, _ in made), Decimal(0))
    details: dict[str, Any] = {
        "lineItems": [dict(e) for e in items.get("lineItems") or []],
        "additionalFees": [],
        "reason": body.get("customerReason", ""),
        "shippingIncluded": shipping > 0,
    }
    if shipping > 0:
        details["shipping"] = {"amount": site.money(shipping)}
    refund = {
        "id": new_id(),
        "createdDate": now,
        "transactions": [
            {
                "paymentId": p["id"],
                "amount": site.money(v),
                "refundStatus": "SUCCEEDED",
                "externalRefund": ext,
                **({} if ext else {"gatewayRefundId": new_id()}),
            }
            for p, v, ext in made
        ],
        "details": details,
        "summary": {
            "requestedRefund": site.money(total),
            "pendingRefund": site.money(Decimal(0)),
            "refunded": site.money(total),
            "failedRefundAmount": site.money(Decimal(0)),
            "pending": False,
            "breakdown": {},
        },
    }
    site.refunds[order["id"]].append(refund)
    refunded = _refunded(site, order["id"])
    for payment, _, _ in made:
        full = refunded[payment["id"]] >= dec(payment["amount"])
        status = "REFUNDED" if full else "PARTIALLY_REFUNDED"
        if "giftcardPaymentDetails" in payment:
            status = "VOIDED"
        payment.update(status=status, updatedDate=now)
    site.refresh_payment_state(order)
    site.add_activity(order, "ORDER_REFUNDED", refundId=refund["id"])
    site.touch(order)
    return {"refund": refund, "orderTransactions": site.transactions_json(order["id"])}
